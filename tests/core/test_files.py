"""Atomic writes give files the permissions the user's umask says, like any other tool."""
import os
import stat
import subprocess
import sys

import pytest

from finsam.core.files import write_atomic


@pytest.mark.parametrize("umask", [0o022, 0o027, 0o077, 0o002])
def test_written_files_get_the_mode_of_the_umask(tmp_path, umask):
    # a child process with its own umask, so this test process's umask is never changed
    code = ("import sys; from pathlib import Path; from finsam.core.files import write_atomic; "
            "write_atomic(Path(sys.argv[1]), b'x'); open(sys.argv[2], 'w').close()")
    ours, plain = tmp_path / "ours.html", tmp_path / "plain.html"
    subprocess.run([sys.executable, "-c", code, str(ours), str(plain)], check=True,
                   preexec_fn=lambda: os.umask(umask))
    mode = stat.S_IMODE(ours.stat().st_mode)
    assert mode == stat.S_IMODE(plain.stat().st_mode)  # the same as open() under that umask
    assert mode == 0o666 & ~umask


def test_rewrite_replaces_content_and_leaves_no_temp_file(tmp_path):
    target = tmp_path / "a" / "page.html"
    write_atomic(target, b"old")
    write_atomic(target, b"new")
    assert target.read_bytes() == b"new"
    assert sorted(p.name for p in target.parent.iterdir()) == ["page.html"]
