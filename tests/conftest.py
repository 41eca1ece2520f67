"""Shared fixtures. Tests build broken or small datasets as copies in temporary folders; the
shipped data/ is never modified."""
from __future__ import annotations

import contextlib
import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from finsam.core import paths

# the tests are grouped in folders by layer (tests/README.md); a few take fixtures and helpers of a
# test module in another folder (test_validate's row editors, test_analysis's small dataset), so
# every folder is importable as pytest makes a test file's own folder
sys.path[:0] = [str(d) for d in sorted(Path(__file__).parent.iterdir())
                if d.is_dir() and d.name not in ("golden", "__pycache__")]
from finsam.site.kernels import use_project_kernel

ROOT = paths.PROJECT_ROOT
DATA = ROOT / "data"
from finsam.data.fields import TABLES  # noqa: E402

TABLE_FILES = tuple(t.filename for t in TABLES.values())


def pytest_configure(config):
    use_project_kernel()  # nbval and papermill must start this environment's python3 kernel


@pytest.fixture(scope="session")
def sources_dir() -> Path:
    """The source report texts. Missing: a failure in CI (it must be there), a skip elsewhere."""
    d = paths.sources_dir()
    if not (d.is_dir() and any(d.glob("*.txt"))):
        msg = f"source texts not found at {d} (set FINSAM_SOURCES)"
        if os.environ.get("CI"):
            pytest.fail(msg)
        pytest.skip(msg)
    return d


@pytest.fixture
def data_copy(tmp_path) -> Path:
    """A copy of the shipped tables to corrupt."""
    d = tmp_path / "data"
    d.mkdir()
    for f in TABLE_FILES:
        shutil.copy(DATA / f, d / f)
    return d


def small_dataset(d: Path, observations, interventions: str | None = None):
    """A data folder at ``d`` with the shipped vocabulary, categories, metrics, associations and
    sources, the given interventions.csv text (default: the shipped one) and these observation
    rows (lists in the order of observations.csv's columns; missing trailing fields are empty).
    Returns the loaded tables: the expected numbers of a test are its own inputs."""
    import csv

    from finsam import load
    d.mkdir(parents=True, exist_ok=True)
    for name, t in TABLES.items():
        if name not in ("observations", "interventions"):
            shutil.copy(DATA / t.filename, d / t.filename)
    if interventions is None:
        shutil.copy(DATA / "interventions.csv", d / "interventions.csv")
    else:
        (d / "interventions.csv").write_text(interventions, encoding="utf-8")
    fields = TABLES["observations"].fields
    with open(d / "observations.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(fields)
        w.writerows([list(r) + [""] * (len(fields) - len(r)) for r in observations])
    return load(d, use_cache=False)


def cli(*args, env=None) -> tuple[int, str, str]:
    """Run ``finsam`` in-process; returns (exit status, stdout, stderr)."""
    from finsam.cli import main
    out, err = io.StringIO(), io.StringIO()
    saved = {k: os.environ.get(k) for k in ("FINSAM_DATA", "FINSAM_SOURCES")}
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = main(list(args))
            except SystemExit as e:  # argparse usage errors
                code = e.code
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
    return code, out.getvalue(), err.getvalue()


def cli_subprocess(*args, cwd=None, env=None, timeout=600) -> subprocess.CompletedProcess:
    """Run the installed ``finsam`` console script in a fresh process."""
    exe = Path(sys.executable).with_name("finsam")
    e = {**os.environ, **(env or {})}
    return subprocess.run([str(exe), *args], cwd=cwd or ROOT, env=e, capture_output=True, text=True,
                          timeout=timeout)


def replace_in(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"test setup: {old!r} not in {path.name}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def line_of(path: Path, needle: str) -> int:
    """1-based line number of the first line containing ``needle``."""
    for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return i
    raise AssertionError(f"{needle!r} not in {path}")
