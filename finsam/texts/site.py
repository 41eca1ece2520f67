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
    "index.sources_caption": {"sv": "Årsredovisningarna som siffrorna kommer från",
                              "en": "The annual reports the figures come from"},
    "index.source_id": {"sv": "Källa", "en": "Source"},
    "index.source_title": {"sv": "Titel", "en": "Title"},
    "index.source_text": {"sv": "Text", "en": "Text"},
    "text_quality.clean": {"sv": "ren text", "en": "clean text"},
    "text_quality.ocr": {"sv": "OCR (maskinläst)", "en": "OCR (machine-read)"},
    # report pages
    "report.table": {"sv": "Tabell {n}", "en": "Table {n}"},
    "report.table_under": {"sv": "Tabell {n}: {heading}", "en": "Table {n}: {heading}"},
    "report.figure": {"sv": "Diagram {n}", "en": "Figure {n}"},
    "report.figure_under": {"sv": "Diagram {n}: {heading}", "en": "Figure {n}: {heading}"},
    "report.download": {"sv": "Tabellens uppgifter:", "en": "The table's data:"},
    "report.download_xlsx": {"sv": "Excel (.xlsx)", "en": "Excel (.xlsx)"},
    "report.download_figure": {"sv": "Diagrammet som bild:", "en": "The figure as an image:"},
    "report.cite": {"sv": "Citera sidan: {citation}", "en": "Cite this page: {citation}"},
    "report.citation": {"sv": "{site}: ”{title}”, dataversion {version}, {date}, sidan {page}.",
                        "en": "{site}: “{title}”, data version {version}, {date}, page {page}."},
    "report.licence": {
        "sv": "Uppgifterna får användas fritt enligt CC BY 4.0: ange samordningsförbundens årsredovisningar som "
              "källa och finsam som sammanställare.",
        "en": "The data may be used freely under CC BY 4.0: credit the coordination associations' annual reports "
              "as the source and finsam as the compiler.",
    },
    "report.sheet_table": {"sv": "Tabell", "en": "Table"},
    "report.sheet_about": {"sv": "Om uppgifterna", "en": "About the data"},
    "report.empty_table": {"sv": "Rapporten ger inga sådana uppgifter.", "en": "The report gives no such figures."},
    "report.scrolls": {"sv": "Tabellen är bredare än sidan: rulla i sidled för att se alla kolumner.",
                       "en": "The table is wider than the page: scroll sideways to see every column."},
    # notebook titles (the index and the pages' <title>)
    "notebook.gender_outcomes": {"sv": "Deltagare och utfall per kön", "en": "Participants and outcomes by gender"},
    "notebook.yearly_trend": {"sv": "Utveckling år för år", "en": "Yearly trend"},
    "notebook.overview": {"sv": "Alla förbund sida vid sida", "en": "All associations side by side"},
    "notebook.interventions": {"sv": "Insatserna jämförda", "en": "Interventions compared"},
    "notebook.gender_gaps": {"sv": "Skillnader mellan kvinnor och män, med osäkerhet",
                             "en": "Gender gaps with their uncertainty"},
    "notebook.participant_profile": {"sv": "Vilka deltagarna är", "en": "Who the participants are"},
}
