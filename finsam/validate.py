"""Validation of the curated tables.

Four layers, each reported as ``path:line: message``:

1. structure (csvio): file present, UTF-8, header equal to the field dictionary, no shifted rows;
2. schema (pandera): types, vocabularies, referential integrity, value rules;
3. consistency (pandas): duplicate facts, gender sums, exit reasons within exits, percentages
   agreeing with the counts they are computed from;
4. provenance (provenance.py): each quote occurs in its source text and contains its number.

Inconsistencies that a row's note explains (``conflict: …``) are *known conflicts*: reported,
not errors. Everything else is an error.
"""
from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
import pandera.pandas as pa

from . import csvio
from .errors import Problem
from .schema import (ALL, CONFLICT_PREFIX, ROUNDING_PREFIX, FACT_KEY, FIELDS, GENDERS, KINDS, TABLE_ORDER, TABLES,
                     TEXT_QUALITIES, UNITS)

#: exit reasons, mutually exclusive: together at most participants_exited
EXIT_REASONS = ("exit_work", "exit_studies", "exit_jobseeking", "exit_employment_service",
                "exit_other_intervention", "exit_continued_rehab", "exit_illness", "exit_other")
#: percentage metric -> (numerator count metric(s), denominator count metric)
RATE_OF = {"exit_work_or_studies_rate": (("exit_work_or_studies",), "participants_exited"),
           **{f"{m}_rate": ((m,), "participants_exited") for m in EXIT_REASONS}}
GOAL_SUFFIX = "_goal"


@dataclass
class Result:
    """What validation found; ``tables`` holds the typed tables when the structure was readable."""

    tables: dict[str, pd.DataFrame] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    digests: dict[str, str] = field(default_factory=dict)  #: SHA-256 of each table file read

    @property
    def errors(self) -> list[Problem]:
        return sorted(p for p in self.problems if p.level == "error")

    @property
    def conflicts(self) -> list[Problem]:
        return sorted(p for p in self.problems if p.level == "conflict")

    @property
    def ok(self) -> bool:
        return not self.errors


def _shown(data_dir: Path, name: str) -> str:
    return csvio._display(Path(data_dir) / TABLES[name].filename)


# ---------------------------------------------------------------------------- schema layer
_DTYPES = {"int": "int64", "float": "float64", "str": str, "category": "category"}


def _column(name: str, checks=None) -> pa.Column:
    f = FIELDS[name]
    dtype = "Int64" if (f.dtype == "int" and not f.required) else _DTYPES[f.dtype]
    return pa.Column(dtype, checks=checks or [], coerce=f.dtype in ("int", "float"), nullable=not f.required)


def _isin(values, what: str) -> pa.Check:
    values = sorted(set(values))
    shown = ", ".join(map(str, values[:12])) + (", …" if len(values) > 12 else "")
    return pa.Check.isin(values, error=f"unknown {what} (valid: {shown})")


_NONBLANK = pa.Check(lambda s: s.str.strip() != "", element_wise=False, error="empty text")
_SINGLE_LINE = pa.Check(lambda s: ~s.str.contains("\n", regex=False), error="must be a single line")
#: identifiers that reach file names and links: lower-case ASCII letters and digits, hyphen-separated
SLUG = r"[a-z0-9]+(?:-[a-z0-9]+)*"
_SLUG = pa.Check(lambda s: s.astype(str).str.fullmatch(SLUG), error="not an id: use lower-case letters a-z, digits "
                 "and single hyphens (e.g. ostra-sodertorn)")
#: a report text is named by a plain file name inside the sources folder
_FILE_NAME = pa.Check(lambda s: s.astype(str).str.fullmatch(r"[^/\\\x00-\x1f.][^/\\\x00-\x1f]*"),
                      error="not a plain file name inside the sources folder (no folders, no leading dot)")
#: largest count a float64 holds exactly; larger ones would not mean the number the report printed
MAX_COUNT = 2 ** 53
_NUMBER = {"int": re.compile(r"[+-]?\d+"), "float": re.compile(r"[+-]?\d+(?:\.\d+)?")}


