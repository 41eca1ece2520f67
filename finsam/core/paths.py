"""Where things live. Every path is built from the package, an environment variable or the
current directory, so notebooks, papermill kernels and the CLI work from any working directory,
from a source checkout (editable install) and from an installed wheel alike.

- The curated data and the notebooks are package data: the wheel ships the checkout's data/ and
  notebooks/ as ``finsam/_data`` and ``finsam/_notebooks``, found with importlib.resources; in a
  source checkout (``make``, ``pip install -e .``) they are the checkout's own folders.
- Reports go to ./reports of the current directory unless told otherwise.
- Caches go to the user's cache directory (platformdirs), never into the package or the data.
"""
from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent.parent  # finsam/
PROJECT_ROOT = PACKAGE_DIR.parent  # the checkout in a source tree; site-packages when installed

#: environment variables that relocate the inputs (the CLI's --data/--sources set them too,
#: so that papermill kernels started by ``finsam render`` see the same folders)
ENV_DATA = "FINSAM_DATA"
ENV_SOURCES = "FINSAM_SOURCES"
ENV_CACHE = "FINSAM_CACHE"


def _shipped(packaged: str, checkout: str) -> Path:
    """A folder shipped inside the wheel as package data, or the checkout's own folder."""
    inside = resources.files("finsam") / packaged
    if inside.is_dir():
        return Path(str(inside))
    return PROJECT_ROOT / checkout


#: the notebooks ``finsam render`` runs (and ``make lab`` opens in a checkout)
NOTEBOOKS_DIR = _shipped("_notebooks", "notebooks")
#: the curated tables the package was built with
SHIPPED_DATA_DIR = _shipped("_data", "data")
#: True in a source checkout (editable install), False in an installed wheel
IN_CHECKOUT = not (Path(str(resources.files("finsam"))) / "_data").is_dir()


def reports_dir() -> Path:
    """Default output folder of ``finsam render``: ./reports of the current directory."""
    return Path.cwd() / "reports"


def data_dir(override: str | os.PathLike | None = None) -> Path:
    """The curated tables: ``override``, else $FINSAM_DATA, else the shipped data."""
    if override:
        return Path(override).resolve()
    env = os.environ.get(ENV_DATA)
    return Path(env).resolve() if env else SHIPPED_DATA_DIR


def sources_dir(override: str | os.PathLike | None = None) -> Path:
    """The source report texts: ``override``, else $FINSAM_SOURCES, else ``../shared/sources``
    beside the checkout (the layout of the project's workspace; an installed wheel has no such
    default and looks in ./sources of the current directory). A relative $FINSAM_SOURCES is taken
    relative to the checkout in a source tree, so kernels running in notebooks/ resolve it alike,
    and relative to the current directory for an installed wheel (``finsam render`` passes its
    kernels an absolute path)."""
    if override:
        return Path(override).resolve()
    base = PROJECT_ROOT if IN_CHECKOUT else Path.cwd()
    env = os.environ.get(ENV_SOURCES)
    if env:
        p = Path(env)
        return (p if p.is_absolute() else base / p).resolve()
    if IN_CHECKOUT:
        return (PROJECT_ROOT.parent / "shared" / "sources").resolve()
    return (Path.cwd() / "sources").resolve()


def cache_dir() -> Path:
    """Where validated tables are cached between processes (keyed by the data hash): $FINSAM_CACHE,
    else the user's cache directory (for example ~/.cache/finsam on Linux)."""
    env = os.environ.get(ENV_CACHE)
    if env:
        return Path(env).resolve()
    from platformdirs import user_cache_path
    return user_cache_path("finsam", appauthor=False)


def __getattr__(name: str):
    if name == "REPORTS_DIR":  # the former constant, kept for callers: now ./reports of the current directory
        return reports_dir()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
