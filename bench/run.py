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
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import os
import platform
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
from finsam import paths  # noqa: E402
from finsam.kernels import use_project_kernel  # noqa: E402

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
LOAD_S, VALIDATE_S, PEAK_BYTES = 3.0, 15.0, 2 * 2**30
GROWTH_EXPONENT = 1.1  # time ∝ rows^k; k up to 1.1 counts as linear (noise, cache effects)


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
    ]


# ---------------------------------------------------------------------------- 1. report vs floor
def render_vs_floor(res: Results, runs: int, reports: list[str], warmup: int) -> None:
    import nbformat
    import papermill as pm
    from nbconvert import HTMLExporter

    import finsam
    from finsam import render

    use_project_kernel()
    finsam.load()  # validates once and fills the disk cache, which the kernels then hit
    floor_exporter = HTMLExporter(exclude_input=True)
    render._exporter()  # both exporters are built once per process, as in a render worker

    def floor(out: Path) -> None:
        # the same papermill call as finsam.render.run_job, minus the project's notebook
        with tempfile.TemporaryDirectory(prefix="finsam-floor-") as tmp:
            executed = Path(tmp) / "floor.ipynb"
            pm.execute_notebook(str(BENCH / "floor.ipynb"), str(executed), parameters={"figures_dir": tmp},
                                kernel_name=render.KERNEL, progress_bar=False, log_output=False, cwd=str(BENCH),
                                execution_timeout=render.EXECUTION_TIMEOUT, extra_arguments=render.KERNEL_ARGS)
            nb = nbformat.read(str(executed), as_version=4)
        body, _ = floor_exporter.from_notebook_node(nb)
        render.write_atomic(out / "floor.html", body.encode("utf-8"))

    def report(name: str, out: Path) -> None:
        notebook, params = REPORTS[name]
        outcome = render.run_job(render.Job(notebook, params), str(paths.NOTEBOOKS_DIR), str(out))
        if not outcome.ok:
            raise RuntimeError(f"report {name} failed: {outcome.error}")

    def timed(fn, *args) -> float:
        t0 = time.perf_counter()
        fn(*args)
        return time.perf_counter() - t0

    floors: list[float] = []
    times: dict[str, list[float]] = {r: [] for r in reports}
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
                say(f"  run {i + 1}/{runs}: floor {floors[-1]:.2f}s, {r} {times[r][-1]:.2f}s")
    f_med = statistics.median(floors)
    rows = [["floor (bench/floor.ipynb)", f"{f_med:.2f}", f"{min(floors):.2f}–{max(floors):.2f}", len(floors),
             "1.00", ""]]
    for r in reports:
        med = statistics.median(times[r])
        ratio = med / f_med
        verdict = res.target(f"{r} within {REPORT_VS_FLOOR}× its floor", f"{ratio:.2f}×", ratio <= REPORT_VS_FLOOR)
        nb, params = REPORTS[r]
        label = f"{nb} ({', '.join(f'{k}={v}' for k, v in params)})" if params else nb
        rows.append([label, f"{med:.2f}", f"{min(times[r]):.2f}–{max(times[r]):.2f}", len(times[r]),
                     f"{ratio:.2f}", f"{verdict} (≤ {REPORT_VS_FLOOR})"])
    res.section("Render cost per report against its floor",
                f"Median wall time of {runs} run(s) each (after {warmup} warm-up round(s)), in one process, "
                "floor and report runs alternating. A run is papermill executing the notebook in a fresh "
                "`python3` kernel plus the HTML conversion (`finsam.render.run_job` for reports).",
                "", *table(["notebook", "median s", "range s", "runs", "× floor", "target"], rows))


# ---------------------------------------------------------------------------- 2. whole suite
def suite(res: Results) -> None:
    exe = Path(sys.executable).with_name("finsam")
    env = dict(os.environ)
    rows, walls = [], {}
    for jobs in (1, 2):
        with tempfile.TemporaryDirectory(prefix=f"finsam-bench-suite{jobs}-") as out:
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
        rows.append([jobs, n, f"{wall:.1f}", phase, f"{wall / float(n):.2f}" if n != "?" else "?"])
    speedup = walls[1] / walls[2]
    verdict = res.target(f"two jobs ≥ {TWO_JOB_SPEEDUP}× the throughput of one", f"{speedup:.2f}×",
                         speedup >= TWO_JOB_SPEEDUP)
    res.section("Whole-suite rendering",
                "`finsam render --jobs N --no-progress` in a subprocess into a temporary folder; wall time "
                "includes start-up and validation of data/, the phase column is the rendering alone as "
                "finsam render reports it.",
                "", *table(["jobs", "reports", "wall s", "rendering phase s", "wall s per report"], rows),
                "", f"Speed-up of two jobs over one: **{speedup:.2f}×** — {verdict} (target ≥ {TWO_JOB_SPEEDUP}×).")


