"""Texts of the participant_profile page (finsam/views/participant_profile.py): breakdowns of the participants by
the groups the report names, and the share leaving for work or studies per group. Labels of the
dimensions (vocabulary.csv) and categories (categories.csv) come from the data."""

TEXT = {
    "participant_profile.heading": {
        "sv": "# {name}: vilka deltagarna är, {year}",
        "en": "# {name}: who the participants are, {year}"},
    "participant_profile.about": {
        "sv": "Deltagarna uppdelade efter de grupper som rapporten anger ({dimensions}), för de perioder i "
              "rapporten som slutar {year}.",
        "en": "The participants broken down by the groups the report names ({dimensions}), for the periods the "
              "report gives that end in {year}."},
    "participant_profile.section.breakdowns": {"sv": "## Uppdelningar som rapporten anger",
                                               "en": "## Breakdowns the report gives"},
    "participant_profile.section.composition": {
        "sv": "## Sammansättning\n\n"
              "Varje uppgift så som rapporten anger den (⚠ markerar en uppgift som rapporten anger med olika "
              "värden), med dess andel av den bas som rapporten anger för den, härledd här.",
        "en": "## Composition\n\n"
              "Each figure as the report states it (⚠ marks a figure the report states with different values), "
              "with its share of the base the report states for it, derived here."},
    "participant_profile.section.outcomes": {"sv": "## Till arbete eller studier, per grupp",
                                             "en": "## Leaving for work or studies, by group"},
    "participant_profile.section.caveats": {"sv": "## Att tänka på", "en": "## Caveats"},
    "participant_profile.all_interventions": {"sv": "Alla insatser", "en": "All interventions"},
    # table headers
    "participant_profile.col.breakdown": {"sv": "Uppdelning", "en": "Breakdown"},
    "participant_profile.col.intervention": {"sv": "Insats", "en": "Intervention"},
    "participant_profile.col.period": {"sv": "Tidsperiod", "en": "Period"},
    "participant_profile.col.figures": {"sv": "Uppgifter", "en": "Figures"},
    "participant_profile.col.categories": {"sv": "Kategorier", "en": "Categories"},
    "participant_profile.col.by_gender": {"sv": "Per kön", "en": "By gender"},
    "participant_profile.col.figure": {"sv": "Uppgift", "en": "Figure"},
    "participant_profile.col.category": {"sv": "Kategori", "en": "Category"},
    "participant_profile.col.gender": {"sv": "Kön", "en": "Gender"},
    "participant_profile.col.value": {"sv": "Värde", "en": "Value"},
    "participant_profile.col.share_of_total": {"sv": "Andel av angiven bas (härledd)",
                                               "en": "Share of the stated base (derived)"},
    "participant_profile.col.exited": {"sv": "Avslutade (n)", "en": "Exited (n)"},
    "participant_profile.col.work_or_studies": {"sv": "Till arbete eller studier (k)",
                                                "en": "To work or studies (k)"},
    "participant_profile.col.rate": {"sv": "Andel", "en": "Rate"},
    "participant_profile.col.ci": {"sv": "95 % KI", "en": "95 % CI"},
    "participant_profile.col.conflict": {"sv": "Olika värden", "en": "Conflict"},
    "participant_profile.yes": {"sv": "ja", "en": "yes"},
    "participant_profile.no": {"sv": "nej", "en": "no"},
    # outcomes per category in words
    "participant_profile.untestable": {
        "sv": "Uppdelning efter {what}: går inte att testa, eftersom färre än två kategorier har antal.",
        "en": "For {what}: cannot be tested: fewer than two categories have counts."},
    "participant_profile.same_outcome": {
        "sv": "Uppdelning efter {what}: alla personer hade samma utfall, så det finns inget att testa.",
        "en": "For {what}: no difference: every person had the same outcome."},
    "participant_profile.tested": {
        "sv": "Uppdelning efter {what}: en prövning av om andelen som gick till arbete eller studier skiljer sig "
              "mellan kategorierna ({test}, {p}) ger ",
        "en": "For {what}, whether the share leaving for work or studies differs between the categories "
              "({test}, {p}): "},
    "participant_profile.evidence": {
        "sv": "belägg för att andelen skiljer sig mellan kategorierna på {level}-nivån (högst {highest} "
              "{highest_rate}, lägst {lowest} {lowest_rate}).",
        "en": "evidence that the rate differs across categories at the {level} level (highest {highest} "
              "{highest_rate}, lowest {lowest} {lowest_rate})."},
    "participant_profile.no_evidence": {
        "sv": "inga belägg för att andelen skiljer sig mellan kategorierna på {level}-nivån. Det är inte belägg "
              "för att kategorierna har samma andel: grupperna kan vara för små för att visa en skillnad.",
        "en": "no evidence that the rate differs across categories at the {level} level. This is not evidence "
              "that the categories have the same rate: the groups may be too small to show a difference."},
    "participant_profile.small_groups": {"sv": " Små grupper (färre än {small} avslutade): {groups}.",
                                         "en": " Small groups (fewer than {small} exited): {groups}."},
    "participant_profile.no_outcomes": {
        "sv": "Rapporten anger inga avslutsanledningar per kategori för de här perioderna, så ingen andel per "
              "kategori kan visas.",
        "en": "The report gives no exit outcomes by category for these periods, so no rates per category can "
              "be shown."},
    "participant_profile.caveats": {
        "sv": "- Kategorierna är de som rapporten anger. Andelar är härledda här (antal ÷ bas) bara där rapporten "
              "anger basen: uppdelningens egen bas (till exempel de som har uppgiften registrerad) eller en tabell "
              "vars kategorier summerar till den angivna summan för alla. Annars saknas andelen, liksom där "
              "rapporten anger basen med olika värden; den närmaste summan används aldrig i stället.\n"
              "- En del rapporter räknar bara deltagare vars bakgrund är registrerad, så andelarna i en uppdelning "
              "behöver inte bli 100 %; en uppdelning som rapporten bara anger delvis är markerad så i data.\n"
              "- Andelar till arbete eller studier är procent av en kategoris avslutade deltagare, med 95 % "
              "Wilsonintervall där rapporten anger antalen.\n"
              "- Tabeller som rapporterna trycker så att kolumnerna inte kan läsas säkert är utelämnade; "
              "data/README.md listar dem med sina rader.",
        "en": "- Categories are as the report names them. Shares are derived here (count ÷ base) only where the "
              "report states the base: the breakdown's own base (for example those with the figure recorded) or a "
              "table whose categories add up to the stated total for everyone. Elsewhere the share is empty, as it "
              "is where the report states the base with different values; the nearest total never stands in.\n"
              "- Some reports count only participants whose background is recorded, so shares of a category need "
              "not add up to 100 %; a breakdown the report gives only in part is marked so in the data.\n"
              "- Rates are percentages of a category's exited participants, with 95 % Wilson intervals where the "
              "report gives the counts.\n"
              "- Tables the reports print in a form whose columns cannot be read with certainty are left out; "
              "data/README.md lists them with their lines."},
}

# Swedish puts a space between a number and its percent sign; make it a no-break space (as
# finsam.views.fmt does) so that "80 %" never breaks across lines.
for _text in TEXT.values():
    _text["sv"] = _text["sv"].replace(" %", "\u00a0%")
