"""finsam render end to end: real papermill runs, real HTML, real signals and real unwritable
folders. One full render is shared by the tests that only read its output."""
import filecmp
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from html.parser import HTMLParser
from pathlib import Path

import nbformat
import pytest

import finsam
from finsam.views.registry import NOTEBOOKS
from finsam.site.render import GENERATED_MARK, plan

from conftest import ROOT, cli_subprocess, replace_in


@pytest.fixture(scope="session")
def full_render(tmp_path_factory):
    out = tmp_path_factory.mktemp("reports")
    res = cli_subprocess("render", "--output", str(out), "--jobs", "2", "--no-progress")
    return out, res


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs, self.srcs = [], []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "a" and a.get("href"):
            self.hrefs.append(a["href"])
        if tag == "img" and a.get("src"):
            self.srcs.append(a["src"])


def test_render_runs_every_notebook_for_every_supported_parameter_set(full_render):
    out, res = full_render
    assert res.returncode == 0, res.stderr + res.stdout
    tables = finsam.load()
    jobs = plan()
    for name in NOTEBOOKS:
        supported = finsam.choices(name, tables)
        assert supported, name
        for lang in ("sv", "en"):  # each parameter set once per language
            assert len([j for j in jobs if j.notebook == name and j.language == lang]) == len(supported)
    for j in jobs:
        page = (out / j.html_path).read_text(encoding="utf-8")
        body = re.sub(r"<style.*?</style>", "", page, flags=re.S)
        assert "Traceback" not in body and "application/vnd.jupyter.stderr" not in body  # no errors, no warnings
        # self-contained: nothing fetched from the network (the frame's one inline script marks tables
        # that scroll and opens the folded method before printing; it loads nothing)
        assert not re.search(r"<script[^>]*\bsrc=|<link[^>]*\bhref=\"?https?:|@import", page)
        assert page.count("<script") == 1
    assert f"{len(jobs)} of {len(jobs)} report(s) rendered" in res.stdout


def test_reports_hide_code_and_embed_figures(full_render):
    out, _ = full_render
    page = (out / "en" / "bhs" / "gender_outcomes_bhs_2018.html").read_text(encoding="utf-8")
    assert "check_parameters" not in page and "import finsam" not in page
    assert "data:image/png;base64," in page  # the figure is inside the page itself
    assert "Botkyrka Huddinge Salem" in page


def test_index_links_every_report_and_figure_that_exist(full_render):
    out, _ = full_render
    root = Links()
    root.feed((out / "index.html").read_text(encoding="utf-8"))
    assert sorted(root.hrefs) == ["en/index.html", "sv/index.html"]
    for lang in ("sv", "en"):
        index = (out / lang / "index.html").read_text(encoding="utf-8")
        links = Links()
        links.feed(index)
        linked = {os.path.normpath(os.path.join(lang, h.partition("#")[0])) for h in links.hrefs if not h.startswith("#")}
        for j in plan(languages=[lang]):
            assert j.html_path in linked
        for target in linked | {os.path.normpath(os.path.join(lang, s)) for s in links.srcs}:
            assert (out / target).is_file(), target
        assert any(s.endswith(".png") for s in links.srcs)
        assert finsam.data_version() in index
        for a in ("Samordningsförbundet Uppsala län", "Samordningsförbundet Östra Södertörn"):
            assert a in index


def test_figures_are_saved_as_png_and_svg(full_render):
    out, _ = full_render
    pngs = sorted(out.glob("*/figures/*/*.png"))  # <lang>/figures/<association>/
    assert pngs
    for p in pngs:
        assert p.with_suffix(".svg").is_file()
        assert p.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def _without_timestamp(path: Path) -> list[str]:
    if path.suffix != ".html":
        return path.read_bytes()
    return [l for l in path.read_text(encoding="utf-8").splitlines() if GENERATED_MARK not in l]


