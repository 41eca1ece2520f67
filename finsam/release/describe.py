"""What a release says about itself, generated from the field dictionary and the tables: the
Frictionless Data Package descriptor (``datapackage.json``), the Datasette metadata, the
workbook's explanation sheets, ``README.md`` and ``CITATION.cff`` (Citation File Format 1.2).

Everything here is a plain function of the tables and of the release's facts (version, data
version, file hashes), so the same data give the same files."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from finsam.data.tables import Tables

import finsam.release.meta as meta
from finsam.core.files import sha256_file
from finsam.release.errors import ReleaseError

TITLE = "finsam data: curated figures from the annual reports of Swedish Finsam coordination associations"
AUTHOR = "The finsam contributors"
#: the data licence (data/LICENSE names it and its address; a test checks that they agree)
LICENCE = dict(name="CC-BY-4.0", title="Creative Commons Attribution 4.0 International",
               path="https://creativecommons.org/licenses/by/4.0/")
CODE_LICENCE = "MIT"
KEYWORDS = ("finsam", "samordningsförbund", "coordination associations", "vocational rehabilitation",
            "annual reports", "Sweden", "open data")
#: Datasette shows a row of these tables by this column where another table refers to it
LABEL_COLUMN = {"associations": "name", "metrics": "label_en", "sources": "title"}


@dataclass(frozen=True)
class Layout:
    """Where each part of a release lives inside its folder."""

    version: str
    data_version: str

    csv_dir = "csv"
    parquet_dir = "parquet"
    sqlite = "finsam.sqlite"
    xlsx = "finsam.xlsx"
    datapackage = "datapackage.json"
    datasette = "datasette.json"
    readme = "README.md"
    citation = "CITATION.cff"
    licence = "LICENSE"

    @property
    def name(self) -> str:
        """The release's name: its folder inside the zip, and the zip's name."""
        return f"finsam-data-{self.version}-{self.data_version}"

    @property
    def zip(self) -> str:
        return f"{self.name}.zip"

    def csv(self, table: str) -> str:
        return f"{self.csv_dir}/{table}.csv"

    def parquet(self, table: str) -> str:
        return f"{self.parquet_dir}/{table}.parquet"


#: what a researcher runs to read the tables, shown in the README; the DuckDB and SQL ones are run by
#: tests/release/test_release.py against a real release, the R ones cannot be here (no R on the build machine)
ONE_LINERS = {
    "r_frictionless": 'obs <- frictionless::read_resource(frictionless::read_package("datapackage.json"), '
                      '"observations")',
    "r_arrow": 'obs <- arrow::read_parquet("parquet/observations.parquet")',
    "r_sqlite": 'rates <- DBI::dbGetQuery(DBI::dbConnect(RSQLite::SQLite(), "finsam.sqlite"), '
                '"SELECT * FROM outcome_rates")',
    "duckdb_sql": "SELECT metric, unit, count(*) AS n, sum(value) AS total FROM 'parquet/observations.parquet' "
                  "WHERE gender = 'all' AND dimension IS NULL GROUP BY metric, unit ORDER BY metric, unit",
    "sqlite_sql": "SELECT association_id, year, population, outcome, exited, rate_count, rate, ci_low, ci_high "
                  "FROM outcome_rates WHERE gender = 'all' ORDER BY association_id, year, outcome",
}


def _s(x) -> str | None:
    return None if x is None or x is pd.NA or (isinstance(x, float) and x != x) else str(x)


# ---------------------------------------------------------------------------- sources and attribution
def source_records(tables: Tables, sources_dir: Path | None) -> list[dict]:
    """One record per source report with every column sources.csv declares, plus ``sha256`` of the
    report text where sources.csv has no such column (computed from the text in ``sources_dir``)."""
    from finsam.data.fields import TABLES
    src = tables.sources
    out = []
    for _, row in src.iterrows():
        rec = {c: _s(row[c]) for c in TABLES["sources"].fields}
        if rec.get("report_year") is not None:
            rec["report_year"] = int(row["report_year"])
        if not rec.get("sha256"):
            if sources_dir is None:
                raise ReleaseError("the sha256 of each source report is computed from its text, and no folder of "
                                   "source texts was given (--sources or FINSAM_SOURCES)")
            path = Path(sources_dir) / str(row["document"])
            if not path.is_file():
                raise ReleaseError(f"{path}: source report text not found (sources.csv names it for "
                                   f"{row['source_id']}); its sha256 goes into the release")
            rec["sha256"] = sha256_file(path)
        out.append(rec)
    return out


def attribution(tables: Tables) -> list[str]:
    """'<association name>, <report title> (<year>)' for every source report, in sources.csv order."""
    names = dict(zip(tables.associations["association_id"].astype(str), tables.associations["name"].astype(str)))
    return [f"{names.get(str(a), str(a))}: {t} ({int(y)})" for a, t, y in
            zip(tables.sources["association_id"], tables.sources["title"], tables.sources["report_year"])]


def licence_text(tables: Tables) -> str:
    """The release's LICENSE: the data licence and whom to credit (as data/LICENSE words it)."""
    return "\n".join([
        f"The tables of this release are licensed under the {LICENCE['title']} license ({LICENCE['name']}):",
        LICENCE["path"], "",
        "Attribution. The figures and the verbatim quotes come from the published annual reports "
        "(årsredovisningar) of these Swedish Finsam coordination associations (samordningsförbund):", "",
        *[f"- {a}" for a in attribution(tables)], "",
        f"When you use or share these tables, credit those associations as the source of the figures and "
        f"\"{AUTHOR[0].lower() + AUTHOR[1:]}\" for the curation, link to the license, and say if you changed "
        "the tables. The reports themselves remain the associations' own publications; the tables hold only "
        "single-line quotes of them, each beside the number it supports.", "",
        f"The code of finsam, which made this release, is under the {CODE_LICENCE} license.", ""])


