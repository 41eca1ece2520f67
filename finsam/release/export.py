"""``finsam export``: the curated tables as a versioned, citable release folder.

Steps, each timed (``Summary.seconds``, which the benchmark reports):

1. ``load``: the tables, validated as ``finsam.load`` does (structure, schema, duplicate facts);
2. ``validate``: the checks ``finsam validate`` adds (consistency, and provenance: every quote
   against its report text, whose sha256 the release records);
3. ``derive``: the derived tables (derived.py), per group of associations;
4. the formats: CSV, Parquet, SQLite, the workbook; then the descriptions (datapackage.json,
   README.md, CITATION.cff, LICENSE, datasette.json) and a zip of it all.

A release of many observations (``parallel_from``) runs steps 2, 3 and the workbook in worker
processes beside the main one, which writes the other formats meanwhile; the files are the same
either way (tests/test_release_parallel.py compares them byte for byte).
"""
from __future__ import annotations

import json
import multiprocessing as mp
import os
import shutil
import signal
import time
import zipfile
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from finsam import paths
from finsam.data import Tables, load
from finsam.errors import DataError
from finsam.schema import TABLE_ORDER

from . import describe, folder, formats, meta
from .derived import derive

#: formats besides the CSV files and the descriptions, which every release has
FORMATS = ("parquet", "sqlite", "xlsx")
#: the tables of the workbook: the curated ones and the outcome rates (facts is as long as
#: observations and says the same again; it is in the other formats)
XLSX_TABLES = (*TABLE_ORDER, "outcome_rates")
#: from this many observations on, the derived tables, the checks and the workbook run in worker processes
PARALLEL_FROM = 100_000
DEFAULT_OUTPUT = "release"


@dataclass
class Summary:
    output: Path
    layout: describe.Layout
    rows: dict[str, int]
    files: dict[str, int]  #: release path -> bytes
    formats: tuple[str, ...]
    parallel: bool
    seconds: dict[str, float] = field(default_factory=dict)


class _Clock:
    def __init__(self):
        self.seconds: dict[str, float] = {}

    @contextmanager
    def __call__(self, step: str):
        t0 = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[step] = self.seconds.get(step, 0.0) + time.perf_counter() - t0


# ---------------------------------------------------------------------------- worker tasks
# Run in worker processes (forkserver/spawn): each loads the tables itself, from the disk cache the
# main process's finsam.load has just filled, so no table is pickled to a worker.
def _worker_init() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the main process decides what an interrupt means


def _validate_task(data_dir: str, sources_dir: str) -> list:
    """The problems `finsam validate` finds that are errors (empty: the data pass)."""
    from finsam.validate import validate
    return validate(data_dir, sources_dir, provenance=True).errors


def _derive_task(data_dir: str, associations: list[str]) -> tuple[pd.DataFrame, pd.DataFrame]:
    return derive(load(data_dir), associations)


def _xlsx_task(data_dir: str, path: str, layout: describe.Layout, rates_queue) -> None:
    tables = load(data_dir)
    curated = {n: formats.release_table(tables[n], n) for n in TABLE_ORDER}
    formats.write_xlsx(Path(path), describe.workbook_sheets(tables, layout, list(XLSX_TABLES)),
                       {**curated, "outcome_rates": lambda: rates_queue.get(timeout=3600)})


# ---------------------------------------------------------------------------- helpers
def _chunks(obs: pd.DataFrame, parts: int) -> list[list[str]]:
    """The associations in table order, cut into about ``parts`` groups of similar row counts."""
    sizes = obs["association_id"].value_counts(sort=False)
    order = [a for a in obs["association_id"].cat.categories if sizes.get(a, 0)]
    total, groups, cur, acc = int(sizes.sum()), [], [], 0
    for a in order:
        cur.append(str(a))
        acc += int(sizes[a])
        if acc >= total * (len(groups) + 1) / parts and len(groups) < parts - 1:
            groups.append(cur)
            cur = []
    if cur:
        groups.append(cur)
    return groups


def _concat(frames: list[pd.DataFrame]) -> pd.DataFrame:
    """Parts of one derived table, in order; categoricals stay categoricals (same categories)."""
    frames = [f for f in frames if len(f)] or frames[:1]
    out = pd.concat(frames, ignore_index=True)
    for c in frames[0].columns:
        if isinstance(frames[0][c].dtype, pd.CategoricalDtype) and not isinstance(out[c].dtype, pd.CategoricalDtype):
            out[c] = out[c].astype(frames[0][c].dtype)
    return out


