"""The release's derived tables, made by finsam's own functions: ``facts`` is
:func:`finsam.data.conflicts.resolve` with its default policy, ``outcome_rates`` the rates of the
population :func:`finsam.stats.scope.population` decides for each association-year
(:func:`finsam.stats.rates.rates_by_group`). Both work per association, so a large release computes
them in parallel over groups of associations (see export.py) and concatenates the parts."""
from __future__ import annotations

import numpy as np
import pandas as pd

from finsam.data import semantics
from finsam.data.conflicts import resolve
from finsam.data.frames import statement_kinds, texts
from finsam.data.tables import Tables
from finsam.stats.rates import rates_by_group
from finsam.data.fields import FACT_KEY
from finsam.stats.scope import population

from .meta import DERIVED

_GROUP = "_population_group"


def facts(obs: pd.DataFrame) -> pd.DataFrame:
    """Every fact of ``obs`` with each value stated for it: ``resolve(obs)`` (policy ``show``).

    resolve walks the statements in Python, which costs about 25 s at a million rows. A fact stated
    once resolves to that statement as it is (one statement, no conflict, nothing to drop), so
    those rows are built here column by column and only the facts stated more than once go
    through resolve; the result is resolve's, row for row and type for type
    (tests/test_release_derived.py compares the two on the curated and on synthetic data)."""
    key = list(FACT_KEY)
    o = obs if "line" in obs.columns else obs.reset_index()
    if o.empty:
        return resolve(o)[list(DERIVED["facts"].fields)]
    once = o.groupby(key, observed=True, sort=False)["value"].transform("size").to_numpy() == 1
    several = resolve(o[~once])
    one = o[once]
    single = pd.DataFrame({
        **{k: one[k].to_numpy() for k in key},
        "value": one["value"].to_numpy(dtype=float), "unit": one["unit"].to_numpy(),
        "n_statements": np.ones(len(one), dtype=several["n_statements"].dtype if len(several) else "int64"),
        "sources": [str(x) for x in one["source_id"].to_numpy(dtype=object)],
        "lines": [str(int(x)) for x in one["line"].to_numpy()],
        "notes": [n if isinstance(n, str) else "" for n in one["note"].to_numpy(dtype=object)],
        "statement": statement_kinds(one["quote"].tolist()),
        "conflict": np.zeros(len(one), dtype=bool),
        "alternatives": [""] * len(one),
    })
    for c in (*key, "unit"):  # the categories of the statements, as resolve keeps them
        if isinstance(o[c].dtype, pd.CategoricalDtype):
            single[c] = pd.Categorical.from_codes(one[c].cat.codes.to_numpy(), dtype=o[c].dtype)
    out = pd.concat([several.drop(columns=["count"]), single], ignore_index=True)
    for c in ("sources", "lines", "notes", "statement", "alternatives"):
        out[c] = out[c].astype(several[c].dtype) if len(several) else out[c]
    # resolve's order: the fact key (categoricals by their categories' order), then the value
    order = [out[c].cat.codes.to_numpy() if isinstance(out[c].dtype, pd.CategoricalDtype) else out[c].to_numpy()
             for c in key]
    out = out.iloc[np.lexsort([out["value"].to_numpy(), *reversed(order)])].reset_index(drop=True)
    # counts as resolve gives them: the rows load() typed as counts (units of class count)
    count_units = set(texts(o.loc[o["count"].notna(), "unit"])) if "count" in o else set()
    out["count"] = out["value"].where(out["unit"].isin(count_units)).round().astype("Int64")
    return out[list(DERIVED["facts"].fields)]


