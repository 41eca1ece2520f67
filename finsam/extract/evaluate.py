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

from finsam import paths, semantics

from . import training
from .candidates import THRESHOLD, Vocabulary
from .extractor import extract, tables
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


@dataclass
class Fold:
    source_id: str
    text_quality: str
    curated: pd.DataFrame  #: the report's curated rows, with fact keys, family, core, found flags, cause
    candidates: pd.DataFrame  #: with 'curated' (A-key matches a curated fact)
    seconds: dict = field(default_factory=dict)


def _names(row, aliases: dict) -> set[str]:
    return {normal_name(x) for x in [row["intervention"], *aliases.get(row["intervention"], "").split(";")] if x}


def run_fold(held: str, train: pd.DataFrame, data: dict, observations: pd.DataFrame, sources_dir: Path,
             params: dict | None = None, threshold: float = THRESHOLD) -> Fold:
    src = data["sources"].set_index("source_id").loc[held]
    t0 = time.perf_counter()
    from .model import Lexicon
    lexicon = Lexicon.from_tables(data["metrics"], data["vocabulary"])
    model = Model({**Model().params, **(params or {})}).fit(train[train["source_id"] != held], lexicon)
    fit = time.perf_counter() - t0
    t0 = time.perf_counter()
    doc = read_document(sources_dir / src["document"])
    read = time.perf_counter() - t0
    vocab = Vocabulary.from_tables(data["metrics"], data["vocabulary"], data["categories"])  # no interventions
    cands, secs = extract(doc, int(src["report_year"]), vocab, model, threshold)
    secs = {"train": fit, "read": read, **{k: v for k, v in secs.items() if k != "model"}}
    secs["extract"] = read + secs["tokens"] + secs["predict"]
    cur = observations[observations["source_id"] == held].copy()
    fam = families(data["metrics"])
    core = core_metrics(data["metrics"])
    iv = data["interventions"][data["interventions"]["association_id"] == src["association_id"]]
    aliases = dict(zip(iv["intervention"], iv["aliases"]))
    cur["family"] = np.where(cur["dimension"] != "", "breakdowns", cur["metric"].map(fam).fillna("other"))
    cur["core"] = cur["metric"].isin(core) & (cur["dimension"] == "")
    cur["key"] = list(zip(cur["value"].map(_value), cur["metric"], cur["gender"]))
    cand_keys = set(zip(cands["value"].map(_value), cands["metric"], cands["gender"]))
    cur["found"] = cur["key"].isin(cand_keys)
    # full: also the intervention (ALL, or the name or an alias) and the period
    by_key: dict[tuple, list] = {}
    for _, c in cands.iterrows():
        by_key.setdefault((_value(c["value"]), c["metric"], c["gender"]), []).append(c)

    def full(r) -> bool:
        names = _names(r, aliases)
        for c in by_key.get(r["key"], []):
            if (int(c["period_start"]), int(c["period_end"])) != (int(r["period_start"]), int(r["period_end"])):
                continue
            if r["intervention"] == "ALL":
                if c["intervention"] == "ALL":
                    return True
            elif c["intervention"] != "ALL" and normal_name(c["intervention"]) in names | {
                    n for n in names if n and n in normal_name(c["intervention"])}:
                return True
        return False

    cur["found_full"] = [full(r) for _, r in cur.iterrows()]
    cur_keys = set(cur["key"])
    cands = cands.assign(curated=[k in cur_keys for k in zip(cands["value"].map(_value), cands["metric"],
                                                              cands["gender"])])
    cur["cause"] = _causes(cur, train[train["source_id"] == held], doc, cands, model, threshold)
    return Fold(held, src["text_quality"], cur, cands, secs)


def _causes(cur: pd.DataFrame, labelled: pd.DataFrame, doc, cands: pd.DataFrame, model: Model,
            threshold: float) -> list[str]:
    """Why each missed curated row was missed ('' for found ones)."""
    where = {int(o): (int(l), int(s), int(e)) for o, l, s, e in
             zip(labelled["obs_line"].replace("", "0"), labelled["line"], labelled["start"], labelled["end"])
             if o}
    toks = document_tokens(doc.lines)
    pred = model.predict(toks)
    at = {(int(l), int(s), int(e)): i for i, (l, s, e) in enumerate(zip(toks["line"], toks["start"], toks["end"]))}
    proposed = {(int(l), m, g): v for l, m, g, v in zip(cands["line"], cands["metric"], cands["gender"], cands["value"])}
    out = []
    for obs_line, r in cur.iterrows():
        if r["found"]:
            out.append("")
            continue
        loc = where.get(int(obs_line))
        if loc is None or loc not in at:
            out.append("number not read: no reading of the quote's numbers has the row's value (OCR or layout)")
            continue
        p = pred.iloc[at[loc]]
        conf = p["p_fact"] * p["metric_p"] * p["gender_p"]
        if p["p_fact"] < 0.5 and conf < threshold:
            out.append("judged to state no fact")
        elif p["metric"] != r["metric"]:
            fam_pred = "another family" if True else ""
            out.append(f"wrong metric ({p['metric']})")
        elif p["gender"] != r["gender"]:
            out.append(f"wrong gender ({p['gender']} for {r['gender']})")
        elif conf < threshold:
            out.append("right metric and gender, but below the confidence threshold")
        elif (loc[0], r["metric"], r["gender"]) in proposed:
            out.append(f"wrong value or scale ({proposed[(loc[0], r['metric'], r['gender'])]})")
        else:
            out.append("lost to an overlapping reading of the same digits")
    return out


def leave_one_out(train: pd.DataFrame | None = None, data_dir: Path | None = None, sources_dir: Path | None = None,
                  params: dict | None = None, threshold: float = THRESHOLD) -> list[Fold]:
    from finsam import csvio
    train = training.read() if train is None else train
    data = tables(data_dir)
    obs, _ = csvio.read_table(paths.data_dir(data_dir), "observations")
    obs = obs.astype(object).where(obs.notna(), "").astype(str)
    sources_dir = paths.sources_dir(sources_dir)
    return [run_fold(s, train, data, obs, sources_dir, params, threshold) for s in data["sources"]["source_id"]]


def summary(folds: list[Fold]) -> pd.DataFrame:
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
    rows.append(_pooled("all", "", folds, stats))
    return pd.DataFrame(rows)


def _pooled(name, quality, fs, stats):
    cur = pd.concat([f.curated.assign(key=[(f.source_id, *k) for k in f.curated["key"]]) for f in fs])
    cands = pd.concat([f.candidates for f in fs])
    return stats(name, quality, cur, cands, float(np.mean([f.seconds.get("extract", np.nan) for f in fs])))


def by_family(folds: list[Fold]) -> pd.DataFrame:
    """Recall per metric family and text quality (distinct facts)."""
    cur = pd.concat([f.curated.assign(key=[(f.source_id, *k) for k in f.curated["key"]], quality=f.text_quality)
                     for f in folds]).drop_duplicates("key")
    t = cur.groupby(["family", "quality"])["found"].agg(["size", "mean"]).unstack("quality")
    return t


def causes(folds: list[Fold]) -> pd.DataFrame:
    cur = pd.concat([f.curated.assign(report=f.source_id) for f in folds])
    miss = cur[~cur["found"]]
    c = miss["cause"].str.replace(r" \(.*\)$", "", regex=True)
    return c.groupby([c, miss["report"]]).size().unstack(fill_value=0)
