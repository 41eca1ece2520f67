"""The learned part: which numbers state a fact, and which fact.

Trained at run time from the shipped training set (:mod:`finsam.extract.training`), with
scikit-learn's logistic regression on sparse text features (character n-grams of the words
around the number, robust to OCR noise; the words at fixed positions; the words of the clause,
headings, table header, column and row label; the number's shape):

- ``fact``: does this reading state a fact of the vocabulary (binary, on every reading);
- ``metric``: which metric (on the readings that state one);
- ``gender``, ``scope`` (ALL or a named intervention), ``dimension``, ``period`` (which year the
  figure refers to, as a relation: the report's year, the previous one, a year in its column, ...),
  ``factor`` (for money without its own unit word: kronor, tkr or mkr from the context) and
  ``count_unit`` (persons, participations, ...): each on the readings that state a fact;
- the intervention's name: a ranker over the names the text offers around the number (the row
  label of a table line, the headings above, capitalised names in the sentence and the lines
  before), each described by where it comes from, never by what it says.

A prediction is a table with one row per reading, the probability that it states a fact and,
for each classifier, the most likely class and its probability.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from scipy import sparse
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer
from sklearn.linear_model import LogisticRegression

from .features import fold, model_inputs, words

#: model settings; the benchmark's leave-one-report-out numbers chose them (bench/extract.py)
DEFAULTS = {
    "window": 40,  # characters of context on each side in the character n-gram features
    "C_fact": 0.1,
    "C_class": 3.0,
    "C_name": 1.0,
    # the lexicon's scores (descriptions of metrics.csv): no gain in leave-one-out at weights 1, 3 and
    # 5, and training four times slower (dense columns slow L-BFGS); off, kept as a measured option
    "lexicon_weight": 0.0,
}

_YEARS = re.compile(r"(?<![\d-])((?:19|20)\d\d)(?:\s*[-\u2013/]\s*((?:19|20)\d\d))?(?![\d])")


def normal_name(name: str) -> str:
    """A name compared across spellings: lower case, no diacritics, letters and digits only
    ("Möjliggörarna", "Mojliggorarna" and "MÖJLIGGÖRARNA" are one name)."""
    return re.sub(r"[^a-z0-9]", "", fold(name))


# ------------------------------------------------------------------------------------------ lexicon
def intervention_names(row) -> set[str]:
    """The curated intervention of a labelled row and its aliases, as normal names."""
    names = [row["intervention"], *[a for a in str(row["aliases"]).split(";") if a]]
    return {normal_name(n) for n in names} - {""}


def _prefixes(text: str, n: int = 7) -> set[str]:
    return {w[:n] for w in words(fold(text)) if len(w) > 1}


class Lexicon:
    """What the data's own labels and descriptions say each code is called: the Swedish label and
    description of every metric (metrics.csv) and gender (vocabulary.csv), as word prefixes weighted
    by how few entries share them. A number whose context shares rare words with a metric's
    description ("nyinskrivna" with participants_new: "nya, nyinskrivna, inflöde") scores high for
    it, whichever report taught the model; the model learns how much to trust each score."""

    def __init__(self, entries: dict[str, str]):
        self.names = list(entries)
        self.texts = list(entries.values())
        sets = [_prefixes(t) for t in entries.values()]
        df: dict[str, int] = {}
        for st in sets:
            for w in st:
                df[w] = df.get(w, 0) + 1
        n = len(sets)
        self.index: dict[str, list[tuple[int, float]]] = {}
        totals = np.zeros(n)
        for k, st in enumerate(sets):
            for w in st:
                idf = float(np.log((1 + n) / (1 + df[w])))
                self.index.setdefault(w, []).append((k, idf))
                totals[k] += idf
        self.totals = np.where(totals > 0, totals, 1.0)

    @classmethod
    def from_tables(cls, metrics: pd.DataFrame, vocabulary: pd.DataFrame) -> "Lexicon":
        entries = {f"m:{m}": f"{a} {b}" for m, a, b in zip(metrics["metric"], metrics["label_sv"],
                                                            metrics["description_sv"])}
        g = vocabulary[vocabulary["vocabulary"].astype(str) == "gender"]
        entries |= {f"g:{c}": f"{a} {b}" for c, a, b in zip(g["code"], g["label_sv"], g["noun_sv"].fillna(""))}
        return cls(entries)

    def scores(self, texts: list[str]) -> np.ndarray:
        """Share of each entry's (weighted) words that each text contains."""
        out = np.zeros((len(texts), len(self.names)), dtype=np.float32)
        for i, t in enumerate(texts):
            for w in _prefixes(t):
                for k, idf in self.index.get(w, ()):
                    out[i, k] += idf
        return out / self.totals


