"""``finsam render``: run every parameterised notebook with papermill for every parameter set the
data supports, convert each to a self-contained HTML page without code, and write an index.

Guarantees: parameters are checked before any kernel starts; data are validated first and
nothing is rendered from bad data; every file is written to a temporary name and renamed, so an
interrupted render (Ctrl-C, SIGTERM) leaves earlier reports intact and no partial files; one
failing notebook, dead kernel or dead worker does not stop the others (it costs at most the
report it held), it is listed in the summary and on the index page, and the exit status is 1.
Workers and their kernels end with the render process, even when it is killed with SIGKILL.
Only temporary files this render created are removed, by exact name; every file name and link
is built from checked parts and stays inside the output folder.
"""
from __future__ import annotations

import datetime as _dt
import multiprocessing as mp
import os
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from multiprocessing.connection import wait as _wait
from pathlib import Path

# jsonschema (through nbformat and papermill) imports rfc3987_syntax, when installed (JupyterLab's
# jupyter_events asks for it), to check the "iri" string format; that import compiles a grammar and
# costs 2 s of CPU in every process that renders — the command, each worker. Notebook schemas use
# no "iri" format, so a render process goes without it (jsonschema skips a checker it cannot import).
sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[arg-type]

from finsam.site import pages as site  # noqa: E402
from finsam.site import kernelpool
from finsam.core import paths
from finsam.core.cores import usable_cores
from finsam.core.names import EVERY_ASSOCIATION, FIGURE_SEPARATOR, SAFE_PART, is_figure_of
from finsam.core.errors import FinsamError  # noqa: E402
from finsam.core.files import RUN_TAG_ENV, file_state, inside, run_tag, write_atomic  # noqa: E402
from finsam.site.kernels import use_project_kernel  # noqa: E402
from finsam.texts import LANGUAGES, check_language, t  # noqa: E402
from finsam.views.registry import report_stem, select_reports  # noqa: E402

KERNEL = "python3"
KERNEL_ARGS = ["--IPKernelApp.log_level=ERROR"]  # keep the kernel's start-up chatter off the terminal
EXECUTION_TIMEOUT = 600  # seconds per cell: a hung notebook fails instead of blocking the render
#: how every report is executed (bench/run.py runs its floor with the same options)
PAPERMILL_OPTIONS = dict(kernel_name=KERNEL, extra_arguments=KERNEL_ARGS, execution_timeout=EXECUTION_TIMEOUT,
                         progress_bar=False, log_output=False, request_save_on_cell_execute=False,
                         shutdown_kernel="immediate")  # the kernel is done: no graceful wait
GENERATED_MARK = site.GENERATED_MARK  # the one line of a page that differs between renders
from finsam.site.incremental import MANIFEST  # noqa: E402
TEMPLATES = paths.PACKAGE_DIR / "templates" / "nbconvert"


@dataclass(frozen=True)
class Job:
    notebook: str
    params: tuple  # sorted (name, value) pairs
    language: str = LANGUAGES[0]  # of the page; passed to notebooks that declare a `language` parameter
    site_languages: tuple = LANGUAGES  # the languages rendered in this run (the language switch)

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
        return site.report_path(self.language, self.association, self.stem)


@dataclass
class Outcome:
    job: Job
    ok: bool
    seconds: float
    error: str = ""
    #: every file the render of this page wrote (the page, its figures, its downloads), relative to
    #: the output folder, with its state as written (finsam.core.files.file_state)
    files: dict = field(default_factory=dict)


def plan(notebooks=None, associations=None, years=None, tables=None, metrics=None, languages=None) -> list[Job]:
    """The jobs selected by the filters, validated against what the data support: one per
    parameter set and language."""
    filters = dict(association=associations, year=years, metric=metrics)
    langs = check_languages(languages)
    if tables is None:
        from finsam.data.load import load
        tables = load()
    jobs = [Job(n, tuple(sorted(c.items())), lang, langs) for n, c in select_reports(tables, notebooks, filters)
            for lang in langs]
    for job in jobs:
        _check_parts(job)
    return jobs


def check_languages(languages) -> tuple:
    """The languages asked for, in the site's order; all of them when none is given."""
    for lang in languages or ():
        check_language(lang)
    return tuple(lang for lang in LANGUAGES if not languages or lang in languages)


def _check_parts(job: Job) -> None:
    """The folder and file-name parts of a job's outputs are plain names (no '..', '/', ':')."""
    for part in (job.association or EVERY_ASSOCIATION, job.stem):
        if not SAFE_PART.fullmatch(part):
            raise FinsamError(f"cannot build a file name from {part!r} (report {job.notebook} {job.kwargs}): "
                              "ids must be lower-case letters, digits and hyphens")


