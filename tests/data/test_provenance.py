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
    # issue 27: the quote's own unit and decimal position decide the value
    (20200000, "uppgick till 20,2 mkr", True),
    (202000000, "uppgick till 20,2 mkr", False),
    (2020000, "uppgick till 20,2 mkr", False),
    (202, "uppgick till 20,2 mkr", False),
    (20.2, "uppgick till 20,2 mkr", False),
    (73.9, "andelen var 73,9%", True),
    (7.39, "andelen var 73,9%", False),
    (739, "andelen var 73,9%", False),
    (20, "kostnaden 20 tkr", False),
    (20000, "kostnaden 20 tkr", True),
    (5000, "5 kr per deltagare", False),
    (12, "12 st deltagare", True),
    (12000, "12 st deltagare", False),
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


def test_a_figure_printed_without_a_unit_is_scaled_only_when_it_is_money():
    q = pd.Series(["Summa 21 089,7"] * 2)
    got = value_in_quote(pd.Series([21089700.0, 21089700.0]), q, money=pd.Series([True, False]))
    assert list(got) == [True, False]  # tkr for a money row; a count is as printed


def test_an_ocr_reading_in_the_note_must_keep_the_digits():
    from finsam.data.provenance import ocr_reading_holds
    quote = "Intikter ESF 51159 3 057,2"
    assert ocr_reading_holds(5115900, quote, "OCR '51159' = 5 115,9 tkr", True)
    assert not ocr_reading_holds(51159000, quote, "OCR '51159' = 5 115,9 tkr", True)  # the value is the reading
    assert not ocr_reading_holds(5215900, quote, "OCR '51159' = 5 215,9 tkr", True)  # other digits
    assert not ocr_reading_holds(5115900, quote, "OCR '99999' = 5 115,9 tkr", True)  # not printed in the quote
    assert not ocr_reading_holds(5115900, quote, "", True)


def test_validate_refuses_a_money_value_off_by_a_scale(data_copy, sources_dir):
    """A real file: the shipped "10,7 mkr" row given 107 000 000 and 10 700 fails, naming its line."""
    from conftest import cli
    p = data_copy / "observations.csv"
    text = p.read_text(encoding="utf-8")
    row = 'ALL,cost,all,10700000,sek,"Kostnaderna för verksamhet under året har uppgått till 10,7 mkr"'
    assert row in text
    line = text[:text.index(row)].count("\n") + 1
    for wrong in ("107000000", "10700", "107"):
        p.write_text(text.replace(row, row.replace("10700000", wrong)), encoding="utf-8")
        code, out, err = cli("validate", "--data", str(data_copy), "--sources", str(sources_dir), "--quiet")
        assert code == 1 and "Traceback" not in err
        assert f"observations.csv:{line}: value {wrong} does not appear in its quote" in err, err
