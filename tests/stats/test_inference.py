"""finsam.stats.inference against independent computations: closed forms written out here, exact
enumeration with math.comb, brute force over counts, and values published in the literature
(Newcombe 1998; R's documented binom.test example)."""
import itertools
import math

import numpy as np
import pandas as pd
import pytest
from scipy.stats import chi2, norm

from finsam.stats import inference as inf
from oracles import breslow_day as breslow_day_by_hand, fisher_two_sided as _fisher_by_hand, mantel_haenszel as mh_by_hand, newcombe as newcombe_by_hand, wilson as wilson_closed_form

Z95 = norm.ppf(0.975)




def binom_pmf(x, n, p):
    return math.comb(n, x) * p ** x * (1 - p) ** (n - x)


def binom_cdf(x, n, p):
    return sum(binom_pmf(i, n, p) for i in range(0, x + 1)) if x >= 0 else 0.0


# --- rates and the funnel ------------------------------------------------------------------------

K, N, LABELS = [1, 27, 12, 23, 27], [12, 119, 18, 62, 35], ["Lyra", "MIA", "START", "Slussen", "UPIS"]


def test_group_intervals_are_wilson_closed_form_and_pooled_rate_is_sum_k_over_sum_n():
    g = inf.compare_groups(K, N, LABELS)
    for row in g.table.itertuples():
        lo, hi = wilson_closed_form(row.k, row.n)
        assert row.ci_low == pytest.approx(100 * lo, abs=1e-9)
        assert row.ci_high == pytest.approx(100 * hi, abs=1e-9)
    assert g.pooled_rate == pytest.approx(100 * 90 / 246)
    assert (g.pooled_k, g.pooled_n) == (90, 246)


def test_funnel_flags_and_chance_match_exact_binomial_tails_by_enumeration():
    g = inf.compare_groups(K, N, LABELS)
    p0 = 90 / 246
    for level, key in ((0.95, "95"), (0.998, "99_8")):
        a = 1 - level
        expected = 0.0
        for row in g.table.itertuples():
            k, n = row.k, row.n
            below = binom_cdf(k, n, p0) < a / 2           # k below the a/2 quantile
            above = 1 - binom_cdf(k - 1, n, p0) <= a / 2  # k above the 1 - a/2 quantile
            assert getattr(row, f"below_{key}") == below, (row.label, level)
            assert getattr(row, f"above_{key}") == above, (row.label, level)
            lq = min(x for x in range(n + 1) if binom_cdf(x, n, p0) >= a / 2)
            uq = min(x for x in range(n + 1) if binom_cdf(x, n, p0) >= 1 - a / 2)
            chance = binom_cdf(lq - 1, n, p0) + (1 - binom_cdf(uq, n, p0))
            assert getattr(row, f"chance_outside_{key}") == pytest.approx(chance, abs=1e-9)
            expected += chance
        assert g.expected_outside[level] == pytest.approx(expected, abs=1e-9)
        assert g.nominal_outside[level] == pytest.approx(5 * a)
    # MIA 27/119 (23 %) is far below 37 %; UPIS 27/35 (77 %) far above
    assert g.observed_outside[0.95] == 3 and g.observed_outside[0.998] == 2


def test_funnel_limits_are_binomial_quantiles_over_n():
    lim = inf.funnel_limits(0.3, [10, 50])
    for n, row in zip([10, 50], lim.itertuples()):
        lq = min(x for x in range(n + 1) if binom_cdf(x, n, 0.3) >= 0.025)
        uq = min(x for x in range(n + 1) if binom_cdf(x, n, 0.3) >= 0.975)
        assert row.low_95 == pytest.approx(100 * lq / n) and row.high_95 == pytest.approx(100 * uq / n)


