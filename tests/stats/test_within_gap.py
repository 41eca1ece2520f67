"""The gender gap within interventions (Mantel–Haenszel) beside the crude gap and the gap the mix
alone predicts; expected values worked out by hand below."""
import pandas as pd
import pytest

import finsam
from finsam.stats import inference as inf
from finsam.stats.gaps import within_intervention_gaps

# two interventions: A women 10/20, men 5/30; B women 30/100, men 8/20
STRATA = [(10, 20, 5, 30), (30, 100, 8, 20)]


def test_within_group_gap_by_hand():
    w = inf.within_group_gap(STRATA)
    # crude: 40/120 − 13/50 = 33.33 − 26.00
    assert w.crude_pp == pytest.approx(100 * (40 / 120 - 13 / 50))
    # MH risk difference: A (10·30 − 5·20)/50 = 4, weight 20·30/50 = 12; B (30·20 − 8·100)/120 = −5/3,
    # weight 100·20/120 = 50/3; (4 − 5/3) / (12 + 50/3)
    assert w.mantel_haenszel_pp == pytest.approx(100 * (4 - 5 / 3) / (12 + 50 / 3))
    # the mix alone: rates A 15/50, B 38/120; women (20·0.3 + 100·38/120)/120, men (30·0.3 + 20·38/120)/50
    women = (20 * 0.3 + 100 * 38 / 120) / 120
    men = (30 * 0.3 + 20 * 38 / 120) / 50
    assert w.mix_pp == pytest.approx(100 * (women - men))
    assert w.strata == 2 and w.pooled.strata == 2
    with pytest.raises(ValueError):
        inf.within_group_gap(STRATA[:1])


def _groups(interventions):
    rows = [dict(association="bhs", period_start=2018, period_end=2018, intervention=i, n_women=nw, k_women=kw,
                 pct_women=float("nan"), n_men=nm, k_men=km, pct_men=float("nan"), conflict=False)
            for i, (kw, nw, km, nm) in zip(interventions, STRATA)]
    g = pd.DataFrame(rows)
    for c in ("k_women", "k_men"):
        g[c] = g[c].astype("Int64")
    return g


def test_found_for_non_overlapping_interventions_only():
    t = finsam.load()
    found = within_intervention_gaps(_groups(["START", "Slussen"]), t)
    assert len(found) == 1 and found[0]["interventions"] == ["START", "Slussen"]
    # an aggregate overlaps its parts: it is no stratum of its own
    assert within_intervention_gaps(_groups(["START", "Arbetslivsinriktade insatser (totalt)"]), t) == []
    assert within_intervention_gaps(finsam.stats.gaps.gap_groups(t), t) == []  # the data hold none today


@pytest.mark.parametrize("lang,words", [("sv", "Mantel–Haenszel"), ("en", "Mantel–Haenszel")])
def test_the_page_words_it_or_says_why_not(lang, words):
    from finsam.views import fmt
    from finsam.views.gender_gaps import GenderGaps
    v = GenderGaps(finsam.load(), lang=lang)
    assert words in v.within_text() and "{" not in v.within_text()
    v.groups = _groups(["START", "Slussen"])
    text = v.within_text()
    w = inf.within_group_gap(STRATA)
    for x in (w.crude_pp, w.mantel_haenszel_pp, w.mix_pp):
        assert fmt.signed(x, lang, 1) in text
