"""Benchmark of rendering and of the data layer; writes bench/results.md (never edit it by hand).

    .venv/bin/python bench/run.py [--runs N] [--sizes 10000,100000,1000000]
                                  [--skip-render] [--skip-suite] [--skip-data] [--out PATH]

1. Render cost per report against its floor. The floor (bench/floor.ipynb) is what any report
   pays whatever it computes: a papermill kernel that imports pandas, matplotlib and seaborn and
   saves one figure, then nbconvert's HTMLExporter. Floor and report runs alternate in this one
   process, so drift of the machine (other load, thermal state, caches) hits both alike.
2. Whole-suite rendering: ``finsam render`` with one and with two jobs, as a user runs it.
3. The data layer on synthetic data (bench/synth.py) of growing size: ``finsam.load`` and full
   validation each in a fresh process, so that peak memory belongs to one measurement.
4. Issue 15: the whole site per page with and without the kernel pool, a no-op re-render, a
   re-render after one association's rows changed, and a synthetic national-scale plan (75
   associations x 10 years) of which a sample is rendered with --jobs 2 and extrapolated.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from importlib import metadata
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(BENCH))  # synth.py lives beside this file, which is not a package

import synth  # noqa: E402
from finsam.core import paths  # noqa: E402
from finsam.site import kernelpool
from finsam.site.kernels import use_project_kernel  # noqa: E402

REPORTS = {  # one report of each parameterised notebook: name -> (notebook, params)
    "gender_outcomes": ("gender_outcomes", (("association", "bhs"), ("year", 2018))),
    "yearly_trend": ("yearly_trend", (("association", "ostra-sodertorn"), ("metric", "cost"))),
    "overview": ("overview", ()),
    "interventions": ("interventions", (("association", "bhs"), ("year", 2018))),
    "gender_gaps": ("gender_gaps", ()),
}
PACKAGES = ("finsam", "pandas", "numpy", "pandera", "scipy", "statsmodels", "matplotlib", "seaborn", "papermill",
            "nbconvert", "nbclient", "ipykernel", "jupyter_client", "pyzmq")
# targets from the issue
REPORT_VS_FLOOR = 1.3
TWO_JOB_SPEEDUP = 1.7
AT_SCALE = 1_000_000
DATA_RUNS = 3  # fresh processes per data-layer measurement (the median is reported)
LOAD_S, VALIDATE_S, PEAK_BYTES = 3.0, 15.0, 2 * 2**30
GROWTH_EXPONENT = 1.1  # time ∝ rows^k; k up to 1.1 counts as linear (noise, cache effects)
SITE_PER_PAGE_RATIO = 0.5  # issue 15: whole-site wall time per page against the fresh-kernel render
NOOP_S = 3.0  # issue 15: a no-op re-render of the full site
NATIONAL_ASSOCIATIONS, NATIONAL_YEARS = 75, len(synth.YEARS)
NATIONAL_MIN = 45  # issue 26: the whole national site (both languages) in under 45 min on two cores


class Results:
    """The sections of results.md, in order, and the verdict on each target."""

    def __init__(self):
        self.sections: list[str] = []
        self.targets: list[tuple[str, str, str, bool | None]] = []  # target, measured, verdict

    def section(self, title: str, *lines: str) -> None:
        self.sections.append("\n".join([f"## {title}", "", *lines]))

    def target(self, what: str, measured: str, ok: bool | None) -> str:
        verdict = "n/a" if ok is None else ("PASS" if ok else "MISS")
        self.targets.append((what, measured, verdict))
        return verdict


def table(header: list[str], rows: list[list]) -> list[str]:
    out = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    out += ["| " + " | ".join(str(c) for c in r) + " |" for r in rows]
    return out


def code_stamp() -> dict[str, int]:
    """mtimes of the package's and the notebooks' files: a change during the run means the numbers
    mix two versions of the code (and kernels miss the table cache, which is keyed by the code)."""
    files = [*paths.PACKAGE_DIR.rglob("*.py"), *paths.NOTEBOOKS_DIR.glob("*.ipynb")]
    return {str(f.relative_to(ROOT)): f.stat().st_mtime_ns for f in files if f.is_file()}


def say(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


# ---------------------------------------------------------------------------- machine
def machine_info() -> list[str]:
    import psutil
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor() or "?") \
        if Path("/proc/cpuinfo").is_file() else platform.processor() or "?"
    versions = []
    for p in PACKAGES:
        try:
            versions.append(f"{p} {metadata.version(p)}")
        except metadata.PackageNotFoundError:
            pass
    try:
        import finsam
        data = finsam.data_version()
    except Exception as e:  # the benchmark of synthetic data does not need the real data
        data = f"unavailable ({type(e).__name__})"
    return [
        f"- date: {dt.datetime.now().astimezone().replace(microsecond=0).isoformat()}",
        f"- cores: {os.cpu_count()} logical, {psutil.cpu_count(logical=False)} physical; "
        f"usable by this process: {len(os.sched_getaffinity(0)) if hasattr(os, 'sched_getaffinity') else '?'}",
        f"- cpu: {cpu}",
        f"- memory: {psutil.virtual_memory().total / 2**30:.1f} GiB",
        f"- platform: {platform.platform()}",
        f"- python: {platform.python_version()} ({sys.executable})",
        f"- packages: {', '.join(versions)}",
        f"- data version of data/: {data}",
        "- bytecode: finsam's modules are compiled before the runs (`compileall`), as pip compiles an installed "
        "package; PYTHONDONTWRITEBYTECODE is " + ("set" if os.environ.get("PYTHONDONTWRITEBYTECODE") else "not set")
        + " in this environment",
        f"- load average (1, 5, 15 min) at the start: {', '.join(f'{x:.1f}' for x in os.getloadavg())} — "
        "the machine is shared: other engineers' test runs compete for its cores, so wall times here "
        "are slower and noisier than on an idle machine",
    ]


# ---------------------------------------------------------------------------- 1. report vs floor
def render_vs_floor(res: Results, runs: int, reports: list[str], warmup: int) -> None:
    import papermill as pm
    from nbconvert import HTMLExporter

    import finsam
    from finsam.site import render

    use_project_kernel()
    # this table is the cost of one report in a fresh kernel started for it (papermill starts it);
    # the kernel pool (issue 15) would start the next kernel during the floor run and blur both
    os.environ[kernelpool.ENV_POOL] = "0"
    finsam.load()  # validates once and fills the disk cache, which the kernels then hit
    floor_exporter = HTMLExporter(exclude_input=True)
    render._exporter()  # both exporters are built once per process, as in a render worker

    def floor(out: Path) -> None:
        # the same papermill call as finsam.site.render.run_job, minus the project's notebook
        with tempfile.TemporaryDirectory(prefix="finsam-floor-") as tmp:
            # the same options as run_job, the executed notebook kept in memory as there: an
            # immediate kernel shutdown (the floor's graceful one added about 0.8 s before
            # 2026-11-24, which flattered every report's ratio)
            nb = pm.execute_notebook(str(BENCH / "floor.ipynb"), None, parameters={"figures_dir": tmp},
                                     cwd=str(BENCH), **render.PAPERMILL_OPTIONS)
        body, _ = floor_exporter.from_notebook_node(nb)
        render.write_atomic(out / "floor.html", body.encode("utf-8"))

    written: set[str] = set()  # the files run_job wrote: it may replace them (and only them) next time

    def report(name: str, out: Path) -> None:
        notebook, params = REPORTS[name]
        outcome = render.run_job(render.Job(notebook, params), str(paths.NOTEBOOKS_DIR), str(out), known=written)
        if not outcome.ok:
            raise RuntimeError(f"report {name} failed: {outcome.error}")
        written.update(outcome.files)

    def timed(fn, *args) -> float:
        t0 = time.perf_counter()
        fn(*args)
        return time.perf_counter() - t0

    floors: list[float] = []
    times: dict[str, list[float]] = {r: [] for r in reports}
    paired: dict[str, list[float]] = {r: [] for r in reports}  # each run / the floor run just before it
    with tempfile.TemporaryDirectory(prefix="finsam-bench-render-") as tmp:
        out = Path(tmp)
        for _ in range(warmup):  # the first kernel start pays for cold disk caches
            timed(floor, out)
            for r in reports:
                timed(report, r, out)
        for i in range(runs):
            # each report right after a floor run; the order rotates so no report always runs first
            order = reports[i % len(reports):] + reports[:i % len(reports)]
            for r in order:
                floors.append(timed(floor, out))
                times[r].append(timed(report, r, out))
                paired[r].append(times[r][-1] / floors[-1])
                say(f"  run {i + 1}/{runs}: floor {floors[-1]:.2f}s, {r} {times[r][-1]:.2f}s")
    # the same reports, one after another from the kernel pool: each report's kernel was started
    # (and its libraries imported) while the previous report ran
    os.environ[kernelpool.ENV_POOL] = "1"
    pooled: dict[str, list[float]] = {r: [] for r in reports}
    with tempfile.TemporaryDirectory(prefix="finsam-bench-pool-") as tmp:
        out = Path(tmp)
        report(reports[0], out)  # fills the pool
        for i in range(runs):
            for r in reports:
                pooled[r].append(timed(report, r, out))
    kernelpool.close_all()
    f_med = statistics.median(floors)
    rows = [["floor (bench/floor.ipynb)", f"{f_med:.2f}", f"{min(floors):.2f}–{max(floors):.2f}", len(floors),
             "1.00", "", ""]]
    for r in reports:
        med = statistics.median(times[r])
        ratio = med / f_med
        verdict = res.target(f"{r} within {REPORT_VS_FLOOR}× its floor", f"{ratio:.2f}×", ratio <= REPORT_VS_FLOOR)
        nb, params = REPORTS[r]
        label = f"{nb} ({', '.join(f'{k}={v}' for k, v in params)})" if params else nb
        pr = paired[r]
        rows.append([label, f"{med:.2f}", f"{min(times[r]):.2f}–{max(times[r]):.2f}", len(times[r]),
                     f"{ratio:.2f}", f"{verdict} (≤ {REPORT_VS_FLOOR})",
                     f"{statistics.median(pr):.2f} ({min(pr):.2f}–{max(pr):.2f})"])
    prow = [[r, f"{statistics.median(pooled[r]):.2f}", f"{min(pooled[r]):.2f}–{max(pooled[r]):.2f}",
             len(pooled[r]), f"{statistics.median(pooled[r]) / f_med:.2f}"] for r in reports]
    res.section("Render cost per report against its floor",
                f"Median wall time of {runs} run(s) each (after {warmup} warm-up round(s)), in one process, "
                "floor and report runs alternating. A run is papermill executing the notebook in a fresh "
                "`python3` kernel plus the HTML conversion (`finsam.site.render.run_job` for reports; the kernel "
                f"pool is off for this table: `{kernelpool.ENV_POOL}=0`). The verdict is the ratio of the "
                "medians; the last column shows how much one run varies: each run divided by the floor run "
                "just before it, their median and range.",
                "", *table(["notebook", "median s", "range s", "runs", "× floor", "target",
                            "run ÷ floor before it: median (range)"], rows),
                "", "The same reports run one after another through the kernel pool (issue 15): the time a "
                "report waits for its run when its kernel was started, and its libraries imported, while the "
                "previous report ran. The floor column is the fresh-kernel floor above.",
                "", *table(["report (kernel pool)", "median s", "range s", "runs", "× fresh floor"], prow))


# ---------------------------------------------------------------------------- 2. whole suite
def suite(res: Results, keep: Path | None = None) -> None:
    """``keep``: where the --jobs 2 render goes (kept for the incremental measurements)."""
    exe = Path(sys.executable).with_name("finsam")
    env = dict(os.environ)
    rows, walls = [], {}
    for jobs in (1, 2):
        with tempfile.TemporaryDirectory(prefix=f"finsam-bench-suite{jobs}-") as tmp:
            out = str(keep) if (keep and jobs == 2) else tmp
            say(f"  finsam render --jobs {jobs} …")
            t0 = time.perf_counter()
            p = subprocess.run([str(exe), "render", "--jobs", str(jobs), "--output", out, "--no-progress"],
                               cwd=ROOT, env=env, capture_output=True, text=True)
            wall = time.perf_counter() - t0
        if p.returncode != 0:
            raise RuntimeError(f"finsam render --jobs {jobs} failed ({p.returncode}):\n{p.stderr}{p.stdout}")
        summary = next((line for line in p.stdout.splitlines() if line.startswith("render:")), "")
        # the rendering phase alone (after validation and planning), as finsam render reports it
        phase = summary.split(" rendered in ")[1].split("s;")[0] if " rendered in " in summary else "?"
        n = summary.split(" of ")[1].split(" ")[0] if " of " in summary else "?"
        walls[jobs] = wall
        SUITE_WALLS[jobs] = (wall, int(n) if n != "?" else 0)
        rows.append([jobs, n, f"{wall:.1f}", phase, f"{wall / float(n):.2f}" if n != "?" else "?"])
    speedup = walls[1] / walls[2]
    verdict = res.target(f"two jobs ≥ {TWO_JOB_SPEEDUP}× the throughput of one", f"{speedup:.2f}×",
                         speedup >= TWO_JOB_SPEEDUP)
    res.section("Whole-suite rendering",
                "`finsam render --jobs N --no-progress` (kernel pool on, as a user runs it) in a subprocess "
                "into an empty temporary folder; wall time "
                "includes start-up and validation of data/, the phase column is the rendering alone as "
                "finsam render reports it.",
                "", *table(["jobs", "reports", "wall s", "rendering phase s", "wall s per report"], rows),
                "", f"Speed-up of two jobs over one: **{speedup:.2f}×** — {verdict} (target ≥ {TWO_JOB_SPEEDUP}×).")


SUITE_WALLS: dict[int, tuple[float, int]] = {}


# ---------------------------------------------------------------------------- 4. issue 15
def render_cli(out, *args, env=None, sample_memory=False, allow_failed=False) -> dict:
    """``finsam render --no-progress --output OUT ARGS`` in a subprocess: wall time, the summary
    line's counts, and (sample_memory) the peak of the summed RSS of the process tree (parent,
    workers, kernels), sampled every 0.1 s."""
    import psutil
    exe = Path(sys.executable).with_name("finsam")
    # the output goes to files: a pipe nobody reads while the memory is sampled fills at 64 KiB (a
    # national render prints a line per page: 5 944 lines) and the render blocks writing to it
    logs = tempfile.TemporaryDirectory(prefix="finsam-bench-render-")
    out_f = open(Path(logs.name) / "stdout", "w+", encoding="utf-8")
    err_f = open(Path(logs.name) / "stderr", "w+", encoding="utf-8")
    t0 = time.perf_counter()
    proc = subprocess.Popen([str(exe), "render", "--no-progress", "--output", str(out), *args], cwd=ROOT,
                            env={**os.environ, **(env or {})}, stdout=out_f, stderr=err_f, text=True)
    peak = 0
    if sample_memory:
        root = psutil.Process(proc.pid)
        while proc.poll() is None:
            total = 0
            try:
                for p in [root, *root.children(recursive=True)]:
                    try:
                        total += p.memory_info().rss
                    except psutil.Error:
                        pass
            except psutil.Error:
                pass
            peak = max(peak, total)
            time.sleep(0.1)
    proc.wait()
    wall = time.perf_counter() - t0
    out_f.seek(0)
    err_f.seek(0)
    stdout, stderr = out_f.read(), err_f.read()
    out_f.close()
    err_f.close()
    logs.cleanup()
    if proc.returncode != 0 and not (allow_failed and proc.returncode == 1 and " FAILED" in stdout):
        raise RuntimeError(f"finsam render {' '.join(args)} failed ({proc.returncode}):\n{stderr[-3000:]}{stdout[-3000:]}")
    summary = next((line for line in stdout.splitlines() if line.startswith("render:")), "")
    m = re.search(r"render: (\d+) of (\d+) report\(s\) rendered in ([\d.]+)s.*; (\d+) up to date", summary)
    if not m:
        raise RuntimeError(f"unexpected summary from finsam render: {summary!r}")
    ok, n, phase, kept = int(m[1]), int(m[2]), float(m[3]), int(m[4])
    errors = sorted({line.split("  — ", 1)[1] for line in stdout.splitlines()
                     if line.startswith("FAILED") and "  — " in line})
    return dict(wall=wall, rendered=ok, attempted=n, phase=phase, kept=kept, peak=peak, stdout=stdout, stderr=stderr,
                failed=n - ok, errors=errors)


def edit_note(data_dir: Path, association: str) -> None:
    """Append to the note of one observation of ``association`` (a change of its rows that leaves
    the data valid: the note is free text unless it explains a conflict)."""
    import csv
    path = data_dir / "observations.csv"
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    ca, cn = rows[0].index("association_id"), rows[0].index("note")
    row = next(r for r in rows[1:] if r[ca] == association and not r[cn].lower().startswith(("conflict", "rounding")))
    row[cn] += " (edited by the benchmark)"
    with open(path, "w", newline="", encoding="utf-8") as f:
        csv.writer(f, lineterminator="\n").writerows(rows)


def site(res: Results, rendered: Path) -> None:
    """Whole site before (fresh kernels, papermill starts each) and after (kernel pool), a no-op
    re-render and a re-render after one association's rows changed. ``rendered``: the site the
    whole-suite --jobs 2 run (kernel pool on) just wrote."""
    from finsam.data.load import load
    from finsam.site.render import plan
    after_wall, n = SUITE_WALLS[2]
    with tempfile.TemporaryDirectory(prefix="finsam-bench-before-") as tmp:
        say("  before: finsam render --jobs 2 with fresh kernels (FINSAM_KERNEL_POOL=0) …")
        before = render_cli(tmp, "--jobs", "2", env={kernelpool.ENV_POOL: "0"})
    ratio = (after_wall / n) / (before["wall"] / before["rendered"])
    v1 = res.target(f"whole site: wall time per page ≤ {SITE_PER_PAGE_RATIO}× fresh-kernel render (--jobs 2)",
                    f"{ratio:.2f}×", ratio <= SITE_PER_PAGE_RATIO)
    say("  no-op re-render …")
    noop = render_cli(rendered, "--jobs", "2")
    v2 = res.target(f"no-op re-render of the full site < {NOOP_S:g} s", f"{noop['wall']:.2f} s "
                    f"({noop['rendered']} rendered, {noop['kept']} kept)", noop["wall"] < NOOP_S and noop["attempted"] == 0)
    # one association's rows change: only its pages and the overview are re-rendered
    tables = load()
    jobs = plan(tables=tables)
    counts: dict[str, int] = {}
    for j in jobs:
        if j.association:
            counts[j.association] = counts.get(j.association, 0) + 1
    assoc = "ostra-sodertorn" if "ostra-sodertorn" in counts else max(counts, key=counts.get)
    linked = {str(a) for a, s in zip(tables.associations["association_id"], tables.associations["successor_id"])
              if str(s) == assoc} | {assoc}
    expected = sum(1 for j in jobs if j.association is None or j.association in linked)
    with tempfile.TemporaryDirectory(prefix="finsam-bench-data-") as tmp:
        d = Path(tmp)
        for f in paths.data_dir().glob("*.csv"):
            shutil.copy(f, d / f.name)
        edit_note(d, assoc)
        say(f"  re-render after a change to {assoc}'s rows …")
        one = render_cli(rendered, "--jobs", "2", "--data", str(d), "--verbose")
    v3 = res.target(f"after a change to one association's rows ({assoc}): only its pages and the overview",
                    f"{one['rendered']} of {len(jobs)} rendered (expected {expected}), {one['wall']:.1f} s",
                    one["rendered"] == expected == one["attempted"])
    rows = [["before: fresh kernel per report (`FINSAM_KERNEL_POOL=0`), empty folder", before["rendered"],
             f"{before['wall']:.1f}", f"{before['phase']:.1f}", f"{before['wall'] / before['rendered']:.2f}"],
            ["after: kernel pool, empty folder (the --jobs 2 run above)", n, f"{after_wall:.1f}", "",
             f"{after_wall / n:.2f}"],
            ["no-op re-render of the full site", noop["rendered"], f"{noop['wall']:.2f}", f"{noop['phase']:.2f}", ""],
            [f"re-render after a change to {assoc}'s rows", one["rendered"], f"{one['wall']:.1f}",
             f"{one['phase']:.1f}", f"{one['wall'] / max(one['rendered'], 1):.2f}"]]
    res.section("Site rendering: kernel pool and incremental re-renders (issue 15)",
                "`finsam render --jobs 2 --no-progress` in a subprocess; wall includes start-up and "
                "validation of data/ (with provenance), the phase is the rendering alone.",
                "", *table(["render", "pages rendered", "wall s", "phase s", "wall s per page"], rows),
                "", f"Per page, the kernel pool takes **{ratio:.2f}×** the fresh-kernel render — {v1} "
                f"(target ≤ {SITE_PER_PAGE_RATIO}×). No-op re-render: {v2}. One association changed: {v3}; "
                f"why each page was re-rendered (`--verbose`): "
                + "; ".join(sorted({line.split(': ', 1)[1] for line in one["stderr"].splitlines()
                                    if line.startswith("render ") and ': ' in line})) + ".")


def national(res: Results, sample: int) -> None:
    """A synthetic national site (75 associations x 10 years): the plan, its planning cost, and a
    rendered sample of ``sample`` associations with --jobs 2, extrapolated to the whole plan."""
    from finsam.site import incremental
    from finsam.data.load import load
    from finsam.site.render import plan
    with tempfile.TemporaryDirectory(prefix="finsam-bench-national-") as tmp:
        t = Path(tmp)
        d, s = t / "data", t / "sources"
        info = synth.generate(None, d, s, associations=NATIONAL_ASSOCIATIONS)
        rows = info["rows"]
        say(f"  national: {rows:,} rows, {info['associations']} associations")
        tables = load(d, use_cache=False)
        t0 = time.perf_counter()
        jobs = plan(tables=tables)
        t_plan = time.perf_counter() - t0
        by_nb: dict[str, int] = {}
        for j in jobs:
            by_nb[j.notebook] = by_nb.get(j.notebook, 0) + 1
        # planning an incremental re-render of every page against a manifest that records them all
        t0 = time.perf_counter()
        fp = incremental.Fingerprinter(tables, paths.NOTEBOOKS_DIR)
        pages = [fp.page(j) for j in jobs]
        t_fp = time.perf_counter() - t0
        out = t / "site"
        out.mkdir()
        manifest = {"format": incremental.FORMAT, "pages": {}}
        for p in pages:  # as if rendered: a real (empty) file per page
            f = out / p.key
            f.parent.mkdir(parents=True, exist_ok=True)
            f.write_bytes(b"")
            st = f.stat()
            manifest["pages"][p.key] = dict(fingerprint=p.fingerprint, version=tables.version,
                                            files={p.key: [st.st_size, st.st_mtime_ns]})
        t0 = time.perf_counter()
        todo, kept, _ = incremental.plan(pages, manifest, out)
        t_check = time.perf_counter() - t0
        assert not todo and len(kept) == len(pages)
        shutil.rmtree(out)
        # the sample starts with the associations that carry synth.py's edge cases (a missing year,
        # a gender without exits or without exit figures), then ordinary ones
        order = [*sorted({k or 5 for k in synth.EDGE_CASES}), *range(6, NATIONAL_ASSOCIATIONS + 1)]
        names = [f"synth-{k:04d}" for k in order[:sample]]
        sel = [x for a in names for x in ("--association", a)]
        env = {paths.ENV_SOURCES: str(s)}
        say(f"  national sample: {len([j for j in jobs if j.association in names])} pages of {sample} association(s) …")
        site_dir = t / "sample"
        r = render_cli(site_dir, "--jobs", "2", "--data", str(d), *sel, env=env, sample_memory=True, allow_failed=True)
        say("  national sample: the overview of all 75 …")
        ov = render_cli(site_dir, "--jobs", "2", "--data", str(d), "--notebook", "overview", env=env,
                        sample_memory=True, allow_failed=True)
        say("  national sample: the gender gaps of all 75 …")
        gg = render_cli(site_dir, "--jobs", "2", "--data", str(d), "--notebook", "gender_gaps", env=env,
                        sample_memory=True, allow_failed=True)
        noop = render_cli(site_dir, "--jobs", "2", "--data", str(d), *sel, env=env, allow_failed=True)
    langs: dict[str, int] = {}
    for j in jobs:
        if j.association in names:
            langs[j.language] = langs.get(j.language, 0) + 1
    per_page = r["phase"] / max(r["attempted"], 1)  # failed pages took their share of the time too
    ppm = 60 / per_page
    total_pages = len(jobs)
    # the whole-country pages (the overview, the gender gaps) are timed whole, not per page
    est = ((total_pages - by_nb.get("overview", 0) - by_nb.get("gender_gaps", 0)) * per_page + ov["phase"]
           + gg["phase"] + (r["wall"] - r["phase"]))
    peak = max(r["peak"], ov["peak"], gg["peak"])
    failed = r["failed"] + ov["failed"] + gg["failed"]
    res.target(f"national plan ({NATIONAL_ASSOCIATIONS} associations × {NATIONAL_YEARS} years, both languages, "
               f"--jobs 2) < {NATIONAL_MIN:g} min, extrapolated from a sample",
               f"{est / 60:.0f} min ({ppm:.0f} pages/min, peak {peak / 2**20:.0f} MiB, sample of "
               f"{r['attempted'] + ov['attempted'] + gg['attempted']} pages)", est < NATIONAL_MIN * 60)
    res.target("national sample: pages that fail = 0", f"{failed}", failed == 0)
    res.section(f"National scale: {NATIONAL_ASSOCIATIONS} associations × {NATIONAL_YEARS} years (synthetic, issue 15)",
                f"Synthetic valid data from `bench/synth.py`: {rows:,} observations, {info['associations']} "
                f"associations. The plan holds **{total_pages:,} pages** "
                f"({', '.join(f'{k} {v:,}' for k, v in sorted(by_nb.items()))}); listing it took {t_plan:.2f} s, "
                f"fingerprinting every page {t_fp:.2f} s and checking them all against a manifest that records "
                f"them (a no-op plan) {t_check:.2f} s.",
                "", f"Rendering all of them was too slow for this session, so a sample was rendered with "
                f"`--jobs 2` (kernel pool on) and the rest extrapolated from it: the pages of {sample} "
                f"association(s) ({', '.join(f'`{n}`' for n in names)}; {', '.join(f'{v} in {k}' for k, v in sorted(langs.items()))}; "
                "synth.py's edge cases first), then the two pages about all "
                f"{info['associations']} (the overview and the gender gaps), each in every language; the "
                "extrapolation adds those two whole and the sample's rate for every other page. Peak memory is the "
                "largest summed resident memory of the render's process tree (parent, workers, zygotes, kernels), "
                "sampled every 0.1 s: an upper bound, since pages a forked kernel shares copy-on-write with its "
                "zygote are counted in both.",
                "", *table(["render", "pages", "wall s", "phase s", "s per page", "pages/min", "peak MiB"],
                           [[f"pages of {sample} association(s)", r["rendered"], f"{r['wall']:.1f}",
                             f"{r['phase']:.1f}", f"{per_page:.2f}", f"{ppm:.0f}", f"{r['peak'] / 2**20:.0f}"],
                            [f"overview of {info['associations']} associations", ov["rendered"], f"{ov['wall']:.1f}",
                             f"{ov['phase']:.1f}", f"{ov['phase']:.2f}", "", f"{ov['peak'] / 2**20:.0f}"],
                            [f"gender gaps of {info['associations']} associations", gg["rendered"], f"{gg['wall']:.1f}",
                             f"{gg['phase']:.1f}", f"{gg['phase']:.2f}", "", f"{gg['peak'] / 2**20:.0f}"],
                            ["no-op re-render of the sample", noop["rendered"], f"{noop['wall']:.1f}",
                             f"{noop['phase']:.2f}", "", "", ""]]),
                "", (f"{failed} page(s) of the sample failed on the synthetic data (the "
                     "no-op re-render retries them, as it should): "
                     + "; ".join(f"`{e}`" for e in r["errors"] + ov["errors"] + gg["errors"])
                     + ". Their time is counted in the rate.") if failed else "All sampled pages rendered.",
                "", f"Extrapolated full national render with `--jobs 2` on this machine: about "
                f"**{est / 3600:.1f} h** ({total_pages:,} pages at {per_page:.2f} s per page). The no-op "
                "re-render's wall time is mostly validating the national data (with provenance).")


def national_whole(res: Results) -> None:
    """The whole synthetic national site (75 associations × 10 years, both languages) rendered in
    one ``finsam render --jobs 2``: measured, not extrapolated."""
    from finsam.data.load import load
    from finsam.site.render import plan
    with tempfile.TemporaryDirectory(prefix="finsam-bench-national-whole-") as tmp:
        t = Path(tmp)
        d, s = t / "data", t / "sources"
        info = synth.generate(None, d, s, associations=NATIONAL_ASSOCIATIONS)
        jobs = plan(tables=load(d, use_cache=False))
        by_nb: dict[str, int] = {}
        for j in jobs:
            by_nb[j.notebook] = by_nb.get(j.notebook, 0) + 1
        say(f"  national site: all {len(jobs):,} pages …")
        r = render_cli(t / "site", "--jobs", "2", "--data", str(d), env={paths.ENV_SOURCES: str(s)},
                       sample_memory=True, allow_failed=True)
    ppm = 60 * r["attempted"] / max(r["phase"], 1e-9)
    res.target(f"national site ({NATIONAL_ASSOCIATIONS} associations × {NATIONAL_YEARS} years, both languages, "
               f"--jobs 2) < {NATIONAL_MIN:g} min, the whole site rendered",
               f"{r['wall'] / 60:.1f} min ({ppm:.0f} pages/min, peak {r['peak'] / 2**20:.0f} MiB, "
               f"{r['attempted']:,} pages)", r["wall"] < NATIONAL_MIN * 60)
    res.target("national site: pages that fail = 0", f"{r['failed']}", r["failed"] == 0)
    res.section(f"National scale, the whole site: {NATIONAL_ASSOCIATIONS} associations × {NATIONAL_YEARS} years "
                "(synthetic, issue 26)",
                f"Synthetic valid data from `bench/synth.py`: {info['rows']:,} observations, {info['associations']} "
                f"associations; the plan holds {len(jobs):,} pages "
                f"({', '.join(f'{k} {v:,}' for k, v in sorted(by_nb.items()))}), every one rendered by one "
                "`finsam render --jobs 2` (kernel pool on), its wall time measured from the command's start to "
                "its end (validating the national data included). Peak memory is the largest summed resident "
                "memory of the render's process tree, sampled every 0.1 s: an upper bound, since pages a forked "
                "kernel shares copy-on-write with its zygote are counted in both.",
                "", *table(["render", "pages", "wall min", "phase min", "s per page", "pages/min", "peak MiB"],
                           [["the whole national site", r["rendered"], f"{r['wall'] / 60:.1f}", f"{r['phase'] / 60:.1f}",
                             f"{r['phase'] / max(r['attempted'], 1):.2f}", f"{ppm:.0f}", f"{r['peak'] / 2**20:.0f}"]]),
                "", (f"{r['failed']} page(s) failed: " + "; ".join(f"`{e}`" for e in r["errors"]))
                if r["failed"] else "Every page rendered.")


# ---------------------------------------------------------------------------- 3. data layer
# Runs in a fresh interpreter per measurement: ru_maxrss is a high-water mark that never goes down,
# so measurements sharing a process would inherit each other's peaks. Imports happen before the
# clock starts: they cost the same at every size and would hide how the work itself grows.
_CHILD = r"""
import json, resource, sys, time
import finsam, finsam.data.validate
what, data, sources = sys.argv[1:4]
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
t0 = time.perf_counter()
if what == "load":
    t = finsam.load(data, use_cache=False)
    errors, rows = [], len(t.observations)
