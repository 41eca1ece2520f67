"""``finsam render``: run every parameterised notebook with papermill for every parameter set the
data supports, convert each to a self-contained HTML page without code, and write an index.

Guarantees: parameters are checked before any kernel starts; data are validated first and
nothing is rendered from bad data; every file is written to a temporary name and renamed, so an
interrupted render (Ctrl-C, SIGTERM) leaves earlier reports intact and no partial files; one
failing notebook or dead kernel does not stop the others, it is listed in the summary and on
the index page, and the exit status is 1.
"""
from __future__ import annotations

import datetime as _dt
import multiprocessing as mp
import os
import signal
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path

from . import kernelpool, paths  # issue 15: kernelpool
from .errors import FinsamError, ParameterError
from .devtools import clean_metadata
from .files import write_atomic
from .kernels import use_project_kernel
from .params import INTERACTIVE, NOTEBOOKS, choices, report_stem

KERNEL = "python3"
KERNEL_ARGS = ["--IPKernelApp.log_level=ERROR"]  # keep the kernel's start-up chatter off the terminal
EXECUTION_TIMEOUT = 600  # seconds per cell: a hung notebook fails instead of blocking the render
GENERATED_MARK = "finsam-generated"
TEMPLATES = Path(__file__).parent / "templates" / "nbconvert"  # the one line of index.html that differs between renders


@dataclass(frozen=True)
class Job:
    notebook: str
    params: tuple  # sorted (name, value) pairs

    @property
    def kwargs(self) -> dict:
        return dict(self.params)

    @property
    def stem(self) -> str:
        return report_stem(self.notebook, self.kwargs)

    @property
    def association(self) -> str | None:
        return self.kwargs.get("association")

    @property
    def html_path(self) -> str:
        """Path of the report relative to the output folder."""
        return f"{self.association or 'all'}/{self.stem}.html"

    @property
    def title(self) -> str:
        extra = ", ".join(f"{v}" for k, v in self.params if k != "association")
        return NOTEBOOKS[self.notebook].title + (f" — {extra}" if extra else "")


@dataclass
class Outcome:
    job: Job
    ok: bool
    seconds: float
    error: str = ""
    figures: list = field(default_factory=list)


def plan(notebooks=None, associations=None, years=None, tables=None) -> list[Job]:
    """The jobs selected by the filters, validated against what the data support."""
    from .data import load
    tables = tables or load()
    names = list(notebooks or NOTEBOOKS)
    for n in names:
        if n not in NOTEBOOKS:
            hint = " (an interactive notebook: open it in JupyterLab)" if n in INTERACTIVE else ""
            raise ParameterError(f"unknown notebook {n!r}{hint}; valid: {', '.join(NOTEBOOKS)}")
    every = {n: choices(n, tables) for n in names}
    known_assoc = sorted({c["association"] for cs in every.values() for c in cs if "association" in c})
    for a in associations or ():
        if a not in known_assoc:
            raise ParameterError(f"unknown association {a!r}; valid: {', '.join(known_assoc)}")
    known_years = sorted({c["year"] for cs in every.values() for c in cs if "year" in c})
    for y in years or ():
        if y not in known_years:
            raise ParameterError(f"no report for year {y}; valid years: {', '.join(map(str, known_years))}")
    jobs = []
    for n in names:
        for c in every[n]:
            if associations and c.get("association") not in associations:
                continue
            if years and ("year" not in c or c["year"] not in years):
                continue
            jobs.append(Job(n, tuple(sorted(c.items()))))
    if not jobs:
        raise ParameterError("no report matches the selection "
                             f"(notebooks {names}, associations {associations or 'any'}, years {years or 'any'})")
    return jobs


# ---------------------------------------------------------------------------- worker side
def _on_sigterm(signum, frame):
    raise KeyboardInterrupt


def _worker_init():
    # SIGTERM in a worker unwinds like Ctrl-C, so papermill shuts its kernel down and temp files go
    signal.signal(signal.SIGTERM, _on_sigterm)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides what an interrupt means
    # kernels inherit this process's stderr; what they log there (start-up notices, the traceback of
    # an interrupted cell) is noise on the user's terminal. Cell errors still reach the notebook.
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 2)
    os.close(devnull)


_EXPORTER = None


def _exporter():
    global _EXPORTER
    if _EXPORTER is None:
        from nbconvert import HTMLExporter
        _EXPORTER = HTMLExporter(template_name="finsam", extra_template_basedirs=[str(TEMPLATES)],
                                 exclude_input=True, exclude_input_prompt=True, exclude_output_prompt=True,
                                 exclude_anchor_links=True)
    return _EXPORTER


