"""A PDF per association and language for board packs: every page of the association rendered in
one run, joined into one printable document (the pages' ``<main>`` one after the other, the
folded method opened, the print stylesheet of finsam.site.pages) and printed to PDF by the
headless Chromium that `make check-site` uses (``$CHROMIUM``, default /usr/bin/chromium).

Optional: ``finsam render --pdf`` asks for them; a machine without Chromium gets a one-line note
and the site is written all the same.
"""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from finsam.core.files import write_atomic


def chromium() -> str | None:
    """The Chromium executable, or None when there is none."""
    exe = os.environ.get("CHROMIUM") or "/usr/bin/chromium"
    return exe if Path(exe).is_file() and os.access(exe, os.X_OK) else shutil.which("chromium")


def pdf_path(lang: str, association: str) -> str:
    return f"{lang}/{association}/{association}-{lang}.pdf"


def pack_html(out: Path, pages: list[str], lang: str, title: str) -> str:
    """One HTML document of ``pages`` (paths under ``out``), each page's content on new paper,
    image paths made relative to the document (written next to the first page)."""
    from bs4 import BeautifulSoup

    from finsam.site.pages import CSS
    parts = []
    for rel in pages:
        soup = BeautifulSoup((out / rel).read_text(encoding="utf-8"), "html.parser")
        main = soup.find("main")
        if main is None:
            continue
        for d in main.find_all("details"):
            d["open"] = ""
        for p in main.select("p.downloads, p.scroll-hint"):
            p.decompose()
        main.name = "section"
        main.attrs = {"class": "pack-page"}
        parts.append(str(main))
    return (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title>'
            f"<style>{CSS}\n.pack-page {{ break-before: page; }} .pack-page:first-child {{ break-before: auto; }}"
            f"</style></head><body>{''.join(parts)}</body></html>")


def write_pdfs(out: Path, jobs, languages) -> list[str]:
    """Print one PDF per association and language from the pages on disk; returns the PDFs
    written. Without Chromium prints a one-line note and writes none."""
    import sys
    import tempfile
    exe = chromium()
    if exe is None:
        print("finsam: note: no Chromium found (set CHROMIUM); the PDFs per association are not written",
              file=sys.stderr)
        return []
    written = []
    groups: dict[tuple, list[str]] = {}
    for j in jobs:
        if j.association and j.language in languages and (out / j.html_path).is_file():
            groups.setdefault((j.language, j.association), []).append(j.html_path)
    for (lang, association), pages in sorted(groups.items()):
        target = out / pdf_path(lang, association)
        # the document sits in the association's folder, so that the pages' relative image paths hold
        with tempfile.NamedTemporaryFile("w", suffix=".html", dir=target.parent, delete=False,
                                         encoding="utf-8") as f:
            f.write(pack_html(out, pages, lang, association))
            doc = Path(f.name)
        tmp_pdf = doc.with_suffix(".pdf")
        try:
            r = subprocess.run([exe, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                                f"--print-to-pdf={tmp_pdf}", doc.as_uri()],
                               capture_output=True, timeout=300)
            if r.returncode != 0 or not tmp_pdf.is_file():
                print(f"finsam: note: Chromium did not print {target.relative_to(out)} (exit {r.returncode})",
                      file=sys.stderr)
                continue
            write_atomic(target, tmp_pdf.read_bytes())
            written.append(str(target.relative_to(out)))
        finally:
            doc.unlink(missing_ok=True)
            tmp_pdf.unlink(missing_ok=True)
    return written
