"""Real PDFs made of report text, for tests, the benchmark and demonstrations: one with a text
layer (as a word processor exports it) and one of page images only (as a scanner makes it).
Needs fpdf2, which is in finsam's ``dev`` extra, and matplotlib's DejaVu Sans (Swedish letters)."""
from __future__ import annotations

from pathlib import Path


def _font() -> Path:
    import matplotlib
    return Path(matplotlib.__file__).parent / "mpl-data" / "fonts" / "ttf" / "DejaVuSans.ttf"


def text_pdf(lines: list[str], path: Path, *, max_pages: int | None = None) -> int:
    """A PDF with a text layer: the lines set in 9 pt DejaVu Sans on A4 (long lines wrap, as in a
    real report). Returns the number of pages."""
    from fpdf import FPDF
    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(True, margin=15)
    pdf.add_font("dejavu", "", str(_font()))
    pdf.set_font("dejavu", size=9)
    pdf.add_page()
    for line in lines:
        if max_pages and pdf.page_no() >= max_pages and pdf.get_y() > pdf.h - 25:
            break
        pdf.multi_cell(0, 4.5, line.replace("\t", "    ") or " ", new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))
    return pdf.page_no()


def scanned_pdf(lines: list[str], path: Path, *, per_page: int = 40) -> int:
    """A PDF of page images without a text layer: each page a 300 dpi A4 picture of the lines.
    Returns the number of pages."""
    import tempfile
    from fpdf import FPDF
    from PIL import Image, ImageDraw, ImageFont
    font = ImageFont.truetype(str(_font()), 30)
    pdf = FPDF(format="A4")
    with tempfile.TemporaryDirectory() as tmp:
        for k in range(0, max(len(lines), 1), per_page):
            img = Image.new("L", (2480, 3508), 255)
            draw = ImageDraw.Draw(img)
            for j, line in enumerate(lines[k:k + per_page]):
                draw.text((150, 150 + 75 * j), line.replace("\t", "    ")[:120], font=font, fill=0)
            png = Path(tmp) / f"page-{k}.png"
            img.save(png)
            pdf.add_page()
            pdf.image(str(png), x=0, y=0, w=210, h=297)
        pdf.output(str(path))
    return pdf.page_no()