def ours(out: Path, rel: str, known: set[str], data: bytes | None = None) -> bool:
    """Whether the file at ``out/rel`` may be replaced: there is none, finsam's manifest records
    it as written by finsam, it holds exactly ``data`` (the bytes about to be written: replacing it
    loses nothing, e.g. a figure after the manifest was lost), or it is a page finsam wrote (it
    carries the mark of finsam's page frame, for pages written before the manifest recorded every
    file). A folder is left to the writer (which fails with "it is a folder")."""
    path = out / rel
    if not os.path.lexists(path) or rel in known:
        return True
    if path.is_symlink() or not path.is_file():
        return path.is_dir() and not path.is_symlink()
    if data is not None:
        try:
            if path.stat().st_size == len(data) and path.read_bytes() == data:
                return True
        except OSError:
            return False
    if path.suffix != ".html":
        return False
    try:
        with open(path, "rb") as f:
            return f'class="{GENERATED_MARK}"'.encode() in f.read(4 << 20)
    except OSError:
        return False


def guarded(out: Path, rel: str, known: set[str], data: bytes | None = None) -> Path:
    """``out/rel`` for writing ``data``: inside ``out`` (see :func:`inside`) and not a file of
    someone else's (see :func:`ours`)."""
    path = inside(out, rel)
    if not ours(out, rel, known, data):
        raise FinsamError(f"refusing to replace {path}: finsam did not write it (it is not in "
                          f"{out / MANIFEST}); move it away or choose another --output")
    return path


# ---------------------------------------------------------------------------- worker side
def _on_sigterm(signum, frame):
    raise KeyboardInterrupt


PR_SET_PDEATHSIG = 1  # linux/prctl.h


def _die_with_parent(parent_pid: int) -> None:
    """End this worker when the render process ends, however it ends (even SIGKILL): on Linux the
    kernel sends SIGTERM at the parent's death (prctl PR_SET_PDEATHSIG); elsewhere, and as a
    second line, a thread notices within half a second that the parent is gone. SIGTERM unwinds
    like Ctrl-C, so papermill shuts the worker's kernel down; a kernel outliving its worker ends
    by itself (ipykernel polls its parent, JPY_PARENT_PID)."""
    if sys.platform.startswith("linux"):
        try:
            import ctypes
            ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent_pid:  # the parent died before we got here
        os._exit(1)

    def watch():
        while os.getppid() == parent_pid:
            time.sleep(0.5)
        os.kill(os.getpid(), signal.SIGTERM)
        time.sleep(10)  # papermill had its chance to stop the kernel
        os._exit(1)

    threading.Thread(target=watch, name="finsam-parent-watch", daemon=True).start()


def _worker_init(parent_pid: int | None = None):
    # SIGTERM in a worker unwinds like Ctrl-C, so papermill shuts its kernel down and temp files go
    signal.signal(signal.SIGTERM, _on_sigterm)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides what an interrupt means
    if parent_pid:
        _die_with_parent(parent_pid)
    # kernels inherit this process's stderr; what they log there (start-up notices, the traceback of
    # an interrupted cell) is noise on the user's terminal. Cell errors still reach the notebook.
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 2)
    os.close(devnull)


def _worker_main(conn, parent_pid: int, notebooks_dir: str, out_dir: str, known: frozenset) -> None:
    """A worker: render the jobs the parent sends, one at a time, until told to stop. ``known``:
    the files of the output folder finsam wrote (the manifest's, before this render)."""
    _worker_init(parent_pid)
    try:
        while True:
            try:
                job = conn.recv()
            except (EOFError, OSError):
                return
            if job is None:
                return
            outcome = run_job(job, notebooks_dir, out_dir, known)
            try:
                conn.send(outcome)
            except OSError:
                return
    except KeyboardInterrupt:
        return


_EXPORTER = None


def _exporter():
    global _EXPORTER
    if _EXPORTER is None:
        _EXPORTER = _page_exporter_class()(
            template_name="finsam", extra_template_basedirs=[str(TEMPLATES)],
            extra_template_paths=[str(TEMPLATES.parent)],  # frame.html.j2
            exclude_input=True, exclude_input_prompt=True, exclude_output_prompt=True, exclude_anchor_links=True,
            # the notebook is validated once, after all preprocessors, not after each of the twelve
            optimistic_validation=True)
    return _EXPORTER


