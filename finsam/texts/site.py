"""The site frame, the index, and the notebooks' titles."""

TEXT = {
    # the language itself, as its readers name it (for the language switch)
    "language.name": {"sv": "Svenska", "en": "English"},
    "language.switch": {"sv": "På svenska", "en": "In English"},
    # site frame
    "site.name": {"sv": "Finsam-rapporter", "en": "Finsam reports"},
    "site.description": {
        "sv": "Sammanställda siffror ur årsredovisningarna från svenska samordningsförbund (Finsam).",
        "en": "Curated figures from the annual reports of Swedish Finsam coordination associations "
              "(samordningsförbund)."},
    "site.skip": {"sv": "Hoppa till innehållet", "en": "Skip to the content"},
    "site.nav": {"sv": "Webbplatsen", "en": "Site"},
    "site.back": {"sv": "Alla rapporter", "en": "All reports"},
    "site.data_version": {"sv": "Dataversion {version} (kontrollsumma av data/)",
                          "en": "Data version {version} (hash of data/)"},
    "site.rendered": {"sv": "Skapad {date}", "en": "Rendered {date}"},
    "site.languages": {"sv": "Språk", "en": "Languages"},
    "site.choose_language": {"sv": "Välj språk", "en": "Choose a language"},
    # index
    "index.contents": {"sv": "Innehåll", "en": "Contents"},
    "index.all_associations": {"sv": "Alla förbund", "en": "All associations"},
    "index.reports_for": {"sv": "Rapporter för {name}", "en": "Reports for {name}"},
    "index.figures_of": {"sv": "Diagram i rapporten", "en": "Figures in the report"},
    "index.not_rendered": {"sv": "{title} (inte skapad än)", "en": "{title} (not rendered yet)"},
    "index.failed": {"sv": "misslyckades i den här körningen: {error}",
                     "en": "failed in this run: {error}"},
    "index.failures": {"sv": "Fel i den här körningen ({n})", "en": "Failures in this run ({n})"},
    "index.failures_kept": {"sv": "Tidigare versioner av de här rapporterna, om sådana finns, har behållits.",
                            "en": "Earlier renderings of these reports, if any, are kept."},
    "index.sources": {"sv": "Källor", "en": "Sources"},
    # the site's one stance on what its intervals mean (shown once, on the index)
    "index.about": {"sv": "Om siffrorna och intervallen", "en": "About the figures and their intervals"},
    "index.about_intervals": {
        "sv": "Rapporterna räknar alla som ett förbund tagit emot, inte ett urval. Som beskrivning av det året "
              "är en andel därför inte osäker. Intervallen på sidorna svarar på en annan fråga: hur väl antalen "
              "bestämmer den andel som verksamheten ger i längden, det vill säga vad ett liknande år eller en "
              "liknande grupp deltagare kunde visa. En skillnad vars intervall innehåller noll kan vara slumpens "
              "verk snarare än en bestående skillnad.",
        "en": "The reports count everyone an association served, not a sample, so as a description of that year "
              "a rate is not uncertain. The intervals on these pages answer another question: how well the counts "
              "pin down the rate the work produces over time, that is, what a similar year or a similar group of "
              "participants could show. A difference whose interval holds zero may be chance rather than a "
              "lasting difference."},
    "index.about_multiplicity": {
        "sv": "Där en sida bedömer flera intervall eller test samtidigt (insatser mot en tratt, skillnader mellan "
              "kvinnor och män i flera grupper, kategorier i en uppdelning) hamnar i genomsnitt ett av tjugo utanför "
              "sitt 95 %-intervall av ren slump. Ingen korrektion för flera jämförelser görs, så läs ett enstaka "
              "resultat utanför gränserna med det i minnet.",
        "en": "Where a page judges several intervals or tests at once (interventions against a funnel, gender gaps "
              "in several groups, the categories of a breakdown), on average one in twenty falls outside its 95 % "
              "interval by chance alone. No correction for multiple comparisons is made, so read a single result "
              "outside its limits with that in mind."},
    "index.sources_caption": {"sv": "Årsredovisningarna som siffrorna kommer från",
                              "en": "The annual reports the figures come from"},
    "index.source_id": {"sv": "Källa", "en": "Source"},
    "index.source_title": {"sv": "Titel", "en": "Title"},
    "index.source_text": {"sv": "Text", "en": "Text"},
    # report pages
    "report.table": {"sv": "Tabell {n}", "en": "Table {n}"},
    "report.table_under": {"sv": "Tabell {n}: {heading}", "en": "Table {n}: {heading}"},
    "report.figure": {"sv": "Diagram {n}", "en": "Figure {n}"},
    "report.figure_under": {"sv": "Diagram {n}: {heading}", "en": "Figure {n}: {heading}"},
    # notebook titles (the index and the pages' <title>)
    "notebook.gender_outcomes": {"sv": "Deltagare och utfall per kön", "en": "Participants and outcomes by gender"},
    "notebook.yearly_trend": {"sv": "Utveckling år för år", "en": "Yearly trend"},
    "notebook.overview": {"sv": "Alla förbund sida vid sida", "en": "All associations side by side"},
    "notebook.interventions": {"sv": "Insatserna jämförda", "en": "Interventions compared"},
    "notebook.gender_gaps": {"sv": "Skillnader mellan kvinnor och män, med osäkerhet",
                             "en": "Gender gaps with their uncertainty"},
    "notebook.participant_profile": {"sv": "Vilka deltagarna är", "en": "Who the participants are"},
}
