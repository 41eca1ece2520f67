"""Loading the curated tables as typed DataFrames.

``load()`` validates (structure, schema, consistency; provenance on request) and returns typed
tables: categoricals for ids and vocabularies, integers for years, ``value`` as float and
``count`` as a nullable integer for counts. Results are memoised in-process (keyed by the files'
size and mtime) and on disk (keyed by the hash of everything the answer depends on: the data, the
code that checks it and, with ``provenance=True``, the source texts), so a papermill kernel started
after ``finsam validate``/``finsam render`` skips re-validation. The disk cache holds data only
(one Parquet file per table and a JSON file), never anything that is executed when read.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import tempfile
from pathlib import Path

import pandas as pd

from finsam.core import paths
from finsam.core.version import code_version
from finsam.core.errors import DataError, Problem
from finsam.data.tables import Tables
from finsam.data import semantics
from finsam.data.fields import ALL, TABLE_ORDER, TABLES

_MEMO: dict = {}


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


def sources_digest(sources_dir: str | os.PathLike | None = None) -> str:
    """Hash of the source texts folder: its path and every file's name and bytes (a missing or
    unreadable folder hashes as such), so a provenance answer is never reused after they change."""
    d = paths.sources_dir(sources_dir)
    h = hashlib.sha256(str(d).encode())
    try:
        for e in sorted(os.scandir(d), key=lambda e: e.name):
            if e.is_file():
                h.update(b"\0" + e.name.encode("utf-8", "surrogateescape") + b"\0")
                h.update(hashlib.sha256(Path(e.path).read_bytes()).digest())
    except OSError as e:
        h.update(f"<{type(e).__name__}>".encode())
    return h.hexdigest()[:16]


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
    vocab = tables["vocabulary"]
    units = semantics.codes(vocab, "unit")
    for df in tables.values():
        if "association_id" in df:
            df["association_id"] = _categories(df["association_id"], assoc)
        if "unit" in df:
            df["unit"] = _categories(df["unit"], units)
    tables["sources"]["source_id"] = _categories(tables["sources"]["source_id"], sources)
    tables["metrics"]["metric"] = _categories(tables["metrics"]["metric"], metrics)
    inter = tables["interventions"]
    inter["kind"] = _categories(inter["kind"], semantics.codes(vocab, "intervention_kind"))
    inter["is_work_oriented"] = inter["is_work_oriented"].map({"true": True, "false": False}).astype("boolean")
    obs = tables["observations"]
    obs["source_id"] = _categories(obs["source_id"], sources)
    obs["metric"] = _categories(obs["metric"], metrics)
    obs["gender"] = _categories(obs["gender"], semantics.codes(vocab, "gender"))
    obs["intervention"] = _categories(obs["intervention"],
                                      [ALL] + sorted(set(tables["interventions"]["intervention"].astype(str))))
    obs["note"] = obs["note"].fillna("")
    # '' is the value for figures about everyone, so filters like obs["dimension"] == "" just work
    cats = tables["categories"]
    dimensions = semantics.codes(vocab, "dimension")
    cats["dimension"] = _categories(cats["dimension"], dimensions)
    obs["dimension"] = _categories(obs["dimension"], ("", *dimensions))
    obs["category"] = obs["category"].astype("category")
    counted = obs["unit"].isin(semantics.count_units(vocab))  # on the categorical: no text per row
    obs["count"] = obs["value"].where(counted).round().astype("Int64")
    return tables


def load(data_dir: str | os.PathLike | None = None, *, provenance: bool = False,
         sources_dir: str | os.PathLike | None = None, use_cache: bool = True) -> Tables:
    """Validate and return the curated tables; raises :class:`DataError` listing every problem.

    Checks structure, schema and duplicate facts; the arithmetic checks and (unless
    ``provenance=True``, which needs $FINSAM_SOURCES) the quotes are left to ``finsam validate``,
    which the test suite and ``finsam render`` run on the same data.
    """
    d = paths.data_dir(data_dir)
    src_key = sources_digest(sources_dir) if provenance else ""
    memo_key = (str(d), provenance, src_key, _stamp(d))
    if use_cache and memo_key in _MEMO:
        return _MEMO[memo_key]
    version = None
    if use_cache:
        try:
            version = data_version(d) if d.is_dir() else "none"
        except OSError:  # unreadable: validation below says which file and why
            version = "unreadable"
        key = f"{_CACHE_FORMAT}-{version}-{code_version('core', 'data')}-{int(provenance)}-{src_key}"
        disk = paths.cache_dir() / f"tables-{hashlib.sha256(key.encode()).hexdigest()[:24]}"
        tables = _read_cache(disk, key)
        if tables is not None:
            _MEMO[memo_key] = tables
            return tables
    from finsam.data.validate import validate  # imports pandera (~0.2 s): only on a cache miss
    result = validate(d, sources_dir, provenance=provenance, arithmetic=False)
    if result.errors:
        raise DataError(result.errors)
    typed = _typed(result.tables)
    version = version or combine_digests(result.digests)
    tables = Tables(**{k: typed[k] for k in TABLE_ORDER}, version=version, conflicts=tuple(result.conflicts))
    if use_cache:
        _MEMO[memo_key] = tables
        _write_cache(disk, key, tables)
    return tables


# The disk cache: a folder tables-<hash of the key> holding <table>.feather (Arrow IPC) for each
# table and meta.json (the key, the data version, the known conflicts). Reading it parses data
# only. Feather rather than Parquet: a report reads the cache in about a third of the time
# (no pyarrow.dataset/fs imports, no decoding), and the files are only ever read back here.
_CACHE_FORMAT = "feather-1"
_CACHE_DIR = re.compile(r"tables-[0-9a-f]{24}")
_CACHE_FILES = {f"{n}.feather" for n in TABLE_ORDER} | {"meta.json"}
#: what this cache's answers hold in this format or the one before it ("parquet-1"): what _prune
#: may remove; a folder holding anything else was not written here
_WRITTEN_FILES = _CACHE_FILES | {f"{n}.parquet" for n in TABLE_ORDER}


def _read_cache(folder: Path, key: str) -> Tables | None:
    """The cached tables, or None when absent, written for another key, or unreadable."""
    try:
        meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
        if meta.get("key") != key:
            return None
        frames = {n: pd.read_feather(folder / f"{n}.feather") for n in TABLE_ORDER}
        conflicts = tuple(Problem(str(p["path"]), int(p["line"]), str(p["message"]), str(p["level"]))
                          for p in meta["conflicts"])
        return Tables(**frames, version=str(meta["version"]), conflicts=conflicts)
    except Exception:  # absent, truncated or foreign: rebuilt from the data
        return None


def _write_cache(folder: Path, key: str, tables: Tables) -> None:
    """Write into a fresh temporary folder, then rename it into place (readers see all or nothing)."""
    tmp = None
    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(dir=folder.parent, prefix=".tables-", suffix=".tmp"))
        for n in TABLE_ORDER:
            tables[n].to_feather(tmp / f"{n}.feather")
        meta = dict(key=key, version=tables.version,
                    conflicts=[dict(path=p.path, line=p.line, message=p.message, level=p.level)
                               for p in tables.conflicts])
        (tmp / "meta.json").write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
        if folder.is_dir():  # another process wrote the same answer, or a broken copy: replace it
            shutil.rmtree(folder, ignore_errors=True)
        os.rename(tmp, folder)
        tmp = None
        _prune(folder)
    except Exception:
        pass  # the cache is an optimisation; a read-only checkout still works
    finally:
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)


def _prune(keep: Path) -> None:
    """Remove this cache's older answers (an hour old, named and filled as this code writes them)."""
    cutoff = keep.stat().st_mtime - 3600
    for old in keep.parent.iterdir():
        if old == keep or not _CACHE_DIR.fullmatch(old.name) or old.is_symlink() or not old.is_dir():
            continue
        if old.stat().st_mtime < cutoff and {p.name for p in old.iterdir()} <= _WRITTEN_FILES:
            shutil.rmtree(old, ignore_errors=True)
