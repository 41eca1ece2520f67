"""Which versions of a count the report's own arithmetic allows.

A report may state one count twice with different values (``conflict``: Table 1 says 105 men
ended, Table 2's exit reasons of the men add up to 115). Each version is checked against the
parts and wholes the same report gives for the same association, period and intervention; a
version that cannot hold is not used for rates or gaps, and :func:`unusable` says which and why.
The rules, for the exits (the denominator of every exit rate) of each gender:

- ``parts_exceed``: the exit reasons (mutually exclusive) add up to more than the version: parts
  cannot exceed their whole.
- ``parts_sum``: the reasons account for every exit (they include the remainder, "other reasons")
  and add up to a stated version of the same exits, or to everyone's exits where the gender's
  row belongs to that table (everyone's reasons add up to everyone's exits): then a version that
  differs from their sum cannot hold.
- ``genders_exceed``: with the fewest exits the other genders' usable versions allow, the
  version makes the genders add up to more than everyone's largest stated exits.
- ``part_version``: the same two checks the other way round, for an exit reason the report states
  twice: a version of a reason with which the gender's reasons (every combination of the other
  reasons' versions) fit none of its stated exits by ``parts_exceed`` and ``parts_sum`` cannot
  hold, where some combination of versions does fit (else the check cannot tell them apart, and
  every version stays).

Plain functions on a dictionary of stated values: rates call them for every group of every page.
"""
from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Mapping, Sequence

import numpy as np
import pandas as pd

from finsam.data import semantics
from finsam.data.frames import texts

RULES = ("parts_exceed", "parts_sum", "genders_exceed", "part_version")


@dataclass(frozen=True)
class Unusable:
    """A version the report's arithmetic rules out: ``value`` of ``metric`` for ``gender``,
    by ``rule`` (a code of :data:`RULES`); ``parts`` is the sum it was checked against (the
    reasons' sum, or for ``genders_exceed`` the other genders' exits) and ``whole`` the figure
    about everyone it was checked against (NaN where none); for ``part_version`` (``metric`` an
    exit reason) ``parts`` is the reasons' sum with this version nearest to a stated number of
    exits, and ``whole`` that number of exits."""
    gender: str
    metric: str
    value: float
    rule: str
    parts: float
    whole: float = float("nan")


@dataclass(frozen=True)
class Arithmetic:
    """The metrics and genders the rules use (from metrics.csv and vocabulary.csv)."""
    exits: str
    reasons: tuple[str, ...]
    remainder: str
    everyone: str
    genders: tuple[str, ...]  # the genders that are parts of everyone


def arithmetic(metrics: pd.DataFrame, vocabulary: pd.DataFrame) -> Arithmetic:
    return semantics.frame_cached(metrics, ("versions.arithmetic", id(vocabulary)), lambda m: Arithmetic(
        semantics.denominator(m), tuple(semantics.exit_reasons(m)),
        semantics.outcome_metric(m, semantics.REMAINDER_OUTCOME), semantics.EVERYONE,
        tuple(g for g in semantics.codes(vocabulary, "gender") if g != semantics.EVERYONE)))


def _reason_sum(stated: Mapping[tuple[str, str], Sequence[float]], gender: str, a: Arithmetic):
    """(sum of the gender's exit reasons, whether they include the remainder), or None when no
    reason is stated or a reason has several versions (no one sum)."""
    vals = [stated.get((gender, r), ()) for r in a.reasons]
    if not any(vals) or any(len(set(v)) > 1 for v in vals):
        return None
    return sum(float(v[0]) for v in vals if v), bool(stated.get((gender, a.remainder)))


def _exit_rule(v: float, versions: Sequence[float], parts: tuple[float, bool] | None, whole_closes: bool
               ) -> str | None:
    """The rule by which exits ``v`` cannot hold beside the reasons' (sum, includes remainder)
    ``parts``, or None. ``versions``: every stated version of these exits; ``whole_closes``: the
    gender's row belongs to a table of reasons that closes on everyone's exits."""
    if parts and v < parts[0] - 1e-9:
        return "parts_exceed"
    if parts and parts[1] and v != parts[0] and (parts[0] in versions or whole_closes):
        return "parts_sum"
    return None


def _part_versions(stated: Mapping[tuple[str, str], Sequence[float]], g: str, a: Arithmetic,
                   whole_closes: bool) -> list[Unusable]:
    """``part_version``: the versions of the gender's exit reasons with which its reasons fit none of
    its stated exits (by :func:`_exit_rule`), where some combination of versions fits one."""
    vals = {r: sorted({float(v) for v in stated.get((g, r), ())}) for r in a.reasons}
    present = [r for r in a.reasons if vals[r]]
    exits = sorted({float(v) for v in stated.get((g, a.exits), ())})
    if not exits or not any(len(vals[r]) > 1 for r in present):
        return []
    has_rem = bool(vals[a.remainder])
    combos = list(itertools.product(*(vals[r] for r in present)))
    fits = [any(_exit_rule(v, exits, (sum(c), has_rem), whole_closes) is None for v in exits) for c in combos]
    if not any(fits):
        return []
    out = []
    for i, r in enumerate(present):
        for x in vals[r]:
            mine = [c for c in combos if c[i] == x]
            if any(f for c, f in zip(combos, fits) if c[i] == x):
                continue
            total, whole = min(((sum(c), v) for c in mine for v in exits), key=lambda tv: abs(tv[0] - tv[1]))
            out.append(Unusable(g, r, x, "part_version", total, whole))
    return out


