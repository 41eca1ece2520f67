"""Faults during `finsam render`, round two (issue 10), provoked for real: files planted in the
output folder, a full tmpfs, a folder where index.html goes, SIGKILL of the render process and of
one worker, a read-only home, ids that would lead out of the output folder."""
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pytest

from conftest import ROOT, cli_subprocess

psutil = pytest.importorskip("psutil")
FINSAM = str(Path(sys.executable).with_name("finsam"))


def _mount_tmpfs(d: Path, options: str) -> bool:
    d.mkdir(parents=True, exist_ok=True)
    if os.geteuid() != 0:
        return False
    return subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(d)],
                          capture_output=True).returncode == 0


def _umount(d: Path) -> None:
    subprocess.run(["umount", "-l", str(d)], capture_output=True)


def _ours(data_dir: Path) -> list:
    """Processes started for a render of ``data_dir`` (workers and kernels inherit FINSAM_DATA)."""
    found = []
    for p in psutil.process_iter():
        try:
            if p.environ().get("FINSAM_DATA") == str(data_dir) and p.status() != psutil.STATUS_ZOMBIE:
                found.append(p)
        except psutil.Error:
            pass
    return found


def _end(procs) -> None:
    for p in procs:
        try:
            p.kill()
        except psutil.Error:
            pass


def _whole_files(out: Path) -> None:
    """No temporary and no truncated file anywhere in ``out``."""
    assert not [p for p in out.rglob("*") if p.name.endswith(".tmp")]
    for p in (p for p in out.rglob("*.png") if p.is_file()):
        assert p.read_bytes().endswith(b"IEND\xaeB`\x82"), p
    for p in (p for p in out.rglob("*.svg") if p.is_file()):
        assert p.read_text(encoding="utf-8").rstrip().endswith("</svg>"), p
    for p in (p for p in out.rglob("*.html") if p.is_file()):
        assert p.read_text(encoding="utf-8").rstrip().endswith("</html>"), p


# ---------------------------------------------------------------------------- 1: other people's files
def test_render_leaves_temporary_looking_files_it_did_not_write(tmp_path):
    out = tmp_path / "out"
    planted = [out / "sub" / ".ch1.tex.tmp", out / ".index.html.abc123.tmp", out / "all" / ".overview.html.x.tmp",
               out / "figures" / "all" / ".mine.png.tmp"]
    for p in planted:
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text("someone else's work")
    res = cli_subprocess("render", "--output", str(out), "--notebook", "overview", "--no-progress")
    assert res.returncode == 0, res.stdout + res.stderr
    for p in planted:
        assert p.read_text() == "someone else's work"


# ---------------------------------------------------------------------------- 5: full disk, folder in the way
def test_full_disk_gives_a_message_keeps_the_summary_and_leaves_no_partial_files(tmp_path):
    out = tmp_path / "full"
    if not _mount_tmpfs(out, "size=4k"):
        pytest.skip("cannot mount a tmpfs here")
    try:
        res = cli_subprocess("render", "--output", str(out), "--notebook", "overview", "--no-progress")
        assert res.returncode == 1
        assert "Traceback" not in res.stderr + res.stdout
        assert re.search(r"FAILED .*all/overview\.html .*No space left on device", res.stdout), res.stdout
        assert "index NOT written" in res.stdout
        assert f"finsam: cannot write {out / 'index.html'}: No space left on device" in res.stderr
        _whole_files(out)
    finally:
        _umount(out)


def test_index_html_that_is_a_folder(tmp_path):
    out = tmp_path / "out"
    (out / "index.html").mkdir(parents=True)
    (out / "index.html" / "keep.txt").write_text("mine")
    res = cli_subprocess("render", "--output", str(out), "--notebook", "overview", "--language", "en",
                         "--no-progress")
    assert res.returncode == 1 and "Traceback" not in res.stderr
    assert f"finsam: cannot write {out / 'index.html'}: it is a folder" in res.stderr
    assert re.search(r"ok .*en/all/overview\.html", res.stdout)  # the summary is kept
    assert (out / "en" / "all" / "overview.html").is_file()
    assert (out / "index.html" / "keep.txt").read_text() == "mine"
    _whole_files(out)