def test_heterogeneity_with_large_counts_is_pearson_chi_squared_by_hand():
    k, n = [40, 60, 80], [100, 100, 100]
    p = sum(k) / sum(n)
    stat = sum((ki - ni * p) ** 2 / (ni * p) + ((ni - ki) - ni * (1 - p)) ** 2 / (ni * (1 - p)) for ki, ni in zip(k, n))
    t = inf.compare_groups(k, n, list("abc")).heterogeneity
    assert t.method == "chi-squared" and t.dof == 2
    assert t.statistic == pytest.approx(stat)
    assert t.p_value == pytest.approx(chi2.sf(stat, 2))


def exact_conditional_p(k, n):
    """P(X² >= observed) over all k×2 tables with the observed margins, enumerated."""
    K, Ntot = sum(k), sum(n)
    p = K / Ntot

    def stat(ks):
        return sum((a - m * p) ** 2 / (m * p) + ((m - a) - m * (1 - p)) ** 2 / (m * (1 - p)) for a, m in zip(ks, n))

    obs, total = stat(k), 0.0
    for ks in itertools.product(*(range(m + 1) for m in n)):
        if sum(ks) == K and stat(ks) >= obs - 1e-9:
            total += math.prod(math.comb(m, a) for a, m in zip(ks, n)) / math.comb(Ntot, K)
    return total


def test_heterogeneity_with_small_counts_is_monte_carlo_close_to_exact_enumeration():
    k, n = [1, 4, 6], [8, 9, 10]
    t = inf.compare_groups(k, n, list("abc")).heterogeneity
    assert t.method == "Monte Carlo chi-squared" and t.draws == inf.MONTE_CARLO_DRAWS
    exact = exact_conditional_p(k, n)
    se = math.sqrt(exact * (1 - exact) / t.draws)
    assert abs(t.p_value - exact) < 4 * se + 1e-4
    # the asymptotic p-value differs by more than the Monte Carlo error: the switch matters
    assert abs(chi2.sf(t.statistic, t.dof) - exact) > 4 * se


def test_exit_reason_test_over_a_reason_by_gender_table():
    table = np.array([[68, 50], [22, 30], [40, 41], [20, 10]])  # reasons × (women, men)
    t = inf.exit_reason_test(table)
    e = np.outer(table.sum(1), table.sum(0)) / table.sum()
    assert t.method == "chi-squared" and t.dof == 3
    assert t.statistic == pytest.approx(((table - e) ** 2 / e).sum())
    small = inf.exit_reason_test(np.array([[3, 1], [0, 0], [5, 9], [1, 0]]))  # empty row dropped
    assert small.method == "Monte Carlo chi-squared" and small.shape == (3, 2)


def test_bad_counts_are_refused_with_a_message():
    with pytest.raises(ValueError, match="0 <= k <= n"):
        inf.compare_groups([5], [3], ["x"])
    with pytest.raises(ValueError, match="labels"):
        inf.compare_groups([1, 2], [3, 4], ["x"])


# --- mix versus results --------------------------------------------------------------------------

def test_mix_effect_by_hand():
    # A: 10 of 100 (10 %), B: 30 of 50 (60 %): crude 40/150, equal mix (10 + 60)/2 = 35
    m = inf.mix_effect([10, 30], [100, 50], ["A", "B"], reference_rate=30)
    assert m.crude_rate == pytest.approx(100 * 40 / 150)
    assert m.standardised_rate == pytest.approx(35)
    assert m.mix_effect_pp == pytest.approx(100 * 40 / 150 - 35)
    assert m.mix_flips_reference  # 26.7 % is below 30 %, the equal mix 35 % above
    assert (m.largest_group, m.largest_weight) == ("A", pytest.approx(2 / 3))
    assert not inf.mix_effect([10, 30], [100, 50], ["A", "B"], reference_rate=20).mix_flips_reference
    w = inf.mix_effect([10, 30], [100, 50], ["A", "B"], weights=[1, 3])
    assert w.standardised_rate == pytest.approx(0.25 * 10 + 0.75 * 60)


