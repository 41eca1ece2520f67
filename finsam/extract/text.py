"""Reading a report into numbered lines: a UTF-8 text file as it is, a PDF's text layer page by
page (pypdfium2, the PDFium library's bindings), and a scanned PDF without a text layer through
Tesseract's Swedish model. Every way in ends in the same :class:`Document`: the lines the
extractor reads and the text a curator's quotes are checked against.

Bad input is an :class:`ExtractError` naming the file (and line) and the problem: an empty or
binary file, text that is not UTF-8, a PDF that cannot be read, a scan when Tesseract or its
Swedish model is missing.
"""
from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from finsam.data import csvio
from finsam.core.errors import FinsamError, Problem

#: Debian packages that give Tesseract and its Swedish model (named in the refusal message)
TESSERACT_PACKAGES = "tesseract-ocr tesseract-ocr-swe"
TESSERACT_LANGUAGE = "swe"
#: PDF pages are rendered at this resolution for OCR (Tesseract reads 300 dpi print best)
OCR_DPI = 300
#: a page whose text layer has fewer letters than this is treated as a scan
MIN_PAGE_LETTERS = 20
#: born-digital Swedish prose has some 4 % å/ä/ö among its letters; OCR that mangles them
#: ("forbundet" for "förbundet") has almost none. Below this share a text is called OCR text.
SWEDISH_LETTER_SHARE = 0.01


class ExtractError(FinsamError):
    """Bad input to ``finsam extract``: one line naming the file (and line) and the problem."""

    def __init__(self, problem: Problem):
        self.problem = problem
        super().__init__(str(problem))


