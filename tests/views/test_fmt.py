"""Swedish and English number formats; the expected strings are written out by hand."""
import math

import pytest

from finsam.data import semantics
from finsam.views import fmt

NB = "\u00a0"


@pytest.mark.parametrize("value,decimals,sv,en", [
    (1009, 0, f"1{NB}009", "1,009"),
    (1234567, 0, f"1{NB}234{NB}567", "1,234,567"),
    (999, 0, "999", "999"),
    (0, 0, "0", "0"),
    (36.64, 1, "36,6", "36.6"),
    (1009.5, 1, f"1{NB}009,5", "1,009.5"),
    (-1500, 0, f"\u22121{NB}500", "-1,500"),
    (-0.04, 1, "0,0", "0.0"),  # no negative zero
])
def test_number(value, decimals, sv, en):
    assert fmt.number(value, "sv", decimals) == sv
    assert fmt.number(value, "en", decimals) == en


def test_percent_has_a_space_in_swedish_and_none_in_english():
    assert fmt.percent(36.6, "sv") == f"36,6{NB}%"
    assert fmt.percent(36.6, "en") == "36.6%"
    assert fmt.percent(100, "sv", 0) == f"100{NB}%"


def scales():
    from finsam.data.load import load
    return semantics.scales(load().vocabulary)


def test_kronor_in_the_scale_vocabulary_csv_declares():
    s = scales()
    assert fmt.sek(12_345_678, "sv", s["mnkr"]) == f"12{NB}mnkr"
    assert fmt.sek(1_234_567, "sv", s["mnkr"]) == f"1,2{NB}mnkr"
    assert fmt.sek(1_234_567, "en", s["mnkr"]) == f"SEK{NB}1.2 million"
    assert fmt.sek(1_458_000, "sv", s["tkr"]) == f"1{NB}458{NB}tkr"
    assert fmt.sek(7_900, "sv", s["tkr"]) == f"7,9{NB}tkr"
    assert fmt.sek(-884_000, "sv", s["tkr"]) == f"\u2212884{NB}tkr"
    assert fmt.sek(458_000, "en", s["tkr"]) == f"SEK{NB}458 thousand"
    assert fmt.sek(9_500, "sv", s["kr"]) == f"9{NB}500{NB}kr"
    assert fmt.sek(9_500, "en", s["kr"]) == f"SEK{NB}9,500"
    assert fmt.sek(1_458_000, "sv", s["tkr"], decimals=1) == f"1{NB}458,0{NB}tkr"


def test_an_amount_of_money_is_shown_in_its_metrics_scale_everywhere():
    from finsam.data.load import load
    t = load()
    money = set(semantics.money_units(t.vocabulary))
    for m, unit in zip(t.metrics["metric"].astype(str), t.metrics["unit"].astype(str)):
        if unit in money:
            scale = semantics.display_scale(t.metrics, t.vocabulary, m)
            assert fmt.format_value(21_089_700, unit, "sv", t, m) == fmt.sek(21_089_700, "sv", scale)
        else:
            with pytest.raises(KeyError, match="no display_scale"):
                semantics.display_scale(t.metrics, t.vocabulary, m)
    with pytest.raises(ValueError, match="name the metric"):
        fmt.format_value(1, semantics.SEK, "sv", t)
    assert semantics.finest_scale(t.vocabulary).factor == 1


@pytest.mark.parametrize("missing", [None, float("nan"), math.nan])
def test_missing_values_print_as_a_dash(missing):
    for f in (fmt.integer, fmt.percent):
        assert f(missing, "sv") == "\u2013"
    assert fmt.sek(missing, "sv", scales()["tkr"]) == "\u2013"


def test_unknown_language_is_rejected():
    with pytest.raises(ValueError, match="unknown language 'de'"):
        fmt.number(1, "de")
