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
        # the second one from a pooled kernel, over the files the first one wrote
        o = render.run_job(job, str(paths.NOTEBOOKS_DIR), str(out), known=set(o.files))
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


def flaky_kernel(tmp_path: Path, monkeypatch, fail_first: int) -> Path:
    """A real kernelspec whose first ``fail_first`` launches exit before answering (as a kernel does
    whose port another process took between jupyter_client choosing it and the kernel binding it);
    later launches are ordinary ipykernels. Returns the file counting the launches."""
    import sys
    launches = tmp_path / "launches"
    script = tmp_path / "flaky_kernel.py"
    script.write_text(
        "import runpy, sys\n"
        f"p = {str(launches)!r}\n"
        "try:\n    n = int(open(p).read())\nexcept FileNotFoundError:\n    n = 0\n"
        "open(p, 'w').write(str(n + 1))\n"
        f"if n < {fail_first}:\n    sys.exit('zmq.error.ZMQError: Address already in use')\n"
        "sys.argv[0] = 'ipykernel_launcher'\n"
        "runpy.run_module('ipykernel_launcher', run_name='__main__')\n", encoding="utf-8")
    spec = tmp_path / "jupyter" / "kernels" / "finsam-flaky"
    spec.mkdir(parents=True)
    (spec / "kernel.json").write_text(json.dumps({
        "argv": [sys.executable, str(script), "-f", "{connection_file}"],
        "display_name": "flaky", "language": "python"}), encoding="utf-8")
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path / "jupyter"))
    monkeypatch.setenv(kernelpool.ENV_POOL, "0")  # papermill starts the kernel: no pool probes it first
    monkeypatch.setattr(render, "KERNEL", "finsam-flaky")
    monkeypatch.setitem(render.PAPERMILL_OPTIONS, "kernel_name", "finsam-flaky")
    return launches


def test_a_report_whose_kernel_never_started_runs_again_in_a_new_kernel(monkeypatch, tmp_path):
    launches = flaky_kernel(tmp_path, monkeypatch, fail_first=1)
    job = render.plan(["gender_outcomes"], ["bhs"], [2018])[0]
    o = render.run_job(job, str(paths.NOTEBOOKS_DIR), str(tmp_path / "out"))
    assert o.ok, o.error
    assert launches.read_text() == "2"
    assert (tmp_path / "out" / job.html_path).is_file()


def test_a_kernel_that_never_starts_fails_the_report_after_one_more_try(monkeypatch, tmp_path):
    launches = flaky_kernel(tmp_path, monkeypatch, fail_first=99)
    job = render.plan(["gender_outcomes"], ["bhs"], [2018])[0]
    o = render.run_job(job, str(paths.NOTEBOOKS_DIR), str(tmp_path / "out"))
    assert not o.ok
    assert "Kernel died before replying to kernel_info" in o.error
    assert launches.read_text() == str(1 + render.KERNEL_START_RETRIES)
    assert not (tmp_path / "out" / job.html_path).exists()


def test_a_report_whose_kernel_died_while_running_is_not_run_again(monkeypatch, tmp_path):
    from nbclient.exceptions import DeadKernelError
    assert not render.kernel_never_started(DeadKernelError("Kernel died"))
    assert render.kernel_never_started(RuntimeError("Kernel didn't respond in 60 seconds"))


def test_the_readiness_handshake_ends_when_the_kernel_has_answered(pool, tmp_path):
    """jupyter_client's handshake drains IOPub until 0.2 s pass without a message, twice per report
    (the pool's probe and nbclient's): 0.4 s of idle wall time on every page. The pool's client
    stops at the kernel's idle status for its own request, leaves nothing of it behind, and the
    kernel it hands over runs a cell and returns its output."""
    from jupyter_core.utils import run_sync

    km = kernelpool.pool_for(render.KERNEL, render.KERNEL_ARGS, str(tmp_path)).take()
    assert km is not None
    kc = km.client()
    assert type(kc).__name__ == "_ReadyClient"

    async def handshakes():
        kc.start_channels()
        try:
            t = time.perf_counter()
            for _ in range(5):
                await kc.wait_for_ready(timeout=30)
            took = time.perf_counter() - t
            left = await kc.iopub_channel.msg_ready() or await kc.shell_channel.msg_ready()
            reply = await kc.execute_interactive("print(6 * 7)", timeout=30,
                                                 output_hook=lambda m: out.append(m["content"].get("text", "")))
            return took, left, reply
        finally:
            kc.stop_channels()

    out: list[str] = []
    try:
        took, left, reply = run_sync(handshakes)()
    finally:
        kernelpool.KernelPool.discard(km)
    assert took < 5 * 0.2, f"five handshakes took {took:.2f} s: at least one waited out an idle IOPub"
    assert not left, "the handshake left a message on a channel"
    assert reply["content"]["status"] == "ok" and "".join(out).strip() == "42"


def test_a_report_leaves_no_thread_behind_in_its_render_worker(pool, tmp_path):
    """nbclient leaves open the channels of the client it makes for a kernel it was given: each
    holds a heartbeat thread and a ZMQ context with two threads of its own. A render worker of
    the national site runs thousands of reports; leaked, their threads (4 107 after ~1 300
    reports) woke every second and slowed every later report. The pool stops them with the
    kernel: the worker's threads do not grow from one report to the next."""
    nb = notebook(tmp_path / "t.ipynb", "print(1 + 1)")
    me = psutil.Process()
    run(nb, tmp_path)  # the first report starts the zygote and the kernel started ahead
    after_first = me.num_threads()
    for _ in range(4):
        assert stdout_of(run(nb, tmp_path)).strip() == "2"
    assert me.num_threads() <= after_first, f"{me.num_threads() - after_first} threads more after four reports"


def test_a_pooled_kernels_clients_run_no_heartbeat_thread(pool, tmp_path):
    """jupyter_client's heartbeat thread can hang the stop of a client started and stopped within
    milliseconds (its thread sets itself running after stop() cleared the flag, then blocks in a
    send to a kernel that is gone, and stop() joins it forever): a render worker of the national
    site hung so. A pooled kernel's manager knows whether the kernel lives; its clients start no
    heartbeat, and starting and stopping one at once many times returns."""
    import threading
    from jupyter_core.utils import run_sync
    km = kernelpool.pool_for(render.KERNEL, render.KERNEL_ARGS, str(tmp_path)).take()
    try:
        for _ in range(20):
            kc = km.client()
            kc.start_channels()
            assert not any(type(t).__name__ == "HBChannel" for t in threading.enumerate())
            assert run_sync(kc._async_is_alive)()  # asked of the manager
            kc.stop_channels()
    finally:
        kernelpool.KernelPool.discard(km)
