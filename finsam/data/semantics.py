"""What the numbers mean, derived from the tables that declare it.

Every list of genders, units, outcomes and metrics that code needs comes from here, and here it
comes from ``vocabulary.csv`` (codes and their labels) and ``metrics.csv`` (each metric's kind,
outcome, timing, numerator and denominator). Nothing in the package re-types these lists. The
functions take plain DataFrames, so validation (before the typed tables exist) and analysis use
the same definitions.
"""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

#: the outcome whose count is the sum of two others where the report gives the parts
SUM_OUTCOME, SUM_PARTS = "work_or_studies", ("work", "studies")

# The codes the package names. Each is declared in data/ (vocabulary.csv, metrics.csv) with the
# role written beside it here; tests/top/test_vocabulary_literals.py checks every name against that
# role in the shipped tables and fails when a module outside finsam/data types a code itself.

# genders (vocabulary.csv, vocabulary gender), by class
EVERYONE = "all"  #: class everyone: everyone together (the others are its parts)
WOMEN, MEN = "women", "men"  #: class compared, in that order: the two sides of a gender gap
COMPARED = (WOMEN, MEN)
NOT_STATED = "unknown"  #: class not_stated
GENDERS = (EVERYONE, WOMEN, MEN, NOT_STATED)  #: vocabulary.csv order

# units (vocabulary.csv, vocabulary unit) and their classes (column class)
PERSONS = "persons"  #: class count, people: each person once
PERCENT = "percent"  #: class percent
SEK = "sek"  #: class money
COUNT_CLASS, PERCENT_CLASS, MONEY_CLASS = "count", "percent", "money"
#: the vocabulary of the scales amounts of money are shown in (kr, tkr, mnkr; column factor); each
#: money metric names its own in metrics.csv (display_scale)
SCALE = "scale"
#: the classes of vocabulary.csv (column class): of units, then of genders
CLASSES = (COUNT_CLASS, PERCENT_CLASS, MONEY_CLASS, "everyone", "compared", "not_stated")

# metrics (metrics.csv)
PARTICIPANTS = "participants"  #: count: who took part during the period
PARTICIPANTS_NEW = "participants_new"  #: count: who started
EXITED = "participants_exited"  #: count: who ended; the denominator of the exit rates
UNIQUE_INDIVIDUALS = "unique_individuals"  #: count: distinct persons, where told apart
PERSONS_REACHED = "persons_reached"  #: count
PARTICIPANTS_SHARE = "participants_share"  #: share
WORK_OR_STUDIES = "exit_work_or_studies"  #: exit count of outcome work_or_studies
WORK = "exit_work"  #: exit count of outcome work
STUDIES = "exit_studies"  #: exit count of outcome studies
WORK_OR_STUDIES_RATE = "exit_work_or_studies_rate"  #: the rate whose numerator is WORK_OR_STUDIES
WORK_OR_STUDIES_RATE_GOAL = "exit_work_or_studies_rate_goal"  #: goal_of WORK_OR_STUDIES_RATE
NATIONAL_WORK_OR_STUDIES_RATE = "national_exit_work_or_studies_rate"  #: reference of outcome work_or_studies
COST = "cost"  #: money
REVENUE = "revenue"  #: money
#: a yearly series and the one a reader turns to next (cost ↔ revenue)
COUNTERPART = {COST: REVENUE, REVENUE: COST}
#: what a rate to work or studies rests on: its counts, then the reported rate
WORK_OR_STUDIES_COUNTS = (EXITED, WORK_OR_STUDIES, WORK, STUDIES)
WORK_OR_STUDIES_METRICS = (*WORK_OR_STUDIES_COUNTS, WORK_OR_STUDIES_RATE)
#: the exit outcome that takes every exit no other reason took ("annan avslutsanledning"): where a
#: report gives it beside the other reasons, its reasons account for every exit
REMAINDER_OUTCOME = "other"


def _s(x) -> str:
    return "" if x is None or (isinstance(x, float) and x != x) or x is pd.NA else str(x)


