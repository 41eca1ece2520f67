"""Which parameter sets each notebook supports, and validation of given parameters.

The same check runs in ``finsam render`` (before any kernel starts) and in the notebook right
after its parameters cell, so a direct papermill call with bad parameters fails the same way.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

import pandas as pd

from finsam.data import semantics
from finsam.data.load import Tables, load, texts
from finsam.core.errors import ParameterError



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
    NotebookSpec("participant_profile", "Who the participants are", ("association", "year")),
]}
INTERACTIVE = ("explore",)  # notebooks for JupyterLab, not rendered


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
    o = o[o["intervention"] == "ALL"]
    years = o.groupby([o["association_id"].astype(str), o["metric"].astype(str)])["period_start"].nunique()
    return [dict(association=a, metric=m) for (a, m), n in sorted(years.items()) if n >= 2]


def choices(notebook: str, tables: Tables | None = None, association: str | None = None) -> list[dict]:
    """Every parameter set ``notebook`` supports with the current data; with ``association``,
    those of that association only (decided on its rows alone: a report checking its own
    parameters need not look at every association's)."""
    if notebook not in NOTEBOOKS:
        raise ParameterError(f"unknown notebook {notebook!r}; valid: {', '.join(NOTEBOOKS)}")
    tables = tables or load()
    if association is not None and "association" in NOTEBOOKS[notebook].params:
        o = tables.observations
        tables = replace(tables, observations=o[o["association_id"] == association])
    if notebook == "gender_outcomes":
        return gender_outcome_choices(tables)
    if notebook == "yearly_trend":
        return trend_choices(tables)
    if notebook == "interventions":
        from finsam.views.interventions import intervention_choices
        return intervention_choices(tables)
    if notebook == "participant_profile":
        return profile_choices(tables)
    return [{}]


def _takers(names) -> dict[str, list[str]]:
    """For each selecting parameter, the notebooks among ``names`` that take it."""
    out: dict[str, list[str]] = {}
    for n in names:
        for param in NOTEBOOKS[n].params:
            out.setdefault(param, []).append(n)
    return out


def _takes(n: str) -> str:
    params = NOTEBOOKS[n].params
    return f"{n} takes {', '.join(params)}" if params else f"{n} takes no parameters"


def select_reports(notebooks=None, filters: dict | None = None, tables: Tables | None = None) -> list[tuple[str, dict]]:
    """The (notebook, parameters) pairs selected by ``notebooks`` (default: all) and ``filters``
    (``{"association": [...], "year": [...], "metric": [...]}``; an empty or missing list selects
    all). A filter keeps the reports of the notebooks that take that parameter with one of the given
    values. Raises :class:`ParameterError` for an unknown notebook, for a filter that no selected
    notebook takes (naming the parameters each one does take), and for a value no report has
    (listing the values there are)."""
    names = list(notebooks or NOTEBOOKS)
    for n in names:
        if n not in NOTEBOOKS:
            hint = " (an interactive notebook: open it in JupyterLab)" if n in INTERACTIVE else ""
            raise ParameterError(f"unknown notebook {n!r}{hint}; valid: {', '.join(NOTEBOOKS)}")
    filters = {k: list(v) for k, v in (filters or {}).items() if v}
    tables = tables or load()
    every = {n: choices(n, tables) for n in names}
    takers = _takers(names)
    for param, wanted in filters.items():
        if param not in takers:
            others = [n for n in NOTEBOOKS if param in NOTEBOOKS[n].params and n not in names]
            where = f" (it selects reports of {', '.join(others)})" if others else ""
            raise ParameterError(f"--{param} does not apply to {', '.join(names)}{where}: "
                                 + "; ".join(_takes(n) for n in names))
        known = sorted({c[param] for n in takers[param] for c in every[n]})
        for v in wanted:
            if v not in known:
                if param == "association":
                    raise ParameterError(f"unknown association {v!r}; valid: {', '.join(known)}")
                shown = v if isinstance(v, int) else repr(v)
                raise ParameterError(f"no report for {param} {shown}; valid {param}s: {', '.join(map(str, known))}")
    selected = []
    for n in names:
        for c in every[n]:
            if all(param in c and c[param] in wanted for param, wanted in filters.items()):
                selected.append((n, c))
    if not selected:
        given = ", ".join(f"{k} {'/'.join(map(str, v))}" for k, v in filters.items())
        raise ParameterError(f"no report matches the selection (notebooks {', '.join(names)}; {given}): "
                             + "; ".join(_takes(n) for n in names))
    return selected


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
    types = {"association": str, "year": int, "metric": str, "by_gender": bool, "chain": bool, "language": str}
    for k, v in params.items():
        if k in types:
            _expect(k, v, types[k])
    if "language" in params:
        from finsam.texts import LANGUAGES
        if params["language"] not in LANGUAGES:
            raise ParameterError(f"unknown language {params['language']!r}; valid: {', '.join(LANGUAGES)}")
    params = {k: v for k, v in params.items() if k != "language"}  # not a selecting parameter
    selecting = {p for s in NOTEBOOKS.values() for p in s.params}
    foreign = sorted(k for k in params if k in selecting and k not in spec.params)
    if foreign:
        raise ParameterError(f"{notebook} does not take {', '.join(foreign)}: {_takes(notebook)}")
    if not spec.params:
        return params
    missing = [k for k in spec.params if params.get(k) is None]
    if missing:
        raise ParameterError(f"{notebook} needs {' and '.join(missing)}: {_takes(notebook)}")
    assoc = params.get("association")
    valid = choices(notebook, tables, association=assoc) if isinstance(assoc, str) else []
    if not valid:  # the message lists every association the notebook has reports for
        known_assoc = sorted({c["association"] for c in choices(notebook, tables)})
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
