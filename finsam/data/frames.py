"""Small helpers on the typed tables' frames that every layer uses and that need nothing else of
finsam: iterating over an id column, and telling a quote from a table row from one from running text."""
from __future__ import annotations

import re

import pandas as pd


_TABLE_MARK = re.compile(r"\t|\||(?:\s\d[\d ]*){3,}\s*$")


def statement_kinds(quotes) -> list[str]:
    """'table' for each quote that looks like a table row (tabs, pipes, three or more numbers in
    a row at the end), else 'text'. A heuristic used by the prefer_table/prefer_text policies."""
    return ["table" if _TABLE_MARK.search(q if isinstance(q, str) else str(q)) else "text" for q in quotes]


def texts(s: pd.Series) -> list:
    """The values of ``s`` as ``s.astype(str)`` gives them, as a list to iterate over. An id
    column (a categorical of strings) gives its values directly: pandas' Arrow-backed strings,
    which ``astype(str)`` builds, cost the small frames of a page several times more to build,
    compare and iterate than the work done with them. To pick rows by an id, compare the
    categorical itself (``s == value``, ``s.isin(values)``)."""
    if isinstance(s.dtype, pd.CategoricalDtype) and pd.api.types.is_string_dtype(s.cat.categories.dtype):
        return s.tolist()
    return s.astype(str).tolist()