def citation_text(layout: Layout) -> str:
    return (f"{AUTHOR}. {TITLE}. Release {layout.version}, data version {layout.data_version}. "
            f"Licence {LICENCE['title']} ({LICENCE['name']}).")


# ---------------------------------------------------------------------------- Data Package
def field_descriptor(table: str, column: str, vocabulary: pd.DataFrame) -> dict:
    f = meta.field(table, column)
    d: dict = {"name": column, "type": meta.FRICTIONLESS_TYPE[f.dtype], "description": f.description}
    u = meta.unit(table, column)
    if u:
        d["unit"] = u
    constraints: dict = {}
    if f.required:
        constraints["required"] = True
    enum = meta.enumeration(table, column, vocabulary)
    if enum:
        constraints["enum"] = [code for code, _ in enum]
        d["categories"] = [{"value": code, "label": label} for code, label in enum]
    if constraints:
        d["constraints"] = constraints
    return d


def table_schema(table: str, vocabulary: pd.DataFrame) -> dict:
    schema: dict = {"fields": [field_descriptor(table, c, vocabulary) for c in meta.columns(table)],
                    "missingValues": [""]}
    if meta.primary_key(table):
        schema["primaryKey"] = list(meta.primary_key(table))
    refs = meta.references(table)
    if refs:
        schema["foreignKeys"] = [{"fields": list(r.fields), "reference": {
            "resource": "" if r.target == table else r.target, "fields": list(r.target_fields)}} for r in refs]
    return schema


def datapackage(tables: Tables, layout: Layout, sources: list[dict], files: dict[str, tuple[str, int]],
                rows: dict[str, int]) -> dict:
    """The descriptor. ``files``: release path -> (sha256, bytes) of each CSV; ``rows``: table -> rows."""
    resources = []
    for name in meta.ALL_TABLES:
        path = layout.csv(name)
        if path not in files:
            continue
        sha, size = files[path]
        resources.append({
            "name": name, "path": path, "profile": "tabular-data-resource",
            "description": meta.description(name) + (" Derived by finsam from the curated tables."
                                                     if name in meta.DERIVED else ""),
            "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
            "dialect": {"delimiter": ",", "quoteChar": '"', "header": True},
            "hash": f"sha256:{sha}", "bytes": size, "rows": rows[name],
            "schema": table_schema(name, tables.vocabulary),
        })
    return {
        "profile": "tabular-data-package",
        "name": "finsam-data",
        "title": TITLE,
        "description": "Every number the curated annual reports state about participants, outcomes, money and "
                       "goals, one stated number per row with the verbatim quote of the report line it came from "
                       "(observations), the tables that give it meaning (associations, interventions, metrics, "
                       "vocabulary, categories, sources) and two tables derived from them by finsam (facts, "
                       "outcome_rates).",
        "version": layout.version,
        "data_version": layout.data_version,
        "licenses": [dict(LICENCE)],
        "contributors": [{"title": AUTHOR, "role": "author"}],
        "keywords": list(KEYWORDS),
        "citation": citation_text(layout),
        "attribution": attribution(tables),
        "sources": [{"title": s.get("title") or s.get("source_id"), **s} for s in sources],
        "resources": resources,
    }