def _page_exporter_class():
    from nbconvert import HTMLExporter
    from nbconvert.exporters.templateexporter import TemplateExporter
    from nbconvert.filters.highlight import Highlight2HTML
    from nbconvert.filters.widgetsdatatypefilter import WidgetsDataTypeFilter

    class PageExporter(HTMLExporter):
        """nbconvert's HTMLExporter without its closing BeautifulSoup pass, which parses and
        re-serialises the whole page to put a placeholder alt text on images without one and a
        tabindex on every output: site.finish_report describes such images itself and keeps
        tabindex only on scrolling tables, on its own parse of the page. One parse instead of two
        (about 60 ms of the 85 ms nbconvert takes for a page). The filters registered here are
        the ones HTMLExporter.from_notebook_node registers (nbconvert is pinned in the lock)."""

        def from_notebook_node(self, nb, resources=None, **kw):
            info = nb.metadata.get("language_info", {})
            lexer = info.get("pygments_lexer", info.get("name", None))
            self.register_filter("highlight_code",
                                 self.filters.get("highlight_code", Highlight2HTML(pygments_lexer=lexer, parent=self)))
            resources = self._init_resources(resources)
            self.register_filter("filter_data_type", WidgetsDataTypeFilter(
                notebook_metadata=self._nb_metadata, parent=self, resources=resources))
            return TemplateExporter.from_notebook_node(self, nb, resources, **kw)

    return PageExporter


#: the prefix of the private folder a report's kernel saves its figures in (under the system's
#: temporary folder, with the run's tag: a killed worker's folder is removed by the render)
STAGING_PREFIX = "finsam-figures-"


def run_job(job: Job, notebooks_dir: str, out_dir: str, known=None) -> Outcome:
    """Execute one notebook and write its HTML page, figures and downloads; failures are returned,
    not raised. The kernel saves its figures in a new private folder of this report's, so the
    figures of the page are exactly the files its kernel wrote there (a file someone else put in
    the output folder is never taken for one); they are then copied into the output folder with
    the downloads and the page, each atomically, after checking that none of them would replace a
    file finsam did not write (``known``: the files the manifest records; read from it when None).
    The outcome lists every file written, with its state as written, for the manifest."""
    t0 = time.perf_counter()
    out = Path(out_dir)
    try:
        _check_parts(job)
        inside(out, site.figures_path(job.language, job.association))
        target = inside(out, job.html_path)
    except FinsamError as e:
        return Outcome(job, False, 0.0, str(e))
    if known is None:
        from finsam.site.incremental import known_files, load_manifest
        known = known_files(load_manifest(out))
    staging = Path(tempfile.mkdtemp(prefix=f"{STAGING_PREFIX}{run_tag() or 'untagged'}-"))
    try:
        return _run_job(job, notebooks_dir, out, target, staging, known, t0)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _run_job(job: Job, notebooks_dir: str, out: Path, target: Path, staging: Path, known, t0: float) -> Outcome:
    import papermill as pm
    from papermill.exceptions import PapermillExecutionError

    src = Path(notebooks_dir) / f"{job.notebook}.ipynb"
    language = _language_parameter(src, job.language)
    params = {**job.kwargs, "figures_dir": str(staging), **language}
    for attempt in range(1 + KERNEL_START_RETRIES):
        lease = kernelpool.Lease(KERNEL, KERNEL_ARGS, str(Path(notebooks_dir)))  # a kernel started ahead
        try:
            # no output path: the executed notebook stays in memory (it is converted, not kept)
            nb = pm.execute_notebook(str(src), None, parameters=params, cwd=str(Path(notebooks_dir)),
                                     **PAPERMILL_OPTIONS,
                                     **lease.kwargs())  # a kernel from the pool, started ahead (papermill passes km= to nbclient)
            break
        except PapermillExecutionError as e:
            return Outcome(job, False, time.perf_counter() - t0, f"{e.ename}: {e.evalue}".strip())
        except KeyboardInterrupt:
            raise
        except Exception as e:  # dead kernel, timeout, unreadable notebook
            if kernel_never_started(e) and attempt < KERNEL_START_RETRIES:
                continue  # no cell ran: the report starts again in a new kernel
            return Outcome(job, False, time.perf_counter() - t0, f"{type(e).__name__}: {e}".strip())
        finally:
            lease.release()  # this report's kernel is shut down, whatever happened
    # the parameter cells show no output; papermill gives its injected cell a random id, which
    # would make two renders of the same data differ
    nb.cells = [c for c in nb.cells if not {"parameters", "injected-parameters"} & set(c.metadata.get("tags", []))]
    clean_metadata(nb)
    body, files = _page(nb, job, job.language if language else CONTENT_LANGUAGE)
    figures = staged_figures(staging, site.figures_path(job.language, job.association), job.stem)
    # the figures and the tables' CSV and .xlsx before the page that shows and links them; none
    # written unless none of them, nor the page, would replace a file finsam did not write
    try:
        writes = [*((rel, p.read_bytes()) for rel, p in figures.items()), *files.items(),
                  (job.html_path, body.encode("utf-8"))]
    except OSError as e:
        return Outcome(job, False, time.perf_counter() - t0, f"cannot read a figure the report saved: {e}")
    try:
        for rel, data in writes:
            guarded(out, rel, known, data)
    except FinsamError as e:
        return Outcome(job, False, time.perf_counter() - t0, str(e))
    written: dict[str, list] = {}
    path = target
    try:
        for rel, data in writes:
            path = inside(out, rel)
            written[rel] = file_state(write_atomic(path, data))
    except OSError as e:  # a full disk, a folder in the way: this report fails, the others go on
        return Outcome(job, False, time.perf_counter() - t0, cannot_write(path, e), files=written)
    return Outcome(job, True, time.perf_counter() - t0, files=written)


