"""Reading and writing the curated CSV files.

Reading is strict about structure and tolerant about encoding details people's editors add:
a UTF-8 byte-order mark and Windows line endings are accepted; anything that is not UTF-8,
a header that does not match the field dictionary, or a row whose fields are shifted by a stray
quote character is reported as a :class:`Problem` naming the file and line. The returned
DataFrame is indexed by the row's line number in the file, so every later check can name it.
"""
from __future__ import annotations

import csv
import hashlib
import io
import os
import re
from pathlib import Path

import pandas as pd

from finsam.core.errors import Problem
from finsam.data.fields import FIELDS, TABLES


def _display(path: Path) -> str:
    try:
        return os.path.relpath(path)
    except ValueError:  # another drive
        return str(path)


def decode(path: Path, raw: bytes) -> tuple[str | None, list[Problem]]:
    """UTF-8 text with BOM removed and line endings normalised, or a problem naming the line."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        line = raw[: e.start].count(b"\n") + 1
        return None, [Problem(_display(path), line,
                              f"not valid UTF-8 (byte 0x{raw[e.start]:02x}); save the file as UTF-8")]
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text, []


def _diagnose(path: Path, text: str, ncols: int) -> tuple[list[list[str]], list[int], list[Problem]]:
    """Slow, exact parse with the csv module: line number of every record and every shifted row."""
    shown = _display(path)
    reader = csv.reader(io.StringIO(text), strict=True)
    rows: list[list[str]] = []
    lines: list[int] = []
    problems: list[Problem] = []
    start = 1
    try:
        for rec in reader:
            end = reader.line_num
            if rec:
                if any("\n" in f for f in rec):
                    problems.append(Problem(shown, start, f"a quoted field runs from line {start} to line {end}: "
                                                          "probably a stray quote character (\")"))
                elif len(rec) != ncols:
                    problems.append(Problem(shown, start, f"{len(rec)} fields where the header has {ncols}: "
                                                          "a stray quote character or an unquoted comma "
                                                          "shifts the columns"))
                else:
                    rows.append(rec)
                    lines.append(start)
            start = end + 1
    except csv.Error as e:
        if "field larger than field limit" in str(e):
            problems.append(Problem(shown, start, f"a field longer than {csv.field_size_limit()} characters "
                                                  "(a stray quote character, or not a table of this project)"))
        else:
            problems.append(Problem(shown, start, f"malformed CSV from this line on ({e}, noticed at line "
                                                  f"{reader.line_num}): probably a stray quote character (\")"))
    return rows, lines, problems


MAX_HEADER = 4096  # bytes: a header line is a few hundred at most


def read_table(data_dir: Path, name: str, digests: dict | None = None) -> tuple[pd.DataFrame | None, list[Problem]]:
    """Read ``<data_dir>/<name>.csv`` as strings, indexed by file line number. When ``digests``
    is given, the SHA-256 of the file's bytes is stored in it (the data version is built from
    these, so the files need not be read twice)."""
    table = TABLES[name]
    path = Path(data_dir) / table.filename
    shown = _display(path)
    try:
        if not path.is_file():
            what = "is not a file" if path.exists() else f"is missing from {_display(Path(data_dir))}"
            return None, [Problem(shown, 0, f"table {table.filename} {what}")]
        if not path.resolve().is_relative_to(Path(data_dir).resolve()):
            # a link to a file elsewhere (~/.ssh/…): not read, so none of it reaches a message
            return None, [Problem(shown, 0, f"table {table.filename} is a link to a file outside "
                                            f"{_display(Path(data_dir))}; copy the table into the folder")]
        raw = path.read_bytes()
    except OSError as e:  # unreadable file or folder: say so, as for any other bad input
        return None, [Problem(shown, 0, f"cannot read the file: {e.strerror or e}")]
    if digests is not None:
        digests[name] = hashlib.sha256(raw).hexdigest()
    body = raw[3:] if raw.startswith(b"\xef\xbb\xbf") else raw
    if re.match(rb"\s*\Z", body):
        return None, [Problem(shown, 1, "file is empty; expected a header line")]
    # classic Mac line endings (CR only): read as line breaks (the regex only where a CR is
    # present at all: scanning a million-row file with it cost a load ~0.08 s)
    if b"\r" in body and re.search(rb"\r(?!\n)", body):
        body = body.replace(b"\r\n", b"\n").replace(b"\r", b"\n")
    end = body.find(b"\n")
    first = body[: end if end >= 0 else None].rstrip(b"\r")
    if len(first) > MAX_HEADER:
        return None, [Problem(shown, 1, f"the first line is {len(first)} bytes long: not a header "
                              f"(expected: {','.join(table.fields)})")]
    try:
        header = next(csv.reader([first.decode("utf-8")]), [])
    except UnicodeDecodeError:
        return None, decode(path, raw)[1]
    except csv.Error as e:
        return None, [Problem(shown, 1, f"the header is not a CSV line ({e}); expected: {','.join(table.fields)}")]
    expected = list(table.fields)
    if header != expected:
        missing = [c for c in expected if c not in header]
        extra = [c for c in header if c not in expected]
        dupes = sorted({c for c in header if header.count(c) > 1})
        parts = []
        if missing:
            parts.append("missing column(s) " + ", ".join(missing))
        if extra:
            parts.append("unexpected column(s) " + ", ".join(extra))
        if dupes:
            parts.append("repeated column(s) " + ", ".join(dupes))
        if not parts:
            parts.append("columns out of order")
        return None, [Problem(shown, 1, "; ".join(parts) + f" (expected: {','.join(expected)})")]

    # fast path: pyarrow's multi-threaded parser on the raw bytes (it also rejects invalid UTF-8
    # and accepts Windows line endings), valid when every record is exactly one line, so that a
    # record's line number is its position + 2. Anything unusual (invalid UTF-8, blank lines,
    # quoted line breaks, shifted fields) falls through to the exact, slower path below.
    nlines = body.count(b"\n") + (0 if body.endswith(b"\n") else 1)
    try:
        df = pd.read_csv(io.BytesIO(body), dtype=_dtypes(table), keep_default_na=False, engine="pyarrow")
    except (pd.errors.ParserError, ValueError):
        df = None
    if df is not None and len(df) + 1 == nlines and list(df.columns) == expected:
        df.index = pd.RangeIndex(2, len(df) + 2, name="line")
        return _nonempty(df, table, shown)
    text, problems = decode(path, raw)
    if text is None:
        return None, problems
    rows, lines, problems = _diagnose(path, text, len(expected))
    if problems:
        return None, problems
    df = pd.DataFrame(rows[1:], columns=expected, dtype=str).astype(_dtypes(table))
    df.index = pd.Index(lines[1:], name="line", dtype="int64")
    return _nonempty(df, table, shown)


#: tables that may hold a header only (an association may report association-wide figures only)
MAY_BE_EMPTY = ("interventions", "categories")  # data without interventions or breakdowns are still data


def _nonempty(df: pd.DataFrame, table, shown: str) -> tuple[pd.DataFrame | None, list[Problem]]:
    if len(df):
        return df, []
    if table.name not in MAY_BE_EMPTY:
        return None, [Problem(shown, 0, f"{table.filename} has a header but no rows")]
    empty = pd.DataFrame({c: pd.Series([], dtype=str) for c in table.fields}).astype(_dtypes(table))
    empty.index = pd.RangeIndex(2, 2, name="line")
    return empty, []


def _dtypes(table) -> dict:
    """Identifier and vocabulary columns are read as categoricals (a million rows repeat a few
    hundred ids: far less memory, and checks run once per distinct value); the rest as text."""
    return {c: ("category" if FIELDS[c].dtype == "category" else str) for c in table.fields}


