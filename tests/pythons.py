"""Finding the Python interpreters the project supports on this machine (for the wheel matrix and
the Makefile's venv check): a path, a command on PATH, or a version X.Y found as pythonX.Y on
PATH, in /usr/bin, /usr/local/bin or under ~/.pyenv/versions."""
from __future__ import annotations

import glob
import os
import re
import shutil
import subprocess
from pathlib import Path

SUPPORTED = ("3.11", "3.12", "3.13")


def version_of(python: str) -> str | None:
    try:
        r = subprocess.run([python, "-c", "import sys; print('%d.%d' % sys.version_info[:2])"],
                           capture_output=True, text=True, timeout=60)
    except OSError:
        return None
    return r.stdout.strip() if r.returncode == 0 else None


def find_python(spec: str) -> str | None:
    """An interpreter for ``spec`` (a version such as 3.12, a command or a path), or None."""
    if not re.fullmatch(r"\d+\.\d+", spec):
        found = shutil.which(spec) or (spec if os.path.exists(spec) else None)
        return found if found and version_of(found) else None
    candidates = [shutil.which(f"python{spec}"), f"/usr/bin/python{spec}", f"/usr/local/bin/python{spec}",
                  *sorted(glob.glob(str(Path.home() / f".pyenv/versions/{spec}.*/bin/python{spec}")), reverse=True)]
    for c in candidates:
        if c and os.path.exists(c) and version_of(c) == spec:
            return c
    return None
