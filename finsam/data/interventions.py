"""The structure of an association's interventions, as interventions.csv declares it: which are
aggregates (totals of others), which belong to another intervention, and so which of them can be
compared with each other without counting anyone twice."""
from __future__ import annotations

import pandas as pd

from finsam.data.fields import ALL
from finsam.data.frames import texts
from finsam.data.semantics import frame_cached

def is_aggregate(kind) -> bool:
    """An intervention that is a total of others: ``kind`` aggregate in interventions.csv (never
    guessed from its name)."""
    return str(kind) == "aggregate"


def kinds(interventions: pd.DataFrame, association: str) -> dict[str, str]:
    """intervention -> its kind (interventions.csv), for one association."""
    return _by_association(interventions).get(str(association), ({}, {}))[0]


def parent_of(interventions: pd.DataFrame, association: str) -> dict[str, str]:
    """child -> parent for the association's interventions that are part of another (interventions.csv
    ``part_of``; e.g. SamMA-Haninge, a local team of SamMA-projektet)."""
    return _by_association(interventions).get(str(association), ({}, {}))[1]


def _by_association(interventions: pd.DataFrame) -> dict[str, tuple[dict[str, str], dict[str, str]]]:
    """association -> (intervention -> kind, child -> parent), read once per frame (a national
    plan asks for some 700 association-years)."""
    def build(iv: pd.DataFrame) -> dict:
        out: dict[str, tuple[dict, dict]] = {}
        for a, i, k, p, has_parent in zip(texts(iv["association_id"]), texts(iv["intervention"]), texts(iv["kind"]),
                                          texts(iv["part_of"]), iv["part_of"].notna().tolist()):
            kind, parent = out.setdefault(a, ({}, {}))
            kind[i] = k
            if has_parent:
                parent[i] = p
        return out
    return frame_cached(interventions, "interventions by association", build)


def comparable(names, interventions: pd.DataFrame, association: str) -> list[str]:
    """Of ``names`` (interventions with counts), those that do not overlap: aggregates are
    dropped, and an intervention whose parts are also present gives way to its parts (the finer
    comparison)."""
    kind = kinds(interventions, association)
    names = [n for n in names if n != ALL and not is_aggregate(kind.get(n))]
    parents = parent_of(interventions, association)
    with_parts = {parents[n] for n in names if n in parents}
    return sorted(n for n in names if n not in with_parts)
