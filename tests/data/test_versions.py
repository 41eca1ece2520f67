"""Versions of a count the report's own arithmetic rules out (finsam.data.versions). Expected
values are sums worked out by hand from the figures written here (or quoted from the report)."""
import math

import pytest

import finsam
from finsam.data.versions import Arithmetic, unusable

A = Arithmetic(exits="exited", reasons=("work", "studies", "jobseeking", "other"), remainder="other",
               everyone="all", genders=("women", "men", "unknown"))


def reasons(g, work, studies, jobseeking, other):
    return {(g, "work"): [work], (g, "studies"): [studies], (g, "jobseeking"): [jobseeking], (g, "other"): [other]}


# BHS 2018, work-oriented interventions: Table 1 gives exits 134 / 105 / 7 (all 246), Table 2 the
# reasons (women 34 10 47 36, men 33 12 33 37, not stated 1 0 1 2, all 68 22 81 75) and Diagram 11
# n = 127 and n = 115.
BHS = {("women", "exited"): [134, 127], ("men", "exited"): [105, 115], ("unknown", "exited"): [7],
       ("all", "exited"): [246],
       **reasons("women", 34, 10, 47, 36), **reasons("men", 33, 12, 33, 37), **reasons("unknown", 1, 0, 1, 2),
       **reasons("all", 68, 22, 81, 75)}


def as_set(us):
    return {(u.gender, u.value, u.rule, u.parts) for u in us}


def test_bhs_2018_versions_that_cannot_hold():
    # by hand: men 33+12+33+37 = 115 > 105; women 34+10+47+36 = 127 != 134 while everyone's
    # reasons 68+22+81+75 = 246 = everyone's exits (the table closes); not stated 1+0+1+2 = 4 != 7
    assert as_set(unusable(BHS, A)) == {("men", 105, "parts_exceed", 115), ("women", 134, "parts_sum", 127),
                                        ("unknown", 7, "parts_sum", 4)}


def test_a_single_version_stays_when_the_reasons_do_not_close_the_table():
    # 26 of 27 exits have a stated reason: the reasons may leave some exits out; 27 can hold
    stated = {("all", "exited"): [27], **reasons("all", 5, 2, 0, 19)}
    assert unusable(stated, A) == []
    # but a reason sum above the exits cannot hold, version or not
    assert as_set(unusable({("all", "exited"): [25], **reasons("all", 5, 2, 0, 19)}, A)) == {
        ("all", 25, "parts_exceed", 26)}


def test_without_the_remainder_a_smaller_sum_rules_out_nothing():
    stated = {("men", "exited"): [40, 50], ("men", "work"): [10], ("men", "studies"): [5]}
    assert unusable(stated, A) == []  # 15 <= 40 and 15 <= 50; no "other reasons": not every exit has a reason


def test_genders_that_add_up_to_more_than_everyone():
    # everyone 100; men 60 (one version); women 30 or 45: 45 + 60 = 105 > 100, 30 + 60 = 90 fits
    stated = {("all", "exited"): [100], ("men", "exited"): [60], ("women", "exited"): [30, 45]}
    (u,) = unusable(stated, A)
    assert (u.gender, u.value, u.rule, u.parts, u.whole) == ("women", 45, "genders_exceed", 60, 100)
    assert math.isnan(unusable({("all", "exited"): [25], ("all", "work"): [30]}, A)[0].whole)


def test_rates_and_gap_use_only_the_versions_that_hold():
    t = finsam.load()
    g = finsam.gender_gap(t, "bhs", 2018)
    assert len(g) == 1  # one version left of four (2 women × 2 men)
    # women (34 + 10)/127, men (33 + 12)/115, by hand
    assert g["women_rate"].iloc[0] == pytest.approx(100 * 44 / 127)
    assert g["men_rate"].iloc[0] == pytest.approx(100 * 45 / 115)
    assert g["difference_pp"].iloc[0] == pytest.approx(100 * (44 / 127 - 45 / 115))  # −4.48 pp
    r = finsam.outcome_rates(t, "bhs", 2018)
    assert set(r.loc[r["gender"] == "men", "exited"]) == {115}
    assert "unknown" not in set(r["gender"].astype(str))  # its only exits (7) cannot hold


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_pages_say_which_versions_are_not_used_and_why(lang):
    from finsam.views.gender_gaps import GenderGaps
    from finsam.views.gender_outcomes import GenderOutcomes
    t = finsam.load()
    caveats = GenderOutcomes(t, "bhs", 2018, lang=lang).caveats().data
    lines = GenderGaps(t, lang=lang).unusable()
    assert len(lines) == 3
    for text in (caveats, "\n".join(lines)):
        assert ": 105 —" in text and "115" in text
        assert ": 134 —" in text and "127" in text
        assert ": 7 —" in text


