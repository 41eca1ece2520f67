"""Rates, intervals and gap tests, checked against values worked out independently of finsam:
closed-form Wilson bounds, a hypergeometric sum for Fisher's test, and published examples."""
import math

import pytest

from finsam.stats.rates import gap_test, wilson_interval
from oracles import fisher_two_sided as fisher_two_sided_by_hand, wilson as wilson_by_hand





@pytest.mark.parametrize("k,n", [(3, 10), (0, 10), (10, 10), (44, 127), (90, 387), (1, 2)])
def test_wilson_interval_matches_the_closed_form(k, n):
    lo, hi = wilson_interval(k, n)
    elo, ehi = wilson_by_hand(k, n)
    assert lo == pytest.approx(max(0.0, elo), abs=1e-9)
    assert hi == pytest.approx(min(1.0, ehi), abs=1e-9)


def test_wilson_interval_for_zero_of_ten_matches_the_published_bound():
    # Brown, Cai & DasGupta (2001) / Newcombe (1998): Wilson 95 % for 0/10 is [0, 0.2775]
    lo, hi = wilson_interval(0, 10)
    assert lo == pytest.approx(0.0, abs=1e-12)
    assert hi == pytest.approx(0.2775, abs=5e-5)


def test_wilson_interval_of_no_one_is_undefined():
    assert all(math.isnan(x) for x in wilson_interval(0, 0))




def test_small_counts_use_fishers_exact_test_with_the_hypergeometric_p_value():
    res = gap_test(2, 8, 6, 7)  # women 2/8, men 6/7: an expected count is 8*8/15 < 5
    assert res["test"] == "Fisher's exact test"
    assert res["p_value"] == pytest.approx(fisher_two_sided_by_hand(2, 6, 6, 1), rel=1e-9)
    assert res["difference_pp"] == pytest.approx(100 * (2 / 8 - 6 / 7))
    assert res["odds_ratio"] == pytest.approx((2 * 1) / (6 * 6))


def test_large_counts_use_the_chi_squared_test_with_yates_correction():
    a, b, c, d = 44, 83, 45, 60
    res = gap_test(a, a + b, c, c + d)
    assert res["test"].startswith("chi-squared")
    n = a + b + c + d
    chi2 = n * (abs(a * d - b * c) - n / 2) ** 2 / ((a + b) * (c + d) * (a + c) * (b + d))
    p = math.erfc(math.sqrt(chi2 / 2))  # survival function of chi-squared with 1 df
    assert res["p_value"] == pytest.approx(p, rel=1e-9)
    assert res["cohens_h"] == pytest.approx(2 * math.asin(math.sqrt(a / (a + b))) - 2 * math.asin(math.sqrt(c / (c + d))))


def test_gap_verdict_is_plain_language_in_both_directions():
    assert gap_test(10, 20, 11, 20)["verdict"] == "no evidence of a difference at the 5 % level"
    strong = gap_test(40, 50, 10, 50)
    assert strong["significant"]
    assert strong["verdict"].startswith("evidence of a difference at the 5 % level: women higher by 60")


def test_gap_test_rejects_impossible_counts():
    with pytest.raises(ValueError, match="invalid counts"):
        gap_test(5, 3, 1, 2)


def test_gap_test_when_everyone_had_the_same_outcome():
    res = gap_test(0, 5, 0, 7)
    assert res["p_value"] == 1.0 and not res["significant"]
