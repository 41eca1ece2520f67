"""The release's tables in each format: Arrow tables typed by the field dictionary, written as
CSV (UTF-8), Parquet, one SQLite database (keys, indexes) and an .xlsx workbook (XlsxWriter).

A release table holds exactly the columns the dictionary lists, in its types: ``str`` and
``category`` fields are text (``category`` dictionary-encoded in Parquet, a factor in R), ``int``
64-bit integers, ``float`` doubles, ``bool`` booleans. An empty optional value is missing
everywhere: an empty CSV field, NULL in SQLite, null in Parquet, an empty cell in the workbook.
"""
from __future__ import annotations

import os
import re
import sqlite3
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from finsam.data.fields import TABLE_ORDER
from finsam.data.tables import Tables

import finsam.release.meta as meta
from finsam.release.errors import ReleaseError

#: an .xlsx sheet holds at most this many rows (one of them the header) and this many characters in a cell
EXCEL_ROWS, EXCEL_CELL = 1_048_576, 32_767


def _text(s: pd.Series) -> pd.Series:
    """A column as text; a boolean column as the curated files write it (data._typed reads 'true'/'false')."""
    if pd.api.types.is_bool_dtype(s.dtype):
        return s.map({True: "true", False: "false"}).astype(object)
    if isinstance(s.dtype, pd.CategoricalDtype):
        return s.astype(object)
    return s


def _no_empty(arr: pa.Array) -> pa.Array:
    """'' as missing (the curated files cannot tell the two apart)."""
    if arr.null_count == len(arr) or not len(arr):
        return arr
    return pc.if_else(pc.equal(arr, ""), pa.scalar(None, arr.type), arr)


def arrow_column(s: pd.Series, kind: str) -> pa.Array:
    if kind == "int":
        return pa.array(s.astype("Int64"), type=pa.int64(), from_pandas=True)
    if kind == "float":
        return pa.array(s.astype("float64"), type=pa.float64(), from_pandas=True)
    if kind == "bool":
        return pa.array(s.astype("boolean"), type=pa.bool_(), from_pandas=True)
    if kind == "category":
        c = s if isinstance(s.dtype, pd.CategoricalDtype) else s.astype("category")
        if "" in c.cat.categories:
            c = c.cat.remove_categories([""])
        arr = pa.array(c, from_pandas=True)
        return arr.cast(pa.dictionary(pa.int32(), pa.string()))
    return _no_empty(pa.array(_text(s), type=pa.string(), from_pandas=True))


def release_table(df: pd.DataFrame, table: str) -> pa.Table:
    """The columns of ``table`` (curated or derived) from ``df``, in the dictionary's types."""
    cols = meta.columns(table)
    return pa.table({c: arrow_column(df[c], meta.field(table, c).dtype) for c in cols})


def plain(arr: pa.Array | pa.ChunkedArray) -> pa.Array:
    """One array; dictionary-encoded text as plain text (CSV, SQLite and the workbook hold values,
    not codes)."""
    if pa.types.is_dictionary(arr.type):
        arr = arr.cast(pa.string())
    return arr.combine_chunks() if isinstance(arr, pa.ChunkedArray) else arr


def write_csv(tbl: pa.Table, path: Path) -> None:
    """UTF-8, a plain header line, LF line ends; text quoted (RFC 4180: Arrow's writer quotes every
    text value), numbers not, booleans as true/false, a missing value as an empty field. Doubles
    print in their shortest exact form (836, 0.5; 1e+10 and above with an exponent)."""
    import pyarrow.csv as pacsv
    out = pa.table([plain(c) for c in tbl.columns], names=tbl.column_names)
    with open(path, "wb") as f:
        f.write((",".join(tbl.column_names) + "\n").encode("utf-8"))
        pacsv.write_csv(out, f, write_options=pacsv.WriteOptions(include_header=False, quoting_style="needed"))


def write_parquet(tbl: pa.Table, path: Path) -> None:
    import pyarrow.parquet as pq
    pq.write_table(tbl, path, compression="zstd")


