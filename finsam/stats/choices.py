"""Which parameter sets the data support: the reports a notebook has, decided from the tables.

Each function returns the parameter sets (dicts) of one notebook, sorted; the registry of pages
(:mod:`finsam.views.registry`) names which function serves which notebook.
"""
from __future__ import annotations

import pandas as pd

from finsam.data import semantics
from finsam.data.fields import ALL
from finsam.data.interventions import comparable
from finsam.data.tables import Tables
from finsam.data.frames import texts


def _one_year_mask(obs: pd.DataFrame) -> pd.Series:
    one = obs["period_start"] == obs["period_end"]
    if "dimension" in obs:  # breakdowns by category are not parameter sets of their own
        one &= obs["dimension"] == ""
    return one


def _one_year(obs: pd.DataFrame) -> pd.DataFrame:
    return obs[_one_year_mask(obs)]


def gender_outcome_choices(tables: Tables) -> list[dict]:
    """(association, year) with one-year participant or outcome figures by gender."""
    m = tables.metrics
    people = m[(m["metric_kind"] == "count") & m["outcome"].isna() & m["timing"].isna()]["metric"]
    exit_metrics = m[(m["timing"] == "exit") | (m["metric_kind"] == "share")]["metric"]  # shares: of a gender, a category
    wanted = set(texts(people)) | set(texts(exit_metrics))
    o = tables.observations
    keep = _one_year_mask(o) & o["metric"].isin(wanted) & o["gender"].isin(semantics.compared_genders(tables.vocabulary))
    pairs = {(a, int(y)) for a, y, k in zip(texts(o["association_id"]), o["period_start"].tolist(), keep.tolist()) if k}
    return [dict(association=a, year=y) for a, y in sorted(pairs)]


def profile_choices(tables: Tables) -> list[dict]:
    """(association, year) with breakdowns by category (municipality, age, …) for periods ending
    in a year the association has a report for."""
    o = tables.observations
    o = o[o["dimension"] != ""]
    reports = set(zip(tables.sources["association_id"].astype(str), tables.sources["report_year"].astype(int)))
    pairs = {(str(a), int(y)) for a, y in zip(o["association_id"], o["period_end"])} & reports
    return [dict(association=a, year=y) for a, y in sorted(pairs)]


def trend_choices(tables: Tables) -> list[dict]:
    """(association, metric) with association-wide one-year figures for at least two years."""
    o = _one_year(tables.observations)
    o = o[o["intervention"] == ALL]
    years = o.groupby([o["association_id"].astype(str), o["metric"].astype(str)])["period_start"].nunique()
    return [dict(association=a, metric=m) for (a, m), n in sorted(years.items()) if n >= 2]


def intervention_choices(tables: Tables) -> list[dict]:
    """(association, year) with at least two comparable interventions with counts: exited
    participants (n > 0) and exits to work or studies, or to work and to studies (the same test
    as :func:`finsam.stats.interventions.intervention_counts`, on the statements, without resolving every year)."""
    o = tables.observations
    counted, exited = semantics.work_or_studies_counts(tables.metrics), semantics.denominator(tables.metrics)
    ws, parts = semantics.outcome_metric(tables.metrics, semantics.SUM_OUTCOME), semantics.sum_parts(tables.metrics)
    o = o[(o["period_start"] == o["period_end"]) & (o["gender"] == semantics.EVERYONE) & o["metric"].isin(counted)
          & (o["intervention"] != ALL)]
    has: dict[tuple[str, int, str], set] = {}
    for a, y, i, m, v in zip(texts(o["association_id"]), o["period_start"].astype(int).tolist(),
                             texts(o["intervention"]), texts(o["metric"]), o["value"].tolist()):
        if m != exited or v > 0:
            has.setdefault((a, y, i), set()).add(m)
    with_counts: dict[tuple[str, int], list[str]] = {}
    for (a, y, i), ms in has.items():
        if exited in ms and (ws in ms or set(parts) <= ms):
            with_counts.setdefault((a, y), []).append(i)
    return [dict(association=a, year=y) for (a, y), names in sorted(with_counts.items())
            if len(comparable(names, tables.interventions, a)) >= 2]
