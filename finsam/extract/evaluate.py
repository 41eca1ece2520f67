"""Leave-one-report-out: train on three curated reports, extract the fourth with the same code
as ``finsam extract``, and compare its candidates with the fourth report's curated rows.

- A curated *fact* is a distinct (value, metric, gender) of the report's rows; it is found when a
  candidate has the same three (recall); ``recall_full`` also asks for the same intervention
  (by name or alias) and period.
- *Precision* is the share of candidates whose (value, metric, gender) is a curated fact.
- Facts are grouped into families by what data/metrics.csv says of their metric (the flows a goal
  is set for, exits by reason, rates, goals, money, breakdowns, other) and *core* facts (flows,
  exits by reason and the work-or-studies rate, by gender, about everyone in the group).
- Each missed fact gets a cause, read from where its quote's number is in the text.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from finsam.core import paths
from finsam.data import semantics

from . import training
from .candidates import THRESHOLD, Vocabulary
from .curated import tables
from .extractor import extract
from .features import document_tokens
from .model import Model, normal_name
from .text import read_document

FAMILIES = ("flows", "exit reasons", "rates", "goals", "money", "breakdowns", "other")


def families(metrics: pd.DataFrame) -> dict[str, str]:
    """metric -> family, from the metrics' kinds, outcomes, timings and goals."""
    goal_targets = set(metrics["goal_of"].astype(str)) - {""}
    out = {}
    for m, kind, outcome, timing in zip(metrics["metric"], metrics["metric_kind"], metrics["outcome"],
                                        metrics["timing"]):
        if kind == "goal":
            out[m] = "goals"
        elif kind == "money":
            out[m] = "money"
        elif kind in ("rate", "share") and timing != "followup":
            out[m] = "rates"
        elif kind == "count" and outcome and timing == "exit":
            out[m] = "exit reasons"
        elif kind == "count" and not outcome and m in goal_targets:
            out[m] = "flows"
        else:
            out[m] = "other"
    return out


def core_metrics(metrics: pd.DataFrame) -> set[str]:
    """Flows, exits by reason, and the work-or-studies rate at exit."""
    fam = families(metrics)
    rate = {m for m, kind, outcome, timing in zip(metrics["metric"], metrics["metric_kind"], metrics["outcome"],
                                                  metrics["timing"])
            if kind == "rate" and outcome == semantics.SUM_OUTCOME and timing == "exit"}
    return {m for m, f in fam.items() if f in ("flows", "exit reasons")} | rate


def _value(v) -> float:
    return round(float(v), 4)


#: candidates are kept down to this confidence, so one run gives the numbers at every threshold
FLOOR = 0.02


@dataclass
class Fold:
    """One held-out report: its curated rows and the candidates down to FLOOR; ``at(threshold)``
    scores them at a threshold."""

    source_id: str
    text_quality: str
    curated: pd.DataFrame  #: the report's curated rows, with fact keys, family and core
    candidates: pd.DataFrame  #: every candidate down to FLOOR
    aliases: dict
    readings: dict  #: curated row line -> (p_fact, metric, gender, confidence) of its reading, or None
    seconds: dict = field(default_factory=dict)

    def at(self, threshold: float = THRESHOLD) -> "Scored":
        cands = self.candidates[self.candidates["confidence"] >= threshold]
        cur = self.curated.copy()
        keys = list(zip(cands["value"].map(_value), cands["metric"], cands["gender"]))
        cur["found"] = cur["key"].isin(set(keys))
        by_key: dict[tuple, list] = {}
        for k, c in zip(keys, cands.itertuples()):
            by_key.setdefault(k, []).append(c)
        cur["found_full"] = [_full(r, by_key.get(r["key"], []), self.aliases) for _, r in cur.iterrows()]
        cur_keys = set(cur["key"])
        cands = cands.assign(curated=[k in cur_keys for k in keys])
        lines_of = {(int(c.line), int(c.start), c.metric, c.gender) for c in cands.itertuples()}
        cur["cause"] = [("" if f else _cause(self.readings.get(int(ln)), r, threshold, lines_of))
                        for (ln, r), f in zip(cur.iterrows(), cur["found"])]
        return Scored(self.source_id, self.text_quality, cur, cands, self.seconds)


