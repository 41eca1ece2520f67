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

Plain functions on a dictionary of stated values: rates call them for every group of every page.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping, Sequence

import pandas as pd

from finsam.data import semantics

RULES = ("parts_exceed", "parts_sum", "genders_exceed")


@dataclass(frozen=True)
class Unusable:
    """A version the report's arithmetic rules out: ``value`` of ``metric`` for ``gender``,
    by ``rule`` (a code of :data:`RULES`); ``parts`` is the sum it was checked against (the
    reasons' sum, or for ``genders_exceed`` the other genders' exits) and ``whole`` the figure
    about everyone it was checked against (NaN where none)."""
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


def unusable(stated: Mapping[tuple[str, str], Sequence[float]], a: Arithmetic) -> list[Unusable]:
    """The stated exit versions of one group (association, period, intervention) that cannot
    hold. ``stated``: (gender, metric) -> every value the report states (several where it
    contradicts itself). A single stated version is only ruled out by ``parts_exceed`` or where
    the report's own table closes on another sum (``parts_sum``)."""
    out: list[Unusable] = []
    every = _reason_sum(stated, a.everyone, a)
    every_exits = {float(v) for v in stated.get((a.everyone, a.exits), ())}
    # everyone's reasons account for everyone's exits: the table closes, and so must its gender rows
    table_closes = bool(every and every[1] and every[0] in every_exits)
    usable: dict[str, list[float]] = {}
    for g in (a.everyone, *a.genders):
        versions = sorted({float(v) for v in stated.get((g, a.exits), ())})
        if not versions:
            continue
        parts = _reason_sum(stated, g, a)
        keep = []
        for v in versions:
            if parts and v < parts[0] - 1e-9:
                out.append(Unusable(g, a.exits, v, "parts_exceed", parts[0]))
            elif parts and parts[1] and v != parts[0] and (
                    parts[0] in versions or (g != a.everyone and table_closes)):
                out.append(Unusable(g, a.exits, v, "parts_sum", parts[0]))
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
    groups: dict[tuple, dict] = {}
    lines: dict[tuple, str] = {}
    for row in zip(*(facts[c].astype(str) if c in ("intervention", "dimension", "category", "association_id",
                                                   "gender", "metric") else facts[c] for c in
                     [*key, "gender", "metric", "value", "lines"])):
        *k, g, m, v, ln = row
        groups.setdefault(tuple(k), {}).setdefault((g, m), []).append(float(v))
        lines[(tuple(k), g, m, float(v))] = str(ln)
    rows = []
    for k, stated in groups.items():
        for u in unusable(stated, a):
            rows.append((*k[:4], *k[4:], u.gender, u.metric, u.value, u.rule, u.parts, u.whole,
                         lines.get((k, u.gender, u.metric, u.value), "")))
    return pd.DataFrame(rows, columns=cols)
