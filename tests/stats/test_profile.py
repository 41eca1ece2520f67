"""finsam.stats.profile on the shipped data, against numbers worked out by hand from the report tables
(ostra-sodertorn-2022, lines 993-997 and 1304-1312) and textbook formulas, not from finsam."""
import math

import numpy as np
import pandas as pd
import pytest

import finsam
from finsam.stats import profile
from oracles import wilson_pct as wilson_by_hand





@pytest.fixture(scope="module")
def tables():
    return finsam.load()


def test_composition_of_resursradet_inflow_by_municipality(tables):
    c = profile.composition(tables, "ostra-sodertorn", 2022, "municipality", "Resursrådet")
    allg = c[c["gender"] == "all"].set_index("category")
    # 'Totalt 74 29 38 141': Haninge 74/141 = 52.48 %, Tyresö 29/141 = 20.57 %, Nynäshamn 38/141 = 26.95 %
    assert list(allg.index) == ["Haninge", "Tyresö", "Nynäshamn"]  # the order of categories.csv
    assert allg["value"].tolist() == [74, 29, 38]
    assert allg["total"].tolist() == [141, 141, 141]
    assert allg["share_of_total"].round(2).tolist() == [52.48, 20.57, 26.95]
    women = c[c["gender"] == "women"].set_index("category")
    # 'Kvinnor 43 19 25 87': 43/87 = 49.43 %
    assert women.loc["Haninge", "share_of_total"] == pytest.approx(100 * 43 / 87)


def test_composition_without_a_stated_total_has_no_share(tables):
    c = profile.composition(tables, "bhs", 2018, "municipality")
    assert set(c["unit"]) == {"percent"} and c["share_of_total"].isna().all()
    assert c.set_index("category")["value"].to_dict() == {"Botkyrka": 38, "Huddinge": 43, "Salem": 17, "okänd": 2}


def test_rates_per_municipality_with_wilson_intervals(tables):
    r = profile.category_rates(tables, "ostra-sodertorn", 2022, "municipality", "MIA Vidare Östra Södertörn")
    ws = r[(r["outcome"] == "work_or_studies") & (r["gender"] == "all")].set_index("category")
    # 'Avslutade deltagare 2022 uppdelade på kommun och avslutsorsaker': work + studies of the exited
    expected = {"Haninge": (3 + 2, 31), "Tyresö": (9 + 2, 31), "Nynäshamn": (4 + 3, 25)}
    for cat, (k, n) in expected.items():
        assert (ws.loc[cat, "count"], ws.loc[cat, "exited"]) == (k, n)
        assert ws.loc[cat, "rate"] == pytest.approx(100 * k / n)
        lo, hi = wilson_by_hand(k, n)
        assert ws.loc[cat, "ci_low"] == pytest.approx(lo, abs=1e-6)
        assert ws.loc[cat, "ci_high"] == pytest.approx(hi, abs=1e-6)


def test_rates_printed_without_counts_have_no_interval(tables):
    r = profile.category_rates(tables, "ostra-sodertorn", (2020, 2022), "municipality", "MIA Vidare Östra Södertörn")
    work = r[(r["outcome"] == "work") & (r["gender"] == "all")].set_index("category")
    # 'Haninge 10% | 10% 14% ...', 'Tyreso 24% | ...', 'Nynashamn| 11% ...'
    assert work["rate"].to_dict() == {"Haninge": 10, "Tyresö": 24, "Nynäshamn": 11}
    assert work["ci_low"].isna().all() and work["count"].isna().all()


def _pearson_by_hand(obs) -> float:
    """Pearson's chi-squared of a table of counts, from its margins."""
    rows = [sum(x) for x in obs]
    cols = [sum(x[j] for x in obs) for j in range(len(obs[0]))]
    total = sum(rows)
    return sum((obs[i][j] - rows[i] * cols[j] / total) ** 2 / (rows[i] * cols[j] / total)
               for i in range(len(obs)) for j in range(len(obs[0])))


def test_difference_across_three_municipalities(tables):
    r = profile.category_rates(tables, "ostra-sodertorn", 2022, "municipality", "MIA Vidare Östra Södertörn")
    d = profile.outcome_difference(r)
    # Pearson's chi-squared by hand on [[5, 26], [11, 20], [7, 18]]
    chi2 = _pearson_by_hand([[5, 26], [11, 20], [7, 18]])
    assert d["statistic"] == pytest.approx(chi2) and d["dof"] == 2
    assert d["p_value"] == pytest.approx(math.exp(-chi2 / 2))  # chi-squared survival with 2 df
    assert d["cramers_v"] == pytest.approx(math.sqrt(chi2 / 87))  # 31 + 31 + 25 exited
    assert d["min_expected"] == pytest.approx(25 * 23 / 87)
    assert not d["significant"] and d["verdict"] == "no_evidence" and d["test"] == "chi_squared"


