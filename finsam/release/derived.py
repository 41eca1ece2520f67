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
    population's rates by gender and outcome."""
    f = facts[(facts["dimension"] == "") & (facts["period_start"] == facts["period_end"])]
    cols = list(DERIVED["outcome_rates"].fields)
    exited = semantics.denominator(tables.metrics)
    parts, meta = [], []
    for (association, year), g in f.groupby(["association_id", "period_start"], observed=True, sort=True):
        pop = population(tables, str(association), int(year), g)
        chosen = g[g["intervention"] == pop.group]
        if chosen.empty:
            continue
        units = chosen.loc[(chosen["metric"] == exited) & (chosen["gender"] == semantics.EVERYONE), "unit"]
        meta.append(dict(association_id=str(association), year=int(year), population=pop.group,
                         population_reason=pop.reason, population_excluded=";".join(pop.excluded) or None,
                         exit_unit=str(units.iloc[0]) if len(units) else None))
        # rates_by_group sorts its groups as text: zero-padded numbers keep them in this order
        parts.append(chosen.assign(**{_GROUP: f"{len(meta) - 1:09d}"}))
    if not parts:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in cols})
    rates = rates_by_group(pd.concat(parts, ignore_index=True), tables, by=_GROUP)
    rates = rates.rename(columns=dict(DERIVED["outcome_rates"].renamed))
    info = pd.DataFrame(meta)
    out = info.iloc[[int(g) for g in rates[_GROUP]]].reset_index(drop=True)
    for c in rates.columns:
        if c != _GROUP:
            out[c] = rates[c].to_numpy()
    return out[cols]


def derive(tables: Tables, associations: list[str] | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(facts, outcome_rates) of the given associations (all when None)."""
    obs = tables.observations
    if associations is not None:
        obs = obs[obs["association_id"].isin(associations)]
    f = facts(obs)
    return f, outcome_rates(tables, f)