def test_kitagawa_decomposition_by_hand():
    # same rates in both years (10 %, 60 %), only the mix changes: all of the difference is mix
    d = inf.decompose_difference([10, 30], [100, 50], [5, 60], [50, 100])
    assert d.crude_a == pytest.approx(100 * 40 / 150) and d.crude_b == pytest.approx(100 * 65 / 150)
    assert d.rates_pp == pytest.approx(0) and d.mix_pp == pytest.approx(d.difference_pp) and d.mix_driven
    # same mix, rates change: all of it is results
    d = inf.decompose_difference([10, 30], [100, 50], [20, 35], [100, 50])
    assert d.mix_pp == pytest.approx(0) and d.rates_pp == pytest.approx(100 * 15 / 150) and not d.mix_driven
    # both change: w_A=(.5,.5) r_A=(20,40); w_B=(.25,.75) r_B=(30,50)
    d = inf.decompose_difference([20, 40], [100, 100], [15, 75], [50, 150])
    assert d.mix_pp == pytest.approx((-0.25 * 25) + (0.25 * 45))
    assert d.rates_pp == pytest.approx(10 * 0.375 + 10 * 0.625)
    assert d.mix_pp + d.rates_pp == pytest.approx(d.difference_pp)


# --- goals and national figures ------------------------------------------------------------------

def test_goal_attainment_from_the_wilson_interval():
    lo, hi = wilson_closed_form(90, 246)
    g = inf.goal_attainment(90, 246, 30)
    assert (g.ci_low, g.ci_high) == (pytest.approx(100 * lo), pytest.approx(100 * hi))
    assert lo > 0.30 and g.status == "met" and g.point_met
    assert inf.goal_attainment(12, 18, 70).status == "cannot tell"  # 67 %, interval 44-84 %
    assert not inf.goal_attainment(12, 18, 70).point_met
    assert inf.goal_attainment(5, 100, 30).status == "not met"
    assert inf.goal_attainment(30, 100, 30).status == "cannot tell" and inf.goal_attainment(30, 100, 30).point_met


def test_goal_attainment_clopper_pearson_uses_beta_quantiles():
    from scipy.stats import beta
    g = inf.goal_attainment(12, 18, 40, method="beta")
    assert g.ci_low == pytest.approx(100 * beta.ppf(0.025, 12, 7))
    assert g.ci_high == pytest.approx(100 * beta.ppf(0.975, 13, 6))
    assert g.status == "met" and g.method == "Clopper–Pearson"


def test_count_goal_is_a_plain_comparison():
    c = inf.count_goal(601, 750)
    assert not c.met and c.difference == -149 and c.share_of_goal == pytest.approx(100 * 601 / 750)
    assert inf.count_goal(750, 750).met


def test_national_comparison_matches_r_binom_test_example():
    # R: binom.test(c(682, 243), p = 3/4) -> p-value = 0.3825
    c = inf.compare_with_national(682, 925, 75)
    assert round(c.p_value, 4) == 0.3825 and not c.evidence


def test_national_comparison_exact_p_by_enumeration():
    k, n, p0 = 90, 246, 0.33
    d = binom_pmf(k, n, p0)
    exact = sum(binom_pmf(x, n, p0) for x in range(n + 1) if binom_pmf(x, n, p0) <= d * (1 + 1e-7))
    c = inf.compare_with_national(k, n, 33)
    assert c.p_value == pytest.approx(exact, rel=1e-6)
    assert c.difference_pp == pytest.approx(100 * 90 / 246 - 33)
    assert inf.compare_with_national(20, 100, 50).evidence


# --- differences, power ---------------------------------------------------------------------------



@pytest.mark.parametrize("k1,n1,k2,n2,published", [
    (56, 70, 48, 80, (0.0524, 0.3339)),  # Newcombe (1998), Stat Med 17:873, example (a), method 10
    (9, 10, 3, 10, (0.1705, 0.8090)),    # example (b)
])
def test_gap_interval_is_newcombe_published_values(k1, n1, k2, n2, published):
    g = inf.gap_interval(k1, n1, k2, n2)
    assert (round(g.ci_low_pp / 100, 4), round(g.ci_high_pp / 100, 4)) == published
    lo, hi = newcombe_by_hand(k1, n1, k2, n2)
    assert g.ci_low_pp == pytest.approx(100 * lo) and g.ci_high_pp == pytest.approx(100 * hi)
    assert g.evidence and g.difference_pp == pytest.approx(100 * (k1 / n1 - k2 / n2))