@dataclass
class Scored:
    source_id: str
    text_quality: str
    curated: pd.DataFrame
    candidates: pd.DataFrame
    seconds: dict


def _names(row, aliases: dict) -> set[str]:
    return {normal_name(x) for x in [row["intervention"], *aliases.get(row["intervention"], "").split(";")] if x}


def _full(r, cands: list, aliases: dict) -> bool:
    """Whether a candidate with the row's value, metric and gender also has its intervention (ALL,
    or its name or an alias, or a name holding one) and its period."""
    names = _names(r, aliases)
    for c in cands:
        if (int(c.period_start), int(c.period_end)) != (int(r["period_start"]), int(r["period_end"])):
            continue
        if r["intervention"] == "ALL":
            if c.intervention == "ALL":
                return True
        elif c.intervention != "ALL":
            n = normal_name(c.intervention)
            if n in names or any(len(x) >= 4 and x in n for x in names):
                return True
    return False


def _cause(reading, r, threshold: float, proposed: set) -> str:
    if reading is None:
        return "number not read: no reading of the quote's numbers has the row's value (OCR or layout)"
    line, start, p_fact, metric, gender, conf = reading
    start = (line, start)
    if p_fact < 0.5 and conf < threshold:
        return "judged to state no fact"
    if metric != r["metric"]:
        return f"wrong metric ({metric})"
    if gender != r["gender"]:
        return f"wrong gender ({gender} for {r['gender']})"
    if conf < threshold:
        return "right metric and gender, but below the confidence threshold"
    if (*start, r["metric"], r["gender"]) in proposed:
        return "right metric and gender, wrong value (scale or sign)"
    return "lost to an overlapping reading of the same digits"


def run_fold(held: str, train: pd.DataFrame, data: dict, observations: pd.DataFrame, sources_dir: Path,
             params: dict | None = None) -> Fold:
    from .model import Lexicon
    src = data["sources"].set_index("source_id").loc[held]
    t0 = time.perf_counter()
    lexicon = Lexicon.from_tables(data["metrics"], data["vocabulary"])
    model = Model({**Model().params, **(params or {})}).fit(train[train["source_id"] != held], lexicon)
    fit = time.perf_counter() - t0
    t0 = time.perf_counter()
    doc = read_document(sources_dir / src["document"])
    read = time.perf_counter() - t0
    vocab = Vocabulary.from_tables(data["metrics"], data["vocabulary"], data["categories"])  # no interventions
    cands, secs = extract(doc, int(src["report_year"]), vocab, model, FLOOR)
    secs = {"train": fit, "read": read, **secs}
    secs["extract"] = read + secs["tokens"] + secs["predict"]
    cur = observations[observations["source_id"] == held].copy()
    fam = families(data["metrics"])
    core = core_metrics(data["metrics"])
    iv = data["interventions"][data["interventions"]["association_id"] == src["association_id"]]
    cur["family"] = np.where(cur["dimension"] != "", "breakdowns", cur["metric"].map(fam).fillna("other"))
    cur["core"] = cur["metric"].isin(core) & (cur["dimension"] == "")
    cur["key"] = list(zip(cur["value"].map(_value), cur["metric"], cur["gender"]))
    # where each curated row's number is, and what the model made of it
    labelled = train[(train["source_id"] == held) & (train["obs_line"] != "")]
    where = {int(o): (int(ln), int(s), int(e)) for o, ln, s, e in
             zip(labelled["obs_line"], labelled["line"], labelled["start"], labelled["end"])}
    toks = document_tokens(doc.lines)
    pred = model.predict(toks)
    at = {(int(ln), int(s), int(e)): i for i, (ln, s, e) in enumerate(zip(toks["line"], toks["start"], toks["end"]))}
    readings = {}
    for obs_line in cur.index:
        loc = where.get(int(obs_line))
        if loc is None or loc not in at:
            readings[int(obs_line)] = None
            continue
        p = pred.iloc[at[loc]]
        readings[int(obs_line)] = (loc[0], loc[1], float(p["p_fact"]), p["metric"], p["gender"],
                                   float(p["p_fact"] * p["metric_p"] * p["gender_p"]))
    table = dict(zip(labelled["obs_line"].astype(int), labelled["table_row"] == "True"))
    cur["table"] = [table.get(int(o)) for o in cur.index]
    curated_readings = {(ln, s) for ln, s, _ in where.values()}
    cands = cands.assign(curated_reading=[(int(ln), int(s)) in curated_readings
                                          for ln, s in zip(cands["line"], cands["start"])])
    return Fold(held, src["text_quality"], cur, cands, dict(zip(iv["intervention"], iv["aliases"])), readings, secs)


