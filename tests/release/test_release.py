"""`finsam export` of the curated data, run for real into an empty folder: the release passes
`frictionless validate`, its datapackage.json says what the field dictionary says, and its CSV,
Parquet, SQLite and .xlsx files hold exactly the validated tables, cell by cell (finsam.load()'s
tables and the derived tables computed here by finsam's own functions, independently of the
export). The README's DuckDB and SQL one-liners run against it. The R one-liners cannot run here
(no R on the build machine)."""
from __future__ import annotations

import csv
import hashlib
import json
import math
import sqlite3
import subprocess
import sys
import zipfile

import pandas as pd
import pyarrow.parquet as pq
import pytest
import yaml

import finsam
from finsam.release import describe, meta
from finsam.release.derived import derive
from finsam.data.fields import TABLE_ORDER, TABLES, VOCABULARY_OF

from conftest import DATA, ROOT

FINSAM = [sys.executable, "-m", "finsam"]


@pytest.fixture(scope="module")
def release(tmp_path_factory, sources_dir):
    out = tmp_path_factory.mktemp("export") / "release"
    p = subprocess.run([*FINSAM, "export", "--output", str(out), "--sources", str(sources_dir)],
                       capture_output=True, text=True, timeout=300)
    assert p.returncode == 0, p.stderr
    assert p.stdout.startswith("export OK: ") and str(out) in p.stdout, p.stdout
    return out


@pytest.fixture(scope="module")
def expected():
    """Every table of a release as finsam computes it, as rows of plain values."""
    t = finsam.load()
    facts, rates = derive(t)
    frames = {**{n: t[n] for n in TABLE_ORDER}, "facts": facts, "outcome_rates": rates}
    return {n: rows_of(frames[n], n) for n in meta.ALL_TABLES}


def plain_value(v, kind: str):
    """A cell as a plain Python value of its dictionary type; '' and missing are None."""
    if v is None or v is pd.NA or (isinstance(v, float) and math.isnan(v)) or v == "":
        return None
    if kind == "int":
        assert float(v) == int(float(v)), v
        return int(float(v))
    if kind == "float":
        return float(v)
    if kind == "bool":
        return {"true": True, "false": False}.get(v, v) if isinstance(v, str) else bool(v)
    if isinstance(v, bool):  # load() reads the curated 'true'/'false' text as booleans
        return "true" if v else "false"
    return str(v)


def rows_of(df: pd.DataFrame, table: str) -> list[tuple]:
    kinds = [meta.field(table, c).dtype for c in meta.columns(table)]
    return [tuple(plain_value(v, k) for v, k in zip(row, kinds))
            for row in zip(*(df[c].tolist() for c in meta.columns(table)))]


def test_export_in_an_empty_folder_passes_frictionless_validate(release):
    p = subprocess.run([str(ROOT / ".venv" / "bin" / "frictionless") if (ROOT / ".venv" / "bin" / "frictionless").exists()
                        else "frictionless", "validate", "datapackage.json"],
                       cwd=release, capture_output=True, text=True, timeout=300)
    assert p.returncode == 0, p.stdout[-3000:] + p.stderr[-3000:]
    from frictionless import Package
    report = Package(str(release / "datapackage.json")).validate()
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:20]
    assert {t.name for t in report.tasks} == set(meta.ALL_TABLES)


def test_frictionless_finds_a_broken_release_invalid(release, tmp_path):
    """The validation above can fail: a value outside its vocabulary and a hash that does not match."""
    import shutil
    copy = tmp_path / "copy"
    shutil.copytree(release, copy)
    obs = copy / "csv" / "observations.csv"
    text = obs.read_text(encoding="utf-8")
    obs.write_text(text.replace('"all"', '"everybody"', 1), encoding="utf-8")
    from frictionless import Package
    report = Package(str(copy / "datapackage.json")).validate()
    types = {e["type"] for t in report.tasks for e in [err.to_dict() for err in t.errors]}
    assert not report.valid and {"constraint-error", "hash-count"} <= types, types


