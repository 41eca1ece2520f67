"""The release workbook's table sheets (finsam.release.formats.write_xlsx: XlsxWriter writes the
workbook, Arrow the rows) give back exactly the values they were given when Excel's reader
(openpyxl) opens them: text with XML's special characters, control characters, Excel's own
_xHHHH_ escape and whitespace at either end; doubles that need 17 significant digits; booleans;
missing values; more rows than one chunk of the row writer. Expected values are the input itself."""
from __future__ import annotations

import zipfile

import pyarrow as pa
import pytest
from openpyxl import load_workbook
from openpyxl.utils.escape import unescape

from finsam.release import ReleaseError, formats

TEXTS = ["plain", "a & b < c > d", ' "quoted" ', "  leading", "trailing\t", "line\nbreak", "carriage\rreturn",
         "bell\x07", "_x0041_ is not A", "", None, "åäö – ✓"]
DOUBLES = [0.1 + 0.2, 31.768953068592058, 836.0, 1e20, -1.5e-7, None, 2.0 ** 53 + 2, 5e-324]


def read(path, sheet):
    """The sheet's header and rows as Excel reads them: text of the type ST_Xstring, where _xHHHH_
    stands for the character HHHH (openpyxl's read-only reader leaves that to its caller)."""
    rows = [tuple(unescape(v) if isinstance(v, str) else v for v in r)
            for r in load_workbook(path, read_only=True)[sheet].iter_rows(values_only=True)]
    return rows[0], rows[1:]


def test_cells_read_back_as_written(tmp_path):
    n = len(TEXTS)
    tbl = pa.table({"text": pa.array(TEXTS, pa.string()),
                    "double": pa.array((DOUBLES * 2)[:n], pa.float64()),
                    "int": pa.array([0, -1, 2**40, None, *range(n - 4)], pa.int64()),
                    "flag": pa.array([True, False, None, *[True] * (n - 3)], pa.bool_()),
                    "code": pa.array(["x", "y", None, *["x"] * (n - 3)]).dictionary_encode()})
    path = tmp_path / "w.xlsx"
    formats.write_xlsx(path, [("about", ["key", "value"], [["a & b", "1"]])], {"t": tbl})
    header, rows = read(path, "t")
    assert list(header) == tbl.column_names
    want = [tuple(None if v == "" else v for v in r.values()) for r in tbl.to_pylist()]
    assert rows == want
    assert read(path, "about") == (("key", "value"), [("a & b", "1")])
    ws = load_workbook(path)["t"]
    assert ws.freeze_panes == "A2" and ws["A1"].font.b and not ws["A2"].font.b


def test_a_table_longer_than_one_chunk_keeps_every_row_in_order(tmp_path, monkeypatch):
    monkeypatch.setattr(formats, "XLSX_CHUNK_ROWS", 7)
    tbl = pa.table({"i": pa.array(range(50), pa.int64()), "s": pa.array([f"r{i}" for i in range(50)])})
    formats.write_xlsx(tmp_path / "w.xlsx", [], {"t": tbl, "empty": tbl.slice(0, 0), "late": lambda: tbl.slice(45)})
    assert read(tmp_path / "w.xlsx", "t")[1] == [(i, f"r{i}") for i in range(50)]
    assert read(tmp_path / "w.xlsx", "empty") == (("i", "s"), [])
    assert read(tmp_path / "w.xlsx", "late")[1] == [(i, f"r{i}") for i in range(45, 50)]
    with zipfile.ZipFile(tmp_path / "w.xlsx") as z:
        assert '<dimension ref="A1:B51"/>' in z.read("xl/worksheets/sheet1.xml").decode()


def test_the_same_tables_give_the_same_file(tmp_path):
    tbl = pa.table({"s": pa.array(TEXTS, pa.string())})
    formats.write_xlsx(tmp_path / "a.xlsx", [], {"t": tbl})
    formats.write_xlsx(tmp_path / "b.xlsx", [], {"t": tbl})
    assert (tmp_path / "a.xlsx").read_bytes() == (tmp_path / "b.xlsx").read_bytes()


def test_nan_is_refused_not_written(tmp_path):
    with pytest.raises(ReleaseError, match="NaN or infinity"):
        formats.write_xlsx(tmp_path / "w.xlsx", [], {"t": pa.table({"d": pa.array([1.0, float("nan")])})})