def leave_one_out(train: pd.DataFrame | None = None, data_dir: Path | None = None, sources_dir: Path | None = None,
                  params: dict | None = None) -> list[Fold]:
    from finsam.data import csvio
    train = training.read() if train is None else train
    data = tables(data_dir)
    obs, _ = csvio.read_table(paths.data_dir(data_dir), "observations")
    obs = obs.astype(object).where(obs.notna(), "").astype(str)
    sources_dir = paths.sources_dir(sources_dir)
    return [run_fold(s, train, data, obs, sources_dir, params) for s in data["sources"]["source_id"]]


def summary(folds: list[Scored]) -> pd.DataFrame:
    """One row per report and per text quality and overall: facts, recall (all, core, full),
    precision, candidates, seconds."""
    rows = []

    def stats(name, quality, cur, cands, secs):
        facts = cur.drop_duplicates("key")
        core = facts[facts["core"]]
        full_keys = cur.assign(k=list(zip(cur["key"], cur["intervention"], cur["period_start"], cur["period_end"])))
        full = full_keys.drop_duplicates("k")
        return {"report": name, "text_quality": quality, "facts": len(facts),
                "recall": facts["found"].mean(), "core_facts": len(core),
                "core_recall": core["found"].mean() if len(core) else np.nan,
                "recall_full": full["found_full"].mean(), "candidates": len(cands),
                "precision": cands["curated"].mean() if len(cands) else np.nan,
                "seconds": secs}

    for f in folds:
        rows.append(stats(f.source_id, f.text_quality, f.curated, f.candidates, f.seconds.get("extract", np.nan)))
    for q in sorted({f.text_quality for f in folds}):
        fs = [f for f in folds if f.text_quality == q]
        rows.append(_pooled(f"all {q}", q, fs, stats))
    rows.append(_pooled("all", "", folds, stats))  # not a vocabulary code
    return pd.DataFrame(rows)


def _pooled(name, quality, fs, stats):
    cur = pd.concat([f.curated.assign(key=[(f.source_id, *k) for k in f.curated["key"]]) for f in fs])
    cands = pd.concat([f.candidates for f in fs])
    return stats(name, quality, cur, cands, float(np.mean([f.seconds.get("extract", np.nan) for f in fs])))


def by_family(folds: list[Scored]) -> pd.DataFrame:
    """Recall per metric family and text quality (distinct facts)."""
    cur = pd.concat([f.curated.assign(key=[(f.source_id, *k) for k in f.curated["key"]], quality=f.text_quality)
                     for f in folds]).drop_duplicates("key")
    t = cur.groupby(["family", "quality"])["found"].agg(["size", "mean"]).unstack("quality")
    return t


def causes(folds: list[Scored]) -> pd.DataFrame:
    cur = pd.concat([f.curated.assign(report=f.source_id) for f in folds])
    miss = cur[~cur["found"]]
    c = miss["cause"].str.replace(r" \(.*\)$", "", regex=True)
    return c.groupby([c, miss["report"]]).size().unstack(fill_value=0)
