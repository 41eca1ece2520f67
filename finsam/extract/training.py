"""The training set: every number reading of the curated reports, labelled with the fact a curated
row says it states, or with none.

For each row of data/observations.csv its quote is found on a line of its source text (where
the quote occurs on several lines, rows with the same quote take the occurrences in order), and
within the quote the number reading whose value is the row's value (scaled by 1, 1 000 or
1 000 000 for money; a whole reading of its run before a part of one; the leftmost one not yet
taken by an earlier row of the same line). That reading gets the row's metric, gender,
intervention, period, dimension, category and unit. Readings no curated row uses are negatives
(metric empty), except numbers written as words: the curators leave those out on purpose (the
provenance check needs digits), so they are neither.

The result ships with the package as ``training.csv.gz`` (what the model reads: the fields of
:mod:`finsam.extract.features` and the labels; no report text is needed at run time). Rebuild it
after changing data/ or the features::

    python -m finsam.extract.training            # writes finsam/extract/training.csv.gz
    python -m finsam.extract.training --check    # exit 1 if the shipped file is stale

(tests/extract/test_extract_training.py fails when the shipped file differs from a fresh rebuild).
"""
from __future__ import annotations

import argparse
import gzip
import io
import sys
from pathlib import Path

import pandas as pd

from finsam.data import csvio
from finsam.core import paths
from finsam.data.provenance import _cuts_number, read_source

from .features import document_tokens
from .text import Document

SHIPPED = Path(__file__).resolve().parent / "training.csv.gz"
#: label columns (copied from the curated row; metric "" = states no fact)
LABELS = ("metric", "gender", "intervention", "aliases", "period_start", "period_end", "dimension", "category",
          "unit", "value", "sign", "factor", "obs_line")
#: columns describing the report a token comes from
REPORT = ("source_id", "association_id", "report_year", "text_quality")


def _tables(data_dir: Path) -> dict[str, pd.DataFrame]:
    out = {}
    for name in ("sources", "observations", "metrics", "vocabulary", "interventions"):
        df, problems = csvio.read_table(data_dir, name)
        if df is None:
            raise SystemExit(f"training: {problems[0]}")
        out[name] = df.astype(str).replace({"nan": "", "<NA>": ""})
    return out


def quote_lines(lines: list[str], quote: str) -> list[tuple[int, int]]:
    """(line index, position) of each line that holds ``quote`` without cutting a number."""
    out = []
    for i, line in enumerate(lines):
        p = line.find(quote)
        while p != -1:
            if not _cuts_number(line, p, p + len(quote)):
                out.append((i, p))
                break
            p = line.find(quote, p + 1)
    return out


def _factors(unit_class: str, scale: float, money: bool) -> tuple[float, ...]:
    """The factors a reading may be multiplied by to give a curated value: its own unit word's
    scale, else (money) 1, 1 000 or 1 000 000 from the context, else 1."""
    if unit_class.startswith("money"):
        return (scale,)
    return (1.0, 1e3, 1e6) if money else (1.0,)


def label(tokens: pd.DataFrame, rows: pd.DataFrame, lines: list[str], money_units: set[str],
          aliases: dict[str, str] | None = None) -> pd.DataFrame:
    """The report's token table with label columns: one row per (token, curated row) it states,
    one row with an empty metric per token that states nothing."""
    tokens = tokens.reset_index(drop=True)
    by_line = {k: g for k, g in tokens.groupby("line")}
    assigned: list[tuple[int, dict]] = []
    occurrence: dict[tuple, int] = {}
    used: dict[int, set[int]] = {}
    unmatched = []
    for obs_line, r in rows.iterrows():
        hits = quote_lines(lines, r["quote"])
        if not hits:
            unmatched.append((obs_line, "quote not found"))
            continue
        key = (r["quote"], r["metric"], r["gender"], r["value"])
        k = occurrence.get(key, 0)
        occurrence[key] = k + 1
        i, pos = hits[min(k, len(hits) - 1)]
        g = by_line.get(i + 1)
        value = abs(float(r["value"]))
        money = r["unit"] in money_units
        best = None
        if g is not None:
            inside = g[(g["start"] >= pos) & (g["end"] <= pos + len(r["quote"])) & ~g["word"]]
            cands = []
            for idx, t in inside.iterrows():
                for f in _factors(t["unit_class"], t["scale"], money):
                    if abs(abs(t["number"]) * f - value) <= 1e-6 * max(1.0, value):
                        cands.append((not t["cell"], idx in used.get(i, set()), f != (t["scale"] or 1.0),
                                      t["start"], idx, f))
            if cands:
                best = min(cands)
        if best is None:
            unmatched.append((obs_line, "no number of the quote has the row's value"))
            continue
        idx, f = best[4], best[5]
        used.setdefault(i, set()).add(idx)
        assigned.append((idx, {
            "metric": r["metric"], "gender": r["gender"], "intervention": r["intervention"],
            "aliases": (aliases or {}).get(r["intervention"], ""),
            "period_start": r["period_start"], "period_end": r["period_end"], "dimension": r["dimension"],
            "category": r["category"], "unit": r["unit"], "value": r["value"],
            "sign": "-" if float(r["value"]) < 0 else "", "factor": f"{f:g}", "obs_line": str(obs_line),
        }))
    empty = {c: "" for c in LABELS}
    positives = pd.DataFrame([{**tokens.loc[idx].to_dict(), **lab} for idx, lab in assigned])
    taken = {idx for idx, _ in assigned}
    negatives = tokens[~tokens.index.isin(taken) & ~tokens["word"]].assign(**empty)
    out = pd.concat([positives, negatives], ignore_index=True) if len(positives) else negatives
    out.attrs["unmatched"] = unmatched
    return out.sort_values(["line", "start", "end", "metric"], kind="stable").reset_index(drop=True)


