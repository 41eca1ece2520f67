"""The wheel as a new user gets it: built from the checkout (which the build leaves clean),
installed with pip into a fresh virtual environment, and run from an empty directory, where
`finsam render` writes a working site from the notebooks and data shipped inside the wheel.

`make test` does this on the Python of .venv; `make test-pythons` on each supported Python
(FINSAM_TEST_PYTHONS="3.11 3.12 3.13")."""
import os
import re
import subprocess
import sys
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import pytest

import finsam
from conftest import ROOT, TABLE_FILES
from pythons import SUPPORTED, find_python, version_of

LOCK = ROOT / "requirements.lock"
NOTEBOOK_FILES = sorted(p.name for p in (ROOT / "notebooks").glob("*.ipynb"))


def run(cmd, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([str(c) for c in cmd], capture_output=True, text=True, timeout=900, **kw)


@pytest.fixture(scope="session")
def wheel(tmp_path_factory) -> Path:
    """The wheel, built with the locked build backend of .venv (no network needed)."""
    out = tmp_path_factory.mktemp("dist")
    droppings = lambda: {p.name for p in ROOT.iterdir() if p.name == "build" or p.name.endswith(".egg-info")}
    before = droppings()
    r = run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation", "-w", out, ROOT])
    assert r.returncode == 0, r.stderr
    assert droppings() == before, "the build left build/ or *.egg-info in the checkout"
    (whl,) = out.glob("finsam-*.whl")
    return whl


def test_wheel_ships_notebooks_templates_data_and_licenses(wheel):
    z = zipfile.ZipFile(wheel)
    names = set(z.namelist())
    for f in TABLE_FILES:  # the curated data it was built with, byte for byte
        assert z.read(f"finsam/_data/{f}") == (ROOT / "data" / f).read_bytes(), f
    for f in NOTEBOOK_FILES:
        assert z.read(f"finsam/_notebooks/{f}") == (ROOT / "notebooks" / f).read_bytes(), f
    for f in ("finsam/templates/index.html.j2", "finsam/templates/nbconvert/finsam/index.html.j2",
              "finsam/_data/README.md", "finsam/_data/LICENSE"):
        assert f in names, f
    assert not [n for n in names if "__pycache__" in n or ".ipynb_checkpoints" in n or n.endswith(".pyc")]
    meta = z.read(f"finsam-{finsam.__version__}.dist-info/METADATA").decode()
    assert "License-Expression: MIT AND CC-BY-4.0" in meta
    assert "Requires-Python: >=3.11" in meta
    assert re.search(r"^Author: \S", meta, re.M)
    for v in SUPPORTED:
        assert f"Classifier: Programming Language :: Python :: {v}" in meta
    licenses = {n.split("/licenses/", 1)[1] for n in names if "/licenses/" in n}
    assert licenses == {"LICENSE", "data/LICENSE"}


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "a" and a.get("href") and "://" not in a["href"] and not a["href"].startswith("#"):
            self.hrefs.append(a["href"])


def install_and_render(python: str, wheel: Path, tmp: Path) -> None:
    venv = tmp / "venv"
    r = run([python, "-m", "venv", venv])
    assert r.returncode == 0, r.stderr
    py = venv / "bin" / "python"
    r = run([py, "-m", "pip", "install", "--quiet", "--no-compile", "--disable-pip-version-check", "-c", LOCK, wheel])
    assert r.returncode == 0, r.stderr[-3000:]
    site = Path(run([py, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"]).stdout.strip())
    installed = lambda: sorted(str(p.relative_to(site)) for p in (site / "finsam").rglob("*")
                               if "__pycache__" not in p.parts)
    before = installed()

    empty = tmp / "somewhere"
    empty.mkdir()
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("FINSAM_", "JUPYTER", "VIRTUAL_ENV", "PYTHON"))}
    env["XDG_CACHE_HOME"] = str(tmp / "cache")  # the user's cache directory, for platformdirs
    finsam_exe = venv / "bin" / "finsam"

    r = run([py, "-c", "import finsam, finsam.core.paths as p; print(finsam.__file__); print(p.data_dir()); "
             "print(p.NOTEBOOKS_DIR)"], cwd=empty, env=env)
    assert r.returncode == 0, r.stderr
    for line in r.stdout.split():
        assert line.startswith(str(site / "finsam")), line  # nothing read from the checkout

    r = run([finsam_exe, "--version"], cwd=empty, env=env)
    assert r.stdout.strip() == f"finsam {finsam.__version__}", r.stdout + r.stderr
    r = run([finsam_exe, "choices", "--notebook", "gender_outcomes", "--association", "bhs"], cwd=empty, env=env)
    assert r.returncode == 0 and "gender_outcomes association=bhs year=2018" in r.stdout.splitlines(), r.stderr
    r = run([finsam_exe, "validate", "--data", tmp / "nonexistent"], cwd=empty, env=env)
    assert r.returncode == 1 and "data folder not found" in r.stderr and "provenance checked" not in r.stdout

    r = run([finsam_exe, "render", "--notebook", "gender_outcomes", "--association", "bhs", "--year", "2018",
             "--language", "en", "--jobs", "1", "--no-progress"], cwd=empty, env=env)
    assert r.returncode == 0, r.stderr[-3000:] + r.stdout
    out = empty / "reports"
    lang_site = out / "en"  # one language's site
    report = lang_site / "bhs" / "gender_outcomes_bhs_2018.html"
    page = report.read_text(encoding="utf-8")
    assert "Traceback" not in page and "<img" in page
    index = Links()
    index.feed((lang_site / "index.html").read_text(encoding="utf-8"))
    assert "bhs/gender_outcomes_bhs_2018.html" in index.hrefs
    for href in index.hrefs:  # a working site: every local link of the index leads to a file
        assert (lang_site / href).resolve().is_file(), href
    assert [p.name for p in empty.iterdir()] == ["reports"]  # nothing else written into the directory
    assert installed() == before  # nothing written into site-packages
    assert list((tmp / "cache" / "finsam").iterdir()), "the table cache is not in the user cache dir"


def test_wheel_installs_with_pip_and_renders_from_an_empty_directory(wheel, tmp_path):
    install_and_render(sys.executable, wheel, tmp_path)


def _requested() -> list[str]:
    return os.environ.get("FINSAM_TEST_PYTHONS", "").split()


@pytest.mark.parametrize("spec", _requested() or ["(none)"])
def test_pythons_wheel_renders_on_each_supported_python(spec, wheel, tmp_path):
    """`make test-pythons`: the same check on each interpreter of FINSAM_TEST_PYTHONS."""
    if not _requested():
        pytest.skip("set FINSAM_TEST_PYTHONS or run `make test-pythons`")
    python = find_python(spec)
    assert python, f"no Python {spec} found on this machine (PATH, /usr/bin, ~/.pyenv/versions)"
    assert version_of(python) in SUPPORTED, f"{python} is Python {version_of(python)}, not one of {SUPPORTED}"
    install_and_render(python, wheel, tmp_path)
