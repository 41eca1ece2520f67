"""Small helpers on the typed tables' frames that every layer uses and that need nothing else of
finsam: iterating over an id column, and telling a quote from a table row from one from running text."""
from __future__ import annotations

import re

import pandas as pd


_TABLE_MARK = re.compile(r"\t|\||(?:\s\d[\d ]*){3,}\s*$")
#: the code points Python's ``\s`` and ``\d`` match in a str pattern (Unicode whitespace, decimal
#: digits), as ranges: Arrow's RE2 reads ``\s`` and ``\d`` as ASCII only, and its Unicode tables
#: are of another version than Python's (tests/data/test_frames.py checks these against ``re``)
PY_SPACE = (
    (0x9, 0xD), (0x1C, 0x20), (0x85, 0x85), (0xA0, 0xA0), (0x1680, 0x1680), (0x2000, 0x200A),
    (0x2028, 0x2029), (0x202F, 0x202F), (0x205F, 0x205F), (0x3000, 0x3000),
)
PY_DIGIT = (
    (0x30, 0x39), (0x660, 0x669), (0x6F0, 0x6F9), (0x7C0, 0x7C9), (0x966, 0x96F), (0x9E6, 0x9EF),
    (0xA66, 0xA6F), (0xAE6, 0xAEF), (0xB66, 0xB6F), (0xBE6, 0xBEF), (0xC66, 0xC6F), (0xCE6, 0xCEF),
    (0xD66, 0xD6F), (0xDE6, 0xDEF), (0xE50, 0xE59), (0xED0, 0xED9), (0xF20, 0xF29), (0x1040, 0x1049),
    (0x1090, 0x1099), (0x17E0, 0x17E9), (0x1810, 0x1819), (0x1946, 0x194F), (0x19D0, 0x19D9),
    (0x1A80, 0x1A89), (0x1A90, 0x1A99), (0x1B50, 0x1B59), (0x1BB0, 0x1BB9), (0x1C40, 0x1C49),
    (0x1C50, 0x1C59), (0xA620, 0xA629), (0xA8D0, 0xA8D9), (0xA900, 0xA909), (0xA9D0, 0xA9D9),
    (0xA9F0, 0xA9F9), (0xAA50, 0xAA59), (0xABF0, 0xABF9), (0xFF10, 0xFF19), (0x104A0, 0x104A9),
    (0x10D30, 0x10D39), (0x11066, 0x1106F), (0x110F0, 0x110F9), (0x11136, 0x1113F), (0x111D0, 0x111D9),
    (0x112F0, 0x112F9), (0x11450, 0x11459), (0x114D0, 0x114D9), (0x11650, 0x11659), (0x116C0, 0x116C9),
    (0x11730, 0x11739), (0x118E0, 0x118E9), (0x11950, 0x11959), (0x11C50, 0x11C59), (0x11D50, 0x11D59),
    (0x11DA0, 0x11DA9), (0x16A60, 0x16A69), (0x16AC0, 0x16AC9), (0x16B50, 0x16B59), (0x1D7CE, 0x1D7FF),
    (0x1E140, 0x1E149), (0x1E2F0, 0x1E2F9), (0x1E950, 0x1E959), (0x1FBF0, 0x1FBF9),
)
#: from this many quotes on, statement_kinds matches them in Arrow (RE2, in C): Python's re took
#: about 4 s for a million quotes, trying the run of numbers at every position of each
ARROW_FROM = 10_000


def _re2_class(ranges) -> str:
    return "[" + "".join(f"\\x{{{a:X}}}-\\x{{{b:X}}}" for a, b in ranges) + "]"


def table_mark_re2() -> str:
    r"""_TABLE_MARK in RE2's syntax with Python's classes. ``$`` differs (Python's also matches
    before a final newline, RE2's only at the end), which the ``\s*`` before it makes the same."""
    s, d = _re2_class(PY_SPACE), _re2_class(PY_DIGIT)
    return rf"\t|\||(?:{s}{d}(?:{d}| )*){{3,}}{s}*$"


def statement_kinds(quotes) -> list[str]:
    """'table' for each quote that looks like a table row (tabs, pipes, three or more numbers in
    a row at the end), else 'text'. A heuristic used by the prefer_table/prefer_text policies.
    Many quotes are matched by Arrow (the same answers: tests/data/test_frames.py)."""
    quotes = [q if isinstance(q, str) else str(q) for q in quotes]
    if len(quotes) < ARROW_FROM:
        return ["table" if _is_table_row(q) else "text" for q in quotes]
    return _kinds_arrow(quotes)


def _is_table_row(q: str) -> bool:
    """``_TABLE_MARK.search(q)``, without the search where it cannot match: a run of numbers at the
    end ends with a digit before any trailing white space (``re``'s ``\\s`` and ``\\d`` are
    ``str.isspace`` and ``str.isdecimal``), and most quotes end in a word."""
    if "\t" not in q and "|" not in q and not q.rstrip()[-1:].isdecimal():
        return False
    return _TABLE_MARK.search(q) is not None


def _kinds_arrow(quotes: list[str]) -> list[str]:
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc
    try:
        arr = pa.array(quotes, type=pa.string())
    except (UnicodeEncodeError, pa.ArrowException):  # not UTF-8 (a lone surrogate): Python's re reads it
        return ["table" if _is_table_row(q) else "text" for q in quotes]
    table = pc.match_substring_regex(arr, table_mark_re2())
    return np.where(table.to_numpy(zero_copy_only=False), "table", "text").tolist()


def texts(s: pd.Series) -> list:
    """The values of ``s`` as ``s.astype(str)`` gives them, as a list to iterate over. An id
    column (a categorical of strings) gives its values directly: pandas' Arrow-backed strings,
    which ``astype(str)`` builds, cost the small frames of a page several times more to build,
    compare and iterate than the work done with them. To pick rows by an id, compare the
    categorical itself (``s == value``, ``s.isin(values)``)."""
    if isinstance(s.dtype, pd.CategoricalDtype) and pd.api.types.is_string_dtype(s.cat.categories.dtype):
        return s.tolist()
    return s.astype(str).tolist()
