"""Small helpers on the typed tables' frames that every layer uses and that need nothing else of
finsam: iterating over an id column, and telling a quote from a table row from one from running text."""
from __future__ import annotations

import re

import pandas as pd


_TABLE_MARK = re.compile(r"\t|\||(?:\s\d[\d ]*){3,}\s*$")


def statement_kinds(quotes) -> list[str]:
    """'table' for each quote that looks like a table row (tabs, pipes, three or more numbers in
    a row at the end), else 'text'. A heuristic used by the prefer_table/prefer_text policies."""
    return ["table" if _is_table_row(q if isinstance(q, str) else str(q)) else "text" for q in quotes]


def _is_table_row(q: str) -> bool:
    """``_TABLE_MARK.search(q)``, without the search where it cannot match: a run of numbers at the
    end ends with a digit before any trailing white space (``re``'s ``\\s`` and ``\\d`` are
    ``str.isspace`` and ``str.isdecimal``), and most quotes end in a word."""
    if "\t" not in q and "|" not in q and not q.rstrip()[-1:].isdecimal():
        return False
    return _TABLE_MARK.search(q) is not None


def texts(s: pd.Series) -> list:
    """The values of ``s`` as ``s.astype(str)`` gives them, as a list to iterate over. An id
    column (a categorical of strings) gives its values directly: pandas' Arrow-backed strings,
    which ``astype(str)`` builds, cost the small frames of a page several times more to build,
    compare and iterate than the work done with them. To pick rows by an id, compare the
    categorical itself (``s == value``, ``s.isin(values)``)."""
    if isinstance(s.dtype, pd.CategoricalDtype) and pd.api.types.is_string_dtype(s.cat.categories.dtype):
        return s.tolist()
    return s.astype(str).tolist()