def outcome_rates(tables: Tables, facts: pd.DataFrame) -> pd.DataFrame:
    """The outcome rates of each association-year with one-year figures about everyone in ``facts``
    (as :func:`finsam.findings.headline` takes them for a page): its population, why, and that
    population's rates by gender and outcome.

    :func:`population` reads only which (intervention, gender, metric) a year states, and
    :func:`rates_by_group` only the group, gender, metric, value and conflict columns: each gets
    those columns alone (population the distinct rows), and the chosen population's facts of every
    association-year are picked in one pass. Slicing each year's whole facts frame in pandas cost
    about 12 s at a million rows."""
    f = facts[(facts["dimension"] == "") & (facts["period_start"] == facts["period_end"])]
    cols = list(DERIVED["outcome_rates"].fields)
    if f.empty:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in cols})
    exited = semantics.denominator(tables.metrics)
    # each row's association-year, numbered in the sorted order of (association, year)
    gid = f.groupby(["association_id", "period_start"], observed=True, sort=True).ngroup().to_numpy()
    stated = f[["intervention", "gender", "metric"]].assign(_g=gid).drop_duplicates()
    s_gid = stated["_g"].to_numpy()
    s_order = np.argsort(s_gid, kind="stable")
    s_bounds = np.searchsorted(s_gid[s_order], np.arange(gid.max() + 2))
    first = np.unique(gid, return_index=True)[1]  # a row of each association-year
    associations = texts(f["association_id"].iloc[first])
    years = f["period_start"].iloc[first].to_numpy()
    inter = f["intervention"]
    categories = {str(c): i for i, c in enumerate(inter.cat.categories)} if isinstance(inter.dtype, pd.CategoricalDtype) else None
    inter_codes = inter.cat.codes.to_numpy() if categories is not None else None
    inter_text = None if categories is not None else inter.astype(str).to_numpy(dtype=object)
    chosen_code = np.full(len(first), -2, dtype=np.int64)
    pops = []
    for k, (association, year) in enumerate(zip(associations, years)):
        g = stated.iloc[s_order[s_bounds[k]:s_bounds[k + 1]]][["intervention", "gender", "metric"]]
        pops.append(population(tables, str(association), int(year), g))
    if categories is not None:
        chosen_code = np.array([categories.get(p.group, -2) for p in pops], dtype=np.int64)
        chosen = inter_codes == chosen_code[gid]
    else:
        chosen = inter_text == np.array([p.group for p in pops], dtype=object)[gid]
    has = np.zeros(len(first), dtype=bool)
    has[gid[chosen]] = True
    if not has.any():
        return pd.DataFrame({c: pd.Series(dtype=object) for c in cols})
    number = np.cumsum(has) - 1  # a population's row in meta: the association-years with chosen facts, in order
    rows = np.flatnonzero(chosen)
    rows = rows[np.argsort(gid[rows], kind="stable")]  # by association-year, each year's rows in their order
    c = f.iloc[rows]
    # the exit count's unit: of the first chosen row about everyone's exits
    ex = np.flatnonzero((c["metric"] == exited).to_numpy() & (c["gender"] == semantics.EVERYONE).to_numpy())
    ex_g, ex_first = np.unique(gid[rows][ex], return_index=True)
    unit_of = dict(zip(ex_g.tolist(), texts(c["unit"].iloc[ex[ex_first]])))
    meta = [dict(association_id=str(associations[k]), year=int(years[k]), population=pops[k].group,
                 population_reason=pops[k].reason, population_excluded=";".join(pops[k].excluded) or None,
                 exit_unit=str(unit_of[k]) if k in unit_of else None)
            for k in np.flatnonzero(has).tolist()]
    # rates_by_group sorts its groups as text: zero-padded numbers keep them in this order
    labels = np.array([f"{n:09d}" for n in range(len(meta))], dtype=object)
    part = pd.DataFrame({_GROUP: labels[number[gid[rows]]], "gender": c["gender"].to_numpy(),
                         "metric": c["metric"].to_numpy(), "value": c["value"].to_numpy(),
                         "conflict": c["conflict"].to_numpy()})
    for col in ("gender", "metric"):
        if isinstance(c[col].dtype, pd.CategoricalDtype):
            part[col] = pd.Categorical.from_codes(c[col].cat.codes.to_numpy(), dtype=c[col].dtype)
    rates = rates_by_group(part, tables, by=_GROUP)
    rates = rates.rename(columns=dict(DERIVED["outcome_rates"].renamed))
    info = pd.DataFrame(meta)
    out = info.iloc[[int(g) for g in rates[_GROUP]]].reset_index(drop=True)
    for col in rates.columns:
        if col != _GROUP:
            out[col] = rates[col].to_numpy()
    return out[cols]


def derive(tables: Tables, associations: list[str] | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(facts, outcome_rates) of the given associations (all when None)."""
    obs = tables.observations
    if associations is not None:
        obs = obs[obs["association_id"].isin(associations)]
    f = facts(obs)
    return f, outcome_rates(tables, f)
