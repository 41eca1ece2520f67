"""From statements to facts. A report may state one fact twice (text and table) and sometimes
with different values. ``resolve`` collapses agreeing statements and applies an explicit policy
to disagreeing ones; the default shows every value, flagged, and never picks one silently."""
from __future__ import annotations

import pandas as pd

from .errors import FinsamError
from .data import statement_kind
from .schema import FACT_KEY, ROUNDING_PREFIX

POLICIES = ("show", "prefer_table", "prefer_text", "error")


class ConflictError(FinsamError):
    """Raised by policy 'error' when the selected facts include conflicting statements."""


def resolve(obs: pd.DataFrame, policy: str = "show") -> pd.DataFrame:
    """One row per (fact, distinct value) with the statements behind it.

    Columns: the fact key, ``value``, ``n_statements`` (rows stating this value), ``sources``,
    ``lines`` (observations.csv lines), ``conflict`` (another value is stated for the same fact),
    ``alternatives`` (the other stated values) and ``notes``.

    A row whose note starts ``rounding:`` (a rounded restatement) is dropped when the same fact
    has a precise statement. Policies for conflicting facts: ``show`` keeps every value (flagged ``conflict``);
    ``prefer_table``/``prefer_text`` keep the values stated in a table/the running text when
    such a statement exists (otherwise every value, still flagged); ``error`` raises
    :class:`ConflictError`.
    """
    if policy not in POLICIES:
        raise ValueError(f"unknown conflict policy {policy!r}; choose one of {', '.join(POLICIES)}")
    key = list(FACT_KEY)
    cols = key + ["value", "count", "unit", "source_id", "note", "quote"]
    o = obs.reset_index()[cols + ["line"]] if "line" not in obs.columns else obs[cols + ["line"]]
    if o.empty:
        return pd.DataFrame(columns=key + ["value", "unit", "n_statements", "sources", "lines", "conflict",
                                           "alternatives", "notes", "statement"])
    o = o.copy()
    o["statement"] = statement_kind(o["quote"]).astype(str)  # only for the selected rows
    # a rounded restatement ("drygt 600", 21,1 mkr) gives way to the precise figure of the same fact
    rounded = o["note"].str.lower().str.startswith(ROUNDING_PREFIX)
    if rounded.any():
        precise = (~rounded).groupby([o[k] for k in key], observed=True).transform("any")
        o = o[~(rounded & precise)]
    g = o.groupby(key + ["value"], observed=True, sort=True)
    facts = g.agg(unit=("unit", "first"), n_statements=("line", "size"),
                  sources=("source_id", lambda s: ", ".join(sorted(set(map(str, s))))),
                  lines=("line", lambda s: ", ".join(map(str, sorted(s)))),
                  notes=("note", lambda s: " | ".join(sorted({n for n in s if n}))),
                  statement=("statement", lambda s: "+".join(sorted(set(s))))).reset_index()
    nvals = facts.groupby(key, observed=True)["value"].transform("size")
    facts["conflict"] = nvals > 1
    alts = facts.groupby(key, observed=True)["value"].transform(
        lambda s: pd.Series([", ".join(f"{x:g}" for x in s if x != v) for v in s], index=s.index))
    facts["alternatives"] = alts.where(facts["conflict"], "")
    if policy == "error" and facts["conflict"].any():
        bad = facts[facts["conflict"]].drop_duplicates(key)
        listing = "; ".join(f"{r.association_id} {r.period_start}–{r.period_end} {r.intervention} {r.metric} "
                            f"{r.gender}: {r.value:g} or {r.alternatives}" for r in bad.itertuples())
        raise ConflictError(f"conflicting statements: {listing}")
    if policy in ("prefer_table", "prefer_text"):
        want = policy.split("_")[1]
        has = facts["statement"].str.contains(want)
        any_has = has.groupby([facts[k] for k in key], observed=True).transform("any")
        facts = facts[has | ~any_has]
    facts["count"] = facts["value"].where(facts["unit"] == "persons").round().astype("Int64")
    return facts.reset_index(drop=True)
