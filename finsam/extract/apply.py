"""Review and apply: the candidate rows a curator accepted become rows of data/observations.csv.

``finsam extract --apply REVIEWED.csv --source-id ID REPORT`` reads the reviewed candidates (the
extractor's CSV with an ``accept`` column: yes/y/ja/x/1/true accept a row, no/n/nej/0/false or
empty reject it; the curator may correct any field, and add a ``note`` and, for an intervention
the association does not have yet, its ``kind``), and then:

1. registers the report: its text goes into the sources folder as ``<source_id>.txt`` (a PDF's
   extracted text, or a text file kept elsewhere; a text file already in the sources folder is
   used where it is; an existing file is never overwritten), and a row of sources.csv gets its
   title, year, text quality, the text's SHA-256 and where it came from (``--origin``, and how
   its text was obtained);
2. maps each accepted row's intervention to the association's name for it in interventions.csv
   (by name or alias, ignoring case and diacritics); a name the association does not have is
   registered as a new intervention with the row's ``kind``;
3. drops rows that data/observations.csv already has (same source, fact, value, unit and quote);
4. validates the would-be data folder (a temporary copy with the new rows) with every check of
   ``finsam validate``, provenance included, and only if it passes replaces the files, each
   atomically. On any problem nothing is written and each problem names the reviewed CSV's line.

The association must be in associations.csv already (apply says how to add it).
"""
from __future__ import annotations

import csv
import hashlib
import io
import os
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from finsam.data import csvio
from finsam.core import paths
from finsam.core.errors import FinsamError, Problem
from finsam.core.files import write_atomic
from finsam.data.fields import ALL, TABLES

from .curated import COLUMNS, tables
from .model import normal_name
from .text import Document

ACCEPT_YES = {"yes", "y", "ja", "j", "x", "1", "true", "accept", "accepted"}
ACCEPT_NO = {"", "no", "n", "nej", "0", "false", "reject", "rejected"}


class ApplyError(FinsamError):
    """Problems of a reviewed CSV or of the would-be data: one line each, naming file and line."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        shown = "\n".join(str(p) for p in self.problems[:50])
        more = f"\n... and {len(self.problems) - 50} more" if len(self.problems) > 50 else ""
        head = "nothing written; " if len(self.problems) > 1 else "nothing written: "
        super().__init__(head + (f"{len(self.problems)} problem(s):\n" if len(self.problems) > 1 else "")
                         + shown + more)


@dataclass
class Reviewed:
    """The accepted rows of a reviewed CSV, each with its line in that file."""

    path: Path
    rows: list[tuple[int, dict]] = field(default_factory=list)
    rejected: int = 0


def read_reviewed(path: Path) -> Reviewed:
    shown = csvio._display(path)
    try:
        raw = Path(path).read_bytes()
    except OSError as e:
        raise ApplyError([Problem(shown, 0, f"cannot read the reviewed candidates: {e.strerror or e}")])
    text, problems = csvio.decode(Path(path), raw)
    if text is None:
        raise ApplyError(problems)
    if not text.strip():
        raise ApplyError([Problem(shown, 1, "file is empty: expected the reviewed candidates CSV")])
    if "\x00" in text:
        raise ApplyError([Problem(shown, text[: text.index("\x00")].count("\n") + 1,
                                  "binary data (a NUL byte), not a CSV file")])
    reader = csv.reader(io.StringIO(text), strict=True)
    out = Reviewed(Path(path))
    problems = []
    try:
        header = next(reader)
    except csv.Error as e:
        raise ApplyError([Problem(shown, 1, f"the header is not a CSV line ({e})")])
    need = [*COLUMNS, "accept"]
    missing = [c for c in need if c not in header]
    if missing:
        raise ApplyError([Problem(shown, 1, f"missing column(s) {', '.join(missing)} (the candidates CSV of finsam "
                                            "extract with an 'accept' column)")])
    if len(set(header)) != len(header):
        raise ApplyError([Problem(shown, 1, "repeated column(s) " + ", ".join(sorted({c for c in header
                                                                                      if header.count(c) > 1})))])
    start = 2
    try:
        for rec in reader:
            line = start
            start = reader.line_num + 1
            if not rec or not any(f.strip() for f in rec):
                continue
            if len(rec) != len(header):
                problems.append(Problem(shown, line, f"{len(rec)} fields where the header has {len(header)}: a stray "
                                                     "quote character or an unquoted comma shifts the columns"))
                continue
            if any("\n" in f for f in rec):
                problems.append(Problem(shown, line, "a field runs over several lines: probably a stray quote "
                                                     "character (\")"))
                continue
            row = dict(zip(header, rec))
            accept = row["accept"].strip().lower()
            if accept in ACCEPT_YES:
                out.rows.append((line, row))
            elif accept in ACCEPT_NO:
                out.rejected += 1
            else:
                problems.append(Problem(shown, line, f"accept: {row['accept']!r} is neither yes nor no "
                                                     f"(yes: {', '.join(sorted(ACCEPT_YES - {''}))}; no: empty, "
                                                     f"{', '.join(sorted(ACCEPT_NO - {''}))})"))
    except csv.Error as e:
        problems.append(Problem(shown, start, f"malformed CSV from this line on ({e}): probably a stray quote "
                                              "character (\")"))
    if problems:
        raise ApplyError(problems)
    return out


def _number(text: str) -> float | None:
    try:
        v = float(text)
    except ValueError:
        return None
    return v if v == v and abs(v) != float("inf") else None


def _csv_lines(rows: list[list[str]]) -> str:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    return buf.getvalue()


def _append(raw: bytes, rows: list[list[str]]) -> bytes:
    """The CSV file's bytes with rows appended (its own bytes kept as they are)."""
    if not rows:
        return raw
    if raw and not raw.endswith(b"\n"):
        raw += b"\r\n" if raw.endswith(b"\r") or b"\r\n" in raw[-4096:] else b"\n"
    return raw + _csv_lines(rows).encode("utf-8")


