"""Which parameter sets each notebook supports, and validation of given parameters.

The same check runs in ``finsam render`` (before any kernel starts) and in the notebook right
after its parameters cell, so a direct papermill call with bad parameters fails the same way.
"""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from .data import Tables, load
from .errors import ParameterError

OUTCOME_METRICS = ("participants", "participants_new", "participants_exited", "exit_work", "exit_studies",
                   "exit_work_or_studies", "exit_jobseeking", "exit_other", "participants_share",
                   "exit_work_or_studies_rate", "exit_work_rate", "exit_studies_rate", "exit_jobseeking_rate",
                   "exit_other_rate")


@dataclass(frozen=True)
class NotebookSpec:
    name: str
    title: str
    params: tuple[str, ...]  # the parameters that select a report (others are options)


NOTEBOOKS = {n.name: n for n in [
    NotebookSpec("gender_outcomes", "Participants and outcomes by gender", ("association", "year")),
    NotebookSpec("yearly_trend", "Yearly trend", ("association", "metric")),
    NotebookSpec("overview", "All associations side by side", ()),
    NotebookSpec("interventions", "Interventions compared", ("association", "year")),
    NotebookSpec("gender_gaps", "Gender gaps with their uncertainty", ()),
]}
INTERACTIVE = ("explore",)  # notebooks for JupyterLab, not rendered


def _one_year(obs: pd.DataFrame) -> pd.DataFrame:
    return obs[obs["period_start"] == obs["period_end"]]


def gender_outcome_choices(tables: Tables) -> list[dict]:
    """(association, year) with one-year participant or outcome figures by gender."""
    o = _one_year(tables.observations)
    o = o[o["metric"].isin(OUTCOME_METRICS) & o["gender"].isin(["women", "men"])]
    pairs = o[["association_id", "period_start"]].astype({"association_id": str}).drop_duplicates()
    return [dict(association=a, year=int(y)) for a, y in sorted(pairs.itertuples(index=False, name=None))]


def trend_choices(tables: Tables) -> list[dict]:
    """(association, metric) with association-wide one-year figures for at least two years."""
    o = _one_year(tables.observations)
    o = o[o["intervention"] == "ALL"]
    years = o.groupby([o["association_id"].astype(str), o["metric"].astype(str)])["period_start"].nunique()
    return [dict(association=a, metric=m) for (a, m), n in sorted(years.items()) if n >= 2]


def choices(notebook: str, tables: Tables | None = None) -> list[dict]:
    """Every parameter set ``notebook`` supports with the current data."""
    if notebook not in NOTEBOOKS:
        raise ParameterError(f"unknown notebook {notebook!r}; valid: {', '.join(NOTEBOOKS)}")
    tables = tables or load()
    if notebook == "gender_outcomes":
        return gender_outcome_choices(tables)
    if notebook == "yearly_trend":
        return trend_choices(tables)
    if notebook == "interventions":
        from .views_interventions import intervention_choices
        return intervention_choices(tables)
    return [{}]


def _expect(name, value, typ):
    if typ is int and (isinstance(value, bool) or not isinstance(value, int)):
        raise ParameterError(f"parameter {name} must be a whole number (a year such as 2018), "
                             f"not {type(value).__name__} {value!r}")
    if typ is str and not isinstance(value, str):
        raise ParameterError(f"parameter {name} must be text, not {type(value).__name__} {value!r}")
    if typ is bool and not isinstance(value, bool):
        raise ParameterError(f"parameter {name} must be True or False, not {value!r}")


def check_parameters(notebook: str, tables: Tables | None = None, **params) -> dict:
    """Validate a notebook's parameters; raises :class:`ParameterError` listing the valid choices."""
    if notebook not in NOTEBOOKS:
        raise ParameterError(f"unknown notebook {notebook!r}; valid: {', '.join(NOTEBOOKS)}")
    tables = tables or load()
    spec = NOTEBOOKS[notebook]
    valid = choices(notebook, tables)
    types = {"association": str, "year": int, "metric": str, "by_gender": bool, "chain": bool}
    for k, v in params.items():
        if k in types:
            _expect(k, v, types[k])
    if not spec.params:
        return params
    assoc = params.get("association")
    known_assoc = sorted({c["association"] for c in valid})
    if assoc not in known_assoc:
        all_ids = [str(a) for a in tables.associations["association_id"]]
        hint = "" if assoc not in all_ids else " (it is known, but the data hold no figures for this notebook)"
        raise ParameterError(f"unknown association {assoc!r} for {notebook}{hint}; valid: {', '.join(known_assoc)}")
    second = spec.params[1]
    options = [c[second] for c in valid if c["association"] == assoc]
    if params.get(second) not in options:
        raise ParameterError(f"{second} {params.get(second)!r} is not available for {assoc} in {notebook}; "
                             f"valid: {', '.join(map(str, options))}")
    return params


def report_stem(notebook: str, params: dict) -> str:
    """File-name stem of a report (and prefix of its figures), from its parameters."""
    spec = NOTEBOOKS[notebook]
    parts = [notebook] + [str(params[p]) for p in spec.params if p in params]
    return "_".join(parts)
