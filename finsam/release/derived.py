"""The release's derived tables, made by finsam's own functions: ``facts`` is
:func:`finsam.conflicts.resolve` with its default policy, ``outcome_rates`` the rates of the
population :func:`finsam.scope.population` decides for each association-year
(:func:`finsam.rates.rates_by_group`). Both work per association, so a large release computes
them in parallel over groups of associations (see export.py) and concatenates the parts."""
from __future__ import annotations

import pandas as pd

from finsam import semantics
from finsam.conflicts import resolve
from finsam.data import Tables
from finsam.rates import rates_by_group
from finsam.scope import population

from .meta import DERIVED

_GROUP = "_population_group"


def facts(obs: pd.DataFrame) -> pd.DataFrame:
    """Every fact of ``obs`` with each value stated for it (resolve, policy ``show``)."""
    return resolve(obs)[list(DERIVED["facts"].fields)]


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