# ---------------------------------------------------------------------------- 3. data layer
# Runs in a fresh interpreter per measurement: ru_maxrss is a high-water mark that never goes down,
# so measurements sharing a process would inherit each other's peaks. Imports happen before the
# clock starts: they cost the same at every size and would hide how the work itself grows.
_CHILD = r"""
import json, resource, sys, time
import finsam, finsam.validate
what, data, sources = sys.argv[1:4]
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
t0 = time.perf_counter()
if what == "load":
    t = finsam.load(data, use_cache=False)
    errors, rows = [], len(t.observations)
else:
    r = finsam.validate.validate(data, sources, provenance=True)
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
                m = measure(what, d, s)
                say(f"  {n:,} rows {what}: {m['seconds']:.2f}s, peak {m['peak'] / 2**20:.0f} MiB, {m['errors']} error(s)")
                if m["errors"]:
                    raise RuntimeError(f"validation found {m['errors']} error(s) in the synthetic data of "
                                       f"{n} rows (a generator bug):\n" + "\n".join(m["first"]))
                if m["rows"] != n:
                    raise RuntimeError(f"{what} returned {m['rows']} observations, expected {n}")
                got[what].append((n, m["seconds"]))
                rows.append([f"{n:,}", what, f"{m['seconds']:.2f}", f"{1e6 * m['seconds'] / n:.2f}",
                             f"{m['peak'] / 2**20:.0f}", f"{(m['peak'] - m['base']) / 2**20:.0f}", m["errors"]])
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
        peak = max(float(at["load"][4]), float(at["validate"][4])) * 2**20
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
                "`validate` is `finsam.validate.validate(dir, sources, provenance=True)`. Each in a fresh "
                "process, timed after the imports; peak is the process's ru_maxrss, and Δ its growth over "
                "the imports' baseline.",
                "", *table(["rows", "step", "seconds", "µs/row", "peak MiB", "Δ MiB", "errors"], rows),
                "", "Growth between consecutive sizes:", *growth)


# ---------------------------------------------------------------------------- main
def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--runs", type=int, default=5, help="runs of each notebook in the report-vs-floor table")
    p.add_argument("--warmup", type=int, default=1, help="untimed rounds before the report-vs-floor runs")
    p.add_argument("--reports", default=",".join(REPORTS),
                   help=f"reports compared with the floor, from {', '.join(REPORTS)}")
    p.add_argument("--sizes", default="10000,100000,1000000", help="rows of synthetic data, comma-separated")
    p.add_argument("--skip-render", action="store_true", help="skip report-vs-floor and whole-suite rendering")
    p.add_argument("--skip-suite", action="store_true", help="skip whole-suite rendering only")
    p.add_argument("--skip-data", action="store_true", help="skip the data layer")
    p.add_argument("--out", type=Path, default=BENCH / "results.md", help="results file (default bench/results.md)")
    a = p.parse_args(argv)
    reports = [r for r in a.reports.split(",") if r]
    unknown = [r for r in reports if r not in REPORTS]
    if unknown or a.runs < 1:
        p.error(f"unknown report(s) {unknown}" if unknown else "--runs must be at least 1")
    sizes = sorted(int(s.replace("_", "")) for s in a.sizes.split(",") if s)

    res = Results()
    t0 = time.perf_counter()
    stamp = code_stamp()
    res.section("Machine", *machine_info())
    if not a.skip_render:
        say("render cost per report against its floor …")
        render_vs_floor(res, a.runs, reports, a.warmup)
        if not a.skip_suite:
            say("whole-suite rendering …")
            suite(res)
    if not a.skip_data:
        say("data layer …")
        data_layer(res, sizes)
    now = code_stamp()
    changed = sorted(f for f in stamp.keys() | now.keys() if stamp.get(f) != now.get(f))
    if changed:
        res.sections.insert(1, "## Warning\n\nThese files changed while the benchmark ran, so its numbers mix "
                               f"versions of the code; re-run it: {', '.join(changed)}.")
        say(f"warning: files changed during the run: {', '.join(changed)}")
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