def _plain_name(s: str) -> bool:
    """A display name used as an id: NFC, no control or invisible format characters, and letters
    from the Latin script only (so a Cyrillic 'а' cannot pose as a Latin 'a')."""
    if unicodedata.normalize("NFC", s) != s:
        return False
    for ch in s:
        cat = unicodedata.category(ch)
        if cat in ("Cc", "Cf", "Co", "Cn", "Cs", "Zl", "Zp"):
            return False
        if ch.isalpha() and not unicodedata.name(ch, "").startswith("LATIN"):
            return False
    return True


_PLAIN_NAME = pa.Check(lambda s: s.astype(str).map(_plain_name).astype(bool),
                       error="contains control, invisible or non-Latin look-alike characters")


def _explained_note(s: pd.Series) -> pd.Series:
    """A 'conflict:'/'rounding:' note must say what disagrees: some words after the colon that
    name the other value or where it is stated (so they hold a number: a value, line, page or table)."""
    text = s.fillna("").astype(str)
    marked = text.str.lower().str.startswith((CONFLICT_PREFIX, ROUNDING_PREFIX))
    ok = pd.Series(True, index=s.index)
    if marked.any():
        rest = text[marked].str.split(":", n=1).str[1].fillna("").str.strip()
        ok[marked] = rest.str.split().str.len().fillna(0).ge(2) & rest.str.contains(r"\d")
    return ok


def column_schema(name: str, ids: dict[str, set]) -> pa.DataFrameSchema:
    """Per-column rules for one table; ``ids`` holds the identifiers of the tables read before."""
    assoc = ids.get("associations", set())
    cols = {
        "associations": {
            "association_id": _column("association_id", [_NONBLANK, _SLUG]),
            "name": _column("name", [_NONBLANK]), "municipalities": _column("municipalities"),
            "county": _column("county"), "successor_id": _column("successor_id", [_SLUG]),
            "successor_from": _column("successor_from", [pa.Check.str_matches(r"^\d{4}-\d{2}-\d{2}$",
                                                                             error="not an ISO date")]),
            "note": _column("note"),
        },
        "sources": {
            "source_id": _column("source_id", [_NONBLANK, _SLUG]),
            "association_id": _column("association_id", [_isin(assoc, "association_id")]),
            "report_year": _column("report_year", [pa.Check.in_range(1990, 2100, error="year outside 1990–2100")]),
            "title": _column("title"), "document": _column("document", [_NONBLANK, _FILE_NAME]),
            "text_quality": _column("text_quality", [_isin(TEXT_QUALITIES, "text_quality")]),
        },
        "metrics": {
            "metric": _column("metric", [pa.Check.str_matches(r"^[a-z][a-z_]*$", error="metric ids are snake_case")]),
            "unit": _column("unit", [_isin(UNITS, "unit")]), "denominator": _column("denominator"),
            **{c: _column(c, [_NONBLANK]) for c in ("label_sv", "label_en", "description_sv", "description_en")},
        },
        "interventions": {
            "association_id": _column("association_id", [_isin(assoc, "association_id")]),
            "intervention": _column("intervention", [_NONBLANK, _PLAIN_NAME,
                                                     pa.Check.ne(ALL, error="'ALL' is reserved")]),
            "aliases": _column("aliases"), "kind": _column("kind", [_isin(KINDS, "kind")]),
            "target_group": _column("target_group"),
            "first_year": _column("first_year", [pa.Check.in_range(1990, 2100, error="year outside 1990–2100")]),
            "last_year": _column("last_year", [pa.Check.in_range(1990, 2100, error="year outside 1990–2100")]),
            "note": _column("note"),
        },
        "observations": {
            "source_id": _column("source_id", [_isin(ids.get("sources", ()), "source_id")]),
            "association_id": _column("association_id", [_isin(assoc, "association_id")]),
            "period_start": _column("period_start", [pa.Check.in_range(1990, 2100, error="year outside 1990–2100")]),
            "period_end": _column("period_end", [pa.Check.in_range(1990, 2100, error="year outside 1990–2100")]),
            "intervention": _column("intervention", [_NONBLANK]),
            "metric": _column("metric", [_isin(ids.get("metrics", ()), "metric")]),
            "gender": _column("gender", [_isin(GENDERS, "gender")]),
            "value": _column("value", [pa.Check(lambda s: ~np.isinf(pd.to_numeric(s, errors="coerce")),
                                                error="not a finite number")]),
            "unit": _column("unit", [_isin(UNITS, "unit")]),
            "quote": _column("quote", [_NONBLANK, _SINGLE_LINE]),
            "note": _column("note", [pa.Check(_explained_note, error=f"a note starting '{CONFLICT_PREFIX}' or "
                                              f"'{ROUNDING_PREFIX}' must say what disagrees: the other value "
                                              "and where it is stated (e.g. 'conflict: Table 2 says 705')")]),
        },
    }[name]
    return pa.DataFrameSchema(cols, strict=True, ordered=True, name=name)


