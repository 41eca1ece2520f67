"""``finsam export``: the curated tables as a versioned, citable release folder.

Steps, each timed (``Summary.seconds``, which the benchmark reports):

1. ``load``: the tables, validated as ``finsam.load`` does (structure, schema, duplicate facts);
2. ``validate``: the checks ``finsam validate`` adds (consistency, and provenance: every quote
   against its report text, whose sha256 the release records);
3. ``derive``: the derived tables (derived.py), per group of associations;
4. the formats: CSV, Parquet, SQLite, the workbook; then the descriptions (datapackage.json,
   README.md, CITATION.cff, LICENSE, datasette.json) and a zip of it all.

A release of many observations (``parallel_from`` lines of observations.csv) runs steps 2
and 3, the SQLite database and the workbook in worker processes (worker.py) beside the main one,
which writes the CSV and Parquet files meanwhile; the checks' worker starts first and reads the
data itself while the main process loads it. The files are the same either way
(tests/release/test_release_meta.py compares them: byte for byte, the database by its content).
"""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import zipfile
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from finsam.core import paths
from finsam.data.load import load
from finsam.data.tables import Tables
from finsam.core.errors import DataError, Problem

import finsam.release.describe as describe
import finsam.release.folder as folder
import finsam.release.formats as formats
import finsam.release.meta as meta
from .derived import derive
from finsam.core.files import sha256_file
from .errors import ReleaseError
from .formats import XLSX_TABLES, concat, curated_tables, derived_tables, read_arrow, write_arrow

#: formats besides the CSV files and the descriptions, which every release has
FORMATS = ("parquet", "sqlite", "xlsx")
#: from this many observations (lines of observations.csv, counted before loading) on, the derived
#: tables, the checks, the database and the workbook run in worker processes
PARALLEL_FROM = 100_000
DEFAULT_OUTPUT = "release"
#: niceness of the checks' worker, whose result is needed only at the end: the derived tables, the
#: database, the workbook and this process's files go first. 5 rather than more: on a machine
#: others load, a worker at 10 or more may get so little time that the export waits for it
OFF_PATH_NICE = 5


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


_STORED = (".parquet", ".xlsx", ".zip")  # compressed already
#: zlib level of the other files: 1 deflates a million-row release in a third of the time of the
#: default 6, for a zip about a fifth larger (bench/results-release.md)
ZIP_LEVEL = 1


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
            info._compresslevel = ZIP_LEVEL  # read by ZipFile.open (3.13 names it compress_level, keeping this alias)
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
        raise ReleaseError(f"unknown format(s) {', '.join(unknown)}: choose from {', '.join(FORMATS)}")
    folder.check_destination(dest)  # refuse before any work
    d = paths.data_dir(data_dir)
    src = paths.sources_dir(sources_dir)
    jobs = max(1, jobs or _cores())
    parallel = jobs > 1 and _observation_lines(d) >= parallel_from
    previous = signal.signal(signal.SIGTERM, _on_sigterm) if _main_thread() else None
    workers = _Workers(Path(tempfile.mkdtemp(prefix="finsam-export-")), d) if parallel else None
    try:
        if workers is not None and check:  # reads the data itself: runs while this process loads them
            workers.start([{"kind": "validate", "sources": str(src), "json": str(workers.folder / "validate.json")}],
                          nice=OFF_PATH_NICE)
        with clock("load"):
            tables = load(d)
        layout = describe.Layout(__version__, tables.version)
        with clock("sources"):
            sources = describe.source_records(tables, src)
        with folder.staging(dest) as tmp:
            if workers is not None:  # writes the zip too
                rows, written = _build_parallel(tmp, tables, layout, sources, formats_, jobs, check, clock, workers)
            else:
                rows, written = _build(tmp, tables, d, src, layout, sources, formats_, check, clock)
                with clock("zip"):
                    write_zip(tmp, layout)
            files = {p.relative_to(tmp).as_posix(): p.stat().st_size for p in sorted(tmp.rglob("*")) if p.is_file()}
    finally:
        if workers is not None:
            workers.kill()
            shutil.rmtree(workers.folder, ignore_errors=True)
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
    return Summary(dest, layout, rows, files, written, parallel, clock.seconds)


def _observation_lines(d: Path) -> int:
    """Lines of observations.csv below its header (a quote spanning lines counts each): whether the
    export is large enough for worker processes, known before the tables are loaded."""
    try:
        with open(d / "observations.csv", "rb") as f:
            return max(0, sum(chunk.count(b"\n") for chunk in iter(lambda: f.read(1 << 22), b"")) - 1)
    except OSError:
        return 0


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


