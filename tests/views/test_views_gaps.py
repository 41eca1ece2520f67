"""Gender gaps across groups on a small dataset written here: counts for one group, rounded
percentages for another; expected values worked out by hand (Newcombe's and Mantel–Haenszel's
formulas in test_inference.py, brute-force rounding)."""

import numpy as np
import pandas as pd
import pytest

from finsam.stats import gaps as sg
from finsam.views import gender_gaps as vg

from conftest import small_dataset
from oracles import mantel_haenszel as mh_by_hand, newcombe as newcombe_by_hand
from test_inference import rounding_brute_force

HEADER = ["source_id", "association_id", "period_start", "period_end", "intervention", "metric", "gender",
          "value", "unit", "quote", "note", "dimension", "category"]


def row(assoc, metric, gender, value, unit="persons"):
    source, year = {"bhs": ("bhs-2018", 2018), "husam": ("husam-2012", 2012)}[assoc]
    return [source, assoc, year, year, "ALL", metric, gender, value, unit, f"{metric} {gender} {value}", "", "", ""]


ROWS = [
    row("bhs", "participants_exited", "women", 20), row("bhs", "participants_exited", "men", 25),
    row("bhs", "exit_work_or_studies", "women", 8), row("bhs", "exit_work_or_studies", "men", 5),
    row("bhs", "exit_work", "women", 5), row("bhs", "exit_studies", "women", 3),
    row("bhs", "exit_jobseeking", "women", 7), row("bhs", "exit_other", "women", 5),
    row("bhs", "exit_work", "men", 3), row("bhs", "exit_studies", "men", 2),
    row("bhs", "exit_jobseeking", "men", 10), row("bhs", "exit_other", "men", 10),
    row("husam", "participants_exited", "women", 246), row("husam", "participants_exited", "men", 296),
    row("husam", "exit_work_or_studies_rate", "women", 37, "percent"),
    row("husam", "exit_work_or_studies_rate", "men", 39, "percent"),
]


@pytest.fixture(scope="module")
def mini(tmp_path_factory):
    return small_dataset(tmp_path_factory.mktemp("mini_gaps"), ROWS)


def test_groups_carry_counts_or_the_printed_percentage(mini):
    g = sg.gap_groups(mini).set_index("association")
    assert (g.loc["bhs", "k_women"], g.loc["bhs", "n_women"], g.loc["bhs", "k_men"], g.loc["bhs", "n_men"]) == (8, 20, 5, 25)
    assert pd.isna(g.loc["husam", "k_women"]) and g.loc["husam", "pct_women"] == 37
    assert (g.loc["husam", "n_women"], g.loc["husam", "pct_men"], g.loc["husam", "n_men"]) == (246, 39, 296)


def test_intervals_for_counts_and_ranges_for_rounded_percentages(mini):
    iv = sg.gap_intervals(sg.gap_groups(mini)).set_index("association")
    lo, hi = newcombe_by_hand(8, 20, 5, 25)
    b = iv.loc["bhs"]
    assert b["difference_pp_min"] == pytest.approx(40 - 20) == b["difference_pp_max"]
    assert b["ci_low_pp_min"] == pytest.approx(100 * lo) and b["ci_high_pp_max"] == pytest.approx(100 * hi)
    assert b["combinations"] == 1
    h = iv.loc["husam"]
    kw, km = rounding_brute_force(37, 246), rounding_brute_force(39, 296)
    diffs = [100 * (a / 246 - c / 296) for a in kw for c in km]
    assert h["combinations"] == len(diffs) == 9
    assert h["difference_pp_min"] == pytest.approx(min(diffs)) and h["difference_pp_max"] == pytest.approx(max(diffs))
    lows = [newcombe_by_hand(a, 246, c, 296)[0] for a in kw for c in km]
    assert h["ci_low_pp_min"] == pytest.approx(100 * min(lows))
    assert not h["evidence_any"]