def row_schema(name: str, ref: dict[str, pd.DataFrame]) -> pa.DataFrameSchema | None:
    """Rules across columns and tables, run on rows whose columns passed."""
    checks: list[pa.Check] = []
    if name == "associations":
        ids = set(ref["associations"]["association_id"])
        checks.append(pa.Check(lambda d: d["successor_id"].isna() | d["successor_id"].isin(ids),
                               error="successor_id is not an association_id in associations.csv"))
        checks.append(pa.Check(lambda d: d["successor_id"].isna() | d["successor_from"].notna(),
                               error="successor_id given without successor_from"))
        checks.append(pa.Check(lambda d: d["successor_from"].isna() | _dates(d["successor_from"]).dt.year.between(1990, 2100),
                               error="successor_from is not a date between 1990-01-01 and 2100-12-31"))
        checks.append(pa.Check(lambda d: ~_in_successor_cycle(d),
                               error="successor_id leads back to this association (a cycle of successors)"))
    elif name == "sources":
        succeeded = ref["associations"].dropna(subset=["successor_from"]).set_index("association_id")["successor_from"]
        checks.append(pa.Check(lambda d: d["source_id"].astype(str) == d["association_id"].astype(str) + "-"
                               + d["report_year"].astype(str),
                               error="source_id must be <association_id>-<report_year> of this row"))
        checks.append(pa.Check(lambda d: ~(d["report_year"] >= _dates(d["association_id"].astype(str).map(succeeded)).dt.year)
                               .fillna(False).astype(bool),
                               error="report_year is not before the year the association's successor took over "
                                     "(successor_from in associations.csv)"))
    elif name == "interventions":
        checks.append(pa.Check(lambda d: d["first_year"].isna() | d["last_year"].isna()
                               | (d["first_year"] <= d["last_year"]), error="first_year after last_year"))
    elif name == "observations":
        metric_unit = ref["metrics"].set_index("metric")["unit"]
        known = set(zip(ref["interventions"]["association_id"], ref["interventions"]["intervention"]))

        def intervention_known(d):
            pairs = pd.MultiIndex.from_arrays([d["association_id"], d["intervention"]])
            return (d["intervention"] == ALL) | pd.Series(pairs.isin(known), index=d.index)

        def unit_matches(d):
            return d["metric"].map(metric_unit).astype(str) == d["unit"].astype(str)

        def counts_whole(d):
            v = d["value"]
            return (d["unit"] != "persons") | ((v >= 0) & (v == np.floor(v)))

        def counts_exact(d):
            return (d["unit"] != "persons") | (d["value"] < MAX_COUNT)

        source_assoc = ref["sources"].set_index("source_id")["association_id"].astype(str)

        def source_association(d):
            return d["source_id"].astype(str).map(source_assoc) == d["association_id"].astype(str)

        def percent_range(d):
            return (d["unit"] != "percent") | d["value"].between(0, 100)

        checks += [
            pa.Check(lambda d: d["period_start"] <= d["period_end"], error="period_start after period_end"),
            pa.Check(unit_matches, error="unit differs from the metric's unit in metrics.csv"),
            pa.Check(counts_whole, error="a count (unit persons) must be a non-negative whole number"),
            pa.Check(counts_exact, error=f"a count (unit persons) must be below 2**53 ({MAX_COUNT}): larger "
                                         "numbers are not held exactly"),
            pa.Check(source_association, error="association_id differs from the association of its source_id "
                                               "in sources.csv"),
            pa.Check(percent_range, error="a percentage must lie within 0–100"),
            pa.Check(intervention_known, error="intervention is neither ALL nor listed for this "
                                                "association in interventions.csv"),
        ]
    if not checks:
        return None
    return pa.DataFrameSchema(checks=checks, name=name)


def _dates(s: pd.Series) -> pd.Series:
    return pd.to_datetime(s, format="%Y-%m-%d", errors="coerce")