def test_datapackage_is_generated_from_the_field_dictionary(release):
    pkg = json.loads((release / "datapackage.json").read_text(encoding="utf-8"))
    vocab = finsam.load().vocabulary
    assert pkg["version"] == finsam.__version__
    assert pkg["data_version"] == finsam.data_version()
    assert [r["name"] for r in pkg["resources"]] == list(meta.ALL_TABLES)
    for r in pkg["resources"]:
        name = r["name"]
        fields = r["schema"]["fields"]
        assert [f["name"] for f in fields] == list(meta.columns(name))
        for f in fields:
            declared = meta.field(name, f["name"])
            assert f["description"] == declared.description
            assert f["type"] == {"str": "string", "category": "string", "int": "integer", "float": "number",
                                 "bool": "boolean"}[declared.dtype]
            assert f.get("constraints", {}).get("required", False) == declared.required
            assert f.get("unit", "") == (declared.unit or ("the row's unit (column unit)" if f["name"] == "value" else ""))
            vocabulary = VOCABULARY_OF.get((name, f["name"]))
            if vocabulary:
                codes = [c for v, c in zip(vocab["vocabulary"], vocab["code"]) if v == vocabulary]
                assert f["constraints"]["enum"] == codes
        if name in TABLES:
            assert r["schema"].get("primaryKey", []) == list(TABLES[name].primary_key)
        keys = {(tuple(k["fields"]), k["reference"]["resource"] or name, tuple(k["reference"]["fields"]))
                for k in r["schema"].get("foreignKeys", [])}
        assert keys == {(x.fields, x.target, x.target_fields) for x in meta.references(name)}
    # the references the brief asks for are there
    refs = {(r["name"], tuple(k["fields"])) for r in pkg["resources"] for k in r["schema"].get("foreignKeys", [])}
    assert {("observations", ("source_id",)), ("observations", ("metric",)), ("sources", ("association_id",)),
            ("associations", ("successor_id",)), ("metrics", ("denominator_metric",))} <= refs


def test_datapackage_names_sources_licence_and_citation(release, sources_dir):
    pkg = json.loads((release / "datapackage.json").read_text(encoding="utf-8"))
    src = pd.read_csv(DATA / "sources.csv", dtype=str)
    assert [s["source_id"] for s in pkg["sources"]] == list(src["source_id"])
    for s, (_, row) in zip(pkg["sources"], src.iterrows()):
        for col in TABLES["sources"].fields:  # every column sources.csv declares flows through
            assert str(s[col]) == row[col]
        assert s["title"] == row["title"] and s["report_year"] == int(row["report_year"])
        assert s["sha256"] == hashlib.sha256((sources_dir / row["document"]).read_bytes()).hexdigest()
    licence = (DATA / "LICENSE").read_text(encoding="utf-8")
    assert pkg["licenses"] == [describe.LICENCE]
    assert "CC BY 4.0" in licence and describe.LICENCE["path"] in licence
    assert f"Release {finsam.__version__}, data version {finsam.data_version()}" in pkg["citation"]
    assert len(pkg["attribution"]) == len(src)
    for r in pkg["resources"]:  # the hashes and sizes frictionless checked are those of the files
        data = (release / r["path"]).read_bytes()
        assert r["hash"] == "sha256:" + hashlib.sha256(data).hexdigest() and r["bytes"] == len(data)


def _csv_rows(path, table):
    with open(path, encoding="utf-8", newline="") as f:
        r = csv.reader(f)
        assert next(r) == list(meta.columns(table))
        kinds = [meta.field(table, c).dtype for c in meta.columns(table)]
        return [tuple(plain_value(v, k) for v, k in zip(row, kinds)) for row in r]


def test_csv_files_hold_exactly_the_tables(release, expected):
    for name in meta.ALL_TABLES:
        assert _csv_rows(release / "csv" / f"{name}.csv", name) == expected[name], name


def test_parquet_files_hold_exactly_the_tables_typed(release, expected):
    for name in meta.ALL_TABLES:
        t = pq.read_table(release / "parquet" / f"{name}.parquet")
        assert t.column_names == list(meta.columns(name))
        for c in t.column_names:
            kind = meta.field(name, c).dtype
            arrow = str(t.schema.field(c).type)
            assert arrow == {"int": "int64", "float": "double", "bool": "bool", "str": "string",
                             "category": "dictionary<values=string, indices=int32, ordered=0>"}[kind], (name, c, arrow)
        rows = [tuple(plain_value(v, meta.field(name, c).dtype) for v, c in zip(row, t.column_names))
                for row in zip(*(t[c].to_pylist() for c in t.column_names))]
        assert rows == expected[name], name


