"""Follow-up and exit measures are not mixed, and a follow-up rate with counts has its interval.
Expected numbers are worked out by hand from the report figures quoted here."""

import pytest

import finsam
from finsam.stats.findings import association_comparison, headline, overview_rows
from oracles import wilson_pct as wilson_by_hand




@pytest.mark.parametrize("lang", ["sv", "en"])
def test_a_follow_up_rate_with_counts_shows_its_interval(lang):
    from finsam.views import fmt
    from finsam.views.yearly_trend import YearlyTrend
    # BHS 2018: "78 % (32 av 41 svarande)" working 12 months after exit
    lo, hi = wilson_by_hand(32, 41)
    assert (round(lo, 1), round(hi, 1)) == (63.3, 88.0)
    v = YearlyTrend(finsam.load(), "bhs", "followup_work_rate", lang=lang)
    assert fmt.interval(lo, hi, lang) in v.table().to_csv()
    assert fmt.interval(lo, hi, lang) in v.summary().data


def test_a_total_of_exit_and_follow_up_outcomes_is_flagged_and_not_compared():
    t = finsam.load()
    # HUSAM 2012: 102 of 261 = Husamrådet 11/85 + Samverkansteam 5/24 + Slussen 66/92 + Utijobb 13/43
    # (at exit) + Lyra 7/17 (12 months after exit)
    assert 11 + 5 + 66 + 13 + 7 == 102 and 85 + 24 + 92 + 43 + 17 == 261
    h = headline(t, "husam", 2012)
    assert h.count == [102] and h.exited == [261] and h.mixed_timing
    assert not headline(t, "bhs", 2018).mixed_timing
    rows = overview_rows(t)
    cmp = association_comparison(rows)
    assert "husam" not in set(rows.loc[rows["name"].isin(cmp["names"]), "association"])
    assert len(cmp["names"]) == len(rows) - 1
    from finsam.views.gender_outcomes import GenderOutcomes
    for lang, words in (("sv", "blandar två mått"), ("en", "mixes two measures")):
        assert words in GenderOutcomes(t, "husam", 2012, lang=lang).caveats().data
        assert words not in GenderOutcomes(t, "bhs", 2018, lang=lang).caveats().data


def test_outcomes_measured_after_exit_use_follow_up_metrics():
    # Grön Rehab: "Fortsatt arbetslivsriktad rehabilitering ett år efter projektavslut: 48% eller 62 personer"
    o = finsam.load().observations
    g = o[(o["intervention"] == "Grön Rehab") & o["quote"].str.contains("efter projektavslut|målet 55", regex=True)]
    assert len(g) and set(g["metric"].astype(str)) <= {"followup_continued_rehab", "followup_continued_rehab_rate",
                                                       "followup_work_or_studies", "followup_work_or_studies_rate"}


def test_a_long_table_reaches_the_page_whole():
    # the Östra Södertörn composition table has 162 rows; pandas would cut it to 10 with "…"
    from finsam.views.participant_profile import ParticipantProfile
    t = ParticipantProfile(finsam.load(), "ostra-sodertorn", 2022, lang="en").composition_table()
    assert len(t) > 60
    html = t._repr_html_()
    assert "rows ×" not in html and html.count("<tr>") >= len(t)