def _in_successor_cycle(d: pd.DataFrame) -> pd.Series:
    """Whether following successor_id from each row comes back to it."""
    nxt = dict(zip(d["association_id"].astype(str), d["successor_id"].where(d["successor_id"].notna(), None)))
    out = []
    for start in d["association_id"].astype(str):
        seen, cur = set(), nxt.get(start)
        while cur is not None and cur not in seen and cur != start:
            seen.add(cur)
            cur = nxt.get(cur)
        out.append(cur == start)
    return pd.Series(out, index=d.index, dtype=bool)


def _number_syntax(shown: str, name: str, df: pd.DataFrame) -> tuple[list[Problem], set]:
    """Numbers are written as plain decimals (-1992.8, 651): 'NaN', 'inf', '8_36', '1e3' are
    not how a report prints a number and would be read as something else."""
    problems, bad = [], set()
    for c in TABLES[name].fields:
        kind = FIELDS[c].dtype
        if kind not in _NUMBER:
            continue
        s = df[c]
        text = s[s.notna()].astype(str)
        # checked once per distinct text: a million rows hold few distinct years and values
        wrong_texts = [u for u in pd.unique(text) if not _NUMBER[kind].fullmatch(u)]
        if not wrong_texts:
            continue
        for line, v in text[text.isin(wrong_texts)].items():
            what = "whole number" if kind == "int" else "number"
            problems.append(Problem(shown, int(line), f"{c}: {v!r} is not a {what}"))
            bad.add(line)
    return problems, bad


def _explain_failures(err: pa.errors.SchemaErrors, shown: str, df: pd.DataFrame) -> tuple[list[Problem], set]:
    """Turn pandera's failure cases into problems; returns them and the failing line numbers."""
    fc = err.failure_cases
    problems, bad = [], set()
    coerce_fail = set()
    for r in fc.itertuples(index=False):
        if str(r.check).startswith("coerce_dtype"):
            coerce_fail.add((r.column, r.index))
    seen = set()
    for r in fc.itertuples(index=False):
        check, col, idx, case = str(r.check), r.column, r.index, r.failure_case
        if r.schema_context == "DataFrameSchema" and idx is not None:
            if (idx, check) in seen:
                continue
            seen.add((idx, check))
            col = None
        if idx is None or (isinstance(idx, float) and np.isnan(idx)):
            if check.startswith("column_in_dataframe") or check.startswith("column_in_schema"):
                problems.append(Problem(shown, 1, f"column problem: {case}"))
            else:
                problems.append(Problem(shown, 0, f"{check}: {case}"))
            continue
        line = int(idx)
        bad.add(line)
        if check.startswith("dtype(") and (col, idx) in coerce_fail:
            continue
        if check.startswith("coerce_dtype"):
            kind = "whole number" if "int" in check else "number"
            msg = f"{col}: {case!r} is not a {kind}"
        elif check == "not_nullable":
            msg = f"{col}: empty value"
        elif col is None or col == shown or (isinstance(col, float) and np.isnan(col)):
            msg = check
        else:
            shown_case = case if not isinstance(case, str) else repr(case)
            msg = f"{col}: {shown_case}: {check}"
        problems.append(Problem(shown, line, msg))
    return problems, bad


def _prepare(df: pd.DataFrame, name: str) -> pd.DataFrame:
    """Empty optional fields become missing values; required ones stay '' to be reported."""
    out = df.copy()
    for c in TABLES[name].fields:
        f = FIELDS[c]
        if f.dtype in ("int", "float"):
            out[c] = out[c].str.strip().replace("", np.nan)
        elif not f.required:
            out[c] = out[c].replace("", np.nan)
    return out