def test_two_renders_of_the_same_data_are_byte_identical_but_for_the_timestamp(full_render, tmp_path):
    out, _ = full_render
    again = tmp_path / "again"
    shutil.copytree(out, again)
    res = cli_subprocess("render", "--output", str(again), "--notebook", "overview", "--notebook", "gender_outcomes",
                         "--association", "bhs", "--no-progress", "--force")  # --force: unchanged pages are kept otherwise
    assert res.returncode == 0, res.stderr
    cmp = filecmp.dircmp(out, again, ignore=[".finsam-manifest.json"])  # bookkeeping of incremental renders
    def differing(c, prefix=""):
        found = [prefix + f for f in c.diff_files]
        for name, sub in c.subdirs.items():
            found += differing(sub, prefix + name + "/")
        return found
    for f in differing(cmp):  # only the line with the render date may differ (a render across midnight)
        assert _without_timestamp(out / f) == _without_timestamp(again / f), f
    # the re-rendered files really were rewritten
    page = again / "en" / "bhs" / "gender_outcomes_bhs_2018.html"
    assert page.stat().st_mtime > (out / "index.html").stat().st_mtime - 1


def _broken_notebooks(tmp_path) -> Path:
    nb_dir = tmp_path / "notebooks"
    shutil.copytree(ROOT / "notebooks", nb_dir)
    for name, code in (("yearly_trend", "raise RuntimeError('deliberately broken for a test')"),
                       ("overview", "import os; os._exit(1)  # the kernel dies")):
        path = nb_dir / f"{name}.ipynb"
        nb = nbformat.read(path, as_version=4)
        nb.cells.append(nbformat.v4.new_code_cell(code))
        nbformat.write(nb, path)
    return nb_dir


def test_failing_notebook_and_dead_kernel_are_reported_and_others_still_render(full_render, tmp_path):
    out, _ = full_render
    target = tmp_path / "reports"
    shutil.copytree(out, target)
    before = (target / "en" / "bhs" / "yearly_trend_bhs_cost.html").read_bytes()
    for p in target.rglob("*.html"):
        if "gender_outcomes_bhs" in p.name:
            p.unlink()
    res = cli_subprocess("render", "--output", str(target), "--association", "bhs", "--notebook", "yearly_trend",
                         "--notebook", "gender_outcomes", "--notebooks-dir", str(_broken_notebooks(tmp_path)),
                         "--language", "en", "--no-progress")  # one language: the mechanism is the same
    assert res.returncode == 1
    assert "RuntimeError: deliberately broken for a test" in res.stdout
    assert re.search(r"FAILED .*yearly_trend_bhs_cost\.html", res.stdout)
    assert (target / "en" / "bhs" / "gender_outcomes_bhs_2018.html").is_file()  # the others rendered
    assert (target / "en" / "bhs" / "yearly_trend_bhs_cost.html").read_bytes() == before  # old report kept
    index = (target / "en" / "index.html").read_text(encoding="utf-8")
    assert "Failures in this run" in index and "deliberately broken for a test" in index
    assert not list(target.rglob("*.tmp"))

    res = cli_subprocess("render", "--output", str(target), "--notebook", "overview", "--language", "en",
                         "--notebooks-dir", str(tmp_path / "notebooks"), "--no-progress")
    assert res.returncode == 1
    assert re.search(r"FAILED .*overview\.html .*(DeadKernel|died)", res.stdout), res.stdout