# ------------------------------------------------------------------------------------------ features
#: the contexts the lexicon scores a number in
LEXICON_CONTEXTS = ("near", "clause", "column", "rowlabel", "headings")


class Features:
    """Sparse features of token rows: character n-grams of the left and right windows, binary word
    features (positional words, context words, shape) and lexicon scores."""

    def __init__(self, window: int = 40, lexicon: Lexicon | None = None, lexicon_weight: float = 1.0):
        self.window = window
        self.lexicon = lexicon
        self.lexicon_weight = lexicon_weight
        self.left = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 4), sublinear_tf=True, min_df=2,
                                    dtype=np.float32)
        self.right = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 4), sublinear_tf=True, min_df=2,
                                     dtype=np.float32)
        self.words = CountVectorizer(token_pattern=r"\S+", binary=True, lowercase=False, min_df=2, dtype=np.float32)

    def _frame(self, df: pd.DataFrame) -> pd.DataFrame:
        x = model_inputs(df)
        x["left"] = x["left"].str[-self.window:]
        x["right"] = x["right"].str[: self.window]
        x["bag"] = x["near"] + " " + x["context"] + " " + x["table"] + " " + x["shape"]
        return x

    def _lexical(self, df: pd.DataFrame, x: pd.DataFrame):
        if self.lexicon is None or not self.lexicon_weight:
            return sparse.csr_matrix((len(df), 0), dtype=np.float32)
        blocks = [self.lexicon.scores(x[f"lex_{c}"].tolist()) for c in LEXICON_CONTEXTS]
        return sparse.csr_matrix(np.hstack(blocks) * self.lexicon_weight)

    def fit_transform(self, df: pd.DataFrame):
        x = self._frame(df)
        return sparse.hstack([self.left.fit_transform(x["left"]), self.right.fit_transform(x["right"]),
                              self.words.fit_transform(x["bag"]), self._lexical(df, x)], format="csr")

    def transform(self, df: pd.DataFrame):
        x = self._frame(df)
        return sparse.hstack([self.left.transform(x["left"]), self.right.transform(x["right"]),
                              self.words.transform(x["bag"]), self._lexical(df, x)], format="csr")


# ------------------------------------------------------------------------------------------ periods
#: where the years a figure refers to are read from, in the order labels are assigned
PERIOD_RELATIONS = ("report", "column", "left", "right", "header", "heading", "previous")


def _spans(text: str) -> list[tuple[int, int, int]]:
    """(position, first year, last year) of each year or span of years in ``text``."""
    out = []
    for m in _YEARS.finditer(text):
        a = int(m.group(1))
        b = int(m.group(2)) if m.group(2) else a
        if a <= b:
            out.append((m.start(), a, b))
    return out


def period_options(row, report_year: int) -> dict[str, tuple[int, int]]:
    """The periods each relation offers for a token row (relations that offer none are left out)."""
    out = {"report": (report_year, report_year), "previous": (report_year - 1, report_year - 1)}
    line, start, end = str(row["line_text"]), int(row["start"]), int(row["unit_end"])
    left = [s for s in _spans(line[:start])]
    right = [s for s in _spans(line[end:])]
    if left:
        out["left"] = left[-1][1:]
    if right:
        out["right"] = right[0][1:]
    for rel, text in (("column", row["column"]), ("header", row["header"]), ("heading", row["heading"])):
        s = _spans(str(text))
        if s:
            out[rel] = s[0][1:]
    return out


def period_label(row, report_year: int) -> str:
    """The first relation whose period is the curated one ('' where none gives it)."""
    target = (int(row["period_start"]), int(row["period_end"]))
    options = period_options(row, report_year)
    return next((r for r in PERIOD_RELATIONS if options.get(r) == target), "")


