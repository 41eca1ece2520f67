"""Setup files agree: the conda environment pins what pyproject pins, and the lock file holds
the same versions, so conda and pip users get the same numbers in nbval's outputs."""
import re
import tomllib

from conftest import ROOT


def pyproject_pins() -> dict:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    reqs = project["dependencies"] + [r for group in project["optional-dependencies"].values() for r in group]
    pins = {}
    for r in reqs:
        name, version = r.split("==")
        pins[name.lower()] = version
    return pins


def test_every_dependency_is_pinned_exactly():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    for r in project["dependencies"]:
        assert re.fullmatch(r"[A-Za-z0-9_.-]+==[0-9][0-9A-Za-z.]*", r), r


def test_environment_yml_pins_the_same_versions():
    conda = {}
    for line in (ROOT / "environment.yml").read_text().splitlines():
        m = re.fullmatch(r"\s*-\s*([A-Za-z0-9_.-]+)=([0-9][0-9A-Za-z.]*)\s*", line)
        if m:
            conda[m.group(1).lower()] = m.group(2)
    assert conda.pop("python") == "3.11"
    assert conda == pyproject_pins()


def test_lock_file_agrees_with_pyproject():
    lock = {}
    for line in (ROOT / "requirements.lock").read_text().splitlines():
        if "==" in line and not line.startswith("#"):
            name, version = line.strip().split("==")
            lock[name.lower().replace("_", "-")] = version
    for name, version in pyproject_pins().items():
        if name == "jupyterlab":
            continue  # installed on demand by `make lab`
        assert lock.get(name) == version, name
