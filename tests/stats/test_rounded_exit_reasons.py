"""The exit-reason × gender test where a report gives the reasons only as rounded percentages: the
range of X² and p over every table of counts the rounding allows (reasons adding up to each
gender's exits), against a brute-force enumeration with scipy written here, and the words of it
on the gender-gaps page in both languages."""
import itertools

import numpy as np
import pytest
from scipy.stats import chi2_contingency

from finsam.stats import gaps as sg
from finsam.stats import inference as inf
from finsam.views import gender_gaps as vg

from conftest import small_dataset
from test_inference import rounding_brute_force


def brute_force(women, men, n_women, n_men):
    """Every table of counts the printed percentages allow whose columns add up to the exits, tested
    with scipy: (number of tables, min X², max X², min p, max p)."""
    cols = []
    for pcts, n in ((women, n_women), (men, n_men)):
        cols.append([c for c in itertools.product(*(rounding_brute_force(p, n) for p in pcts)) if sum(c) == n])
    results = [chi2_contingency(np.column_stack([a, b]), correction=False) for a in cols[0] for b in cols[1]]
    x2 = [r.statistic for r in results]
    p = [r.pvalue for r in results]
    return len(results), min(x2), max(x2), min(p), max(p)


def range_of(women, men, n_women, n_men):
    lo = [[min(rounding_brute_force(a, n_women)), min(rounding_brute_force(b, n_men))] for a, b in zip(women, men)]
    hi = [[max(rounding_brute_force(a, n_women)), max(rounding_brute_force(b, n_men))] for a, b in zip(women, men)]
    return inf.table_test_range(lo, hi, [n_women, n_men])


@pytest.mark.parametrize("women,men,n_women,n_men", [
    ((30, 20, 50), (21, 22, 57), 300, 250),  # p on both sides of 0.05
    ((30, 20, 50), (40, 26, 34), 200, 150),  # every table below 0.05
    ((30, 20, 50), (31, 20, 49), 200, 150),  # every table far above
    ((14, 5, 7, 18, 16, 29, 11), (16, 4, 10, 17, 20, 26, 8), 174, 198),  # seven reasons (35 × 35 tables)
])
def test_the_range_is_exact_over_every_consistent_table(women, men, n_women, n_men):
    r = range_of(women, men, n_women, n_men)
    tables, x_min, x_max, p_min, p_max = brute_force(women, men, n_women, n_men)
    assert r.tested and r.tables == tables > 1
    assert r.statistic_min == pytest.approx(x_min, abs=1e-9) and r.statistic_max == pytest.approx(x_max)
    assert r.p_min == pytest.approx(p_min) and r.p_max == pytest.approx(p_max)
    assert r.dof == len(women) - 1
    assert r.determinable == (p_max < 0.05 or p_min >= 0.05) and r.evidence == (p_max < 0.05)


def test_the_conclusion_is_said_only_where_every_table_agrees():
    assert not range_of((30, 20, 50), (21, 22, 57), 300, 250).determinable
    both = range_of((30, 20, 50), (40, 26, 34), 200, 150)
    assert both.determinable and both.evidence
    none = range_of((30, 20, 50), (31, 20, 49), 200, 150)
    assert none.determinable and not none.evidence


def test_no_test_where_no_table_fits_or_another_test_would_be_chosen():
    # the reasons cover 90 % of the women: no counts add up to their exits
    assert range_of((30, 20, 40), (40, 26, 34), 200, 150).why == "no_table"
    # 5 % of 40 women and of 40 men: a row of 4 of 80, expected 2 below 5
    r = range_of((5, 45, 50), (5, 45, 50), 40, 40)
    assert not r.tested and r.why == "small_expected" and not r.determinable


ROWS = [["husam-2012", "husam", 2012, 2012, "ALL", m, g, v, u, f"{m} {g} {v}", "", "", ""] for m, g, v, u in [
    ("participants_exited", "women", 300, "persons"), ("participants_exited", "men", 250, "persons"),
    ("exit_work_rate", "women", 30, "percent"), ("exit_jobseeking_rate", "women", 20, "percent"),
    ("exit_other_rate", "women", 50, "percent"),
    ("exit_work_rate", "men", 21, "percent"), ("exit_jobseeking_rate", "men", 22, "percent"),
    ("exit_other_rate", "men", 57, "percent"),
]]


@pytest.fixture(scope="module")
def rounded(tmp_path_factory):
    return small_dataset(tmp_path_factory.mktemp("rounded_reasons"), ROWS)


def test_a_group_with_rounded_reasons_is_tested_over_its_range_on_the_page(rounded):
    [(key, pct, r)] = sg.rounded_exit_reason_tests(rounded)
    assert key == ("husam", 2012, 2012, "ALL") and pct.attrs["exited"] == {"women": [300], "men": [250]}
    tables, x_min, x_max, p_min, p_max = brute_force((30, 20, 50), (21, 22, 57), 300, 250)
    assert (r.tables, round(r.statistic_min, 6), round(r.p_max, 6)) == (tables, round(x_min, 6), round(p_max, 6))
    en = vg.GenderGaps(rounded, lang="en").exit_reason_text().data
    assert f"Over all {tables} tables of counts consistent with the rounding" in en
    assert f"X² = {x_min:.1f} to {x_max:.1f} on 2 degrees of freedom, p\u00a0=\u00a0{p_min:.3f} to {p_max:.3f}" in en
    assert "cannot be determined from the rounded figures" in en
    assert "are not tested" not in en
    sv = vg.GenderGaps(rounded, lang="sv").exit_reason_text().data
    comma = lambda x, d: f"{x:.{d}f}".replace(".", ",")  # noqa: E731
    assert f"X² = {comma(x_min, 1)} till {comma(x_max, 1)} med 2 frihetsgrader" in sv
    assert f"p\u00a0=\u00a0{comma(p_min, 3)} till {comma(p_max, 3)}" in sv
    assert "går inte att avgöra ur de avrundade siffrorna" in sv