def check_schema(data_dir: Path, name: str, raw: pd.DataFrame, ref: dict[str, pd.DataFrame]):
    """Validate one table against the column and row rules; returns (typed rows that passed, problems)."""
    shown = _shown(data_dir, name)
    ids = {t: set(ref[t][TABLES[t].primary_key[0]]) for t in ref if TABLES[t].primary_key}
    prepared = _prepare(raw, name)
    problems, bad = _number_syntax(shown, name, prepared)
    if bad:
        prepared = prepared.loc[~prepared.index.isin(bad)]
    try:
        typed = column_schema(name, ids).validate(prepared, lazy=True)
    except pa.errors.SchemaErrors as e:
        found, bad = _explain_failures(e, shown, prepared)
        problems += found
        good = prepared.loc[~prepared.index.isin(bad)]
        typed = column_schema(name, ids).validate(good) if len(good) else good
    rs = row_schema(name, {**ref, name: typed})
    if rs is not None and len(typed):
        try:
            rs.validate(typed, lazy=True)
        except pa.errors.SchemaErrors as e:
            found, bad = _explain_failures(e, shown, typed)
            problems += found
            typed = typed.loc[~typed.index.isin(bad)]
    pk = list(TABLES[name].primary_key)
    if pk and len(typed):
        dup = typed.duplicated(pk, keep=False)
        if dup.any():
            first = typed[dup].reset_index().groupby(pk, observed=True)["line"].transform("min").to_numpy()
            for line, f in zip(typed.index[dup], first):
                if line != f:
                    problems.append(Problem(shown, int(line), f"duplicate {'/'.join(pk)} (first at line {f})"))
    return typed, problems


# ---------------------------------------------------------------------------- consistency layer
GROUP = ["association_id", "period_start", "period_end", "intervention"]


def _facts(obs: pd.DataFrame) -> pd.DataFrame:
    """One row per fact key, indexed by it: the range of stated values, how many distinct values,
    and whether any statement's note explains an inconsistency. Vectorised (no per-group Python),
    so it stays fast at a million rows; line numbers are looked up only for problems found."""
    o = obs[list(FACT_KEY) + ["value"]].copy()
    o["explained"] = obs["note"].fillna("").str.lower().str.startswith((CONFLICT_PREFIX, ROUNDING_PREFIX))
    # group on the categorical codes (five times faster than on strings), then give the index
    # plain string levels, which only touches the few distinct values
    g = o.groupby(list(FACT_KEY), sort=False, observed=True)
    facts = pd.DataFrame({"vmin": g["value"].min(), "vmax": g["value"].max(), "nvalues": g["value"].nunique(),
                          "explained": g["explained"].any()})
    if isinstance(facts.index, pd.MultiIndex):
        facts.index = facts.index.set_levels([lv.astype(str) if isinstance(lv, pd.CategoricalIndex) else lv
                                              for lv in facts.index.levels])
    return facts


class _Lines:
    """Line numbers of the statements of given facts, built on first use."""

    def __init__(self, obs: pd.DataFrame):
        self.obs = obs
        self._index = None

    def __call__(self, keys) -> list[int]:
        if self._index is None:
            o = self.obs.reset_index()
            cols = [o[c].astype(str) if c in ("association_id", "intervention", "metric", "gender") else o[c]
                    for c in FACT_KEY]
            self._index = pd.Series(o["line"].to_numpy(), index=pd.MultiIndex.from_arrays(cols)).sort_index()
        out = []
        for k in keys:
            try:
                out += list(np.atleast_1d(self._index.loc[k]))
            except KeyError:
                pass
        return sorted(set(int(x) for x in out))


def _report(shown, lines, explained, message) -> Problem:
    also = f" (lines {', '.join(map(str, lines))})" if len(lines) > 1 else ""
    if explained:
        return Problem(shown, lines[0], message + also + " — explained in note", level="conflict")
    return Problem(shown, lines[0], message + also + " — unexplained: fix the row or explain it in note starting "
                   f"'{CONFLICT_PREFIX}' (or '{ROUNDING_PREFIX}' for a rounded restatement)")


def _true(x) -> bool:
    """A flag from an unstacked frame, where a missing fact shows as NaN."""
    return isinstance(x, (bool, np.bool_)) and bool(x)


def _num(x: float) -> str:
    """A value as people read it: whole numbers in full (21089700, not 2.10897e+07)."""
    return f"{x:.0f}" if float(x).is_integer() else f"{x:.10g}"


def _fmt(lo, hi) -> str:
    return _num(lo) if lo == hi else f"{_num(lo)}–{_num(hi)}"


def _wide(facts: pd.DataFrame, metrics, by: str) -> pd.DataFrame | None:
    """Facts of ``metrics`` with ``by`` (gender or metric) as columns: vmin/vmax/explained."""
    f = facts[facts.index.get_level_values("metric").isin(list(metrics))]
    if f.empty:
        return None
    return f[["vmin", "vmax", "explained"]].unstack(by)


