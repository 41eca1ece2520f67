"""Texts of the gender_outcomes page (participants and outcomes by gender, one association and year),
and the words of the tables, gap tests and rate bases it shows."""

TEXT = {
    # ------------------------------------------------------------------ page and sections
    "gender_outcomes.heading": {
        "sv": "# {name}: deltagare och utfall efter kön, {year}",
        "en": "# {name}: participants and outcomes by gender, {year}",
    },
    "gender_outcomes.about": {
        "sv": "Uppgifter för {year} enligt: {sources}.",
        "en": "Figures for {year} as stated in: {sources}.",
    },
    "gender_outcomes.section.intro": {
        "sv": "Hur många kvinnor och män som deltog, hur många som avslutades och vart de gick: till arbete, "
              "studier, som arbetssökande eller av andra skäl. Andelarna redovisas med 95 % konfidensintervall "
              "och skillnaden mellan kvinnor och män med ett test som passar för små tal.",
        "en": "How many women and men took part, how many ended, and where they went: work, studies, job seeking "
              "or other reasons. Rates come with 95 % intervals and the gender gap with a test suited to small "
              "counts.",
    },
    "gender_outcomes.section.participants": {
        "sv": "## Deltagare efter kön\n\nUppgifter för hela förbundet så som rapporten anger dem "
              "(⚠ = rapporten anger uppgiften med olika värden).",
        "en": "## Participants by gender\n\nAssociation-wide figures as the report states them (⚠ marks a figure "
              "the report states with different values).",
    },
    "gender_outcomes.section.exits": {
        "sv": "## Avslut och avslutsorsaker efter kön",
        "en": "## Exits and exit reasons by gender",
    },
    "gender_outcomes.section.rates": {
        "sv": "## Andelar med 95 % konfidensintervall\n\nAndel av de avslutade deltagarna per utfall. "
              "*Rapporterad* är rapportens egen procentsats, som jämförelse.",
        "en": "## Outcome rates with 95 % confidence intervals\n\nShare of exited participants per outcome. "
              "*Reported* is the report's own percentage, for comparison.",
    },
    "gender_outcomes.section.gap": {
        "sv": "## Skillnad mellan kvinnor och män i andelen till arbete eller studier\n\n"
              "Skillnaden kvinnor − män i andelen som gick till arbete eller studier, med 95 % konfidensintervall "
              "(Newcombes metod) och den minsta skillnad som gruppernas storlek kan upptäcka med 80 % styrka. "
              "Skillnaden prövas med Fishers exakta test när något förväntat antal i tabellen är under 5 och "
              "annars med ett χ²-test.",
        "en": "## Gender gap in exits to work or studies\n\nDifference between women and men (women − men) in "
              "the share who left for work or studies, with its 95 % interval (Newcombe's method) and the "
              "smallest difference the group sizes could detect with 80 % power. It is tested with Fisher's exact "
              "test when any expected cell count is below 5 and otherwise with a chi-squared test.",
    },
    "gender_outcomes.section.by_intervention": {"sv": "## Per insats", "en": "## By intervention"},
    "gender_outcomes.mixed_timing_what": {"sv": "Andelen till arbete eller studier för {group}",
                                          "en": "The rate to work or studies of {group}"},
    "gender_outcomes.section.caveats": {"sv": "## Att tänka på", "en": "## Caveats"},

    # ------------------------------------------------------------------ population
    "gender_outcomes.group.no_outcomes": {
        "sv": "Rapporten anger inga avslutsutfall för {year}.",
        "en": "The report states no exit outcomes for {year}.",
    },
    "gender_outcomes.group.all": {
        "sv": "Avslutsutfallen nedan gäller hela förbundet (samtliga insatser).",
        "en": "Exit outcomes below are association-wide (all interventions).",
    },
    "gender_outcomes.group.intro": {
        "sv": "Utfallsavsnitten nedan beskriver **{group}**, inte samtliga insatser: ",
        "en": "The outcome sections below describe **{group}**, not all interventions: ",
    },
    "gender_outcomes.group.excluded": {
        "sv": "rapporten lämnar {excluded} utanför sina utfallssiffror (arbete eller studier är inte tillämpligt "
              "för dem, eller så är de bedömningsforum), medan rapportens antal avslutade för hela förbundet räknar med "
              "dem.",
        "en": "the report leaves {excluded} out of its outcome figures (work or studies are not applicable to them, "
              "or they are assessment forums), while its association-wide exit count includes them.",
    },
    "gender_outcomes.group.only": {
        "sv": "rapporten anger utfall bara för den här gruppen.",
        "en": "the report states outcomes only for this group.",
    },
    "gender_outcomes.group.covers": {
        "sv": " Gruppen omfattar {covers}.",
        "en": " The group covers {covers}.",
    },
    # English pages only: the note is the curators' English (a Swedish page leaves it out)
    "gender_outcomes.group.note": {
        "sv": " Rapporten beskriver gruppen så här: {note}.",
        "en": " The report describes it as: {note}.",
    },
    "gender_outcomes.group.same": {
        "sv": " Alla sidor på webbplatsen använder samma grupp för det här förbundet och året.",
        "en": " Every page of this site uses the same group for this association and year.",
    },

    # ------------------------------------------------------------------ participants
    "gender_outcomes.participants.none": {
        "sv": "Rapporten anger inget antal deltagare för hela förbundet det här året; se uppdelningen per insats "
              "nedan.",
        "en": "The report gives no association-wide participant count for this year; see the breakdown by "
              "intervention below.",
    },
    "gender_outcomes.participants.count": {
        "sv": "År {year} räknar rapporten {all} {noun}",
        "en": "In {year}, the report counts {all} {noun}",
    },
    "gender_outcomes.participants.split": {
        "sv": " (varav kvinnor {women}, män {men}",
        "en": " (of which women {women}, men {men}",
    },
    "gender_outcomes.participants.unknown": {
        "sv": ", ej angivet kön {unknown}",
        "en": ", gender not stated {unknown}",
    },
    "gender_outcomes.participants.not_people": {
        "sv": " Det är {noun}, inte personer. {description}",
        "en": " These are {noun}, not people. {description}",
    },
    "gender_outcomes.participants.also": {
        "sv": " Rapporten anger också {values} {metric}.",
        "en": " The report also states {values} {metric}.",
    },
    "gender_outcomes.participants.both": {
        "sv": " Där två tal visas anger rapporten båda.",
        "en": " Where two numbers are given, the report states both.",
    },

    # ------------------------------------------------------------------ tables
    "gender_outcomes.col.outcome": {"sv": "Utfall", "en": "Outcome"},
    "gender_outcomes.col.gender": {"sv": "Kön", "en": "Gender"},
    "gender_outcomes.col.exited": {"sv": "Avslutade (n)", "en": "Exited (n)"},
    "gender_outcomes.col.count": {"sv": "Antal (k)", "en": "Count (k)"},
    "gender_outcomes.col.rate": {"sv": "Andel", "en": "Rate"},
    "gender_outcomes.col.ci": {"sv": "95 % KI", "en": "95 % CI"},
    "gender_outcomes.col.persons_at_least": {"sv": "Minst så många personer", "en": "Persons (at least)"},
    "gender_outcomes.col.ci_persons": {"sv": "95 % KI räknat på personer", "en": "95 % CI counting persons"},
    "gender_outcomes.col.reported": {"sv": "Rapporterad", "en": "Reported"},
    "gender_outcomes.col.basis": {"sv": "Underlag", "en": "Basis"},
    "gender_outcomes.col.conflict": {"sv": "Olika värden", "en": "Conflict"},
    "gender_outcomes.col.intervention": {"sv": "Insats", "en": "Intervention"},
    "gender_outcomes.col.women": {"sv": "Kvinnor", "en": "Women"},
    "gender_outcomes.col.men": {"sv": "Män", "en": "Men"},
    "gender_outcomes.col.women_rate": {"sv": "Andel kvinnor", "en": "Women rate"},
    "gender_outcomes.col.men_rate": {"sv": "Andel män", "en": "Men rate"},
    "gender_outcomes.col.difference": {"sv": "Skillnad kvinnor − män", "en": "Difference"},
    "gender_outcomes.col.difference_ci": {"sv": "95 % KI (procentenheter)", "en": "95 % CI (pp)"},
    "gender_outcomes.col.detectable": {"sv": "Upptäckbar skillnad, 80 % styrka (procentenheter)",
                                       "en": "Detectable at 80 % power (pp)"},
    "gender_outcomes.col.odds_ratio": {"sv": "Oddskvot", "en": "Odds ratio"},
    "gender_outcomes.col.cohens_h": {"sv": "Cohens h", "en": "Cohen's h"},
    "gender_outcomes.col.test": {"sv": "Testmetod", "en": "Test"},
    "gender_outcomes.col.p": {"sv": "p-värde", "en": "p"},
    "gender_outcomes.col.conclusion": {"sv": "Slutsats", "en": "Conclusion"},
    "gender_outcomes.all_interventions": {"sv": "Samtliga insatser", "en": "All interventions"},
    "gender_outcomes.all_interventions_lower": {"sv": "samtliga insatser", "en": "all interventions"},
    "gender_outcomes.pp_short": {"sv": "{value} procentenheter", "en": "{value} pp"},

    # what a rate rests on (rates.basis_code)
    "gender_outcomes.basis.counts": {"sv": "antal", "en": "counts"},
    "gender_outcomes.basis.derived": {"sv": "antal (arbete + studier)", "en": "counts (work + studies)"},
    "gender_outcomes.basis.reported": {"sv": "bara rapporterad andel, inget intervall",
                                       "en": "reported % only, no interval"},

    # tests (rates.test_code)
    # the tests themselves: common.test.* (finsam.views.tables.test_name)
    "gender_outcomes.test.none_same_outcome": {"sv": "inget (alla fick samma utfall)",
                                               "en": "none (every person had the same outcome)"},
    "gender_outcomes.test.none": {"sv": "inget", "en": "none"},

    # verdicts (rates.verdict_code); {level} is 5 %, {diff} whole percentage points
    "gender_outcomes.verdict.no_evidence": {
        "sv": "inga belägg för en skillnad på {level}-nivån",
        "en": "no evidence of a difference at the {level} level",
    },
    "gender_outcomes.verdict.evidence.higher": {
        "sv": "belägg för en skillnad på {level}-nivån: kvinnornas andel är {diff} procentenheter högre",
        "en": "evidence of a difference at the {level} level: women higher by {diff} percentage points",
    },
    "gender_outcomes.verdict.evidence.lower": {
        "sv": "belägg för en skillnad på {level}-nivån: kvinnornas andel är {diff} procentenheter lägre",
        "en": "evidence of a difference at the {level} level: women lower by {diff} percentage points",
    },
    "gender_outcomes.verdict.no_test_no_exits": {
        "sv": "inget test möjligt: rapporten anger inga avslutade för en av de två grupperna",
        "en": "no test possible: no exits are stated for one of the two groups",
    },
    "gender_outcomes.verdict.no_test_no_split": {
        "sv": "inget test möjligt: ingen uppdelning av antalen stämmer med rapportens avrundade procentsatser",
        "en": "no test possible: no split of the counts fits the report's rounded percentages",
    },
    "gender_outcomes.verdict.no_test_no_counts": {
        "sv": "inget test möjligt: rapporten anger procentsatser utan antalen bakom dem",
        "en": "no test possible: the report gives percentages without the counts behind them",
    },
    "gender_outcomes.splits": {
        "sv": "{n} uppdelningar stämmer med de avrundade procentsatserna: {verdicts}",
        "en": "{n} splits consistent with the rounded percentages: {verdicts}",
    },

    # ------------------------------------------------------------------ gap text
    "gender_outcomes.gap.none": {
        "sv": "Rapporten anger inga ettårsutfall för både kvinnor och män {year}.",
        "en": "The report gives no one-year outcome figures for both women and men in {year}.",
    },
    "gender_outcomes.gap.periods": {
        "sv": " Den anger utfall efter kön för perioder över flera år: {periods}. De perioderna är inte ettårssiffror "
              "och jämförs inte här.",
        "en": " It does give outcomes by gender for multi-year periods: {periods}. Those periods are not one-year "
              "figures and are not compared here.",
    },
    "gender_outcomes.gap.why_rounded": {
        "sv": "rapporten anger kvinnornas och männens andelar bara som avrundade procentsatser, och {n} uppdelningar "
              "av de avslutade stämmer med dem",
        "en": "the report prints women's and men's rates only as rounded percentages, and {n} splits of the exits "
              "are consistent with them",
    },
    "gender_outcomes.gap.why_conflict": {
        "sv": "rapportens motstridiga antal ger {n} versioner av jämförelsen",
        "en": "the report's conflicting counts allow {n} versions of the comparison",
    },
    "gender_outcomes.gap.versions": {
        "sv": "För {what} gäller att {why}: skillnaden kvinnor − män ligger mellan {dmin} och {dmax} procentenheter "
              "({p_range}); {conclusion}.",
        "en": "For {what}, {why}: the difference women − men ranges from {dmin} to {dmax} percentage points "
              "({p_range}); {conclusion}.",
    },
    "gender_outcomes.gap.p_range": {"sv": "p från {low} till {high}", "en": "p from {low} to {high}"},
    "gender_outcomes.gap.every_version": {"sv": "i alla versioner: {verdict}", "en": "in every version, {verdict}"},
    "gender_outcomes.gap.depends": {
        "sv": "slutsatsen beror på vilken version som stämmer: {verdicts}",
        "en": "the conclusion depends on which version is right: {verdicts}",
    },
    "gender_outcomes.gap.interval_range": {
        "sv": " Konfidensintervallet (95 %, Newcombe) för skillnaden sträcker sig över versionerna från {low} till "
              "{high} procentenheter. Med de här gruppstorlekarna är den minsta skillnad som kan upptäckas med 80 % "
              "styrka {det_low} till {det_high} procentenheter.",
        "en": " The 95 % interval of the difference (Newcombe) spans, over the versions, from {low} to {high} "
              "percentage points; groups of these sizes detect with 80 % power only a difference of at least "
              "{det_low} to {det_high} percentage points.",
    },
    "gender_outcomes.gap.not_evidence_small": {
        "sv": " Det är inte belägg för att skillnaden saknas: grupperna kan vara för små för att upptäcka en skillnad.",
        "en": " This is not evidence that there is no difference: the groups may be too small to detect one.",
    },
    "gender_outcomes.gap.untested": {
        "sv": "För {what} är andelen för kvinnor {women} och för män {men}: {verdict}.",
        "en": "For {what}, women {women} and men {men}: {verdict}.",
    },
    "gender_outcomes.gap.tested": {
        "sv": "För {what} gick {women_k} kvinnor ({women}) och {men_k} män ({men}) till arbete eller studier, "
              "en skillnad på {diff} procentenheter: {verdict} ({test}, {p}).",
        "en": "For {what}, {women_k} women ({women}) and {men_k} men ({men}) left for work or studies, a "
              "difference of {diff} percentage points: {verdict} ({test}, {p}).",
    },
    "gender_outcomes.gap.interval": {
        "sv": " Konfidensintervallet (95 %, Newcombe) för skillnaden är {low} till {high} procentenheter. Med "
              "{n_women} kvinnor och {n_men} män är den minsta skillnad som kan upptäckas med 80 % styrka "
              "{detectable} procentenheter.",
        "en": " The 95 % interval of the difference is {low} to {high} percentage points (Newcombe); with "
              "{n_women} women and {n_men} men, only a difference of at least {detectable} percentage points would "
              "be detected with 80 % power.",
    },
    "gender_outcomes.gap.methods_disagree": {
        "sv": " Intervallet (Newcombe) och testet är olika metoder och ger här olika besked: skillnaden ligger "
              "nära gränsen för vad som kan skiljas från slumpen och bör läsas som osäker.",
        "en": " The interval (Newcombe) and the test are different methods and disagree here: the difference is "
              "close to what chance alone could give and should be read as uncertain.",
    },
    "gender_outcomes.gap.not_evidence": {
        "sv": " Det är inte belägg för att skillnaden saknas.",
        "en": " This is not evidence that there is no difference.",
    },

    # ------------------------------------------------------------------ figure
    "gender_outcomes.fig.title_by_gender": {"sv": "Avslutsutfall efter kön", "en": "Exit outcomes by gender"},
    "gender_outcomes.fig.title_everyone": {"sv": "Avslutsutfall (alla; ingen uppdelning efter kön)",
                                           "en": "Exit outcomes (everyone; no split by gender)"},
    "gender_outcomes.fig.title_year_ci": {"sv": "{title}, {year}: % av avslutade, 95 % KI där antal finns",
                                          "en": "{title}, {year}: % of exited, 95 % CI where counts exist"},
    "gender_outcomes.fig.title_year_no_ci": {"sv": "{title}, {year}: % av avslutade (rapporterat, inga intervall)",
                                             "en": "{title}, {year}: % of exited (reported, no intervals)"},
    "gender_outcomes.fig.ylabel": {"sv": "% av avslutade deltagare", "en": "% of exited participants"},
    "gender_outcomes.fig.hatched": {"sv": "streckad: rapporten anger uppgiften även med ett annat värde",
                                    "en": "hatched: the report states this figure with another value too"},
    "gender_outcomes.fig.alt": {"sv": "Stapeldiagram: {title}{group}. {values}.",
                                "en": "Bar chart: {title}{group}. {values}."},

    # ------------------------------------------------------------------ caveats
    "gender_outcomes.caveat.denominator": {
        "sv": "Andelarna är procent av de deltagare som **avslutades** under året, efter kön; personer som "
              "fortfarande deltar ingår inte i nämnaren.",
        "en": "Rates are percentages of the participants who **ended** in the year, by gender; persons still "
              "taking part are not in the denominator.",
    },
    "gender_outcomes.caveat.intervals": {
        "sv": "Intervallen är 95 % Wilsonintervall beräknade från antalen; där rapporten bara anger en procentsats "
              "visas den som rapporterad, utan intervall.",
        "en": "Intervals are 95 % Wilson score intervals from the counts; where the report prints only a "
              "percentage, it is shown as reported, without an interval.",
    },
    "gender_outcomes.caveat.small": {
        "sv": "Små grupper, färre än {small} avslutade: {listing}; deras andelar är osäkra (se intervallen).",
        "en": "Small groups, fewer than {small} exits: {listing}; their rates are uncertain (see the intervals).",
    },
    "gender_outcomes.caveat.unit": {
        "sv": "Antalen avslutade i den här gruppen räknar {noun}: en person som avslutat flera insatser räknas en "
              "gång per insats.",
        "en": "The exit counts of this group are {noun}: a person who ended several interventions counts once for "
              "each.",
    },
    "gender_outcomes.caveat.unit_persons": {
        "sv": " Wilsonintervallen behandlar vart och ett av dem som en egen person och blir därför för smala. Rapporten "
              "anger {persons} unika personer bakom {participations} {noun}, så högst {surplus} av dem är "
              "upprepningar och n {noun} är minst n − {surplus} personer; kolumnen ”95 % KI räknat på personer” "
              "är Wilsonintervallet för samma andel med n ersatt av det antalet (ett försiktigt intervall).",
        "en": " The Wilson intervals treat each of these as a person of its own and are therefore too narrow. "
              "The report states {persons} unique persons behind {participations} {noun}, so at most "
              "{surplus} of them are repeats and n {noun} are at least n − {surplus} persons; the "
              "column “95 % CI counting persons” is the Wilson interval of the same rate with n replaced by that "
              "number (a conservative interval)."},
    "gender_outcomes.caveat.unit_no_persons": {
        "sv": " Wilsonintervallen behandlar vart och ett av dem som en egen person och är därför för smala; rapporten "
              "anger inte hur många personer det är, så hur mycket bredare de borde vara går inte att säga.",
        "en": " The Wilson intervals treat each of these as a person of its own and are therefore too narrow; "
              "the report does not state how many persons these are, so how much wider they should be cannot be "
              "said."},
    "gender_outcomes.caveat.totals": {
        "sv": "Summor över insatser kan räkna samma person flera gånger om personen deltagit i flera insatser; "
              "uppgifterna för hela förbundet är rapportens egna.",
        "en": "Intervention totals can count one person more than once when they took part in several "
              "interventions; association-wide figures are the report's own.",
    },
    # a Swedish page words the report's caution itself (the curators' notes are English; the report's
    # quote may stop mid-sentence), as the trend page does; an English page shows the note
    "gender_outcomes.caveat.caution_ref": {
        "sv": "Rapporten uppmanar själv till försiktighet när uppgifterna om {figures} tolkas ({reference}).",
        "en": "The report itself urges caution in reading the figures on {figures} ({reference}).",
    },
    "gender_outcomes.caveat.caution": {
        "sv": "Rapportens egen reservation: ”{text}”.",
        "en": "The report's own caution: {text}.",
    },
    "gender_outcomes.caveat.conflicts": {
        "sv": "Rapporten anger vissa uppgifter två gånger med olika värden (⚠ i tabellerna; båda visas):",
        "en": "The report states some figures twice with different values (⚠ in the tables; both are shown):",
    },
    "gender_outcomes.caveat.multi_year": {
        "sv": "{n} uppgift(er) gäller flera år (sammanlagt eller sedan projektstart); de blandas inte med de här "
              "ettårssiffrorna.",
        "en": "{n} figure(s) cover several years (cumulative or project-to-date); they are not mixed into these "
              "one-year figures.",
    },
    "gender_outcomes.conflict.values_sep": {"sv": " mot ", "en": " vs "},
}
