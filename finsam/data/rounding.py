"""The one rule for what a rounded percentage can stand for.

A report prints a share as a rounded percentage ``p`` with ``d`` decimals ("37 %", "73,9 %"). The
count k of n behind it is one whose exact percentage 100·k/n lies within half a unit of the last
printed digit: |100·k/n − p| ≤ ½·10⁻ᵈ. Both ends count, because a report may round a tie either
way (12,5 % printed as 13 % or as 12 %). Where ``d`` is not given it is read off the printed value
(the fewest decimals that write it: 37 → 0, 73.9 → 1).

Everything that asks "which counts can this percentage stand for" asks here: validation (a
percentage no whole number of its base gives), the gender split behind two rounded rates, the
ranges of counts behind rounded rates in gaps, pooled odds ratios and year-on-year changes.
Exact rational arithmetic, so that a count exactly on the boundary is decided the same way every time.
"""
from __future__ import annotations

import math
from fractions import Fraction

import numpy as np

MAX_DECIMALS = 3


def printed_decimals(pct: float) -> int:
    """The fewest decimals (up to 3) that write ``pct`` as printed: 37.0 → 0, 73.9 → 1."""
    return next((d for d in range(MAX_DECIMALS + 1) if abs(round(float(pct), d) - float(pct)) < 1e-9), MAX_DECIMALS)


def _half(pct: float, decimals: int | None) -> tuple[Fraction, Fraction]:
    d = printed_decimals(pct) if decimals is None else int(decimals)
    return Fraction(str(round(float(pct), max(d, printed_decimals(pct))))), Fraction(1, 2 * 10 ** d)


def counts(pct: float, n: int, decimals: int | None = None) -> list[int]:
    """Every whole count k (0..n) of n that the printed percentage ``pct`` can stand for (see the
    module's rule). Empty when none can: 14 % of 17 (2/17 = 11.8 %, 3/17 = 17.6 %)."""
    n = int(n)
    if n <= 0:
        raise ValueError(f"n must be positive, got {n}")
    p, half = _half(pct, decimals)
    lo, hi = (p - half) * n / 100, (p + half) * n / 100  # k within [lo, hi], exactly
    return list(range(max(0, math.ceil(lo)), min(n, math.floor(hi)) + 1))


def can_stand_for(pct: float, k: int, n: int, decimals: int | None = None) -> bool:
    """Whether the printed percentage ``pct`` can stand for k of n (the module's rule)."""
    p, half = _half(pct, decimals)
    return n > 0 and abs(Fraction(100 * int(k), int(n)) - p) <= half


def attainable(pct: np.ndarray, base: np.ndarray) -> np.ndarray:
    """Vectorised for validation: whether some whole number of ``base`` gives each printed
    percentage (the decimals read off each value, the module's rule). A small tolerance stands in
    for exact arithmetic on the floats; :func:`counts` decides exactly."""
    pct, base = np.asarray(pct, dtype=float), np.asarray(base, dtype=float)
    decimals = np.zeros(pct.shape)
    for d in range(MAX_DECIMALS, 0, -1):
        decimals = np.where(np.abs(np.round(pct, d - 1) - pct) < 1e-9, decimals, np.maximum(decimals, d))
    half = 0.5 * 10.0 ** -decimals
    lo, hi = (pct - half) * base / 100, (pct + half) * base / 100
    k = np.ceil(lo - 1e-9)
    return (k <= hi + 1e-9) & (k <= base) & (hi >= -1e-9)


def splits(n: int, k: int, pct_a: float, pct_b: float, decimals: int | None = None) -> list[tuple[int, int]]:
    """Every split of k of n into two groups (k_a of n_a, the rest k − k_a of n − n_a) that two
    printed percentages can stand for: ``pct_a`` for k_a/n_a and ``pct_b`` for the rest. Assumes
    every one of the n is in one of the two groups. Returns (k_a, n_a) pairs; empty when none fits."""
    out = []
    for na in range(1, n):
        kb = counts(pct_b, n - na, decimals)
        if not kb:
            continue
        lo, hi = k - kb[-1], k - kb[0]  # k_a such that the rest, k − k_a, is one of kb
        out += [(ka, na) for ka in counts(pct_a, na, decimals) if lo <= ka <= hi]
    return out
