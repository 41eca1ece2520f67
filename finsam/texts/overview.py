"""Texts of the overview page (all associations side by side, each in the year of its own report):
its table, the rates with their test, the figure and the caveats."""

TEXT = {
    # ------------------------------------------------------------------ page and sections
    "overview.heading": {
        "sv": "# Alla förbund sida vid sida",
        "en": "# All associations side by side",
    },
    "overview.about": {
        "sv": "Deltagare, utfall och kostnader för varje förbund det år som förbundets egen rapport "
              "gäller. Kostnad per deltagare och per person som gått till arbete eller studier är härledda här "
              "(kostnaden delad med antalet) och anges inte i rapporterna.",
        "en": "Participants, outcomes and costs of each association in the year of its own report. "
              "Costs per participant and per person leaving for work or studies are derived here (cost divided by "
              "count), not stated in the reports.",
    },
    "overview.section.table": {"sv": "## Förbunden i siffror", "en": "## The associations in figures"},
    "overview.section.caveats": {"sv": "## Att tänka på", "en": "## Comparability"},
    # ------------------------------------------------------------------ table
    "overview.col.association": {"sv": "Förbund", "en": "Association"},
    "overview.col.year": {"sv": "År", "en": "Year"},
    "overview.col.participants": {"sv": "Deltagare", "en": "Participants"},
    "overview.col.group": {"sv": "Grupp för utfall", "en": "Outcome group"},
    "overview.col.exited": {"sv": "Avslutade", "en": "Exited"},
    "overview.col.work_or_studies": {"sv": "Till arbete/studier", "en": "To work/studies"},
    "overview.col.rate": {"sv": "Andel", "en": "Rate"},
    "overview.col.ci": {"sv": "95 % KI", "en": "95 % CI"},
    "overview.col.cost": {"sv": "Total kostnad", "en": "Total cost"},
    "overview.col.cost_per_participant": {"sv": "Kostnad per deltagare (härledd)",
                                          "en": "Cost per participant (derived)"},
    "overview.col.cost_per_work_or_studies": {"sv": "Kostnad per person till arbete/studier (härledd)",
                                              "en": "Cost per person to work/studies (derived)"},
    "overview.all_interventions": {"sv": "alla insatser", "en": "all interventions"},
    # ------------------------------------------------------------------ text
    "overview.no_outcomes": {
        "sv": "Inget förbund har uppgifter om utfall för sitt rapportår.",
        "en": "No association has outcome figures for its report year.",
    },
    "overview.rates_intro": {
        "sv": "Andel av de avslutade deltagarna som gick till arbete eller studier, för varje förbund i den grupp "
              "som rapportens siffror avser:",
        "en": "Share of exited participants who left for work or studies, each on the population its report's "
              "figures describe:",
    },
    "overview.rate_counts": {"sv": " ({k} av {n} avslutade)", "en": " ({k} of {n} exits)"},
    "overview.rate_reported": {"sv": " (rapportens egen procentsats; antal saknas)",
                               "en": " (reported percentage; no counts)"},
    "overview.test": {
        "sv": "Ett gemensamt test av de {n} förbundens antal ({test}, {p}): {verdict}.",
        "en": "Tested together ({test} of {n} associations' counts, {p}): {verdict}.",
    },
    "overview.verdict.difference": {
        "sv": "det finns belägg för en skillnad på 5 %-nivån, det vill säga skillnaderna är större än vad "
              "slumpen ensam brukar ge",
        "en": "the differences are larger than chance alone would give",
    },
    "overview.verdict.no_evidence": {
        "sv": "skillnaderna ryms inom vad slumpen ensam kan ge (inga belägg för en skillnad, vilket inte är belägg "
              "för att andelarna är lika)",
        "en": "the differences are within what chance alone could give (no evidence of a difference; this is not "
              "evidence that the rates are equal)",
    },
    "overview.different_groups": {
        "sv": "Testet jämför dock olika grupper: vissa andelar gäller alla insatser, andra bara de "
              "arbetslivsinriktade, och målgrupperna och åren skiljer sig åt, så en skillnad säger ingenting om "
              "vilket förbund som arbetar bäst.",
        "en": "The test compares different populations, though: some rates are of all interventions, others of "
              "the work-oriented ones only, and the target groups and years differ, so a difference says nothing "
              "about which association works better.",
    },
    "overview.not_a_ranking": {
        "sv": "Grupperna skiljer sig åt (alla insatser eller bara de arbetslivsinriktade), och det gör åren också, "
              "så andelarna är ingen rangordning. Kostnad per deltagare och per person som gått till arbete eller "
              "studier är härledda här (kostnad ÷ antal) och anges inte i rapporterna.",
        "en": "The groups differ (all interventions, or only the work-oriented ones) and so do the years, so these "
              "rates are not a ranking. Costs per participant and per person leaving for work or studies are "
              "derived here (cost ÷ count) and are not stated in the reports.",
    },
    # ------------------------------------------------------------------ figure
    "overview.figure.participants": {"sv": "Deltagare så som förbundet räknar\n(personer, deltaganden eller ärenden)",
                                     "en": "Participants as counted\n(persons, participations or cases)"},
    "overview.figure.rate": {"sv": "% av de avslutade till arbete/studier\n(95 % KI där antal finns)",
                             "en": "% of exited to work/studies\n(95 % CI where counts exist)"},
    "overview.figure.cost": {"sv": "Kostnad per deltagare\n({unit}, härledd)",
                             "en": "Cost per participant\n({unit}, derived)"},
    "overview.figure.missing": {"sv": "saknas", "en": "n/a"},
    "overview.figure.alt": {
        "sv": "Tre stapeldiagram, en stapel per förbund och rapportår: deltagare så som förbundet räknar dem, "
              "andel av de avslutade som gick till arbete eller studier med 95 % konfidensintervall, och härledd "
              "kostnad per deltagare. {bars}.",
        "en": "Three bar charts, one bar per association and report year: participants as counted, percent of "
              "exited to work or studies with 95 % intervals, and derived cost per participant. {bars}.",
    },
    "overview.figure.alt_bar": {
        "sv": "{name} {year}: {participants}, {rate} till arbete eller studier, {cost} per deltagare",
        "en": "{name} {year}: {participants}, {rate} to work or studies, {cost} per participant",
    },
    "overview.figure.without_rate": {"sv": "{n} förbund utan andel (rapporten ger inga sådana siffror)",
                                     "en": "{n} associations without a rate (their reports give no such figures)"},
    "overview.figure.alt_dots": {
        "sv": "Punktdiagram över {n} förbund, sorterade från högsta andel: andel av de avslutade som gick till "
              "arbete eller studier, med 95 % konfidensintervall där antal finns. {dots}.",
        "en": "Dot plot of {n} associations, sorted from the highest rate: percent of exited to work or studies, "
              "with 95 % intervals where counts exist. {dots}.",
    },
    "overview.figure.alt_dot": {"sv": "{name} {year}: {rate} (KI {ci})", "en": "{name} {year}: {rate} (CI {ci})"},
    "overview.figure.alt_without": {"sv": "Utan andel: {names}.", "en": "Without a rate: {names}."},
    "overview.figure.alt_participants": {"sv": "{count} deltagare", "en": "{count} participants"},
    # ------------------------------------------------------------------ caveats
    "overview.caveat.years": {
        "sv": "Varje förbund visas för året i sin egen rapport. Åren skiljer sig åt ({years}), och därmed också "
              "priser, arbetsmarknad och uppföljningssystem (SUS fram till 2022).",
        "en": "Each association is shown in the year of its own report; the years differ ({years}), so prices, "
              "labour markets and follow-up systems (SUS until 2022) differ too.",
    },
    "overview.caveat.counting": {
        "sv": "Förbunden räknar deltagare på olika sätt (kolumnen *{column}*): personer, deltaganden (en person i "
              "två insatser räknas två gånger) eller deltagare och ärenden tillsammans. Strukturella insatser "
              "(seminarier, personalutbildning) kan ingå i totalerna.",
        "en": "Associations count participants differently (column *{column}*): people, participations (a person "
              "in two interventions counts twice), or participants and cases together; structural interventions "
              "(seminars, staff training) may be included in totals.",
    },
    "overview.mixed_timing_what": {"sv": "Andelen till arbete eller studier för {name}",
                                   "en": "The rate to work or studies of {name}"},
    "overview.caveat.cost_shared": {
        "sv": "*{column}* visas inte för {names}: förbundets kostnad innehåller hela bruttokostnaden för ett projekt "
              "som drivs för flera förbund (i flera delprojekt), och den är inte ett förbunds kostnad för sina "
              "deltagares utfall.",
        "en": "*{column}* is not shown for {names}: the association's cost includes the whole gross cost of a "
              "project run for several associations (in several delprojekt), which is not one association's cost "
              "of its participants' outcomes."},
    "overview.caveat.cost_population": {
        "sv": "*{column}* visas bara där kostnaden och utfallen gäller samma grupp. För {names} gäller utfallen "
              "de arbetslivsinriktade insatserna, men rapporten anger bara hela förbundets kostnad (med "
              "administration, strukturellt arbete och andra insatser); den kvoten visas därför inte.",
        "en": "*{column}* is shown only where the cost and the outcomes are of the same population. For {names} "
              "the outcomes are of the work-oriented interventions, but the report states only the whole "
              "association's cost (with administration, structural work and other interventions), so that "
              "ratio is not shown.",
    },
    "overview.caveat.cost": {
        "sv": "Den totala kostnaden omfattar administration och strukturellt arbete, så kostnaden per deltagare är "
              "en övre gräns för vad det kostar att nå en deltagare.",
        "en": "Total cost includes administration and structural work, so cost per participant is an upper bound "
              "of what reaching one participant costs.",
    },
    # participations are not persons (finsam.stats.persons, the rule of the gender-outcomes page)
    "overview.caveat.persons": {
        "sv": "{name}: de {n} avslut som andelen räknas på är {noun}, inte personer, och konfidensintervallet "
              "{ci} behandlar vart och ett som en egen person; det blir därför för smalt. Rapporten anger {persons} "
              "unika personer bakom {participations} {noun}, så avsluten är minst {m} personer, och räknat på så få "
              "personer är 95 % konfidensintervallet {ci_persons} (ett försiktigt intervall).",
        "en": "{name}: the rate's {n} exits are counted in {noun}, not persons, and its interval {ci} treats each as "
              "a person of its own; it is therefore too narrow. The report states {persons} unique persons behind "
              "{participations} {noun}, so the exits are at least {m} persons, and counting only that many "
              "persons the 95 % interval is {ci_persons} (a cautious interval)."},
    "overview.caveat.no_persons": {
        "sv": "{name}: de {n} avslut som andelen räknas på är {noun}, inte personer (en person som avslutat flera "
              "insatser räknas en gång för varje), och konfidensintervallet {ci} behandlar vart och ett som en egen "
              "person, så det är för smalt. Rapporten anger inte hur många personer det är, så hur mycket bredare "
              "det borde vara går inte att säga.",
        "en": "{name}: the rate's {n} exits are counted in {noun}, not persons (a person who ended several "
              "interventions counts once for each), and its interval {ci} treats each as a person of its own, so it "
              "is too narrow. The report does not state how many persons these are, so how much wider it should be "
              "cannot be said."},
    "overview.caveat.persons_test": {
        "sv": "Testet av förbunden tillsammans räknar på samma sätt, så även dess p-värde är för litet.",
        "en": "The test of the associations together counts the same way, so its p-value is too small as well."},
    "overview.caveat.rates": {
        "sv": "Andelarna gäller avslutade deltagare; där rapporten bara anger en procentsats är andelen rapportens "
              "egen. Där en rapport anger utfall bara för sina arbetslivsinriktade insatser används den gruppen "
              "(kolumnen *{column}*) på alla sidor, så dess andel går inte att jämföra med en andel för hela "
              "förbundet.",
        "en": "Rates are of exited participants; where only a percentage is reported, the rate is the report's own. "
              "Where a report gives outcomes only for its work-oriented interventions, that group is used "
              "(column *{column}*) on every page, so its rate is not comparable with an association-wide one.",
    },
}