def test_pooled_odds_ratio_is_the_range_over_consistent_counts(mini):
    p = sg.pooled_over_groups(sg.gap_groups(mini))
    ors = [mh_by_hand([(8, 20, 5, 25), (a, 246, c, 296)])[0]
           for a in rounding_brute_force(37, 246) for c in rounding_brute_force(39, 296)]
    assert p.loc["odds_ratio", "min"] == pytest.approx(min(ors))
    assert p.loc["odds_ratio", "max"] == pytest.approx(max(ors))
    assert int(p["combinations"].iloc[0]) == 9 and int(p["strata"].iloc[0]) == 2
    assert sg.pooled_over_groups(sg.gap_groups(mini).iloc[:1]) is None


def test_exit_reason_table_is_tested_whole(mini):
    tabs = sg.exit_reason_tables(mini)
    assert len(tabs) == 1
    key, versions, ruled_out = tabs[0]
    assert key == ("bhs", 2018, 2018, "ALL") and len(versions) == 1 and not ruled_out
    tab = versions[0]
    assert tab.loc["exit_jobseeking"].tolist() == [7, 10] and tab.loc["exit_other"].tolist() == [5, 10]
    t = np.array([[5, 3], [3, 2], [7, 10], [5, 10]])
    e = np.outer(t.sum(1), t.sum(0)) / t.sum()
    text = vg.GenderGaps(mini).exit_reason_text().data
    assert f"X² = {((t - e) ** 2 / e).sum():.1f} on 3 degrees of freedom" in text
    assert "Monte Carlo" in text  # expected counts 2.2 for studies: below 5


def test_no_evidence_is_never_written_as_no_difference(mini):
    text = vg.GenderGaps(mini).intervals_text().data
    assert "no evidence of a difference — which is not evidence of no difference" in text
    assert "would detect a gap only of about" in text


def test_the_swedish_page_words_the_same_results_in_swedish(mini):
    view = vg.GenderGaps(mini, lang="sv")
    text = view.intervals_text().data
    assert "inga belägg för en skillnad — vilket inte är belägg för att skillnaden saknas" in text
    assert "ingen skillnad" not in text
    assert "80\u00a0% styrka" in text
    # bhs: 20 women and 25 men exited, both below 30: the small groups are stated
    assert "Få avslutade: 20 kvinnor och 25 män" in text
    # husam: the rounded percentages stay ranges, one row per group with '37 % av 246 (avrundat)'
    table = view.intervals_table()
    assert list(table.columns)[0] == "Kvinnor" and table.index.name == "Grupp"
    husam = table.loc[[i for i in table.index if "2012" in i][0]]
    assert husam["Kvinnor"] == "37\u00a0% av 246 (avrundat)" and husam["Män"] == "39\u00a0% av 296 (avrundat)"
    kw, km = rounding_brute_force(37, 246), rounding_brute_force(39, 296)
    diffs = [100 * (a / 246 - c / 296) for a in kw for c in km]
    sv = lambda x: f"{x:+.1f}".replace(".", ",").replace("-", "\u2212")  # noqa: E731
    assert husam["Kvinnor − män (procentenheter)"] == f"{sv(min(diffs))} till {sv(max(diffs))}"
    t = np.array([[5, 3], [3, 2], [7, 10], [5, 10]])
    e = np.outer(t.sum(1), t.sum(0)) / t.sum()
    reasons = view.exit_reason_text().data
    assert f"X² = {((t - e) ** 2 / e).sum():.1f}".replace(".", ",") + " med 3 frihetsgrader" in reasons
    pooled = view.pooled_text().data
    assert "Mantel–Haenszel" in pooled and "Breslow–Day-testet" in pooled
    assert "få grupper ger testet liten styrka" in pooled


