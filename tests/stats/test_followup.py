"""Follow-up non-response (finsam.stats.followup): a follow-up rate is of those who answered; where
the report states how many the follow-up should have reached, the rate over all of them lies
between two bounds from counts, else the page says the non-response is unknown. Expected values by
hand from the report's figures (bhs 2018 line 831: '78 % (32 av 41 svarande)')."""
import dataclasses

import pandas as pd
import pytest

import finsam
from finsam.data import semantics
from finsam.stats import followup as F

FOLLOWUP_WORK_RATE = "followup_work_rate"  # not vocabulary-checked names: the metrics are looked up below
EXIT_RATE = semantics.WORK_OR_STUDIES_RATE


def test_bounds_are_all_non_responders_failing_or_succeeding():
    # 32 of 41 answered; had 60 been reached: 19 did not answer -> 32/60 and (32 + 19)/60
    assert F.nonresponse_bounds(32, 41, 60) == pytest.approx((100 * 32 / 60, 100 * 51 / 60))
    assert F.nonresponse_bounds(32, 41, 41) == pytest.approx((100 * 32 / 41, 100 * 32 / 41))  # no non-response
    for bad in ((42, 41, 60), (32, 61, 60), (0, 0, 0)):
        with pytest.raises(ValueError):
            F.nonresponse_bounds(*bad)


def _with_targeted(t, targeted: int):
    """The tables with a metric of those the follow-up should reach and one stated value of it for
    bhs 2018 (a hand-made addition: no report states one)."""
    m = t.metrics
    row = {c: pd.NA for c in m.columns}
    row.update(metric="followup_targeted", unit=semantics.PERSONS, metric_kind="count", timing="followup",
               label_sv="Skulle följas upp", label_en="To be followed up", description_sv="x", description_en="x")
    metrics = pd.concat([m.astype(object), pd.DataFrame([row], dtype=object)], ignore_index=True)
    o = t.observations.astype({"metric": str})
    respondents = semantics.rate_parts(t.metrics)[FOLLOWUP_WORK_RATE][1]
    r = o[(o["metric"] == respondents) & (o["association_id"].astype(str) == "bhs")].iloc[[0]].copy()
    r["metric"], r["value"] = "followup_targeted", float(targeted)
    obs = pd.concat([o, r])
    return dataclasses.replace(t, metrics=metrics, observations=obs)


def test_the_reports_state_no_reached_count_so_the_rate_has_no_bounds():
    t = finsam.load()
    assert F.targeted_metric(t.metrics) is None
    [r] = F.followup_nonresponse(t, "bhs", FOLLOWUP_WORK_RATE)
    assert (r.year, r.k, r.followed, r.stated, r.bounds) == (2018, 32, 41, False, None)
    assert F.followup_nonresponse(t, "bhs", EXIT_RATE) == []  # measured at exit: nothing to bound


def test_where_the_reached_count_is_stated_the_bounds_come_from_it():
    t = _with_targeted(finsam.load(), 60)
    assert F.targeted_metric(t.metrics) == "followup_targeted"
    [r] = F.followup_nonresponse(t, "bhs", FOLLOWUP_WORK_RATE)
    assert r.targeted == 60 and r.bounds == pytest.approx((100 * 32 / 60, 100 * 51 / 60))


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_the_trend_page_says_the_non_response_is_not_stated(lang):
    from finsam.views.yearly_trend import YearlyTrend
    import finsam.texts as i18n
    t = finsam.load()
    view = YearlyTrend(t, "bhs", FOLLOWUP_WORK_RATE, lang=lang)
    # in full under the method, and in a few words in the page's answer
    said = i18n.t("yearly_trend.nonresponse_not_stated", lang, year=2018, k_of_n="32 of 41" if lang == "en" else "32 av 41")
    assert said in view.about().data
    assert i18n.t("yearly_trend.care.nonresponse_unstated", lang, years=2018) in view.summary().data
    head = i18n.t("yearly_trend.nonresponse_not_stated", lang, year=0, k_of_n="").split("(")[0]
    other = YearlyTrend(t, "bhs", EXIT_RATE, lang=lang)
    assert head not in other.about().data and head not in other.summary().data


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_where_the_reached_count_is_stated_the_answer_says_those_not_reached_can_move_the_rate(lang):
    from finsam.views.yearly_trend import YearlyTrend
    import finsam.texts as i18n
    view = YearlyTrend(_with_targeted(finsam.load(), 60), "bhs", FOLLOWUP_WORK_RATE, lang=lang)
    summary = view.summary().data
    assert i18n.t("yearly_trend.care.nonresponse_bounded", lang, years=2018) in summary
    assert i18n.t("yearly_trend.care.nonresponse_unstated", lang, years=2018) not in summary
