"""Make "python3" mean this environment's interpreter for papermill, nbclient and nbval.

Jupyter looks for kernel specs in the user's folder before the environment's, so a
~/.local/share/jupyter/kernels/python3 of another Python would silently run the notebooks
without finsam. Putting this environment's share/jupyter first on JUPYTER_PATH prevents that."""
from __future__ import annotations

import os
import sys
from pathlib import Path


def use_project_kernel() -> None:
    share = str(Path(sys.prefix) / "share" / "jupyter")
    current = os.environ.get("JUPYTER_PATH", "")
    if current.split(os.pathsep)[0] != share:
        os.environ["JUPYTER_PATH"] = os.pathsep.join(p for p in (share, current) if p)
