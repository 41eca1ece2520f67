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
    """A real PDF with a text layer, made of the report's lines (fpdf2 with DejaVu Sans)."""
    import matplotlib
    from fpdf import FPDF
    font = Path(matplotlib.__file__).parent / "mpl-data" / "fonts" / "ttf" / "DejaVuSans.ttf"
    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(True, margin=15)
    pdf.add_font("dejavu", "", str(font))
    pdf.set_font("dejavu", size=9)
    pdf.add_page()
    for line in text_path.read_text(encoding="utf-8").split("\n"):
        pdf.multi_cell(0, 4.5, line.replace("\t", "    ") or " ", new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(pdf_path))




def scan_of(lines: list[str], pdf_path: Path, per_page: int = 40) -> None:
    """A real PDF of page images without a text layer (a scan): the lines drawn as pictures."""
    import matplotlib
    from fpdf import FPDF
    from PIL import Image, ImageDraw, ImageFont
    font = ImageFont.truetype(str(Path(matplotlib.__file__).parent / "mpl-data" / "fonts" / "ttf" / "DejaVuSans.ttf"),
                              30)
    pdf = FPDF(format="A4")
    for k in range(0, len(lines), per_page):
        img = Image.new("L", (2480, 3508), 255)
        draw = ImageDraw.Draw(img)
        for j, line in enumerate(lines[k:k + per_page]):
            draw.text((150, 150 + 75 * j), line.replace("\t", "    "), font=font, fill=0)
        png = pdf_path.with_name(f"{pdf_path.stem}-{k}.png")
        img.save(png)
        pdf.add_page()
        pdf.image(str(png), x=0, y=0, w=210, h=297)
        png.unlink()
    pdf.output(str(pdf_path))