def test_sqlite_holds_exactly_the_tables_with_their_keys(release, expected):
    con = sqlite3.connect(f"file:{release / 'finsam.sqlite'}?mode=ro", uri=True)
    try:
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
        assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        for name in meta.ALL_TABLES:
            cols = ", ".join(f'"{c}"' for c in meta.columns(name))
            kinds = [meta.field(name, c).dtype for c in meta.columns(name)]
            rows = [tuple(plain_value(v, k) for v, k in zip(row, kinds))
                    for row in con.execute(f'SELECT {cols} FROM "{name}" ORDER BY rowid')]
            assert rows == expected[name], name
            info = con.execute(f'PRAGMA table_info("{name}")').fetchall()
            assert [r[1] for r in info] == list(meta.columns(name))
            pk = [r[1] for r in sorted(info, key=lambda r: r[5]) if r[5]]
            assert pk == list(meta.primary_key(name)), name
            fks = {}
            for row in con.execute(f'PRAGMA foreign_key_list("{name}")'):
                fks.setdefault(row[0], (row[2], []))[1].append((row[3], row[4]))
            got = {(tuple(a for a, _ in pairs), target, tuple(b for _, b in pairs)) for target, pairs in fks.values()}
            assert got == {(r.fields, r.target, r.target_fields) for r in meta.references(name)}, name
        # observations keep their line in observations.csv as rowid, which facts.lines name
        lines = [r[0] for r in con.execute("SELECT rowid FROM observations ORDER BY rowid")]
        assert lines == list(finsam.load().observations.index)
        named = {int(x) for (ls,) in con.execute("SELECT lines FROM facts") for x in ls.split(", ")}
        assert named <= set(lines)
    finally:
        con.close()


def test_the_workbook_holds_the_tables_and_explains_every_column(release, expected):
    from openpyxl import load_workbook
    wb = load_workbook(release / "finsam.xlsx", read_only=True)
    assert wb.sheetnames == ["about", "columns", *TABLE_ORDER, "outcome_rates"]
    for name in (*TABLE_ORDER, "outcome_rates"):
        ws = wb[name]
        rows = list(ws.iter_rows(values_only=True))
        assert list(rows[0]) == list(meta.columns(name))
        kinds = [meta.field(name, c).dtype for c in meta.columns(name)]
        got = [tuple(plain_value(v, k) for v, k in zip(row, kinds)) for row in rows[1:]]
        assert got == expected[name], name  # doubles too: written in their shortest exact form
    explained = {(r[0], r[1]): r for r in list(wb["columns"].iter_rows(values_only=True))[1:]}
    for name in (*TABLE_ORDER, "outcome_rates"):
        for c in meta.columns(name):
            assert explained[(name, c)][5] == meta.field(name, c).description
    about = dict(list(wb["about"].iter_rows(values_only=True))[1:])
    assert about["version"] == finsam.__version__ and about["data version"] == finsam.data_version()


def test_the_duckdb_one_liner_of_the_readme_runs_on_the_parquet(release, monkeypatch):
    import duckdb
    monkeypatch.chdir(release)
    got = duckdb.sql(describe.ONE_LINERS["duckdb_sql"]).fetchall()
    o = finsam.load().observations
    o = o[(o["gender"] == "all") & (o["dimension"] == "")]
    want = (o.assign(metric=o["metric"].astype(str), unit=o["unit"].astype(str))
            .groupby(["metric", "unit"]).agg(n=("value", "size"), total=("value", "sum")).reset_index())
    assert [(m, u, n) for m, u, n, _ in got] == list(zip(want["metric"], want["unit"], want["n"]))
    assert [t for *_, t in got] == pytest.approx(list(want["total"]))
    assert describe.ONE_LINERS["duckdb_sql"] in (release / "README.md").read_text(encoding="utf-8")


def test_the_sql_one_liner_of_the_readme_runs_on_the_database(release, expected):
    con = sqlite3.connect(release / "finsam.sqlite")
    try:
        got = con.execute(describe.ONE_LINERS["sqlite_sql"]).fetchall()
    finally:
        con.close()
    cols = list(meta.columns("outcome_rates"))
    rows = [dict(zip(cols, r)) for r in expected["outcome_rates"] if r[cols.index("gender")] == "all"]
    rows.sort(key=lambda r: (r["association_id"], r["year"], r["outcome"]))  # stable, like SQLite's ORDER BY here
    want = [tuple(r[c] for c in ("association_id", "year", "population", "outcome", "exited", "rate_count", "rate",
                                  "ci_low", "ci_high")) for r in rows]
    assert sorted(got, key=repr) == sorted(want, key=repr) and len(got) > 0
    readme = (release / "README.md").read_text(encoding="utf-8")
    for one_liner in describe.ONE_LINERS.values():
        assert one_liner in readme


