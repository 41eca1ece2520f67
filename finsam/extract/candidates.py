"""Candidate rows: the model's reading of each number turned into the row a curator reviews.

Columns (the first twelve fixed by issue 24, then our own)::

    line, quote, value, unit, metric, gender, intervention, period_start, period_end,
    dimension, category, confidence, page, start, alternatives, reason

(``page``: the PDF page of the line; ``start``: where the number starts in the line, 0-based;
``alternatives``: the other metric the model considered, with its probability; ``reason``: what the
confidence is made of and where the scale, intervention and period came from.)

``quote`` is the sentence or clause of the line around the number (a table row: the whole line),
verbatim, never starting or ending inside a number, so it passes the provenance check; ``value``
is the number scaled to the row's unit (tkr and mkr to kronor); codes come from data/metrics.csv,
vocabulary.csv and categories.csv. ``confidence`` is the model's probability that the number
states this metric for this gender: P(fact) x P(metric | fact) x P(gender | fact).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from finsam.data import semantics
from finsam.data.provenance import _cuts_number

from .model import Model, normal_name, period_options

#: the output's columns, in order
from .curated import COLUMNS  # noqa: E402,F401  (the output columns; apply reads them from curated.py)
EXTRA = ("page", "start", "alternatives", "reason")
#: candidates below this confidence are not proposed (chosen with the leave-one-report-out
#: benchmark: bench/results-extract.md)
THRESHOLD = 0.1
#: a quote is at most this long (a longer sentence is cut at words around the number)
MAX_QUOTE = 160

_SENTENCE_END = re.compile(r"(?<!\d)[.!?;](?=\s|$)|\s[-\u2013]\s")


@dataclass
class Vocabulary:
    """What the candidates need from data/: each metric's unit and kind, the unit classes, the
    categories of each dimension, and (optionally) an association's known interventions."""

    metric_unit: dict[str, str]
    unit_class: dict[str, str]
    categories: dict[str, list[str]]
    interventions: dict[str, str]  #: normal name -> display name, of the association extracted for

    @classmethod
    def from_tables(cls, metrics: pd.DataFrame, vocabulary: pd.DataFrame, categories: pd.DataFrame | None,
                    interventions: pd.DataFrame | None = None, association: str | None = None) -> "Vocabulary":
        from finsam.data import semantics
        cats: dict[str, list[str]] = {}
        if categories is not None:
            for d, c in zip(categories["dimension"].astype(str), categories["category"].astype(str)):
                cats.setdefault(d, []).append(c)
        known: dict[str, str] = {}
        if interventions is not None and association:
            iv = interventions[interventions["association_id"].astype(str) == association]
            for name, aliases in zip(iv["intervention"].astype(str), iv["aliases"].fillna("").astype(str)):
                for n in [name, *[a for a in aliases.split(";") if a]]:
                    known.setdefault(normal_name(n), name)
        return cls(dict(zip(metrics["metric"].astype(str), metrics["unit"].astype(str))),
                   semantics.unit_classes(vocabulary), cats, known)

    def units_of(self, cls_: str) -> list[str]:
        return [u for u, c in self.unit_class.items() if c == cls_]


