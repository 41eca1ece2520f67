"""Where things live. Every path is built from the package location or an environment
variable, so notebooks, papermill kernels and the CLI work from any working directory."""
from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_ROOT = PACKAGE_DIR.parent
NOTEBOOKS_DIR = PROJECT_ROOT / "notebooks"
REPORTS_DIR = PROJECT_ROOT / "reports"

#: environment variables that relocate the inputs (the CLI's --data/--sources set them too,
#: so that papermill kernels started by ``finsam render`` see the same folders)
ENV_DATA = "FINSAM_DATA"
ENV_SOURCES = "FINSAM_SOURCES"
ENV_CACHE = "FINSAM_CACHE"


def data_dir(override: str | os.PathLike | None = None) -> Path:
    """The curated tables: ``override``, else $FINSAM_DATA, else ``<project>/data``."""
    if override:
        return Path(override).resolve()
    env = os.environ.get(ENV_DATA)
    return Path(env).resolve() if env else PROJECT_ROOT / "data"


def sources_dir(override: str | os.PathLike | None = None) -> Path:
    """The source report texts: ``override``, else $FINSAM_SOURCES, else ``../shared/sources``
    beside the project (the layout of the project's workspace). A relative $FINSAM_SOURCES is
    taken relative to the project root, so kernels running in notebooks/ resolve it alike."""
    if override:
        return Path(override).resolve()
    env = os.environ.get(ENV_SOURCES)
    if env:
        p = Path(env)
        return (p if p.is_absolute() else PROJECT_ROOT / p).resolve()
    return (PROJECT_ROOT.parent / "shared" / "sources").resolve()


def cache_dir() -> Path:
    """Where validated tables are cached between processes (keyed by the data hash)."""
    env = os.environ.get(ENV_CACHE)
    return Path(env).resolve() if env else PROJECT_ROOT / ".cache"
