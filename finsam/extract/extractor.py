"""From a document to candidate rows: numbers found, the model trained from the shipped training
set, its predictions turned into rows (the code behind ``finsam extract REPORT``)."""
from __future__ import annotations

import hashlib
import io
import json
import re
import time
from collections import Counter
from pathlib import Path

import numpy as np
import pandas as pd

from finsam.core import paths
from finsam.core.files import write_atomic

from . import training
from .candidates import THRESHOLD, Vocabulary, build
from .features import document_tokens
from .model import DEFAULTS, Lexicon, Model, from_data, normal_name, to_data
from .text import Document

_MODELS: dict[tuple, Model] = {}


def trained_model(data: dict[str, pd.DataFrame], train: pd.DataFrame | None = None,
                  params: dict | None = None, training_file: Path | None = None) -> Model:
    """The model trained on ``train`` with the lexicon of ``data``'s metrics and vocabulary.

    Without ``train``: the model of ``training_file`` (default: the shipped training set), trained
    once per process and cached
    as data (JSON and .npz, never a pickle) in the user cache directory, under a key of everything
    it depends on (the training set, the lexicon, the settings, the code that computes features,
    scikit-learn's version)."""
    lexicon = Lexicon.from_tables(data["metrics"], data["vocabulary"])
    params = {**DEFAULTS, **(params or {})}
    if train is not None:
        return Model(params).fit(train, lexicon)
    training_file = Path(training_file) if training_file else training.SHIPPED
    key = _model_key(lexicon, params, training_file)
    if key in _MODELS:
        return _MODELS[key]
    folder = paths.cache_dir() / "extract"
    desc_path, arrays_path = folder / f"model-{key[:24]}.json", folder / f"model-{key[:24]}.npz"
    model = None
    if desc_path.is_file() and arrays_path.is_file():
        try:
            desc = json.loads(desc_path.read_text(encoding="utf-8"))
            with np.load(arrays_path, allow_pickle=False) as arrays:
                model = from_data(desc, dict(arrays), lexicon)
        except (OSError, ValueError, KeyError):  # a damaged cache entry is trained anew
            model = None
    if model is None:
        model = Model(params).fit(training.read(training_file), lexicon)
        try:
            desc, arrays = to_data(model)
            buf = io.BytesIO()
            np.savez_compressed(buf, **arrays)
            write_atomic(arrays_path, buf.getvalue())
            write_atomic(desc_path, json.dumps(desc).encode("utf-8"))
        except OSError:  # no cache (read-only home): train again next time
            pass
    _MODELS[key] = model
    return model


def _model_key(lexicon: Lexicon, params: dict, training_file: Path) -> str:
    import sklearn
    h = hashlib.sha256()
    h.update(training_file.read_bytes())
    h.update(json.dumps([lexicon.names, lexicon.texts, params, sklearn.__version__], sort_keys=True).encode())
    here = Path(__file__).resolve().parent
    for name in ("numbers.py", "features.py", "model.py", "training.py"):
        h.update((here / name).read_bytes())
    return h.hexdigest()


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
