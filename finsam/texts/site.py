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
    "site.data_version": {"sv": "finsam {release}, dataversion {version} (kontrollsumma av data/)",
                          "en": "finsam {release}, data version {version} (hash of data/)"},
    "site.rendered": {"sv": "Skapad {date}", "en": "Rendered {date}"},
    "site.languages": {"sv": "Språk", "en": "Languages"},
    "site.choose_language": {"sv": "Välj språk", "en": "Choose a language"},
    # index
    "index.contents": {"sv": "Innehåll", "en": "Contents"},
    "index.all_associations": {"sv": "Alla förbund", "en": "All associations"},
    "index.associations": {"sv": "Förbunden ({n})", "en": "The associations ({n})"},
    "index.associations_intro": {
        "sv": "Varje förbund har en startsida med nyckeltal för sitt senaste år och länkar till alla sidor om det.",
        "en": "Each association has a start page with key figures of its latest year and links to every page "
              "about it."},
    "index.associations_caption": {"sv": "Förbunden i bokstavsordning, med rapportår och sidor",
                                   "en": "The associations in alphabetical order, with report years and pages"},
    "index.col.association": {"sv": "Förbund", "en": "Association"},
    "index.col.years": {"sv": "År", "en": "Years"},
    "index.col.pages": {"sv": "Sidor", "en": "Pages"},
    "index.pages_rendered": {"sv": "{rendered} av {pages}", "en": "{rendered} of {pages}"},
    "index.pages_failed": {"sv": "{n} misslyckades", "en": "{n} failed"},
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
    "report.figure_scrolls": {"sv": "Diagrammet är bredare än skärmen: dra i sidled för att se hela, eller öppna "
                                    "det som SVG (länken nedan).",
                              "en": "The chart is wider than the screen: swipe sideways to see all of it, or open "
                                    "it as SVG (the link below)."},
    "report.figure_under": {"sv": "Diagram {n}: {heading}", "en": "Figure {n}: {heading}"},
    "report.download": {"sv": "Tabellens uppgifter:", "en": "The table's data:"},
    "report.download_xlsx": {"sv": "Excelfil (.xlsx)", "en": "Excel file (.xlsx)"},
    "report.download_figure": {"sv": "Diagrammet som bild:", "en": "The figure as an image:"},
    "report.download_figure_data": {"sv": "Diagrammets uppgifter och bild:", "en": "The figure's data and image:"},
    "report.cite": {"sv": "Citera sidan: {citation}", "en": "Cite this page: {citation}"},
    "report.citation": {"sv": "{site}: ”{title}”, finsam {release}, dataversion {version}, {date}, sidan {page}.",
                        "en": "{site}: “{title}”, finsam {release}, data version {version}, {date}, page {page}."},
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

