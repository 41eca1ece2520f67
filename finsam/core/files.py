"""Writing files so that readers see the old file or the new one, never half of one: the bytes
go to a temporary file in the same folder, which is then renamed over the target."""
from __future__ import annotations

import hashlib
import os
import re
import tempfile
from pathlib import Path

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


def write_atomic(path: Path, data: bytes) -> None:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=temp_prefix(path.name, run_tag()), suffix=".tmp")
    try:
        os.fchmod(fd, 0o666 & ~_umask())  # mkstemp's 0600 would hide published pages from the web server
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
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
