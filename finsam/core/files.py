"""Writing files so that readers see the old file or the new one, never half of one: the bytes
go to a temporary file in the same folder, which is then renamed over the target."""
from __future__ import annotations

import hashlib
import os
import re
import tempfile
from pathlib import Path

from finsam.core.errors import FinsamError

#: set by ``finsam render`` for its workers and kernels: a random token put into the name of every
#: temporary file they create, so that the render can remove exactly its own leftovers (those of a
#: killed kernel) and nothing else
RUN_TAG_ENV = "FINSAM_RUN_TAG"
_TAG = re.compile(r"[0-9a-f]{16,64}")


def run_tag() -> str:
    tag = os.environ.get(RUN_TAG_ENV, "")
    return tag if _TAG.fullmatch(tag) else ""


def temp_prefix(name: str, tag: str) -> str:
    return f".{name}." + (f"{tag}." if tag else "")


def _umask() -> int:
    """The process's umask, read without changing it (os.umask sets it, racing other threads)."""
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    return 0o022


def write_atomic(path: Path, data: bytes) -> os.stat_result:
    """Write ``data`` to ``path`` atomically; returns the status of the file written (taken from
    its descriptor before the rename, so it describes this file, whatever happens to the name
    later: a caller records it to recognise the file as its own)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=temp_prefix(path.name, run_tag()), suffix=".tmp")
    try:
        os.fchmod(fd, 0o666 & ~_umask())  # mkstemp's 0600 would hide published pages from the web server
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            st = os.fstat(f.fileno())
        os.replace(tmp, path)
        return st
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def sha256_file(path: Path) -> str:
    """The SHA-256 of a file's bytes, read in blocks (a release's Parquet files are large)."""
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def file_state(st: os.stat_result) -> list[int]:
    """What identifies a file as the one a writer wrote: ``[size, mtime in ns]`` (an edit or a
    replacement has another mtime or size; a copy that keeps the mtime, ``cp -a`` or ``rsync -a``
    of a whole site, is still recognised, so a copied site need not be rendered again)."""
    return [st.st_size, st.st_mtime_ns]


def state_of(path) -> list[int] | None:
    """:func:`file_state` of the file at ``path`` (a symbolic link itself, not its target);
    None when there is none or it cannot be read."""
    try:
        return file_state(os.lstat(path))
    except OSError:
        return None


def inside(out: Path, rel: str) -> Path:
    """``out/rel``, refused unless it resolves to a place inside ``out`` (no '..', no symbolic
    link leading elsewhere): a :class:`finsam.core.errors.FinsamError` naming the file."""
    out = Path(out)
    path = out / rel
    if not path.resolve().is_relative_to(out.resolve()):
        raise FinsamError(f"refusing to write {path}: it lies outside the output folder {out}")
    return path
