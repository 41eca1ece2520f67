"""finsam extract --apply: what it adds and registers, and the reviewed CSVs it refuses (broken
rows, unknown codes, rows the provenance check rejects) with one line per problem naming the
reviewed file's line, exit status 1 and nothing written."""
from __future__ import annotations

import csv
import hashlib
import io
import shutil
from pathlib import Path

import pytest

from conftest import cli
from extract_helpers import rows, without_report

REPORT = "husam-2012"
HEADER = ["line", "quote", "value", "unit", "metric", "gender", "intervention", "period_start", "period_end",
          "dimension", "category", "confidence", "accept"]
#: rows as a curator would accept them: line, quote, value, unit, metric, gender, intervention, years
GOOD = [
    ["28", "Totalt har Samordningsförbundet haft 836 deltagare/ärenden i tio insatser under året", "836", "cases",
     "participants", "all", "ALL", "2012", "2012", "", "", "0.9", "yes"],
    ["32", "Kostnaderna för verksamhet under året har uppgått till 10,7 mkr", "10700000", "sek", "cost", "all",
     "ALL", "2012", "2012", "", "", "0.8", "ja"],
    ["31", "Totalt har 500 anställda hos myndigheterna deltagit", "500", "persons", "participants", "all", "ALL",
     "2012", "2012", "", "", "0.4", ""],
]


@pytest.fixture
def setup(tmp_path, sources_dir):
    data, src, _ = without_report(tmp_path, sources_dir, REPORT)
    incoming = tmp_path / "incoming"
    incoming.mkdir()
    shutil.copy(sources_dir / f"{REPORT}.txt", incoming / f"{REPORT}.txt")
    return data, src, incoming / f"{REPORT}.txt"


def _write(path: Path, body: list[list[str]], header=HEADER) -> Path:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    w.writerows(body)
    path.write_text(buf.getvalue(), encoding="utf-8")
    return path


def _state(data: Path, src: Path) -> dict:
    return {p.name: p.read_bytes() for folder in (data, src) for p in sorted(folder.iterdir())}


def _apply(reviewed: Path, report: Path, data: Path, src: Path, *extra):
    return cli("extract", "--apply", str(reviewed), "--source-id", REPORT, str(report), "--data", str(data),
               "--sources", str(src), *extra)


def _refused(setup, tmp_path, body, *expected, header=HEADER, raw: bytes | None = None):
    data, src, report = setup
    reviewed = tmp_path / "reviewed.csv"
    if raw is not None:
        reviewed.write_bytes(raw)
    else:
        _write(reviewed, body, header)
    before = _state(data, src)
    code, out, err = _apply(reviewed, report, data, src)
    assert code == 1, err
    assert "Traceback" not in err
    assert _state(data, src) == before, "nothing is written"
    for e in expected:
        assert e in err, err
    return err


def test_apply_adds_accepted_rows_and_registers_the_report(setup, tmp_path):
    data, src, report = setup
    reviewed = _write(tmp_path / "reviewed.csv", GOOD)
    code, out, err = _apply(reviewed, report, data, src, "--origin", "https://example.org/husam-2012.pdf")
    assert code == 0, err
    assert "2 row(s) added" in err and "1 rejected" in err
    added = [r for r in rows(data / "observations.csv") if r["source_id"] == REPORT]
    assert [(r["metric"], r["value"], r["unit"]) for r in added] == [("participants", "836", "cases"),
                                                                     ("cost", "10700000", "sek")]
    (source,) = [r for r in rows(data / "sources.csv") if r["source_id"] == REPORT]
    text = (src / source["document"]).read_bytes()
    assert text == report.read_bytes() and hashlib.sha256(text).hexdigest() == source["sha256"]
    assert source["origin"].startswith("https://example.org/husam-2012.pdf; text: text file")
    assert source["text_quality"] == "clean" and source["report_year"] == "2012"
    code, _, err = cli("validate", "--data", str(data), "--sources", str(src), "--quiet")
    assert code == 0, err
    # the same reviewed file again adds nothing
    code, _, err = _apply(reviewed, report, data, src)
    assert code == 0 and "0 row(s) added to observations.csv; 2 already there" in err


def test_a_new_intervention_needs_its_kind(setup, tmp_path):
    row = ["28", "Totalt har Samordningsförbundet haft 836 deltagare/ärenden", "836", "cases", "participants", "all",
           "Nytt projekt", "2012", "2012", "", "", "0.5", "yes"]
    _refused(setup, tmp_path, [row], "reviewed.csv:2:", "'Nytt projekt' is not in interventions.csv", "'kind' column")
    data, src, report = setup
    reviewed = _write(tmp_path / "reviewed.csv", [row + ["individual"]], HEADER + ["kind"])
    code, _, err = _apply(reviewed, report, data, src)
    assert code == 0 and "new intervention(s): Nytt projekt" in err, err
    assert any(r["intervention"] == "Nytt projekt" and r["kind"] == "individual"
               for r in rows(data / "interventions.csv"))


