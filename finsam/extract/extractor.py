"""From a document to candidate rows: numbers found, the model trained from the shipped training
set, its predictions turned into rows (the code behind ``finsam extract REPORT``)."""
from __future__ import annotations

import re
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from finsam import csvio, paths
from finsam.errors import DataError, Problem

from . import training
from .candidates import THRESHOLD, Vocabulary, build
from .features import document_tokens, fold
from .model import Lexicon, Model, normal_name
from .text import Document

_MODELS: dict[tuple, Model] = {}


def trained_model(data: dict[str, pd.DataFrame], train: pd.DataFrame | None = None,
                  params: dict | None = None) -> Model:
    """The model trained on ``train`` (default: the shipped training set, trained once per
    process), with the lexicon of ``data``'s metrics and vocabulary."""
    lexicon = Lexicon.from_tables(data["metrics"], data["vocabulary"])
    if train is not None:
        return Model({**Model().params, **(params or {})}).fit(train, lexicon)
    key = (training.SHIPPED.stat().st_mtime_ns, tuple(sorted((params or {}).items())),
           tuple(lexicon.names), float(lexicon.totals.sum()))
    if key not in _MODELS:
        _MODELS[key] = Model({**Model().params, **(params or {})}).fit(training.read(), lexicon)
    return _MODELS[key]


def tables(data_dir: Path | None = None) -> dict[str, pd.DataFrame]:
    """The curated tables the extractor and apply read (as text), or a DataError naming the file."""
    data_dir = paths.data_dir(data_dir)
    out, problems = {}, []
    for name in ("vocabulary", "metrics", "categories", "associations", "interventions", "sources"):
        df, probs = csvio.read_table(data_dir, name)
        problems += probs
        if df is not None:
            out[name] = df.astype(object).where(df.notna(), "").astype(str)
    if problems:
        raise DataError(problems)
    return out


def vocabulary(data: dict[str, pd.DataFrame], association: str | None = None) -> Vocabulary:
    return Vocabulary.from_tables(data["metrics"], data["vocabulary"], data.get("categories"),
                                  data.get("interventions"), association)


_REPORT_YEAR = re.compile(r"(?:årsredovisning|arsredovisning|verksamhetsberättelse|verksamhetsberattelse|"
                          r"årsberättelse|arsberattelse)\D{0,20}((?:19|20)\d\d)", re.IGNORECASE)
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")


def guess_year(doc: Document) -> int | None:
    """The year a report covers, from its title ("Årsredovisning 2018") in its first lines, else
    the year most often printed in them."""
    head = "\n".join(doc.lines[:200])
    m = _REPORT_YEAR.search(head) or _REPORT_YEAR.search(doc.text)
    if m:
        return int(m.group(1))
    years = Counter(int(y) for y in _YEAR.findall(head))
    return years.most_common(1)[0][0] if years else None


def guess_association(doc: Document, associations: pd.DataFrame) -> str | None:
    """The association whose name the report's first lines print (None if none or several)."""
    head = normal_name(" ".join(doc.lines[:300]))
    hits = [a for a, name in zip(associations["association_id"], associations["name"])
            if len(normal_name(name)) > 6 and normal_name(name) in head]
    return hits[0] if len(hits) == 1 else None


@dataclass
class Extraction:
    candidates: pd.DataFrame
    report_year: int
    association: str | None
    seconds: dict  #: reading, tokens, model (training, once per process), predict


def extract(doc: Document, report_year: int, vocab: Vocabulary, model: Model,
            threshold: float = THRESHOLD) -> tuple[pd.DataFrame, dict]:
    """Candidate rows of a document, and the seconds each step took."""
    t1 = time.perf_counter()
    toks = document_tokens(doc.lines)
    t2 = time.perf_counter()
    pred = model.predict(toks)
    out = build(toks, pred, model, vocab, report_year, doc.pages or None, threshold)
    t3 = time.perf_counter()
    return out, {"tokens": t2 - t1, "predict": t3 - t2}


def check_year(year: int, shown: str) -> None:
    if not 1990 <= year <= 2100:
        raise DataError([Problem(shown, 0, f"report year {year} outside 1990-2100")])


__all__ = ["extract", "guess_year", "guess_association", "tables", "vocabulary", "trained_model", "fold"]