def staged_figures(staging: Path, folder: str, stem: str) -> dict[str, Path]:
    """The figures a report's kernel saved in its private ``staging`` folder, by where they go in
    the output folder (``folder/<stem>__<name>.png|.svg``): only files named as the views name
    them (finsam.core.names.figure_stem), in file-name order."""
    found = {}
    for p in sorted(staging.iterdir(), key=lambda p: p.name):
        name, dot, ext = p.name.rpartition(".")
        if (dot and ext in FIGURE_FORMATS and is_figure_of(name, stem)
                and SAFE_PART.fullmatch(name[len(stem) + len(FIGURE_SEPARATOR):])
                and p.is_file() and not p.is_symlink()):
            found[f"{folder}/{p.name}"] = p
    return found


#: the formats finish_figure saves each figure in
FIGURE_FORMATS = ("png", "svg")


#: how many times a report is started again when its kernel never answered (no cell ran)
KERNEL_START_RETRIES = 1
#: what jupyter_client raises when a kernel it started never answered kernel_info
KERNEL_START_FAILURES = ("Kernel didn't respond in", "Kernel died before replying to kernel_info")


def kernel_never_started(e: BaseException) -> bool:
    """Whether papermill failed before the report's first cell because its kernel did not start.

    jupyter_client picks a kernel's ports by binding and releasing them; another process (a second
    render worker, a test run beside this one) can take one in between, and the kernel then fails
    to bind it ("Address already in use") and never answers. Such a report ran nothing, so running
    it again in a new kernel is safe; a report whose kernel died while running is not started
    again (it fails, with its error)."""
    return isinstance(e, RuntimeError) and str(e).startswith(KERNEL_START_FAILURES)


def clean_metadata(nb) -> None:
    """Drop execution timestamps and papermill bookkeeping, which would differ on every run."""
    nb.metadata.pop("papermill", None)
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
        cell.metadata.pop("papermill", None)


def _language_parameter(notebook: Path, language: str) -> dict:
    """``{"language": ...}`` for a notebook whose parameters cell declares ``language``, else {}
    (papermill would only warn about an unknown parameter, and inject it all the same)."""
    import papermill as pm
    try:
        declared = pm.inspect_notebook(str(notebook))
    except Exception:  # unreadable: papermill's own run reports it
        return {}
    return {"language": language} if "language" in declared else {}


#: the language of a notebook's text when it takes no ``language`` parameter
CONTENT_LANGUAGE = "en"


_SIBLINGS: dict = {}  # (data version, association) -> its pages in the plan, once per worker


def _siblings(tables, association) -> list:
    """The pages of the render plan about ``association`` (finsam.views.registry.siblings), which a
    page links to; computed once per worker and association (~60 ms each)."""
    from finsam.views.registry import siblings
    key = (tables.version, association)
    if key not in _SIBLINGS:
        _SIBLINGS[key] = siblings(tables, association)
    return _SIBLINGS[key]


