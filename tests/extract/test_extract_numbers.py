"""Numbers in a line and their values: Swedish digit grouping, decimal comma, percentages, money
in kronor, tkr and mkr, number words; and quotes that print the number and pass provenance."""
from __future__ import annotations

import pandas as pd
import pytest

from finsam.extract.candidates import quote_span, scaled_value
from finsam.extract.features import cells, document_tokens
from finsam.extract.numbers import tokens
from finsam.data.provenance import SourceText, value_in_quote


def _readings(line: str) -> list[tuple[str, float, str, float]]:
    return [(t.text, t.value, t.unit_class, t.scale) for t in tokens(line)]


@pytest.mark.parametrize("line,text,value,unit,scale", [
    ("Totalt 1 009 deltagare", "1 009", 1009, "", 1),
    ("Totalt 1\u00a0009 deltagare", "1\u00a0009", 1009, "", 1),  # no-break space
    ("Totalt 1\u202f009 deltagare", "1\u202f009", 1009, "", 1),  # narrow no-break space
    ("Totalt 1\u2009009 deltagare", "1\u2009009", 1009, "", 1),  # thin space
    ("kostnaden var 10,7 mkr i år", "10,7", 10.7, "money", 1e6),
    ("utfall 1 009 tkr", "1 009", 1009, "money", 1e3),
    ("uppgick till 21,1 miljoner kronor", "21,1", 21.1, "money", 1e6),
    ("uppgick till 4 500 kronor", "4 500", 4500, "money", 1),
    ("40 procent gick till arbete", "40", 40, "percent", 1),
    ("andelen var 37,5 % av de avslutade", "37,5", 37.5, "percent", 1),
    ("en ökning med 5 procentenheter", "5", 5, "points", 1),
    ("Resultat\t-1 992,8\t1 077,5", "-1 992,8", -1992.8, "", 1),
    ("finansierade tio insatser", "tio", 10, "", 1),
])
def test_a_number_and_its_unit(line, text, value, unit, scale):
    assert (text, value, unit, scale) in _readings(line)


def test_every_figure_of_a_sentence_is_a_reading():
    line = "183 personer, varav 97 kvinnor och 86 män"
    assert [t.value for t in tokens(line)] == [183, 97, 86]


def test_a_flattened_table_row_offers_each_reading_of_its_digit_groups():
    values = {t.value for t in tokens("TOTALT 651 368 270")}
    assert {651, 368, 270, 651368, 368270, 651368270} <= values
    # cells: thousands where the first group has at most three digits; a four-digit group starts a cell
    line = "Kansli 1511 1665 154"
    assert [line[a:b] for a, b in cells(line)] == ["1511", "1665", "154"]
    line = "Summa 22 802 353 22 000 000"
    assert [line[a:b] for a, b in cells(line)] == ["22 802 353", "22 000 000"]


def test_not_numbers():
    assert tokens("H3 och 2x, lag 2003:1210") and all(t.value in (2003, 1210) for t in tokens("lag 2003:1210"))
    assert [t.text for t in tokens("den 2013-01-01")] == ["2013"]  # a date's month and day are no readings
    assert not tokens("ett H3-ärende")


@pytest.mark.parametrize("number,unit_class,scale,money,context,expected", [
    (10.7, "money", 1e6, True, "", 10_700_000),
    (1009, "money", 1e3, True, "1000", 1_009_000),  # the number's own unit word wins over the context
    (114, "", 1, True, "1000", 114_000),  # a table in tkr
    (2.5, "", 1, True, "1e+06", 2_500_000),
    (40, "percent", 1, False, "", 40),
    (836, "", 1, False, "1000", 836),  # a count is never scaled
])
def test_values_are_scaled_to_kronor(number, unit_class, scale, money, context, expected):
    assert scaled_value(number, unit_class, scale, money, context)[0] == pytest.approx(expected)


LINES = ["- Totalt har Samordningsförbundet haft 836 deltagare/ärenden i tio insatser under året. Av dessa har "
         "minst 443 fått individuellt stöd.",
         "Kostnaderna för verksamhet under året har uppgått till 10,7 mkr. Intäkterna uppgick till 8,6 mkr.",
         "Kvinnor 34 10 47 36",
         "Under året avslutade 246 deltagare en insats (år 2017 avslutades 296 deltagare), varav 90 personer "
         "motsvarande 37 procent gick till arbete eller studier och ytterligare 81 personer, 33 procent, blev "
         "aktivt arbetssökande, medan övriga 75 personer avslutades av andra skäl enligt tabell 2 på sidan 14."]


def test_quotes_print_their_number_and_pass_the_provenance_check():
    toks = document_tokens(LINES)
    source = SourceText("\n".join(LINES))
    quotes, values, money = [], [], []
    for _, t in toks[~toks["word"]].iterrows():
        line = LINES[t["line"] - 1]
        a, b = quote_span(line, t["start"], t["unit_end"])
        q = line[a:b]
        assert a <= t["start"] and t["end"] <= b and len(q) <= max(160, len(line.strip()))
        quotes.append(q)
        # the value a candidate carries: money in kronor by its own unit word ("10,7 mkr" is 10 700 000)
        is_money = str(t["unit_class"]).startswith("money")
        values.append(abs(scaled_value(t["number"], str(t["unit_class"]), t["scale"], is_money, "")[0]))
        money.append(is_money)
    assert source.find(quotes) == set(quotes)
    assert value_in_quote(pd.Series(values), pd.Series(quotes), pd.Series(money)).all()
    a, b = quote_span(LINES[1], LINES[1].index("10,7"), LINES[1].index("10,7") + 8)
    assert LINES[1][a:b] == "Kostnaderna för verksamhet under året har uppgått till 10,7 mkr."


def test_the_readers_percent_class_is_the_vocabularys():
    from finsam.data import semantics
    from finsam.extract import numbers
    assert numbers.PERCENT_CLASS == semantics.PERCENT_CLASS