def test_group_labels_keep_names_and_word_the_rest_per_language(mini):
    key = ("bhs", 2018, 2018, "ALL")
    name = str(mini.associations.set_index("association_id").loc["bhs", "name"])
    assert vg.group_label(mini, key, "sv") == f"{name}, 2018, alla insatser"
    assert vg.group_label(mini, key, "en") == f"{name}, 2018, all interventions"
    assert vg.group_label(mini, ("bhs", 2016, 2018, "Steg 1"), "sv") == f"{name}, 2016–2018, Steg 1"


def contested_row(assoc, metric, gender, value):
    r = row(assoc, metric, gender, value)
    r[10] = f"conflict: Table 2 says {value} (this test states the figure twice)"
    return r


# bhs: the men's job seeking stated as 10 and 20; with "other reasons" the reasons cover every exit:
# 3 + 2 + 10 + 10 = 25 = the men's exits, 3 + 2 + 20 + 10 = 35 > 25: 20 cannot hold.
# husam: the men's job seeking stated as 30 and 50, no "other reasons" row: 25 + 15 + 30 = 70 and
# 25 + 15 + 50 = 90 both fit 296 exits: both versions hold and are tested.
CONTESTED = [r for r in ROWS if not (r[1] == "bhs" and r[5] == "exit_jobseeking" and r[6] == "men")] + [
    contested_row("bhs", "exit_jobseeking", "men", 10), contested_row("bhs", "exit_jobseeking", "men", 20),
    row("husam", "exit_work", "women", 30), row("husam", "exit_studies", "women", 20),
    row("husam", "exit_jobseeking", "women", 40), row("husam", "exit_work", "men", 25),
    row("husam", "exit_studies", "men", 15),
    contested_row("husam", "exit_jobseeking", "men", 30), contested_row("husam", "exit_jobseeking", "men", 50),
]


@pytest.fixture(scope="module")
def contested(tmp_path_factory):
    return small_dataset(tmp_path_factory.mktemp("contested_gaps"), CONTESTED)


def test_an_exit_reason_stated_twice_uses_only_the_versions_that_hold(contested):
    tabs = {key[0]: (versions, ruled_out) for key, versions, ruled_out in sg.exit_reason_tables(contested)}
    versions, ruled_out = tabs["bhs"]
    assert len(versions) == 1 and versions[0].loc["exit_jobseeking"].tolist() == [7, 10]
    (u,) = ruled_out
    assert (u.gender, u.metric, u.value, u.rule, u.parts, u.whole) == ("men", "exit_jobseeking", 20, "part_version",
                                                                        35, 25)
    versions, ruled_out = tabs["husam"]
    assert not ruled_out and sorted(int(v.loc["exit_jobseeking", "men"]) for v in versions) == [30, 50]


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_the_page_tests_each_version_and_says_which_is_not_used(contested, lang):
    from scipy.stats import chi2_contingency
    text = vg.GenderGaps(contested, lang=lang).exit_reason_text().data
    # husam: Pearson's X² of both tables, computed here by scipy
    stats = [chi2_contingency(np.array([[30, 25], [20, 15], [40, m]]), correction=False) for m in (30, 50)]
    lo, hi = sorted(s.statistic for s in stats)
    num = (lambda x: f"{x:.1f}") if lang == "en" else (lambda x: f"{x:.1f}".replace(".", ","))
    assert f"X² = {num(lo)} {'to' if lang == 'en' else 'till'} {num(hi)}" in text
    assert ("2 combinations of them fit" if lang == "en" else "2 kombinationer av dem stämmer") in text
    # bhs: 20 is named as not used, with the sum 35 and the exits 25
    assert ": 20 —" in text and "35" in text and "25)" in text
    assert ("Not used" if lang == "en" else "Används inte") in text
    assert "first stated" not in text and "först angivna" not in text