def _page(nb, job: Job, content_lang: str) -> tuple[str, dict]:
    """The report's HTML page: nbconvert's output inside the site's frame, finished for
    accessibility and validity (finsam.site.pages.finish_report), with a CSV and an .xlsx of each
    table (finsam.site.pages.add_downloads); returns the page and those files by path."""
    from finsam.data.load import load
    tables = load()
    title = site.report_title(job.notebook, job.kwargs, job.language, tables)
    date = _dt.datetime.now(_dt.timezone.utc).date().isoformat()
    from finsam.views.registry import related as related_pages
    crumbs, related = site.report_links(
        job.notebook, job.kwargs, job.language, tables,
        related_pages(job.notebook, job.kwargs, _siblings(tables, job.association)),
        lambda n, c: Job(n, tuple(sorted(c.items())), job.language).html_path)
    frame = site.frame(job.html_path, job.language, title, tables.version, date, job.site_languages,
                       crumbs=crumbs, related=related)
    body, _ = _exporter().from_notebook_node(nb, resources={"metadata": {"name": title},
                                                            "finsam": frame.as_dict()})
    body = site.finish_report(body, job.language, title, content_lang, parsed=True)
    citation = t("report.citation", job.language, site=t("site.name", job.language), title=title,
                 release=site.release(), version=tables.version, date=date, page=job.html_path)
    return site.add_downloads(body, job.language, job.html_path, site.figures_path(job.language, job.association),
                              job.stem, citation, date)


# ---------------------------------------------------------------------------- parent side
def _write_probe(d: Path) -> OSError | None:
    """Create ``d`` if needed and a file in it (removed at once); the error if that fails."""
    try:
        d.mkdir(parents=True, exist_ok=True)
        fd, probe = tempfile.mkstemp(dir=d, prefix=".finsam-probe-")
        os.close(fd)
        os.unlink(probe)
        return None
    except OSError as e:
        return e


def _check_writable(out: Path) -> None:
    e = _write_probe(out)
    if e is not None:
        raise FinsamError(f"cannot write to output folder {out}: {e.strerror or e}")


def cannot_write(path: Path, e: OSError) -> str:
    why = "it is a folder" if path.is_dir() else (e.strerror or str(e))
    return f"cannot write {path}: {why}"


def _remove_own_temp(out: Path, jobs: list[Job], tag: str) -> None:
    """Remove the temporary files of this render only: in the folders it writes to, the hidden
    names that carry this run's random tag (left by a worker or kernel that was killed). Nothing
    else is touched, and nothing outside those folders is looked at."""
    folders = {out} | {(out / j.html_path).parent for j in jobs} | \
        {out / site.figures_path(j.language, j.association) for j in jobs} | {out / lang for lang in LANGUAGES}
    mark = f".{tag}."
    for d in folders:
        try:
            names = [e.name for e in os.scandir(d) if e.is_file(follow_symlinks=False)]
        except OSError:
            continue
        for name in names:
            if name.startswith(".") and mark in name and name.endswith(".tmp"):
                try:
                    (d / name).unlink()
                except OSError:
                    pass
    # the private figure folders of reports whose worker was killed: named with this run's tag
    tmp = Path(tempfile.gettempdir())
    try:
        staged = [e.name for e in os.scandir(tmp) if e.is_dir(follow_symlinks=False)
                  and e.name.startswith(f"{STAGING_PREFIX}{tag}-")]
    except OSError:
        staged = []
    for name in staged:
        shutil.rmtree(tmp / name, ignore_errors=True)


class _Worker:
    def __init__(self, ctx, parent_pid: int, nb_dir: str, out_dir: str, known: frozenset = frozenset()):
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=_worker_main, args=(child, parent_pid, nb_dir, out_dir, known),
                                name="finsam-render-worker", daemon=True)
        self.proc.start()
        child.close()
        self.job: Job | None = None

    def give(self, job: Job) -> None:
        self.job = job
        self.conn.send(job)


def _died(proc) -> str:
    code = proc.exitcode
    if code is not None and code < 0:
        try:
            return f"worker process died ({signal.Signals(-code).name})"
        except ValueError:
            return f"worker process died (signal {-code})"
    return f"worker process ended unexpectedly (exit status {code})"