def check_consistency(shown: str, obs: pd.DataFrame, metric_unit: pd.Series, arithmetic: bool = True) -> list[Problem]:
    """Duplicate facts with different values, and (``arithmetic``) the sums and rates."""
    problems: list[Problem] = []
    if obs.empty:
        return problems
    facts = _facts(obs)
    lines = _Lines(obs)

    def report(keys, explained, message):
        problems.append(_report(shown, lines(keys), explained, message))

    # one value per fact
    for key, r in facts[facts["nvalues"] > 1].iterrows():
        vals = sorted(obs.loc[lines([key]), "value"].unique())
        report([key], r["explained"], f"the same fact ({key[0]} {key[1]}–{key[2]} {key[3]} {key[4]} {key[5]}) "
                                      f"is stated with different values {', '.join(_num(v) for v in vals)}")

    if not arithmetic:
        return problems

    def col(frame, name):
        return frame[name] if name in frame else pd.Series(np.nan, index=frame.index)

    # women + men + unknown = all, for every count metric (conflicting values: their ranges must allow it)
    counts = [m for m, u in metric_unit.items() if u == "persons"]
    w = _wide(facts, counts, "gender")
    if w is not None and {"all", "women", "men"} <= set(w["vmin"].columns):
        lo, hi, ex = w["vmin"], w["vmax"], w["explained"]
        have = lo["all"].notna() & lo["women"].notna() & lo["men"].notna()
        s_lo = lo["women"] + lo["men"] + col(lo, "unknown").fillna(0)
        s_hi = hi["women"] + hi["men"] + col(hi, "unknown").fillna(0)
        for key in w.index[have & ((s_lo > hi["all"]) | (s_hi < lo["all"]))]:
            gs = [g for g in GENDERS if g in lo.columns and pd.notna(lo.at[key, g])]
            parts = " + ".join(f"{g} {_fmt(lo.at[key, g], hi.at[key, g])}" for g in gs if g != "all")
            report([(*key[:4], key[4], g) for g in gs], any(_true(ex.at[key, g]) for g in gs),
                   f"gender split does not add up for {key[4]} ({key[0]} {key[1]}–{key[2]} {key[3]}): "
                   f"{parts} ≠ all {_fmt(lo.at[key, 'all'], hi.at[key, 'all'])}")

    # exits within participants; exit reasons within exits; work + studies = work or studies
    needed = ["participants", "participants_new", "participants_exited", "exit_work_or_studies", *EXIT_REASONS]
    w = _wide(facts, needed, "metric")
    if w is not None:
        lo, hi, ex = w["vmin"], w["vmax"], w["explained"]
        # work and studies count once: as their parts where stated, else as their stated sum
        parts = col(lo, "exit_work").notna() | col(lo, "exit_studies").notna()
        ws_part = (col(lo, "exit_work").fillna(0) + col(lo, "exit_studies").fillna(0)).where(
            parts, col(lo, "exit_work_or_studies").fillna(0))
        reasons_lo = ws_part + sum(col(lo, m).fillna(0) for m in EXIT_REASONS if m not in ("exit_work", "exit_studies"))
        any_reason = pd.concat([col(lo, m).notna() for m in (*EXIT_REASONS, "exit_work_or_studies")],
                               axis=1).any(axis=1)
        rules = [(f"{part} exceeds participants", [part, "participants"], col(lo, part) > col(hi, "participants"))
                 for part in ("participants_exited", "participants_new")]
        rules.append(("exit reasons add up to more than participants_exited",
                      ["participants_exited", "exit_work_or_studies", *EXIT_REASONS],
                      any_reason & (reasons_lo > col(hi, "participants_exited"))))
        rules.append(("exit_work_or_studies exceeds participants_exited", ["exit_work_or_studies", "participants_exited"],
                      col(lo, "exit_work_or_studies") > col(hi, "participants_exited")))
        ws_lo, ws_hi = col(lo, "exit_work") + col(lo, "exit_studies"), col(hi, "exit_work") + col(hi, "exit_studies")
        rules.append(("exit_work + exit_studies differs from exit_work_or_studies",
                      ["exit_work", "exit_studies", "exit_work_or_studies"],
                      (ws_lo > col(hi, "exit_work_or_studies")) | (ws_hi < col(lo, "exit_work_or_studies"))))
        for message, metrics, mask in rules:
            for key in w.index[mask.fillna(False).astype(bool)]:
                ms = [m for m in metrics if m in lo.columns and pd.notna(lo.at[key, m])]
                vals = ", ".join(f"{m} {_fmt(lo.at[key, m], hi.at[key, m])}" for m in ms)
                report([(*key[:4], m, key[4]) for m in ms], any(_true(ex.at[key, m]) for m in ms),
                       f"{message} ({key[0]} {key[1]}–{key[2]} {key[3]} {key[4]}): {vals}")

    # percentages agree with the counts they are computed from (facts with one value only)
    single = facts[facts["nvalues"] == 1]
    val, expl = single["vmin"], single["explained"]
    tasks = [(rate, nums[0], den, None) for rate, (nums, den) in RATE_OF.items()]
    tasks.append(("participants_share", "participants", "participants", "all"))
    for rate, num_m, den_m, den_gender in tasks:
        r = single[single.index.get_level_values("metric") == rate]
        if r.empty:
            continue
        keys = r.index.to_frame(index=False)

        def look(metric, gender=None):
            k = keys.assign(metric=metric, **({"gender": gender} if gender else {}))
            return pd.Series(val.reindex(pd.MultiIndex.from_frame(k[list(FACT_KEY)])).to_numpy(), index=r.index)

        num = look(num_m)
        if rate == "exit_work_or_studies_rate":  # work + studies when the sum is not printed
            num = num.fillna(look("exit_work") + look("exit_studies"))
        den = look(den_m, den_gender)
        stated = r["vmin"]
        computed = 100 * num / den
        bad = num.notna() & den.notna() & (den > 0) & ((computed - stated).abs() > _tolerance(stated))
        for key in r.index[bad]:
            involved = [key, (*key[:4], num_m, key[5]), (*key[:4], den_m, den_gender or key[5])]
            explained = any(bool(expl.get(k, False)) for k in involved)
            report(involved, explained, f"{rate} {_num(stated[key])} % disagrees with its counts "
                                        f"({_num(num[key])} of {_num(den[key])} = {computed[key]:.1f} %) "
                                        f"({key[0]} {key[1]}–{key[2]} {key[3]} {key[5]})")
    return problems