# ------------------------------------------------------------------------------------------ names
_CAPITALISED = re.compile(r"(?:[A-ZÅÄÖÉ][\w/&-]*)(?:\s+(?:i|för|och|med|till|på|av|for|pa|[A-ZÅÄÖÉ0-9][\w/.&-]*))*")
_SECTION_NUMBER = re.compile(r"^\s*(?:#+\s*)?(?:\d+(?:\.\d+)*\.?\s*)")
NAME_SOURCES = ("row", "column", "h1", "h2", "h3", "h4", "h5", "h6", "line", "prev")


def _clean_name(text: str) -> str:
    s = re.sub(r"<[^>]+>", "", text)
    s = _SECTION_NUMBER.sub("", s).strip(" \t|:;,.-*#_")
    return re.sub(r"\s+", " ", s)


def name_options(row, headings: list[str] | None = None) -> list[tuple[str, str, int]]:
    """(source, name as the report writes it, rank within the source) for a token row."""
    out = []
    if str(row["rowlabel"]).strip():
        out.append(("row", _clean_name(str(row["rowlabel"])), 0))
    if str(row["column"]).strip():
        out.append(("column", _clean_name(str(row["column"]).split(" / ")[-1]), 0))
    hs = headings if headings is not None else [h for h in str(row.get("headings", "")).split("\x1f") if h]
    for k, h in enumerate(hs[:6]):
        out.append((f"h{k + 1}", _clean_name(h), k))
    for src, text in (("line", row["line_text"]), ("prev", row["prev_text"])):
        for k, m in enumerate(_CAPITALISED.finditer(str(text))):
            name = _clean_name(m.group())
            if len(normal_name(name)) >= 3:
                out.append((src, name, k))
    seen, uniq = set(), []
    for src, name, k in out:
        n = normal_name(name)
        if n and (src, n) not in seen and not n.isdigit():
            seen.add((src, n))
            uniq.append((src, name, k))
    return uniq


def name_matches(candidate: str, targets: set[str]) -> bool:
    n = normal_name(candidate)
    return bool(n) and any(t == n or (len(t) >= 4 and t in n and len(n) <= 3 * len(t)) for t in targets)


def _name_features(src: str, name: str, rank: int) -> str:
    ws = words(fold(name))
    letters = [c for c in name if c.isalpha()]
    upper = sum(c.isupper() for c in letters) / len(letters) if letters else 0
    f = [f"src={src}", f"src_rank={src}{min(rank, 3)}", f"nwords={min(len(ws), 6)}",
         f"upper={round(upper, 1)}", f"first_upper={int(name[:1].isupper())}",
         f"has_digit={int(any(c.isdigit() for c in name))}", f"long={int(len(name) > 40)}"]
    f += [f"w={w[:5]}" for w in ws[:4]]
    return " ".join(f)


# ------------------------------------------------------------------------------------------ model
def _lr(C: float, **kw) -> LogisticRegression:
    return LogisticRegression(C=C, max_iter=400, tol=1e-3, **kw)