def _values(tbl: pa.Table) -> list[list]:
    """Each column as a Python list (None for missing). A dictionary-encoded column repeats its
    dictionary's string objects rather than making one per row (a third of the time SQLite's
    inserts of a million observations took went into making and binding those strings)."""
    out = []
    for c in tbl.columns:
        c = c.combine_chunks() if isinstance(c, pa.ChunkedArray) else c
        if pa.types.is_string(c.type) and len(c) >= 10_000:  # few distinct values (a fact's statement kind)?
            encoded = pc.dictionary_encode(c)
            if len(encoded.dictionary) * 4 < len(c):
                c = encoded
        if pa.types.is_dictionary(c.type) and pa.types.is_string(c.type.value_type):
            words = np.array([*c.dictionary.to_pylist(), None], dtype=object)
            out.append(words[c.indices.fill_null(len(c.dictionary)).to_numpy()].tolist())
        else:
            out.append(plain(c).to_pylist())
    return out


# ---------------------------------------------------------------------------- SQLite
def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def table_sql(table: str) -> str:
    """CREATE TABLE for one release table: typed columns (STRICT), NOT NULL where the dictionary
    requires a value, its primary key and its foreign keys (deferred: where a database's user
    enforces them, checked at commit, so a table may refer to its own later rows)."""
    lines = []
    for c in meta.columns(table):
        f = meta.field(table, c)
        lines.append(f"{_quote(c)} {meta.SQLITE_TYPE[f.dtype]}{' NOT NULL' if f.required else ''}")
    pk = meta.primary_key(table)
    if pk:
        lines.append(f"PRIMARY KEY ({', '.join(map(_quote, pk))})")
    for r in meta.references(table):
        lines.append(f"FOREIGN KEY ({', '.join(map(_quote, r.fields))}) REFERENCES {_quote(r.target)} "
                     f"({', '.join(map(_quote, r.target_fields))}) DEFERRABLE INITIALLY DEFERRED")
    return f"CREATE TABLE {_quote(table)} (\n  " + ",\n  ".join(lines) + "\n) STRICT"


#: indexes on the columns researchers filter the large tables by
INDEXES = {"observations": (("association_id", "period_start", "metric"), ("metric",), ("source_id",)),
           "facts": (("association_id", "period_start", "metric"), ("metric",)),
           "outcome_rates": (("association_id", "year"),)}


class SqliteWriter:
    """One database holding every table, added one after the other (a derived table may arrive
    after the curated ones are in). ``rowids`` gives a table its rows' rowid (observations: the
    line of observations.csv, which the facts' lines name). Rows go in with SQLite's foreign-key
    enforcement off, each table's indexes are built after its rows, and :meth:`finish` checks
    every foreign key once (``PRAGMA foreign_key_check``); a violation is an error (the validated
    tables never have one). Enforced row by row, the checks cost a third of the inserts' time at a
    million rows and found nothing the final check does not. ``keys=False``: no indexes, nothing
    checked."""

    def __init__(self, path: Path, keys: bool = True):
        self.keys = keys
        self.con = sqlite3.connect(path, isolation_level=None)
        self.con.execute("PRAGMA journal_mode=OFF")  # a fresh file in a temporary folder: nothing to roll back to
        self.con.execute("PRAGMA synchronous=OFF")
        self.con.execute("PRAGMA foreign_keys=OFF")  # checked once, by finish()

    def add(self, tables: dict[str, pa.Table], rowids: dict[str, np.ndarray] | None = None) -> None:
        con = self.con
        con.execute("BEGIN")
        for name, tbl in tables.items():
            con.execute(table_sql(name))
            cols = list(tbl.column_names)
            data = _values(tbl)
            names = ", ".join(map(_quote, cols))
            if rowids and name in rowids:
                con.executemany(f"INSERT INTO {_quote(name)} (rowid, {names}) VALUES (?{', ?' * len(cols)})",
                                zip(rowids[name].tolist(), *data))
            else:
                con.executemany(f"INSERT INTO {_quote(name)} ({names}) VALUES ({', '.join('?' * len(cols))})",
                                zip(*data))
            del data
            self._index(name)
        con.execute("COMMIT")

    def add_parts(self, name: str, parts: list[Path]) -> None:
        """Table ``name`` as the rows of the same table in each part database (written with
        ``keys=False`` by other processes), in order: SQLite copies them in C, several times
        faster than Python binds the values of a million rows."""
        con = self.con
        con.execute("BEGIN")
        con.execute(table_sql(name))
        con.execute("COMMIT")
        cols = ", ".join(map(_quote, meta.columns(name)))
        for part in parts:
            con.execute("ATTACH DATABASE ? AS part", (str(part),))
            try:
                con.execute(f"INSERT INTO main.{_quote(name)} ({cols}) SELECT {cols} FROM part.{_quote(name)} "
                            "ORDER BY rowid")
            finally:
                con.execute("DETACH DATABASE part")
        con.execute("BEGIN")
        self._index(name)
        con.execute("COMMIT")

    def _index(self, name: str) -> None:
        if self.keys:
            for i, index in enumerate(INDEXES.get(name, ()), 1):
                self.con.execute(f"CREATE INDEX {_quote(f'{name}_{i}')} ON {_quote(name)} "
                                 f"({', '.join(map(_quote, index))})")

    def finish(self) -> None:
        if self.keys:
            bad = self.con.execute("PRAGMA foreign_key_check").fetchmany(5)
            if bad:
                raise ReleaseError(f"foreign key violations in the release database (table, rowid, target): {bad}")
            self.con.execute("ANALYZE")  # statistics for the query planner, for Datasette's and researchers' queries

    def close(self) -> None:
        self.con.close()