def test_sigterm_leaves_earlier_reports_intact_and_no_partial_files(full_render, tmp_path):
    out, _ = full_render
    target = tmp_path / "reports"
    shutil.copytree(out, target)
    before = {p: p.read_bytes() for p in target.rglob("*") if p.is_file()}
    exe = Path(sys.executable).with_name("finsam")
    subset = ["--association", "husam"]  # a few reports keep the test short; the mechanism is the same
    proc = subprocess.Popen([str(exe), "render", "--output", str(target), *subset, "--jobs", "2", "--no-progress",
                             "--force"],  # --force: the copied reports are up to date
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    # the reports, not the incremental-render manifest (rewritten before any worker starts)
    stamps = {p: p.stat().st_mtime_ns for p in before if p.name != ".finsam-manifest.json"}
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:  # wait until kernels are at work and files are being written
        time.sleep(0.2)
        if list(target.rglob(".*.tmp")) or any(p.stat().st_mtime_ns != t for p, t in stamps.items()):
            break
    import psutil
    kernels = psutil.Process(proc.pid).children(recursive=True)
    assert kernels, "the render had started its workers"
    proc.send_signal(signal.SIGTERM)
    stdout, stderr = proc.communicate(timeout=60)
    assert proc.returncode != 0
    assert "Traceback" not in stderr
    assert not list(target.rglob("*.tmp")), "partial files left behind"
    for p, data in before.items():  # every earlier report is whole: old or completely new
        assert p.is_file()
        if p.suffix == ".html" and p.name != "index.html":
            assert p.read_text(encoding="utf-8").rstrip().endswith("</html>")
    # no worker or kernel of this render is left running
    assert not [p for p in kernels if p.is_running() and p.status() != psutil.STATUS_ZOMBIE]
    res = cli_subprocess("render", "--output", str(target), *subset, "--no-progress")
    assert res.returncode == 0, res.stdout + res.stderr  # the next run completes the set


def _read_only_dir(tmp_path) -> Path:
    d = tmp_path / "ro"
    d.mkdir()
    if os.geteuid() != 0:
        d.chmod(0o500)
        return d
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "ro", "tmpfs", str(d)], capture_output=True).returncode == 0:
        return d
    return Path("/proc/finsam-unwritable")  # root cannot create folders in /proc either


def test_unwritable_output_folder_gives_a_clear_error(tmp_path):
    ro = _read_only_dir(tmp_path)
    try:
        res = cli_subprocess("render", "--output", str(ro / "reports"), "--notebook", "overview", "--no-progress")
    finally:
        subprocess.run(["umount", str(ro)], capture_output=True)
    assert res.returncode == 1
    assert "cannot write to output folder" in res.stderr
    assert "Traceback" not in res.stderr


@pytest.mark.parametrize("args,message", [
    (["--association", "nowhere"], "unknown association 'nowhere'; valid: bhs, husam, ostra-sodertorn, uppsala-lan"),
    (["--year", "1999"], "no report for year 1999; valid years:"),
    (["--year", "twenty"], "a year is a whole number such as 2018, not 'twenty'"),
    (["--notebook", "explore"], "unknown notebook 'explore' (an interactive notebook"),
    (["--notebook", "nope"], "unknown notebook 'nope'; valid: " + ", ".join(NOTEBOOKS)),
    (["--jobs", "0"], "must be at least 1"),
])
def test_bad_parameters_are_rejected_before_any_kernel_starts(tmp_path, args, message):
    out = tmp_path / "reports"
    t0 = time.monotonic()
    res = cli_subprocess("render", "--output", str(out), *args)
    assert res.returncode == 2
    assert message in res.stderr
    assert "Traceback" not in res.stderr
    assert not out.exists()
    assert time.monotonic() - t0 < 15  # no notebook ran


def test_bad_data_renders_nothing(tmp_path, data_copy):
    replace_in(data_copy / "observations.csv", ",persons,", ",people,")
    out = tmp_path / "reports"
    res = cli_subprocess("render", "--output", str(out), "--data", str(data_copy))
    assert res.returncode == 1
    assert re.search(r"observations\.csv:\d+: unit: 'people': unknown unit", res.stderr)
    assert not out.exists()


