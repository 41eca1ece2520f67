"""Words that several pages share: units of change, joining words, table headers, figure words.

A page's own texts live in the module named after its notebook; put a text here only when two
or more pages show it with the same meaning."""

TEXT = {
    "common.pp": {"sv": "procentenheter", "en": "percentage points"},
    "common.k_of_n": {"sv": "{k} av {n}", "en": "{k} of {n}"},
    "common.or": {"sv": " eller ", "en": " or "},
    "common.and": {"sv": " och ", "en": " and "},
    "common.range": {"sv": "{low} till {high}", "en": "{low} to {high}"},
    # where in a report something stands: a source id and its lines
    # a curators' note (English) on a page in another language: finsam.views.base.View.curators_note
    "common.curators_note": {"sv": "(kuratorernas anteckning, på engelska:) {note}", "en": "{note}"},
    "common.contradicted": {
        "sv": "Rapportens egna siffror på andra ställen går inte ihop med några uppgifter som den anger med ett "
              "enda värde; uppgifterna visas som rapporten anger dem och bör läsas med försiktighet:",
        "en": "The report's own figures elsewhere do not agree with some figures it states with a single value; "
              "they are shown as the report states them and should be read with care:"},
    "common.reference": {"sv": "{source}, rad {lines}", "en": "{source}, lines {lines}"},
    "common.conflict_mark": {"sv": "⚠ = rapporten anger uppgiften med olika värden",
                             "en": "⚠ = the report states the figure with different values"},
    # versions of a count the report's own arithmetic rules out (finsam.data.versions)
    "common.unusable.intro": {
        "sv": "Används inte för andelar eller skillnader, eftersom rapportens egna delar och summor utesluter dem:",
        "en": "Not used for rates or gaps, because the report's own parts and totals rule them out:",
    },
    "common.unusable.parts_exceed": {
        "sv": "{where}, {metric}, {gender}: {value} — deras avslutsorsaker summerar till {parts}, fler än {value}.",
        "en": "{where}, {metric}, {gender}: {value} — their exit reasons add up to {parts}, more than {value}.",
    },
    "common.unusable.parts_sum": {
        "sv": "{where}, {metric}, {gender}: {value} — deras avslutsorsaker, som täcker alla avslut (också "
              "”annan avslutsanledning”), summerar till {parts}.",
        "en": "{where}, {metric}, {gender}: {value} — their exit reasons, which cover every exit (including "
              "“other reasons”), add up to {parts}.",
    },
    "common.unusable.genders_exceed": {
        "sv": "{where}, {metric}, {gender}: {value} — med övriga köns minst {parts} avslut blir det fler än "
              "alla avslutade ({whole}).",
        "en": "{where}, {metric}, {gender}: {value} — with at least {parts} exits of the other genders this is more "
              "than everyone who exited ({whole}).",
    },
    "common.unusable.part_version": {
        "sv": "{where}, {metric}, {gender}: {value} — med det summerar deras avslutsorsaker till {parts}, vilket "
              "inget angivet antal avslutade tillåter (det närmaste: {whole}).",
        "en": "{where}, {metric}, {gender}: {value} — with it their exit reasons add up to {parts}, which no stated "
              "number of exits allows (the nearest: {whole}).",
    },
    # the tests finsam.stats.inference.table_test chooses (its method_code): one name per test on every page
    "common.test.fisher": {"sv": "Fishers exakta test", "en": "Fisher's exact test"},
    "common.test.chi2_yates": {"sv": "χ²-test med Yates korrektion", "en": "chi-squared test with Yates' correction"},
    "common.test.chi_squared": {"sv": "Pearsons χ²-test", "en": "Pearson's chi-squared test"},
    "common.test.monte_carlo": {
        "sv": "Monte Carlo-test av χ²-teststorheten ({draws} slumpade tabeller med samma marginaler, eftersom "
              "det minsta förväntade antalet är {min_expected}, under 5)",
        "en": "Monte Carlo test of the chi-squared statistic ({draws} tables with the same margins, because the "
              "smallest expected count is {min_expected}, below 5)"},
    # a headline that adds outcomes at exit and at a follow-up (notes marked 'mixed timing:')
    "common.mixed_timing": {
        "sv": "{what} blandar två mått: rapportens summa lägger ihop utfall vid avslut med utfall vid en "
              "uppföljning efter avslut, så den är inte ett rent utfall vid avslut och jämförs inte som ett sådant.{detail}",
        "en": "{what} mixes two measures: the report's total adds outcomes at exit to outcomes at a follow-up "
              "after exit, so it is not an outcome at exit alone and is not compared as one.{detail}",
    },
    # the caption line under every figure (finsam.views.figure_source) and the columns of its data
    "figure.report": {"sv": "{name}, årsredovisning {year}", "en": "{name}, annual report {year}"},
    "figure.source": {"sv": "Källa: {sources}.", "en": "Source: {sources}."},
    "figure.every_association": {"sv": "Alla förbund, vart och ett det år som dess rapport gäller",
                                 "en": "Every association, each in the year of its own report"},
    "figure.col.gender": {"sv": "Kön", "en": "Gender"},
    "figure.col.outcome": {"sv": "Utfall", "en": "Outcome"},
    "figure.col.rate": {"sv": "Andel (%)", "en": "Rate (%)"},
    "figure.col.ci_low": {"sv": "95 % KI, nedre (%)", "en": "95 % CI, lower (%)"},
    "figure.col.ci_high": {"sv": "95 % KI, övre (%)", "en": "95 % CI, upper (%)"},
    "figure.col.intervention": {"sv": "Insats", "en": "Intervention"},
    "figure.col.k": {"sv": "Till arbete eller studier", "en": "To work or studies"},
    "figure.col.n": {"sv": "Avslutade", "en": "Exited"},
    "figure.col.year": {"sv": "År", "en": "Year"},
    "figure.col.association": {"sv": "Förbund", "en": "Association"},
    "figure.col.value": {"sv": "Värde ({unit})", "en": "Value ({unit})"},
}
