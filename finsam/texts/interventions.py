"""The interventions page (notebooks/interventions.ipynb, finsam.views.interventions): interventions
compared within one association and year, in Swedish and English.

Numbers reach these sentences already formatted by the view (finsam.views.fmt via viewkit.View), so the
placeholders hold text such as '36,6 %' / '36.6%'. "No evidence of a difference" is never written
as "no difference": 'inga belägg för att insatserna skiljer sig åt'."""

TEXT = {
    # ---------------------------------------------------------------- title and sections
    "interventions.heading": {
        "sv": "# {name}: insatserna jämförda, {year}",
        "en": "# {name}: interventions compared, {year}"},
    "interventions.about": {
        "sv": "För varje insats: andelen avslutade deltagare som gick till arbete eller studier, med 95 % "
              "konfidensintervall; ett trattdiagram mot den sammanvägda andelen; ett test av om insatserna skiljer "
              "sig åt mer än slumpen förklarar; om det är sammansättningen av insatser eller deras resultat som "
              "styr den sammanvägda andelen; och årets mål, den nationella andel som rapporten anger och "
              "förändringen från året innan, var och en med sin osäkerhet.\n\n"
              "Siffrorna för {year} är hämtade ur: {sources}.",
        "en": "Each intervention's share of exited participants who left for work or studies, with its 95% "
              "interval; a funnel plot against the pooled rate; a test of whether the interventions differ by more "
              "than chance; whether the mix of interventions rather than their results drives the pooled rate; and "
              "the year's goals, the national share the report quotes and the change from the year before, each "
              "with its uncertainty.\n\n"
              "Figures for {year} as stated in: {sources}."},
    "interventions.section.rates": {
        "sv": "## Andel till arbete eller studier per insats\n\n"
              "Andel av de avslutade deltagarna, med 95 % konfidensintervall; *Tratt* anger om "
              "insatsen ligger inom trattdiagrammets kontrollgränser kring den sammanvägda andelen "
              "(⚠ = rapporten anger uppgiften med olika värden).",
        "en": "## Rates to work or studies by intervention\n\n"
              "Share of exited participants, with 95% intervals; *Funnel* says whether the intervention "
              "lies within the funnel limits around the pooled rate (⚠: the report states a figure with two "
              "values)."},
    "interventions.section.funnel": {"sv": "## Trattdiagram", "en": "## Funnel plot"},
    "interventions.section.heterogeneity": {"sv": "## Skiljer sig insatserna åt?",
                                            "en": "## Do the interventions differ?"},
    "interventions.section.mix": {
        "sv": "## Sammansättning eller resultat?\n\n"
              "Hur mycket varje insats väger i den sammanvägda andelen, och vad andelen skulle bli om alla insatser "
              "vägde lika.",
        "en": "## Mix or results?\n\n"
              "How much each intervention weighs in the pooled rate, and what the rate would be with every "
              "intervention weighted equally."},
    "interventions.section.goals": {"sv": "## Mål", "en": "## Goals"},
    "interventions.section.national": {"sv": "## Jämfört med den nationella andelen",
                                       "en": "## Against the national share"},
    "interventions.section.change": {"sv": "## År för år", "en": "## Year on year"},
    "interventions.section.costs": {"sv": "## Härledda kostnader (ej prisjusterade)",
                                    "en": "## Derived costs (not price-adjusted)"},
    "interventions.section.caveats": {"sv": "## Att tänka på", "en": "## Caveats"},

    # ---------------------------------------------------------------- words shared by the sections
    "interventions.all": {"sv": "alla insatser", "en": "all interventions"},
    "interventions.all_title": {"sv": "Alla insatser", "en": "All interventions"},
    "interventions.above": {"sv": "över", "en": "above"},
    "interventions.below": {"sv": "under", "en": "below"},
    "interventions.within": {"sv": "inom", "en": "within"},

    # ---------------------------------------------------------------- table headers
    "interventions.col.intervention": {"sv": "Insats", "en": "Intervention"},
    "interventions.col.exited": {"sv": "Avslutade (n)", "en": "Exited (n)"},
    "interventions.col.work_or_studies_k": {"sv": "Till arbete eller studier (k)", "en": "To work or studies (k)"},
    "interventions.col.rate": {"sv": "Andel", "en": "Rate"},
    "interventions.col.ci": {"sv": "95 % KI", "en": "95% CI"},
    "interventions.col.funnel_95": {"sv": "Tratt 95 %", "en": "Funnel 95%"},
    "interventions.col.funnel_99_8": {"sv": "Tratt 99,8 %", "en": "Funnel 99.8%"},
    "interventions.col.conflict": {"sv": "Olika värden", "en": "Conflict"},
    "interventions.col.weight": {"sv": "Vikt (andel av de avslutade)", "en": "Share of exits"},
    "interventions.col.contribution": {"sv": "Bidrag till sammanvägd andel (procentenheter)",
                                       "en": "Contribution to pooled rate (pp)"},
    "interventions.col.goal": {"sv": "Mål", "en": "Goal"},
    "interventions.col.target": {"sv": "Målvärde", "en": "Target"},
    "interventions.col.result": {"sv": "Resultat", "en": "Result"},
    "interventions.col.judged": {"sv": "Bedömt mot intervallet", "en": "Judged from the interval"},
    "interventions.col.point": {"sv": "Punktvärdet", "en": "Point value"},
    "interventions.col.cost": {"sv": "Kostnad", "en": "Cost"},
    "interventions.col.participants": {"sv": "Deltagare", "en": "Participants"},
    "interventions.col.per_participant": {"sv": "Kostnad per deltagare (härledd)",
                                          "en": "Cost per participant (derived)"},
    "interventions.col.work_or_studies": {"sv": "Till arbete eller studier", "en": "To work or studies"},
    "interventions.col.per_work_or_studies": {"sv": "Kostnad per person till arbete eller studier (härledd)",
                                              "en": "Cost per person to work or studies (derived)"},
    "interventions.col.cost_range": {"sv": "Spann enligt andelens 95 % KI",
                                     "en": "Range from the rate's 95% CI"},

    # ---------------------------------------------------------------- not compared
    "interventions.not_compared": {"sv": "Jämförs inte:\n\n{items}", "en": "Not compared:\n\n{items}"},
    "interventions.not_compared.none": {
        "sv": "Alla insatser med utfallssiffror för året jämförs.",
        "en": "Every intervention with outcome figures for this year is compared."},
    "interventions.why.aggregate": {
        "sv": "en summa av flera insatser (gruppen bakom rubriksiffran), inte en enskild insats",
        "en": "a total of several interventions (the headline group), not one intervention"},
    "interventions.why.aggregate_other": {
        "sv": "en summa av flera insatser, inte en enskild insats",
        "en": "a total of several interventions, not one intervention"},
    "interventions.why.parts": {"sv": "dess delar jämförs i stället", "en": "its parts are compared instead"},
    "interventions.why.percentage_only": {
        "sv": "en procentsats utan antal: inget konfidensintervall kan beräknas",
        "en": "a percentage without its counts: no interval is possible"},
    "interventions.why.no_work_or_studies": {
        "sv": "inget antal som gick till arbete eller studier",
        "en": "no count of exits to work or studies"},
    "interventions.why.no_exited": {"sv": "inget antal avslutade deltagare",
                                    "en": "no count of exited participants"},

    # ---------------------------------------------------------------- funnel figure
    "interventions.funnel.title": {"sv": "Avslutade till arbete eller studier per insats, {year}",
                                   "en": "Exits to work or studies by intervention, {year}"},
    "interventions.funnel.xlabel": {"sv": "avslutade deltagare (n)", "en": "exited participants (n)"},
    "interventions.funnel.ylabel": {"sv": "% till arbete eller studier", "en": "% to work or studies"},
    "interventions.funnel.limits": {"sv": "binomialgränser {level}", "en": "{level} binomial limits"},
    "interventions.funnel.none": {"sv": "ingen", "en": "none"},
    "interventions.funnel.pooled": {"sv": "sammanvägd andel {rate}", "en": "pooled rate {rate}"},
    "interventions.funnel.alt": {
        "sv": "Trattdiagram: andelen avslutade som gick till arbete eller studier för {m} insatser mot antalet "
              "avslutade, {year}, med binomiala kontrollgränser på {level1} och {level2} kring den sammanvägda andelen "
              "{rate} ({k_of_n}). {points}.",
        "en": "Funnel plot: the share of exited participants who left for work or studies for {m} interventions "
              "against the number exited, {year}, with {level1} and {level2} binomial control limits around the pooled "
              "rate {rate} ({k_of_n}). {points}."},
    "interventions.funnel.point": {"sv": "{name}: {rate} ({k_of_n}, {position} gränserna på {level})",
                                   "en": "{name}: {rate} ({k_of_n}, {position} the {level} limits)"},

    # ---------------------------------------------------------------- funnel text
    "interventions.funnel.pooled_text": {
        "sv": "Den sammanvägda andelen för de {m} insatserna är {rate} ({k_of_n} avslutade). Kontrollgränserna är "
              "exakta binomialgränser kring den för varje storlek n: en insats utanför dem skiljer sig från den "
              "sammanvägda andelen mer än vad slumpen rimligen förklarar.",
        "en": "The pooled rate of the {m} interventions is {rate} ({k_of_n} exited). The limits are exact binomial "
              "limits around it for each size n: an intervention outside them differs from the pooled rate by "
              "more than chance would make likely."},
    "interventions.funnel.outside": {"sv": "Utanför gränserna på {level}: {count}.",
                                     "en": "Outside the {level} limits: {count}."},
    "interventions.funnel.outside_named": {"sv": "Utanför gränserna på {level}: {count} — {names}.",
                                           "en": "Outside the {level} limits: {count} — {names}."},
    "interventions.funnel.chance": {
        "sv": "Även om alla insatser hade den sammanvägda andelen skulle slumpen i genomsnitt placera {e1} av de "
              "{m} insatserna utanför gränserna på {level1} och {e2} utanför gränserna på {level2} (nominellt "
              "{n1} och {n2}; gränser för hela antal är något strängare). Ju fler insatser som jämförs, desto "
              "fler hamnar alltså utanför gränserna av en slump.",
        "en": "If every intervention had the pooled rate, chance alone would put on average {e1} of the {m} "
              "outside the {level1} limits and {e2} outside the {level2} limits (nominally {n1} and {n2}; limits "
              "on whole counts are a little stricter)."},

    # ---------------------------------------------------------------- heterogeneity
    "interventions.funnel.overdispersed": {
        "sv": "Andelarna sprider sig φ = {phi} gånger mer än binomial slump runt den sammanvägda andelen, och "
              "testet av om insatserna skiljer sig åt (nedan; {p}) visar att spridningen är större än slumpen "
              "förklarar. Binomialgränserna mäter då bara slumpen och är för snäva för att peka ut en enskild "
              "insats. Diagrammet visar därför också gränser som tillåter spridningen mellan insatserna: "
              "Spiegelhalters additiva slumpeffektgränser, med en spridning mellan insatserna på τ = {tau} "
              "procentenheter (standardavvikelse). De är additiva och inte multiplikativa (φ), eftersom insatserna skiljer sig åt i "
              "målgrupp och arbetssätt oavsett storlek: en multiplikativ faktor skulle ändå snäva in gränserna "
              "kring den sammanvägda andelen för de största insatserna.",
        "en": "The rates spread φ = {phi} times as much as binomial chance around the pooled rate, and the test of "
              "whether the interventions differ (below; {p}) shows more spread than chance explains. The binomial "
              "limits then measure chance alone and are too narrow to single out an intervention. The figure "
              "therefore also draws limits that allow for the spread between interventions: Spiegelhalter's "
              "additive random-effects limits, with a between-intervention spread of τ = {tau} percentage "
              "points (standard deviation). They are additive rather than multiplicative (φ) because the interventions differ in "
              "target group and method whatever their size: a multiplicative factor would still narrow the "
              "limits around the pooled rate for the largest interventions."},
    "interventions.funnel.re_outside": {"sv": "Utanför slumpeffektgränserna på {level}: {count}.",
                                        "en": "Outside the {level} random-effects limits: {count}."},
    "interventions.funnel.re_outside_named": {
        "sv": "Utanför slumpeffektgränserna på {level}: {count} — {names}.",
        "en": "Outside the {level} random-effects limits: {count} — {names}."},
    "interventions.funnel.only_binomial": {
        "sv": "Utanför binomialgränserna på {level} men inom slumpeffektgränserna: {names} — skillnader mot den "
              "sammanvägda andelen som är större än slumpen förklarar, men inte större än insatserna brukar skilja "
              "sig från varandra.",
        "en": "Outside the {level} binomial limits but within the random-effects limits: {names} — differences "
              "from the pooled rate larger than chance explains, but no larger than the interventions usually "
              "differ from each other."},
    "interventions.funnel.not_overdispersed": {
        "sv": "Testet av om insatserna skiljer sig åt (nedan; {p}) visar ingen spridning utöver binomial slump "
              "(φ = {phi}), så diagrammet visar bara de exakta binomialgränserna. Det betyder inte att insatserna "
              "är lika, bara att skillnaderna inte är statistiskt säkerställda.",
        "en": "The test of whether the interventions differ (below; {p}) does not show spread beyond binomial "
              "chance (φ = {phi}), so the figure draws only the exact binomial limits. That does not mean the "
              "interventions are alike, only that their differences are not statistically established."},
    "interventions.funnel.re_limits": {"sv": "slumpeffektgränser {level}", "en": "{level} random-effects limits"},
    "interventions.funnel.alt_re": {
        "sv": "Diagrammet visar också Spiegelhalters additiva slumpeffektgränser på {level1} och {level2} "
              "(τ = {tau} procentenheter); utanför dem på {level1}: {names}.",
        "en": "It also draws Spiegelhalter's additive random-effects limits at {level1} and {level2} "
              "(τ = {tau} percentage points); outside them at {level1}: {names}."},
    "interventions.het.none": {
        "sv": "Inget test av heterogenitet: tabellen har färre än två rader eller kolumner som inte är tomma.",
        "en": "No test of heterogeneity: the table has fewer than two non-empty rows or columns."},
    "interventions.het.random_effects": {
        "sv": "En sammanvägd andel som tillåter att insatserna verkligen skiljer sig åt (slumpeffektmodell, "
              "DerSimonian–Laird): {rate} (95 % KI {ci}); τ² = {tau2} på logitskalan och I² = {i2}, det vill "
              "säga så stor del av spridningen är större än slumpen förklarar.",
        "en": "A pooled rate that allows the interventions to truly differ (random effects, DerSimonian–Laird): "
              "{rate} (95 % CI {ci}); τ² = {tau2} on the logit scale and I² = {i2}: that much of the spread is "
              "more than chance explains."},
    "interventions.het.prediction": {
        "sv": "En ny insats av samma slag kan ha en andel någonstans mellan {low} och {high} "
              "(95 % prediktionsintervall).",
        "en": "A new intervention of the same kind could have a rate anywhere from {low} to {high} (95 % prediction "
              "interval)."},
    "interventions.het.result": {
        "sv": "Skiljer sig insatsernas andelar åt mer än slumpen förklarar? {how}: X² = {statistic} med {dof} "
              "frihetsgrader, {p}.",
        "en": "Do the interventions' rates differ by more than chance? {how}: X² = {statistic} on {dof} degrees "
              "of freedom, {p}."},
    "interventions.het.evidence": {
        "sv": "Andelarna skiljer sig åt mer än slumpen förklarar (belägg för en skillnad på 5 %-nivån).",
        "en": "The rates differ by more than chance."},
    "interventions.het.no_evidence": {
        "sv": "Inga belägg för att insatserna skiljer sig åt; med de här gruppstorlekarna är det inte heller "
              "belägg för att andelarna är lika.",
        "en": "No evidence that the rates differ; with these group sizes, that is not evidence that they are "
              "equal."},
    "interventions.het.versions": {
        "sv": "Rapporten anger några antal med två värden (⚠); över de {versions} versionerna av antalen: {p}.",
        "en": "The report states some counts with two values (⚠); over the {versions} versions of the counts: {p}."},

    # ---------------------------------------------------------------- mix versus results
    "interventions.mix.text": {
        "sv": "Den sammanvägda andelen {crude} väger varje insats efter dess antal avslutade; {largest} står "
              "ensam för {weight} av dem. Om alla insatser vägde lika skulle andelen vara {standardised}: "
              "sammansättningen av insatser ändrar den sammanvägda andelen med {effect}.",
        "en": "The pooled rate {crude} weights each intervention by its exits; {largest} alone has {weight} of "
              "them. With every intervention weighted equally the rate would be {standardised}: the mix of "
              "interventions moves the pooled rate by {effect}."},
    "interventions.mix.headline": {"sv": "Rapportens egen rubriksiffra är {reported} för {group}.",
                                   "en": "The report's own headline is {reported} for {group}."},
    "interventions.mix.headline_counts": {"sv": "Rapportens egen rubriksiffra är {reported} för {group} ({k_of_n}).",
                                          "en": "The report's own headline is {reported} for {group} ({k_of_n})."},
    "interventions.ref.goal": {"sv": "rapportens mål", "en": "the report's goal"},
    "interventions.ref.national": {"sv": "den nationella andel som rapporten anger",
                                   "en": "the national share the report quotes"},
    "interventions.mix.flips": {
        "sv": "Mot {what} på {value} är det **sammansättningen snarare än resultaten som avgör**: den "
              "sammanvägda andelen ligger {side_pooled} den, den likaviktade andelen {side_equal}.",
        "en": "Against {what} of {value}, **the mix rather than the results decides**: the pooled rate is "
              "{side_pooled} it, the equally weighted rate {side_equal}."},
    "interventions.mix.same_side": {
        "sv": "Mot {what} på {value} ligger båda på samma sida ({side}): sammansättningen avgör inte saken.",
        "en": "Against {what} of {value}, both are on the same side ({side}): the mix does not decide it."},
    "interventions.mix.no_reference": {
        "sv": "Rapporten anger inget mål och ingen nationell andel att jämföra andelen med.",
        "en": "The report states no goal or national share to judge the rate against."},

    # ---------------------------------------------------------------- goals
    "interventions.goal.met": {"sv": "uppfyllt", "en": "met"},
    "interventions.goal.not_met": {"sv": "inte uppfyllt", "en": "not met"},
    "interventions.goal.cannot_tell": {"sv": "går inte att avgöra", "en": "cannot tell"},
    "interventions.goal.no_result": {"sv": "inget resultat", "en": "no result"},
    "interventions.goal.percentage_only": {"sv": "bara procentsats", "en": "percentage only"},
    "interventions.goal.result_ci": {"sv": "{whose}{rate} ({k_of_n}; 95 % KI {ci})",
                                     "en": "{whose}{rate} ({k_of_n}; 95% CI {ci})"},
    "interventions.goals.none": {"sv": "Uppgifterna innehåller inga mål för {year}.",
                                 "en": "The data hold no goals for {year}."},
    "interventions.goals.text": {
        "sv": "{n} mål med sina resultat. Mål för andelar (”minst”) bedöms mot resultatets 95 % "
              "konfidensintervall: **uppfyllt** när hela intervallet ligger på eller över målvärdet, **inte "
              "uppfyllt** när det ligger helt under, **går inte att avgöra** när intervallet innehåller målvärdet. "
              "Mål för antal (deltagare) gäller alla som insatsen tagit emot, inte ett urval, så de jämförs direkt.",
        "en": "{n} goal(s) with their results. Rate goals (\"at least\") are judged from the result's 95% "
              "interval: **met** when the whole interval is at or above the target, **not met** when it is wholly "
              "below, **cannot tell** when it contains the target. Count goals (participants) are counts of "
              "everyone served, not samples, so they are compared directly."},
    "interventions.goals.versions": {
        "sv": "{n} av målen anger rapporten med olika värden (⚠); vart och ett räknas en gång, med samma bedömning "
              "där versionerna är överens och som går inte att avgöra där de inte är det.",
        "en": "The report states {n} of these goals with different values (⚠); each counts once, with the same "
              "judgement where its versions agree and as cannot tell where they do not."},
    "interventions.goals.rate_counts": {
        "sv": "Mål för andelar ({rate} st.): uppfyllt {met}, inte uppfyllt {not_met}, går inte att avgöra {cannot_tell}.",
        "en": "Of {rate} rate goal(s), {met} met, {not_met} not met, {cannot_tell} cannot tell."},
    "interventions.goals.rate_counts_point": {
        "sv": "Mål för andelar ({rate} st.): uppfyllt {met}, inte uppfyllt {not_met}, går inte att avgöra "
              "{cannot_tell} (för {point} av dessa skulle punktvärdet ensamt säga uppfyllt).",
        "en": "Of {rate} rate goal(s), {met} met, {not_met} not met, {cannot_tell} cannot tell (the point value "
              "alone would say met for {point} of these)."},

    # ---------------------------------------------------------------- national share
    "interventions.national.none": {
        "sv": "Rapporten anger ingen nationell andel till arbete eller studier för året (eller så saknar "
              "rubriksiffran antal), så ingen jämförelse med riket görs.",
        "en": "The report quotes no national share to work or studies for this year (or the headline has no "
              "counts), so no national comparison is made."},
    "interventions.national.text": {
        "sv": "Rapporten anger en nationell andel på {national}. Rubriksiffran, {k_of_n} ({rate}, 95 % KI {ci}, "
              "{group}), skiljer sig från den med {difference}; exakt binomialtest {p}: {verdict} Den nationella "
              "siffran behandlas som fast (dess antal anges inte).",
        "en": "The report quotes a national share of {national}. The headline, {k_of_n} ({rate}, 95% CI {ci}, "
              "{group}), differs from it by {difference}; exact binomial test {p}: {verdict} The national figure "
              "is taken as fixed (its n is not stated)."},
    "interventions.national.evidence": {"sv": "belägg för en skillnad på 5 %-nivån.",
                                        "en": "evidence of a difference."},
    "interventions.national.no_evidence": {
        "sv": "inga belägg för en skillnad (vilket inte är belägg för att skillnaden saknas).",
        "en": "no evidence of a difference (which is not evidence that the rates are equal)."},
    "interventions.national.scope_differs": {
        "sv": "Observera att omfattningen kan skilja sig: rubriksiffran gäller bara {group}, inte alla förbundets "
              "insatser, så jämför med vad rapporten säger att den nationella andelen avser.",
        "en": "Note that the scopes may differ: the headline covers {group} only, not all the association's "
              "interventions, so compare it with what the report says the national share covers."},
    "interventions.national.quote": {"sv": "Rapportens egna ord om den nationella siffran: ”{quote}”.",
                                     "en": "The report's own words on the national figure: “{quote}”."},
    "interventions.national.note": {"sv": "Omfattning: {note}.", "en": "Scope: {note}."},

    # ---------------------------------------------------------------- year on year
    "interventions.change.none": {
        "sv": "Uppgifterna innehåller ingen andel för {previous} med nämnare för rubriksiffrans grupp, så ingen "
              "jämförelse år för år görs.",
        "en": "The data hold no {previous} rate with its denominator for the headline group, so no year-on-year "
              "comparison is made."},
    "interventions.change.earlier_pct": {"sv": "{pct} av {n} (antalen {counts} avrundas till den)",
                                         "en": "{pct} of {n} (counts {counts} round to it)"},
    "interventions.change.text": {
        "sv": "{previous}: {earlier}. Förändring till {year}: {difference}; {interval}, scoretest {p}.",
        "en": "{previous}: {earlier}. Change to {year}: {difference}; {interval}, score test {p}."},
    "interventions.change.interval": {"sv": "95 % KI {ci} (Newcombe)", "en": "95% CI {ci} (Newcombe)"},
    "interventions.change.intervals": {"sv": "95 %-intervallen (Newcombe) spänner tillsammans över {ci}",
                                       "en": "the 95% intervals (Newcombe) together span {ci}"},
    "interventions.change.evidence": {"sv": "Belägg för en förändring.", "en": "Evidence of a change."},
    "interventions.change.depends": {
        "sv": "Om det finns belägg för en förändring beror på avrundningen.",
        "en": "Whether there is evidence of a change depends on the rounding."},
    "interventions.change.no_evidence": {
        "sv": "Inga belägg för en förändring (vilket inte är belägg för att andelen är oförändrad); en förändring "
              "mindre än ungefär {detectable} procentenheter hade inte kunnat upptäckas med 80 % styrka.",
        "en": "No evidence of a change; a change smaller than about {detectable} percentage points could not "
              "have been detected with 80% power."},
    "interventions.change.ranged": {
        "sv": "Spännvidderna gäller alla antal som stämmer med den avrundade procentsatsen; inget antal är påhittat.",
        "en": "Ranges run over every count consistent with the rounded percentage, never one invented count."},
    "interventions.change.years_trend": {
        "sv": "Uppgifterna innehåller andelen för {n} år ({years}); ett trendtest vore möjligt.",
        "en": "The data hold this rate for {n} year(s) ({years}); a trend test would be possible."},
    "interventions.change.years_no_trend": {
        "sv": "Uppgifterna innehåller andelen för {n} år ({years}); med färre än tre år går det inte att testa "
              "en trend: två år ger en förändring, inte en trend.",
        "en": "The data hold this rate for {n} year(s) ({years}); with fewer than three years no trend test is "
              "possible: two years make a change, not a trend."},

    # ---------------------------------------------------------------- costs
    "interventions.costs.none": {
        "sv": "Rapporten anger inga kostnader för de jämförda insatserna för året.",
        "en": "The report states no costs for the compared interventions this year."},
    "interventions.costs.shared": {
        "sv": "Ingen kostnad per utfall härleds för {names}: kostnaden är bruttokostnaden för ett projekt som drivs "
              "för flera förbund (i flera delprojekt), inte kostnaden för de här deltagarnas utfall.",
        "en": "No cost per outcome is derived for {names}: the cost is the gross cost of a project run for several "
              "associations (in several delprojekt), not the cost of these participants' outcomes."},
    "interventions.costs.text": {
        "sv": "Härledda här (kostnad ÷ antal), inte angivna i rapporterna och inte prisjusterade (kronor i "
              "rapportårets penningvärde). Kostnaden gäller insatsens hela år, också deltagare som fortfarande "
              "är kvar och dem som avslutat av andra skäl; kostnaden per person till arbete eller studier lägger "
              "hela kostnaden på dem som gick till arbete eller studier. Spannet är den kostnaden om insatsens "
              "underliggande andel låg var som helst inom sitt 95 % konfidensintervall. Deltagare räknas som "
              "rapporten räknar dem (deltaganden i insatsen); en person i två insatser räknas i båda.",
        "en": "Derived here (cost ÷ count), not stated in the reports, and not price-adjusted (kronor of the "
              "report year). The cost covers the intervention's whole year, including people still taking part "
              "and those who left for other reasons; cost per person to work or studies puts all of it on those "
              "exits. The range is that cost if the intervention's underlying rate were anywhere in its 95% "
              "interval. Participants are as the report counts them (participations in the intervention); a "
              "person in two interventions counts in both."},

    # ---------------------------------------------------------------- caveats
    "interventions.caveat.exited": {
        "sv": "Andelarna är procent av de deltagare som **avslutade** en insats under året; en person kan räknas "
              "i mer än en insats.",
        "en": "Rates are percentages of the participants who **ended** an intervention in the year; one person "
              "can be counted in more than one intervention."},
    "interventions.caveat.intervals": {
        "sv": "Intervallen är 95 % Wilsonintervall; förändringens intervall från året innan följer Newcombes metod. Trattdiagrammets kontrollgränser är exakta binomialgränser "
              "kring den sammanvägda andelen för de insatser som visas, där varje insats själv ingår.",
        "en": "Intervals are 95% Wilson score intervals; the interval of the change from the year before follows Newcombe's method. Funnel limits are exact binomial limits around the "
              "pooled rate of the interventions shown, which includes each intervention itself."},
    "interventions.caveat.target_groups": {
        "sv": "Insatserna vänder sig till olika målgrupper (se data/interventions.csv); ett trattdiagram visar "
              "var andelarna skiljer sig åt mer än slumpen förklarar, inte vilken insats som fungerar bäst för "
              "samma personer.",
        "en": "Interventions serve different target groups (see data/interventions.csv); a funnel shows where "
              "rates differ by more than chance, not which intervention works better for the same people."},
    "interventions.caveat.versions": {
        "sv": "Där rapporten anger ett antal två gånger med olika värden (⚠) använder tabellerna det första, och "
              "texten anger spannet över alla versioner.",
        "en": "Where the report states a count twice with different values (⚠), the tables use the first and "
              "the text gives the range over every version."},
}