def test_gap_interval_score_p_value_by_hand():
    k1, n1, k2, n2 = 56, 70, 48, 80
    p, total = (k1 + k2) / (n1 + n2), n1 + n2
    z = (k1 / n1 - k2 / n2) / math.sqrt(p * (1 - p) * (1 / n1 + 1 / n2)) * math.sqrt((total - 1) / total)
    assert inf.gap_interval(k1, n1, k2, n2).p_value == pytest.approx(2 * norm.sf(abs(z)))


def test_no_evidence_when_the_interval_contains_zero():
    g = inf.gap_interval(10, 20, 9, 20)
    assert g.ci_low_pp < 0 < g.ci_high_pp and not g.evidence
    assert g.detectable_pp > abs(g.difference_pp)


def test_detectable_difference_matches_the_closed_form_on_cohens_h():
    n1, n2, pooled = 127, 115, 40.0
    h = (Z95 + norm.ppf(0.8)) * math.sqrt(1 / n1 + 1 / n2)  # ignores the far tail: tiny difference
    c = math.asin(math.sqrt(pooled / 100))
    by_hand = 100 * (math.sin(c + h / 4) ** 2 - math.sin(c - h / 4) ** 2)
    assert inf.detectable_difference(n1, n2, pooled) == pytest.approx(by_hand, rel=1e-3)
    # near 0 % the pair is shifted to stay inside 0-100 %
    low = inf.detectable_difference(20, 20, 1.0)
    h = (Z95 + norm.ppf(0.8)) * math.sqrt(2 / 20)
    assert low == pytest.approx(100 * math.sin(h / 2) ** 2, rel=1e-3)
    assert math.isnan(inf.detectable_difference(1, 1, 50.0))


def test_year_on_year_flags_that_two_years_make_no_trend():
    y = inf.year_on_year(115, 296, 90, 246)
    assert not y.trend_test_possible and y.years == 2
    assert y.change.difference_pp == pytest.approx(100 * (90 / 246 - 115 / 296))  # later − earlier
    assert inf.year_on_year(115, 296, 90, 246, years_available=3).trend_test_possible


# --- pooling and rounding -------------------------------------------------------------------------

STRATA = [(10, 20, 5, 20), (7, 15, 8, 25)]






def test_pooled_gap_is_mantel_haenszel_and_breslow_day_by_hand():
    g = inf.pooled_gap(STRATA)
    odds, var, cmh = mh_by_hand(STRATA)
    assert g.odds_ratio == pytest.approx(odds)
    assert g.ci_low == pytest.approx(math.exp(math.log(odds) - Z95 * math.sqrt(var)))
    assert g.ci_high == pytest.approx(math.exp(math.log(odds) + Z95 * math.sqrt(var)))
    assert g.p_value == pytest.approx(chi2.sf(cmh, 1))
    bd = breslow_day_by_hand(STRATA, odds)
    assert g.homogeneity_statistic == pytest.approx(bd, rel=1e-6)
    assert g.homogeneity_p_value == pytest.approx(chi2.sf(bd, 1), rel=1e-6)
    with pytest.raises(ValueError, match="two strata"):
        inf.pooled_gap(STRATA[:1])


def rounding_brute_force(pct, n, decimals=0):
    """Integer arithmetic: 100k/n within half a unit of the printed pct (either way at a tie) is
    |2·100k·10^d − 2·pct·10^d·n| <= n (tests/data/test_rounding.py checks finsam.data.rounding against it)."""
    target = round(pct * 10 ** decimals)
    return [k for k in range(n + 1) if abs(2 * 100 * k * 10 ** decimals - 2 * target * n) <= n]