# ---------------------------------------------------------------------------- 3: paths stay inside --output
def test_a_folder_linking_out_of_the_output_is_not_written_through(tmp_path):
    out, elsewhere = tmp_path / "out", tmp_path / "elsewhere"
    (out / "en").mkdir(parents=True)
    elsewhere.mkdir()
    (out / "en" / "husam").symlink_to(elsewhere)
    res = cli_subprocess("render", "--output", str(out), "--notebook", "gender_outcomes", "--association", "husam",
                         "--language", "en", "--no-progress")
    assert res.returncode == 1 and "Traceback" not in res.stderr
    assert "lies outside the output folder" in res.stdout
    assert list(elsewhere.iterdir()) == []


def test_an_id_that_climbs_out_is_refused_before_anything_is_written(tmp_path, data_copy):
    for name in ("associations.csv", "sources.csv", "interventions.csv", "observations.csv"):
        p = data_copy / name
        p.write_text(p.read_text(encoding="utf-8").replace("\nhusam,", "\n..,").replace(",husam,", ",..,"),
                     encoding="utf-8")
    out = tmp_path / "a" / "out"
    res = cli_subprocess("render", "--data", str(data_copy), "--output", str(out), "--no-progress")
    assert res.returncode == 1 and "Traceback" not in res.stderr
    assert "association_id: '..': not an id" in res.stderr
    assert not (tmp_path / "a").exists()


def test_plan_refuses_unsafe_file_name_parts():
    from finsam.core.errors import FinsamError
    from finsam.site.render import Job, _check_parts, inside
    for bad in ("..", "javascript:alert(document.domain)//", "a/b"):
        with pytest.raises(FinsamError, match="cannot build a file name"):
            _check_parts(Job("gender_outcomes", (("association", bad), ("year", 2018))))
    with pytest.raises(FinsamError, match="outside the output folder"):
        inside(Path("/tmp/out"), "../x.html")


# ---------------------------------------------------------------------------- 8: killed processes
def _start(args, data_dir):
    """The render of a data copy of its own: every process it starts is found by FINSAM_DATA."""
    return subprocess.Popen([FINSAM, "render", "--no-progress", *args], cwd=ROOT, env={**os.environ,
                            "FINSAM_DATA": str(data_dir)}, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, start_new_session=True)