def test_two_small_categories_use_fishers_exact_test():
    # 1 of 4 against 4 of 5: two-sided Fisher p by summing hypergeometric probabilities no larger
    # than the observed table's
    rates = pd.DataFrame(dict(category=["A", "B"], outcome="work_or_studies", gender="all", count=[1, 4],
                              exited=[4, 5], conflict=False))
    d = profile.outcome_difference(rates)
    k_total, n_a, n = 5, 4, 9

    def prob(x):
        return math.comb(n_a, x) * math.comb(n - n_a, k_total - x) / math.comb(n, k_total)

    observed = prob(1)
    p = sum(prob(x) for x in range(0, n_a + 1) if k_total - x <= n - n_a and prob(x) <= observed * (1 + 1e-7))
    assert d["test"] == "fisher"
    assert d["p_value"] == pytest.approx(p)


def test_contested_or_single_categories_are_not_tested():
    rates = pd.DataFrame(dict(category=["A", "B"], outcome="work_or_studies", gender="all", count=[1, 4],
                              exited=[4, 5], conflict=[False, True]))
    d = profile.outcome_difference(rates)
    assert d["categories"] == ["A"] and d["verdict"] == "untestable" and d["test"] == "none_few_categories"
    with pytest.raises(ValueError, match="unknown outcome"):
        profile.outcome_difference(rates, outcome="happiness")


def test_breakdowns_lists_what_the_data_hold(tables):
    b = profile.breakdowns(tables, "ostra-sodertorn")
    rr = b[(b["intervention"] == "Resursrådet") & (b["dimension"] == "municipality")].iloc[0]
    assert rr["categories"] == 3 and rr["by_gender"] and rr["metrics"] == "participants_new"


def test_the_profile_page_words_dimensions_categories_and_the_test_per_language(tables):
    from finsam.views.participant_profile import ParticipantProfile
    sv = ParticipantProfile(tables, "ostra-sodertorn", 2022, lang="sv")
    en = ParticipantProfile(tables, "ostra-sodertorn", 2022, lang="en")
    # dimension labels from vocabulary.csv, not codes
    assert "Kommun" in set(sv.breakdowns_table().index) and "Municipality" in set(en.breakdowns_table().index)
    assert "municipality" not in set(sv.breakdowns_table().index)
    # category labels from categories.csv: label_sv on the Swedish page, label_en on the English one
    comp_sv, comp_en = sv.composition_table(), en.composition_table()
    assert "Försörjningsstöd" in set(comp_sv["Kategori"]) and "Social assistance" in set(comp_en["Category"])
    # chi-squared on [[5, 26], [11, 20], [7, 18]] (see above): p = exp(-chi2 / 2), Nynäshamn 25 exited
    chi2 = _pearson_by_hand([[5, 26], [11, 20], [7, 18]])
    p = f"{math.exp(-chi2 / 2):.3f}"
    text_sv, text_en = sv.outcomes_text().data, en.outcomes_text().data
    assert f"Pearsons χ²-test, p\u00a0=\u00a0{p.replace('.', ',')}" in text_sv
    assert "inga belägg för att andelen skiljer sig mellan kategorierna på 5\u00a0%-nivån" in text_sv
    assert "Nynäshamn (n = 25)" in text_sv and "Nynäshamn (n = 25)" in text_en
    assert f"Pearson's chi-squared test, p\u00a0=\u00a0{p}" in text_en
    assert "no evidence that the rate differs across categories" in text_en


def test_a_share_uses_the_base_the_report_states(tables):
    # BHS 2018 footnote 5: "89 av totalt 234 nya deltagare som registrerats med uppgifter om tid i
    # offentlig försörjning": 89 / 234 = 38.03 %, the report's 38 %, not 89 of all 399 new (22.3 %)
    c = profile.composition(tables, "bhs", 2018, "support_duration").set_index("category")
    row = c.loc["mer än 3 år"]
    row = row[row["unit"] != "percent"].iloc[0]
    assert (row["total"], row["base"]) == (234, "declared")
    assert row["share_of_total"] == pytest.approx(100 * 89 / 234)
    base = c.loc["base"]
    assert base["value"] == 234 and np.isnan(base["share_of_total"])  # the base itself: no share


def test_no_share_where_the_report_states_no_base(tables):
    # Stig 2: "Utrikesfödda: 5 st", nothing says of how many: no share of the nearest total
    c = profile.composition(tables, "uppsala-lan", (2013, 2014), "birth_region", "Stig 2")
    assert c["share_of_total"].isna().all() and (c["base"] == "").all()
    # SamMA-Haninge's referrers add up to 4+12+24+8+0+13+6+3+8 = 78, its stated total is 80: the
    # total is not the table's, so no share
    c = profile.composition(tables, "ostra-sodertorn", (2020, 2022), "referrer", "SamMA-Haninge")
    c = c[c["metric"] == "participants"]
    assert c["value"].sum() == 78 and c["share_of_total"].isna().all()
    # United Action's age groups 64 + 39 = 103 = its participants: the table's total is the base
    c = profile.composition(tables, "uppsala-lan", (2013, 2014), "age_group", "United Action / UA 2.0")
    assert (c["base"] == "table_total").all() and c["share_of_total"].tolist() == pytest.approx(
        [100 * 64 / 103, 100 * 39 / 103])