def test_a_known_intervention_is_found_by_its_alias(setup, tmp_path):
    data, src, report = setup
    line = next(i for i, ln in enumerate(report.read_text(encoding="utf-8").split("\n"), 1)
                if "Lyras inflöde var 20" in ln)
    row = [str(line), "Lyras inflöde var 20", "20", "persons", "participants_new", "all", "LYRAS", "2012", "2012",
           "", "", "0.5", "yes"]
    code, _, err = _apply(_write(tmp_path / "r.csv", [row]), report, data, src)
    assert code == 0, err
    assert [r["intervention"] for r in rows(data / "observations.csv") if r["source_id"] == REPORT] == ["Lyra"]


def test_broken_rows(setup, tmp_path):
    good = io.StringIO()
    csv.writer(good, lineterminator="\n").writerows([HEADER, GOOD[0]])
    raw = good.getvalue() + '32,"Kostnaderna för verksamhet,10700000,sek,cost,all,ALL,2012,2012,,,0.8,yes\n'
    _refused(setup, tmp_path, None, "reviewed.csv:3:", raw=raw.encode("utf-8"))
    raw = good.getvalue() + "32,Kostnaderna,10700000,sek,cost,all\n"
    _refused(setup, tmp_path, None, "reviewed.csv:3:", "6 fields where the header has 13", raw=raw.encode("utf-8"))


@pytest.mark.parametrize("column,value,message", [
    ("metric", "participantz", "metric: unknown code 'participantz'"),
    ("gender", "kvinnor", "gender: unknown code 'kvinnor'"),
    ("unit", "tkr", "unit: unknown code 'tkr'"),
    ("dimension", "age", "dimension: unknown code 'age'"),
    ("value", "8,6", "value: '8,6' is not a number"),
    ("period_start", "tjugotolv", "period_start/period_end: 'tjugotolv'/'2012' are not years"),
    ("accept", "kanske", "accept: 'kanske' is neither yes nor no"),
    ("line", "99999", "line: '99999' is not a line of the report"),
    ("quote", "836 deltagare i elva insatser", "quote not found verbatim on line 28"),
])
def test_unknown_codes_and_bad_fields(setup, tmp_path, column, value, message):
    row = list(GOOD[0])
    row[HEADER.index(column)] = value
    _refused(setup, tmp_path, [GOOD[1], row], f"reviewed.csv:3: {message}")


def test_rows_the_validation_rejects_name_their_reviewed_line(setup, tmp_path):
    row = list(GOOD[1])
    row[HEADER.index("value")] = "10600000"  # the quote prints 10,7 mkr
    _refused(setup, tmp_path, [GOOD[0], row], "reviewed.csv:3:", "value 10600000 does not appear in its quote")
    row = list(GOOD[0])
    row[HEADER.index("unit")] = "percent"  # a count is not a percentage
    _refused(setup, tmp_path, [row], "reviewed.csv:2:", "unit differs from the metric's unit")


def test_missing_columns_empty_and_binary_files(setup, tmp_path):
    _refused(setup, tmp_path, [GOOD[0][:-1]], "reviewed.csv:1: missing column(s) accept", header=HEADER[:-1])
    _refused(setup, tmp_path, None, "reviewed.csv:1: file is empty", raw=b"")
    _refused(setup, tmp_path, None, "reviewed.csv:1:", "not valid UTF-8", raw=b"\xff\xfe\x00l\x00i\x00n\x00e")


def test_an_unknown_association_is_named(setup, tmp_path):
    data, src, report = setup
    reviewed = _write(tmp_path / "reviewed.csv", GOOD)
    before = _state(data, src)
    code, _, err = cli("extract", "--apply", str(reviewed), "--source-id", "nowhere-2012", str(report), "--data",
                       str(data), "--sources", str(src))
    assert code == 1 and "association 'nowhere'" in err and "associations.csv" in err
    assert _state(data, src) == before


def test_an_existing_text_file_is_never_overwritten(setup, tmp_path):
    data, src, report = setup
    (src / f"{REPORT}.txt").write_text("another text\n", encoding="utf-8")
    reviewed = _write(tmp_path / "reviewed.csv", GOOD)
    before = _state(data, src)
    code, _, err = _apply(reviewed, report, data, src)
    assert code == 1 and "already has a file of this name with other content" in err
    assert _state(data, src) == before


def test_validate_names_a_changed_source_text(data_copy, tmp_path, sources_dir):
    src = tmp_path / "sources"
    shutil.copytree(sources_dir, src)
    doc = src / "bhs-2018.txt"
    doc.write_bytes(doc.read_bytes() + b"\n")
    code, _, err = cli("validate", "--data", str(data_copy), "--sources", str(src), "--quiet")
    line = next(i for i, r in enumerate(rows(data_copy / "sources.csv"), 2) if r["source_id"] == "bhs-2018")
    assert code == 1 and f"sources.csv:{line}: source document 'bhs-2018.txt' of bhs-2018 has changed" in err
