"""Which population a report describes: the one decision every page takes from here.

An association's exit outcomes for a year may be stated for all its interventions (``ALL``) or
only for an aggregate the report defines, such as its work-oriented interventions. Choosing
between them by name, or differently on different pages, makes one rate mean two things (BHS
2018: 90 of 387 exits association-wide, where 387 includes interventions for which the report
marks work/studies "ej tillämpligt", against the report's own 90 of 246 work-oriented exits).
:func:`population` decides once, from the tables, and says why.
"""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from finsam.data import semantics
from finsam.data.conflicts import resolve
from finsam.data.tables import Tables, select
from finsam.data.frames import texts
from finsam.data.fields import ALL

#: why a population was chosen (machine-readable; views word it per language)
REASONS = {
    "all_interventions": "the report states outcomes for all interventions together",
    "excluded_interventions": "the report leaves some interventions out of its outcome figures (work or studies "
                              "are not applicable to them), while the association-wide exit count includes them",
    "aggregate_only": "the report states outcomes only for an aggregate of interventions",
    "no_outcomes": "the report states no exit outcomes for this year",
}


@dataclass(frozen=True)
class Population:
    """Whom an association-year's outcome figures count."""

    association: str
    year: int
    group: str  #: ALL or the aggregate intervention whose exits the outcome rates describe
    reason: str  #: a key of REASONS
    excluded: tuple[str, ...] = ()  #: interventions with figures this year that the report marks not work-oriented
    covers: tuple[str, ...] = ()  #: what an aggregate covers, where the report names it
    note: str = ""  #: the aggregate's description in interventions.csv

    @property
    def is_all(self) -> bool:
        return self.group == ALL


def _interventions(tables: Tables, association: str) -> pd.DataFrame:
    i = tables.interventions
    return i[i["association_id"] == association]


def _outcome_stated(facts: pd.DataFrame, metrics: pd.DataFrame) -> dict[str, tuple[bool, bool]]:
    """group -> (work-or-studies outcome stated for everyone, stated as counts k and n)."""
    ws = semantics.outcome_metric(metrics, semantics.SUM_OUTCOME)
    parts = [semantics.outcome_metric(metrics, p) for p in semantics.SUM_PARTS]
    rate = next(o.rate for o in semantics.outcomes(metrics) if o.outcome == semantics.SUM_OUTCOME)
    exited = semantics.denominator(metrics)
    stated: dict[str, set[str]] = {}
    for group, gender, metric in zip(texts(facts["intervention"]), texts(facts["gender"]), texts(facts["metric"])):
        if gender == semantics.EVERYONE:
            stated.setdefault(group, set()).add(metric)
    out = {}
    for group, ms in sorted(stated.items()):
        k = ws in ms or all(p in ms for p in parts)
        out[group] = (k or rate in ms, k and exited in ms)
    return out


def population(tables: Tables, association: str, year: int, facts: pd.DataFrame | None = None) -> Population:
    """The population whose exit outcomes represent ``association`` in ``year``.

    Rules, in order:

    1. Candidates are ``ALL`` and the association's aggregates (``kind`` aggregate in
       interventions.csv) for which the year's figures state a work-or-studies outcome for everyone.
    2. ``ALL`` is not a candidate when an intervention the report marks as not work-oriented
       (``is_work_oriented`` false) has figures for the year: its exits are in the association-wide
       count, while work or studies do not apply to them.
    3. Among candidates, outcomes built from counts (k of n) beat a percentage alone; then ``ALL``
       beats an aggregate; then an aggregate marked work-oriented; then the first by name.

    The decision does not depend on which page asks, nor on whether a gender split exists: one
    association-year has one population. A caller that has the year's facts resolved with the
    default policy (``show``) passes them as ``facts`` instead of having them resolved again.
    """
    metrics = tables.metrics
    if facts is None:
        facts = resolve(select(tables.observations, association=association, period=year))
    # the association's interventions as lists: pandas' filtering of a few rows, done a handful of
    # times per call, cost the release's outcome_rates (one call per association-year) seconds
    inter = _interventions(tables, association)
    rows = list(zip(texts(inter["intervention"]), texts(inter["kind"]), inter["is_work_oriented"].tolist(),
                    inter["covers"].tolist(), inter["note"].tolist()))
    aggregates = [r for r in rows if r[1] == "aggregate"]
    stated = _outcome_stated(facts, metrics)
    names = set(texts(facts["intervention"]))
    # is_work_oriented is true, false or missing: missing is neither
    excluded = tuple(sorted(n for n, _, wo, _, _ in rows if wo is not pd.NA and wo == False and n in names))  # noqa: E712
    work_oriented = {n for n, _, wo, _, _ in aggregates if wo is not pd.NA and wo == True}  # noqa: E712
    candidates = [g for g in [ALL, *sorted(r[0] for r in aggregates)] if stated.get(g, (False,))[0]]
    if excluded and ALL in candidates:
        candidates.remove(ALL)
    if not candidates:
        return Population(association, year, ALL, "no_outcomes", excluded)
    best = sorted(candidates, key=lambda g: (not stated[g][1], g != ALL, g not in work_oriented, g))[0]
    if best == ALL:
        return Population(association, year, ALL, "all_interventions")
    _, _, _, row_covers, row_note = next(r for r in aggregates if r[0] == best)
    covers = tuple(x for x in str(row_covers).split(";") if x) if isinstance(row_covers, str) else ()
    note = row_note if isinstance(row_note, str) else ""
    reason = "excluded_interventions" if excluded else "aggregate_only"
    return Population(association, year, best, reason, excluded, covers, note)