_STORED = (".parquet", ".xlsx", ".zip")  # compressed already


def write_zip(folder_: Path, layout: describe.Layout) -> Path:
    """Every file of the release in one zip, inside a folder named after the release; fixed
    timestamps and order, so the same release gives the same bytes."""
    target = folder_ / layout.zip
    members = sorted(p for p in folder_.rglob("*") if p.is_file() and p != target and p.name != folder.MANIFEST)
    with zipfile.ZipFile(target, "w", allowZip64=True) as z:
        for p in members:
            info = zipfile.ZipInfo(f"{layout.name}/{p.relative_to(folder_).as_posix()}", date_time=(1980, 1, 1, 0, 0, 0))
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_STORED if p.suffix in _STORED else zipfile.ZIP_DEFLATED
            info.file_size = p.stat().st_size
            with open(p, "rb") as src, z.open(info, "w", force_zip64=info.file_size >= 2**31) as dst:
                shutil.copyfileobj(src, dst, 1 << 20)
    return target


# ---------------------------------------------------------------------------- export
def export(output: str | os.PathLike | None = None, *, data_dir: str | os.PathLike | None = None,
           sources_dir: str | os.PathLike | None = None, formats_: tuple[str, ...] = FORMATS,
           jobs: int | None = None, parallel_from: int = PARALLEL_FROM, check: bool = True) -> Summary:
    """Write a release into ``output`` (default ./release); see the module docstring. ``check``:
    run `finsam validate`'s consistency and provenance checks too (the release then records that
    it passed them). Raises :class:`finsam.errors.FinsamError` subclasses with a message on bad input."""
    from finsam import __version__
    clock = _Clock()
    dest = Path(output or DEFAULT_OUTPUT).resolve()
    unknown = [f for f in formats_ if f not in FORMATS]
    if unknown:
        raise formats.ReleaseError(f"unknown format(s) {', '.join(unknown)}: choose from {', '.join(FORMATS)}")
    folder.check_destination(dest)  # refuse before any work
    d = paths.data_dir(data_dir)
    src = paths.sources_dir(sources_dir)
    with clock("load"):
        tables = load(d)
    layout = describe.Layout(__version__, tables.version)
    with clock("sources"):
        sources = describe.source_records(tables, src)
    jobs = max(1, jobs or _cores())
    parallel = jobs > 1 and len(tables.observations) >= parallel_from
    previous = signal.signal(signal.SIGTERM, _on_sigterm) if _main_thread() else None
    try:
        with folder.staging(dest) as tmp:
            if parallel:
                rows, written = _build_parallel(tmp, tables, d, src, layout, sources, formats_, jobs, check, clock)
            else:
                rows, written = _build(tmp, tables, d, src, layout, sources, formats_, check, clock)
            with clock("zip"):
                write_zip(tmp, layout)
            files = {p.relative_to(tmp).as_posix(): p.stat().st_size for p in sorted(tmp.rglob("*")) if p.is_file()}
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
    return Summary(dest, layout, rows, files, written, parallel, clock.seconds)


def _cores() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def _main_thread() -> bool:
    import threading
    return threading.current_thread() is threading.main_thread()


def _on_sigterm(signum, frame):
    raise KeyboardInterrupt  # unwinds like Ctrl-C: the temporary folder goes, the destination stays as it was


def _curated(tables: Tables) -> dict:
    return {n: formats.release_table(tables[n], n) for n in TABLE_ORDER}


def _build(tmp: Path, tables: Tables, d: Path, src: Path, layout, sources, formats_, check, clock):
    """Everything in this process, one step after the other."""
    if check:
        with clock("validate"):
            errors = _validate_task(str(d), str(src))
        if errors:
            raise DataError(errors)
    with clock("derive"):
        facts, rates = derive(tables)
    with clock("arrow"):
        tbls = {**_curated(tables), "facts": formats.release_table(facts, "facts"),
                "outcome_rates": formats.release_table(rates, "outcome_rates")}
    _write_tables(tmp, tbls, tables, layout, formats_, clock)
    if "xlsx" in formats_:
        with clock("xlsx"):
            formats.write_xlsx(tmp / layout.xlsx, describe.workbook_sheets(tables, layout, list(XLSX_TABLES)),
                               {n: tbls[n] for n in XLSX_TABLES})
    return _describe(tmp, tables, layout, sources, tbls, formats_, clock), tuple(formats_)


