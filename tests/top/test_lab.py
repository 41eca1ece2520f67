"""`make lab` as a user runs it (here: as root, as in a container): JupyterLab starts on
127.0.0.1 with finsam importable; through the server's own REST API a session opens
explore.ipynb, every code cell of the notebook runs on that session's kernel over the server's
websocket, and SIGTERM stops the server and its kernel."""
import asyncio
import csv
import json
import os
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
import uuid

import pytest

from conftest import ROOT

STARTUP_SECONDS = 180


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, port: int, token: str):
        self.base, self.token = f"http://127.0.0.1:{port}", token

    def api(self, method: str, path: str, body=None):
        req = urllib.request.Request(self.base + path, method=method,
                                     data=None if body is None else json.dumps(body).encode(),
                                     headers={"Authorization": f"token {self.token}",
                                              "Content-Type": "application/json"})
        with urllib.request.urlopen(req, timeout=60) as r:
            raw = r.read()
            return json.loads(raw) if raw else None


async def run_cells(server: Server, kernel_id: str, cells: list[str]) -> list[dict]:
    """Execute each code in turn on the kernel through the server's websocket (the Jupyter
    messaging protocol, as JupyterLab speaks it); returns each cell's outputs and reply status."""
    from tornado.websocket import websocket_connect
    session = uuid.uuid4().hex
    url = (server.base.replace("http", "ws", 1) + f"/api/kernels/{kernel_id}/channels"
           f"?session_id={session}&token={server.token}")
    ws = await websocket_connect(url)
    results = []
    try:
        for code in cells:
            msg_id = uuid.uuid4().hex
            await ws.write_message(json.dumps({
                "header": {"msg_id": msg_id, "msg_type": "execute_request", "session": session,
                           "username": "test", "version": "5.3"},
                "parent_header": {}, "metadata": {}, "channel": "shell", "buffers": [],
                "content": {"code": code, "silent": False, "store_history": True, "user_expressions": {},
                            "allow_stdin": False, "stop_on_error": True}}))
            outputs, status, idle = [], None, False
            deadline = time.monotonic() + 300
            while status is None or not idle:
                raw = await asyncio.wait_for(ws.read_message(), timeout=max(1, deadline - time.monotonic()))
                assert raw is not None, "the kernel's websocket closed"
                m = json.loads(raw)
                if m.get("parent_header", {}).get("msg_id") != msg_id:
                    continue
                kind = m["header"]["msg_type"]
                if kind == "execute_reply":
                    status = m["content"]["status"]
                elif kind == "status" and m["content"]["execution_state"] == "idle":
                    idle = True
                elif kind in ("execute_result", "stream", "error", "display_data"):
                    outputs.append({"type": kind, **m["content"]})
            results.append({"status": status, "outputs": outputs})
    finally:
        ws.close()
    return results


@pytest.fixture
def lab(tmp_path):
    if not (ROOT / ".venv" / ".installed").exists():
        pytest.skip("needs the project's .venv (make setup)")
    port, token = _free_port(), uuid.uuid4().hex
    env = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MAKELEVEL", "MFLAGS")}
    for var, sub in (("JUPYTER_CONFIG_DIR", "config"), ("JUPYTER_RUNTIME_DIR", "runtime"),
                     ("JUPYTERLAB_WORKSPACES_DIR", "workspaces"), ("JUPYTERLAB_SETTINGS_DIR", "settings")):
        env[var] = str(tmp_path / sub)  # leave the user's Jupyter folders alone
    log = open(tmp_path / "lab.log", "w")
    proc = subprocess.Popen(["make", "--no-print-directory", "lab",
                             f"LAB_ARGS=--ip=127.0.0.1 --port={port} --port-retries=0 "
                             f"--IdentityProvider.token={token}"],
                            cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    server = Server(port, token)
    output = lambda: (tmp_path / "lab.log").read_text()
    try:
        deadline = time.monotonic() + STARTUP_SECONDS
        while True:
            if proc.poll() is not None:
                pytest.fail(f"make lab exited with {proc.returncode}:\n{output()[-3000:]}")
            try:
                server.api("GET", "/api/status")
                break
            except (urllib.error.URLError, ConnectionError, OSError):
                if time.monotonic() > deadline:
                    pytest.fail(f"JupyterLab did not answer within {STARTUP_SECONDS}s:\n{output()[-3000:]}")
                time.sleep(0.5)
        yield server, proc, output
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(timeout=60)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
        log.close()


def test_make_lab_starts_and_runs_the_explore_notebook_through_the_server(lab):
    server, proc, output = lab
    root = server.api("GET", "/api/contents")
    assert "explore.ipynb" in {c["name"] for c in root["content"]}  # JupyterLab opens notebooks/
    nb = server.api("GET", "/api/contents/explore.ipynb")["content"]
    cells = ["".join(c["source"]) if isinstance(c["source"], list) else c["source"]
             for c in nb["cells"] if c["cell_type"] == "code"]
    assert cells
    session = server.api("POST", "/api/sessions", {"path": "explore.ipynb", "name": "explore.ipynb",
                                                  "type": "notebook", "kernel": {"name": "python3"}})
    kernel = session["kernel"]["id"]
    probe = "import finsam, os, sys; print(finsam.__file__, os.getcwd(), sys.prefix, os.getpid())"
    results = asyncio.run(run_cells(server, kernel, [probe, *cells]))
    errors = [(i, o) for i, r in enumerate(results) for o in r["outputs"] if o["type"] == "error"]
    assert not errors, errors
    assert [r["status"] for r in results] == ["ok"] * len(results)

    where, cwd, prefix, kernel_pid = results[0]["outputs"][0]["text"].split()
    assert where == str(ROOT / "finsam" / "__init__.py")  # finsam importable: this checkout's package
    assert cwd == str(ROOT / "notebooks")
    assert prefix == str(ROOT / ".venv")
    # the first cell shows tables.observations.shape: its row count is the number of records of
    # data/observations.csv, counted here with the csv module
    with open(ROOT / "data" / "observations.csv", encoding="utf-8-sig", newline="") as f:
        rows = sum(1 for _ in csv.DictReader(f))
    shown = results[1]["outputs"][-1]["data"]["text/plain"]
    assert shown.startswith(f"({rows}, "), shown

    assert server.api("GET", "/api/kernels")  # the kernel runs under the server until it stops
    os.killpg(proc.pid, signal.SIGTERM)
    proc.wait(timeout=60)
    with pytest.raises((urllib.error.URLError, ConnectionError, OSError)):
        server.api("GET", "/api/status")
    deadline = time.monotonic() + 30
    while os.path.exists(f"/proc/{kernel_pid}") and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not os.path.exists(f"/proc/{kernel_pid}"), "the kernel outlived the server"
    # make echoes the command it ran: as root it must have passed --allow-root (else Jupyter refuses)
    ran = next(line for line in output().splitlines() if "jupyter lab" in line)
    assert ("--allow-root" in ran.split()) == (os.geteuid() == 0), ran
