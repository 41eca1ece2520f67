"""finsam extract's input: text files, PDFs with a text layer, scans read by Tesseract, and bad
input (an empty or binary file, text that is not UTF-8, a PDF that cannot be read, a scan without
Tesseract): one line naming the file and line, exit status 1, and nothing written."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from conftest import cli, cli_subprocess
from extract_helpers import pdf_of, scan_of
from finsam.extract.text import TESSERACT_PACKAGES, read_document, tesseract_problem

REPORT = "husam-2012.txt"


def _fails_cleanly(tmp_path, report: Path, *expected: str):
    out = tmp_path / "candidates.csv"
    code, stdout, err = cli("extract", str(report), "--output", str(out))
    assert code == 1
    assert stdout == "" and not out.exists()
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in err, err
    for e in expected:
        assert e in lines[0], lines[0]
    return lines[0]


def test_empty_file(tmp_path):
    p = tmp_path / "empty.txt"
    p.write_bytes(b"")
    _fails_cleanly(tmp_path, p, "empty.txt", "file is empty")
    p.write_bytes(b"\n  \n\t\n")
    _fails_cleanly(tmp_path, p, "empty.txt:1:", "file is empty")


def test_binary_file(tmp_path):
    p = tmp_path / "report.txt"
    p.write_bytes(b"Arsredovisning 2019\nTotalt 12 deltagare\n\x00\x01\x02\xff\xfe binary")
    _fails_cleanly(tmp_path, p, "report.txt:3:", "binary data")


def test_text_that_is_not_utf8(tmp_path):
    p = tmp_path / "report.txt"
    p.write_bytes("Årsredovisning 2019\nTotalt 12 deltagare i Växjö\n".encode("latin-1"))
    _fails_cleanly(tmp_path, p, "report.txt:1:", "not valid UTF-8")


def test_pdf_that_cannot_be_read(tmp_path):
    p = tmp_path / "report.pdf"
    p.write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage, no xref, no trailer\n")
    _fails_cleanly(tmp_path, p, "report.pdf", "cannot read the PDF")
    p.write_bytes(b"%PDF-1.4\n" + os.urandom(2000))
    _fails_cleanly(tmp_path, p, "report.pdf", "cannot read the PDF")


def test_missing_file(tmp_path):
    _fails_cleanly(tmp_path, tmp_path / "nowhere.pdf", "nowhere.pdf", "file not found")


def test_a_pdf_text_layer_keeps_its_pages(tmp_path, sources_dir):
    text = tmp_path / REPORT
    shutil.copy(sources_dir / REPORT, text)
    pdf = tmp_path / "report.pdf"
    pdf_of(text, pdf)
    doc = read_document(pdf)
    assert doc.method == "pdf" and doc.pages[0] == 1 and doc.pages[-1] > 20
    assert doc.pages == sorted(doc.pages)
    # the text layer holds the report's sentences
    assert any("836 deltagare/ärenden" in ln for ln in doc.lines)
    out = tmp_path / "candidates.csv"
    txt = tmp_path / "report-text.txt"
    code, _, err = cli("extract", str(pdf), "--output", str(out), "--text", str(txt))
    assert code == 0, err
    import csv
    with open(out, encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    lines = txt.read_text(encoding="utf-8").split("\n")
    assert rows and all(r["quote"] in lines[int(r["line"]) - 1] for r in rows)
    assert all(r["page"] and int(r["page"]) == doc.pages[int(r["line"]) - 1] for r in rows)
    # every quote passes the provenance check: found verbatim in the text, printing its value (a number
    # written as a word is proposed, saying that the check needs digits)
    import pandas as pd
    from finsam.data.provenance import SourceText, value_in_quote
    digits = [r for r in rows if "written as a word" not in r["reason"]]
    assert SourceText(txt.read_text(encoding="utf-8")).find({r["quote"] for r in digits}) == {r["quote"] for r in digits}
    assert value_in_quote(pd.Series([float(r["value"]) for r in digits]), pd.Series([r["quote"] for r in digits])).all()


SCAN_LINES = ["Årsredovisning 2019 för Samordningsförbundet Exempel",
              "",
              "Under året deltog 183 personer, varav 97 kvinnor och 86 män.",
              "Av de 120 som avslutades gick 45 procent till arbete eller studier.",
              "Kostnaderna uppgick till 10,7 mkr."]


@pytest.mark.skipif(tesseract_problem() is not None and not os.environ.get("CI"),
                    reason="Tesseract with its Swedish model is not installed (CI installs it)")
def test_a_scan_is_read_with_tesseract(tmp_path):
    pdf = tmp_path / "scan.pdf"
    scan_of(SCAN_LINES, pdf)
    doc = read_document(pdf)
    assert doc.method == "ocr" and doc.text_quality == "ocr"
    text = " ".join(doc.lines)
    for number in ("183", "97", "86", "45", "10,7"):
        assert number in text
    out = tmp_path / "candidates.csv"
    code, _, err = cli("extract", str(pdf), "--output", str(out))
    assert code == 0 and "(ocr, ocr)" in err, err


def test_a_scan_without_tesseract_is_refused_naming_what_to_install(tmp_path):
    pdf = tmp_path / "scan.pdf"
    scan_of(SCAN_LINES, pdf)
    out = tmp_path / "candidates.csv"
    empty = tmp_path / "bin"
    empty.mkdir()  # a PATH without tesseract (python and finsam are called by their full paths)
    res = cli_subprocess("extract", str(pdf), "--output", str(out), env={"PATH": str(empty)})
    assert res.returncode == 1 and res.stdout == "" and not out.exists()
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1 and "scan.pdf" in lines[0] and "without a text layer" in lines[0], res.stderr
    assert TESSERACT_PACKAGES.split()[0] in lines[0] and "Tesseract" in lines[0]


def test_output_is_not_the_report(tmp_path, sources_dir):
    p = tmp_path / REPORT
    shutil.copy(sources_dir / REPORT, p)
    before = p.read_bytes()
    code, _, err = cli("extract", str(p), "--output", str(p))
    assert code == 2 and "the report itself" in err and p.read_bytes() == before