def _stop_now(workers: list) -> None:
    """On Ctrl-C or SIGTERM: end the worker processes (multiprocessing.Process) and their kernels
    at once with SIGKILL (a graceful kernel shutdown takes seconds). Nothing is lost: a report is
    only ever renamed into place whole, and the temporary files of the killed processes are
    removed by the caller. The kernels' connection files, which their killed workers can no
    longer remove, are removed here."""
    import psutil
    procs, kernels, connection_files = [], [], []  # workers (our children), their descendants (kernels)
    for w in workers:
        try:
            procs.append(psutil.Process(w.pid))
            kids = procs[-1].children(recursive=True)
        except (psutil.Error, ValueError, TypeError):
            continue
        for k in kids:
            try:
                cmd = k.cmdline()
            except psutil.Error:
                cmd = []
            connection_files += [cmd[i + 1] for i, a in enumerate(cmd[:-1]) if a == "-f" and cmd[i + 1].endswith(".json")]
            kernels.append(k)
    for p in kernels + procs:
        try:
            p.kill()
        except psutil.Error:
            pass
    deadline = time.monotonic() + 1
    for w in workers:  # reaped by multiprocessing itself, which otherwise takes them for alive forever
        w.join(max(0.0, deadline - time.monotonic()))
    for f in connection_files:
        Path(f).unlink(missing_ok=True)


def execute(jobs: list[Job], out: Path, jobs_n: int, progress: bool, notebooks_dir: Path,
            known=None) -> list[Outcome]:
    """Run the jobs on ``jobs_n`` worker processes. Each worker is handed one job at a time, so a
    worker that dies (killed, out of memory) costs exactly the job it held: that job is reported
    as failed, a new worker takes its place, and the remaining jobs go on. ``known``: the files of
    ``out`` finsam wrote (the only ones a worker may replace); read from the manifest when None."""
    from tqdm import tqdm
    if known is None:
        from finsam.site.incremental import known_files, load_manifest
        known = known_files(load_manifest(out))
    known = frozenset(known)
    nb_dir = str(notebooks_dir)
    outcomes: list[Outcome] = []
    bar = tqdm(total=len(jobs), unit="report", disable=not progress, file=sys.stderr, dynamic_ncols=True)
    ctx = mp.get_context("spawn")
    tag = secrets.token_hex(8)
    saved_tag = os.environ.get(RUN_TAG_ENV)
    os.environ[RUN_TAG_ENV] = tag  # inherited by workers and kernels (files.write_atomic)
    previous = signal.signal(signal.SIGTERM, _on_sigterm)
    pending = deque(jobs)
    workers: list[_Worker] = []

    def done(o: Outcome) -> None:
        outcomes.append(o)
        bar.set_postfix_str(o.job.stem, refresh=False)
        bar.update()

    try:
        for _ in range(min(jobs_n, len(jobs))):
            workers.append(_Worker(ctx, os.getpid(), nb_dir, str(out), known))

        def assign(w: _Worker) -> None:
            """Hand ``w`` the next job; a worker found dead on the way is replaced (the job waits)."""
            while pending:
                job = pending.popleft()
                try:
                    w.give(job)
                    return
                except OSError:
                    pending.appendleft(job)
                    w.job = None
                    w.proc.join(5)
                    workers.remove(w)
                    w = _Worker(ctx, os.getpid(), nb_dir, str(out), known)
                    workers.append(w)

        for w in list(workers):
            assign(w)
        while any(w.job is not None for w in workers):
            busy = [w for w in workers if w.job is not None]
            ready = _wait([w.conn for w in busy] + [w.proc.sentinel for w in busy])
            for w in busy:
                if w.conn not in ready and w.proc.sentinel not in ready:
                    continue
                try:
                    o = w.conn.recv() if w.conn.poll() else None
                except (EOFError, OSError):
                    o = None
                if o is None:  # the worker died while rendering its job
                    w.proc.join(5)
                    done(Outcome(w.job, False, 0.0, _died(w.proc)))
                    w.conn.close()
                    workers.remove(w)
                    if not pending:
                        continue
                    w = _Worker(ctx, os.getpid(), nb_dir, str(out), known)
                    workers.append(w)
                else:
                    done(o)
                w.job = None
                assign(w)
        for w in workers:
            try:
                w.conn.send(None)
            except OSError:
                pass
        for w in workers:
            w.proc.join(10)
            if w.proc.is_alive():
                w.proc.terminate()
    except KeyboardInterrupt:
        bar.close()
        _stop_now([w.proc for w in workers])
        raise
    finally:
        signal.signal(signal.SIGTERM, previous)
        bar.close()
        _remove_own_temp(out, jobs, tag)
        if saved_tag is None:
            os.environ.pop(RUN_TAG_ENV, None)
        else:
            os.environ[RUN_TAG_ENV] = saved_tag
    order = {j: i for i, j in enumerate(jobs)}
    return sorted(outcomes, key=lambda o: order[o.job])