def _build_parallel(tmp: Path, tables: Tables, d: Path, src: Path, layout, sources, formats_, jobs, check, clock):
    """The checks, the derived tables and the workbook in ``jobs`` worker processes; the main
    process writes the curated tables meanwhile, then the derived ones as they arrive."""
    ctx = mp.get_context("forkserver" if "forkserver" in mp.get_all_start_methods() else "spawn")
    if ctx.get_start_method() == "forkserver":
        ctx.set_forkserver_preload(["finsam.release.export"])
    pool = ctx.Pool(jobs, initializer=_worker_init)
    manager = ctx.Manager() if "xlsx" in formats_ else None
    try:
        with clock("workers: start"):
            rates_queue = manager.Queue() if manager else None
            xlsx = (pool.apply_async(_xlsx_task, (str(d), str(tmp / layout.xlsx), layout, rates_queue))
                    if manager else None)
            parts = [pool.apply_async(_derive_task, (str(d), chunk))
                     for chunk in _chunks(tables.observations, 2 * jobs)]
            checked = pool.apply_async(_validate_task, (str(d), str(src))) if check else None
        with clock("arrow"):
            tbls = _curated(tables)
        _write_tables(tmp, tbls, tables, layout, formats_, clock, sqlite=False)
        with clock("derive (waiting for workers)"):
            results = [p.get() for p in parts]
            facts = _concat([f for f, _ in results])
            rates = _concat([r for _, r in results])
        with clock("arrow"):
            derived = {"facts": formats.release_table(facts, "facts"),
                       "outcome_rates": formats.release_table(rates, "outcome_rates")}
        if rates_queue is not None:
            rates_queue.put(derived["outcome_rates"])
        tbls.update(derived)
        _write_tables(tmp, derived, tables, layout, formats_, clock, sqlite=False)
        if "sqlite" in formats_:
            _write_sqlite(tmp, tbls, tables, layout, clock)
        if checked is not None:
            with clock("validate (waiting for workers)"):
                errors = checked.get()
            if errors:
                raise DataError(errors)
        rows = _describe(tmp, tables, layout, sources, tbls, formats_, clock)
        if xlsx is not None:
            with clock("xlsx (waiting for workers)"):
                xlsx.get()
        pool.close()
    except BaseException:
        pool.terminate()
        raise
    finally:
        pool.join()
        if manager is not None:
            manager.shutdown()
    return rows, tuple(formats_)


def _write_tables(tmp: Path, tbls: dict, tables: Tables, layout, formats_, clock, sqlite: bool = True) -> None:
    for name, tbl in tbls.items():
        with clock("csv"):
            (tmp / layout.csv_dir).mkdir(exist_ok=True)
            formats.write_csv(tbl, tmp / layout.csv(name))
        if "parquet" in formats_:
            with clock("parquet"):
                (tmp / layout.parquet_dir).mkdir(exist_ok=True)
                formats.write_parquet(tbl, tmp / layout.parquet(name))
    if sqlite and "sqlite" in formats_:
        _write_sqlite(tmp, tbls, tables, layout, clock)


def _write_sqlite(tmp: Path, tbls: dict, tables: Tables, layout, clock) -> None:
    with clock("sqlite"):
        formats.write_sqlite(tmp / layout.sqlite, {n: tbls[n] for n in meta.ALL_TABLES if n in tbls},
                             {"observations": np.asarray(tables.observations.index, dtype=np.int64)})


def _describe(tmp: Path, tables: Tables, layout, sources, tbls: dict, formats_, clock) -> dict[str, int]:
    with clock("describe"):
        rows = {n: tbls[n].num_rows for n in meta.ALL_TABLES if n in tbls}
        files = {}
        for n in rows:
            p = tmp / layout.csv(n)
            files[layout.csv(n)] = (describe.sha256_file(p), p.stat().st_size)
        package = describe.datapackage(tables, layout, sources, files, rows)
        (tmp / layout.datapackage).write_text(json.dumps(package, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        (tmp / layout.readme).write_text(describe.readme(tables, layout, rows, list(formats_), sources), encoding="utf-8")
        (tmp / layout.citation).write_text(describe.citation_cff(tables, layout.version, layout.data_version),
                                           encoding="utf-8")
        (tmp / layout.licence).write_text(describe.licence_text(tables), encoding="utf-8")
        if "sqlite" in formats_:
            names = [n for n in meta.ALL_TABLES if n in tbls]
            (tmp / layout.datasette).write_text(
                json.dumps(describe.datasette_metadata(tables, layout, names), ensure_ascii=False, indent=1) + "\n",
                encoding="utf-8")
    return rows
