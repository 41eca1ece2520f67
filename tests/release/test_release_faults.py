"""`finsam export` never writes over what it did not write, and bad input ends with a one-line
message, a non-zero exit and nothing half-written: foreign files in the output folder, an edited
earlier release, a file or the current folder as output, broken data, a missing report text, a
table too large for a workbook, and SIGTERM in the middle of an export (sequential and with
worker processes). Real files, real processes, real signals."""
from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pyarrow as pa
import pytest

from finsam.release import ReleaseError, formats

from conftest import DATA, ROOT

sys.path.insert(0, str(ROOT / "bench"))
import synth  # noqa: E402

FINSAM = [sys.executable, "-m", "finsam"]


def export(out, *args, cwd=None, sources=None):
    env = {**os.environ}
    if sources:
        env["FINSAM_SOURCES"] = str(sources)
    return subprocess.run([*FINSAM, "export", "--output", str(out), *args], capture_output=True, text=True,
                          timeout=300, cwd=cwd, env=env)


def tree(folder: Path) -> dict:
    return {p.relative_to(folder).as_posix(): (p.read_bytes() if p.is_file() else None) for p in folder.rglob("*")}


def leftovers(parent: Path) -> list[str]:
    return sorted(p.name for p in parent.iterdir() if ".export-" in p.name or ".old-" in p.name)


def one_line_error(p) -> str:
    assert p.returncode == 1, (p.returncode, p.stderr)
    lines = p.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("finsam: ") and "Traceback" not in p.stderr, p.stderr
    return lines[0]


def test_a_folder_with_foreign_files_is_refused_and_left_as_it_was(tmp_path, sources_dir):
    out = tmp_path / "release"
    out.mkdir()
    (out / "notes.txt").write_text("mine")
    (out / "sub").mkdir()
    before = tree(out)
    msg = one_line_error(export(out, sources=sources_dir))
    assert "holds files finsam did not write" in msg and "notes.txt" in msg and "sub/" in msg
    assert tree(out) == before and leftovers(tmp_path) == []


def test_an_earlier_release_is_replaced_and_an_edited_one_refused(tmp_path, sources_dir):
    out = tmp_path / "release"
    assert export(out, sources=sources_dir).returncode == 0
    assert (out / "finsam.xlsx").is_file() and (out / "parquet").is_dir()
    # a release finsam wrote is replaced as a whole: what the new one leaves out is gone
    p = export(out, "--formats", "sqlite", sources=sources_dir)
    assert p.returncode == 0, p.stderr
    assert not (out / "finsam.xlsx").exists() and not (out / "parquet").exists() and (out / "finsam.sqlite").is_file()
    assert leftovers(tmp_path) == []
    # once a file of it has been edited, it is no longer only finsam's
    with open(out / "README.md", "a", encoding="utf-8") as f:
        f.write("my notes\n")
    before = tree(out)
    msg = one_line_error(export(out, sources=sources_dir))
    assert "README.md (changed since finsam wrote it)" in msg
    assert tree(out) == before and leftovers(tmp_path) == []


def test_an_empty_folder_is_filled(tmp_path, sources_dir):
    out = tmp_path / "empty"
    out.mkdir()
    p = export(out, sources=sources_dir)
    assert p.returncode == 0, p.stderr
    assert (out / "datapackage.json").is_file() and leftovers(tmp_path) == []


def test_a_file_or_the_current_folder_as_output_is_refused(tmp_path, sources_dir):
    f = tmp_path / "file"
    f.write_text("x")
    assert "is not a folder" in one_line_error(export(f, sources=sources_dir))
    assert f.read_text() == "x"
    here = tmp_path / "here"
    here.mkdir()
    assert "current folder" in one_line_error(export(".", cwd=here, sources=sources_dir))
    assert list(here.iterdir()) == []


def test_broken_data_gets_the_validation_messages_and_no_release(tmp_path, sources_dir):
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    text = (data / "observations.csv").read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    lines[2] = lines[2].replace(",participants,", ",no_such_metric,", 1)  # line 3 of the file
    (data / "observations.csv").write_text("".join(lines), encoding="utf-8")
    p = export(tmp_path / "release", "--data", str(data), sources=sources_dir)
    assert p.returncode == 1 and "Traceback" not in p.stderr
    assert "observations.csv:3: metric: 'no_such_metric'" in p.stderr, p.stderr
    assert not (tmp_path / "release").exists() and leftovers(tmp_path) == []


