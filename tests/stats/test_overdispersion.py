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
    # less spread than chance (Q < df): τ² is truncated at 0 and the pooled rate is the fixed-effect one
    calm = inf.random_effects_rate([10, 11, 9], [40, 40, 40])
    for key, value in dersimonian_laird_by_hand([10, 11, 9], [40, 40, 40]).items():
        assert getattr(calm, key) == pytest.approx(value, rel=1e-5), key
    assert calm.tau2 == 0 and calm.i2 == 0
    two = inf.random_effects_rate(K[:2], N[:2])
    assert math.isnan(two.pred_low)  # a prediction interval needs three groups


def test_every_group_comparison_carries_both():
    g = inf.compare_groups(K, N, list("abcde"))
    assert g.overdispersion.phi == pytest.approx(spiegelhalter_by_hand(K, N)[2])
    assert g.random_effects.rate == pytest.approx(dersimonian_laird_by_hand(K, N)["rate"], rel=1e-5)


# --- the funnel's limits for overdispersion: drawn and worded only where the test shows it --------

def test_additive_limits_for_the_figure_follow_the_formula_and_do_not_close_in():
    p0, s2, phi, tau2 = spiegelhalter_by_hand(K, N)
    od = inf.overdispersion(K, N, list("abcde"))
    sizes = np.array([1, 10, 100, 10_000])
    got = od.limits(sizes)
    for level in (0.95, 0.998):
        z = norm.ppf(1 - (1 - level) / 2)
        half = z * np.sqrt(p0 * (1 - p0) / sizes + tau2)
        key = f"{100 * level:g}".replace(".", "_")
        assert got[f"re_low_{key}"].to_numpy() == pytest.approx(100 * (p0 - half))
        assert got[f"re_high_{key}"].to_numpy() == pytest.approx(100 * (p0 + half))
    # additive: however large an intervention, its limits stay at least z·τ from the pooled rate
    assert got["re_high_95"].iloc[-1] - 100 * p0 > 100 * norm.ppf(0.975) * math.sqrt(tau2) - 1e-9


def test_overdispersed_is_the_pages_heterogeneity_test_which_is_m_times_phi():
    from scipy.stats import chi2, chi2_contingency
    k, n = np.array(K), np.array(N)
    x2 = chi2_contingency(np.column_stack([k, n - k]), correction=False).statistic
    assert x2 == pytest.approx(len(K) * spiegelhalter_by_hand(K, N)[2])  # Pearson's X² = m·φ
    assert inf.compare_groups(K, N, list("abcde")).overdispersed  # p well below 0.05
    calm_k, calm_n = [10, 11, 9], [40, 40, 40]
    assert not inf.compare_groups(calm_k, calm_n, list("abc")).overdispersed
    # large expected counts: Pearson's test, whose p is the χ² tail of m·φ on m − 1 df
    big_k, big_n = [30, 36, 24], [100, 100, 100]
    g = inf.compare_groups(big_k, big_n, list("abc"))
    m_phi = 3 * spiegelhalter_by_hand(big_k, big_n)[2]
    assert g.heterogeneity.p_value == pytest.approx(chi2.sf(m_phi, 2))
    assert g.overdispersed == (chi2.sf(m_phi, 2) < 0.05)


SPREAD = dict(A=(20, 100), B=(22, 100), C=(18, 100), D=(21, 100), E=(60, 100), F=(19, 100), G=(8, 100))
INTERVENTIONS = "association_id,intervention,aliases,kind,covers,part_of,is_work_oriented,target_group,first_year," \
                "last_year,note\n" + "".join(f"bhs,{x},,individual,,,,,,,\n" for x in SPREAD)


def _row(inter, metric, value):
    return ["bhs-2018", "bhs", 2018, 2018, inter, metric, "all", value, "persons", f"{metric} {value}", "", "", ""]


@pytest.fixture(scope="module")
def spread(tmp_path_factory):
    from conftest import small_dataset
    rows = [r for x, (k, n) in SPREAD.items()
            for r in (_row(x, "participants_exited", n), _row(x, "exit_work_or_studies", k))]
    return small_dataset(tmp_path_factory.mktemp("spread"), rows, INTERVENTIONS)


def _outside_by_hand(level):
    """Which groups lie outside the exact binomial and the additive random-effects limits, by hand."""
    from scipy.stats import binom
    ks, ns = zip(*SPREAD.values())
    p0, s2, phi, tau2 = spiegelhalter_by_hand(ks, ns)
    z = norm.ppf(1 - (1 - level) / 2)
    binomial, additive = {}, {}
    for (x, (k, n)), s in zip(SPREAD.items(), s2):
        lo, hi = binom.ppf((1 - level) / 2, n, p0) / n, binom.ppf(1 - (1 - level) / 2, n, p0) / n
        if not lo <= k / n <= hi:
            binomial[x] = "above" if k / n > hi else "below"
        half = z * math.sqrt(s + tau2)
        if abs(k / n - p0) > half:
            additive[x] = "above" if k / n > p0 else "below"
    return binomial, additive, math.sqrt(tau2)


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_the_funnel_names_the_points_outside_each_kind_of_limits(spread, lang):
    from finsam.views.interventions import InterventionComparison
    binomial, additive, tau = _outside_by_hand(0.95)
    assert additive == {"E": "above"} and set(binomial) == {"E", "G"}  # the example does what it is for
    v = InterventionComparison(spread, "bhs", 2018, lang=lang)
    assert v.data.main.overdispersed
    text, alt = v.funnel_text().data, v.funnel_alt()
    side = {"en": {"above": "above"}, "sv": {"above": "över"}}[lang]
    tau_s = f"{100 * tau:.1f}" if lang == "en" else f"{100 * tau:.1f}".replace(".", ",")
    if lang == "en":
        assert f"Outside the 95% random-effects limits: 1 — E ({side['above']})." in text
        assert "Outside the 95% binomial limits but within the random-effects limits: G —" in text
        assert f"τ = {tau_s} percentage points" in text and "additive rather than multiplicative" in text
        assert "outside them at 95%: E (above)." in alt
    else:
        assert f"Utanför slumpeffektgränserna på 95\xa0%: 1 — E ({side['above']})." in text
        assert "Utanför binomialgränserna på 95\xa0% men inom slumpeffektgränserna: G —" in text
        assert f"τ = {tau_s} procentenheter" in text and "additiva och inte multiplikativa" in text
        assert "utanför dem på 95\xa0%: E (över)." in alt


def test_without_overdispersion_only_the_binomial_limits_are_drawn_and_said(tmp_path):
    from conftest import small_dataset
    from finsam.views.interventions import InterventionComparison
    calm = dict(A=(30, 100), B=(33, 100), C=(29, 100))
    inter = "association_id,intervention,aliases,kind,covers,part_of,is_work_oriented,target_group,first_year," \
            "last_year,note\n" + "".join(f"bhs,{x},,individual,,,,,,,\n" for x in calm)
    rows = [r for x, (k, n) in calm.items()
            for r in (_row(x, "participants_exited", n), _row(x, "exit_work_or_studies", k))]
    v = InterventionComparison(small_dataset(tmp_path, rows, inter), "bhs", 2018, lang="en")
    assert not v.data.main.overdispersed
    assert "does not show spread beyond binomial chance" in v.funnel_text().data
    assert "not statistically established" in v.funnel_text().data
    assert "random-effects" not in v.funnel_alt()