def _tolerance(stated: pd.Series) -> pd.Series:
    """A whole-number percentage may be rounded or truncated (< 1 point); a decimal one < 0.1."""
    return pd.Series(np.where(stated == np.round(stated), 1.0, 0.1) + 1e-9, index=stated.index)


# ---------------------------------------------------------------------------- entry point
def validate(data_dir: str | os.PathLike | None = None, sources_dir: str | os.PathLike | None = None,
             *, provenance: bool = True, arithmetic: bool = True) -> Result:
    """Run every check on the tables in ``data_dir``; with ``provenance`` also against the sources.
    ``arithmetic=False`` skips the sums and rates (finsam.load does, to stay fast; duplicate
    facts with different values are always checked)."""
    from . import paths
    data_dir = paths.data_dir(data_dir)
    result = Result()
    ref: dict[str, pd.DataFrame] = {}
    broken = False
    try:
        found = data_dir.is_dir()
    except OSError as e:  # a folder on the way is unreadable
        result.problems.append(Problem(csvio._display(data_dir), 0, f"cannot read the data folder: {e.strerror or e}"))
        return result
    if not found:
        result.problems.append(Problem(csvio._display(data_dir), 0, "data folder not found"))
        return result
    for name in TABLE_ORDER:
        raw, probs = csvio.read_table(data_dir, name, result.digests)
        result.problems += probs
        if raw is None:
            broken = True
            continue
        if broken and name != "metrics":
            # a table this one refers to is unreadable: checking ids against it would only add noise
            continue
        typed, probs = check_schema(data_dir, name, raw, ref)
        result.problems += probs
        ref[name] = typed
    if broken or "observations" not in ref:
        return result
    obs = ref["observations"]
    metric_unit = ref["metrics"].set_index("metric")["unit"]
    result.problems += check_consistency(_shown(data_dir, "observations"), obs, metric_unit, arithmetic)
    if provenance:
        from .provenance import check_provenance
        result.problems += check_provenance(data_dir, paths.sources_dir(sources_dir),
                                            ref["sources"], obs)
    result.tables = ref
    return result
