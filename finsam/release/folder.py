"""The output folder of ``finsam export``: written whole or not at all, never over files finsam
did not write.

A release is built in a temporary folder beside its destination and renamed into place; a
manifest (``.finsam-release.json``) records every file it holds with its size and sha256. An
existing destination is replaced only when it is empty or holds exactly what such a manifest
records, unchanged; anything else in it (a file of the user's, an edited file of an older
release) makes the export refuse before any work is done, and again just before the swap."""
from __future__ import annotations

import json
import os
import secrets
import shutil
from contextlib import contextmanager
from pathlib import Path

from finsam.core.files import sha256_file
from .errors import ReleaseError

MANIFEST = ".finsam-release.json"
FORMAT = "finsam-release-1"


def _entries(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*"))


def foreign_files(dest: Path) -> list[str]:
    """What in ``dest`` a finsam export did not write (relative paths; empty when all is ours)."""
    manifest = dest / MANIFEST
    recorded: dict | None = None  # None: no manifest of ours
    if manifest.is_file() and not manifest.is_symlink():
        try:
            m = json.loads(manifest.read_text(encoding="utf-8"))
            if m.get("format") == FORMAT and isinstance(m.get("files"), dict):
                recorded = m["files"]
        except (OSError, ValueError):
            recorded = None
    foreign = []
    dirs = {str(Path(p).parent) for p in recorded or {}}
    for p in _entries(dest):
        rel = p.relative_to(dest).as_posix()
        if p == manifest and recorded is not None:
            continue
        if p.is_symlink():
            foreign.append(rel)
        elif p.is_dir():
            if rel not in dirs:
                foreign.append(rel + "/")
        elif recorded is None or rel not in recorded:
            foreign.append(rel)
        else:
            st = p.stat()
            if st.st_size != recorded[rel]["bytes"] or sha256_file(p) != recorded[rel]["sha256"]:
                foreign.append(rel + " (changed since finsam wrote it)")
    return foreign


def check_destination(dest: Path) -> None:
    """Refuse a destination that is not a folder, contains the current folder, or holds anything
    finsam did not write."""
    if dest.is_symlink() or (dest.exists() and not dest.is_dir()):
        raise ReleaseError(f"{dest}: exists and is not a folder; give --output a new or empty folder")
    cwd = Path.cwd().resolve()
    if dest == cwd or dest in cwd.parents:
        raise ReleaseError(f"{dest}: is (or contains) the current folder, which the export would replace as a "
                           "whole; give --output a new folder, such as ./release")
    if dest.is_dir():
        try:
            foreign = foreign_files(dest)
        except OSError as e:
            raise ReleaseError(f"{dest}: cannot be read ({e.strerror or e})")
        if foreign:
            shown = ", ".join(foreign[:5]) + (f" and {len(foreign) - 5} more" if len(foreign) > 5 else "")
            raise ReleaseError(f"{dest}: holds files finsam did not write ({shown}); nothing was changed. "
                               "Give --output a new or empty folder, or move those files away")


def write_manifest(folder: Path) -> None:
    files = {}
    for p in _entries(folder):
        if p.is_file():
            files[p.relative_to(folder).as_posix()] = {"bytes": p.stat().st_size, "sha256": sha256_file(p)}
    (folder / MANIFEST).write_text(json.dumps({"format": FORMAT, "files": files}, indent=1, sort_keys=True) + "\n",
                                   encoding="utf-8")


@contextmanager
def staging(dest: Path):
    """A temporary folder beside ``dest``; on success its content replaces ``dest``, on any error or
    interruption it is removed and ``dest`` is left as it was."""
    check_destination(dest)
    try:
        dest.parent.mkdir(parents=True, exist_ok=True)
        tmp = dest.parent / f".{dest.name}.export-{secrets.token_hex(6)}"
        tmp.mkdir()
    except OSError as e:
        raise ReleaseError(f"{dest.parent}: cannot write the release here ({e.strerror or e})")
    try:
        yield tmp
        write_manifest(tmp)
        _swap(tmp, dest)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)


def _swap(tmp: Path, dest: Path) -> None:
    """Rename ``tmp`` to ``dest``. An existing ``dest`` (empty, or a release finsam wrote, checked
    again now) is first renamed aside and removed only after the new release is in place."""
    if not dest.exists():
        os.rename(tmp, dest)
        return
    check_destination(dest)  # the user may have put something there while the release was built
    old = dest.parent / f".{dest.name}.old-{secrets.token_hex(6)}"
    os.rename(dest, old)
    try:
        os.rename(tmp, dest)
    except BaseException:
        os.rename(old, dest)
        raise
    shutil.rmtree(old, ignore_errors=True)
