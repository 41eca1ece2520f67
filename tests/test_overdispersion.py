"""Overdispersion-aware funnel limits and the random-effects pooled rate, against an independent
implementation written here with numpy/scipy formulas (not statsmodels)."""
import math

import numpy as np
import pytest
from scipy.stats import norm, t as student

from finsam.stats import inference as inf

K = [1, 27, 12, 23, 27]
N = [12, 119, 18, 62, 35]


def spiegelhalter_by_hand(k, n):
    k, n = np.array(k, float), np.array(n, float)
    p0 = k.sum() / n.sum()
    s2 = p0 * (1 - p0) / n
    z2 = (k / n - p0) ** 2 / s2
    phi = z2.sum() / len(k)
    w = 1 / s2
    tau2 = max(0.0, (len(k) * phi - (len(k) - 1)) / (w.sum() - (w ** 2).sum() / w.sum()))
    return p0, s2, phi, tau2


def dersimonian_laird_by_hand(k, n):
    k, n = np.array(k, float), np.array(n, float)
    a, b = k + 0.5, n - k + 0.5
    y, v = np.log(a / b), 1 / a + 1 / b
    w = 1 / v
    ybar = (w * y).sum() / w.sum()
    q = (w * (y - ybar) ** 2).sum()
    df = len(k) - 1
    tau2 = max(0.0, (q - df) / (w.sum() - (w ** 2).sum() / w.sum()))
    wr = 1 / (v + tau2)
    mu = (wr * y).sum() / wr.sum()
    se = math.sqrt(1 / wr.sum())
    i2 = max(0.0, (q - df) / q)
    half = student.ppf(0.975, len(k) - 2) * math.sqrt(tau2 + se ** 2)
    expit = lambda x: 100 / (1 + math.exp(-x))  # noqa: E731
    return dict(rate=expit(mu), ci_low=expit(mu - 1.959964 * se), ci_high=expit(mu + 1.959964 * se), tau2=tau2,
                i2=i2, q=q, pred_low=expit(mu - half), pred_high=expit(mu + half))


def test_overdispersion_and_additive_limits():
    p0, s2, phi, tau2 = spiegelhalter_by_hand(K, N)
    od = inf.overdispersion(K, N, list("abcde"))
    assert od.phi == pytest.approx(phi) and od.tau2 == pytest.approx(tau2)
    assert phi > 1 and tau2 > 0
    half = norm.ppf(0.975) * np.sqrt(s2 + tau2)
    assert od.table["re_low_95"].to_numpy() == pytest.approx(100 * (p0 - half))
    assert od.table["re_high_95"].to_numpy() == pytest.approx(100 * (p0 + half))
    y = np.array(K) / np.array(N)
    assert od.re_outside[0.95] == int(((y < p0 - half) | (y > p0 + half)).sum())


def test_no_extra_spread_gives_tau2_zero():
    od = inf.overdispersion([10, 11, 9], [40, 40, 40], list("abc"))
    assert od.phi < 1 and od.tau2 == 0


def test_random_effects_rate_matches_dersimonian_laird_by_hand():
    want = dersimonian_laird_by_hand(K, N)
    got = inf.random_effects_rate(K, N)
    for key, value in want.items():
        assert getattr(got, key) == pytest.approx(value, rel=1e-5), key
    assert got.q_df == 4 and got.groups == 5
    two = inf.random_effects_rate(K[:2], N[:2])
    assert math.isnan(two.pred_low)  # a prediction interval needs three groups


def test_every_group_comparison_carries_both():
    g = inf.compare_groups(K, N, list("abcde"))
    assert g.overdispersion.phi == pytest.approx(spiegelhalter_by_hand(K, N)[2])
    assert g.random_effects.rate == pytest.approx(dersimonian_laird_by_hand(K, N)["rate"], rel=1e-5)