def unusable(stated: Mapping[tuple[str, str], Sequence[float]], a: Arithmetic) -> list[Unusable]:
    """The stated exit versions of one group (association, period, intervention) that cannot
    hold, and the versions of its exit reasons that cannot (``part_version``). ``stated``:
    (gender, metric) -> every value the report states (several where it contradicts itself). A
    single stated version is only ruled out by ``parts_exceed`` or where the report's own table
    closes on another sum (``parts_sum``). The reasons' versions are checked first; the exits are
    then checked against the reasons that can hold."""
    out: list[Unusable] = []
    # a reason's versions can only be ruled out where some figure has several (most groups have none)
    several = any(len(set(vals)) > 1 for vals in stated.values())
    everyone_parts = _part_versions(stated, a.everyone, a, False) if several else []
    drop = {(u.gender, u.metric, u.value) for u in everyone_parts}
    every = _reason_sum(_without(stated, drop) if drop else stated, a.everyone, a)
    every_exits = {float(v) for v in stated.get((a.everyone, a.exits), ())}
    # everyone's reasons account for everyone's exits: the table closes, and so must its gender rows
    table_closes = bool(every and every[1] and every[0] in every_exits)
    out += everyone_parts
    if several:
        for g in a.genders:
            out += _part_versions(stated, g, a, table_closes)
    if out:
        stated = _without(stated, {(u.gender, u.metric, u.value) for u in out})
    usable: dict[str, list[float]] = {}
    for g in (a.everyone, *a.genders):
        versions = sorted({float(v) for v in stated.get((g, a.exits), ())})
        if not versions:
            continue
        parts = _reason_sum(stated, g, a)
        keep = []
        for v in versions:
            rule = _exit_rule(v, versions, parts, g != a.everyone and table_closes)
            if rule:
                out.append(Unusable(g, a.exits, v, rule, parts[0]))
            else:
                keep.append(v)
        usable[g] = keep
    whole = max(usable.get(a.everyone) or [float("nan")])
    if whole == whole:  # not NaN: everyone's exits are stated
        for g in a.genders:
            others = sum(min(usable[h]) for h in a.genders if h != g and usable.get(h))
            for v in usable.get(g, []):
                if v + others > whole + 1e-9:
                    out.append(Unusable(g, a.exits, v, "genders_exceed", others, whole))
    return out


def _without(stated: Mapping[tuple[str, str], Sequence[float]], drop: set) -> dict[tuple[str, str], list[float]]:
    return {k: [v for v in vals if (*k, float(v)) not in drop] for k, vals in stated.items()}


def unusable_in(facts: pd.DataFrame, metrics: pd.DataFrame, vocabulary: pd.DataFrame) -> pd.DataFrame:
    """:func:`unusable` for every group of resolved facts (``finsam.data.conflicts.resolve``):
    one row per ruled-out version with the group's ``association_id``, ``period_start``,
    ``period_end``, ``intervention``, ``gender``, ``metric``, ``value``, ``rule``, ``parts``,
    ``whole`` and the ``lines`` of observations.csv that state it. Figures about a category of a
    breakdown are checked within their category."""
    a = arithmetic(metrics, vocabulary)
    cols = ["association_id", "period_start", "period_end", "intervention", "dimension", "category", "gender",
            "metric", "value", "rule", "parts", "whole", "lines"]
    if facts.empty:
        return pd.DataFrame(columns=cols)
    key = ["association_id", "period_start", "period_end", "intervention", "dimension", "category"]
    text = ("association_id", "intervention", "dimension", "category")
    # every fact's group, numbered in the order the groups first appear (the order of the result)
    group = np.zeros(len(facts), dtype=np.int64)
    for c in key:
        codes = pd.factorize(pd.Series(_text_list(facts[c])) if c in text else facts[c])[0]
        group = pd.factorize(group * (int(codes.max()) + 1) + codes)[0]
    # the rules read the exits and the exit reasons only: the other facts (most of them) need not be read
    used = np.flatnonzero(facts["metric"].isin([a.exits, *a.reasons, a.remainder]).to_numpy())
    sub = facts.iloc[used]
    groups: dict[int, dict] = {}
    lines: dict[tuple, str] = {}
    first: dict[int, int] = {}
    for i, grp, g, m, v, ln in zip(used.tolist(), group[used].tolist(), _text_list(sub["gender"]),
                                   _text_list(sub["metric"]), sub["value"].tolist(), sub["lines"].tolist()):
        groups.setdefault(grp, {}).setdefault((g, m), []).append(float(v))
        lines[(grp, g, m, float(v))] = str(ln)
        first.setdefault(grp, i)
    order = sorted(groups)
    at = [first[grp] for grp in order]
    keys = list(zip(*(_text_list(facts[c].iloc[at]) if c in text else facts[c].iloc[at].tolist() for c in key)))
    rows = []
    for grp, k in zip(order, keys):
        for u in unusable(groups[grp], a):
            rows.append((*k[:4], *k[4:], u.gender, u.metric, u.value, u.rule, u.parts, u.whole,
                         lines.get((grp, u.gender, u.metric, u.value), "")))
    return pd.DataFrame(rows, columns=cols)


def _text_list(s: pd.Series) -> list:
    """``s.astype(str).tolist()``, without building Arrow strings where ``s`` holds no missing value
    (:func:`finsam.data.frames.texts`)."""
    return texts(s) if not s.hasnans else s.astype(str).tolist()
