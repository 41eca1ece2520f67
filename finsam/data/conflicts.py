"""From statements to facts. A report may state one fact twice (text and table) and sometimes
with different values. ``resolve`` collapses agreeing statements and applies an explicit policy
to disagreeing ones; the default shows every value, flagged, and never picks one silently."""
from __future__ import annotations

import numpy as np
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
    # Whole arrays, with plain Python only for the few facts stated more than once: the national
    # data resolve half a million statements at once, a report's page a few hundred many times.
    # The fact key as sortable numbers: categoricals by their category order, the rest by value;
    # a fact is (key, value), and the facts come out in that order.
    codes = pd.DataFrame({i: (o[k].cat.codes.to_numpy() if isinstance(o[k].dtype, pd.CategoricalDtype)
                              else o[k].to_numpy()) for i, k in enumerate(key)})
    key_id = codes.groupby(list(codes.columns), sort=True).ngroup().to_numpy()
    notes = np.array([str(n) if isinstance(n, str) else "" for n in o["note"].to_numpy(dtype=object)], dtype=object)
    rounded = np.array([bool(n) and n.lower().startswith(ROUNDING_PREFIX) for n in notes], dtype=bool)
    precise = np.zeros(int(key_id.max()) + 1, dtype=bool)
    precise[key_id[~rounded]] = True
    # a rounded restatement ("drygt 600", 21,1 mkr) gives way to the precise figure
    kept = np.flatnonzero(~(rounded & precise[key_id]))
    values = o["value"].to_numpy(dtype=float)
    rows = kept[np.lexsort((kept, values[kept], key_id[kept]))]  # by fact, each fact's statements as listed
    kid, val = key_id[rows], values[rows]
    starts = np.flatnonzero(np.r_[True, (kid[1:] != kid[:-1]) | (val[1:] != val[:-1])])
    ends = np.r_[starts[1:], len(rows)]
    firsts = rows[starts]  # each fact's first statement
    fact_kid, fact_val = kid[starts], val[starts]
    kinds = np.array(statement_kinds(o["quote"].to_numpy(dtype=object)[rows].tolist()), dtype=object)
    source_ids = np.array([str(x) for x in o["source_id"].to_numpy(dtype=object)[rows]], dtype=object)
    lines = o["line"].to_numpy(dtype=int)[rows]
    notes = notes[rows]
    # a fact stated once: its own statement; more than once: every statement's
    sources, line_text = source_ids[starts], lines[starts].astype(str).astype(object)
    note_text, statement = notes[starts], kinds[starts]
    for f in np.flatnonzero(ends - starts > 1).tolist():
        s, e = starts[f], ends[f]
        sources[f] = ", ".join(sorted(set(source_ids[s:e])))
        line_text[f] = ", ".join(map(str, sorted(int(x) for x in lines[s:e])))
        note_text[f] = " | ".join(sorted({x for x in notes[s:e] if x}))
        statement[f] = "+".join(sorted(set(kinds[s:e])))
    # a fact is contested where its key has another value: the facts of one key are neighbours
    same_as_next = np.r_[fact_kid[1:] == fact_kid[:-1], False]
    conflict = same_as_next | np.r_[False, same_as_next[:-1]]
    alternatives = np.full(len(starts), "", dtype=object)
    by_key: dict[int, list[float]] = {}
    for f in np.flatnonzero(conflict).tolist():
        by_key.setdefault(int(fact_kid[f]), []).append(float(fact_val[f]))
    for f in np.flatnonzero(conflict).tolist():
        v = float(fact_val[f])
        alternatives[f] = ", ".join(f"{x:g}" for x in sorted(x for x in by_key[int(fact_kid[f])] if x != v))

    def first(c):  # the column's value in each fact's first statement (a categorical keeps its categories)
        if isinstance(o[c].dtype, pd.CategoricalDtype):
            return pd.Categorical.from_codes(o[c].cat.codes.to_numpy()[firsts], categories=o[c].cat.categories)
        return o[c].to_numpy()[firsts].tolist()
    out = pd.DataFrame({**{c: first(c) for c in key}, "value": fact_val.tolist(), "unit": first("unit"),
                        "n_statements": (ends - starts).tolist(), "sources": sources, "lines": line_text,
                        "notes": note_text, "statement": statement, "conflict": conflict.tolist(),
                        "alternatives": alternatives}, columns=out_cols)
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