class _Writer:
    """Writes the tables into the release as they become available: CSV and Parquet files at once,
    and with ``sqlite`` into the SQLite database (finished when all are in)."""

    def __init__(self, tmp: Path, tables: Tables, layout, formats_, clock, sqlite: bool = True):
        self.tmp, self.layout, self.formats, self.clock = tmp, layout, formats_, clock
        self.tables: dict = {}
        self.rowids = {"observations": np.asarray(tables.observations.index, dtype=np.int64)}
        (tmp / layout.csv_dir).mkdir()
        if "parquet" in formats_:
            (tmp / layout.parquet_dir).mkdir()
        self.db = formats.SqliteWriter(tmp / layout.sqlite) if sqlite and "sqlite" in formats_ else None

    def add(self, tbls: dict) -> None:
        for name, tbl in tbls.items():
            self.tables[name] = tbl
            with self.clock("csv"):
                formats.write_csv(tbl, self.tmp / self.layout.csv(name))
            if "parquet" in self.formats:
                with self.clock("parquet"):
                    formats.write_parquet(tbl, self.tmp / self.layout.parquet(name))
        if self.db is not None:
            with self.clock("sqlite: " + ", ".join(tbls) if len(tbls) < 3 else "sqlite: curated"):
                self.db.add(tbls, self.rowids)

    def finish(self) -> None:
        if self.db is not None:
            with self.clock("sqlite: keys and statistics"):
                self.db.finish()

    def close(self) -> None:
        if self.db is not None:
            self.db.close()


def _build(tmp: Path, tables: Tables, d: Path, src: Path, layout, sources, formats_, check, clock):
    """Everything in this process, one step after the other."""
    if check:
        from finsam.data.validate import validate
        with clock("validate"):
            errors = validate(d, src, provenance=True).errors
        if errors:
            raise DataError(errors)
    out = _Writer(tmp, tables, layout, formats_, clock)
    try:
        with clock("arrow"):
            curated = curated_tables(tables)
        out.add(curated)
        with clock("derive"):
            facts, rates = derive(tables)
        with clock("arrow"):
            derived = derived_tables(facts, rates)
        out.add(derived)
        out.finish()
    finally:
        out.close()
    if "xlsx" in formats_:
        with clock("xlsx"):
            formats.write_xlsx(tmp / layout.xlsx, describe.workbook_sheets(tables, layout, list(XLSX_TABLES)),
                               {n: out.tables[n] for n in XLSX_TABLES})
    return _describe(tmp, tables, layout, sources, out.tables, formats_, clock), tuple(formats_)


class _Workers:
    """Worker processes (worker.py) of one export, each running a list of tasks; their specs, logs
    and results (but the database and the workbook, written into the release) are files in
    ``folder``, a temporary folder removed with the workers. Ended by pid on any error or interruption."""

    def __init__(self, folder: Path, data_dir: Path):
        self.folder, self.data = folder, data_dir
        self.procs: list[tuple[subprocess.Popen, Path]] = []

    def start(self, tasks: list[dict], nice: int = 0) -> None:
        """A worker running ``tasks`` in order; ``nice``: its scheduling niceness (os.nice)."""
        i = len(self.procs)
        spec = self.folder / f"worker-{i}.json"
        spec.write_text(json.dumps({"data": str(self.data), "parent": os.getpid(), "tasks": tasks, "nice": nice,
                                    "times": str(self.folder / f"worker-{i}.times.json")}), encoding="utf-8")
        log = self.folder / f"worker-{i}.log"
        with open(log, "wb") as err:
            p = subprocess.Popen([sys.executable, "-m", "finsam.release.worker", str(spec)], stdin=subprocess.DEVNULL,
                                 stdout=subprocess.DEVNULL, stderr=err)
        self.procs.append((p, log))

    def _check(self) -> bool:
        """True when every worker has ended; raises when one failed."""
        ended = True
        for p, log in self.procs:
            code = p.poll()
            if code is None:
                ended = False
            elif code != 0:
                lines = log.read_text(encoding="utf-8", errors="replace").strip().splitlines()
                raise ReleaseError(f"a worker process of the export failed (exit status {code}): "
                                           f"{lines[-1] if lines else 'no message'}")
        return ended

    def wait_for(self, path: Path) -> Path:
        while not path.exists():
            if self._check() and not path.exists():
                raise ReleaseError(f"a worker process ended without writing {path.name}")
            time.sleep(0.02)
        return path

    def finish(self) -> None:
        while not self._check():
            time.sleep(0.02)

    def times(self) -> dict[str, tuple[float, float]]:
        """Each task's (wall, CPU) seconds in its worker, once the workers have ended."""
        out: dict[str, tuple[float, float]] = {}
        for i in range(len(self.procs)):
            f = self.folder / f"worker-{i}.times.json"
            if f.exists():
                for kind, (wall, cpu) in json.loads(f.read_text(encoding="utf-8")).items():
                    w, c = out.get(kind, (0.0, 0.0))
                    out[kind] = (w + wall, c + cpu)
        return out

    def kill(self) -> None:
        for p, _ in self.procs:
            if p.poll() is None:
                p.kill()
        for p, _ in self.procs:
            p.wait()


