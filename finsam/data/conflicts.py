"""From statements to facts. A report may state one fact twice (text and table) and sometimes
with different values. ``resolve`` collapses agreeing statements and applies an explicit policy
to disagreeing ones; the default shows every value, flagged, and never picks one silently."""
from __future__ import annotations

import pandas as pd

from finsam.core.errors import FinsamError
from finsam.data.frames import statement_kinds, texts
from finsam.data.fields import FACT_KEY, ROUNDING_PREFIX

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
    o = obs if "line" in obs.columns else obs.reset_index()
    out_cols = key + ["value", "unit", "n_statements", "sources", "lines", "notes", "statement", "conflict",
                      "alternatives"]
    if o.empty:
        return pd.DataFrame(columns=out_cols + ["count"])
    # Plain Python over the selected rows: a report resolves a few hundred statements many times,
    # and pandas' per-group machinery would cost more than the work itself.
    keys = list(zip(*(o[k].to_numpy() for k in key)))
    # sort like the tables: categoricals by their category order, the rest by value
    order = list(zip(*((o[k].cat.codes.to_numpy() if isinstance(o[k].dtype, pd.CategoricalDtype)
                        else o[k].to_numpy()) for k in key)))
    values = o["value"].to_numpy(dtype=float)
    notes = [str(n) if isinstance(n, str) else "" for n in o["note"].to_numpy(dtype=object)]
    rounded = [n.lower().startswith(ROUNDING_PREFIX) for n in notes]
    precise = {k for k, r in zip(keys, rounded) if not r}
    kinds = statement_kinds(o["quote"].tolist())
    units = o["unit"].to_numpy(dtype=object)
    source_ids = [str(x) for x in o["source_id"].to_numpy(dtype=object)]
    lines = o["line"].to_numpy(dtype=int)
    facts: dict[tuple, dict] = {}
    for i, k in enumerate(keys):
        if rounded[i] and k in precise:
            continue  # a rounded restatement ("drygt 600", 21,1 mkr) gives way to the precise figure
        f = facts.setdefault((k, values[i]), dict(sort=order[i], unit=units[i], n=0, sources=set(),
                                                  lines=[], notes=set(), statement=set(), first=i))
        f["n"] += 1
        f["sources"].add(source_ids[i])
        f["lines"].append(int(lines[i]))
        if notes[i]:
            f["notes"].add(notes[i])
        f["statement"].add(kinds[i])
    by_fact: dict[tuple, list[float]] = {}
    for k, v in facts:
        by_fact.setdefault(k, []).append(v)
    rows, firsts = [], []
    for (k, v), f in sorted(facts.items(), key=lambda kv: (kv[1]["sort"], kv[0][1])):
        firsts.append(f["first"])
        others = [x for x in by_fact[k] if x != v]
        rows.append((*k, v, f["unit"], f["n"], ", ".join(sorted(f["sources"])), ", ".join(map(str, sorted(f["lines"]))),
                     " | ".join(sorted(f["notes"])), "+".join(sorted(f["statement"])), bool(others),
                     ", ".join(f"{x:g}" for x in sorted(others))))
    out = pd.DataFrame(rows, columns=out_cols)
    for c in key + ["unit"]:
        if isinstance(o[c].dtype, pd.CategoricalDtype):  # the codes of each fact's first statement
            out[c] = pd.Categorical.from_codes(o[c].cat.codes.to_numpy()[firsts], categories=o[c].cat.categories)
    if policy == "error" and out["conflict"].any():
        bad = out[out["conflict"]].drop_duplicates(key)
        listing = "; ".join(f"{r.association_id} {r.period_start}–{r.period_end} {r.intervention} {r.metric} "
                            f"{r.gender}: {r.value:g} or {r.alternatives}" for r in bad.itertuples())
        raise ConflictError(f"conflicting statements: {listing}")
    if policy in ("prefer_table", "prefer_text"):
        want = policy.split("_")[1]
        has = out["statement"].str.contains(want)
        any_has = has.groupby([out[k] for k in key], observed=True).transform("any")
        out = out[has | ~any_has]
    # counts are the rows load() typed as counts (units of class count in vocabulary.csv)
    count_units = set(texts(o.loc[o["count"].notna(), "unit"])) if "count" in o else set()
    out["count"] = out["value"].where(out["unit"].isin(count_units)).round().astype("Int64")
    return out.reset_index(drop=True)
