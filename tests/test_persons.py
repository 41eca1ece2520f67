"""Participations are not persons (finsam.stats.persons): the conservative interval where a
rate's base counts participations and the report states the persons behind them. Expected values:
the Wilson formula written out here, and the report's figures (bhs 2018: 'Totalt 601 (624)
individer' against 'TOTALT 651' participations; exits 246 of which 90 to work or studies)."""

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
