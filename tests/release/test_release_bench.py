"""The export benchmark (bench/release.py, run by `make bench`) still runs: a small version of it."""
import subprocess
import sys

from conftest import ROOT


def test_release_benchmark_writes_its_results(tmp_path):
    out = tmp_path / "results-release.md"
    p = subprocess.run([sys.executable, str(ROOT / "bench" / "release.py"), "--rows", "2000", "--runs", "1",
                        "--out", str(out)], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert p.returncode == 0, p.stderr[-3000:]
    text = out.read_text(encoding="utf-8")
    for part in ("## Machine", "## Export at scale", "| every format (default) | `parquet,sqlite,xlsx` |",
                 "| without the workbook | `parquet,sqlite` |", "export of 2,000 rows, every format (default), < 30 s"):
        assert part in text, part