# ---------------------------------------------------------------------------- workbook
def check_workbook_fits(tables: dict[str, pa.Table]) -> None:
    """Refuse before writing what an .xlsx sheet cannot hold (XlsxWriter would cut it silently)."""
    for name, tbl in tables.items():
        if tbl.num_rows + 1 > EXCEL_ROWS:
            raise ReleaseError(f"{name} has {tbl.num_rows:,} rows, more than an .xlsx sheet holds "
                               f"({EXCEL_ROWS - 1:,} below the header); leave the workbook out with "
                               "--formats parquet,sqlite")
        for col in tbl.column_names:
            arr = plain(tbl[col])
            if pa.types.is_string(arr.type) and arr.null_count < len(arr):
                longest = pc.max(pc.utf8_length(arr)).as_py()
                if longest > EXCEL_CELL:
                    raise ReleaseError(f"{name}.{col} has a value of {longest:,} characters, more than an .xlsx "
                                       f"cell holds ({EXCEL_CELL:,}); leave the workbook out with "
                                       "--formats parquet,sqlite")


#: rows of a table turned into sheet XML at a time (bounds the memory of a million-row sheet)
XLSX_CHUNK_ROWS = 65_536
#: deflate level of the workbook's zip: level 1 costs a third of XlsxWriter's default (6) on a
#: million-row sheet and makes the file about a fifth larger (bench/results-release.md)
XLSX_ZIP_LEVEL = 1
_XML_CONTROL = r"[\x00-\x08\x0b-\x1f]|_x[0-9A-Fa-f]{4}_"  # what Excel writes as _xHHHH_ (and its escape)


def _column_letters(n: int) -> list[str]:
    out = []
    for i in range(n):
        name, i = "", i + 1
        while i:
            i, r = divmod(i - 1, 26)
            name = chr(65 + r) + name
        out.append(name)
    return out


def _excel_text(value: str) -> str:
    """Excel's escape of characters XML cannot carry: a control character as _xHHHH_, and an
    existing _xHHHH_ with its underscore escaped, so that a reader gives back the same text."""
    value = re.sub(r"(_x[0-9A-Fa-f]{4}_)", r"_x005F\1", value)
    return re.sub(r"[\x00-\x08\x0b-\x1f]", lambda m: f"_x{ord(m.group()):04X}_", value)