def vocabulary_column(vocabulary: pd.DataFrame, name: str, column: str) -> dict[str, str]:
    """code -> ``column`` ("" where empty) for the codes of vocabulary ``name``, in the order
    vocabulary.csv declares them: the one lookup into vocabulary.csv, built once per table and column."""
    return frame_cached(vocabulary, ("vocabulary_column", name, column), lambda v: {
        str(c): _s(x) for a, c, x in zip(v["vocabulary"], v["code"], v[column]) if str(a) == name})


def codes(vocabulary: pd.DataFrame, name: str) -> list[str]:
    """The codes of one vocabulary, in the order vocabulary.csv declares them."""
    return list(vocabulary_column(vocabulary, name, "code"))


def compared_genders(vocabulary: pd.DataFrame) -> list[str]:
    """The genders a gender gap compares (class ``compared`` in vocabulary.csv: women, men)."""
    return [g for g, c in vocabulary_column(vocabulary, "gender", "class").items() if c == "compared"]


def unit_classes(vocabulary: pd.DataFrame) -> dict[str, str]:
    """unit -> count, percent or money."""
    return vocabulary_column(vocabulary, "unit", "class")


def count_units(vocabulary: pd.DataFrame) -> list[str]:
    return [u for u, c in unit_classes(vocabulary).items() if c == "count"]


def money_units(vocabulary: pd.DataFrame) -> list[str]:
    return [u for u, c in unit_classes(vocabulary).items() if c == MONEY_CLASS]


@dataclass(frozen=True)
class Scale:
    """A scale amounts of money are shown in (vocabulary.csv, vocabulary scale): ``factor`` kronor
    make one of it; ``label_*`` heads a column or an axis (tkr / SEK thousand), ``word_*`` follows
    an amount (1 941 tkr / SEK 1,941 thousand)."""

    code: str
    factor: float
    label_sv: str
    label_en: str
    word_sv: str
    word_en: str

    def label(self, lang: str) -> str:
        return getattr(self, f"label_{lang}")

    def word(self, lang: str) -> str:
        return getattr(self, f"word_{lang}")


def scales(vocabulary: pd.DataFrame) -> dict[str, Scale]:
    """code -> Scale, in the order vocabulary.csv declares them."""
    def col(c):
        return vocabulary_column(vocabulary, SCALE, c)
    factor, lsv, len_, wsv, wen = col("factor"), col("label_sv"), col("label_en"), col("noun_sv"), col("noun_en")
    return {c: Scale(c, float(factor[c]), lsv[c], len_[c], wsv[c], wen[c]) for c in factor}


def display_scale(metrics: pd.DataFrame, vocabulary: pd.DataFrame, metric: str) -> Scale:
    """The scale every page shows an amount of ``metric`` in (metrics.csv display_scale), in its
    tables, sentences and charts alike."""
    code = frame_cached(metrics, "display_scale", lambda m: dict(zip(m["metric"].astype(str),
                                                                      m["display_scale"].map(_s))))
    c = code.get(str(metric), "")
    if not c:
        raise KeyError(f"metric {metric!r} has no display_scale in metrics.csv (is it an amount of money?)")
    return scales(vocabulary)[c]


def finest_scale(vocabulary: pd.DataFrame) -> Scale:
    """The scale of the smallest factor (kronor): where two amounts would read the same in their
    metric's scale, they are told apart in this one."""
    return min(scales(vocabulary).values(), key=lambda s: s.factor)


def counts_people(vocabulary: pd.DataFrame, unit: str) -> bool:
    """Whether a count in ``unit`` counts each person once (vocabulary.csv ``people``: persons,
    registered persons), rather than participations or cases, where one person may count twice."""
    return vocabulary_column(vocabulary, "unit", "people").get(str(unit)) == "true"


@dataclass(frozen=True)
class Outcome:
    """One exit outcome: the count metric, the reported-rate metric, and how it is measured."""

    outcome: str
    count: str
    rate: str | None
    timing: str


#: derived rows per table frame, by identity: the loaded tables are shared and never changed in
#: place, and the views ask for the same lists hundreds of times per page
_ROWS: dict[int, tuple] = {}


def frame_cached(df: pd.DataFrame, what, make):
    """``make(df)``, computed once per frame (held with the frame, so its id is not reused)."""
    key = (id(df), what)
    hit = _ROWS.get(key)
    if hit is None or hit[0] is not df or hit[1] != df.shape:
        if len(_ROWS) > 256:
            _ROWS.clear()
        hit = _ROWS[key] = (df, df.shape, make(df))
    return hit[2]


