"""Participations are not persons (finsam.stats.persons): the conservative interval where a
rate's base counts participations and the report states the persons behind them. Expected values:
the Wilson formula written out here, and the report's figures (bhs 2018: 'Totalt 601 (624)
individer' against 'TOTALT 651' participations; exits 246 of which 90 to work or studies)."""

import math

import pytest

import finsam
from finsam.stats import persons as P
from oracles import wilson as wilson_by_hand




def test_n_participations_are_at_least_n_minus_the_surplus_persons():
    base = P.PersonsBase("participations", participations=651, persons=601)
    assert base.surplus == 50
    assert P.fewest_persons(246, base) == 196 and P.fewest_persons(30, base) == 1
    assert P.fewest_persons(246, P.PersonsBase("participations")) is None  # persons not stated
    assert P.fewest_persons(246, None) is None


def test_the_conservative_interval_is_wilson_with_the_persons_as_n():
    base = P.PersonsBase("participations", participations=651, persons=601)
    lo, hi, m = P.conservative_interval(90, 246, base)
    # the same rate 90/246 over 196 persons: k = 90 × 196 / 246
    elo, ehi = wilson_by_hand(90 * 196 / 246, 196)
    assert m == 196 and lo == pytest.approx(elo) and hi == pytest.approx(ehi)
    narrow = wilson_by_hand(90, 246)
    assert lo < narrow[0] and hi > narrow[1]  # wider than the participations' interval


def test_the_report_figures_give_the_base():
    t = finsam.load()
    b = P.persons_base(t, "bhs", (2018, 2018), "participations")
    assert (b.participations, b.persons) == (651, 601)
    assert P.persons_base(t, "bhs", (2018, 2018), "persons") is None  # a base of persons needs nothing


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_the_gender_page_puts_the_wider_interval_beside_the_interval(lang):
    from finsam.views.gender_outcomes import GenderOutcomes
    from finsam.views import fmt
    t = finsam.load()
    v = GenderOutcomes(t, "bhs", 2018, lang=lang)
    table = v.rates_table()
    cols = list(table.columns)
    ci, persons, wider = (v.tr(f"gender_outcomes.col.{c}") for c in ("ci", "persons_at_least", "ci_persons"))
    assert cols.index(persons) == cols.index(ci) + 1 and cols.index(wider) == cols.index(ci) + 2
    row = [r for (o, g), r in table.iterrows() if g == table.index[0][1] and r[v.tr("gender_outcomes.col.count")]
           == fmt.integer(90, lang)][0]
    elo, ehi = wilson_by_hand(90 * 196 / 246, 196)
    assert row[persons] == "196" and row[wider] == fmt.interval(100 * elo, 100 * ehi, lang)
    caveats = v.caveats().data
    assert "601" in caveats and "651" in caveats and ("n − 50" in caveats)
    # a page whose report does not state the persons behind its participations has no such column
    assert persons not in GenderOutcomes(t, "husam", 2012, lang=lang).rates_table().columns


def newcombe_by_hand(k1, n1, k2, n2):
    """Newcombe's hybrid score interval (method 10) from Wilson intervals written out here, in pp."""
    p1, p2 = k1 / n1, k2 / n2
    l1, u1 = wilson_by_hand(k1, n1)
    l2, u2 = wilson_by_hand(k2, n2)
    d = p1 - p2
    return 100 * (d - math.sqrt((p1 - l1) ** 2 + (u2 - p2) ** 2)), 100 * (d + math.sqrt((u1 - p1) ** 2 + (p2 - l2) ** 2))


def test_the_cautious_gap_interval_is_newcombe_with_each_side_at_its_fewest_persons():
    from statsmodels.stats.proportion import confint_proportions_2indep
    base = P.PersonsBase("participations", participations=150, persons=100)  # surplus 50
    lo, hi, m1, m2 = P.conservative_difference(20, 100, 30, 100, base)
    # 100 participations are at least 50 persons; the same rates 20 % and 30 % over 50: 10 and 15 of 50
    assert (m1, m2) == (50, 50)
    slo, shi = confint_proportions_2indep(10, 50, 15, 50, method="newcomb", compare="diff")
    assert lo == pytest.approx(100 * slo) and hi == pytest.approx(100 * shi)
    assert P.conservative_difference(20, 100, 30, 100, P.PersonsBase("participations"))[2] is None


def test_the_gender_gaps_page_uses_the_same_rule():
    """bhs 2018: women 44 of 127, men 45 of 115 exits (participations; 601 persons behind 651), so at
    least 127 − 50 = 77 and 115 − 50 = 65 persons; MIA Vidare's exits count persons: no row."""
    from finsam.stats.gaps import gap_groups, persons_gap_intervals
    from finsam.views.gender_gaps import GenderGaps
    from finsam.views import fmt
    t = finsam.load()
    p = persons_gap_intervals(gap_groups(t), t)
    assert list(p["association"]) == ["bhs"]
    r = p.iloc[0]
    elo, ehi = newcombe_by_hand(44 * 77 / 127, 77, 45 * 65 / 115, 65)
    assert (r["persons_women"], r["persons_men"]) == (77, 65)
    assert r["ci_low_pp"] == pytest.approx(elo) and r["ci_high_pp"] == pytest.approx(ehi)
    narrow = newcombe_by_hand(44, 127, 45, 115)
    assert elo < narrow[0] and ehi > narrow[1]
    for lang in ("en", "sv"):
        text = GenderGaps(t, lang=lang).intervals_text().data
        assert fmt.interval(elo, ehi, lang, "pp") in text
        assert all(x in text for x in ("601", "651", " 77 ", " 65 "))


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_the_overview_states_the_cautious_interval_and_where_the_persons_are_not_stated(lang):
    from finsam.views.overview import Overview
    from finsam.views import fmt
    t = finsam.load()
    caveats = Overview(t, lang=lang).caveats().data
    bhs = [line for line in caveats.splitlines() if "Botkyrka Huddinge Salem:" in line]
    elo, ehi = wilson_by_hand(90 * 196 / 246, 196)
    assert len(bhs) == 1 and fmt.interval(100 * elo, 100 * ehi, lang) in bhs[0]
    assert "196" in bhs[0] and "601" in bhs[0] and "651" in bhs[0]
    # HUSAM 2012: 261 exits counted in participations; the report states no persons behind them
    husam = [line for line in caveats.splitlines() if "HUSAM:" in line]
    assert len(husam) == 1 and "261" in husam[0] and fmt.interval(100 * elo, 100 * ehi, lang) not in husam[0]
    # Uppsala län and Östra Södertörn count persons: no such sentence
    assert not [line for line in caveats.splitlines() if "Uppsala län:" in line or "Östra Södertörn:" in line]