@dataclass
class Plan:
    """What apply would write."""

    observations: list[list[str]]
    lines: list[int]  #: the reviewed CSV line of each new observation row
    skipped: list[int]  #: reviewed lines whose row is already in observations.csv
    interventions: list[list[str]]
    intervention_lines: dict[int, int]  #: row index in interventions -> reviewed line
    source: list[str] | None  #: the new sources.csv row (None: already registered)
    document: str
    text: bytes
    write_text: bool  #: the text file must be written into the sources folder


def plan(reviewed: Reviewed, doc: Document, source_id: str, data: dict, sources_dir: Path, *, title: str | None,
         origin: str | None, text_quality: str | None) -> Plan:
    from finsam.data import semantics
    shown = csvio._display(reviewed.path)
    problems: list[Problem] = []
    # the report and its association
    association, _, year_text = source_id.rpartition("-")
    if not association or not year_text.isdigit():
        raise ApplyError([Problem(shown, 0, f"--source-id {source_id!r} is not <association_id>-<report_year> "
                                            "(e.g. bhs-2019)")])
    year = int(year_text)
    assoc = data["associations"]
    if association not in set(assoc["association_id"]):
        raise ApplyError([Problem(csvio._display(Path(data["_dir"]) / "associations.csv"), 0,
                                  f"association {association!r} (from --source-id) is not in associations.csv: "
                                  "add its row (association_id, name, municipalities, county) first")])
    # a text file is registered as it is (its own bytes); a PDF's text as read from it
    text = Path(doc.path).read_bytes() if doc.method == "text" else doc.text.encode("utf-8")
    sha = hashlib.sha256(text).hexdigest()
    sources = data["sources"]
    existing = sources[sources["source_id"] == source_id]
    write_text = False
    if len(existing):
        document = existing["document"].iloc[0]
        if existing["sha256"].iloc[0] != sha:
            raise ApplyError([Problem(shown, 0, f"{source_id} is registered in sources.csv with another text "
                                                f"(SHA-256 {existing['sha256'].iloc[0]}, this report's text is {sha})")])
        source_row = None
    else:
        here = doc.method == "text" and Path(doc.path).resolve().parent == sources_dir.resolve()
        document = Path(doc.path).name if here else f"{source_id}.txt"
        target = sources_dir / document
        if here:
            pass  # the text is in the sources folder already: registered where it is
        elif target.exists():
            if not target.is_file() or target.read_bytes() != text:
                raise ApplyError([Problem(csvio._display(target), 0, "the sources folder already has a file of this "
                                                                     "name with other content: it is not overwritten; "
                                                                     "choose another --source-id or move that file")])
        else:
            write_text = True
        quality = text_quality or doc.text_quality
        how = {"text": f"text file {Path(doc.path).name}", "pdf": f"text layer of {Path(doc.path).name} (pypdfium2)",
               "ocr": f"OCR of {Path(doc.path).name} (Tesseract, Swedish model)"}[doc.method]
        name = assoc.set_index("association_id").loc[association, "name"]
        source_row = [source_id, association, str(year), title or f"Årsredovisning {year} – {name}", document,
                      quality, sha, "; ".join(x for x in (origin, f"text: {how}, read by finsam extract") if x)]
    # the rows
    metrics = data["metrics"]
    metric_unit = dict(zip(metrics["metric"], metrics["unit"]))
    vocab = data["vocabulary"]
    genders = set(semantics.codes(vocab, "gender"))
    units = set(semantics.codes(vocab, "unit"))
    dimensions = set(semantics.codes(vocab, "dimension"))
    kinds = set(semantics.codes(vocab, "intervention_kind"))
    iv = data["interventions"]
    iv = iv[iv["association_id"] == association]
    known: dict[str, str] = {}
    for name, aliases in zip(iv["intervention"], iv["aliases"]):
        for n in [name, *[a for a in aliases.split(";") if a]]:
            known.setdefault(normal_name(n), name)
    new_iv: dict[str, tuple[str, int]] = {}
    obs_rows, lines, skipped = [], [], []
    obs = data["observations"]
    have = set(zip(*(obs[c] for c in ("source_id", "period_start", "period_end", "intervention", "metric", "gender",
                                      "value", "unit", "quote", "dimension", "category"))))
    seen = set()
    text_lines = doc.lines
    for line, r in reviewed.rows:
        def bad(msg):
            problems.append(Problem(shown, line, msg))
        r = {k: (v.strip() if k != "quote" else v) for k, v in r.items()}
        value = _number(r["value"])
        if value is None:
            bad(f"value: {r['value']!r} is not a number")
            continue
        if r["metric"] not in metric_unit:
            bad(f"metric: unknown code {r['metric']!r} (see data/metrics.csv)")
            continue
        if r["gender"] not in genders:
            bad(f"gender: unknown code {r['gender']!r} (valid: {', '.join(sorted(genders))})")
            continue
        if r["unit"] not in units:
            bad(f"unit: unknown code {r['unit']!r} (valid: {', '.join(sorted(units))})")
            continue
        if r["dimension"] and r["dimension"] not in dimensions:
            bad(f"dimension: unknown code {r['dimension']!r} (valid: {', '.join(sorted(dimensions))})")
            continue
        ps, pe = r["period_start"], r["period_end"]
        if not (ps.isdigit() and pe.isdigit()):
            bad(f"period_start/period_end: {ps!r}/{pe!r} are not years")
            continue
        ln = r["line"]
        if not ln.isdigit() or not 1 <= int(ln) <= len(text_lines):
            bad(f"line: {ln!r} is not a line of the report (1-{len(text_lines)})")
            continue
        if not r["quote"] or r["quote"] not in text_lines[int(ln) - 1]:
            bad(f"quote not found verbatim on line {ln} of the report: {r['quote'][:80]!r}")
            continue
        intervention = r["intervention"] or ALL
        if intervention != ALL:
            name = known.get(normal_name(intervention))
            if name is None:
                kind = r.get("kind", "").strip()
                if kind not in kinds:
                    bad(f"intervention {intervention!r} is not in interventions.csv for {association}: correct "
                        f"the name, or give its kind ({', '.join(sorted(kinds))}) in a 'kind' column to add it")
                    continue
                new_iv.setdefault(normal_name(intervention), (intervention, line))
                known[normal_name(intervention)] = intervention
                name = intervention
            intervention = name
        row = [source_id, association, ps, pe, intervention, r["metric"], r["gender"], _value_text(value), r["unit"],
               r["quote"], r.get("note", ""), r["dimension"], r["category"]]
        ident = (source_id, ps, pe, intervention, r["metric"], r["gender"], row[7], r["unit"], r["quote"],
                 r["dimension"], r["category"])
        if ident in have or ident in seen:
            skipped.append(line)
            continue
        seen.add(ident)
        obs_rows.append(row)
        lines.append(line)
    if problems:
        raise ApplyError(problems)
    # the columns of interventions.csv from the field dictionary: a column added there is left empty here
    iv_fields = TABLES["interventions"].fields
    iv_rows = [[dict(association_id=association, intervention=name, kind=new_kind(reviewed, line),
                     note="added by finsam extract --apply").get(f, "") for f in iv_fields]
               for name, line in new_iv.values()]
    return Plan(obs_rows, lines, skipped, iv_rows, {k: line for k, (_, line) in enumerate(new_iv.values())},
                source_row, document, text, write_text)