# ---------------------------------------------------------------------------- column documentation
def column_doc(table: str, column: str, vocabulary: pd.DataFrame) -> dict:
    """One column, as the workbook's column sheet and Datasette show it."""
    f = meta.field(table, column)
    refs = [f"{r.target}.{r.target_fields[r.fields.index(column)]}" for r in meta.references(table)
            if column in r.fields]
    return dict(table=table, column=column, type=meta.FRICTIONLESS_TYPE[f.dtype],
                required="yes" if f.required else "no", unit=meta.unit(table, column), description=f.description,
                values=", ".join(code for code, _ in meta.enumeration(table, column, vocabulary)),
                refers_to=", ".join(refs), primary_key="yes" if column in meta.primary_key(table) else "")


def column_text(doc: dict) -> str:
    """A column's description with its unit, values and reference, for Datasette."""
    text = doc["description"]
    if doc["unit"]:
        text += f" Unit: {doc['unit']}."
    if doc["values"]:
        text += f" Values: {doc['values']}."
    if doc["refers_to"]:
        text += f" Refers to {doc['refers_to']}."
    return text


def workbook_sheets(tables: Tables, layout: Layout, table_names: list[str]) -> list[tuple[str, list[str], list[list]]]:
    about = [["title", TITLE], ["version", layout.version], ["data version", layout.data_version],
             ["licence", f"{LICENCE['title']} ({LICENCE['name']}), {LICENCE['path']}"],
             ["credit", "the coordination associations whose annual reports the figures come from (below), and "
                        f"{AUTHOR} for the curation"],
             *[["source", a] for a in attribution(tables)],
             ["how to cite", citation_text(layout)],
             *[[f"sheet {n}", meta.description(n)] for n in table_names],
             ["columns", "the sheet 'columns' explains every column of every sheet"]]
    keys = ["table", "column", "type", "required", "unit", "description", "values", "refers_to", "primary_key"]
    docs = [column_doc(n, c, tables.vocabulary) for n in table_names for c in meta.columns(n)]
    return [("about", ["what", "value"], about),
            ("columns", keys, [[d[k] or None for k in keys] for d in docs])]


def datasette_metadata(tables: Tables, layout: Layout, table_names: list[str]) -> dict:
    db = Path(layout.sqlite).stem
    out_tables = {}
    for n in table_names:
        t: dict = {"description": meta.description(n),
                   "columns": {c: column_text(column_doc(n, c, tables.vocabulary)) for c in meta.columns(n)}}
        if n in LABEL_COLUMN:
            t["label_column"] = LABEL_COLUMN[n]
        out_tables[n] = t
    return {
        "title": f"finsam data {layout.version} (data version {layout.data_version})",
        "description": TITLE + ". One stated number per row, each with the verbatim quote of its report line.",
        "license": f"{LICENCE['title']} ({LICENCE['name']})",
        "license_url": LICENCE["path"],
        "source": "Annual reports of " + "; ".join(attribution(tables)),
        "about": f"finsam release {layout.version}: cite as: {citation_text(layout)}",
        "databases": {db: {"tables": out_tables}},
    }


# ---------------------------------------------------------------------------- CITATION.cff
def citation_cff(tables: Tables, version: str, data_version: str | None = None) -> str:
    """CITATION.cff (CFF 1.2.0). With ``data_version``: the data release (type dataset, the data
    licence); without: the finsam project (software: code MIT, data CC BY 4.0). Both name the
    annual reports as references, which the data licence asks users to credit."""
    import yaml
    names = dict(zip(tables.associations["association_id"].astype(str), tables.associations["name"].astype(str)))
    refs = [{"type": "report", "title": str(t), "year": int(y), "authors": [{"name": names.get(str(a), str(a))}]}
            for a, t, y in zip(tables.sources["association_id"], tables.sources["title"], tables.sources["report_year"])]
    doc: dict = {
        "cff-version": "1.2.0",
        "message": "If you use these data, please cite them as below, and credit the coordination associations "
                   "whose annual reports the figures come from (listed under references), as the data licence "
                   "asks." if data_version else
                   "If you use finsam or its data, please cite it as below; the data's licence also asks you to "
                   "credit the coordination associations whose annual reports the figures come from (references).",
        "type": "dataset" if data_version else "software",
        "title": TITLE if data_version else "finsam",
        "abstract": ("Curated figures from the annual reports (årsredovisningar) of Swedish Finsam coordination "
                     "associations (samordningsförbund): one stated number per row, each with the verbatim quote "
                     "of the report line it came from, with a data dictionary, keys and units."),
        "authors": [{"name": AUTHOR}],
        "version": version,
        "license": LICENCE["name"] if data_version else [CODE_LICENCE, LICENCE["name"]],
        "keywords": list(KEYWORDS),
        "references": refs,
    }
    if data_version:
        doc["identifiers"] = [{"type": "other", "value": f"finsam-data-{version}-{data_version}",
                               "description": "finsam data version: a hash of the curated table files"}]
    return yaml.safe_dump(doc, allow_unicode=True, sort_keys=False, width=100)


