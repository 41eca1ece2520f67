"""Helpers of the tests of finsam extract: data without one report, and real PDFs of a text."""
from __future__ import annotations

import csv
import shutil
from pathlib import Path

from conftest import DATA, TABLE_FILES


def rows(path: Path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def without_report(tmp: Path, sources: Path, report: str) -> tuple[Path, Path, list[dict]]:
    """A copy of the data without ``report`` (rows and sources.csv row), a sources folder with the
    other reports' texts, and the removed rows."""
    data, src = tmp / "data", tmp / "sources"
    data.mkdir()
    src.mkdir()
    for f in TABLE_FILES:
        shutil.copy(DATA / f, data / f)
    removed = []
    for name in ("observations.csv", "sources.csv"):
        text = (data / name).read_text(encoding="utf-8")
        lines = text.splitlines(keepends=True)
        keep = [lines[0]] + [ln for ln in lines[1:] if not ln.startswith(f"{report},")]
        if name == "observations.csv":
            removed = [r for r in rows(data / name) if r["source_id"] == report]
        (data / name).write_text("".join(keep), encoding="utf-8")
    for r in rows(data / "sources.csv"):
        shutil.copy(sources / r["document"], src / r["document"])
    return data, src, removed


def pdf_of(text_path: Path, pdf_path: Path) -> None:
    """A real PDF with a text layer, made of the report's lines."""
    from finsam.extract.samples import text_pdf
    text_pdf(text_path.read_text(encoding="utf-8").split("\n"), pdf_path)


def scan_of(lines: list[str], pdf_path: Path) -> None:
    """A real PDF of page images without a text layer (a scan) of the lines."""
    from finsam.extract.samples import scanned_pdf
    scanned_pdf(lines, pdf_path)