def _build_parallel(tmp: Path, tables: Tables, layout, sources, formats_, jobs, check, clock, workers: _Workers):
    """The derived tables (in ``jobs`` groups of associations), the database and the workbook in
    worker processes, beside the checks' worker started before the tables were loaded; the main
    process writes the CSV and Parquet files meanwhile and hands the outcome rates to the
    workbook's worker. Each task has a process of its own: the database waits for the derived
    tables after writing the curated ones, the workbook for the outcome rates."""
    parts = workers.folder
    chunks = _chunks(tables.observations, jobs)
    arrow = [{n: str(parts / f"{n}-{i}.arrow") for n in meta.DERIVED} for i in range(len(chunks))]
    db_parts = [parts / f"derived-{i}.sqlite" for i in range(len(chunks))]
    problems, rates_file = parts / "validate.json", parts / "outcome_rates.arrow"
    with clock("workers: start"):
        for i, chunk in enumerate(chunks):
            workers.start([{"kind": "derive", "associations": chunk, "arrow": arrow[i],
                            "sqlite": str(db_parts[i]) if "sqlite" in formats_ else None}])
        if "sqlite" in formats_:
            workers.start([{"kind": "sqlite", "sqlite": str(tmp / layout.sqlite), "parts": list(map(str, db_parts))}])
        if "xlsx" in formats_:
            workers.start([{"kind": "xlsx", "xlsx": str(tmp / layout.xlsx), "rates": str(rates_file),
                            "layout": [layout.version, layout.data_version]}])
    out = _Writer(tmp, tables, layout, formats_, clock, sqlite=False)
    with clock("arrow"):
        curated = curated_tables(tables)
    out.add(curated)
    with clock("derive (waiting for workers)"):
        results = [{n: read_arrow(workers.wait_for(Path(a[n]))) for n in meta.DERIVED} for a in arrow]
    with clock("arrow"):
        derived = {n: concat([r[n] for r in results]) for n in meta.DERIVED}
    if "xlsx" in formats_:
        write_arrow(derived["outcome_rates"], rates_file)
    out.add(derived)
    rows = _describe(tmp, tables, layout, sources, out.tables, formats_, clock)
    if "sqlite" in formats_:
        with clock("sqlite (waiting for workers)"):
            workers.wait_for(tmp / layout.sqlite)
    if "xlsx" in formats_:
        with clock("xlsx (waiting for workers)"):
            workers.wait_for(tmp / layout.xlsx)
    with clock("zip"):  # while the checks may still run: a failed check removes the folder, zip and all
        write_zip(tmp, layout)
    if check:
        with clock("validate (waiting for workers)"):
            found = json.loads(workers.wait_for(problems).read_text(encoding="utf-8"))
        if found:
            raise DataError([Problem(**p) for p in found])
    with clock("workers: end"):
        workers.finish()
    for kind, (wall, cpu) in workers.times().items():  # summed over the workers that ran the kind of task
        clock.seconds[f"{kind} in workers: wall"] = wall
        clock.seconds[f"{kind} in workers: CPU"] = cpu
    return rows, tuple(formats_)


def _describe(tmp: Path, tables: Tables, layout, sources, tbls: dict, formats_, clock) -> dict[str, int]:
    with clock("describe"):
        rows = {n: tbls[n].num_rows for n in meta.ALL_TABLES if n in tbls}
        files = {}
        for n in rows:
            p = tmp / layout.csv(n)
            files[layout.csv(n)] = (sha256_file(p), p.stat().st_size)
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