def _cells(arr: pa.Array, refs: pa.Array) -> pa.Array:
    """One column's cells as <c> elements (a missing value as null: no cell), written as XlsxWriter
    writes them: text as an inline string (whitespace at either end preserved), numbers as their
    shortest exact decimal form (XlsxWriter prints 16 significant digits), booleans as t="b". An
    empty text is no cell, as XlsxWriter writes it."""
    t = arr.type
    if pa.types.is_string(t) or pa.types.is_large_string(t):
        arr = _no_empty(arr)
        if pc.any(pc.match_substring_regex(arr, _XML_CONTROL)).as_py():
            arr = pa.array([v if v is None else _excel_text(v) for v in arr.to_pylist()], type=t)
        text = pc.replace_substring(pc.replace_substring(pc.replace_substring(arr, "&", "&amp;"), "<", "&lt;"),
                                    ">", "&gt;")
        open_t = pc.if_else(pc.match_substring_regex(arr, r"^\s|\s$"), '"><is><t xml:space="preserve">',
                            '"><is><t>')
        return pc.binary_join_element_wise('<c r="', refs, '" t="inlineStr', open_t, text, "</t></is></c>", "")
    if pa.types.is_boolean(t):
        return pc.binary_join_element_wise('<c r="', refs, '" t="b"><v>', arr.cast(pa.int8()).cast(pa.string()),
                                           "</v></c>", "")
    if pa.types.is_integer(t) or pa.types.is_floating(t):
        if pa.types.is_floating(t) and pc.any(pc.invert(pc.is_finite(arr))).as_py():
            raise ReleaseError("a table holds NaN or infinity, which an .xlsx cell cannot")
        return pc.binary_join_element_wise('<c r="', refs, '"><v>', arr.cast(pa.string()), "</v></c>", "")
    raise TypeError(f"no .xlsx cell for Arrow type {t}")


def _sheet_rows(tbl: pa.Table):
    """The rows of ``tbl`` below its header (sheet rows 2, 3, …) as <row> XML, in bytes chunks."""
    letters = _column_letters(tbl.num_columns)
    columns = [plain(c) for c in tbl.columns]
    for start in range(0, tbl.num_rows, XLSX_CHUNK_ROWS):
        n = min(XLSX_CHUNK_ROWS, tbl.num_rows - start)
        numbers = pa.array(range(start + 2, start + 2 + n), type=pa.int64()).cast(pa.string())
        parts = ['<row r="', numbers, '">']
        for letter, col in zip(letters, columns):
            parts.append(pc.fill_null(_cells(col.slice(start, n), pc.binary_join_element_wise(letter, numbers, "")),
                                      ""))
        rows = pc.binary_join_element_wise(*parts, "</row>", "")
        if isinstance(rows, pa.ChunkedArray):
            rows = rows.combine_chunks()
        offsets = np.frombuffer(rows.buffers()[1], dtype=np.int32, count=len(rows) + 1, offset=rows.offset * 4)
        yield memoryview(rows.buffers()[2])[offsets[0]:offsets[-1]]  # every row's text, back to back


