"""The curated tables the extractor learns its vocabulary from and apply adds to, read as text."""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from finsam.core import paths
from finsam.core.errors import DataError
from finsam.data import csvio


#: the first columns of a candidates CSV, in this order (the documented output of finsam extract); the
#: reviewed CSV keeps them
COLUMNS = ("line", "quote", "value", "unit", "metric", "gender", "intervention", "period_start", "period_end",
           "dimension", "category", "confidence")


def tables(data_dir: Path | None = None) -> dict[str, pd.DataFrame]:
    """The curated tables the extractor and apply read (as text), or a DataError naming the file."""
    data_dir = paths.data_dir(data_dir)
    out, problems = {}, []
    for name in ("vocabulary", "metrics", "categories", "associations", "interventions", "sources"):
        df, probs = csvio.read_table(data_dir, name)
        problems += probs
        if df is not None:
            out[name] = df.astype(object).where(df.notna(), "").astype(str)
    if problems:
        raise DataError(problems)
    return out