def run_job(job: Job, notebooks_dir: str, out_dir: str) -> Outcome:
    """Execute one notebook and write its HTML page; failures are returned, not raised."""
    import papermill as pm
    from papermill.exceptions import PapermillExecutionError

    t0 = time.perf_counter()
    out = Path(out_dir)
    figures_dir = out / "figures" / (job.association or "all")
    params = {**job.kwargs, "figures_dir": str(figures_dir)}
    src = Path(notebooks_dir) / f"{job.notebook}.ipynb"
    lease = kernelpool.Lease(KERNEL, KERNEL_ARGS, str(Path(notebooks_dir)))  # issue 15: kernel started ahead
    try:
        # no output path: the executed notebook stays in memory (it is converted, not kept)
        nb = pm.execute_notebook(str(src), None, parameters=params, kernel_name=KERNEL, progress_bar=False,
                                 log_output=False, cwd=str(Path(notebooks_dir)), request_save_on_cell_execute=False,
                                 execution_timeout=EXECUTION_TIMEOUT, extra_arguments=KERNEL_ARGS,
                                 shutdown_kernel="immediate",  # the kernel is done: no graceful wait
                                 **lease.kwargs())  # issue 15: a pooled kernel (papermill -> nbclient km=)
    except PapermillExecutionError as e:
        return Outcome(job, False, time.perf_counter() - t0, f"{e.ename}: {e.evalue}".strip())
    except KeyboardInterrupt:
        raise
    except Exception as e:  # dead kernel, timeout, unreadable notebook
        return Outcome(job, False, time.perf_counter() - t0, f"{type(e).__name__}: {e}".strip())
    finally:
        lease.release()  # issue 15: this report's kernel is shut down, whatever happened
    # the parameter cells show no output; papermill gives its injected cell a random id, which
    # would make two renders of the same data differ
    nb.cells = [c for c in nb.cells if not {"parameters", "injected-parameters"} & set(c.metadata.get("tags", []))]
    clean_metadata(nb)
    body, _ = _exporter().from_notebook_node(nb, resources={"metadata": {"name": job.title}})
    write_atomic(out / job.html_path, body.encode("utf-8"))
    figs = sorted(p.name for p in figures_dir.glob(f"{job.stem}__*.png")) if figures_dir.is_dir() else []
    return Outcome(job, True, time.perf_counter() - t0, figures=figs)


# ---------------------------------------------------------------------------- parent side
def _check_writable(out: Path) -> None:
    try:
        out.mkdir(parents=True, exist_ok=True)
        fd, probe = tempfile.mkstemp(dir=out, prefix=".write-test-")
        os.close(fd)
        os.unlink(probe)
    except OSError as e:
        raise FinsamError(f"cannot write to output folder {out}: {e.strerror or e}") from None


def _remove_stale_temp(out: Path) -> None:
    for p in out.rglob(".*.tmp"):
        p.unlink(missing_ok=True)


def _terminate(executor: ProcessPoolExecutor) -> None:
    """Stop the workers and every kernel they started (kernels run in sessions of their own, so
    they are found as descendants, not by process group), then return."""
    import psutil
    workers = [p for p in getattr(executor, "_processes", {}).values()]
    tree = []
    for w in workers:
        try:
            tree += psutil.Process(w.pid).children(recursive=True)
        except psutil.Error:
            pass
    for w in workers:
        if w.is_alive():
            w.terminate()  # SIGTERM: the worker asks papermill to shut its kernel down
    deadline = time.monotonic() + 5
    for w in workers:
        w.join(max(0.0, deadline - time.monotonic()))
        if w.is_alive():
            w.kill()
    for p in tree:  # whatever is still running now is orphaned: end it
        try:
            p.terminate()
        except psutil.Error:
            pass
    gone, alive = psutil.wait_procs(tree, timeout=3)
    for p in alive:
        try:
            p.kill()
        except psutil.Error:
            pass
    psutil.wait_procs(alive, timeout=3)
    executor.shutdown(wait=False, cancel_futures=True)


def execute(jobs: list[Job], out: Path, jobs_n: int, progress: bool, notebooks_dir: Path) -> list[Outcome]:
    from tqdm import tqdm
    nb_dir = str(notebooks_dir)
    outcomes: list[Outcome] = []
    bar = tqdm(total=len(jobs), unit="report", disable=not progress, file=sys.stderr, dynamic_ncols=True)
    executor = ProcessPoolExecutor(max_workers=min(jobs_n, len(jobs)), mp_context=mp.get_context("spawn"),
                                   initializer=_worker_init)
    previous = signal.signal(signal.SIGTERM, _on_sigterm)
    try:
        futures = {executor.submit(run_job, j, nb_dir, str(out)): j for j in jobs}
        for f in as_completed(futures):
            try:
                outcomes.append(f.result())
            except Exception as e:  # a worker process died
                outcomes.append(Outcome(futures[f], False, 0.0, f"worker failed: {type(e).__name__}: {e}"))
            bar.set_postfix_str(futures[f].stem, refresh=False)
            bar.update()
        executor.shutdown(wait=True)
    except KeyboardInterrupt:
        bar.close()
        _terminate(executor)
        _remove_stale_temp(out)
        raise
    finally:
        signal.signal(signal.SIGTERM, previous)
        bar.close()
    order = {j: i for i, j in enumerate(jobs)}
    return sorted(outcomes, key=lambda o: order[o.job])