def quote_span(line: str, start: int, end: int) -> tuple[int, int]:
    """The span of the quote for a number at line[start:end]: its sentence (or clause), at most
    MAX_QUOTE characters, never cutting a number."""
    a = max((m.end() for m in _SENTENCE_END.finditer(line, 0, start)), default=0)
    m = _SENTENCE_END.search(line, end)
    b = m.end() if m else len(line)
    if b - a > MAX_QUOTE:  # cut at spaces around the number
        room = max(0, MAX_QUOTE - (end - start))
        a2 = line.rfind(" ", a, max(a, start - room // 2)) + 1 if start - a > room // 2 else a
        b2 = line.find(" ", min(b, end + room // 2), b) if b - end > room // 2 else b
        a, b = max(a, a2), (b2 if b2 > 0 else b)
    while a < start and line[a].isspace():
        a += 1
    while b > end and line[b - 1].isspace():
        b -= 1
    if _cuts_number(line, a, b):
        a, b = 0, len(line.rstrip())
        while a < start and line[a].isspace():
            a += 1
    return a, b


def scaled_value(number: float, unit_class: str, scale: float, money: bool, context_factor: str) -> tuple[float, float]:
    """(value in the row's unit, the factor applied): money is scaled to kronor by the number's own
    unit word (tkr, mkr, miljoner kronor), else by the scale the model read from the context (a table
    in tkr); anything else is the number as printed."""
    if not money:
        return number, 1.0
    if unit_class.startswith("money"):
        factor = scale
    else:
        try:
            factor = float(context_factor) if context_factor else 1.0
        except ValueError:
            factor = 1.0
    return number * factor, factor


def _fmt(v: float) -> str:
    if v == int(v):
        return str(int(v))
    return f"{v:.6f}".rstrip("0").rstrip(".")


def _category(dimension: str, texts: list[str], vocab: Vocabulary) -> str:
    """The declared category of ``dimension`` that the texts name (longest match), or ''."""
    best = ""
    hay = [normal_name(t) for t in texts if t]
    for c in vocab.categories.get(dimension, []):
        bare = c.split(":", 1)[1] if ":" in c and dimension == "income_source" else c
        n = normal_name(bare)
        if len(n) >= 2 and any(n in h for h in hay) and len(c) > len(best):
            best = c
    return best


def build(tokens: pd.DataFrame, pred: pd.DataFrame, model: Model, vocab: Vocabulary, report_year: int,
          pages: list[int] | None = None, threshold: float = THRESHOLD, second_metric: bool = True) -> pd.DataFrame:
    """The candidate rows of one report, sorted by line and position."""
    rows = []
    money_units = set(vocab.units_of("money"))
    percent_units = set(vocab.units_of(semantics.PERCENT_CLASS))
    count_units = set(vocab.units_of("count"))
    conf = (pred["p_fact"] * pred["metric_p"] * pred["gender_p"]).to_numpy()
    keep = _without_overlaps(tokens, conf, threshold)
    toks = tokens.iloc[keep].to_dict("records")
    preds = pred.iloc[keep].to_dict("records")
    named = [k for k, p in enumerate(preds) if p.get("scope") == "named"]
    names = dict(zip(named, model.names([toks[k] for k in named])))
    readings = []  # (token, which metric head answer): the best, and the runner-up when it is confident too
    for k, i in enumerate(keep):
        readings.append((k, i, "metric", float(conf[i])))
        p = preds[k]
        second = float(p["p_fact"] * p["metric2_p"] * p["gender_p"])
        if second_metric and p["metric2"] != p["metric"] and second >= threshold:
            readings.append((k, i, "metric2", second))
    for k, i, which, confidence in readings:
        t, p = toks[k], preds[k]
        metric = str(p[which])
        other = "metric2" if which == "metric" else "metric"
        unit = vocab.metric_unit.get(metric, "")
        number = float(t["number"])
        reasons = [f"fact {p['p_fact']:.2f}", f"metric {p[which + '_p']:.2f}", f"gender {p['gender_p']:.2f}"]
        value, factor = scaled_value(number, str(t["unit_class"]), float(t["scale"]), unit in money_units,
                                     str(p.get("factor", "") or ""))
        if value < 0 and not model.keeps_sign.get(metric, True):
            value = -value
            reasons.append(f"the minus sign dropped: curated {metric} rows store the amount")
        if factor != 1 and not str(t["unit_class"]).startswith("money"):
            reasons.append(f"scale x{factor:g} from the context ({float(p.get('factor_p', 0)):.2f})")
        if unit in count_units and str(p.get("count_unit", "")) in count_units:
            unit = str(p["count_unit"])
        if unit not in money_units | percent_units and str(t["unit_class"]) == semantics.PERCENT_CLASS:
            reasons.append("printed as a percentage but the metric is a count")
        if str(t["word"]) == "True":
            reasons.append("written as a word: the provenance check needs digits; record it where the report "
                           "prints the number")
        line = str(t["line_text"])
        a, b = quote_span(line, int(t["start"]), int(t["unit_end"]))
        # intervention
        intervention = "ALL"
        if p.get("scope") == "named":
            name, np_ = names[k]
            if name:
                intervention = vocab.interventions.get(normal_name(name), name)
                reasons.append(f"intervention from the text ({np_:.2f})")
            else:
                reasons.append("about one intervention, but no name found near it")
        # period
        options = period_options(t, report_year)
        relation = str(p.get("period", "report") or "report")
        start_y, end_y = options.get(relation, options["report"])
        if relation != "report":
            reasons.append(f"period from the {relation}")
        # breakdown
        dimension = category = ""
        dim = str(p.get("dimension", "none"))
        if dim not in ("none", "") and float(p.get("dimension_p", 0)) >= 0.5:
            category = _category(dim, [str(t["rowlabel"]), str(t["column"]), line[a:b]], vocab)
            if category:
                dimension = dim
            else:
                reasons.append(f"a breakdown by {dim}? no declared category named")
        alternatives = f"{p[other]} {p[other + '_p']:.2f}" if str(p.get(other, "")) not in ("", metric) else ""
        line_no = int(t["line"])
        rows.append({
            "line": line_no, "quote": line[a:b], "value": _fmt(value), "unit": unit, "metric": metric,
            "gender": str(p["gender"]), "intervention": intervention, "period_start": start_y, "period_end": end_y,
            "dimension": dimension, "category": category, "confidence": round(confidence, 3),
            "page": pages[line_no - 1] if pages else "", "alternatives": alternatives, "reason": "; ".join(reasons),
            "start": int(t["start"]),
        })
    out = pd.DataFrame(rows, columns=[*COLUMNS, *EXTRA])
    return out.sort_values(["line", "start"], kind="stable").reset_index(drop=True)


def _without_overlaps(tokens: pd.DataFrame, conf: np.ndarray, threshold: float) -> list[int]:
    """Positions of the readings to propose: confident enough, and of readings that overlap in a
    line ("22 000" inside "22 000 000") only the most confident."""
    order = [i for i in np.argsort(-conf, kind="stable") if conf[i] >= threshold]
    taken: dict[int, list[tuple[int, int]]] = {}
    keep = []
    lines, starts, ends = (tokens[c].astype(int).to_numpy() for c in ("line", "start", "end"))
    for i in order:
        spans = taken.setdefault(lines[i], [])
        if any(starts[i] < e and s < ends[i] for s, e in spans):
            continue
        spans.append((starts[i], ends[i]))
        keep.append(i)
    return sorted(keep)