def _metrics(metrics: pd.DataFrame) -> list[dict]:
    cols = ["metric", "unit", "metric_kind", "outcome", "timing", "numerator", "denominator_metric", "goal_of"]
    return frame_cached(metrics, "metrics", lambda m: [{c: _s(v) for c, v in zip(cols, row)}
                                                       for row in zip(*(m[c] for c in cols))])


def outcomes(metrics: pd.DataFrame, timing: str = "exit") -> list[Outcome]:
    """The outcomes measured at ``timing`` (exit or followup), in metrics.csv order, each with its
    count metric and the rate metric whose numerator that count is."""
    ms = _metrics(metrics)
    rate_of = {m["numerator"]: m["metric"] for m in ms if m["metric_kind"] == "rate" and m["numerator"]}
    return [Outcome(m["outcome"], m["metric"], rate_of.get(m["metric"]), m["timing"]) for m in ms
            if m["metric_kind"] == "count" and m["outcome"] and m["timing"] == timing]


def exit_reasons(metrics: pd.DataFrame) -> list[str]:
    """Count metrics of mutually exclusive reasons for ending: together at most the exits."""
    return [o.count for o in outcomes(metrics, "exit") if o.outcome != SUM_OUTCOME]


def outcome_metric(metrics: pd.DataFrame, outcome: str, timing: str = "exit") -> str:
    for o in outcomes(metrics, timing):
        if o.outcome == outcome:
            return o.count
    raise KeyError(f"no {timing} count metric for outcome {outcome!r}")


def rate_parts(metrics: pd.DataFrame) -> dict[str, tuple[str, str]]:
    """rate metric -> (numerator count metric, denominator count metric), for rates whose
    metadata name both."""
    return {m["metric"]: (m["numerator"], m["denominator_metric"]) for m in _metrics(metrics)
            if m["metric_kind"] == "rate" and m["numerator"] and m["denominator_metric"]}


def denominator(metrics: pd.DataFrame, timing: str = "exit") -> str:
    """The count metric the rates measured at ``timing`` are percentages of."""
    dens = {m["denominator_metric"] for m in _metrics(metrics) if m["metric_kind"] == "rate" and m["timing"] == timing}
    if len(dens) != 1:
        raise ValueError(f"the {timing} rates in metrics.csv do not share one denominator: {sorted(dens)}")
    return dens.pop()


def metrics_of_kind(metrics: pd.DataFrame, *kinds: str) -> list[str]:
    return [m["metric"] for m in _metrics(metrics) if m["metric_kind"] in kinds]


def count_metrics(metrics: pd.DataFrame) -> list[str]:
    return metrics_of_kind(metrics, "count")


def sum_parts(metrics: pd.DataFrame) -> list[str]:
    """The exit count metrics whose sum is the work-or-studies count (work, studies)."""
    return [outcome_metric(metrics, p) for p in SUM_PARTS]


def work_or_studies_counts(metrics: pd.DataFrame) -> list[str]:
    """The count metrics a rate to work or studies rests on: the exits (its denominator), the
    work-or-studies exits and their parts (work, studies)."""
    return [denominator(metrics), outcome_metric(metrics, SUM_OUTCOME), *sum_parts(metrics)]


def goals(metrics: pd.DataFrame) -> dict[str, str]:
    """goal metric -> the metric it is the goal of (metrics.csv ``goal_of``), in metrics.csv order."""
    return {m["metric"]: m["goal_of"] for m in _metrics(metrics) if m["goal_of"]}


def goal_for(metrics: pd.DataFrame, metric: str) -> str:
    """The goal metric whose ``goal_of`` is ``metric``."""
    for g, of in goals(metrics).items():
        if of == metric:
            return g
    raise KeyError(f"no goal metric in metrics.csv has goal_of {metric!r}")


def count_goals(metrics: pd.DataFrame) -> dict[str, str]:
    """goal -> count metric, for the goals of count metrics (compared plainly, not as rates)."""
    kind = {m["metric"]: m["metric_kind"] for m in _metrics(metrics)}
    return {g: of for g, of in goals(metrics).items() if kind.get(of) == COUNT_CLASS}