# the "Om statistiken / About the statistics" page and the association start pages
TEXT.update({
    "about.title": {"sv": "Om statistiken", "en": "About the statistics"},
    "about.intro": {
        "sv": "Siffrorna på de här sidorna kommer ur samordningsförbundens årsredovisningar. Varje uppgift i data "
              "bär ett ordagrant citat ur rapporten och kontrolleras mot rapportens text. Termer, enheter och "
              "ord nedan kommer ur projektets egna förteckningar (metrics.csv, vocabulary.csv, categories.csv).",
        "en": "The figures on these pages come from the coordination associations' annual reports. Every figure in "
              "the data carries a verbatim quote of its report and is checked against the report's text. The "
              "terms, units and words below come from the project's own lists (metrics.csv, vocabulary.csv, "
              "categories.csv).",
    },
    "about.symbols": {"sv": "Tecken och förkortningar", "en": "Symbols and abbreviations"},
    "about.symbol": {"sv": "Tecken", "en": "Symbol"},
    "about.meaning": {"sv": "Betydelse", "en": "Meaning"},
    "about.missing": {
        "sv": "Rapporten anger inte uppgiften. Tecknet betyder här inte noll: en nolla skrivs 0.",
        "en": "The report does not give the figure. Here the dash does not mean zero: a zero is written 0.",
    },
    "about.ci": {
        "sv": "95 % konfidensintervall: de andelar som stämmer med antalen; ju färre personer, desto bredare.",
        "en": "95 % confidence interval: the rates consistent with the counts; the fewer people, the wider.",
    },
    "about.pp": {
        "sv": "Skillnaden mellan två andelar anges i procentenheter: från 30 % till 36 % är +6 procentenheter.",
        "en": "The difference between two rates is given in percentage points: from 30 % to 36 % is +6 "
              "percentage points.",
    },
    "about.significant": {
        "sv": "Statistiskt säkerställd: skillnaden är för stor för att slumpen ska förklara den (på 5 %-nivån). "
              "En skillnad som inte är statistiskt säkerställd kan ändå finnas, särskilt i små grupper.",
        "en": "Statistically significant: the difference is too large for chance to explain (at the 5 % level). "
              "A difference that is not statistically significant may still exist, above all in small groups.",
    },
    "about.ci_abbr": {"sv": "KI", "en": "CI"},
    "about.pp_abbr": {"sv": "procentenheter", "en": "percentage points"},
    "about.significant_abbr": {"sv": "statistiskt säkerställd", "en": "statistically significant"},
    "about.metrics": {"sv": "Mått", "en": "Measures"},
    "about.metric": {"sv": "Mått", "en": "Measure"},
    "about.unit": {"sv": "Enhet", "en": "Unit"},
    "about.description": {"sv": "Beskrivning", "en": "Description"},
    "about.vocabulary": {"sv": "Ord och enheter", "en": "Words and units"},
    "about.term": {"sv": "Begrepp", "en": "Term"},
    "about.categories": {"sv": "Grupper som deltagarna delas upp i", "en": "Groups the participants are broken down by"},
    "about.dimension": {"sv": "Indelning", "en": "Breakdown"},
    "about.category_list": {"sv": "Grupper", "en": "Groups"},
    "about.who": {"sv": "Vem har gjort sidorna", "en": "Who made these pages"},
    "about.who_text": {
        "sv": "Sidorna är sammanställda av projektet finsam ur förbundens egna årsredovisningar; förbunden har inte "
              "granskat dem. Dataversion {version}.",
        "en": "The pages are compiled by the finsam project from the associations' own annual reports; the "
              "associations have not reviewed them. Data version {version}.",
    },
    "about.licence": {"sv": "Licens och citering", "en": "Licence and citation"},
    "about.cite": {
        "sv": "Varje sida slutar med en rad att citera den med (webbplatsens namn, sidans titel, dataversion, datum "
              "och sidans adress), och varje tabell har sina uppgifter som CSV och Excel med samma rad.",
        "en": "Every page ends with a line to cite it by (the site's name, the page's title, the data version, the "
              "date and the page's address), and every table has its data as CSV and Excel with the same line.",
    },
    "association.latest": {"sv": "Senaste året: {year}", "en": "Latest year: {year}"},
    "association.pages": {"sv": "Alla sidor om förbundet", "en": "Every page about the association"},
    "association.years": {"sv": "År med uppgifter: {years}", "en": "Years with figures: {years}"},
    "association.start": {"sv": "Förbundets startsida", "en": "The association's start page"},
    "association.pdf": {"sv": "Alla sidor som en PDF för utskrift", "en": "Every page as one PDF for printing"},
    "index.about_page": {"sv": "Om statistiken: termer, tecken, licens och citering",
                    "en": "About the statistics: terms, symbols, licence and citation"},
    "index.start_page": {"sv": "Startsida för {name}", "en": "Start page of {name}"},
})

# breadcrumbs and the links between related pages (finsam.site.pages.report_links)
TEXT.update({
    "nav.breadcrumb": {"sv": "Du är här", "en": "You are here"},
    "nav.home": {"sv": "Startsida", "en": "Home"},
    "nav.all_associations": {"sv": "Alla förbund", "en": "All associations"},
    "nav.related": {"sv": "Relaterade sidor", "en": "Related pages"},
    "nav.previous": {"sv": "Föregående år: {year}", "en": "Previous year: {year}"},
    "nav.next": {"sv": "Nästa år: {year}", "en": "Next year: {year}"},
    "nav.years": {"sv": "Samma sida andra år", "en": "The same page in other years"},
    "nav.counterpart": {"sv": "Jämför med", "en": "Compare with"},
    "nav.same_year": {"sv": "Fler sidor om {name} {year}", "en": "More pages on {name} in {year}"},
    "nav.series": {"sv": "Andra mått år för år", "en": "Other measures by year"},
    "nav.shared": {"sv": "Andra sidor om alla förbund", "en": "Other pages about every association"},
    "nav.start": {"sv": "Alla sidor om {name}", "en": "Every page about {name}"},
    "release.heading": {"sv": "Ladda ned alla uppgifter", "en": "Download all the data"},
    "release.text": {
        "sv": "Hela datamängden som en zip-fil ({size}): tabellerna som CSV, Parquet, SQLite och Excel, med en "
              "beskrivning av varje kolumn (datapaket), licens och hur den ska citeras. finsam {version}, "
              "dataversion {data_version}.",
        "en": "The whole data set as one zip file ({size}): the tables as CSV, Parquet, SQLite and Excel, with a "
              "description of every column (data package), the licence and how to cite it. finsam {version}, "
              "data version {data_version}."},
})
