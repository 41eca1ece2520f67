"""Benchmark of `finsam export` on synthetic data; writes bench/results-release.md (never edit it by hand).

    .venv/bin/python bench/release.py [--rows 1000000] [--runs 3] [--out PATH]

The data come from bench/synth.py (valid, with source texts, as in the data-layer benchmark of
bench/run.py). Each export runs in a fresh process with an empty table cache, as the first export
after a change of the data does: the time is the process's wall time (interpreter start, imports,
validation, every file, the zip), beside the export's own steps (finsam.release.Summary.seconds;
steps that overlap in worker processes are counted where the main process waits for them). Two
configurations: the default (every format) and without the .xlsx workbook (``--formats
parquet,sqlite``), since the workbook was the largest cost of a large export (XlsxWriter's time per
cell, until the table rows were written by Arrow on 2026-12-05).
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(BENCH))

import synth  # noqa: E402
from run import machine_info, say, table  # noqa: E402

EXPORT_S = 30.0  # the brief's target for a million rows
CONFIGS = {"every format (default)": "parquet,sqlite,xlsx", "without the workbook": "parquet,sqlite"}

_CHILD = r"""
import json, sys, time
t0 = time.perf_counter()
from finsam.release import export
out, data, sources, formats = sys.argv[1:5]
s = export(out, data_dir=data, sources_dir=sources, formats_=tuple(f for f in formats.split(",") if f))
print(json.dumps(dict(seconds=time.perf_counter() - t0, steps=s.seconds, parallel=s.parallel, rows=s.rows,
                      files=s.files)))
"""


def measure(data: Path, sources: Path, formats: str, work: Path) -> dict:
    out = work / "release"
    cache = work / "cache"
    env = {**os.environ, "FINSAM_CACHE": str(cache)}
    t0 = time.perf_counter()
    p = subprocess.run([sys.executable, "-c", _CHILD, str(out), str(data), str(sources), formats],
                       cwd=work, env=env, capture_output=True, text=True)
    wall = time.perf_counter() - t0
    if p.returncode != 0:
        raise RuntimeError(f"export failed:\n{p.stderr[-3000:]}")
    r = json.loads(p.stdout.strip().splitlines()[-1])
    r["wall"] = wall
    r["load"] = os.getloadavg()[0]  # the other engineers' work shows here too
    return r


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--runs", type=int, default=3, help="fresh processes per configuration (the median is reported)")
    ap.add_argument("--out", type=Path, default=BENCH / "results-release.md")
    a = ap.parse_args(argv)
    t_start = time.perf_counter()
    head = machine_info()
    rows, verdicts, steps_rows = [], [], []
    with tempfile.TemporaryDirectory(prefix="finsam-bench-release-") as tmp:
        tmp = Path(tmp)
        info = synth.generate(a.rows, tmp / "data", tmp / "sources")
        say(f"{info['rows']:,} rows generated")
        for label, formats in CONFIGS.items():
            runs = []
            for i in range(a.runs):
                work = tmp / f"run-{len(rows)}-{i}"
                work.mkdir()
                r = measure(tmp / "data", tmp / "sources", formats, work)
                say(f"  {label}: {r['wall']:.1f} s")
                runs.append(r)
                for p in sorted(work.rglob("*"), reverse=True):  # free the disk before the next run
                    p.rmdir() if p.is_dir() else p.unlink()
            walls = sorted(r["wall"] for r in runs)
            med = statistics.median(walls)
            typical = min(runs, key=lambda r: abs(r["wall"] - med))
            size = sum(typical["files"].values()) / 2**20
            zip_mb = next(v for k, v in typical["files"].items() if k.endswith(".zip")) / 2**20
            loads = ", ".join(f"{r['load']:.1f}" for r in runs)
            rows.append([label, f"`{formats}`", f"{med:.1f}", f"{walls[0]:.1f}–{walls[-1]:.1f}",
                         "yes" if typical["parallel"] else "no", f"{size:.0f}", f"{zip_mb:.0f}", loads])
            ok = med < EXPORT_S
            verdicts.append([f"export of {a.rows:,} rows, {label}, < {EXPORT_S:g} s", f"{med:.1f} s",
                             "PASS" if ok else "MISS"])
            steps_rows += [[label, step, f"{s:.2f}"] for step, s in typical["steps"].items()]
        tables = typical["rows"]
    text = "\n".join([
        "# Benchmark results: `finsam export`", "",
        f"Written by `bench/release.py {' '.join(argv if argv is not None else sys.argv[1:])}` in "
        f"{time.perf_counter() - t_start:.0f} s; do not edit by hand, re-run it (`make bench` runs it).", "",
        "## Machine", "", *head,
        f"- load average (1, 5, 15 min) at the end: {', '.join(f'{x:.1f}' for x in os.getloadavg())}", "",
        "## Export at scale", "",
        f"Synthetic valid data from `bench/synth.py`: {info['rows']:,} observations, {info['associations']} "
        f"associations, {info['sources']:,} source texts ({info['text_mb']:.0f} MiB). The release holds "
        + ", ".join(f"{n} {v:,}" for n, v in tables.items()) + " rows.", "",
        f"Each export is a fresh process with an empty table cache; seconds is the median of {a.runs} runs' wall "
        "time (interpreter start to exit), range the fastest and slowest. From 100 000 observations on, the "
        "export runs the checks (`finsam validate`: consistency and provenance, started before the main process "
        "loads the tables), the derived tables (one worker per usable core), the SQLite database and the workbook "
        "in worker processes beside the main process; the checks at niceness "
        "`finsam.release.export.OFF_PATH_NICE`.", "",
        *table(["configuration", "--formats", "seconds", "range s", "workers", "release MiB", "zip MiB",
                "load after each run"], rows), "",
        "The load column is the 1-minute load average at the end of each run: with two cores, a load above 2 "
        "means other processes (the other engineers' test runs on this shared machine) took CPU time the "
        "export's processes needed.", "",
        "Steps of the run closest to the median, as the main process timed them (a step done in a worker "
        "counts where the main process waits for it, so overlapped work shows as a short wait), then each kind "
        "of worker task's wall and CPU seconds, summed over the workers that ran it:", "",
        *table(["configuration", "step", "seconds"], steps_rows), "",
        "## Targets", "", *table(["target", "measured", "verdict"], verdicts), "",
    ])
    a.out.write_text(text, encoding="utf-8")
    print(text)
    say(f"wrote {a.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
