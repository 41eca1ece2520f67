"""The statistics written out by hand, once, for the tests to compare finsam's results with.

Each is the textbook formula in plain Python (math only; scipy only for a normal quantile), kept
apart from the package so that a test never checks finsam against finsam: the Wilson score
interval, Newcombe's hybrid score interval of a difference, Fisher's exact test, Mantel–Haenszel's
pooled odds ratio with the Robins–Breslow–Greenland variance and the CMH statistic, and
Breslow–Day's heterogeneity statistic.
"""
from __future__ import annotations

import math

Z95 = 1.959963984540054  #: the two-sided 95 % standard normal quantile


def wilson(k: int, n: int, z: float = Z95) -> tuple[float, float]:
    """Wilson's (1927) score interval of k/n, as fractions (not clipped to 0–1)."""
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z / (1 + z * z / n) * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return centre - half, centre + half


def wilson_pct(k: int, n: int, z: float = Z95) -> tuple[float, float]:
    """:func:`wilson` in percent."""
    lo, hi = wilson(k, n, z)
    return 100 * lo, 100 * hi


def newcombe(k1: int, n1: int, k2: int, n2: int, z: float = Z95) -> tuple[float, float]:
    """Newcombe (1998) method 10, the hybrid score interval of p1 − p2 from Wilson intervals."""
    p1, p2 = k1 / n1, k2 / n2
    l1, u1 = wilson(k1, n1, z)
    l2, u2 = wilson(k2, n2, z)
    d = p1 - p2
    return d - math.sqrt((p1 - l1) ** 2 + (u2 - p2) ** 2), d + math.sqrt((u1 - p1) ** 2 + (p2 - l2) ** 2)


def fisher_two_sided(a: int, b: int, c: int, d: int) -> float:
    """Two-sided Fisher p of [[a, b], [c, d]]: the hypergeometric probabilities of every table with
    the same margins no larger than the observed one's, summed."""
    r1, c1, n = a + b, a + c, a + b + c + d

    def prob(x):
        return math.comb(r1, x) * math.comb(n - r1, c1 - x) / math.comb(n, c1)
    lo, hi = max(0, c1 - (n - r1)), min(r1, c1)
    return sum(prob(x) for x in range(lo, hi + 1) if prob(x) <= prob(a) * (1 + 1e-7))


def mantel_haenszel(strata) -> tuple[float, float, float]:
    """Pooled odds ratio, the variance of its log (Robins–Breslow–Greenland) and the CMH statistic
    (without continuity correction) over strata of (k1, n1, k2, n2)."""
    num = den = 0.0
    sa = se = sv = 0.0
    spr = spsqr = sqs = sr = ss = 0.0
    for k1, n1, k2, n2 in strata:
        a, b, c, d = k1, n1 - k1, k2, n2 - k2
        n = a + b + c + d
        r, s = a * d / n, b * c / n
        pp, q = (a + d) / n, (b + c) / n
        num, den = num + r, den + s
        spr, spsqr, sqs, sr, ss = spr + pp * r, spsqr + pp * s + q * r, sqs + q * s, sr + r, ss + s
        m1 = a + c
        sa += a
        se += n1 * m1 / n
        sv += n1 * n2 * m1 * (n - m1) / (n * n * (n - 1))
    odds = num / den
    var = spr / (2 * sr ** 2) + spsqr / (2 * sr * ss) + sqs / (2 * ss ** 2)
    cmh = (sa - se) ** 2 / sv
    return odds, var, cmh


def breslow_day(strata, odds: float) -> float:
    """Breslow–Day's statistic of strata of (k1, n1, k2, n2) around the common odds ratio ``odds``."""
    stat = 0.0
    for k1, n1, k2, n2 in strata:
        m1 = k1 + k2
        # expected a with the common odds ratio: a(n2 - m1 + a) = OR (n1 - a)(m1 - a)
        qa, qb, qc = 1 - odds, (n2 - m1) + odds * (n1 + m1), -odds * n1 * m1
        roots = [(-qb + s * math.sqrt(qb * qb - 4 * qa * qc)) / (2 * qa) for s in (1, -1)]
        e = next(x for x in roots if max(0, m1 - n2) <= x <= min(n1, m1))
        cells = [e, n1 - e, m1 - e, n2 - m1 + e]
        stat += (k1 - e) ** 2 / (1 / sum(1 / c for c in cells))
    return stat