def write_index(out: Path, all_jobs: list[Job], outcomes: list[Outcome], tables, stamp: str) -> None:
    """reports/index.html: every supported report grouped by association, its figures, the data
    version and this run's failures. Text from the data is escaped by Jinja's autoescape."""
    from jinja2 import Environment, PackageLoader
    env = Environment(loader=PackageLoader("finsam", "templates"), autoescape=True)
    failed = {o.job: o.error for o in outcomes if not o.ok}
    names = {str(a): str(n) for a, n in zip(tables.associations["association_id"], tables.associations["name"])}
    groups: dict[str, list] = {}
    for j in all_jobs:
        path = out / j.html_path
        figdir = out / "figures" / (j.association or "all")
        figs = sorted(p.name for p in figdir.glob(f"{j.stem}__*.png")) if figdir.is_dir() else []
        groups.setdefault(j.association or "", []).append(dict(
            title=j.title, href=j.html_path, exists=path.is_file(), error=failed.get(j),
            figures=[dict(png=f"figures/{j.association or 'all'}/{f}",
                          svg=f"figures/{j.association or 'all'}/{f[:-4]}.svg") for f in figs]))
    sections = [dict(id=a or "all", name=names.get(a, "All associations"), reports=groups[a])
                for a in sorted(groups, key=lambda a: (a != "", a))]
    page = env.get_template("index.html.j2").render(
        sections=sections, version=tables.version, failures=[(o.job.title, o.error) for o in outcomes if not o.ok],
        generated=stamp, mark=GENERATED_MARK, sources=tables.sources.to_dict("records"))
    write_atomic(out / "index.html", page.encode("utf-8"))


def render(notebooks=None, associations=None, years=None, jobs: int | None = None, output=None,
           data_dir=None, sources_dir=None, progress: bool = True, notebooks_dir=None,
           force: bool = False, verbose: bool = False) -> int:  # issue 15: force, verbose
    """Render the selected reports; returns the exit status (0 all rendered, 1 any failed)."""
    from .data import load
    from .validate import validate

    if data_dir:
        os.environ[paths.ENV_DATA] = str(Path(data_dir).resolve())
    if sources_dir:
        os.environ[paths.ENV_SOURCES] = str(Path(sources_dir).resolve())
    use_project_kernel()
    src = paths.sources_dir()
    check_prov = src.is_dir()
    if not check_prov:
        print(f"finsam: warning: source texts not found at {src}; quotes are not checked (set FINSAM_SOURCES)",
              file=sys.stderr)
    from . import incremental  # issue 15: inputs validated before (same bytes, code) are not re-validated
    vkey = incremental.validation_key(paths.data_dir(), src, check_prov)  # issue 15
    if not incremental.validated_before(vkey):  # issue 15
        result = validate(provenance=check_prov)
        if result.errors:
            from .errors import DataError
            raise DataError(result.errors)
        incremental.mark_validated(vkey)  # issue 15
    tables = load()  # cached now: kernels read the same validated tables
    selected = plan(notebooks, associations, years, tables)
    out = Path(output).resolve() if output else paths.REPORTS_DIR
    _check_writable(out)
    _remove_stale_temp(out)
    t0 = time.perf_counter()
    n_jobs = jobs or os.cpu_count() or 1
    nb_dir = Path(notebooks_dir).resolve() if notebooks_dir else paths.NOTEBOOKS_DIR
    missing = [j.notebook for j in selected if not (nb_dir / f"{j.notebook}.ipynb").is_file()]
    if missing:
        raise FinsamError(f"notebook file(s) not found in {nb_dir}: {', '.join(sorted(set(missing)))}")
    from .incremental import Session  # issue 15: only pages whose inputs changed are rendered
    session = Session(out, tables, nb_dir, force=force, verbose=verbose)  # issue 15
    todo = session.select(selected)  # issue 15
    print(f"rendering {len(todo)} report(s) with {min(n_jobs, len(todo))} job(s) into {out}"
          f" ({len(session.up_to_date)} up to date)", file=sys.stderr)  # issue 15: todo, up to date
    outcomes = execute(todo, out, n_jobs, progress, nb_dir) if todo else []  # issue 15: todo
    session.record(outcomes)  # issue 15
    stamp = _dt.datetime.now(_dt.timezone.utc).replace(microsecond=0).isoformat()
    write_index(out, plan(tables=tables), outcomes, tables, stamp)
    failed = [o for o in outcomes if not o.ok]
    for o in outcomes:
        status = "ok    " if o.ok else "FAILED"
        print(f"{status} {o.seconds:5.1f}s  {o.job.html_path}" + (f"  — {o.error}" if o.error else ""))
    print(f"render: {len(outcomes) - len(failed)} of {len(outcomes)} report(s) rendered in "
          f"{time.perf_counter() - t0:.1f}s; index: {out / 'index.html'}"
          + (f"; {len(failed)} FAILED" if failed else "")
          + f"; {len(session.up_to_date)} up to date")  # issue 15
    return 1 if failed else 0
