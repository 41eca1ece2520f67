"""What the release says about its columns, generated from the field dictionary (finsam.data.fields)
and the vocabularies (vocabulary.csv), never re-typed: each column's type, unit, description,
enumeration and references, for the curated tables and for the tables derived from them.

The derived tables (``facts``, ``outcome_rates``) are what finsam's functions return
(:func:`finsam.data.conflicts.resolve`, :func:`finsam.stats.scope.population` with :mod:`finsam.stats.rates`); their
columns are declared here once, as :class:`finsam.data.fields.Field`, beside the curated ones.
"""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from finsam.data import semantics
from finsam.data.fields import ALL, FACT_KEY, FIELDS, TABLE_ORDER, TABLES, VOCABULARY_OF, Field
from finsam.stats.scope import REASONS

#: the field dictionary's types as Table Schema types, Arrow types and SQLite column types
FRICTIONLESS_TYPE = {"str": "string", "category": "string", "int": "integer", "float": "number", "bool": "boolean"}
SQLITE_TYPE = {"str": "TEXT", "category": "TEXT", "int": "INTEGER", "float": "REAL", "bool": "INTEGER"}


@dataclass(frozen=True)
class Reference:
    """A foreign key: ``fields`` of ``table`` name a row of ``target`` by its ``target_fields``."""

    table: str
    fields: tuple[str, ...]
    target: str
    target_fields: tuple[str, ...]


# The references `finsam validate` enforces as plain lookups (an empty value refers to nothing).
# Those it enforces with exceptions are not foreign keys and are left out: observations.intervention
# may be ALL (association-wide figures, no row of interventions) and observations.category may
# carry a 'before:'/'after:' prefix that categories.csv does not (schema.PREFIXED_DIMENSIONS).
# A column named like another table's one-column primary key refers to it; the others are named
# in the field's description. tests/release/test_release_meta.py breaks each one and checks that validation
# reports it, so this list cannot promise more than the data are checked for.
def _by_name() -> list[Reference]:
    out = []
    for name in TABLE_ORDER:
        for target in TABLE_ORDER:
            pk = TABLES[target].primary_key
            if target != name and len(pk) == 1 and pk[0] in TABLES[name].fields:
                out.append(Reference(name, pk, target, pk))
    return out


REFERENCES: tuple[Reference, ...] = (
    *_by_name(),
    Reference("associations", ("successor_id",), "associations", ("association_id",)),
    *(Reference("metrics", (c,), "metrics", ("metric",)) for c in ("numerator", "denominator_metric", "goal_of")),
)

#: columns of the derived tables that are not curated fields, declared once (units and meaning as
#: finsam.data.conflicts.resolve, finsam.stats.scope.population and finsam.stats.rates compute them)
DERIVED_FIELDS: dict[str, Field] = {f.name: f for f in [
    Field("n_statements", "int", "How many rows of observations state this value for this fact (a rounded "
          "restatement is left out where the same fact has a precise one)."),
    Field("sources", "str", "The source_id of each of those statements, ', '-separated."),
    Field("lines", "str", "Their line numbers in observations.csv (in finsam.sqlite: the rowid of observations), "
          "', '-separated."),
    Field("notes", "str", "Their notes, ' | '-separated.", required=False),
    Field("statement", "str", "Where the report states the value: text (running text), table (a table row) or "
          "table+text, judged from the quotes' layout (finsam.data.statement_kinds)."),
    Field("conflict", "bool", "True where the report states another value for the same fact (the other values "
          "are in alternatives); such a fact has one row per stated value."),
    Field("alternatives", "str", "The other values stated for the same fact, ', '-separated.", required=False),
    Field("count", "int", "The value as a whole number where its unit counts (persons, participations, "
          "cases, registered persons); empty for percentages and money.", required=False),
    Field("year", "int", "The year whose one-year figures the rates describe.", unit="year"),
    Field("population", "str", f"The intervention whose exits the rates describe: {ALL} (the association as a "
          "whole) or an aggregate of interventions the report defines; finsam.stats.scope.population decides, see "
          "population_reason."),
    Field("population_reason", "str", "Why that population: a code of finsam.stats.scope.REASONS (see the enumeration)."),
    Field("population_excluded", "str", "Interventions with figures that year which the report marks as not "
          "work-oriented, ';'-separated.", required=False),
    Field("exit_unit", "str", "What the exits count (vocabulary unit: persons, participations, cases, …).",
          required=False),
    Field("outcome", "str", "The outcome counted (vocabulary outcome).", required=True),
    Field("exited", "int", "n: exits (participants_exited) of the population and gender.", required=False),
    Field("rate_count", "int", "k: those of the exits with this outcome.", required=False),
    Field("rate", "float", "k / n in percent; where the report prints a percentage without its counts, that "
          "percentage.", required=False, unit=semantics.PERCENT),
    Field("ci_low", "float", "Lower end of the 95 % Wilson score interval of the rate, from the counts only.",
          required=False, unit=semantics.PERCENT),
    Field("ci_high", "float", "Upper end of the 95 % Wilson score interval of the rate, from the counts only.",
          required=False, unit=semantics.PERCENT),
    Field("reported_rate", "float", "The percentage the report itself prints, if any.", required=False,
          unit=semantics.PERCENT),
    Field("basis", "str", "How the rate was obtained, in English."),
    Field("basis_code", "str", "The same as a code: counts (k of n stated), derived (k = exits to work + exits "
          "to studies) or reported (a printed percentage, no counts)."),
    Field("rate_conflict", "bool", "True where a value the rate rests on is contested in the report."),
]}


