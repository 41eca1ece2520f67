"""Reviewing a report's candidates in a notebook (notebooks/add_report.ipynb): the candidates with
their surrounding lines, sorted and filtered, accepted or rejected, saved as the reviewed CSV,
applied, and the association's pages rendered. Plain functions over the same code as
``finsam extract``; the notebook only calls them."""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from finsam.core import paths

from finsam.extract import apply as _apply
from finsam.extract.candidates import THRESHOLD
from finsam.extract.curated import tables
from finsam.extract.extractor import extract, guess_association, guess_year, trained_model, vocabulary
from finsam.extract.text import read_document


class Session:
    """One report under review. ``candidates`` is the extractor's table with an ``accept`` column."""

    def __init__(self, report, association: str | None = None, year: int | None = None, data_dir=None,
                 training=None, threshold: float | None = None):
        self.report = Path(report)
        self.data_dir = paths.data_dir(data_dir)
        self.doc = read_document(self.report)
        data = tables(self.data_dir)
        self.year = year or guess_year(self.doc)
        if self.year is None:
            raise ValueError(f"{self.report}: no report year in the text: give year")
        self.association = association or guess_association(self.doc, data["associations"])
        model = trained_model(data, training_file=Path(training) if training else None)
        cands, self.seconds = extract(self.doc, self.year, vocabulary(data, self.association), model,
                                      THRESHOLD if threshold is None else threshold)
        self.candidates = cands.assign(accept="")

    def summary(self) -> pd.DataFrame:
        """What was read: lines, pages, how, text quality, year, association, candidates."""
        return pd.DataFrame({"": [str(self.report), len(self.doc.lines), max(self.doc.pages) if self.doc.pages else "",
                                  self.doc.method, self.doc.text_quality, self.year, self.association or "",
                                  len(self.candidates)]},
                            index=["report", "lines", "pages", "read as", "text quality", "year", "association",
                                   "candidates"])

    def context(self, line: int, around: int = 1) -> str:
        """The line and ``around`` lines on each side, the line itself marked with '>'."""
        lines = self.doc.lines
        out = []
        for k in range(max(1, line - around), min(len(lines), line + around) + 1):
            out.append(f"{'>' if k == line else ' '}{k:>5}  {lines[k - 1]}")
        return "\n".join(out)

    def view(self, *, min_confidence: float = 0.0, metric: str | None = None, gender: str | None = None,
             contains: str | None = None, around: int = 1, sort: str = "confidence") -> pd.DataFrame:
        """The candidates to review: filtered, sorted (most confident first), each with its lines."""
        c = self.candidates
        keep = c["confidence"] >= min_confidence
        if metric:
            keep &= c["metric"].str.startswith(metric)
        if gender:
            keep &= c["gender"] == gender
        if contains:
            keep &= c["quote"].str.contains(contains, case=False, regex=False)
        v = c[keep].copy()
        v.insert(1, "context", [self.context(int(ln), around) for ln in v["line"]])
        ascending = sort not in ("confidence", "value")
        return v.sort_values(sort, ascending=ascending, kind="stable")

    def accept(self, rows) -> int:
        """Mark rows (index labels, or a filtered view) accepted; returns how many are accepted now."""
        self.candidates.loc[self._known(rows), "accept"] = "yes"
        return int((self.candidates["accept"] == "yes").sum())

    def reject(self, rows) -> int:
        self.candidates.loc[self._known(rows), "accept"] = "no"
        return int((self.candidates["accept"] == "yes").sum())

    def _known(self, rows) -> list:
        labels = _index(rows)
        unknown = [r for r in labels if r not in self.candidates.index]
        if unknown:
            raise KeyError(f"no candidate row {unknown[0]!r} (rows are 0-{len(self.candidates) - 1})")
        return labels

    def note(self, notes: dict) -> None:
        """Give rows a note ({row: text}): where the report contradicts itself, validation asks for the
        curator's explanation starting 'conflict:' (or 'rounding:' for a rounded restatement)."""
        if "note" not in self.candidates:
            self.candidates["note"] = ""
        for row, text in notes.items():
            self.candidates.loc[self._known([row]), "note"] = text

    def save(self, path) -> Path:
        """Write the reviewed CSV (the candidates with their accept column) for apply."""
        from finsam.core.files import write_atomic
        path = Path(path)
        write_atomic(path, self.candidates.to_csv(index=False, lineterminator="\n").encode("utf-8"))
        return path

    def apply(self, reviewed, source_id: str, sources_dir=None, **kw) -> _apply.Result:
        """Add the reviewed CSV's accepted rows to the data (validated first; nothing written on a
        problem, which is raised as an ApplyError naming the reviewed lines)."""
        return _apply.apply(Path(reviewed), self.doc, source_id, self.data_dir, sources_dir, **kw)

    def render(self, output, sources_dir=None, jobs: int = 1) -> list[str]:
        """Render the association's pages with the data as it is now; returns the pages written."""
        from finsam.core.errors import ParameterError
        from finsam.site.render import render
        output = Path(output)
        try:
            code = render(associations=[self.association] if self.association else None, data_dir=self.data_dir,
                          sources_dir=sources_dir, output=output, jobs=jobs, progress=False)
        except ParameterError as e:  # no page has data for the association yet
            print(f"no pages: {e}")
            return []
        if code != 0:
            raise RuntimeError(f"finsam render failed (exit status {code}); see the messages above")
        return sorted(p.relative_to(output).as_posix() for p in output.rglob("*.html")
                      if self.association and f"/{self.association}/" in f"/{p.relative_to(output).as_posix()}")


def _index(rows) -> list:
    """Row labels of the candidates table: of a filtered view, a boolean mask, or a list of labels
    (papermill passes a dict's keys as text: '12' is row 12). An unknown label is an error, not a
    new row."""
    if isinstance(rows, pd.DataFrame):
        return list(rows.index)
    if isinstance(rows, pd.Series) and rows.dtype == bool:
        return list(rows[rows].index)
    out = [int(r) if isinstance(r, str) and r.strip().isdigit() else r for r in rows]
    return out