def build(data_dir: Path | None = None, sources_dir: Path | None = None) -> pd.DataFrame:
    """The training set from the curated tables and the source texts."""
    data_dir = paths.data_dir(data_dir)
    sources_dir = paths.sources_dir(sources_dir)
    t = _tables(data_dir)
    money_units = {c for v, c, k in zip(t["vocabulary"]["vocabulary"], t["vocabulary"]["code"],
                                        t["vocabulary"]["class"]) if v == "unit" and k == "money"}
    parts = []
    for _, s in t["sources"].iterrows():
        text = read_source(sources_dir / s["document"])
        lines = text.split("\n")
        if lines and lines[-1] == "":
            lines.pop()
        doc = Document(sources_dir / s["document"], lines)
        toks = document_tokens(doc.lines)
        rows = t["observations"][t["observations"]["source_id"] == s["source_id"]]
        iv = t["interventions"][t["interventions"]["association_id"] == s["association_id"]]
        labelled = label(toks, rows, doc.lines, money_units, dict(zip(iv["intervention"], iv["aliases"])))
        for c in REPORT:
            labelled[c] = s[c] if c in s else ""
        labelled["text_quality"] = s["text_quality"]
        parts.append(labelled)
    out = pd.concat(parts, ignore_index=True)
    return out[list(REPORT) + [c for c in out.columns if c not in REPORT]]


def to_bytes(df: pd.DataFrame) -> bytes:
    """The training set as gzip'd CSV, byte for byte the same for the same table (no time stamp)."""
    buf = io.StringIO()
    df.to_csv(buf, index=False, lineterminator="\n")
    return gzip.compress(buf.getvalue().encode("utf-8"), compresslevel=9, mtime=0)


def read(path: Path = SHIPPED) -> pd.DataFrame:
    """The shipped training set (strings and numbers as written)."""
    return pd.read_csv(path, dtype=str, keep_default_na=False, compression="gzip")


def main(argv=None) -> int:
    from finsam.core.files import write_atomic
    p = argparse.ArgumentParser(prog="python -m finsam.extract.training", description=__doc__.splitlines()[0])
    p.add_argument("--data", help="curated tables (default: $FINSAM_DATA or data/)")
    p.add_argument("--sources", help="source report texts (default: $FINSAM_SOURCES)")
    p.add_argument("--output", default=str(SHIPPED), help="where to write (default: the shipped file)")
    p.add_argument("--check", action="store_true", help="only compare with the shipped file; exit 1 if stale")
    args = p.parse_args(argv)
    df = build(Path(args.data) if args.data else None, Path(args.sources) if args.sources else None)
    data = to_bytes(df)
    if args.check:
        same = Path(args.output).is_file() and gzip.decompress(Path(args.output).read_bytes()) == gzip.decompress(data)
        print("training set is up to date" if same else f"training set {args.output} is stale: rebuild it with "
              "python -m finsam.extract.training", file=sys.stderr)
        return 0 if same else 1
    write_atomic(Path(args.output), data)
    pos = (df["metric"] != "").sum()
    print(f"wrote {args.output}: {len(df)} rows ({pos} labelled with a fact)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