# ---------------------------------------------------------------------------- README
def readme(tables: Tables, layout: Layout, rows: dict[str, int], written: list[str], sources: list[dict]) -> str:
    """The release's README.md: what it holds, how to read it in each tool, how to cite it."""
    files = [(layout.readme, "this file"),
             (layout.citation, "how to cite this release (Citation File Format 1.2)"),
             (layout.licence, "the data licence (CC BY 4.0) and whom to credit"),
             (layout.datapackage, "Frictionless Data Package: every table, column, type, unit, enumeration, primary "
                                  "and foreign key; the source reports with their sha256; licence, version"),
             (f"{layout.csv_dir}/<table>.csv", "each table as UTF-8 CSV (RFC 4180, quoted where needed)")]
    if "parquet" in written:
        files.append((f"{layout.parquet_dir}/<table>.parquet", "each table as Parquet, typed (vocabulary columns "
                                                                "dictionary-encoded: factors in R)"))
    if "sqlite" in written:
        files.append((layout.sqlite, "one SQLite database: every table with its primary and foreign keys"))
        files.append((layout.datasette, "the data dictionary as Datasette metadata: "
                                        f"`datasette {layout.sqlite} -m {layout.datasette}`"))
    if "xlsx" in written:
        files.append((layout.xlsx, "the curated tables and outcome_rates for Excel, one sheet per table, with a "
                                   "sheet 'columns' explaining every column"))
    lines = [f"# {TITLE}", "",
             f"Release **{layout.version}**, data version **{layout.data_version}** (a hash of the curated table "
             "files: any change of any number changes it).", "",
             "One stated number per row (`observations`), each with the verbatim quote of the annual-report line "
             "it came from; the tables that give the numbers their meaning; and two tables finsam derives from "
             "them. Before this release was written, the tables passed `finsam validate` in full: structure, "
             "schema, consistency, and every quote found in its report text (whose sha256 is below).", "",
             "Derived tables:", "",
             f"- `facts`: {meta.DERIVED['facts'].description}",
             f"- `outcome_rates`: {meta.DERIVED['outcome_rates'].description}", "",
             "## Files", "", "| file | what it holds |", "|---|---|",
             *[f"| `{f}` | {w} |" for f, w in files], "",
             "## Tables", "", "| table | rows | primary key | what a row is |", "|---|---|---|---|",
             *[f"| `{n}` | {rows[n]:,} | {', '.join(meta.primary_key(n)) or '—'} | {meta.description(n)} |"
               for n in meta.ALL_TABLES if n in rows], "",
             "Every column's type, unit, meaning and allowed values are in `datapackage.json`"
             + (" and in the workbook's sheet `columns`" if "xlsx" in written else "") + ". A missing value is an "
             "empty field in the CSV files, NULL in SQLite and null in Parquet. Money is in Swedish kronor (sek), "
             "percentages in percent; a count's unit says what is counted (persons, participations, cases).", "",
             "## Reading the tables", "",
             "R, typed by the Data Package's schema ([frictionless](https://docs.ropensci.org/frictionless/)), "
             "from Parquet ([arrow](https://arrow.apache.org/docs/r/)) or from SQLite:", "", "```r",
             ONE_LINERS["r_frictionless"], ONE_LINERS["r_arrow"], ONE_LINERS["r_sqlite"], "```", "",
             "DuckDB on the Parquet files (`duckdb -c \"…\"` in a shell, or `duckdb.sql(\"…\")` in Python):", "",
             "```sql", ONE_LINERS["duckdb_sql"] + ";", "```", "",
             f"SQL on the SQLite database (`sqlite3 {layout.sqlite} \"…\"`):", "",
             "```sql", ONE_LINERS["sqlite_sql"] + ";", "```", "",
             "Python: `pandas.read_parquet(\"parquet/observations.parquet\")`; Stata: "
             "`import delimited using csv/observations.csv, encoding(utf-8) varnames(1) clear`.", "",
             "## How to cite", "",
             citation_text(layout), "",
             "The figures come from these annual reports; the licence (CC BY 4.0, `LICENSE`) asks you to credit "
             "the associations as their source:", "",
             *[f"- {a} (sha256 of the text: `{s['sha256']}`)" for a, s in zip(attribution(tables), sources)], "",
             "`CITATION.cff` holds the same in the Citation File Format.", ""]
    return "\n".join(lines)