def write_index(out: Path, all_jobs: list[Job], outcomes: list[Outcome], tables, stamp: str,
                known: set[str] | None = None, pages: bool = True, figures: dict | None = None,
                release: dict | None = None) -> list[str]:
    """The index of each language rendered (every supported report grouped by association, its
    figures, the data version and this run's failures) and the root index (finsam.site.pages);
    with ``pages``, also the association start pages and the about page. Each is written only
    inside ``out`` and never over a file finsam did not write (``known``: the files the manifest
    records); returns the files written, relative to ``out``. ``figures``: each page's PNG figures
    as its render recorded them (finsam.site.incremental.page_figures); no others are shown."""
    languages = sorted({j.language for j in all_jobs}, key=LANGUAGES.index)
    failed = {o.job: o.error for o in outcomes if not o.ok}
    known = known or set()
    written = []

    def write(path: Path, data: bytes) -> None:
        rel = Path(path).relative_to(out).as_posix()
        write_atomic(guarded(out, rel, known), data)
        written.append(rel)
    site.write_indexes(out, all_jobs, failed, tables, stamp, languages, write, pages=pages, figures=figures or {},
                       release_zip=release)
    return written


def _index_after_interrupt(out: Path, every: list[Job], tables) -> None:
    """After Ctrl-C the indexes still list exactly the reports on disk (each one whole: earlier or
    new). A second Ctrl-C while they are written leaves the earlier indexes, also whole."""
    stamp = _dt.datetime.now(_dt.timezone.utc).replace(microsecond=0).isoformat()
    from finsam.site.incremental import known_files, load_manifest, page_figures
    try:
        # quick: the start pages wait for the next render
        m = load_manifest(out)
        write_index(out, every, [], tables, stamp, known_files(m), pages=False, figures=page_figures(out, m["pages"]))
    except (OSError, FinsamError):
        pass  # interrupted: the message that matters is the interruption


def render(notebooks=None, associations=None, years=None, jobs: int | None = None, output=None,
           data_dir=None, sources_dir=None, progress: bool = True, notebooks_dir=None, metrics=None,
           languages=None, force: bool = False, verbose: bool = False, pdf: bool = False, release_dir=None) -> int:
    """Render the selected reports; returns the exit status (0 all rendered, 1 any failed). With
    ``pdf``, also a PDF per association and language (finsam.site.pdf; a note without Chromium)."""
    from finsam.data.load import load
    from finsam.data.validate import validate

    if data_dir:
        os.environ[paths.ENV_DATA] = str(Path(data_dir).resolve())
    if sources_dir:
        os.environ[paths.ENV_SOURCES] = str(Path(sources_dir).resolve())
    use_project_kernel()
    src = paths.sources_dir()
    check_prov = src.is_dir()
    from finsam.data.provenance import sources_folder_problem
    problem = sources_folder_problem(src)
    if problem and os.path.lexists(src):  # there, but a file or unreadable: a mistake, not a choice
        raise FinsamError(f"{problem}")
    if not check_prov:
        print(f"finsam: warning: source texts not found at {src}; quotes are not checked (set FINSAM_SOURCES)",
              file=sys.stderr)
    # inputs validated before (the same bytes of data and sources, the same code) are not re-validated
    from finsam.site import incremental
    vkey = incremental.validation_key(paths.data_dir(), src, check_prov)
    if not incremental.validated_before(vkey):
        result = validate(provenance=check_prov)
        if result.errors:
            from finsam.core.errors import DataError
            raise DataError(result.errors)
        incremental.mark_validated(vkey)
    tables = load()  # cached now: kernels read the same validated tables
    selected = plan(notebooks, associations, years, tables, metrics, languages)
    out = Path(output).resolve() if output else paths.reports_dir()
    for name, d in (("curated data", paths.data_dir()), ("source texts", src)):
        d = Path(d).resolve()
        if out == d or out.is_relative_to(d):
            raise FinsamError(f"refusing to write the site into {out}: it is (inside) the {name} folder {d}; "
                              "choose another --output")
    _check_writable(out)
    t0 = time.perf_counter()
    n_jobs = min(jobs or usable_cores(), usable_cores())
    nb_dir = Path(notebooks_dir).resolve() if notebooks_dir else paths.NOTEBOOKS_DIR
    missing = [j.notebook for j in selected if not (nb_dir / f"{j.notebook}.ipynb").is_file()]
    if missing:
        raise FinsamError(f"notebook file(s) not found in {nb_dir}: {', '.join(sorted(set(missing)))}")
    every = plan(tables=tables, languages=languages)
    site.environment()  # templates compiled now: the indexes written after a Ctrl-C are quick
    from finsam.site.incremental import Session  # only pages whose inputs changed are rendered
    session = Session(out, tables, nb_dir, force=force, verbose=verbose)
    todo = session.select(selected)
    known = session.known()
    refused = []  # a foreign file where a page goes: the page is refused, the file kept
    for j in todo:
        try:
            guarded(out, j.html_path, known)
        except FinsamError as e:
            refused.append(Outcome(j, False, 0.0, str(e)))
    todo = [j for j in todo if j not in {o.job for o in refused}]
    print(f"rendering {len(todo)} report(s) with {min(n_jobs, len(todo))} job(s) into {out}"
          f" ({len(session.up_to_date)} up to date)", file=sys.stderr)
    try:
        with kernel_config_dirs():
            outcomes = execute(todo, out, n_jobs, progress, nb_dir, known) if todo else []
        outcomes = refused + outcomes
    except KeyboardInterrupt:
        _index_after_interrupt(out, every, tables)
        raise
    session.record(outcomes)
    failed = [o for o in outcomes if not o.ok]
    for o in outcomes:  # the summary first: it survives a failure to write the index
        status = "ok    " if o.ok else "FAILED"
        print(f"{status} {o.seconds:5.1f}s  {o.job.html_path}" + (f"  — {o.error}" if o.error else ""))
    if pdf:  # before the indexes: the association pages link the PDFs there are
        from finsam.site.pdf import write_pdfs
        made = write_pdfs(out, every, {j.language for j in selected})
        print(f"render: {len(made)} PDF(s) written" + (f" ({made[0]} …)" if made else ""))
    stamp = _dt.datetime.now(_dt.timezone.utc).replace(microsecond=0).isoformat()
    index = out / "index.html"
    try:
        release = site.find_release(Path(release_dir) if release_dir else Path("release"), given=bool(release_dir))
        session.record_files(write_index(out, every, outcomes, tables, stamp, session.known(),
                                         figures=session.figures(), release=release))
        index_error = None
    except OSError as e:
        index_error = cannot_write(index, e)
    except FinsamError as e:
        index_error = str(e)
    print(f"render: {len(outcomes) - len(failed)} of {len(outcomes)} report(s) rendered in "
          f"{time.perf_counter() - t0:.1f}s; " + (f"index: {index}" if not index_error else "index NOT written")
          + (f"; {len(failed)} FAILED" if failed else "") + f"; {len(session.up_to_date)} up to date")
    sys.stdout.flush()
    if index_error:
        raise FinsamError(index_error)
    if session.error:
        raise FinsamError(session.error)
    return 1 if failed else 0