else:
    r = finsam.data.validate.validate(data, sources, provenance=True)
    errors, rows = [str(p) for p in r.errors], len(r.tables.get("observations", ()))
seconds = time.perf_counter() - t0
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
print(json.dumps(dict(seconds=seconds, peak=peak, base=base, rows=rows, errors=len(errors), first=errors[:5])))
"""


def measure(what: str, data: Path, sources: Path) -> dict:
    p = subprocess.run([sys.executable, "-c", _CHILD, what, str(data), str(sources)], cwd=ROOT,
                       capture_output=True, text=True)
    if p.returncode != 0:
        raise RuntimeError(f"{what} on {data} failed:\n{p.stderr[-3000:]}")
    return json.loads(p.stdout.strip().splitlines()[-1])


def exponent(a: tuple[int, float], b: tuple[int, float]) -> float:
    """k in time ∝ rows^k between two sizes."""
    return math.log(b[1] / a[1]) / math.log(b[0] / a[0])


def data_layer(res: Results, sizes: list[int]) -> None:
    rows, shape, got = [], [], {"load": [], "validate": []}
    with tempfile.TemporaryDirectory(prefix="finsam-bench-data-") as tmp:
        for n in sizes:
            d, s = Path(tmp) / f"data-{n}", Path(tmp) / f"sources-{n}"
            t0 = time.perf_counter()
            info = synth.generate(n, d, s)
            say(f"  {n:,} rows generated in {time.perf_counter() - t0:.1f}s")
            shape.append([f"{n:,}", info["associations"], info["sources"], info["interventions"],
                          f"{info['observations_mb']:.1f}", f"{info['text_mb']:.1f}"])
            for what in ("load", "validate"):
                # one fresh process measures the machine's moment as much as the code: the median of
                # DATA_RUNS (one run's load at a million rows ranged 2.3-3.1 s on the shared machine)
                runs = [measure(what, d, s) for _ in range(DATA_RUNS)]
                secs = sorted(r["seconds"] for r in runs)
                m = dict(runs[0], seconds=statistics.median(secs), peak=max(r["peak"] for r in runs),
                         grown=max(r["peak"] - r["base"] for r in runs))
                say(f"  {n:,} rows {what}: {m['seconds']:.2f}s (median of {DATA_RUNS}), peak {m['peak'] / 2**20:.0f} MiB, "
                    f"{m['errors']} error(s)")
                if m["errors"]:
                    raise RuntimeError(f"validation found {m['errors']} error(s) in the synthetic data of "
                                       f"{n} rows (a generator bug):\n" + "\n".join(m["first"]))
                if m["rows"] != n:
                    raise RuntimeError(f"{what} returned {m['rows']} observations, expected {n}")
                got[what].append((n, m["seconds"]))
                rows.append([f"{n:,}", what, f"{m['seconds']:.2f}", f"{secs[0]:.2f}–{secs[-1]:.2f}",
                             f"{1e6 * m['seconds'] / n:.2f}", f"{m['peak'] / 2**20:.0f}", f"{m['grown'] / 2**20:.0f}",
                             m["errors"]])
            # free the disk before the next, larger size
            for p in (*d.iterdir(), *s.iterdir()):
                p.unlink()
    growth = []
    for what, pts in got.items():
        steps = [f"{exponent(a, b):.2f} ({a[0]:,}→{b[0]:,})" for a, b in zip(pts, pts[1:])]
        k = exponent(pts[-2], pts[-1]) if len(pts) > 1 else None
        growth.append(f"- {what}: time ∝ rows^k with k = {', '.join(steps) or 'n/a (one size)'}")
        if k is not None:
            res.target(f"{what}: growth no worse than linear (k ≤ {GROWTH_EXPONENT} between the two largest sizes)",
                       f"k = {k:.2f}", k <= GROWTH_EXPONENT)
    at = {what: m for what, m in ((r[1], r) for r in rows if r[0] == f"{AT_SCALE:,}")}
    if at:
        load_s, val_s = float(at["load"][2]), float(at["validate"][2])
        peak = max(float(at["load"][5]), float(at["validate"][5])) * 2**20
        res.target(f"load at {AT_SCALE:,} rows < {LOAD_S:g} s", f"{load_s:.2f} s", load_s < LOAD_S)
        res.target(f"validation incl. provenance at {AT_SCALE:,} rows < {VALIDATE_S:g} s", f"{val_s:.2f} s",
                   val_s < VALIDATE_S)
        res.target(f"peak memory at {AT_SCALE:,} rows < {PEAK_BYTES / 2**30:g} GiB", f"{peak / 2**30:.2f} GiB",
                   peak < PEAK_BYTES)
    res.section("Data layer at scale",
                "Synthetic valid data from `bench/synth.py` (10 years, 12 interventions per association, "
                "counts by gender, exit reasons, rates and money; source texts hold the quoted lines plus a "
                "heading and one sentence per intervention, so provenance here is a lower bound of a real "
                "report's text volume).",
                "", *table(["rows", "associations", "sources", "interventions", "observations.csv MiB",
                            "source text MiB"], shape),
                "", "`load` is `finsam.load(dir, use_cache=False)` (structure, schema, consistency, typing); "
                "`validate` is `finsam.data.validate.validate(dir, sources, provenance=True)`. Each in "
                f"{DATA_RUNS} fresh processes, timed after the imports: seconds is their median, range the "
                "fastest and slowest; peak is the largest ru_maxrss, and Δ the largest growth over the "
                "imports' baseline.",
                "", *table(["rows", "step", "seconds", "range s", "µs/row", "peak MiB", "Δ MiB", "errors"], rows),
                "", "Growth between consecutive sizes:", *growth)


def guarded(res: Results, title: str, fn, *args) -> None:
    """Run one section; if it fails, say so in the results instead of losing the other sections."""
    import traceback
    try:
        fn(*args)
    except Exception as e:
        say(traceback.format_exc())
        res.target(title, f"failed: {type(e).__name__}: {str(e)[:300]}", False)
        res.section(title, f"The measurement failed: `{type(e).__name__}: {str(e)[:1000]}`")


# ---------------------------------------------------------------------------- main
def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--runs", type=int, default=9, help="runs of each notebook in the report-vs-floor table")
    p.add_argument("--warmup", type=int, default=1, help="untimed rounds before the report-vs-floor runs")
    p.add_argument("--reports", default=",".join(REPORTS),
                   help=f"reports compared with the floor, from {', '.join(REPORTS)}")
    p.add_argument("--sizes", default="10000,100000,1000000", help="rows of synthetic data, comma-separated")
    p.add_argument("--skip-render", action="store_true", help="skip report-vs-floor and whole-suite rendering")
    p.add_argument("--skip-suite", action="store_true", help="skip whole-suite rendering only")
    p.add_argument("--skip-data", action="store_true", help="skip the data layer")
    p.add_argument("--only-national", action="store_true", help="only the national-scale section (issue 15)")
    p.add_argument("--only-site", action="store_true",
                   help="only the site section (issue 15): --jobs 2 with and without the pool, no-op, one association")
    p.add_argument("--national-sample", type=int, default=1,
                   help="associations of the synthetic national plan actually rendered (0: skip it)")
    p.add_argument("--national-whole", action="store_true",
                   help="with --only-national: render the whole national site instead of a sample (~30 min)")
    p.add_argument("--out", type=Path, default=BENCH / "results.md", help="results file (default bench/results.md)")
    a = p.parse_args(argv)
    reports = [r for r in a.reports.split(",") if r]
    unknown = [r for r in reports if r not in REPORTS]
    if unknown or a.runs < 1:
        p.error(f"unknown report(s) {unknown}" if unknown else "--runs must be at least 1")
    sizes = sorted(int(s.replace("_", "")) for s in a.sizes.split(",") if s)

    # pip compiles an installed package's bytecode; a checkout run with PYTHONDONTWRITEBYTECODE=1
    # (as on the shared build machine) would compile finsam's modules again in every kernel
    import compileall
    compileall.compile_dir(str(paths.PACKAGE_DIR), quiet=1)
    res = Results()
    t0 = time.perf_counter()
    stamp = code_stamp()
    res.section("Machine", *machine_info())
    if a.only_site:
        a.skip_render = a.skip_data = True
        say("site rendering: kernel pool and incremental re-renders …")
        with tempfile.TemporaryDirectory(prefix="finsam-bench-site-") as kept:
            say("  after: finsam render --jobs 2 (kernel pool) …")
            after = render_cli(kept, "--jobs", "2")
            SUITE_WALLS[2] = (after["wall"], after["rendered"])
            guarded(res, "Site rendering: kernel pool and incremental re-renders (issue 15)", site, res, Path(kept))
    if a.only_national:
        a.skip_render = a.skip_data = True
        say("national scale …")
        if a.national_whole:
            guarded(res, "National scale, the whole site (issue 26)", national_whole, res)
        else:
            guarded(res, "National scale (issue 15)", national, res, max(a.national_sample, 1))
    if not a.skip_render:
        say("render cost per report against its floor …")
        render_vs_floor(res, a.runs, reports, a.warmup)
        if not a.skip_suite:
            say("whole-suite rendering …")
            with tempfile.TemporaryDirectory(prefix="finsam-bench-site-") as kept:
                suite(res, Path(kept))
                say("site rendering: kernel pool and incremental re-renders …")
                guarded(res, "Site rendering: kernel pool and incremental re-renders (issue 15)", site, res, Path(kept))
            if a.national_sample > 0:
                say("national scale …")
                guarded(res, "National scale (issue 15)", national, res, a.national_sample)
    if not a.skip_data:
        say("data layer …")
        data_layer(res, sizes)
    now = code_stamp()
    changed = sorted(f for f in stamp.keys() | now.keys() if stamp.get(f) != now.get(f))
    if changed:
        res.sections.insert(1, "## Warning\n\nThese files changed while the benchmark ran, so its numbers mix "
                               f"versions of the code; re-run it: {', '.join(changed)}.")
        say(f"warning: files changed during the run: {', '.join(changed)}")
    res.sections[0] += ("\n- load average (1, 5, 15 min) at the end: "
                        + ", ".join(f"{x:.1f}" for x in os.getloadavg()))
    misses = sum(v == "MISS" for _, _, v in res.targets)
    res.section("Targets", *table(["target", "measured", "verdict"], [list(t) for t in res.targets]),
                "", f"{len(res.targets) - misses} of {len(res.targets)} target(s) met.")
    cmd = " ".join(["bench/run.py", *(argv if argv is not None else sys.argv[1:])])
    text = "\n\n".join([f"# Benchmark results\n\nWritten by `{cmd}` in {time.perf_counter() - t0:.0f} s; "
                        "do not edit by hand, re-run it.", *res.sections]) + "\n"
    a.out.parent.mkdir(parents=True, exist_ok=True)
    a.out.write_text(text, encoding="utf-8")
    print(text)
    say(f"wrote {a.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