def test_pooled_gap_over_rounded_percentages_is_the_range_over_consistent_counts():
    # 53 % of 20 is impossible (10/20 = 50 %, 11/20 = 55 %): refused, not invented
    with pytest.raises(ValueError, match="rounds to 53"):
        inf.pooled_gap_range([dict(n1=20, pct1=53, n2=30, k2=11), dict(n1=15, k1=7, n2=25, k2=8)])
    strata = [dict(n1=20, pct1=55, n2=30, pct2=37), dict(n1=15, k1=7, n2=25, k2=8),
              dict(n1=246, pct1=37, n2=296, pct2=39)]
    first = [(a, b) for a in rounding_brute_force(55, 20) for b in rounding_brute_force(37, 30)]
    third = [(a, b) for a in rounding_brute_force(37, 246) for b in rounding_brute_force(39, 296)]
    assert first == [(11, 11)] and len(third) == 9
    ors = [mh_by_hand([(11, 20, 11, 30), (7, 15, 8, 25), (a, 246, b, 296)])[0] for a, b in third]
    out = inf.pooled_gap_range(strata).set_index("quantity")
    assert out.loc["odds_ratio", "min"] == pytest.approx(min(ors))
    assert out.loc["odds_ratio", "max"] == pytest.approx(max(ors))
    assert out.loc["odds_ratio", "min"] < out.loc["odds_ratio", "max"]
    assert out.loc["odds_ratio", "combinations"] == 9


def test_difference_range_over_a_rounded_earlier_year():
    # BHS: 2018 90 of 246; 2017 "39 %" of 296 -> 114, 115 or 116
    out = inf.difference_range(dict(k=90, n=246), dict(pct=39, n=296)).set_index("quantity")
    diffs = [100 * (90 / 246 - k / 296) for k in rounding_brute_force(39, 296)]
    assert rounding_brute_force(39, 296) == [114, 115, 116]
    assert out.loc["difference_pp", "min"] == pytest.approx(min(diffs))
    assert out.loc["difference_pp", "max"] == pytest.approx(max(diffs))
    assert out["combinations"].iloc[0] == 3 and not out["evidence_any"].iloc[0]


# --- costs ----------------------------------------------------------------------------------------

def test_cost_range_by_hand():
    cost = 12_000_000
    out = inf.cost_range(cost, 90, 246, {"participations": 651, "individuals": 601})
    part = out[out["measure"] == "per participant"].set_index("denominator")
    assert part.loc["participations", "value"] == pytest.approx(cost / 651)
    assert part.loc["individuals", "value"] == pytest.approx(cost / 601)
    assert (part["low"] == cost / 651).all() and (part["high"] == cost / 601).all()
    ws = out[out["measure"] == "per person to work or studies"].iloc[0]
    lo, hi = wilson_closed_form(90, 246)
    assert ws["value"] == pytest.approx(cost / 90)
    assert ws["low"] == pytest.approx(cost / (246 * hi)) and ws["high"] == pytest.approx(cost / (246 * lo))
    assert ws["low"] < ws["value"] < ws["high"]


def test_results_name_their_method_status_and_measure_by_codes_for_the_views():
    """Views word these per language; the codes sit beside the English fields, which stay."""
    assert inf.table_test([[10, 20], [30, 40], [5, 9]]).method_code == "chi_squared"  # expected counts all >= 5
    assert inf.table_test([[1, 2], [3, 4], [2, 2]], draws=200).method_code == "monte_carlo"  # expected 1.2 < 5
    assert inf.table_test([[10, 20], [30, 40]]).method_code == "chi2_yates"  # 2×2, expected all >= 5
    assert inf.table_test([[1, 2], [3, 4]]).method_code == "fisher"  # 2×2, expected 1.2 < 5
    assert inf.table_test([[1, 2]]).method_code == "none"  # one row: no test
    assert inf.goal_attainment(90, 246, 30).status_code == "met"
    assert inf.goal_attainment(12, 18, 70).status_code == "cannot_tell"
    assert inf.goal_attainment(5, 100, 30).status_code == "not_met"
    out = inf.cost_range(1000, 1, 2, {"participations": 4})
    assert list(out["measure_code"]) == ["per_participant", "per_work_or_studies"]
    assert list(out["measure"]) == ["per participant", "per person to work or studies"]


