"""How a value is recognised in its quote: as a whole number token, allowing thousands
separators, decimal commas and tkr/mkr scaling, never as a digit inside a longer number."""
import pandas as pd
import pytest

from finsam.data.provenance import SourceText, printed_numbers, value_in_quote


@pytest.mark.parametrize("value,quote,expected", [
    (651, "Totalt hade insatserna 651 deltagare", True),
    (368, "TOTALT 651 368 270 13", True),  # flattened table row: each number counts
    (651368, "TOTALT 651 368 270 13", True),  # ... and so does a thousands-separated reading
    (0, "kvinnor och 30 män varav inga", False),  # a digit inside 30 is not the number 0
    (13, "213 deltagare", False),
    (21089700, "Summa kostnader 21 089,7", True),  # tkr with a decimal comma
    (2500000, "cirka 2,5 mkr", True),
    (37, "fick 37 % ett arbete", True),
    (37.5, "andelen var 37,5 procent", True),
    (109, "2 109,9 tkr", False),
    (884421, "Arets resultat -884 421", True),
])
def test_value_in_quote(value, quote, expected):
    got = value_in_quote(pd.Series([float(value)]), pd.Series([quote])).iloc[0]
    assert got is expected or got == expected


def test_printed_numbers_of_a_table_row():
    assert {"651", "368", "651368", "368270", "270"} <= printed_numbers("X 651 368 270")
    assert "0" not in printed_numbers("30")


def test_source_text_finds_many_quotes_in_one_pass():
    text = "Rad ett 12 deltagare\nRad två 7 kvinnor och 5 män\n"
    found = SourceText(text).find(["ett 12", "7 kvinnor och 5", "deltagare\nRad", "saknas 9"])
    assert found == {"ett 12", "7 kvinnor och 5"}  # a quote never spans a line break