@dataclass
class Document:
    """A report as numbered lines (line i of the text is ``lines[i - 1]``)."""

    path: Path
    lines: list[str]
    #: the 1-based PDF page of each line; empty for a text file
    pages: list[int] = field(default_factory=list)
    #: how the text was obtained: "text", "pdf" (its text layer) or "ocr" (Tesseract)
    method: str = "text"

    @property
    def text(self) -> str:
        return "\n".join(self.lines) + "\n"

    @property
    def sha256(self) -> str:
        """SHA-256 of the text as a file (UTF-8): what sources.csv records for its document."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    def page(self, line: int) -> int | None:
        """The PDF page of 1-based ``line``, or None."""
        return self.pages[line - 1] if self.pages else None

    @property
    def text_quality(self) -> str:
        """'ocr' for text read by OCR or whose Swedish letters are mangled, else 'clean' (the codes
        of vocabulary text_quality)."""
        if self.method == "ocr":
            return "ocr"
        letters = sum(c.isalpha() for c in self.text)
        swedish = sum(c in "åäöÅÄÖ" for c in self.text)
        return "ocr" if letters and swedish / letters < SWEDISH_LETTER_SHARE else "clean"


def _shown(path: Path) -> str:
    return csvio._display(Path(path))


def read_document(path: str | os.PathLike, *, ocr_jobs: int | None = None) -> Document:
    """The report at ``path``: a PDF (by its first bytes) or a UTF-8 text file."""
    path = Path(path)
    shown = _shown(path)
    try:
        if not path.is_file():
            raise ExtractError(Problem(shown, 0, "is not a file" if path.exists() else "file not found"))
        raw = path.read_bytes()
    except OSError as e:
        raise ExtractError(Problem(shown, 0, f"cannot read the file: {e.strerror or e}"))
    if not raw.strip():
        raise ExtractError(Problem(shown, 1 if raw else 0, "file is empty: expected a report as UTF-8 text or PDF"))
    if raw.lstrip()[:5] == b"%PDF-":
        return _read_pdf(path, ocr_jobs=ocr_jobs)
    return _read_text(path, raw)


def _read_text(path: Path, raw: bytes) -> Document:
    shown = _shown(path)
    nul = raw.find(b"\x00")
    if nul >= 0:
        line = raw[:nul].count(b"\n") + 1
        raise ExtractError(Problem(shown, line, "binary data (a NUL byte), not a report text: give a UTF-8 "
                                                "text file or a PDF"))
    text, problems = csvio.decode(path, raw)
    if text is None:
        p = problems[0]
        raise ExtractError(Problem(shown, p.line, p.message.replace("save the file as UTF-8",
                                                                    "save the report text as UTF-8")))
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    for i, line in enumerate(lines, 1):
        bad = sum(1 for c in line if ord(c) < 32 and c not in "\t\f\v")
        if bad > 2 and bad > len(line) // 10:
            raise ExtractError(Problem(shown, i, "control characters: binary data, not a report text"))
    if not any(c.isalpha() for c in text):
        raise ExtractError(Problem(shown, 1, "no letters in the file: not a report text"))
    return Document(path, lines)


def _read_pdf(path: Path, *, ocr_jobs: int | None = None) -> Document:
    import pypdfium2 as pdfium
    shown = _shown(path)
    try:
        pdf = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as e:
        raise ExtractError(Problem(shown, 0, f"cannot read the PDF ({e}); is it damaged or encrypted?"))
    try:
        texts: list[str | None] = []
        for i in range(len(pdf)):
            try:
                page = pdf[i]
                t = page.get_textpage().get_text_range()
            except pdfium.PdfiumError as e:
                raise ExtractError(Problem(shown, 0, f"cannot read page {i + 1} of the PDF ({e})"))
            t = t.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
            texts.append(t if sum(c.isalpha() for c in t) >= MIN_PAGE_LETTERS else None)
        if not texts:
            raise ExtractError(Problem(shown, 0, "the PDF has no pages"))
        scanned = [i for i, t in enumerate(texts) if t is None]
        method = "pdf"
        if scanned:
            if len(scanned) * 2 >= len(texts):
                method = "ocr"
            for i, t in zip(scanned, _ocr_pages(pdf, scanned, shown, jobs=ocr_jobs)):
                texts[i] = t
    finally:
        pdf.close()
    lines, pages = [], []
    for number, t in enumerate(texts, 1):
        page_lines = (t or "").split("\n")
        if page_lines and page_lines[-1] == "":
            page_lines.pop()
        lines += [ln.rstrip() for ln in page_lines]
        pages += [number] * len(page_lines)
    if not any(any(c.isalpha() for c in ln) for ln in lines):
        raise ExtractError(Problem(shown, 0, "no text found in the PDF (not even by OCR)"))
    return Document(path, lines, pages, method)


def tesseract_problem() -> str | None:
    """Why Tesseract with its Swedish model cannot be used here, or None."""
    exe = shutil.which("tesseract")
    if not exe:
        return f"Tesseract is not installed (Debian: apt-get install {TESSERACT_PACKAGES})"
    try:
        out = subprocess.run([exe, "--list-langs"], capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.SubprocessError) as e:
        return f"Tesseract does not run ({e}); reinstall {TESSERACT_PACKAGES}"
    langs = {ln.strip() for ln in (out.stdout + out.stderr).splitlines()}
    if TESSERACT_LANGUAGE not in langs:
        return "Tesseract's Swedish model is not installed (Debian: apt-get install tesseract-ocr-swe)"
    return None


def _ocr_pages(pdf, indices: list[int], shown: str, *, jobs: int | None = None) -> list[str]:
    """The text of the given pages, rendered at OCR_DPI and read by Tesseract (Swedish)."""
    problem = tesseract_problem()
    if problem:
        raise ExtractError(Problem(shown, 0, f"the PDF has {len(indices)} page(s) without a text layer (a scan); "
                                             f"reading them needs OCR, but {problem}"))
    exe = shutil.which("tesseract")
    with tempfile.TemporaryDirectory(prefix="finsam-ocr-") as tmp:
        images = []
        for i in indices:  # rendering uses PDFium, which is not thread-safe: one page at a time
            img = pdf[i].render(scale=OCR_DPI / 72, grayscale=True).to_pil()
            p = Path(tmp) / f"page-{i + 1:05d}.png"
            img.save(p)
            images.append(p)

        def run(p: Path) -> str:
            # one thread per Tesseract process: the pages run in parallel instead
            env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
            r = subprocess.run([exe, str(p), "stdout", "-l", TESSERACT_LANGUAGE, "--psm", "6"],
                               capture_output=True, text=True, env=env, timeout=600)
            if r.returncode != 0:
                msg = (r.stderr.strip().splitlines() or ["no message"])[-1]
                raise ExtractError(Problem(shown, 0, f"Tesseract failed on page {int(p.stem[5:])}: {msg}"))
            return r.stdout

        workers = max(1, jobs or len(os.sched_getaffinity(0)))
        with ThreadPoolExecutor(workers) as ex:
            return list(ex.map(run, images))