def test_a_reason_stated_twice_is_checked_against_the_exits():
    # men: work 10, studies 5, job seeking 20 or 30 (stated twice), other reasons 5; 40 exited.
    # by hand: 10+5+20+5 = 40 = exits, fits; 10+5+30+5 = 50 > 40 cannot hold
    stated = {("men", "exited"): [40], ("men", "work"): [10], ("men", "studies"): [5],
              ("men", "jobseeking"): [20, 30], ("men", "other"): [5]}
    (u,) = unusable(stated, A)
    assert (u.gender, u.metric, u.value, u.rule, u.parts, u.whole) == ("men", "jobseeking", 30, "part_version", 50, 40)


def test_reason_versions_that_both_fit_both_stay():
    # no "other reasons" row: 10+5+20 = 35 and 10+5+30 = 45 are both at most 50 exits; both hold
    stated = {("men", "exited"): [50], ("men", "work"): [10], ("men", "studies"): [5], ("men", "jobseeking"): [20, 30]}
    assert unusable(stated, A) == []
    # and where no version fits (both sums above 30 exits), the check cannot tell them apart: both stay
    # (the single exits version is what the reasons rule out)
    stated[("men", "exited")] = [30]
    assert as_set(unusable(stated, A)) == set()


def test_a_reason_version_ruled_out_lets_the_exits_be_checked():
    # women: reasons 34 10 47 36 with job seeking also stated as 57: 34+10+57+36 = 137 fits neither
    # 127 nor 134 exits (parts_sum: the other combination sums to 127, a stated version); 57 goes,
    # then the exits are checked as in BHS 2018: 134 != 127 cannot hold
    stated = {**BHS, ("women", "jobseeking"): [47, 57]}
    got = {(u.gender, u.metric, u.value, u.rule) for u in unusable(stated, A)}
    assert ("women", "jobseeking", 57, "part_version") in got
    assert ("women", "exited", 134, "parts_sum") in got


def test_unusable_in_checks_each_group_and_keeps_the_order_the_groups_first_appear():
    """unusable_in over a frame of facts is unusable per group (association, period, intervention,
    category), the groups in the order their first fact appears, whatever metric that fact is
    about; facts about other metrics change nothing."""
    import pandas as pd
    from finsam.data.versions import unusable_in
    t = finsam.load()
    a = finsam.data.versions.arithmetic(t.metrics, t.vocabulary)
    work, studies, jobseeking, other = a.reasons[:4]
    rows = [("x", "", "", "women", "participants", 50.0)]  # x first appears here, with a metric the rules ignore
    for g, exits, parts in (("men", 105, (33, 12, 33, 37)), ("women", 127, (34, 10, 47, 36))):  # y: men 115 > 105
        rows += [("y", "", "", g, a.exits, exits)] + [("y", "", "", g, m, v) for m, v in
                                                     zip((work, studies, jobseeking, other), parts)]
    rows += [("x", "", "", "women", a.exits, 30.0)] + [("x", "", "", "women", m, v) for m, v in
                                                      zip((work, studies, jobseeking, other), (10, 5, 10, 10))]
    rows += [("y", "referrer", "a", "men", a.exits, 1.0), ("y", "referrer", "a", "men", work, 2.0)]  # a category
    facts = pd.DataFrame([dict(association_id=assoc, period_start=2018, period_end=2018, intervention="ALL",
                               dimension=d, category=c, gender=g, metric=m, value=float(v), lines=f"L{i + 2}")
                          for i, (assoc, d, c, g, m, v) in enumerate(rows)])
    u = unusable_in(facts, t.metrics, t.vocabulary)
    # by hand: x women 10+5+10+10 = 35 > 30; y men 33+12+33+37 = 115 > 105; y's category: 2 > 1
    got = zip(u["association_id"], u["category"], u["gender"], u["value"], u["rule"], u["parts"], u["lines"])
    assert list(got) == [
        ("x", "", "women", 30.0, "parts_exceed", 35.0, "L13"), ("y", "", "men", 105.0, "parts_exceed", 115.0, "L3"),
        ("y", "a", "men", 1.0, "parts_exceed", 2.0, "L18")]
    others = facts[facts["metric"] == "participants"]
    assert unusable_in(pd.concat([facts, others, others]), t.metrics, t.vocabulary).equals(u)