@dataclass
class Model:
    """Classifiers trained from the training set (see the module's docstring)."""

    params: dict = field(default_factory=lambda: dict(DEFAULTS))
    features: Features | None = None
    fact: LogisticRegression | None = None
    heads: dict = field(default_factory=dict)  #: target -> LogisticRegression or a constant class
    namer: tuple | None = None  #: (vectorizer, LogisticRegression)
    #: metric -> whether the curated rows keep a printed minus sign (a cost printed "-1 753,0" in an
    #: income statement is stored as 1753000; a result of -461 stays negative): learned from the rows
    keeps_sign: dict = field(default_factory=dict)

    # -- training
    def fit(self, train: pd.DataFrame, lexicon: Lexicon | None = None) -> "Model":
        """Train every head on ``train`` (rows of the training set); ``lexicon`` scores contexts
        against the data's labels and descriptions (None: without those features)."""
        p = self.params
        train = train.reset_index(drop=True)
        key = ["source_id", "line", "start", "end"]
        tokens = train.drop_duplicates(key).reset_index(drop=True)
        self.features = Features(p["window"], lexicon, p["lexicon_weight"])
        X_tok = self.features.fit_transform(tokens)
        positive_keys = set(map(tuple, train.loc[train["metric"] != "", key].to_numpy()))
        y_fact = np.array([tuple(k) in positive_keys for k in tokens[key].to_numpy()])
        self.fact = _lr(p["C_fact"], class_weight="balanced").fit(X_tok, y_fact)
        pos = train[train["metric"] != ""].reset_index(drop=True)
        X_pos = self.features.transform(pos)
        targets = self.targets(pos)
        for name, y in targets.items():
            keep = y != ""
            classes = np.unique(y[keep])
            if len(classes) == 1:
                self.heads[name] = str(classes[0])
            elif len(classes) > 1:
                self.heads[name] = _lr(p["C_class"]).fit(X_pos[np.flatnonzero(keep)], y[keep])
        self._fit_namer(pos)
        printed_negative = pos[pos["number"].astype(float) < 0]
        stored_negative = printed_negative["sign"] == "-"
        self.keeps_sign = {m: bool(g.mean() >= 0.5) for m, g in stored_negative.groupby(printed_negative["metric"])}
        return self

    @staticmethod
    def targets(pos: pd.DataFrame) -> dict[str, np.ndarray]:
        """What each classifier learns, from the labelled rows."""
        years = pos["report_year"].astype(int)
        money = pos["factor"].astype(str)
        own_unit = pos["unit_class"].astype(str).str.startswith("money")
        return {
            "metric": pos["metric"].to_numpy(dtype=object),
            "gender": pos["gender"].to_numpy(dtype=object),
            "scope": np.where(pos["intervention"] == "ALL", "ALL", "named").astype(object),
            "dimension": pos["dimension"].replace("", "none").to_numpy(dtype=object),
            "period": np.array([period_label(r, y) or "" for (_, r), y in zip(pos.iterrows(), years)], dtype=object),
            "factor": np.where(own_unit | (money == ""), "", money).astype(object),
            "count_unit": pos["unit"].to_numpy(dtype=object),
        }

    def _fit_namer(self, pos: pd.DataFrame) -> None:
        named = pos[pos["intervention"] != "ALL"]
        texts, ys = [], []
        for _, r in named.iterrows():
            targets = intervention_names(r)
            for src, name, rank in name_options(r):
                texts.append(_name_features(src, name, rank))
                ys.append(name_matches(name, targets))
        if len(set(ys)) < 2:
            self.namer = None
            return
        vec = CountVectorizer(token_pattern=r"\S+", binary=True, lowercase=False, dtype=np.float32)
        self.namer = (vec, _lr(self.params["C_name"], class_weight="balanced").fit(vec.fit_transform(texts), ys))

    # -- prediction
    def predict(self, tokens: pd.DataFrame) -> pd.DataFrame:
        """One row per token row: p_fact, and for each head its class and probability; the metric
        also with its runner-up."""
        out = pd.DataFrame(index=tokens.index)
        if tokens.empty:
            for c in ("p_fact", *[f"{h}{s}" for h in ("metric", "gender", "scope", "dimension", "period", "factor",
                                                      "count_unit") for s in ("", "_p")], "metric2", "metric2_p"):
                out[c] = pd.Series(dtype=float if c.endswith("_p") or c == "p_fact" else object)
            return out
        X = self.features.transform(tokens)
        out["p_fact"] = self.fact.predict_proba(X)[:, list(self.fact.classes_).index(True)]
        for name, head in self.heads.items():
            if isinstance(head, str):
                out[name], out[f"{name}_p"] = head, 1.0
                continue
            P = head.predict_proba(X)
            order = np.argsort(-P, axis=1)
            out[name] = head.classes_[order[:, 0]]
            out[f"{name}_p"] = P[np.arange(len(P)), order[:, 0]]
            if name == "metric":
                second = order[:, 1] if P.shape[1] > 1 else order[:, 0]
                out["metric2"] = head.classes_[second]
                out["metric2_p"] = P[np.arange(len(P)), second]
        return out

    def names(self, rows: list) -> list[tuple[str, float]]:
        """For each token row, the intervention name the text offers and the ranker's probability
        ('' where it offers none)."""
        options = [name_options(r) for r in rows]
        flat = [o for opts in options for o in opts]
        if not flat or self.namer is None:
            return [("", 0.0)] * len(rows)
        vec, clf = self.namer
        P = clf.predict_proba(vec.transform([_name_features(*o) for o in flat]))[:, list(clf.classes_).index(True)]
        out, k = [], 0
        for opts in options:
            if not opts:
                out.append(("", 0.0))
                continue
            best = k + int(np.argmax(P[k:k + len(opts)]))
            out.append((flat[best][1], float(P[best])))
            k += len(opts)
        return out


