"""The field dictionary: every column of every curated table, declared once with its type,
unit and meaning; each table lists its fields and primary key. Pandera schemas are built
from it, so the documentation, the loader and the validator cannot drift apart."""
from __future__ import annotations

from dataclasses import dataclass

# The controlled vocabularies (genders, units, kinds, outcomes, timings, text qualities, dimensions) are data:
# data/vocabulary.csv declares each code once with its labels; nothing here re-lists them.

ALL = "ALL"  # the intervention value for association-wide figures
CONFLICT_PREFIX = "conflict:"  # a note starting with this explains a known inconsistency
ROUNDING_PREFIX = "rounding:"  # marks a rounded/approximate restatement of a more precise figure
CAUTION_MARK = "caution:"  # in a note: the report's own warning about reading the figure; pages show it
#: in a note: the figure adds outcomes measured at different times (at exit and at a follow-up after
#: exit); pages that show it say so
MIXED_TIMING_MARK = "mixed timing:"
#: in a note of a cost: the figure is the gross cost of a project run for several associations and
#: booked by this one (a regional project of several delprojekt), not one association's cost; no cost
#: per outcome is derived from it, nor from a total that includes it (finsam.stats.findings.shared_costs)
SHARED_COST_MARK = "shared cost:"
PARTIAL_PREFIX = "partial:"  # a breakdown of which the report gives only some categories
#: the category of a breakdown that holds its base: the count the report says its figures are of
#: ("89 of the 234 new participants registered with time in public support": 234), where that is not
#: the figure about everyone; declared per dimension in categories.csv
BASE_CATEGORY = "base"
# What a breakdown of participants is by (observations.dimension; empty: figures about everyone) is
# the vocabulary 'dimension' of vocabulary.csv, with its labels: semantics.codes(vocabulary, "dimension").
#: categories of these dimensions may carry one of these prefixes (the report compares before and after)
PREFIXED_DIMENSIONS = {"income_source": ("before:", "after:")}


@dataclass(frozen=True)
class Field:
    name: str
    dtype: str  # "str", "int", "float", "category"
    description: str
    required: bool = True  # False: may be empty
    unit: str = ""  # "year": a calendar year within YEARS
    references: str = ""  # a table whose primary key every value must be (outside that table itself)


#: the calendar years a figure, report or intervention may refer to (fields of unit "year")
YEARS = (1990, 2100)


FIELDS: dict[str, Field] = {f.name: f for f in [
    Field("vocabulary", "str", "Name of a controlled vocabulary (gender, unit, metric_kind, intervention_kind, "
          "outcome, timing, text_quality, dimension, scale); the column of that name (or named in the field's description) takes its codes."),
    Field("code", "str", "A code of the vocabulary, as it appears in the data."),
    Field("class", "str", "For units: count, percent or money (what kind of quantity the unit measures); for genders: everyone (all together), compared (the groups a gender gap compares) or not_stated.", required=False),
    Field("noun_sv", "str", "Swedish noun for what a count in this unit counts, as used in sentences; for a scale, "
          "the word written after a scaled amount (tkr).", required=False),
    Field("noun_en", "str", "English noun for what a count in this unit counts, as used in sentences; for a scale, "
          "the word written after a scaled amount (SEK 12 thousand: thousand).", required=False),
    Field("people", "str", "For count units: true where each counted unit is one person (persons, registered "
          "persons), false where one person may be counted more than once (participations summed over "
          "interventions, cases); empty for other codes.", required=False),
    Field("factor", "float", "For a scale (vocabulary scale): how many kronor one of it is (1000 for tkr); empty "
          "for other codes.", required=False),
    Field("source_id", "category", "Identifier of one source report: <association_id>-<report_year>.",
          references="sources"),
    Field("association_id", "category", "Identifier of a coordination association (samordningsförbund).",
          references="associations"),
    Field("report_year", "int", "The year an annual report covers.", unit="year"),
    Field("title", "str", "Title of the report as published."),
    Field("document", "str", "File name of the report text inside the sources folder ($FINSAM_SOURCES)."),
    Field("text_quality", "category", "'clean' for born-digital text, 'ocr' for scanned text with OCR errors."),
    Field("sha256", "str", "SHA-256 of the report text file (document), 64 lower-case hexadecimal digits: the text the "
          "quotes were checked against; finsam validate compares it with the file when it checks provenance."),
    Field("origin", "str", "Where the report text came from: the published report it copies and how its text was "
          "obtained (a text copy, a PDF's text layer, OCR)."),
    Field("name", "str", "Official name of the association."),
    Field("municipalities", "str", "Member municipalities, ';'-separated."),
    Field("county", "str", "County (län) the association lies in."),
    Field("successor_id", "str", "association_id that took over this association's work, if any.", required=False),
    Field("successor_from", "str", "ISO date from which the successor took over.", required=False),
    Field("intervention", "category", "Display name of an intervention (insats), or 'ALL' for association-wide figures."),
    Field("aliases", "str", "Other spellings of the intervention name in the reports, ';'-separated.", required=False),
    Field("kind", "category", "Intervention kind (vocabulary intervention_kind): individual (works with participants), "
          "structural (cooperation, methods), administration, or aggregate (a total the report gives over several interventions)."),
    Field("covers", "str", "For an aggregate: the interventions it covers, ';'-separated, where the report names them.",
          required=False),
    Field("part_of", "str", "The intervention of the same association this one is part of (a local team, a sub-project "
          "or unit of a larger intervention), where a report says so; a comparison counts the parts instead of the whole.",
          required=False),
    Field("is_work_oriented", "str", "true where the report counts the intervention among its work-oriented ones (or it is "
          "such an aggregate), false where the report excludes it or marks work/studies as not applicable "
          "(ej tillämpligt); empty where the report does not say.", required=False),
    Field("target_group", "str", "Who the intervention is for, in English.", required=False),
    Field("first_year", "int", "First year of the intervention where a report states it.", required=False, unit="year"),
    Field("last_year", "int", "Last year of the intervention where a report states it.", required=False, unit="year"),
    Field("metric", "category", "Identifier of a measured quantity; declared in metrics.csv.", references="metrics"),
    Field("unit", "category", "Unit (vocabulary unit): for counts what is counted (persons, participations, cases, "
          "registered_persons), else percent or sek (Swedish kronor; tkr and mkr are converted). A metric's unit is its "
          "usual one; an observation of a count may state another count unit."),
    Field("metric_kind", "str", "What a metric is (vocabulary metric_kind): count, rate, share, money or goal."),
    Field("outcome", "str", "For exit and follow-up counts and rates: the outcome counted (vocabulary outcome).",
          required=False),
    Field("timing", "str", "When an outcome is measured (vocabulary timing): exit or followup.", required=False),
    Field("numerator", "str", "For a rate: the count metric it is a percentage of the denominator metric of.",
          required=False),
    Field("denominator_metric", "str", "For a rate or share: the count metric that is 100 %.", required=False),
    Field("goal_of", "str", "For a goal: the metric it is a target for.", required=False),
    Field("display_scale", "str", "For an amount of money: the scale (vocabulary scale) every page shows it in, "
          "in tables, sentences and charts alike; empty for other metrics.", required=False),
    Field("denominator", "str", "For percentages: what 100 % is.", required=False),
    Field("label_sv", "str", "Short Swedish label for tables and figures."),
    Field("label_en", "str", "Short English label for tables and figures."),
    Field("description_sv", "str", "What the metric (or vocabulary code) means, in Swedish."),
    Field("description_en", "str", "What the metric (or vocabulary code) means, in English."),
    Field("period_start", "int", "First year the value refers to.", unit="year"),
    Field("period_end", "int", "Last year the value refers to (equal to period_start for one year).", unit="year"),
    Field("gender", "category", "all, women, men or unknown (annat/ej angivet)."),
    Field("value", "float", "The number as stated, in the row's unit (money in kronor)."),
    Field("quote", "str", "Verbatim single-line excerpt of the source text containing the number."),
    Field("dimension", "category", "What the figure breaks participants down by (municipality, referrer, age_group, "
          "education, support_duration, income_source, birth_region); empty for figures about everyone.",
          required=False),
    Field("category", "category", "The group within the dimension as the report names it, declared in "
          "categories.csv (income_source: prefixed 'before:' or 'after:'); empty when dimension is.",
          required=False),
    Field("order", "int", "Position of the category when a dimension's categories are listed (1 first)."),
    Field("description", "str", "What the category covers, in English.", required=False),
    Field("note", "str", "Where the number sits when the quote is ambiguous, and explanations; "
          "'conflict: …' marks a known inconsistency in the report.", required=False),
]}