def test_citation_cff_has_the_keys_cff_1_2_requires(release):
    """cffconvert does not install beside frictionless (it pins jsonschema < 4), so the file is
    checked here against CFF 1.2.0's required keys, its top-level keys and the data it names."""
    allowed = {"abstract", "authors", "cff-version", "commit", "contact", "date-released", "doi", "identifiers",
               "keywords", "license", "license-url", "message", "preferred-citation", "references", "repository",
               "repository-artifact", "repository-code", "title", "type", "url", "version"}
    src = pd.read_csv(DATA / "sources.csv", dtype=str)
    for path, kind in ((release / "CITATION.cff", "dataset"), (ROOT / "CITATION.cff", "software")):
        c = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert {"cff-version", "message", "title", "authors"} <= set(c) <= allowed, path
        assert c["cff-version"] == "1.2.0" and c["type"] == kind
        assert c["version"] == finsam.__version__
        assert all(isinstance(a, dict) and ("name" in a or "family-names" in a) for a in c["authors"])
        assert [r["title"] for r in c["references"]] == list(src["title"])
        for r in c["references"]:
            assert {"type", "title", "authors"} <= set(r) and r["type"] == "report"
        licences = c["license"] if isinstance(c["license"], list) else [c["license"]]
        assert set(licences) <= {"MIT", "CC-BY-4.0"} and "CC-BY-4.0" in licences
    assert yaml.safe_load((release / "CITATION.cff").read_text())["identifiers"][0]["value"] == \
        f"finsam-data-{finsam.__version__}-{finsam.data_version()}"


def test_root_citation_cff_is_the_generated_one():
    assert (ROOT / "CITATION.cff").read_text(encoding="utf-8") == \
        describe.citation_cff(finsam.load(), finsam.__version__), "CITATION.cff is stale: python -m finsam.release citation"


def test_changelog_starts_with_this_release():
    """The newest versioned section is this version; only work not yet released ("Unreleased")
    may stand above it."""
    text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    headings = [line for line in text.splitlines() if line.startswith("## ")]
    unreleased = [h for h in headings if h.startswith("## Unreleased")]
    assert len(unreleased) <= 1
    if unreleased:
        assert headings[0] == unreleased[0], "the Unreleased section comes first"
    versioned = [h for h in headings if not h.startswith("## Unreleased")]
    assert versioned[0].startswith(f"## {finsam.__version__} ")


def test_the_zip_holds_the_folder(release):
    layout = describe.Layout(finsam.__version__, finsam.data_version())
    z = zipfile.ZipFile(release / layout.zip)
    assert z.testzip() is None
    files = sorted(p.relative_to(release).as_posix() for p in release.rglob("*")
                   if p.is_file() and p.name not in (layout.zip, ".finsam-release.json"))
    assert z.namelist() == [f"{layout.name}/{f}" for f in files]
    for f in files:
        assert z.read(f"{layout.name}/{f}") == (release / f).read_bytes(), f


def test_the_same_data_give_the_same_release_byte_for_byte(release, tmp_path, sources_dir):
    again = tmp_path / "again"
    p = subprocess.run([*FINSAM, "export", "--output", str(again), "--sources", str(sources_dir)],
                       capture_output=True, text=True, timeout=300)
    assert p.returncode == 0, p.stderr

    def digests(folder):
        return {f.relative_to(folder).as_posix(): hashlib.sha256(f.read_bytes()).hexdigest()
                for f in folder.rglob("*") if f.is_file()}
    assert digests(again) == digests(release)


def test_readme_says_what_the_release_holds(release):
    readme = (release / "README.md").read_text(encoding="utf-8")
    assert f"Release **{finsam.__version__}**, data version **{finsam.data_version()}**" in readme
    for name in meta.ALL_TABLES:
        assert f"| `{name}` |" in readme
    for f in ("datapackage.json", "finsam.sqlite", "finsam.xlsx", "CITATION.cff", "LICENSE", "datasette.json"):
        assert f"`{f}`" in readme and (release / f).is_file()
    licence = (release / "LICENSE").read_text(encoding="utf-8")
    for name in finsam.load().associations["name"]:
        assert name in licence


def test_datasette_metadata_describes_every_column(release):
    m = json.loads((release / "datasette.json").read_text(encoding="utf-8"))
    tables = m["databases"]["finsam"]["tables"]
    assert set(tables) == set(meta.ALL_TABLES)
    for name, t in tables.items():
        assert t["description"] == meta.description(name)
        assert list(t["columns"]) == list(meta.columns(name))
        for c, text in t["columns"].items():
            assert text.startswith(meta.field(name, c).description)
    assert "Unit: year." in tables["observations"]["columns"]["period_start"]
    assert m["license_url"] == describe.LICENCE["path"]


def test_the_project_readme_documents_the_release():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for one_liner in describe.ONE_LINERS.values():
        assert one_liner in readme, one_liner
    for text in ("make release", "make browse", "finsam export", "`facts`", "`outcome_rates`", "CHANGELOG.md"):
        assert text in readme, text
