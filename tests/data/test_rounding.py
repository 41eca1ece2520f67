"""The one rule for what a rounded percentage can stand for (finsam.data.rounding), against worked
examples and an independent integer-arithmetic implementation of the same rule."""
import numpy as np
import pytest

from finsam.data import rounding


def brute(pct, n, decimals):
    """|100k/n − pct| <= ½·10^−d in integers: |2·100·k·10^d − 2·P·n| <= n with P = pct·10^d."""
    P = round(pct * 10 ** decimals)
    return [k for k in range(n + 1) if abs(200 * k * 10 ** decimals - 2 * P * n) <= n]


def test_worked_examples():
    assert rounding.counts(37, 246) == [90, 91, 92]  # 36.59 %, 36.99 %, 37.40 %
    assert rounding.counts(13, 8) == [1]  # 12.5 %: a tie, rounded up
    assert rounding.counts(12, 8) == [1]  # 12.5 %: a tie, rounded down (a report may do either)
    assert rounding.counts(14, 17) == []  # 2/17 = 11.8 %, 3/17 = 17.6 %
    assert rounding.counts(73.9, 69) == [51]  # decimals read off the value: 51/69 = 73.91 %
    assert rounding.counts(38, 234) == [88, 89, 90]  # 37.6 %, 38.0 %, 38.5 %
    assert rounding.printed_decimals(37.0) == 0 and rounding.printed_decimals(73.9) == 1
    assert rounding.printed_decimals(2.25) == 2


def test_counts_match_the_integer_rule():
    for n in range(1, 80):
        for pct in range(0, 101):
            assert rounding.counts(pct, n) == brute(pct, n, 0), (pct, n)
    for n in (7, 33, 69, 120, 751):
        for tenth in range(0, 1001, 7):
            assert rounding.counts(tenth / 10, n, 1) == brute(tenth / 10, n, 1), (tenth, n)


def test_vectorised_check_agrees_with_counts():
    rng = np.random.default_rng(7)
    base = rng.integers(1, 300, 4000)
    pct = np.array([round(float(x), int(d)) for x, d in zip(rng.uniform(0, 100, 4000), rng.integers(0, 2, 4000))])
    got = rounding.attainable(pct, base.astype(float))
    want = np.array([bool(brute(p, int(b), rounding.printed_decimals(p))) for p, b in zip(pct, base)])
    assert (got == want).all()


def test_splits_by_hand():
    # 2 of 5; 50 % and 33 %: only 1 of 2 and 1 of 3 (1/1 = 100 %, 1/3 = 33 % leaves 1/2 = 50 % for b: 50 ≠ 33)
    assert rounding.splits(5, 2, 50, 33) == [(1, 2)]
    assert rounding.splits(3, 1, 10, 90) == []
    # against a direct enumeration with the integer rule
    for n, k, a, b in [(40, 12, 30, 30), (25, 9, 40, 33), (61, 20, 31, 35)]:
        want = [(ka, na) for na in range(1, n) for ka in range(0, min(k, na) + 1)
                if k - ka <= n - na and ka in brute(a, na, 0) and (k - ka) in brute(b, n - na, 0)]
        assert rounding.splits(n, k, a, b) == want, (n, k, a, b)


def test_bad_base():
    with pytest.raises(ValueError):
        rounding.counts(10, 0)