def test_text_from_the_data_is_escaped_in_reports(tmp_path, data_copy):
    script = "<script>alert('x')</script>"
    replace_in(data_copy / "associations.csv", "bhs,Samordningsförbundet Botkyrka Huddinge Salem",
               f"bhs,Samordningsförbundet Botkyrka {script} Salem")
    replace_in(data_copy / "observations.csv", "conflict: annex flow table (Sammanfattning av deltagarflöden 2018), HUVAS",
               f"conflict: {script} annex flow table (Sammanfattning av deltagarflöden 2018), HUVAS")
    out = tmp_path / "reports"
    res = cli_subprocess("render", "--output", str(out), "--data", str(data_copy), "--association", "bhs",
                         "--year", "2018", "--no-progress")
    assert res.returncode == 0, res.stdout + res.stderr
    for page in (out / "en" / "bhs" / "gender_outcomes_bhs_2018.html", out / "en" / "index.html",
                 out / "sv" / "bhs" / "gender_outcomes_bhs_2018.html", out / "sv" / "index.html"):
        text = page.read_text(encoding="utf-8")
        assert "alert('x')" in text or "alert(&#39;x&#39;)" in text or "alert(&#x27;x&#x27;)" in text
        assert "<script>alert" not in text


def _linked_reports(index: Path) -> set[Path]:
    links = Links()
    links.feed(index.read_text(encoding="utf-8"))
    return {(index.parent / h).resolve() for h in links.hrefs
            if h.endswith(".html") and not h.endswith("index.html") and "://" not in h}


def test_ctrl_c_stops_within_a_second_and_leaves_a_consistent_index(tmp_path):
    import psutil
    out = tmp_path / "reports"
    exe = Path(sys.executable).with_name("finsam")
    err = tmp_path / "stderr.txt"
    with open(err, "w") as stderr:
        # a session of its own: the signal goes to the render's process group, as a terminal's Ctrl-C does
        proc = subprocess.Popen([str(exe), "render", "--output", str(out), "--association", "husam", "--jobs", "2",
                                 "--no-progress"], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=stderr,
                                start_new_session=True)
    render = psutil.Process(proc.pid)
    tree, kernels = [], []
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:  # until one report is written and kernels are at work on others
        time.sleep(0.1)
        try:
            tree = [p for p in render.children(recursive=True)
                    if "resource_tracker" not in " ".join(p.cmdline())]  # multiprocessing's helper leaves on its own
            # kernels: papermill's own (ipykernel) or forked from the kernel zygote (finsam.site.kernelzygote)
            kernels = [p for p in tree if p.ppid() != proc.pid
                       and any(k in " ".join(p.cmdline()) for k in ("ipykernel", "kernelzygote"))]
        except psutil.Error:
            continue
        if kernels and list(out.glob("*/husam/*.html")):
            break
    assert kernels and list(out.glob("*/husam/*.html")), "no report was written in time"
    connection_files = [a for k in kernels for a in k.cmdline() if a.endswith(".json") and "kernel-" in a]
    sent = time.monotonic()
    os.killpg(proc.pid, signal.SIGINT)
    proc.wait(timeout=30)
    elapsed = time.monotonic() - sent
    message = err.read_text()
    assert proc.returncode == 130, message
    assert "finsam: interrupted" in message and "Traceback" not in message
    # the aim is a second: on a quiet machine 0.38-0.48 s were measured (five runs, load 0.4), 0.6-1.0 s
    # at a load average of 5; with a load of 12 on 2 cores (a parallel test run among others) 2.5-2.8 s,
    # the time of a starved CPU, hence the margin. The earlier graceful shutdown waited 5 s for its
    # workers alone (8 s in all).
    assert elapsed < 5.0, f"took {elapsed:.1f}s to stop"
    assert not [p for p in tree if p.is_running() and p.status() != psutil.STATUS_ZOMBIE]
    assert not [f for f in connection_files if Path(f).exists()]
    assert not list(out.rglob("*.tmp"))
    # the indexes list exactly the reports on disk, each of them whole
    on_disk = {p.resolve() for p in out.glob("*/*/*.html")}
    for p in on_disk:
        assert p.read_text(encoding="utf-8").rstrip().endswith("</html>")
    linked = set().union(*(_linked_reports(out / lang / "index.html") for lang in ("sv", "en")))
    assert linked == on_disk
    assert (out / "index.html").is_file()