def new_kind(reviewed: Reviewed, line: int) -> str:
    return next(r.get("kind", "").strip() for ln, r in reviewed.rows if ln == line)


def _value_text(v: float) -> str:
    """A value as observations.csv writes it: 836, 10700000, 37.5, -1992800."""
    if v == int(v):
        return str(int(v))
    return repr(v)


@dataclass
class Result:
    added: int
    skipped: int
    rejected: int
    interventions: list[str]
    source_registered: bool
    text_written: Path | None
    warnings: list[str]


def apply(reviewed_path: Path, doc: Document, source_id: str, data_dir: Path | None = None,
          sources_dir: Path | None = None, *, title: str | None = None, origin: str | None = None,
          text_quality: str | None = None) -> Result:
    """Apply the accepted rows of ``reviewed_path`` (see the module's docstring)."""
    from finsam.data.validate import validate
    data_dir = paths.data_dir(data_dir)
    sources_dir = paths.sources_dir(sources_dir)
    reviewed = read_reviewed(Path(reviewed_path))
    data = tables(data_dir)
    obs, probs = csvio.read_table(data_dir, "observations")
    if obs is None:
        raise ApplyError(probs)
    data["observations"] = obs.astype(object).where(obs.notna(), "").astype(str)
    data["_dir"] = data_dir
    if not sources_dir.is_dir():
        raise ApplyError([Problem(csvio._display(sources_dir), 0, "source texts folder not found: set "
                                                                  "FINSAM_SOURCES (or --sources)")])
    p = plan(reviewed, doc, source_id, data, sources_dir, title=title, origin=origin, text_quality=text_quality)
    files = {name: (data_dir / TABLES[name].filename).read_bytes() for name in ("observations", "sources",
                                                                              "interventions")}
    new = {"observations": _append(files["observations"], p.observations),
           "sources": _append(files["sources"], [p.source] if p.source else []),
           "interventions": _append(files["interventions"], p.interventions)}
    with tempfile.TemporaryDirectory(prefix="finsam-apply-") as tmp:
        tmp_data, tmp_sources = Path(tmp) / "data", Path(tmp) / "sources"
        tmp_data.mkdir()
        tmp_sources.mkdir()
        for t in TABLES.values():
            src = data_dir / t.filename
            if src.exists():
                shutil.copyfile(src, tmp_data / t.filename)
        for name, raw in new.items():
            (tmp_data / TABLES[name].filename).write_bytes(raw)
        # the source texts the data names, and the new one
        for d in set(data["sources"]["document"]) | {p.document}:
            src = sources_dir / d
            if d == p.document and (p.write_text or p.source is not None):
                (tmp_sources / d).write_bytes(p.text)
            elif src.is_file():
                shutil.copyfile(src, tmp_sources / d)
        result = validate(tmp_data, tmp_sources, provenance=True)
        errors = result.errors
        if errors:
            raise ApplyError(_blame(errors, p, reviewed, files, data_dir))
    # everything checked: write the text first (the rows' provenance), then the tables
    text_written = None
    if p.write_text:
        target = sources_dir / p.document
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)  # never over an existing file
        with os.fdopen(fd, "wb") as f:
            f.write(p.text)
        text_written = target
    for name in ("interventions", "sources", "observations"):
        if new[name] != files[name]:
            write_atomic(data_dir / TABLES[name].filename, new[name])
    warnings = [f"{csvio._display(reviewed.path)}:{ln}: already in observations.csv, not added again"
                for ln in p.skipped]
    return Result(len(p.observations), len(p.skipped), reviewed.rejected, [r[1] for r in p.interventions],
                  p.source is not None, text_written, warnings)