def _fill_sheets(path: Path, data: dict[str, pa.Table]) -> None:
    """Rewrite the workbook at ``path`` with each sheet of ``data`` (sheet file -> table) given its
    rows: XlsxWriter wrote the sheet with its header row, and the rows go before </sheetData>."""
    import zipfile
    tmp = path.with_name(path.name + ".rows")
    try:
        with zipfile.ZipFile(path) as src, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED,
                                                           compresslevel=XLSX_ZIP_LEVEL) as dst:
            for info in src.infolist():
                body = src.read(info)
                out = zipfile.ZipInfo(info.filename, info.date_time)  # the same fixed time: same tables, same file
                out.compress_type, out.external_attr = zipfile.ZIP_DEFLATED, info.external_attr
                # read by ZipFile.open, which ignores the ZipFile's compresslevel: without it the sheets
                # were deflated at zlib's default level 6 (3.13 names it compress_level, keeping this alias)
                out._compresslevel = XLSX_ZIP_LEVEL
                tbl = data.get(info.filename)
                if tbl is None:
                    dst.writestr(out, body, compresslevel=XLSX_ZIP_LEVEL)
                    continue
                head, end, tail = body.decode("utf-8").partition("</sheetData>")
                if not end:
                    raise ReleaseError(f"{path.name}: no sheet data in {info.filename}")
                last = f"{_column_letters(tbl.num_columns)[-1]}{tbl.num_rows + 1}"
                head = re.sub(r'<dimension ref="[^"]*"/>', f'<dimension ref="A1:{last}"/>', head, count=1)
                with dst.open(out, "w", force_zip64=True) as f:
                    f.write(head.encode("utf-8"))
                    for chunk in _sheet_rows(tbl):
                        f.write(chunk)
                    f.write((end + tail).encode("utf-8"))
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def write_xlsx(path: Path, sheets: list[tuple[str, list[str], list[list]]], tables: dict) -> None:
    """``sheets``: (name, header, rows) written first (the explanations), then one sheet per table
    of ``tables`` (name -> an Arrow table, or a function returning one when its sheet is reached:
    a table still being computed elsewhere). Text is written as text: never read as a formula, a
    number or a link.

    XlsxWriter writes the workbook: every sheet, the explanations in full and each table's header
    row (bold, frozen). The tables' rows, a million at the national scale, are then turned into
    the sheets' XML by Arrow, a column at a time, the cells XlsxWriter would write (its per-cell
    Python path cost about 50 s of the export's 66; bench/results-release.md)."""
    import datetime as dt
    import xlsxwriter
    check_workbook_fits({n: t for n, t in tables.items() if isinstance(t, pa.Table)})
    wb = xlsxwriter.Workbook(str(path), {"constant_memory": True, "strings_to_formulas": False,
                                         "strings_to_numbers": False, "strings_to_urls": False})
    data: dict[str, pa.Table] = {}
    try:
        # a fixed creation time: the same tables give the same file
        wb.set_properties({"title": "finsam release", "created": dt.datetime(2000, 1, 1)})
        bold = wb.add_format({"bold": True})
        for name, header, rows in sheets:
            ws = wb.add_worksheet(name)
            ws.write_row(0, 0, header, bold)
            for i, row in enumerate(rows, 1):
                ws.write_row(i, 0, row)
        for name, tbl in tables.items():
            if not isinstance(tbl, pa.Table):
                tbl = tbl()
                check_workbook_fits({name: tbl})
            ws = wb.add_worksheet(name)
            ws.write_row(0, 0, tbl.column_names, bold)
            ws.freeze_panes(1, 0)
            data[f"xl/worksheets/sheet{len(wb.worksheets())}.xml"] = tbl  # XlsxWriter's name for it
    finally:
        wb.close()
    _fill_sheets(Path(path), {k: t for k, t in data.items() if t.num_rows})


#: the tables of the workbook: the curated ones and the outcome rates (facts is as long as
#: observations and says the same again; it is in the other formats)
XLSX_TABLES = (*TABLE_ORDER, "outcome_rates")


def curated_tables(tables: Tables) -> dict[str, pa.Table]:
    return {n: release_table(tables[n], n) for n in TABLE_ORDER}


def derived_tables(facts: pd.DataFrame, rates: pd.DataFrame) -> dict[str, pa.Table]:
    return {"facts": release_table(facts, "facts"), "outcome_rates": release_table(rates, "outcome_rates")}


def concat(parts: list[pa.Table]) -> pa.Table:
    """Parts of one release table, in order, as one table (one dictionary per text column)."""
    return pa.concat_tables(parts).unify_dictionaries().combine_chunks()


def write_arrow(tbl: pa.Table, path: Path) -> None:
    tmp = path.with_name(path.name + ".part")
    with pa.OSFile(str(tmp), "wb") as f, pa.ipc.new_file(f, tbl.schema) as w:
        w.write_table(tbl)
    os.replace(tmp, path)


def read_arrow(path: Path) -> pa.Table:
    with pa.memory_map(str(path)) as f:
        return pa.ipc.open_file(f).read_all()
