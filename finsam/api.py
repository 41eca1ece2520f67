"""The public functions as a researcher meets them (``import finsam``): the analysis functions of
the layers below, with their arguments checked at this edge.

A misspelled association, metric, gender or intervention, or a year the association's reports do
not cover, raises :class:`ParameterError` naming the valid choices (and the nearest one), instead of
returning an empty frame that reads as "no such figures". A year may be any integer (``2018``,
``numpy.int64(2018)``, what ``tables.observations["period_start"]`` holds) or its digits as text
(``"2018"``). Inside the package the layers call each other directly, with values they took from
the data.
"""
from __future__ import annotations

import difflib
import numbers

import pandas as pd

from finsam.core.errors import ParameterError
from finsam.data import tables as _tables
from finsam.data.frames import texts
from finsam.data.load import load
from finsam.data.fields import FACT_KEY
from finsam.data.tables import Tables
from finsam.stats import findings, gaps, scope, trends


def as_year(value, name: str = "year") -> int:
    """``value`` as a year: an integer of any kind, or its digits as text; else a ParameterError."""
    if isinstance(value, bool):
        raise ParameterError(f"{name} must be a year such as 2018, not {value!r}")
    if isinstance(value, numbers.Integral):
        return int(value)
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    if isinstance(value, numbers.Real) and float(value).is_integer():
        return int(value)
    raise ParameterError(f"{name} must be a year such as 2018, not {value!r}")


def as_period(value):
    """A year, or a ``(start, end)`` pair of years."""
    if isinstance(value, (tuple, list)):
        if len(value) != 2:
            raise ParameterError(f"period must be a year or a (start, end) pair of years, not {value!r}")
        return as_year(value[0], "period start"), as_year(value[1], "period end")
    return as_year(value, "period")


def check_code(kind: str, value, valid) -> str:
    """``value`` if it is one of ``valid``; else a ParameterError naming the nearest and all choices."""
    valid = [str(v) for v in valid]
    if isinstance(value, str) and value in valid:
        return value
    near = difflib.get_close_matches(str(value), valid, n=1)
    hint = f" (did you mean {near[0]!r}?)" if near else ""
    shown = ", ".join(sorted(valid)) if len(valid) <= 40 else ", ".join(sorted(valid)[:40]) + f", … ({len(valid)} in all)"
    raise ParameterError(f"unknown {kind} {value!r}{hint}; valid: {shown}")


def _values(col: pd.Series) -> list[str]:
    return texts(col.cat.categories) if isinstance(col.dtype, pd.CategoricalDtype) else texts(col.dropna().unique())


def _codes(kind: str, value, col: pd.Series):
    valid = _values(col)
    if isinstance(value, (str, numbers.Integral)) or value is None:
        return None if value is None else check_code(kind, value, valid)
    return [check_code(kind, v, valid) for v in value]


def association(tables: Tables, value) -> str:
    return check_code("association", value, texts(tables.associations["association_id"]))


def years(tables: Tables, association_id: str) -> list[int]:
    """The one-year periods the association's rows cover."""
    o = tables.observations
    o = o[(o["association_id"] == association_id) & (o["period_start"] == o["period_end"])]
    return sorted(int(y) for y in o["period_start"].unique())


def covered_year(tables: Tables, association_id: str, value) -> int:
    year = as_year(value)
    have = years(tables, association_id)
    if year not in have:
        raise ParameterError(f"no figures for {association_id} in {year}; its reports cover: "
                             f"{', '.join(map(str, have)) or 'no single year'}")
    return year


def metric(tables: Tables, value) -> str:
    return check_code("metric", value, texts(tables.metrics["metric"]))


def _tables_or_load(t: Tables | None) -> Tables:
    return load() if t is None else t


# --- the public functions ------------------------------------------------------------------------

def select(obs: pd.DataFrame, *, association=None, intervention=None, period=None, metric=None,
           gender=None, single_year: bool | None = None, dimension: str | None = "") -> pd.DataFrame:
    """Rows of ``obs`` matching every criterion (see :func:`finsam.data.tables.select`); a code that
    is not in ``obs`` at all raises a ParameterError naming the valid codes."""
    crit = dict(association=_codes("association", association, obs["association_id"]),
                intervention=_codes("intervention", intervention, obs["intervention"]),
                metric=_codes("metric", metric, obs["metric"]),
                gender=_codes("gender", gender, obs["gender"]))
    if dimension and "dimension" in obs:
        check_code("dimension", dimension, [d for d in _values(obs["dimension"]) if d])
    return _tables.select(obs, **crit, period=None if period is None else as_period(period),
                          single_year=single_year, dimension=dimension)


def population(tables: Tables, association_id: str, year) -> scope.Population:
    """Whom the association-year's outcome figures count, and why (finsam.stats.scope)."""
    a = association(tables, association_id)
    return scope.population(tables, a, covered_year(tables, a, year))


def _rates_args(tables, association_id, year, intervention):
    a = association(tables, association_id)
    y = as_period(year)
    if isinstance(y, int):
        covered_year(tables, a, y)
    if intervention is not None:
        o = tables.observations
        intervention = check_code("intervention", intervention,
                                  _values(o.loc[o["association_id"] == a, "intervention"].astype(str)))
    return a, y, intervention


def outcome_rates(tables: Tables, association_id: str, year, intervention: str | None = None,
                  policy: str = "show") -> pd.DataFrame:
    """Exit outcomes by gender with 95 % Wilson intervals (finsam.stats.findings.outcome_rates)."""
    a, y, i = _rates_args(tables, association_id, year, intervention)
    return findings.outcome_rates(tables, a, y, i, policy)