# --- the one rule for choosing a test -------------------------------------------------------------



def _yates_by_hand(a, b, c, d):
    """Pearson's X² with Yates' correction for a 2×2 table: n(|ad − bc| − n/2)² / (r1 r2 c1 c2)."""
    n = a + b + c + d
    x2 = n * max(0.0, abs(a * d - b * c) - n / 2) ** 2 / ((a + b) * (c + d) * (a + c) * (b + d))
    return x2, 2 * norm.sf(math.sqrt(x2))  # chi-squared with 1 df: P(Z² > x²)


@pytest.mark.parametrize("table", [[[2, 6], [6, 1]], [[1, 4], [4, 1]], [[0, 5], [3, 3]]])
def test_a_small_two_by_two_table_gets_fishers_exact_test(table):
    (a, b), (c, d) = table
    t = inf.table_test(table)
    assert t.method_code == "fisher" and t.dof == 1
    assert t.p_value == pytest.approx(_fisher_by_hand(a, b, c, d))


@pytest.mark.parametrize("table", [[[44, 83], [45, 70]], [[30, 20], [15, 35]]])
def test_a_larger_two_by_two_table_gets_yates_chi_squared(table):
    (a, b), (c, d) = table
    t = inf.table_test(table)
    x2, p = _yates_by_hand(a, b, c, d)
    assert t.method_code == "chi2_yates"
    assert t.statistic == pytest.approx(x2) and t.p_value == pytest.approx(p)


def test_every_comparison_uses_the_one_rule():
    """gap_test (women vs men), outcome_difference (categories) and table_test agree on the
    test and the p-value for the same table."""
    from finsam.stats import profile
    from finsam.stats.rates import gap_test
    for (a, n1), (c, n2) in [((2, 8), (6, 7)), ((44, 127), (45, 115)), ((0, 5), (3, 6))]:
        t = inf.table_test([[a, n1 - a], [c, n2 - c]])
        g = gap_test(a, n1, c, n2)
        rates = pd.DataFrame(dict(category=["A", "B"], outcome="work_or_studies", gender="all", count=[a, c],
                                  exited=[n1, n2], conflict=False))
        d = profile.outcome_difference(rates)
        assert g["test_code"] == d["test"] == t.method_code
        assert g["p_value"] == pytest.approx(t.p_value) and d["p_value"] == pytest.approx(t.p_value)
    # more than two categories with a small expected count: Monte Carlo, not a rough chi-squared
    rates = pd.DataFrame(dict(category=["A", "B", "C"], outcome="work_or_studies", gender="all", count=[1, 4, 2],
                              exited=[4, 5, 6], conflict=False))
    assert profile.outcome_difference(rates)["test"] == "monte_carlo"


@pytest.mark.parametrize("k1, n1, k2, n2", [(5, 20, 0, 15), (0, 15, 5, 20), (20, 20, 3, 9)])
def test_gap_interval_with_a_rate_of_0_or_100_percent_prints_no_warning_on_the_page(k1, n1, k2, n2):
    """statsmodels' score test computes an unused ratio p1/p2 that divides by zero when one rate is
    0 %; its RuntimeWarning reached the pages (found in the national benchmark's render)."""
    import warnings
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        r = inf.gap_interval(k1, n1, k2, n2)
    assert 0 < r.p_value < 1


# --- many gaps at once: statsmodels' numbers, pair by pair ---------------------------------------

def _pairs(seed, size):
    """Random (k1, n1, k2, n2) with tiny groups, 0 % and 100 % rates among them."""
    rng = np.random.default_rng(seed)
    n1, n2 = (rng.choice([1, 2, 3, 5, 8, 13, 40, 127, 246, 3000], size) for _ in range(2))

    def k(n):
        u = rng.random(size)
        return np.where(u < 0.15, 0, np.where(u < 0.3, n, rng.integers(0, n + 1)))
    return k(n1), n1, k(n2), n2