@dataclass(frozen=True)
class Derived:
    """A table the release derives from the curated ones with a finsam function."""

    name: str
    fields: tuple[str, ...]
    description: str
    #: the column names of the finsam function's result, where the release renames them
    renamed: tuple[tuple[str, str], ...] = ()


DERIVED: dict[str, Derived] = {d.name: d for d in [
    Derived("facts", (*FACT_KEY, "value", "unit", "n_statements", "sources", "lines", "notes", "statement",
                      "conflict", "alternatives", "count"),
            "One row per fact and stated value: the observations resolved with finsam.data.conflicts.resolve and its "
            "default policy (show), which keeps every value of a fact the report states differently, flagged "
            "conflict, and never picks one."),
    Derived("outcome_rates", ("association_id", "year", "population", "population_reason", "population_excluded",
                              "exit_unit", "gender", "outcome", "exited", "rate_count", "rate", "ci_low", "ci_high",
                              "reported_rate", "basis", "basis_code", "rate_conflict"),
            "Exit outcome rates of each association-year with the population they describe: "
            "finsam.stats.scope.population decides whom the year's outcome figures count, finsam.stats.rates computes "
            "each gender's and outcome's rate from the facts with the default policy; one row per combination "
            "of conflicting values.",
            renamed=(("count", "rate_count"), ("conflict", "rate_conflict"))),
]}

#: every table of a release, curated first (in the order they are read), then derived
ALL_TABLES = (*TABLE_ORDER, *DERIVED)


def columns(table: str) -> tuple[str, ...]:
    return TABLES[table].fields if table in TABLES else DERIVED[table].fields


def field(table: str, column: str) -> Field:
    """The declaration of one column: the field dictionary's, or a derived table's own."""
    if table in DERIVED and column in DERIVED_FIELDS:
        return DERIVED_FIELDS[column]
    return FIELDS[column]


def description(table: str) -> str:
    return TABLES[table].description if table in TABLES else DERIVED[table].description


def primary_key(table: str) -> tuple[str, ...]:
    return TABLES[table].primary_key if table in TABLES else ()


def references(table: str) -> list[Reference]:
    """The foreign keys of ``table``; a derived table refers to the curated tables as its columns do."""
    if table in TABLES:
        return [r for r in REFERENCES if r.table == table]
    return [Reference(table, r.fields, r.target, r.target_fields) for r in REFERENCES
            if r.table == "observations" and set(r.fields) <= set(columns(table))]


#: derived columns that take the codes of a vocabulary (vocabulary.csv), like VOCABULARY_OF
_DERIVED_VOCABULARY = {"gender": "gender", "unit": "unit", "dimension": "dimension", "outcome": "outcome",
                       "exit_unit": "unit"}


def enumeration(table: str, column: str, vocabulary: pd.DataFrame) -> list[tuple[str, str]]:
    """(code, English label) of the values a column may take, empty when it is not an enumeration:
    the codes of its vocabulary in vocabulary.csv, or REASONS for population_reason."""
    if table == "outcome_rates" and column == "population_reason":
        return list(REASONS.items())
    name = VOCABULARY_OF.get((table, column)) or (_DERIVED_VOCABULARY.get(column) if table in DERIVED else None)
    if name is None:
        return []
    labels = semantics.vocabulary_column(vocabulary, name, "label_en")
    return list(labels.items())


def unit(table: str, column: str) -> str:
    """The column's unit: the field's own, or for a value column the row's unit column."""
    f = field(table, column)
    if f.unit:
        return f.unit
    if column == "value":
        return "the row's unit (column unit)"
    return ""
