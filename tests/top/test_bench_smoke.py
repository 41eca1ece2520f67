"""The benchmark (bench/run.py, bench/synth.py) still runs: a small version of `make bench`, so that a
change to the package that breaks the benchmark is noticed before someone needs the numbers."""
import subprocess
import sys

import pytest

from finsam.data.validate import validate

from conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))
import synth  # noqa: E402


def test_synthetic_data_pass_every_check_including_provenance(tmp_path):
    # 1 003 rows cuts the last group of rows in the middle: the cut must leave the data valid
    info = synth.generate(1003, tmp_path / "data", tmp_path / "sources")
    result = validate(tmp_path / "data", tmp_path / "sources", provenance=True)
    assert [str(p) for p in result.errors] == []
    assert result.conflicts == []
    assert len(result.tables["observations"]) == info["rows"] == 1003


def test_bench_run_writes_every_section(tmp_path):
    out = tmp_path / "results.md"
    p = subprocess.run([sys.executable, str(ROOT / "bench" / "run.py"), "--runs", "1", "--warmup", "0",
                        "--reports", "overview", "--skip-suite", "--sizes", "1000", "--out", str(out)],
                       cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert p.returncode == 0, p.stderr[-3000:]
    text = out.read_text(encoding="utf-8")
    for heading in ("# Benchmark results", "## Machine", "## Render cost per report against its floor",
                    "## Data layer at scale", "## Targets"):
        assert heading in text, heading
    assert "## Whole-suite rendering" not in text  # skipped on request
    assert "| floor (bench/floor.ipynb) |" in text and "| overview |" in text
    assert "| 1,000 | load |" in text and "| 1,000 | validate |" in text
    assert "- cores: " in text and "- python: " in text
    assert "overview within 1.3× its floor" in text and ("PASS" in text or "MISS" in text)


@pytest.mark.parametrize("bad", [["--reports", "nonesuch"], ["--runs", "0"]])
def test_bench_run_rejects_bad_options(bad, tmp_path):
    p = subprocess.run([sys.executable, str(ROOT / "bench" / "run.py"), *bad, "--out", str(tmp_path / "r.md")],
                       cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert p.returncode == 2 and not (tmp_path / "r.md").exists()
