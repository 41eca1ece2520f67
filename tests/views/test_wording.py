"""Rules for what a sentence may say about a change, and whom a count counts."""
import pytest

import finsam
from finsam.stats.wording import change, noun, segments


def test_a_rate_changes_in_percentage_points_never_percent():
    c = change(54.0, 78.0, "percent")
    assert c["kind"] == "pp" and c["difference"] == 24.0 and c["relative"] is None
    assert c["why_no_relative"] == "rate"


@pytest.mark.parametrize("first,last,why", [(-884_000, 1_250_000, "sign_change"), (1_000, -5, "sign_change"),
                                            (-3_017_000, -3_566_000, "not_positive"), (0, 10, "not_positive")])
def test_no_percent_change_for_a_value_that_is_zero_negative_or_changes_sign(first, last, why):
    c = change(first, last, "money")
    assert c["relative"] is None and c["why_no_relative"] == why
    assert c["difference"] == last - first


def test_percent_change_between_two_positive_values():
    c = change(200, 250, "money")
    assert c["relative"] == pytest.approx(25.0) and c["why_no_relative"] == ""


def test_series_break_at_gaps_and_at_a_change_of_association():
    years = [2011, 2012, 2017, 2018, 2019]
    assoc = ["husam", "husam", "bhs", "bhs", "bhs"]
    assert segments(years, assoc) == [[2011, 2012], [2017, 2018, 2019]]
    assert segments([2012, 2013], ["husam", "bhs"]) == [[2012], [2013]]


def test_count_nouns_come_from_the_vocabulary():
    t = finsam.load()
    assert noun(t, "persons") == "people"
    assert noun(t, "participations") == "participations"
    with pytest.raises(KeyError):
        noun(t, "sek")


def test_rounded_percentages_bound_the_gender_split():
    from finsam.data.rounding import splits as consistent_splits
    # 2 of 5 exits; women 50 %, men 33 %: worked by hand, only 1 of 2 women and 1 of 3 men fit
    # (1 of 1 woman is 100 %, 1 of 3 women 33 %, 2 of 4 women leave 0 of 1 man = 0 %)
    assert consistent_splits(5, 2, 50, 33) == [(1, 2)]
    # no split of 3 exits gives 10 % and 90 %
    assert consistent_splits(3, 1, 10, 90) == []


def test_a_gender_without_exits_gets_no_test_instead_of_an_error():
    import pandas as pd

    from finsam.stats.rates import gap_from_rates
    rates = pd.DataFrame(dict(outcome=["work_or_studies"] * 2, gender=["women", "men"], exited=[0, 45],
                              count=[0, 12], rate=[float("nan"), 100 * 12 / 45], conflict=[False, False]))
    g = gap_from_rates(rates)
    assert len(g) == 1 and g["test"].iloc[0] == "none" and "no exits" in g["verdict"].iloc[0]