def test_a_reason_table_no_test_can_be_made_on_is_said_so(mini):
    """Where only one gender has exits (or only one reason), no test is possible: the page says so
    in words instead of naming a test that was not made (at national scale such tables occur)."""
    import dataclasses
    from finsam.data import semantics
    obs = mini.observations.copy()
    reasons = [o.count for o in semantics.outcomes(mini.metrics)]
    men = (obs["gender"] == semantics.MEN) & obs["metric"].isin(reasons)
    assert men.any()
    obs.loc[men, "value"] = 0
    one_gender = dataclasses.replace(mini, observations=obs)
    for lang, words in (("en", "no test is possible"), ("sv", "inget test är möjligt")):
        text = vg.GenderGaps(one_gender, lang=lang).exit_reason_text().data
        assert words in text and "X²" not in text.split(words)[0].rsplit("**", 2)[-1]


def _groups(rows):
    """A frame as gap_groups gives it, from (n_women, k_women or None, pct_women, n_men, k_men, pct_men)."""
    g = pd.DataFrame([dict(association=f"a{i % 3}", period_start=2018, period_end=2018, intervention=f"i{i}",
                           n_women=nw, k_women=kw, pct_women=pw, n_men=nm, k_men=km, pct_men=pm, conflict=i == 1,
                           unit="persons") for i, (nw, kw, pw, nm, km, pm) in enumerate(rows)])
    for c in ("k_women", "k_men"):
        g[c] = g[c].astype("Int64")
    return g


def test_every_group_at_once_is_each_group_on_its_own():
    """gap_intervals computes every group's pairs of counts at once: each row is what
    inference.difference_range gives for that group alone (rounded percentages, 0 % and 100 %,
    groups of one), in the groups' order and with their columns first."""
    from finsam.stats import inference as inf
    nan = np.nan
    g = _groups([(20, 8, nan, 25, 5, nan), (246, None, 37.0, 296, None, 39.0), (1, 0, nan, 1, 1, nan),
                 (3, 3, nan, 2, 0, nan), (40, None, 50.0, 13, 13, nan), (5, 0, nan, 8, 0, nan)])
    iv = sg.gap_intervals(g)
    assert list(iv.columns[:len(g.columns)]) == list(g.columns) and len(iv) == len(g)
    pd.testing.assert_frame_equal(iv[list(g.columns)], g, check_dtype=False)  # counts with NA: floats, as ever
    for i, r in g.iterrows():
        side = [dict(n=int(r[f"n_{x}"]), k=None if pd.isna(r[f"k_{x}"]) else int(r[f"k_{x}"]),
                     pct=None if pd.isna(r[f"pct_{x}"]) else float(r[f"pct_{x}"])) for x in ("women", "men")]
        alone = inf.difference_range(*side).set_index("quantity")
        for q in inf.RANGE_FIELDS:
            for b in ("min", "max"):
                assert iv.loc[i, f"{q}_{b}"] == alone.loc[q, b] or (np.isnan(iv.loc[i, f"{q}_{b}"])
                                                                    and np.isnan(alone.loc[q, b]))
        for c in ("combinations", "evidence_all", "evidence_any"):
            assert iv.loc[i, c] == alone[c].iloc[0]
    assert iv["combinations"].tolist()[:2] == [1, 9] and iv["detectable_pp_min"].isna().any()
    assert sg.gap_intervals(g.iloc[:0]).empty


def test_where_breslow_day_is_undefined_the_page_says_so_and_prints_no_warning(mini):
    """No one of a group leaving for work or studies empties a column of its table: its expected
    count is zero, Breslow–Day divides by it and is undefined. The page says that the test cannot
    be made (not 'no evidence'), and numpy's warning does not reach it."""
    import dataclasses
    import warnings
    obs = mini.observations.copy()
    bhs_rate = (obs["association_id"] == "bhs") & (obs["metric"] == "exit_work_or_studies")
    obs.loc[bhs_rate, "value"] = 0.0
    everyone = dataclasses.replace(mini, observations=obs)
    for lang, said, not_said in (("en", "the test cannot be made here", "no evidence that the gap differs"),
                                 ("sv", "testet kan inte göras här", "inga belägg för att skillnaden varierar")):
        with warnings.catch_warnings():
            warnings.simplefilter("error", RuntimeWarning)
            text = vg.GenderGaps(everyone, lang=lang).pooled_text().data
        assert said in text and not_said not in text


