"""Kernels started ahead of need (issue 15) keep one fresh kernel per report: real kernels, real
papermill runs through the same lease finsam.site.render.run_job uses, real crashes and kills."""
from __future__ import annotations

import json
import os
import signal
import time
from pathlib import Path

import nbformat
import papermill as pm
import psutil
import pytest

from finsam.site import kernelpool
from finsam.core import paths
from finsam.site import render


def notebook(path: Path, *cells: str) -> Path:
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(c) for c in cells]
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, path)
    return path


def run(path: Path, cwd: Path):
    """One report's execution exactly as run_job does it: a lease of the pool, papermill, release."""
    lease = kernelpool.Lease(render.KERNEL, render.KERNEL_ARGS, str(cwd))
    try:
        return pm.execute_notebook(str(path), None, kernel_name=render.KERNEL, progress_bar=False, log_output=False,
                                   cwd=str(cwd), extra_arguments=render.KERNEL_ARGS, execution_timeout=120,
                                   **lease.kwargs())
    finally:
        lease.release()


def stdout_of(nb) -> str:
    return "".join(o.get("text", "") for c in nb.cells for o in c.get("outputs", []) if o.get("name") == "stdout")


@pytest.fixture
def pool(monkeypatch):
    monkeypatch.setenv(kernelpool.ENV_POOL, "1")
    kernelpool.close_all()
    yield
    kernelpool.close_all()


REPORT_FACTS = ("import os, sys, json, time, psutil\n"
                "me = psutil.Process()\n"
                "print(json.dumps(dict(pid=os.getpid(), started=me.create_time(), now=time.time(),"
                " leak_env=os.environ.get('FINSAM_TEST_LEAK'), leak_module=getattr(json, 'finsam_test_leak', None),"
                " leak_global='leaked' in globals(), pandas_loaded='pandas' in sys.modules)))")


def test_state_set_by_one_report_does_not_reach_the_next(pool, tmp_path):
    polluter = notebook(tmp_path / "a.ipynb", REPORT_FACTS,
                        "import os, json\nos.environ['FINSAM_TEST_LEAK'] = '1'\njson.finsam_test_leak = 1\nleaked = 1")
    probe = notebook(tmp_path / "b.ipynb", REPORT_FACTS)
    a = json.loads(stdout_of(run(polluter, tmp_path)).splitlines()[0])
    a_done = time.time()
    b = json.loads(stdout_of(run(probe, tmp_path)).splitlines()[0])
    assert a["pid"] != b["pid"]  # a kernel of its own
    assert (b["leak_env"], b["leak_module"], b["leak_global"]) == (None, None, False)
    # the probe's kernel was started ahead, while the polluter ran: the pool really was used
    assert b["started"] < a_done
    # and its preloaded libraries were imported before its first cell
    assert b["pandas_loaded"]
    assert not psutil.pid_exists(a["pid"]) or psutil.Process(a["pid"]).status() == psutil.STATUS_ZOMBIE


def test_a_crashing_report_harms_only_itself(pool, tmp_path):
    crash = notebook(tmp_path / "crash.ipynb", "import os\nos._exit(1)")
    probe = notebook(tmp_path / "b.ipynb", REPORT_FACTS)
    with pytest.raises(Exception) as e:
        run(crash, tmp_path)
    assert "DeadKernel" in type(e.value).__name__ or "died" in str(e.value)
    b = json.loads(stdout_of(run(probe, tmp_path)).splitlines()[0])
    assert b["leak_env"] is None


def test_a_waiting_kernel_killed_from_outside_is_replaced(pool, tmp_path):
    probe = notebook(tmp_path / "b.ipynb", REPORT_FACTS)
    run(probe, tmp_path)  # fills the pool with one waiting kernel
    waiting = kernelpool._POOLS[next(iter(kernelpool._POOLS))].waiting
    assert len(waiting) == 1
    victim = waiting[0].provisioner.process.pid
    os.kill(victim, signal.SIGKILL)
    psutil.Process(victim).wait(10) if psutil.pid_exists(victim) else None
    b = json.loads(stdout_of(run(probe, tmp_path)).splitlines()[0])
    assert b["pid"] != victim


def test_no_kernel_is_left_running_after_close(pool, tmp_path):
    probe = notebook(tmp_path / "b.ipynb", REPORT_FACTS)
    run(probe, tmp_path)
    kids = psutil.Process().children(recursive=True)
    assert kids, "a kernel waits for the next report"
    kernelpool.close_all()
    gone, alive = psutil.wait_procs(kids, timeout=10)
    assert not [p for p in alive if p.status() != psutil.STATUS_ZOMBIE]


def test_a_report_from_the_pool_is_byte_identical_to_one_from_a_fresh_kernel(monkeypatch, tmp_path):
    job = render.plan(["gender_outcomes"], ["bhs"], [2018])[0]
    pages = {}
    for mode in ("0", "1"):
        monkeypatch.setenv(kernelpool.ENV_POOL, mode)
        out = tmp_path / f"pool{mode}"
        o = render.run_job(job, str(paths.NOTEBOOKS_DIR), str(out))
        assert o.ok, o.error
        o = render.run_job(job, str(paths.NOTEBOOKS_DIR), str(out))  # the second one from a pooled kernel
        assert o.ok, o.error
        pages[mode] = (out / job.html_path).read_bytes()
    kernelpool.close_all()
    assert pages["0"] == pages["1"]


def test_kernels_end_when_their_render_worker_is_killed(tmp_path):
    # a worker killed outright (SIGKILL: no clean-up runs) leaves no kernel behind: its zygote sees
    # its request pipe close, and every kernel forked from the zygote watches the zygote
    import subprocess
    import sys
    code = ("from finsam.site import kernelpool, render\n"
            "from finsam.site.kernels import use_project_kernel\n"
            "use_project_kernel()\n"
            f"km = kernelpool.pool_for(render.KERNEL, render.KERNEL_ARGS, {str(tmp_path)!r}).take()\n"
            "print('ready', flush=True)\n"
            "import time; time.sleep(600)\n")
    worker = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True,
                              env={**os.environ, kernelpool.ENV_POOL: "fork"})
    assert worker.stdout.readline().strip() == "ready"
    tree = psutil.Process(worker.pid).children(recursive=True)
    assert len(tree) >= 3  # the zygote, the kernel taken and the one started ahead
    worker.kill()
    worker.wait()
    gone, alive = psutil.wait_procs(tree, timeout=30)
    for p in alive:
        p.kill()
    assert not [p for p in alive if p.status() != psutil.STATUS_ZOMBIE]
