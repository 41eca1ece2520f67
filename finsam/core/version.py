"""The version of finsam's own code, as a digest: what a cached answer was computed with.

One function serves every cache that must not outlive a change of the code: the table cache
(``finsam.data.load``: the code under ``core/`` and ``data/`` decides what the typed tables hold)
and the incremental render (``finsam.site.incremental``: every file of the package shapes a page).
"""
from __future__ import annotations

import hashlib
from pathlib import Path

from finsam.core.paths import PACKAGE_DIR


def digest(*parts: bytes) -> str:
    """SHA-256 of the parts, each prefixed by its length (so no two lists of parts collide), cut to 16 hex digits."""
    h = hashlib.sha256()
    for p in parts:
        h.update(len(p).to_bytes(8, "little"))
        h.update(p)
    return h.hexdigest()[:16]


def code_version(*folders: str, package_dir: str | Path | None = None) -> str:
    """Digest of every file (Python, templates, style sheets) under ``folders`` of the package
    (e.g. ``"core", "data"``), or of the whole package without them, by relative path and bytes;
    compiled files are left out."""
    root = Path(package_dir) if package_dir else PACKAGE_DIR
    parts = []
    for base in [root / f for f in folders] or [root]:
        for f in sorted(base.rglob("*")):
            if f.is_file() and "__pycache__" not in f.parts and f.suffix not in (".pyc", ".pyo"):
                parts += [str(f.relative_to(root)).encode(), f.read_bytes()]
    return digest(*parts)