def _blame(errors: list[Problem], p: Plan, reviewed: Reviewed, files: dict, data_dir: Path) -> list[Problem]:
    """Problems of the would-be data, named by the reviewed CSV's line where a new row is involved."""
    shown = csvio._display(reviewed.path)
    first_new = {name: raw.count(b"\n") + (0 if raw.endswith(b"\n") or not raw else 1) + 1
                 for name, raw in files.items()}
    start = first_new["observations"]

    def where(n: int) -> str:
        if 0 <= n - start < len(p.lines):
            return f"{shown}:{p.lines[n - start]}"
        return f"{csvio._display(data_dir / 'observations.csv')}:{n}"

    out = []
    for e in errors:
        name = Path(e.path).stem
        if name == "observations":
            m = re.search(r"\(lines ([\d, ]+)\)", e.message)
            involved = [int(x) for x in re.findall(r"\d+", m.group(1))] if m else [e.line]
            new = [n for n in [e.line, *involved] if 0 <= n - start < len(p.lines)]
            if new:
                message = e.message
                if m:
                    message = message.replace(m.group(0), "(" + ", ".join(where(n) for n in involved) + ")")
                out.append(Problem(shown, p.lines[new[0] - start], message))
                continue
        if name == "interventions" and e.line >= first_new["interventions"]:
            k = e.line - first_new["interventions"]
            out.append(Problem(shown, p.intervention_lines.get(k, 0), f"new intervention: {e.message}"))
            continue
        if name == "sources" and e.line >= first_new["sources"]:
            out.append(Problem(shown, 0, f"registering the report in sources.csv: {e.message}"))
            continue
        out.append(Problem(csvio._display(data_dir / Path(e.path).name), e.line, e.message))
    return out
