"""A worker process of a large export: ``python -m finsam.release.worker SPEC.json``.

The spec names the data folder and a list of tasks, run in order; each task writes its result
into the export's temporary folder under a temporary name and renames it into place when done, so
the main process (export.py) sees a result whole or not at all:

- ``derive``: the derived tables of some associations, as Arrow IPC files and, optionally, as a
  SQLite part for the database's worker;
- ``sqlite``: the release's database, whole: the curated tables, then the derived ones copied
  from the derive tasks' parts as they appear, the indexes, the foreign-key check and the statistics;
- ``validate``: `finsam validate`'s error findings, as JSON (it reads the data itself: a worker
  with only this task starts before the main process has loaded the tables);
- ``xlsx``: the workbook; its last sheet (the outcome rates) waits for the Arrow file the main
  process writes once the derived tables are in.

Plain processes rather than a multiprocessing pool: nothing lingers after the export (no fork
server, no resource tracker), and the main process ends its workers by their pid. A worker also
ends when the main process does (Linux: the parent-death signal; elsewhere: it polls its parent).
"""
from __future__ import annotations

import json
import os
import signal
import sys
import time
from pathlib import Path



def _die_with_parent(parent: int) -> None:
    if sys.platform.startswith("linux"):
        try:
            import ctypes
            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL, 0, 0, 0)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:
        os._exit(1)


def _wait_for(path: Path, parent: int) -> None:
    while not path.exists():
        if os.getppid() != parent:
            os._exit(1)
        time.sleep(0.05)


def run(spec: dict) -> None:
    import finsam.release.describe as describe
    import finsam.release.formats as formats
    from finsam.data.load import load
    from .formats import XLSX_TABLES, curated_tables, derived_tables, read_arrow, write_arrow
    from .derived import derive
    from .meta import DERIVED
    loaded = []

    def tables():  # the tables from the main process's cache, once a task needs them
        if not loaded:
            loaded.append(load(spec["data"]))
        return loaded[0]

    times = {}
    for task in spec["tasks"]:
        kind = task["kind"]
        t0, c0 = time.perf_counter(), time.process_time()
        if kind == "derive":
            derived = derived_tables(*derive(tables(), task["associations"]))
            for name, tbl in derived.items():
                write_arrow(tbl, Path(task["arrow"][name]))
            if task.get("sqlite"):  # a part of the database, which the database's worker copies in
                out = Path(task["sqlite"])
                part = out.with_name(out.name + ".part")
                db = formats.SqliteWriter(part, keys=False)
                try:
                    db.add(derived)
                finally:
                    db.close()
                os.replace(part, out)
        elif kind == "sqlite":
            out = Path(task["sqlite"])
            part = out.with_name(out.name + ".part")
            db = formats.SqliteWriter(part)
            try:
                db.add(curated_tables(tables()), {"observations": tables().observations.index.to_numpy(dtype="int64")})
                parts = [Path(f) for f in task["parts"]]
                for f in parts:
                    _wait_for(f, spec["parent"])
                for name in DERIVED:
                    db.add_parts(name, parts)
                db.finish()
            finally:
                db.close()
            os.replace(part, out)
        elif kind == "validate":
            from finsam.data.validate import validate
            errors = validate(spec["data"], task["sources"], provenance=True).errors
            out = Path(task["json"])
            out.with_name(out.name + ".part").write_text(json.dumps(
                [dict(path=p.path, line=p.line, message=p.message, level=p.level) for p in errors]), encoding="utf-8")
            os.replace(out.with_name(out.name + ".part"), out)
        elif kind == "xlsx":
            layout = describe.Layout(*task["layout"])
            rates = Path(task["rates"])
            path = Path(task["xlsx"])

            def late_rates():
                _wait_for(rates, spec["parent"])
                return read_arrow(rates)
            part = path.with_name(path.name + ".part")
            formats.write_xlsx(part, describe.workbook_sheets(tables(), layout, list(XLSX_TABLES)),
                               {**curated_tables(tables()), "outcome_rates": late_rates})
            os.replace(part, path)
        else:
            raise ValueError(f"unknown task {kind!r}")
        times[kind] = (time.perf_counter() - t0, time.process_time() - c0)
        if spec.get("times"):
            Path(spec["times"]).write_text(json.dumps(times), encoding="utf-8")


def main(argv=None) -> int:
    args = sys.argv[1:] if argv is None else argv
    spec = json.loads(Path(args[0]).read_text(encoding="utf-8"))
    _die_with_parent(spec["parent"])
    if spec.get("nice"):  # a task off the export's critical path yields the cores to those on it
        os.nice(spec["nice"])
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the main process decides what an interrupt means
    run(spec)
    return 0


if __name__ == "__main__":
    sys.exit(main())
