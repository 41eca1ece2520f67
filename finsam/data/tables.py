"""The curated tables as a researcher and the analyses hold them: :class:`Tables` (what
:func:`finsam.data.load.load` returns) and the plain helpers every layer above uses to pick rows
(:func:`select`). Nothing here reads a file or validates:
that is :mod:`finsam.data.load`'s work, so the analyses need not import it."""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from finsam.core.errors import Problem
from finsam.data.semantics import frame_cached


@dataclass(frozen=True)
class Tables:
    """The curated tables of one data folder, typed, plus what validation reported."""

    vocabulary: pd.DataFrame
    sources: pd.DataFrame
    associations: pd.DataFrame
    interventions: pd.DataFrame
    metrics: pd.DataFrame
    observations: pd.DataFrame
    categories: pd.DataFrame  #: the categories of each dimension (vocabulary of observations.category)
    version: str  #: short hash of the data files: the data version shown in reports
    conflicts: tuple[Problem, ...] = field(default=())  #: known, explained inconsistencies

    def __getitem__(self, name: str) -> pd.DataFrame:
        return getattr(self, name)

    def association_name(self, association: str) -> str:
        """The association's official name, as the reports write it (associations.csv)."""
        return self._associations()[str(association)][0]

    def municipalities(self, association: str) -> list[str]:
        """The association's member municipalities (associations.csv), in the order listed."""
        return self._associations()[str(association)][1]

    def _associations(self) -> dict[str, tuple[str, list[str]]]:
        a = self.associations
        return frame_cached(a, "associations", lambda d: {
            str(i): (str(n), [x for x in str(m).split(";") if x] if isinstance(m, str) else [])
            for i, n, m in zip(d["association_id"], d["name"], d["municipalities"])})


def select(obs: pd.DataFrame, *, association=None, intervention=None, period=None, metric=None,
           gender=None, single_year: bool | None = None, dimension: str | None = "") -> pd.DataFrame:
    """Rows of ``obs`` matching every given criterion. Each criterion takes a value or a list;
    ``period`` takes a year (rows whose period is exactly that year) or a ``(start, end)`` pair;
    ``single_year=True`` keeps only one-year figures. ``dimension``: by default only figures about
    everyone (no breakdown), so a category's count is never mistaken for the total; a dimension name
    (e.g. ``"municipality"``) for that breakdown; ``None`` for every row."""
    if association is not None and len(obs) >= INDEXED_FROM:
        obs = _rows_of(obs, [association] if isinstance(association, (str, int)) else list(association))
    mask = pd.Series(True, index=obs.index)
    if dimension is not None and "dimension" in obs:
        mask &= obs["dimension"] == dimension

    def isin(col, v):
        vals = [v] if isinstance(v, (str, int)) else list(v)
        return obs[col].isin(vals)

    for col, v in (("association_id", association), ("intervention", intervention), ("metric", metric),
                   ("gender", gender)):
        if v is not None:
            mask &= isin(col, v)
    if period is not None:
        start, end = (period, period) if isinstance(period, int) else period
        mask &= (obs["period_start"] == start) & (obs["period_end"] == end)
    if single_year is True:
        mask &= obs["period_start"] == obs["period_end"]
    return obs.loc[mask]


#: frames of at least this many rows are narrowed to the associations asked for through an index
#: of each association's rows, built once per frame (the national tables: 490 000 rows, of which a
#: page about one association needs some 6 500), instead of comparing every row on every call
INDEXED_FROM = 1000


def _association_index(obs: pd.DataFrame) -> dict:
    """association -> the positions of its rows in ``obs`` (kept with the frame)."""
    return frame_cached(obs, "rows by association",
                        lambda d: d.groupby("association_id", observed=True, sort=False).indices)


def prepare(tables: Tables) -> None:
    """Build what :func:`select` keeps with the observations, once: a process that forks workers
    from itself (the render's kernel zygote) does this first, so that none of them builds it again."""
    if len(tables.observations) >= INDEXED_FROM:
        _association_index(tables.observations)


def _rows_of(obs: pd.DataFrame, associations: list) -> pd.DataFrame:
    """The rows of ``obs`` about ``associations``, in the frame's order (kept with the frame: a
    page asks for the rows of its association some thirty times). Never modified: ``select``
    returns a new frame of them."""
    wanted = tuple(dict.fromkeys(associations))

    def rows(d: pd.DataFrame) -> pd.DataFrame:
        index = _association_index(d)
        parts = [index[a] for a in wanted if a in index]
        return d.iloc[np.sort(np.concatenate(parts)) if parts else np.empty(0, dtype=np.intp)]

    return frame_cached(obs, ("rows of", wanted), rows)


def report_years(tables: Tables) -> dict[str, int]:
    """association -> the year of its latest report."""
    src = tables.sources.sort_values("report_year")
    return {str(a): int(y) for a, y in zip(src["association_id"], src["report_year"])}