def _writable_dir(d: Path) -> bool:
    return _write_probe(d) is None


class kernel_config_dirs:
    """Writable configuration and cache folders for the kernels. Matplotlib and IPython warn
    (into the notebook, hence into the published page) when theirs are not writable, e.g. under a
    read-only home; then they get a temporary folder of this render's, with matplotlib's font
    cache built once beforehand (quietly), and removed afterwards."""

    def __enter__(self):
        self.tmp = None
        self.saved = {}
        home = Path.home()
        xdg_config = Path(os.environ.get("XDG_CONFIG_HOME") or home / ".config")
        xdg_cache = Path(os.environ.get("XDG_CACHE_HOME") or home / ".cache")
        wanted = {}
        if not os.environ.get("MPLCONFIGDIR") and not (_writable_dir(xdg_config / "matplotlib")
                                                       and _writable_dir(xdg_cache / "matplotlib")):
            wanted["MPLCONFIGDIR"] = "matplotlib"
        if not os.environ.get("IPYTHONDIR") and not _writable_dir(home / ".ipython"):
            wanted["IPYTHONDIR"] = "ipython"
        if not wanted:
            return self
        self.tmp = Path(tempfile.mkdtemp(prefix="finsam-kernel-config-"))
        for var, sub in wanted.items():
            self.saved[var] = os.environ.get(var)
            (self.tmp / sub).mkdir()
            os.environ[var] = str(self.tmp / sub)
        if "MPLCONFIGDIR" in wanted:  # build the font cache now, so no kernel announces it
            subprocess.run([sys.executable, "-c", "import matplotlib.font_manager"], stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL, check=False)
        return self

    def __exit__(self, *exc):
        for var, value in self.saved.items():
            if value is None:
                os.environ.pop(var, None)
            else:
                os.environ[var] = value
        if self.tmp is not None:
            shutil.rmtree(self.tmp, ignore_errors=True)
        return False
