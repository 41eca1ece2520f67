"""Texts of the yearly_trend page (one metric of one association over the years), its table,
figure and the sentences that describe a change."""

TEXT = {
    # ------------------------------------------------------------------ page and sections
    "yearly_trend.heading": {
        "sv": "# {name}: {label} år för år",
        "en": "# {name}: {label} by year",
    },
    "yearly_trend.chain": {
        "sv": " Serien tar också med föregångaren {names}. Dess år visas, men binds inte samman med och "
              "jämförs inte med efterträdarens.",
        "en": " The series includes the predecessor {names}: its years are shown, but not joined to or compared "
              "with the successor's.",
    },
    "yearly_trend.unit_note": {
        "sv": " För {years} räknar rapporten {noun}, inte {usual}: {description}",
        "en": " For {years} the report counts {noun}, not {usual}: {description}",
    },
    "yearly_trend.section.values": {
        "sv": "## Värden år för år\n\nUppgifterna så som rapporterna anger dem (⚠ = rapporten anger uppgiften med "
              "olika värden).",
        "en": "## Values by year\n\nThe figures as the reports state them (⚠ marks a figure a report states with "
              "different values).",
    },
    "yearly_trend.section.multi_year": {
        "sv": "## Uppgifter för flera år\n\nUppgifter som gäller flera år tillsammans (ackumulerade eller för hela "
              "projekttiden) ingår inte i serien år för år; de redovisas här för sig.",
        "en": "## Figures covering several years\n\nCumulative and project-to-date figures are not part of the year "
              "series; they are listed here.",
    },
    # ------------------------------------------------------------------ table
    "yearly_trend.col.year": {"sv": "År", "en": "Year"},
    "yearly_trend.col.association": {"sv": "Förbund", "en": "Association"},
    "yearly_trend.col.counts": {"sv": "Antal (k av n)", "en": "n (k of n)"},
    "yearly_trend.col.ci": {"sv": "95 % KI", "en": "95 % CI"},
    "yearly_trend.intervals": {
        "sv": " Intervallen (95 % KI) är Wilsonintervall beräknade från antalen.",
        "en": " The intervals (95 % CI) are Wilson score intervals from the counts.",
    },
    "yearly_trend.ci": {"sv": "95 % KI", "en": "95 % CI"},
    "yearly_trend.col.note": {"sv": "Anmärkning", "en": "Definition note"},
    "yearly_trend.col.period": {"sv": "År", "en": "Years"},
    "yearly_trend.col.gender": {"sv": "Kön", "en": "Gender"},
    "yearly_trend.col.value": {"sv": "Värde", "en": "Value"},
    "yearly_trend.col.source": {"sv": "Källa", "en": "Source"},
    "yearly_trend.note.association": {
        "sv": "nytt förbund: {before} ({before_municipalities}) → {after} ({after_municipalities})",
        "en": "association changes: {before} ({before_municipalities}) → {after} ({after_municipalities})",
    },
    "yearly_trend.note.source": {
        "sv": "uppgiften kommer från en annan rapport ({sources}, året innan: {previous}); definitionerna kan "
              "skilja sig åt",
        "en": "figure from another report ({sources}, before: {previous}); definitions may differ",
    },
    # ------------------------------------------------------------------ summary
    "yearly_trend.no_series": {
        "sv": "Det finns inga uppgifter för hela förbundet om {label} för enskilda år.",
        "en": "No association-wide figures of {label} for single years.",
    },
    "yearly_trend.runs": {
        "sv": "Åren med uppgifter bildar inte en sammanhängande serie: {runs}. Förändringar beskrivs bara inom "
              "en följd av år i rad för samma förbund.",
        "en": "The years with figures do not form one series: {runs}. Changes are described only within a run of "
              "consecutive years of one association.",
    },
    "yearly_trend.change": {
        "sv": "{label}: från {first} år {first_year} till {last} år {last_year}, en förändring med {delta}.",
        "en": "{label} went from {first} in {first_year} to {last} in {last_year}, a change of {delta}.",
    },
    "yearly_trend.percent_change": {"sv": "{delta} ({relative}\u00a0%)", "en": "{delta} ({relative}%)"},
    "yearly_trend.low_high": {
        "sv": "Under perioden var värdet lägst år {low_year} ({low}) och högst år {high_year} ({high}).",
        "en": "In between, it was lowest in {low_year} ({low}) and highest in {high_year} ({high}).",
    },
    "yearly_trend.no_counts": {
        "sv": "Rapporterna anger inte antalen för båda åren, så förändringen kan inte förses med ett intervall "
              "eller prövas statistiskt.",
        "en": "The report gives no counts for both years, so no interval or test of the change is possible.",
    },
    "yearly_trend.no_counts_two_years": {
        "sv": "Rapporterna anger inte antalen för båda åren, så förändringen kan inte förses med ett intervall "
              "eller prövas statistiskt; två år räcker inte för att tala om en trend.",
        "en": "The report gives no counts for both years, so no interval or test of the change is possible; two "
              "years are too few for a trend.",
    },
    "yearly_trend.two_years": {
        "sv": "Två år räcker inte för att tala om en trend.",
        "en": "Two years are too few to speak of a trend.",
    },
    # a Swedish page words the report's caution itself (the curators' notes are English; the report's
    # quote may stop mid-sentence); an English page shows the note
    "yearly_trend.caution": {
        "sv": "Rapporten uppmanar själv till försiktighet när uppgiften för {years} tolkas ({reference}).",
        "en": "The report itself urges caution in reading the figure for {years} ({reference}).",
    },
    # follow-up non-response (finsam.stats.followup)
    "yearly_trend.nonresponse_not_stated": {
        "sv": "En andel vid uppföljning räknas bara på dem som följdes upp och svarade ({year}: {k_of_n}). Rapporten "
              "anger inte hur många uppföljningen borde ha nått, så bortfallet är okänt och andelen kan vara "
              "snedvriden: de som svarar kan klara sig annorlunda än de som inte gör det.",
        "en": "A rate at follow-up counts only those followed up who answered ({year}: {k_of_n}). The report does not "
              "state how many the follow-up should have reached, so the non-response is unknown and the rate may be "
              "biased: those who answer may fare differently from those who do not."},
    "yearly_trend.nonresponse_bounds": {
        "sv": "En andel vid uppföljning räknas bara på dem som följdes upp och svarade ({year}: {k_of_n}); "
              "uppföljningen borde ha nått {targeted}. Om alla som inte svarade misslyckades vore andelen {low}, "
              "om alla lyckades {high}.",
        "en": "A rate at follow-up counts only those followed up who answered ({year}: {k_of_n}); the follow-up should "
              "have reached {targeted}. Were every one who did not answer a failure, the rate would be {low}; were "
              "every one a success, {high}."},
    "yearly_trend.caution_note": {
        "sv": "Rapportens egen varning: {note}.",
        "en": "The report's own caution: {note}.",
    },
    # a figure stated with one value that the report's own other figures do not agree with
    # (finsam.stats.findings.contradictions): said where the figure is read, explained in the method
    "yearly_trend.contradicted": {
        "sv": "Rapportens egna siffror på andra ställen går inte ihop med uppgiften för {years} ({values}).",
        "en": "The report's own figures elsewhere do not agree with the figure for {years} ({values}).",
    },
    # the page's answer says in one sentence why to read the figures with care; the method says it in full
    "yearly_trend.care": {
        "sv": "Läs uppgifterna med försiktighet: {reasons}. Mer om det under ”Så har vi räknat”.",
        "en": "Read the figures with care: {reasons}. More on this under “How we calculated”.",
    },
    "yearly_trend.care.nonresponse_unstated": {
        "sv": "hur många uppföljningen {years} inte nådde är okänt",
        "en": "how many the follow-up in {years} did not reach is unknown",
    },
    "yearly_trend.care.nonresponse_bounded": {
        "sv": "de som uppföljningen {years} inte nådde kan flytta andelen",
        "en": "those the follow-up in {years} did not reach can move the rate",
    },
    "yearly_trend.care.caution": {
        "sv": "rapporten varnar själv för att tolka uppgiften för {years}",
        "en": "the report itself warns against reading much into the figure for {years}",
    },
    "yearly_trend.care.contradicted": {
        "sv": "rapportens egna siffror på andra ställen går inte ihop med uppgiften för {years}",
        "en": "the report's own figures elsewhere do not agree with the figure for {years}",
    },
    "yearly_trend.care.conflicts": {
        "sv": "rapporterna anger olika värden för {years} (⚠)",
        "en": "the reports state different values for {years} (⚠)",
    },
    "yearly_trend.contradicted_why": {
        "sv": "**Varför uppgiften för {years} inte går ihop med rapportens andra siffror:** {note}",
        "en": "**Why the figure for {years} does not agree with the report's other figures:** {note}",
    },
    "yearly_trend.conflicts": {
        "sv": "För några år anger rapporterna olika värden (⚠): alla värden visas, både i tabellen och i "
              "diagrammet.",
        "en": "Some years have conflicting statements in the reports (⚠): all values are shown, in the table and "
              "in the figure.",
    },
    "yearly_trend.definition_changes": {
        "sv": "År med en anmärkning i tabellen går kanske inte att jämföra med året innan (se anmärkningen).",
        "en": "Years marked in the table may not be comparable with the year before (see the notes).",
    },
    "yearly_trend.no_multi_year": {
        "sv": "Förbundet har inga uppgifter om {label} som gäller flera år.",
        "en": "No multi-year figures of {label} for this association.",
    },
    # ------------------------------------------------------------------ figure
    "yearly_trend.figure.title": {"sv": "{label}, år för år", "en": "{label}, by year"},
    "yearly_trend.figure.title_gender": {"sv": "{label}, år för år och per kön", "en": "{label}, by year and gender"},
    "yearly_trend.figure.percent": {"sv": "procent", "en": "percent"},  # not a vocabulary code: a word
    "yearly_trend.figure.from_here": {"sv": "härifrån: {name}", "en": "from here: {name}"},
    "yearly_trend.figure.conflicting": {"sv": "{label}: olika värden i rapporten",
                                        "en": "{label}: conflicting values"},
    "yearly_trend.figure.alt": {"sv": "Linjediagram: {title}, {unit}{points}{breaks}.",
                                "en": "Line chart: {title}, {unit}{points}{breaks}."},
    "yearly_trend.figure.alt_points": {"sv": "; alla: {points}", "en": "; everyone: {points}"},
    "yearly_trend.figure.alt_breaks": {"sv": "; linjen bryts där år saknas eller förbundet byts",
                                       "en": "; the line breaks where years are missing or the association changes"},
}
