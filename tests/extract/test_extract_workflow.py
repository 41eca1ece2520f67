"""Issue 24's "done when": a report that is not in the data goes from text (and from a PDF made of
that text) to validated rows and rendered pages through ``finsam extract``, review and
``finsam extract --apply``.

One of the four curated reports is taken out of a copy of the data (its rows and its sources.csv
row); the extractor reads its text; a simulated curator accepts exactly the candidates that state a
curated row of that report (same value, metric, gender, intervention, period and breakdown) and
corrects nothing; apply adds them; validate (provenance included) passes; and the association's
pages render with real papermill.
"""
from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

from conftest import cli, cli_subprocess
from extract_helpers import pdf_of, rows as _rows, without_report as _without_report
from finsam.extract.model import normal_name

REPORT = "husam-2012"


def _curated_keys(removed: list[dict], data: Path) -> dict[tuple, str]:
    """The removed rows' facts (intervention by any of its names) -> the curated row's note."""
    aliases = {}
    for r in _rows(data / "interventions.csv"):
        names = {normal_name(x) for x in [r["intervention"], *r["aliases"].split(";")] if x}
        aliases[r["intervention"]] = names
    keys: dict[tuple, str] = {}
    for r in removed:
        names = {"ALL"} if r["intervention"] == "ALL" else aliases.get(r["intervention"], {normal_name(r["intervention"])})
        for n in names:
            k = (float(r["value"]), r["metric"], r["gender"], n, int(r["period_start"]), int(r["period_end"]),
                 r["dimension"], r["category"])
            if not keys.get(k):
                keys[k] = r["note"]
    return keys


def _review(candidates: Path, reviewed: Path, keys: dict[tuple, str]) -> int:
    """The simulated curator: accept exactly the candidates that state a removed curated row, and
    give them that row's note (where the report contradicts itself, validation asks for the
    curator's 'conflict:' or 'rounding:' explanation); no extracted field is corrected."""
    rows = _rows(candidates)
    accepted = 0
    for r in rows:
        n = "ALL" if r["intervention"] == "ALL" else normal_name(r["intervention"])
        key = (float(r["value"]), r["metric"], r["gender"], n, int(r["period_start"]), int(r["period_end"]),
               r["dimension"], r["category"])
        r["accept"] = "yes" if key in keys else ""
        r["note"] = keys.get(key, "")
        accepted += key in keys
    with open(reviewed, "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=[*rows[0].keys()], lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    return accepted


def _training_without_report(tmp_path: Path) -> Path:
    """The training set of the data without the report (so the model has never seen it)."""
    out = tmp_path / "training.csv.gz"
    if not out.exists():
        from finsam.extract import training
        training.main(["--data", str(tmp_path / "data"), "--sources", str(tmp_path / "sources"), "--output", str(out)])
    return out


@pytest.mark.parametrize("form", ["text", "pdf"])
def test_a_removed_report_comes_back_through_extract_review_apply(tmp_path, sources_dir, form):
    data, src, removed = _without_report(tmp_path, sources_dir, REPORT)
    assert removed, "the report has curated rows"
    incoming = tmp_path / "incoming"
    incoming.mkdir()
    report = incoming / f"{REPORT}.txt"
    shutil.copy(sources_dir / f"{REPORT}.txt", report)
    if form == "pdf":
        pdf_of(report, incoming / f"{REPORT}.pdf")
        report.unlink()
        report = incoming / f"{REPORT}.pdf"
    cands, reviewed = tmp_path / "candidates.csv", tmp_path / "reviewed.csv"
    code, out, err = cli("extract", str(report), "--data", str(data), "--output", str(cands),
                         "--training", str(_training_without_report(tmp_path)))
    assert code == 0, err
    header = cands.read_text(encoding="utf-8").splitlines()[0].split(",")
    assert header[:12] == ["line", "quote", "value", "unit", "metric", "gender", "intervention", "period_start",
                           "period_end", "dimension", "category", "confidence"]
    accepted = _review(cands, reviewed, _curated_keys(removed, data))
    assert accepted > 0
    before = len(_rows(data / "observations.csv"))
    code, out, err = cli("extract", "--apply", str(reviewed), "--source-id", REPORT, str(report), "--data", str(data),
                         "--sources", str(src))
    assert code == 0, err
    after = _rows(data / "observations.csv")
    added = [r for r in after if r["source_id"] == REPORT]
    assert 0 < len(added) <= accepted and len(after) == before + len(added)
    assert f"{len(added)} row(s) added" in err
    # every added row is a removed curated row (the curator corrected nothing)
    curated = {(r["metric"], r["gender"], float(r["value"]), r["period_start"], r["intervention"]) for r in removed}
    assert all((r["metric"], r["gender"], float(r["value"]), r["period_start"], r["intervention"]) in curated
               for r in added)
    # registered with its text's SHA-256, and the text is where sources.csv says
    (source,) = [r for r in _rows(data / "sources.csv") if r["source_id"] == REPORT]
    import hashlib
    assert hashlib.sha256((src / source["document"]).read_bytes()).hexdigest() == source["sha256"]
    assert ("text layer" if form == "pdf" else "text file") in source["origin"]
    code, out, err = cli("validate", "--data", str(data), "--sources", str(src), "--quiet")
    assert code == 0, err
    # applied again: nothing is added twice
    code, out, err = cli("extract", "--apply", str(reviewed), "--source-id", REPORT, str(report), "--data", str(data),
                         "--sources", str(src))
    assert code == 0 and "0 row(s) added" in err and len(_rows(data / "observations.csv")) == len(after)
    if form == "text":
        out_dir = tmp_path / "out"
        res = cli_subprocess("render", "--data", str(data), "--sources", str(src), "--association", "husam",
                             "--output", str(out_dir), "--no-progress", "--jobs", "1")
        assert res.returncode == 0, res.stderr
        pages = sorted(p.relative_to(out_dir).as_posix() for p in out_dir.rglob("*.html"))
        assert any(p.startswith("en/husam/") for p in pages) and any(p.startswith("sv/husam/") for p in pages)