def test_the_answer_says_what_chance_alone_gives_and_what_the_groups_could_detect():
    """Each group's interval is a comparison of its own: with 20 or more, 5 % of them excluding zero
    by chance alone is at least one, and the answer says how many to expect. A difference that is
    not significant may exist: the answer gives the range the groups without evidence could detect
    (a group with evidence is not in it)."""
    from finsam.stats import brief as kf
    nan = np.nan
    few = _groups([(127, 44, nan, 115, 45, nan), (60, 30, nan, 60, 10, nan)])
    iv = sg.gap_intervals(few)
    k = kf.gender_gaps(iv)
    assert (k.groups, k.evidence) == (2, 1) and k.by_chance == pytest.approx(2 * 0.05)
    assert k.detectable == (iv.loc[0, "detectable_pp_min"], iv.loc[0, "detectable_pp_max"])  # the group without evidence
    many = _groups([(127, 44, nan, 115, 45, nan)] * 40)
    k = kf.gender_gaps(sg.gap_intervals(many))
    assert k.groups == 40 and k.by_chance == pytest.approx(2.0) and k.evidence == 0
    view = vg.GenderGaps.__new__(vg.GenderGaps)  # the sentences of a page whose groups are these
    for lang, chance, none in (("sv", "Med 40 jämförelser väntas omkring 2 statistiskt säkerställda skillnader",
                                "I ingen av dem är skillnaden statistiskt säkerställd."),
                               ("en", "With 40 comparisons, about 2 statistically significant differences",
                                "In none of them is the difference statistically significant.")):
        vg.View.__init__(view, None, lang)
        view.__dict__["intervals"] = sg.gap_intervals(many)
        text = view.in_brief().data
        assert chance in text and none in text
        view.__dict__["intervals"] = iv  # one of two groups significant, none depending on versions
        text = view.in_brief().data
        assert chance.split(" 40 ")[0] + " 2 " not in text and none not in text
        assert ("I 1 av dem är skillnaden statistiskt säkerställd." if lang == "sv" else
                "In 1 of them the difference is statistically significant.") in text
        assert ("beror det" if lang == "sv" else "depends") not in text


def test_with_more_groups_than_a_page_words_only_the_notable_ones_are_described(mini, monkeypatch):
    """A national page has thousands of groups: above finsam.stats.gaps.LISTED_IN_FULL only the
    groups whose difference is significant (or depends on the versions) are worded, with how many
    groups there are and how many chance alone would make significant; the table keeps every group."""
    assert sg.listed([False, True]) == [True, True]  # few groups: every one
    many = [i % 7 == 0 for i in range(sg.LISTED_IN_FULL + 1)]
    assert sg.listed(many) == many and sg.by_chance(40) == pytest.approx(2.0)
    full = {lang: (vg.GenderGaps(mini, lang=lang).intervals_text().data,
                   vg.GenderGaps(mini, lang=lang).exit_reason_text().data) for lang in ("sv", "en")}
    monkeypatch.setattr(sg, "LISTED_IN_FULL", 0)  # the mini data as if it had many groups (none is significant)
    for lang, said, reasons in (("sv", "Av 2 grupper beskrivs här bara de 0 där", "Här beskrivs bara de 0 där"),
                                ("en", "Of 2 groups, only the 0 whose", "Only the 0 where")):
        view = vg.GenderGaps(mini, lang=lang)
        text = view.intervals_text().data
        assert said in text and "Botkyrka" not in text and "Botkyrka" in full[lang][0]
        assert len(view.intervals_table()) == 2
        text = view.exit_reason_text().data
        assert reasons in text and "X²" not in text and "X²" in full[lang][1]