def gender_gap(tables: Tables, association_id: str, year, outcome: str = "work_or_studies",
               intervention: str | None = None, policy: str = "show") -> pd.DataFrame:
    """The gap between women and men in one outcome rate (finsam.stats.findings.gender_gap)."""
    a, y, i = _rates_args(tables, association_id, year, intervention)
    return findings.gender_gap(tables, a, y, outcome, i, policy)


def trend(tables: Tables, association_id: str, metric_code: str, *, by_gender: bool = False,
          intervention: str = "ALL", chain: bool = False, policy: str = "show") -> pd.DataFrame:
    """One row per year of a metric (finsam.stats.trends.trend)."""
    return trends.trend(tables, association(tables, association_id), metric(tables, metric_code),
                        by_gender=by_gender, intervention=intervention, chain=chain, policy=policy)


def multi_year(tables: Tables, association_id: str, metric_code: str, intervention: str = "ALL") -> pd.DataFrame:
    """Figures covering several years (finsam.stats.trends.multi_year)."""
    return trends.multi_year(tables, association(tables, association_id), metric(tables, metric_code), intervention)


def lineage(tables: Tables, association_id: str) -> list[str]:
    """The association and those it continues (finsam.stats.trends.lineage)."""
    return trends.lineage(tables, association(tables, association_id))


def facts(tables: Tables | None = None, association_id=None, lang: str = "en") -> pd.DataFrame:
    """Every fact of every association (or of ``association_id``, one or a list) as one tidy long
    table: one row per fact and value stated for it, with the association's name, the metric's
    label in ``lang`` ("en" or "sv"), the unit, the statements behind each value (``quotes``, and
    ``source_lines``: (source_id, line of the report text) pairs, a line None where the text is not
    at hand), ``lines`` (their lines in observations.csv, as integers) and ``conflict``/``alternatives`` for a fact the report states with different values."""
    from finsam.release.derived import facts as resolved  # the release's own facts table
    from finsam.texts import check_language
    t = _tables_or_load(tables)
    check_language(lang)
    obs = t.observations
    if association_id is not None:
        obs = select(obs, association=association_id, dimension=None)
    out = resolved(obs)
    names = dict(zip(texts(t.associations["association_id"]), texts(t.associations["name"])))
    labels = dict(zip(texts(t.metrics["metric"]), texts(t.metrics[f"label_{lang}"])))
    out.insert(1, "association", out["association_id"].astype(str).map(names))
    out.insert(out.columns.get_loc("metric") + 1, "metric_label", out["metric"].astype(str).map(labels))
    stated = _statements(t, obs)
    key = [c for c in FACT_KEY if c in out.columns]
    found = [stated.get((*map(str, k), float(v)), ([], [])) for k, v in
             zip(out[key].astype(str).itertuples(index=False, name=None), out["value"])]
    # resolve joins them as text ("191, 208"); a researcher gets lists
    out["sources"] = [[s.strip() for s in str(x).split(",") if s.strip()] for x in out["sources"]]
    out["lines"] = [[int(n) for n in str(x).split(",") if n.strip()] for x in out["lines"]]
    out["quotes"] = [f[0] for f in found]
    out["source_lines"] = [f[1] for f in found]
    return out


def _statements(t: Tables, obs: pd.DataFrame) -> dict:
    """(fact key…, value) → ([quote, …], [(source_id, line of the report text), …]) of the rows
    stating it; the line is None where the report text cannot be read (``FINSAM_SOURCES``)."""
    from bisect import bisect_right
    from finsam.core import paths
    from finsam.data.provenance import read_source
    docs = dict(zip(texts(t.sources["source_id"]), texts(t.sources["document"])))
    cache: dict = {}

    def line_of(source: str, quote: str):
        if source not in cache:
            try:
                text = read_source(paths.sources_dir() / docs[source])
                starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
                cache[source] = (text, starts)
            except (OSError, KeyError, ValueError):
                cache[source] = None
        if cache[source] is None:
            return None
        text, starts = cache[source]
        at = text.find(quote)
        return None if at < 0 else bisect_right(starts, at)

    o = obs.reset_index() if "source_id" not in obs.columns else obs
    key = [c for c in FACT_KEY if c in o.columns]
    out: dict = {}
    for row in o[[*key, "value", "source_id", "quote"]].astype({c: str for c in key}).itertuples(index=False, name=None):
        *k, value, source, quote = row
        quotes, lines = out.setdefault((*k, float(value)), ([], []))
        quotes.append(str(quote))
        lines.append((str(source), line_of(str(source), str(quote))))
    return out


def all_outcome_rates(tables: Tables | None = None) -> pd.DataFrame:
    """The outcome rates of every association-year at once: its population, why, and the rates by
    gender and outcome with 95 % Wilson intervals (the release's ``outcome_rates`` table)."""
    from finsam.release.derived import derive
    return derive(_tables_or_load(tables))[1]


def gender_gaps(tables: Tables | None = None, policy: str = "show") -> pd.DataFrame:
    """Every group (association, year, intervention) with exits and outcomes for both women and men,
    across all associations, with the gap's interval (the gender_gaps page's table)."""
    return gaps.gap_intervals(gaps.gap_groups(_tables_or_load(tables), policy))


def overview(tables: Tables | None = None, policy: str = "show") -> pd.DataFrame:
    """One row per association and report year: participants, exits, the headline rate, costs (the
    overview page's table)."""
    return findings.overview_rows(_tables_or_load(tables), policy)