def test_a_quote_not_in_its_report_is_caught_before_anything_is_published(tmp_path, sources_dir):
    """The export runs finsam validate's provenance check: a changed quote fails the release."""
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    text = (data / "observations.csv").read_text(encoding="utf-8")
    assert "Intäkterna uppgick till 8,6 mkr" in text
    (data / "observations.csv").write_text(text.replace("Intäkterna uppgick till 8,6 mkr",
                                                        "Intäkterna uppgick nog till 8,6 mkr", 1), encoding="utf-8")
    p = export(tmp_path / "release", "--data", str(data), sources=sources_dir)
    assert p.returncode == 1 and "Traceback" not in p.stderr
    assert "observations.csv:5:" in p.stderr and "quote" in p.stderr, p.stderr
    assert not (tmp_path / "release").exists() and leftovers(tmp_path) == []


def test_a_missing_report_text_is_named(tmp_path, sources_dir):
    sources = tmp_path / "sources"
    shutil.copytree(sources_dir, sources)
    (sources / "bhs-2018.txt").unlink()
    p = export(tmp_path / "release", sources=sources)
    # the provenance check finds it first and names the sources.csv line that names the file
    assert p.returncode == 1 and "Traceback" not in p.stderr, p.stderr
    assert re.search(r"data/sources\.csv:\d+: source document 'bhs-2018\.txt' .* not found", p.stderr), p.stderr
    assert not (tmp_path / "release").exists() and leftovers(tmp_path) == []


def test_a_table_too_large_for_a_workbook_is_refused_before_writing(tmp_path):
    big = pa.table({"value": pa.array(range(formats.EXCEL_ROWS), type=pa.int64())})
    with pytest.raises(ReleaseError, match="more than an .xlsx sheet holds"):
        formats.check_workbook_fits({"observations": big})
    long = pa.table({"quote": pa.array(["x" * (formats.EXCEL_CELL + 1)])})
    with pytest.raises(ReleaseError, match="more than an .xlsx cell holds"):
        formats.write_xlsx(tmp_path / "w.xlsx", [], {"observations": long})
    assert not (tmp_path / "w.xlsx").exists()
    fits = pa.table({"quote": pa.array(["x" * formats.EXCEL_CELL])})
    formats.check_workbook_fits({"observations": fits})


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory):
    d = tmp_path_factory.mktemp("synthetic")
    synth.generate(60_000, d / "data", d / "sources")
    return d


@pytest.mark.parametrize("parallel", [False, True], ids=["one process", "worker processes"])
def test_sigterm_during_an_export_leaves_the_earlier_release_and_no_temporary_files(tmp_path, synthetic, parallel):
    out = tmp_path / "release"
    out.mkdir()
    (out / ".finsam-release.json").write_text('{"format": "finsam-release-1", "files": {}}')  # an (empty) release
    before = tree(out)
    if parallel:  # the API: the command line has no switch for worker processes on small data
        cmd = [sys.executable, "-c", f"from finsam.release import export; export({str(out)!r}, "
               f"data_dir={str(synthetic / 'data')!r}, sources_dir={str(synthetic / 'sources')!r}, "
               "parallel_from=0, jobs=2)"]
    else:
        cmd = [*FINSAM, "export", "--output", str(out), "--data", str(synthetic / "data"),
               "--sources", str(synthetic / "sources")]
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    # wait until the export is writing its temporary folder (and, in parallel, its workers run)
    while not leftovers(tmp_path) or (parallel and len(psutil.Process(p.pid).children(recursive=True)) < 2):
        assert p.poll() is None, p.stderr.read()
        assert time.monotonic() < deadline, "the export never started writing"
        time.sleep(0.05)
    time.sleep(0.5)
    children = psutil.Process(p.pid).children(recursive=True)
    p.send_signal(signal.SIGTERM)
    _, err = p.communicate(timeout=60)
    if parallel:  # the SIGTERM handler raised KeyboardInterrupt, which unwound the export
        assert p.returncode != 0 and "KeyboardInterrupt" in err, err
    else:
        assert p.returncode == 130 and err.strip() == "finsam: interrupted", err
    assert tree(out) == before
    assert leftovers(tmp_path) == []
    gone, alive = psutil.wait_procs(children, timeout=20)
    assert alive == [], [c.cmdline() for c in alive]


def test_an_unknown_format_is_a_usage_error(tmp_path):
    p = export(tmp_path / "release", "--formats", "parquet,pdf")
    assert p.returncode == 2 and "unknown format pdf; choose from parquet, sqlite, xlsx" in p.stderr
    assert not (tmp_path / "release").exists()
