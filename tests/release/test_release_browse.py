"""`make browse` for real: it exports the release and starts Datasette on 127.0.0.1; the test asks
the server's JSON API for tables and metadata over HTTP, compares the answers with the release's
SQLite database and the field dictionary, then stops the server (its whole process group)."""
from __future__ import annotations

import json
import os
import signal
import socket
import sqlite3
import subprocess
import time
import urllib.request

import pytest

from finsam.release import describe, meta

from conftest import ROOT


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url: str):
    with urllib.request.urlopen(url, timeout=10) as r:
        return r.status, json.loads(r.read().decode("utf-8"))


@pytest.fixture(scope="module")
def server(tmp_path_factory, sources_dir):
    release = tmp_path_factory.mktemp("browse") / "release"
    port = free_port()
    env = {**os.environ, "FINSAM_SOURCES": str(sources_dir)}
    log = open(release.parent / "make.log", "w+")
    p = subprocess.Popen(["make", "-s", "browse", f"RELEASE={release}", f"BROWSE_PORT={port}"], cwd=ROOT, env=env,
                         stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 180
        while True:
            if p.poll() is not None:
                log.seek(0)
                pytest.fail(f"make browse ended with {p.returncode}:\n{log.read()[-3000:]}")
            try:
                get(f"{base}/-/versions.json")
                break
            except OSError:
                if time.monotonic() > deadline:
                    log.seek(0)
                    pytest.fail(f"Datasette did not answer on {base}:\n{log.read()[-3000:]}")
                time.sleep(0.5)
        yield base, release, p
    finally:
        if p.poll() is None:
            os.killpg(p.pid, signal.SIGTERM)
            try:
                p.wait(20)
            except subprocess.TimeoutExpired:
                os.killpg(p.pid, signal.SIGKILL)
                p.wait(10)
        log.close()


def test_datasette_serves_the_release_tables_as_json(server):
    base, release, _ = server
    status, rows = get(f"{base}/finsam/outcome_rates.json?_shape=array&_size=max")
    assert status == 200
    con = sqlite3.connect(release / "finsam.sqlite")
    try:
        con.row_factory = sqlite3.Row
        want = [dict(r) for r in con.execute("SELECT * FROM outcome_rates ORDER BY rowid")]
        n_obs = con.execute("SELECT count(*) FROM observations").fetchone()[0]
    finally:
        con.close()
    assert [{k: v for k, v in r.items() if k != "rowid"} for r in rows] == want and want
    # a filtered query, as a researcher makes it in the browser
    status, page = get(f"{base}/finsam/observations.json?metric=participants&gender=all&_shape=objects&_size=5")
    assert status == 200 and page["filtered_table_rows_count"] < n_obs
    assert all(r["metric"] == "participants" and r["gender"] == "all" for r in page["rows"])
    # foreign keys are links with the referred row's label
    assert {"column": "association_id", "other_table": "associations", "other_column": "association_id"} in \
        [c[0] for c in page["expandable_columns"]]


def test_datasette_shows_the_data_dictionary_as_metadata(server):
    base, _, _ = server
    status, m = get(f"{base}/-/metadata.json")
    assert status == 200
    assert m["license_url"] == describe.LICENCE["path"] and "CC-BY-4.0" in m["license"]
    tables = m["databases"]["finsam"]["tables"]
    assert tables["observations"]["description"] == meta.description("observations")
    assert tables["observations"]["columns"]["quote"].startswith(meta.field("observations", "quote").description)
    assert "Unit: percent." in tables["outcome_rates"]["columns"]["rate"]


def test_the_server_listens_on_loopback_only(server):
    base, _, p = server
    port = int(base.rsplit(":", 1)[1])
    import psutil
    addresses = {c.laddr.ip for proc in [psutil.Process(p.pid), *psutil.Process(p.pid).children(recursive=True)]
                 for c in proc.net_connections(kind="tcp") if c.status == psutil.CONN_LISTEN and c.laddr.port == port}
    assert addresses == {"127.0.0.1"}