# ------------------------------------------------------------------------------------------ as data
# A trained model is cached as data (JSON for vocabularies and classes, .npz for the numbers),
# never as a pickle: nothing executable is read back from the cache.
def _vectorizer_data(vec, arrays: dict, key: str) -> dict:
    d = {"vocabulary": {k: int(v) for k, v in vec.vocabulary_.items()}}
    if hasattr(vec, "idf_"):
        arrays[f"{key}.idf"] = vec.idf_
    return d


def _restore_vectorizer(vec, d: dict, arrays, key: str):
    vec.vocabulary_ = d["vocabulary"]
    vec.fixed_vocabulary_ = False
    if f"{key}.idf" in arrays:
        vec.idf_ = arrays[f"{key}.idf"]
    return vec


def _lr_data(clf: LogisticRegression, arrays: dict, key: str) -> dict:
    arrays[f"{key}.coef"] = clf.coef_
    arrays[f"{key}.intercept"] = clf.intercept_
    classes = clf.classes_.tolist()
    return {"classes": classes, "C": clf.C}


def _restore_lr(d: dict, arrays, key: str) -> LogisticRegression:
    clf = LogisticRegression(C=d["C"])
    classes = d["classes"]
    clf.classes_ = np.array(classes, dtype=bool if all(isinstance(c, bool) for c in classes) else object)
    clf.coef_ = arrays[f"{key}.coef"]
    clf.intercept_ = arrays[f"{key}.intercept"]
    clf.n_features_in_ = clf.coef_.shape[1]
    return clf


def to_data(model: Model) -> tuple[dict, dict]:
    """(JSON-able description, arrays) of a trained model."""
    arrays: dict = {}
    f = model.features
    desc = {"params": model.params, "window": f.window, "lexicon_weight": f.lexicon_weight,
            "left": _vectorizer_data(f.left, arrays, "left"), "right": _vectorizer_data(f.right, arrays, "right"),
            "words": _vectorizer_data(f.words, arrays, "words"), "fact": _lr_data(model.fact, arrays, "fact"),
            "heads": {name: (h if isinstance(h, str) else _lr_data(h, arrays, f"head.{name}"))
                      for name, h in model.heads.items()}, "keeps_sign": model.keeps_sign}
    if model.namer is not None:
        desc["namer"] = {"vectorizer": _vectorizer_data(model.namer[0], arrays, "namer.vec"),
                         "clf": _lr_data(model.namer[1], arrays, "namer.clf")}
    return desc, arrays


def from_data(desc: dict, arrays, lexicon: Lexicon | None) -> Model:
    f = Features(desc["window"], lexicon, desc["lexicon_weight"])
    _restore_vectorizer(f.left, desc["left"], arrays, "left")
    _restore_vectorizer(f.right, desc["right"], arrays, "right")
    _restore_vectorizer(f.words, desc["words"], arrays, "words")
    m = Model(dict(desc["params"]), f, _restore_lr(desc["fact"], arrays, "fact"))
    m.heads = {name: (h if isinstance(h, str) else _restore_lr(h, arrays, f"head.{name}"))
               for name, h in desc["heads"].items()}
    m.keeps_sign = dict(desc["keeps_sign"])
    if "namer" in desc:
        vec = CountVectorizer(token_pattern=r"\S+", binary=True, lowercase=False, dtype=np.float32)
        m.namer = (_restore_vectorizer(vec, desc["namer"]["vectorizer"], arrays, "namer.vec"),
                   _restore_lr(desc["namer"]["clf"], arrays, "namer.clf"))
    return m
