"""Loading the curated tables as typed DataFrames.

``load()`` validates (structure, schema, consistency; provenance on request) and returns typed
tables: categoricals for ids and vocabularies, integers for years, ``value`` as float and
``count`` as a nullable integer for counts. Results are memoised in-process (keyed by the files'
size and mtime) and on disk (keyed by the hash of the data and of the code that checks it), so a
papermill kernel started after ``finsam validate``/``finsam render`` skips re-validation.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from . import paths
from .errors import DataError, Problem
from .files import write_atomic
from .schema import ALL, DIMENSIONS, GENDERS, TABLE_ORDER, TABLES, UNITS

_CODE_FILES = ("schema.py", "csvio.py", "validate.py", "provenance.py", "data.py")
_MEMO: dict = {}


@dataclass(frozen=True)
class Tables:
    """The curated tables of one data folder, typed, plus what validation reported."""

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


def combine_digests(digests: dict[str, str | None]) -> str:
    """The data version from the SHA-256 of each table file (None: the file is missing)."""
    h = hashlib.sha256()
    for name in sorted(TABLE_ORDER):
        h.update(name.encode())
        h.update((digests.get(name) or "<missing>").encode())
    return h.hexdigest()[:12]


def data_version(data_dir: str | os.PathLike | None = None) -> str:
    """Short hash of the table files (names and bytes): changes whenever any number changes."""
    d = paths.data_dir(data_dir)
    digests = {}
    for name in TABLE_ORDER:
        p = d / TABLES[name].filename
        digests[name] = hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else None
    return combine_digests(digests)


def _code_version() -> str:
    h = hashlib.sha256()
    for f in _CODE_FILES:
        h.update((paths.PACKAGE_DIR / f).read_bytes())
    return h.hexdigest()[:12]


def _stamp(d: Path) -> tuple:
    out = []
    for name in TABLE_ORDER:
        p = d / TABLES[name].filename
        try:
            st = p.stat()
            out.append((name, st.st_size, st.st_mtime_ns))
        except OSError:
            out.append((name, None, None))
    return tuple(out)


_TABLE_MARK = re.compile(r"\t|\||(?:\s\d[\d ]*){3,}\s*$")


def statement_kind(quotes: pd.Series) -> pd.Series:
    """'table' for quotes that look like a table row (tabs, pipes, three or more numbers in a
    row at the end), else 'text'. A heuristic used by the prefer_table/prefer_text policies."""
    is_table = quotes.astype(str).str.contains(_TABLE_MARK)
    return pd.Series(pd.Categorical(is_table.map({True: "table", False: "text"}),
                                    categories=["table", "text"]), index=quotes.index)


def _categories(s: pd.Series, categories) -> pd.Series:
    """``s`` as a categorical with exactly these categories, in this order. (astype to an
    unordered CategoricalDtype keeps the old order, since such dtypes compare equal.)"""
    return s.astype("category").cat.set_categories(list(categories))


def _typed(tables: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """Categoricals for ids and vocabularies, with categories in the order of their tables.
    Converts in place: the frames come fresh from validation and are not shared."""
    assoc = list(tables["associations"]["association_id"].astype(str))
    metrics = list(tables["metrics"]["metric"].astype(str))
    sources = list(tables["sources"]["source_id"].astype(str))
    for df in tables.values():
        if "association_id" in df:
            df["association_id"] = _categories(df["association_id"], assoc)
        if "unit" in df:
            df["unit"] = _categories(df["unit"], UNITS)
    tables["sources"]["source_id"] = _categories(tables["sources"]["source_id"], sources)
    tables["metrics"]["metric"] = _categories(tables["metrics"]["metric"], metrics)
    tables["interventions"]["kind"] = tables["interventions"]["kind"].astype("category")
    obs = tables["observations"]
    obs["source_id"] = _categories(obs["source_id"], sources)
    obs["metric"] = _categories(obs["metric"], metrics)
    obs["gender"] = _categories(obs["gender"], GENDERS)
    obs["intervention"] = _categories(obs["intervention"],
                                      [ALL] + sorted(set(tables["interventions"]["intervention"].astype(str))))
    obs["note"] = obs["note"].fillna("")
    # '' is the value for figures about everyone, so filters like obs["dimension"] == "" just work
    cats = tables["categories"]
    cats["dimension"] = _categories(cats["dimension"], DIMENSIONS)
    obs["dimension"] = _categories(obs["dimension"], ("", *DIMENSIONS))
    obs["category"] = obs["category"].astype("category")
    obs["count"] = obs["value"].where(obs["unit"] == "persons").round().astype("Int64")
    return tables


def load(data_dir: str | os.PathLike | None = None, *, provenance: bool = False,
         sources_dir: str | os.PathLike | None = None, use_cache: bool = True) -> Tables:
    """Validate and return the curated tables; raises :class:`DataError` listing every problem.

    Checks structure, schema and duplicate facts; the arithmetic checks and (unless
    ``provenance=True``, which needs $FINSAM_SOURCES) the quotes are left to ``finsam validate``,
    which the test suite and ``finsam render`` run on the same data.
    """
    d = paths.data_dir(data_dir)
    memo_key = (str(d), provenance, _stamp(d))
    if use_cache and memo_key in _MEMO:
        return _MEMO[memo_key]
    version = None
    if use_cache:
        version = data_version(d) if d.is_dir() else "none"
        disk = paths.cache_dir() / f"tables-{version}-{_code_version()}-{int(provenance)}.pkl"
        if disk.is_file():
            try:
                with open(disk, "rb") as f:
                    tables = pickle.load(f)
                _MEMO[memo_key] = tables
                return tables
            except Exception:  # a stale or truncated cache is simply rebuilt
                pass
    from .validate import validate  # imports pandera (~0.2 s): only on a cache miss
    result = validate(d, sources_dir, provenance=provenance, arithmetic=False)
    if result.errors:
        raise DataError(result.errors)
    typed = _typed(result.tables)
    version = version or combine_digests(result.digests)
    tables = Tables(**{k: typed[k] for k in TABLE_ORDER}, version=version, conflicts=tuple(result.conflicts))
    if use_cache:
        _MEMO[memo_key] = tables
        _write_cache(disk, tables)
    return tables


def _write_cache(path: Path, tables: Tables) -> None:
    try:
        write_atomic(path, pickle.dumps(tables, protocol=pickle.HIGHEST_PROTOCOL))
        for old in path.parent.glob("tables-*.pkl"):  # one cached version per data/code state
            if old != path and old.stat().st_mtime < path.stat().st_mtime - 3600:
                old.unlink(missing_ok=True)
    except OSError:
        pass  # the cache is an optimisation; a read-only checkout still works


def select(obs: pd.DataFrame, *, association=None, intervention=None, period=None, metric=None,
           gender=None, single_year: bool | None = None, dimension: str | None = "") -> pd.DataFrame:
    """Rows of ``obs`` matching every given criterion. Each criterion takes a value or a list;
    ``period`` takes a year (rows whose period is exactly that year) or a ``(start, end)`` pair;
    ``single_year=True`` keeps only one-year figures. ``dimension``: by default only figures about
    everyone (no breakdown), so a category's count is never mistaken for the total; a dimension name
    (e.g. ``"municipality"``) for that breakdown; ``None`` for every row."""
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
