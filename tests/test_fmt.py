"""Swedish and English number formats; the expected strings are written out by hand."""
import math

import pytest

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


def test_kronor_in_thousands_and_millions():
    assert fmt.sek(12_345_678, "sv") == f"12,3{NB}mnkr"
    assert fmt.sek(12_345_678, "en") == f"SEK{NB}12.3 million"
    assert fmt.sek(458_000, "sv") == f"458{NB}tkr"
    assert fmt.sek(1_458_000, "sv", scale="tkr") == f"1{NB}458{NB}tkr"
    assert fmt.sek(458_000, "en") == f"SEK{NB}458 thousand"
    assert fmt.sek(9_500, "sv") == f"9{NB}500{NB}kr"
    with pytest.raises(ValueError, match="unknown scale"):
        fmt.sek(1, "sv", scale="bn")


@pytest.mark.parametrize("missing", [None, float("nan"), math.nan])
def test_missing_values_print_as_a_dash(missing):
    for f in (fmt.integer, fmt.percent, fmt.sek):
        assert f(missing, "sv") == "\u2013"
    assert fmt.value(missing, "persons", "en") == "\u2013"


def test_value_by_unit():
    assert fmt.value(1009, "persons", "sv") == f"1{NB}009"
    assert fmt.value(36.63, "percent", "en") == "36.6%"
    assert fmt.value(2_500_000, "sek", "sv") == f"2,5{NB}mnkr"
    assert fmt.value(1.25, "ratio", "sv") == "1,25"


def test_unknown_language_is_rejected():
    with pytest.raises(ValueError, match="unknown language 'de'"):
        fmt.number(1, "de")
