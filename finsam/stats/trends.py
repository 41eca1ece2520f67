"""Year series per association, metric and gender, optionally chaining a predecessor
association into its successor (HUSAM → BHS), with the places where definitions change."""
from __future__ import annotations

import pandas as pd

from finsam.data import semantics
from finsam.data.conflicts import resolve
from finsam.data.tables import Tables, select


def lineage(tables: Tables, association: str) -> list[str]:
    """The association preceded by every predecessor (oldest first), following successor_id."""
    a = tables.associations.set_index(tables.associations["association_id"].astype(str))
    chain = [association]
    while True:
        prev = a.index[a["successor_id"].astype(str) == chain[0]]
        if len(prev) == 0 or prev[0] in chain:
            return chain
        chain.insert(0, prev[0])


def trend(tables: Tables, association: str, metric: str, *, by_gender: bool = False,
          intervention: str = "ALL", chain: bool = False, policy: str = "show") -> pd.DataFrame:
    """One row per year (and gender, and conflicting value) with one-year figures only.

    Columns: ``year``, ``association_id``, ``gender``, ``value``, ``unit``, ``conflict``,
    ``alternatives``, ``sources``, ``definition_change`` and ``definition_note``: the first year of
    a chained successor, and years whose figure comes from a different report than the year
    before (reports may count differently), are marked. ``definition_note`` is an English note
    for exploring the data; pages word the change from its fields: ``change_kind``
    ("association" or "source", '' for none), ``previous_association_id`` and ``previous_sources``
    (the year before's, where the kind is set).
    """
    names = lineage(tables, association) if chain else [association]
    genders = list(semantics.GENDERS) if by_gender else [semantics.EVERYONE]
    sel = select(tables.observations, association=names, metric=metric, intervention=intervention,
                 gender=genders, single_year=True)
    facts = resolve(sel, policy)
    out = facts.rename(columns={"period_start": "year"})
    out = out[["year", "association_id", "gender", "value", "unit", "conflict", "alternatives", "sources",
               "notes"]].copy()
    out["association_id"] = out["association_id"].astype(str)
    out = out.sort_values(["gender", "year", "value"], kind="stable").reset_index(drop=True)
    label = tables.associations.set_index(tables.associations["association_id"].astype(str))
    notes, changes, kinds, prev_assoc, prev_sources = [], [], [], [], []
    prev: dict = {}
    for r in out.itertuples():
        note, kind = [], ""
        p = prev.get(r.gender)
        if p is not None and p.year != r.year:
            if p.association_id != r.association_id:
                kind = "association"
                note.append(f"association changes: {label.loc[p.association_id, 'name']} "
                            f"({label.loc[p.association_id, 'municipalities'].replace(';', ', ')}) → "
                            f"{label.loc[r.association_id, 'name']} "
                            f"({label.loc[r.association_id, 'municipalities'].replace(';', ', ')})")
            elif p.sources != r.sources:
                kind = "source"
                note.append(f"figure from another report ({r.sources}, before: {p.sources}); "
                            "definitions may differ")
        notes.append("; ".join(note))
        changes.append(bool(note))
        kinds.append(kind)
        prev_assoc.append(p.association_id if kind else "")
        prev_sources.append(p.sources if kind else "")
        prev[r.gender] = r
    out["definition_change"] = changes
    out["definition_note"] = notes
    out["change_kind"] = kinds
    out["previous_association_id"] = prev_assoc
    out["previous_sources"] = prev_sources
    out["gender"] = pd.Categorical(out["gender"].astype(str), categories=list(semantics.GENDERS))
    return out


def multi_year(tables: Tables, association: str, metric: str, intervention: str = "ALL") -> pd.DataFrame:
    """Figures covering several years (cumulative, project-to-date): not part of a year series,
    but worth showing beside it."""
    o = select(tables.observations, association=association, metric=metric, intervention=intervention)
    o = o[o["period_start"] != o["period_end"]]
    return resolve(o)[["period_start", "period_end", "gender", "value", "unit", "conflict", "sources"]]
