"""The registry of pages: for each notebook, the parameters that select a report, the function
that lists the parameter sets the data support, and the sections its view shows, in page order.

``finsam render`` plans its jobs from here, the notebooks check their parameters here right after
their parameters cell (so a direct papermill call with bad parameters fails the way a render does),
and the golden and consistency tests go through every page with the sections named here
(:mod:`finsam.views.outputs` holds the view classes).
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Callable

from finsam.core import names
from finsam.core.errors import ParameterError
from finsam.data.semantics import COUNTERPART
from finsam.data.tables import Tables
from finsam.stats import choices as _choices
from finsam.texts import check_language


@dataclass(frozen=True)
class NotebookSpec:
    name: str
    params: tuple[str, ...]  #: the parameters that select a report (others are options)
    sections: tuple[str, ...]  #: the view's methods that return the page's tables and texts, in order
    choices: Callable[[Tables], list[dict]] | None = None  #: the parameter sets; None: one page


NOTEBOOKS = {n.name: n for n in [
    NotebookSpec("gender_outcomes", ("association", "year"),
                 ("heading", "in_brief", "participants",  # not a vocabulary code: the view method of that name
                  "participants_text", "group_text", "exits", "rates_table", "by_intervention",
                  "about", "gap_table", "gap_text", "gap_method_table", "caveats"), _choices.gender_outcome_choices),
    NotebookSpec("yearly_trend", ("association", "metric"), ("heading", "in_brief", "table", "multi_year", "about"),
                 _choices.trend_choices),
    NotebookSpec("overview", (), ("heading", "in_brief", "table", "about", "text", "caveats")),
    NotebookSpec("interventions", ("association", "year"),
                 ("heading", "in_brief", "rates_table", "not_compared", "goals_table", "goals_text", "costs_table",
                  "costs_text", "about", "funnel_text", "heterogeneity_text", "mix_table", "mix_text", "national_text",
                  "change_text", "caveats"), _choices.intervention_choices),
    NotebookSpec("gender_gaps", (), ("heading", "in_brief", "intervals_table", "intervals_text", "about",
                                     "pooled_text", "exit_reason_text")),
    NotebookSpec("participant_profile", ("association", "year"),
                 ("heading", "in_brief", "breakdowns_table", "composition_table", "outcomes_table", "about",
                  "outcomes_text", "caveats"),
                 _choices.profile_choices),
]}
INTERACTIVE = ("explore",)  # notebooks for JupyterLab, not rendered


def choices(notebook: str, tables: Tables, association: str | None = None) -> list[dict]:
    """Every parameter set ``notebook`` supports with the data of ``tables``; with ``association``,
    those of that association only (decided on its rows alone: a report checking its own
    parameters need not look at every association's)."""
    if notebook not in NOTEBOOKS:
        raise ParameterError(f"unknown notebook {notebook!r}; valid: {', '.join(NOTEBOOKS)}")
    spec = NOTEBOOKS[notebook]
    if spec.choices is None:
        return [{}]
    if association is not None and "association" in spec.params:
        o = tables.observations
        tables = replace(tables, observations=o[o["association_id"] == association])
    return spec.choices(tables)


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


def select_reports(tables: Tables, notebooks=None, filters: dict | None = None) -> list[tuple[str, dict]]:
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


def check_parameters(notebook: str, tables: Tables, **params) -> dict:
    """Validate a notebook's parameters; raises :class:`ParameterError` listing the valid choices."""
    if notebook not in NOTEBOOKS:
        raise ParameterError(f"unknown notebook {notebook!r}; valid: {', '.join(NOTEBOOKS)}")
    spec = NOTEBOOKS[notebook]
    types = {"association": str, "year": int, "metric": str, "by_gender": bool, "chain": bool, "language": str}
    for k, v in params.items():
        if k in types:
            _expect(k, v, types[k])
    if "language" in params:
        check_language(params["language"])
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
    return names.report_stem(notebook, [params[p] for p in NOTEBOOKS[notebook].params if p in params])


def siblings(tables: Tables, association: str | None) -> list[tuple[str, dict]]:
    """Every page about ``association`` the data support, as (notebook, parameters) pairs in the
    registry's order; with None, the pages about every association at once (no parameters)."""
    if association is None:
        return [(n, {}) for n, spec in NOTEBOOKS.items() if not spec.params]
    return [(n, c) for n, spec in NOTEBOOKS.items() if "association" in spec.params
            for c in choices(n, tables, association=association)]


@dataclass(frozen=True)
class Related:
    """The pages related to one page, each a (notebook, parameters) pair of the render plan."""
    previous: tuple | None = None  #: the same page of the nearest earlier year that has one
    next: tuple | None = None  #: … of the nearest later year
    counterpart: tuple | None = None  #: the series a reader turns to next (cost ↔ revenue)
    same_year: tuple = ()  #: the other pages of the same association and year
    series: tuple = ()  #: the association's other series year by year
    shared: tuple = ()  #: the other pages about every association


def related(notebook: str, params: dict, pages: list[tuple[str, dict]]) -> Related:
    """The pages related to ``notebook`` with ``params`` among ``pages`` (its :func:`siblings`):
    only pages of the plan, so a link never points to a year or a page that does not exist."""
    others = [(n, c) for n, c in pages if not (n == notebook and c == params)]
    if not params.get("association"):
        return Related(shared=tuple(p for p in others if not p[1]))
    same = [(n, c) for n, c in others if c.get("association") == params["association"]]
    out: dict = {}
    if "year" in params:
        year = int(params["year"])
        years = sorted(((int(c["year"]), (n, c)) for n, c in same if n == notebook and "year" in c), key=lambda x: x[0])
        earlier = [p for y, p in years if y < year]
        later = [p for y, p in years if y > year]
        out["previous"] = earlier[-1] if earlier else None
        out["next"] = later[0] if later else None
        out["same_year"] = tuple((n, c) for n, c in same if n != notebook and int(c.get("year", -1)) == year)
    if "metric" in params:
        twin = COUNTERPART.get(str(params["metric"]))
        out["counterpart"] = next(((n, c) for n, c in same if n == notebook and c.get("metric") == twin), None)
        out["series"] = tuple((n, c) for n, c in same if "metric" in c and (n, c) != out["counterpart"])
    return Related(**out)