@dataclass(frozen=True)
class Table:
    name: str
    fields: tuple[str, ...]
    primary_key: tuple[str, ...]
    description: str

    @property
    def filename(self) -> str:
        return f"{self.name}.csv"


TABLES: dict[str, Table] = {t.name: t for t in [
    Table("vocabulary", ("vocabulary", "code", "class", "label_sv", "label_en", "noun_sv", "noun_en", "people",
                         "factor", "description_sv", "description_en"),
          ("vocabulary", "code"), "One row per code of a controlled vocabulary, with its labels."),
    Table("sources", ("source_id", "association_id", "report_year", "title", "document", "text_quality", "sha256",
                      "origin"),
          ("source_id",), "One row per source report."),
    Table("associations", ("association_id", "name", "municipalities", "county", "successor_id",
                           "successor_from", "note"),
          ("association_id",), "One row per coordination association."),
    Table("interventions", ("association_id", "intervention", "aliases", "kind", "covers", "part_of", "is_work_oriented",
                            "target_group",
                            "first_year", "last_year", "note"),
          ("association_id", "intervention"), "One row per intervention of an association."),
    Table("metrics", ("metric", "unit", "denominator", "label_sv", "label_en", "description_sv",
                      "description_en", "metric_kind", "outcome", "timing", "numerator", "denominator_metric",
                      "goal_of", "display_scale"),
          ("metric",), "One row per metric (the vocabulary of observations.metric)."),
    Table("categories", ("dimension", "category", "label_sv", "label_en", "order", "description"),
          ("dimension", "category"), "One row per category of a dimension (the vocabulary of "
          "observations.category)."),
    Table("observations", ("source_id", "association_id", "period_start", "period_end", "intervention",
                           "metric", "gender", "value", "unit", "quote", "note", "dimension", "category"),
          (), "One stated number per row, with the verbatim quote it came from."),
]}

#: the identity of a fact: two rows with the same key state the same fact
FACT_KEY = ("association_id", "period_start", "period_end", "intervention", "metric", "gender", "dimension",
            "category")
#: the order tables are read in; later tables refer to earlier ones
TABLE_ORDER = ("vocabulary", "associations", "sources", "metrics", "interventions", "categories", "observations")
#: table column -> the vocabulary its values come from
VOCABULARY_OF = {("sources", "text_quality"): "text_quality", ("metrics", "unit"): "unit",
                 ("metrics", "metric_kind"): "metric_kind", ("metrics", "outcome"): "outcome",
                 ("metrics", "timing"): "timing", ("interventions", "kind"): "intervention_kind",
                 ("observations", "gender"): "gender", ("observations", "unit"): "unit",
                 ("categories", "dimension"): "dimension", ("observations", "dimension"): "dimension",
                 ("metrics", "display_scale"): "scale"}