def _statsmodels_h(n1, n2, power=0.8, alpha=1 - inf.CONFIDENCE):
    from statsmodels.stats.power import NormalIndPower
    return NormalIndPower().solve_power(effect_size=None, nobs1=int(n1), ratio=int(n2) / int(n1), alpha=alpha,
                                        power=power, alternative="two-sided")


def _pp_from_h(h, pooled):
    """Cohen's h as two rates symmetric around ``pooled`` (%) in angle, kept inside 0-100 %, by hand."""
    c, q = math.asin(math.sqrt(pooled / 100)), h / 4
    if 2 * q > math.pi / 2:
        return math.nan
    lo, hi = c - q, c + q
    if hi > math.pi / 2:
        hi, lo = math.pi / 2, math.pi / 2 - 2 * q
    if lo < 0:
        lo, hi = 0.0, 2 * q
    return 100 * (math.sin(hi) ** 2 - math.sin(lo) ** 2)


def test_gap_interval_arrays_are_statsmodels_pair_by_pair():
    """inf.gap_interval_arrays computes every pair at once; statsmodels, called pair by pair as
    gap_interval did before, is the reference (Newcombe's interval, the score test, the power
    solver), to 1e-9."""
    import warnings
    from statsmodels.stats.proportion import confint_proportions_2indep, test_proportions_2indep
    k1, n1, k2, n2 = _pairs(11, 300)
    got = inf.gap_interval_arrays(k1, n1, k2, n2)
    ref = {q: [] for q in ("ci_low_pp", "ci_high_pp", "p_value", "h", "detectable_pp")}
    for a, m, b, n in zip(k1.tolist(), n1.tolist(), k2.tolist(), n2.tolist()):
        lo, hi = confint_proportions_2indep(a, m, b, n, method="newcomb", compare="diff", alpha=1 - inf.CONFIDENCE)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            p = (1.0 if a + b in (0, m + n) else
                 test_proportions_2indep(a, m, b, n, method="score", compare="diff").pvalue)
        h = _statsmodels_h(m, n)
        for q, v in zip(ref, (100 * lo, 100 * hi, p, h, _pp_from_h(h, 100 * (a + b) / (m + n)))):
            ref[q].append(v)
    for q in ("ci_low_pp", "ci_high_pp", "p_value"):
        np.testing.assert_allclose(got[q], ref[q], rtol=0, atol=1e-9, err_msg=q)
    # statsmodels' power solver stops within its tolerance (brentq's xtol 1e-5) of the root
    np.testing.assert_allclose(inf.detectable_h(n1, n2, 0.8, 1 - inf.CONFIDENCE), ref["h"], rtol=0, atol=1e-5)
    np.testing.assert_allclose(got["detectable_pp"], ref["detectable_pp"], rtol=0, atol=1e-3)
    assert np.isnan(got["detectable_pp"]).any() and (got["p_value"] == 1).any()  # the edge cases were met
    np.testing.assert_array_equal(got["difference_pp"], 100 * (k1 / n1 - k2 / n2))
    np.testing.assert_array_equal(got["evidence"], (got["ci_low_pp"] > 0) | (got["ci_high_pp"] < 0))
    # one pair at a time gives the same
    for i in (0, 1, 2):
        one = inf.gap_interval(int(k1[i]), int(n1[i]), int(k2[i]), int(n2[i]))
        assert (one.ci_low_pp, one.ci_high_pp, one.p_value) == (got["ci_low_pp"][i], got["ci_high_pp"][i],
                                                                 got["p_value"][i])