def _wait_for_kernel(proc, timeout=120):
    """Wait until a worker of ``proc`` runs a kernel; returns (worker, kernel)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        time.sleep(0.2)
        for w in psutil.Process(proc.pid).children():
            kids = w.children()
            if kids:
                return w, kids[0]
    raise AssertionError("no kernel started")


def test_kill_9_of_the_render_ends_its_workers_and_kernels(tmp_path, data_copy):
    out = tmp_path / "out"
    proc = _start(["--output", str(out), "--association", "husam", "--language", "en", "--jobs", "2"], data_copy)
    try:
        _wait_for_kernel(proc)
        assert len(_ours(data_copy)) >= 3  # the render, a worker, a kernel
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
        deadline = time.monotonic() + 20
        while _ours(data_copy) and time.monotonic() < deadline:
            time.sleep(0.25)
        assert _ours(data_copy) == [], "workers or kernels outlived the render"
        written = sorted(p for p in out.rglob("*") if p.is_file())
        time.sleep(3)
        assert sorted(p for p in out.rglob("*") if p.is_file()) == written  # nobody writes on
    finally:
        _end(_ours(data_copy))


def test_one_dead_worker_costs_only_its_report(tmp_path, data_copy):
    out = tmp_path / "out"
    proc = _start(["--output", str(out), "--association", "husam", "--language", "en", "--jobs", "2"], data_copy)
    try:
        worker, kernel = _wait_for_kernel(proc)
        worker.kill()
        stdout, stderr = proc.communicate(timeout=600)
        assert proc.returncode == 1 and "Traceback" not in stderr
        failed = [line for line in stdout.splitlines() if line.startswith("FAILED")]
        ok = [line for line in stdout.splitlines() if line.startswith("ok")]
        assert len(failed) == 1 and "worker process died (SIGKILL)" in failed[0], stdout
        total = len([c for c in subprocess.run([FINSAM, "choices"], capture_output=True, text=True).stdout
                     .splitlines() if "association=husam" in c])
        assert len(ok) == total - 1
        assert f"{total - 1} of {total} report(s) rendered" in stdout
        deadline = time.monotonic() + 10  # the dead worker's kernel ends by itself
        while kernel.is_running() and kernel.status() != psutil.STATUS_ZOMBIE and time.monotonic() < deadline:
            time.sleep(0.25)
        assert not kernel.is_running() or kernel.status() == psutil.STATUS_ZOMBIE
        _whole_files(out)
    finally:
        _end(_ours(data_copy))


# ---------------------------------------------------------------------------- 9: read-only home
def test_read_only_home_keeps_matplotlib_out_of_the_reports(tmp_path):
    home = tmp_path / "home"
    if not _mount_tmpfs(home, "ro,size=64k"):
        pytest.skip("cannot mount a read-only tmpfs here")
    try:
        nbs = tmp_path / "notebooks"
        nbs.mkdir()
        nb = nbformat.read(ROOT / "notebooks" / "overview.ipynb", as_version=4)
        probe = nbformat.v4.new_code_cell(
            "import logging, sys\n"
            "logging.basicConfig(stream=sys.stdout, level=logging.WARNING, format='LOG %(message)s')\n"
            "import matplotlib, matplotlib.font_manager, os, tempfile\n"
            "d = matplotlib.get_cachedir()\n"
            "print('CACHEDIR', d, os.access(d, os.W_OK))")
        params = next(i for i, c in enumerate(nb.cells) if "parameters" in c.metadata.get("tags", []))
        nb.cells.insert(params + 1, probe)
        nbformat.write(nb, nbs / "overview.ipynb")
        env = {k: v for k, v in os.environ.items() if k not in ("MPLCONFIGDIR", "IPYTHONDIR", "XDG_CONFIG_HOME",
                                                                 "XDG_CACHE_HOME")}
        env["HOME"] = str(home)
        res = subprocess.run([FINSAM, "render", "--output", str(tmp_path / "out"), "--notebook", "overview",
                              "--language", "en", "--notebooks-dir", str(nbs), "--no-progress"], cwd=ROOT, env=env,
                             capture_output=True, text=True, timeout=600)
        assert res.returncode == 0, res.stdout + res.stderr
        page = (tmp_path / "out" / "en" / "all" / "overview.html").read_text(encoding="utf-8")
        m = re.search(r"CACHEDIR (\S+) (\w+)", page)
        assert m and m.group(2) == "True" and "finsam-kernel-config-" in m.group(1), page[-2000:]
        assert "LOG " not in page and "Matplotlib" not in page
        assert not Path(m.group(1)).exists()  # the render's temporary folder is gone
    finally:
        _umount(home)


# ---------------------------------------------------------------------------- 10: sources that are a file
def test_render_refuses_sources_that_are_a_file(tmp_path, sources_dir):
    res = cli_subprocess("render", "--sources", str(sources_dir / "bhs-2018.txt"), "--output", str(tmp_path / "o"),
                         "--notebook", "overview", "--no-progress")
    assert res.returncode == 1 and "Traceback" not in res.stderr
    assert "the source texts folder is not a folder" in res.stderr
    assert not (tmp_path / "o").exists()