def test_detectable_h_is_where_statsmodels_power_reaches_the_target():
    """detectable_h solves statsmodels' power equation on arrays: at its h, statsmodels' own power
    function gives the target power (to 1e-12), and statsmodels' solver, which stops within 1e-5
    of the root (brentq's xtol), agrees to that tolerance."""
    from statsmodels.stats.power import NormalIndPower
    sizes = [1, 2, 3, 7, 30, 250, 4000, 100_000]
    n1, n2 = (np.array(x) for x in zip(*itertools.product(sizes, sizes)))
    for power, alpha in ((0.8, 0.05), (0.9, 0.01)):
        h = inf.detectable_h(n1, n2, power, alpha)
        achieved = [NormalIndPower().power(effect_size=x, nobs1=int(a), ratio=b / a, alpha=alpha, alternative="two-sided")
                    for x, a, b in zip(h, n1, n2)]
        np.testing.assert_allclose(achieved, power, rtol=0, atol=1e-12)
        ref = np.array([_statsmodels_h(a, b, power, alpha) for a, b in zip(n1, n2)])
        np.testing.assert_allclose(h, ref, rtol=0, atol=1e-5)
    assert inf.detectable_h(n1.reshape(8, 8), n2.reshape(8, 8)).shape == (8, 8)
    # a power below alpha has no effect size: no root to find
    with pytest.raises(ValueError):
        inf.detectable_h([20], [20], power=0.03, alpha=0.05)


def test_difference_range_is_the_range_over_every_consistent_pair():
    out = inf.difference_range(dict(pct=39, n=296), dict(k=0, n=3)).set_index("quantity")
    ks = rounding_brute_force(39, 296)
    each = [inf.gap_interval(k, 296, 0, 3) for k in ks]
    for q in inf.RANGE_FIELDS:
        assert out.loc[q, "min"] == min(getattr(r, q) for r in each)
        assert out.loc[q, "max"] == max(getattr(r, q) for r in each)
    assert out["combinations"].iloc[0] == len(ks) == 3


# --- the one rule, quickly: the same numbers as scipy's own functions ---------------------------

def _tables(seed, size):
    rng = np.random.default_rng(seed)
    out = []
    for _ in range(size):
        r, c = rng.integers(2, 6), rng.integers(2, 4)
        out.append(rng.integers(0, rng.choice([4, 12, 80]), (r, c)) * (rng.random((r, c)) < 0.9))
    return out


def test_table_test_gives_scipys_statistics():
    """The Pearson statistic, its p-value and the expected counts are chi2_contingency's (computed
    here without its per-call checks); the Monte Carlo p-value is that of scipy's random tables
    drawn with the fixed seed, as R's chisq.test(simulate.p.value=TRUE) counts them."""
    from scipy.stats import chi2_contingency, random_table
    methods = set()
    for table in _tables(5, 60):
        t = table[table.sum(axis=1) > 0][:, table.sum(axis=0) > 0]
        got = inf.table_test(table, draws=500)
        methods.add(got.method_code)
        if got.method_code in ("none", "fisher", "chi2_yates"):
            continue
        res = chi2_contingency(t, correction=False)
        assert got.min_expected == res.expected_freq.min() and got.dof == res.dof
        if got.method_code == "chi_squared":
            assert (got.statistic, got.p_value) == (res.statistic, res.pvalue)
            continue
        e = res.expected_freq
        sims = random_table(t.sum(axis=1), t.sum(axis=0), seed=inf.SEED).rvs(size=500)
        stats = ((sims - e) ** 2 / e).sum(axis=(1, 2))
        x2 = ((t - e) ** 2 / e).sum()
        assert got.statistic == pytest.approx(res.statistic, rel=1e-12, abs=1e-12) and got.statistic == x2
        assert got.p_value == (1 + (stats >= x2 - 1e-7 * max(1.0, x2)).sum()) / 501
    assert {"chi_squared", "monte_carlo"} <= methods


def test_a_table_met_again_gets_the_same_test():
    table = [[3, 1], [0, 0], [5, 9], [1, 0]]
    first = inf.table_test(table)
    assert inf.table_test(np.array(table, dtype=float)) is first  # counted once
    assert inf.table_test([[3, 1], [5, 9], [1, 0]]) is first  # the empty row is no part of the table
    assert inf.table_test(table, seed=inf.SEED + 1) is not first  # the seed is part of the key
