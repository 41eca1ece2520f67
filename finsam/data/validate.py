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

from finsam.data import csvio, rounding
from finsam.core.errors import Problem
from finsam.data import semantics
from finsam.data.fields import (ALL, CONFLICT_PREFIX, ROUNDING_PREFIX, FACT_KEY, FIELDS, TABLE_ORDER, TABLES,
                     VOCABULARY_OF, PREFIXED_DIMENSIONS, PARTIAL_PREFIX, BASE_CATEGORY, YEARS)


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
# Row checks that look values up (a metric's unit, a unit's class, a source's association) do it
# once per distinct value: mapping pandas' Arrow-backed strings row by row (``s.astype(str).map``)
# was most of load's time at a million rows.
def _distinct(s: pd.Series) -> tuple[np.ndarray, list[str]]:
    """(code of each row, the distinct values as strings); a missing value has code -1."""
    codes, uniques = pd.factorize(s)
    return codes, [str(u) for u in uniques]


def _per_code(codes: np.ndarray, values: list, missing) -> np.ndarray:
    """``values[code]`` for each row's code, ``missing`` where the code is -1."""
    return np.array([*values, missing])[codes]


def _code_of(values: list[str]) -> dict[str, int]:
    """value -> its code in ``values``; look up with ``.get(v, -2)`` (-2 is never a row's code)."""
    return {v: i for i, v in enumerate(values)}


_DTYPES = {"int": "int64", "float": "float64", "str": str, "category": "category"}


def _dtype(name: str):
    f = FIELDS[name]
    return "Int64" if (f.dtype == "int" and not f.required) else _DTYPES[f.dtype]


def _column(name: str, checks=None) -> pa.Column:
    f = FIELDS[name]
    return pa.Column(_dtype(name), checks=checks or [], coerce=f.dtype in ("int", "float"), nullable=not f.required)


def _from_fields(table: str, name: str, ids: dict[str, set], vocab: dict[str, list[str]]) -> list[pa.Check]:
    """The checks the field dictionary implies for column ``name`` of ``table``: its vocabulary
    (VOCABULARY_OF), the table it references (Field.references; not in that table itself) and
    the range of a year (Field.unit "year")."""
    f, checks = FIELDS[name], []
    if (table, name) in VOCABULARY_OF:
        checks.append(_isin(vocab.get(VOCABULARY_OF[(table, name)], ()), name))
    if f.references and f.references != table:
        checks.append(_isin(ids.get(f.references, ()), name))
    if f.unit == "year":
        checks.append(pa.Check.in_range(*YEARS, error=f"year outside {YEARS[0]}–{YEARS[1]}"))
    return checks


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
# ASCII digits only: \d would take full-width (１２) and Arabic-Indic (٣) digits as numbers
_NUMBER = {"int": re.compile(r"[+-]?[0-9]+"), "float": re.compile(r"[+-]?[0-9]+(?:\.[0-9]+)?")}


def _plain_name(s: str) -> bool:
    """A display name used as an id: NFC, no control or invisible format characters, and letters
    from the Latin script only (so a Cyrillic 'а' cannot pose as a Latin 'a')."""
    if unicodedata.normalize("NFC", s) != s:
        return False
    if s != s.strip() or "  " in s:  # 'ALL ' or 'Lyra ' would be another name that looks the same
        return False
    for ch in s:
        if ch != " " and unicodedata.category(ch) == "Zs":  # a no-break or other special space
            return False
        cat = unicodedata.category(ch)
        if cat in ("Cc", "Cf", "Co", "Cn", "Cs", "Zl", "Zp"):
            return False
        if ch.isalpha() and not unicodedata.name(ch, "").startswith("LATIN"):
            return False
    return True


_PLAIN_NAME = pa.Check(lambda s: s.astype(str).map(_plain_name).astype(bool),
                       error="contains control, invisible or non-Latin look-alike characters, a special space or spaces at its ends")


#: a 'conflict:' note says what disagrees in at least this many words ("line 5" is not it; "text says
#: 34" is); a 'rounding:' note names the rounded value ("20,4 mkr")
MIN_EXPLANATION_WORDS = {"conflict:": 3, "rounding:": 2}


def _explained_note(s: pd.Series) -> pd.Series:
    """A 'conflict:'/'rounding:' note must say what disagrees: some words after the colon that
    name the other value or where it is stated (so they hold a number: a value, line, page or table)."""
    text = s.fillna("").astype(str)
    marked = text.str.lower().str.startswith((CONFLICT_PREFIX, ROUNDING_PREFIX))
    ok = pd.Series(True, index=s.index)
    if marked.any():
        rest = text[marked].str.split(":", n=1).str[1].fillna("").str.strip()
        need = text[marked].str.lower().str.startswith(CONFLICT_PREFIX).map(
            {True: MIN_EXPLANATION_WORDS[CONFLICT_PREFIX], False: MIN_EXPLANATION_WORDS[ROUNDING_PREFIX]})
        ok[marked] = rest.str.split().str.len().fillna(0).ge(need) & rest.str.contains(r"[0-9]")
    return ok


#: columns whose rule differs from what the field dictionary implies: an empty dimension means a
#: figure about everyone, so observations.dimension allows "" besides its vocabulary
HANDWRITTEN = {("observations", "dimension")}


def column_schema(name: str, ids: dict[str, set], vocab: dict[str, list[str]] | None = None) -> pa.DataFrameSchema:
    """Per-column rules for one table; ``ids`` holds the identifiers of the tables read before,
    ``vocab`` the codes of each vocabulary in vocabulary.csv."""
    vocab = vocab or {}

    snake = pa.Check.str_matches(r"^[a-z][a-z_]*$", error="codes are snake_case")
    cols = {
        "vocabulary": {
            "vocabulary": _column("vocabulary", [_isin(sorted(set(VOCABULARY_OF.values())), "vocabulary")]),
            "code": _column("code", [snake]), "class": _column("class", [_isin(semantics.CLASSES, "class")]),
            "label_sv": _column("label_sv", [_NONBLANK]), "label_en": _column("label_en", [_NONBLANK]),
            "noun_sv": _column("noun_sv"), "noun_en": _column("noun_en"),
            "people": _column("people", [_isin(("true", "false"), "people")]),
            "factor": _column("factor", [pa.Check.gt(0, error="a scale's factor is a positive number of kronor")]),
            "description_sv": _column("description_sv", [_NONBLANK]),
            "description_en": _column("description_en", [_NONBLANK]),
        },
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
            "association_id": _column("association_id"),
            "report_year": _column("report_year"),
            "title": _column("title"), "document": _column("document", [_NONBLANK, _FILE_NAME]),
            "text_quality": _column("text_quality"),
            "sha256": _column("sha256", [pa.Check.str_matches(r"^[0-9a-f]{64}$", error="not a SHA-256: 64 "
                                                              "lower-case hexadecimal digits")]),
            "origin": _column("origin", [_NONBLANK]),
        },
        "metrics": {
            "metric": _column("metric", [pa.Check.str_matches(r"^[a-z][a-z_]*$", error="metric ids are snake_case")]),
            "unit": _column("unit"), "denominator": _column("denominator"),
            **{c: _column(c, [_NONBLANK]) for c in ("label_sv", "label_en", "description_sv", "description_en")},
            "metric_kind": _column("metric_kind"),
            "outcome": _column("outcome"),
            "timing": _column("timing"),
            **{c: _column(c, [snake]) for c in ("numerator", "denominator_metric", "goal_of")},
            "display_scale": _column("display_scale"),
        },
        "interventions": {
            "association_id": _column("association_id"),
            "intervention": _column("intervention", [_NONBLANK, _PLAIN_NAME,
                                                     pa.Check.ne(ALL, error="'ALL' is reserved")]),
            "aliases": _column("aliases"), "kind": _column("kind"),
            "covers": _column("covers"), "part_of": _column("part_of"),
            "is_work_oriented": _column("is_work_oriented", [_isin(("true", "false"), "is_work_oriented")]),
            "target_group": _column("target_group"),
            "first_year": _column("first_year"),
            "last_year": _column("last_year"),
            "note": _column("note"),
        },
        "categories": {
            "dimension": _column("dimension"),
            "category": _column("category", [pa.Check(lambda s: s.astype(str).str.strip() != "", error="empty text")]),
            "label_sv": _column("label_sv", [_NONBLANK]), "label_en": _column("label_en", [_NONBLANK]),
            "order": _column("order", [pa.Check.ge(1, error="order starts at 1")]),
            "description": _column("description"),
        },
        "observations": {
            "source_id": _column("source_id"),
            "association_id": _column("association_id"),
            "period_start": _column("period_start"),
            "period_end": _column("period_end"),
            "intervention": _column("intervention", [_NONBLANK]),
            "metric": _column("metric"),
            "gender": _column("gender"),
            "value": _column("value", [pa.Check(lambda s: ~np.isinf(pd.to_numeric(s, errors="coerce")),
                                                error="not a finite number")]),
            "unit": _column("unit"),
            "quote": _column("quote", [_NONBLANK, _SINGLE_LINE]),
            "note": _column("note", [pa.Check(_explained_note, error=f"a note starting '{CONFLICT_PREFIX}' or "
                                              f"'{ROUNDING_PREFIX}' must say what disagrees: the other value "
                                              "and where it is stated (e.g. 'conflict: Table 2 says 705')")]),
            # empty: a figure about everyone, not broken down
            "dimension": _column("dimension", [_isin(("", *vocab.get(VOCABULARY_OF[("observations", "dimension")], ())),
                                                     "dimension")]),
            "category": _column("category"),
        },
    }[name]
    for c, col in cols.items():  # what the field dictionary implies comes first, then the rules above
        generated = [] if (name, c) in HANDWRITTEN else _from_fields(name, c, ids, vocab)
        col.checks[:0] = generated
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
    elif name == "vocabulary":
        def count_unit(d):
            return (d["vocabulary"] == "unit") & (d["class"] == "count")
        checks.append(pa.Check(lambda d: ~count_unit(d) | d["people"].notna(),
                               error="a count unit must say whether it counts people (people: true or false)"))
        checks.append(pa.Check(lambda d: count_unit(d) | d["people"].isna(),
                               error="people is only for count units"))
        is_scale = lambda d: d["vocabulary"] == semantics.SCALE  # noqa: E731
        checks.append(pa.Check(lambda d: ~is_scale(d) | d["factor"].notna(), error="a scale must give its factor"))
        checks.append(pa.Check(lambda d: is_scale(d) | d["factor"].isna(), error="factor is only for scales"))
    elif name == "metrics":
        known = set(ref["metrics"]["metric"])
        for col in ("numerator", "denominator_metric", "goal_of"):
            checks.append(pa.Check(lambda d, col=col: d[col].isna() | d[col].isin(known),
                                   error=f"{col} is not a metric in metrics.csv"))
        checks += [
            pa.Check(lambda d: (d["metric_kind"] != "rate") | d["denominator_metric"].notna(),
                     error="a rate must name its denominator_metric"),
            pa.Check(lambda d: (d["metric_kind"] != "goal") | d["goal_of"].notna(), error="a goal must name goal_of"),
            pa.Check(lambda d: d["outcome"].isna() | d["timing"].notna(), error="an outcome metric must give its timing"),
        ]
        money = set(semantics.money_units(ref["vocabulary"]))
        checks += [
            pa.Check(lambda d: ~d["unit"].astype(str).isin(money) | d["display_scale"].notna(),
                     error="an amount of money must give the display_scale every page shows it in"),
            pa.Check(lambda d: d["unit"].astype(str).isin(money) | d["display_scale"].isna(),
                     error="display_scale is only for amounts of money"),
        ]
    elif name == "interventions":
        checks.append(pa.Check(lambda d: d["first_year"].isna() | d["last_year"].isna()
                               | (d["first_year"] <= d["last_year"]), error="first_year after last_year"))
        named = set(zip(ref["interventions"]["association_id"], ref["interventions"]["intervention"]))

        def covers_known(d):
            return pd.Series([isinstance(c, float) or all((a, x) in named for x in str(c).split(";"))
                              for a, c in zip(d["association_id"], d["covers"])], index=d.index)

        checks += [
            pa.Check(lambda d: d["covers"].isna() | (d["kind"] == "aggregate"), error="only an aggregate covers "
                                                                                        "other interventions"),
            pa.Check(covers_known, error="covers names an intervention not listed for this association"),
            pa.Check(lambda d: pd.Series([isinstance(p, float) or (a, p) in named for a, p in
                                          zip(d["association_id"], d["part_of"])], index=d.index),
                     error="part_of names an intervention not listed for this association"),
            pa.Check(lambda d: d["part_of"].isna() | (d["part_of"] != d["intervention"]),
                     error="part_of names the intervention itself"),
        ]
    elif name == "observations":
        metric_unit = dict(zip(ref["metrics"]["metric"].astype(str), ref["metrics"]["unit"].astype(str)))
        unit_class = semantics.unit_classes(ref["vocabulary"])
        known = set(zip(ref["interventions"]["association_id"], ref["interventions"]["intervention"]))

        def intervention_known(d):
            pairs = pd.MultiIndex.from_arrays([d["association_id"], d["intervention"]])
            return (d["intervention"] == ALL) | pd.Series(pairs.isin(known), index=d.index)

        def unit_matches(d):  # a count may count persons, participations or cases; others keep their unit
            m_codes, metrics = _distinct(d["metric"])
            u_codes, units = _distinct(d["unit"])
            unit_code = _code_of(units)
            same = _per_code(m_codes, [unit_code.get(metric_unit.get(m), -2) for m in metrics], -2) == u_codes
            count_metric = _per_code(m_codes, [unit_class.get(metric_unit.get(m)) == "count" for m in metrics], False)
            return pd.Series(same | count_metric & counting(u_codes, units), index=d.index)

        def counting(u_codes, units) -> np.ndarray:
            """Whether each row's unit is a count unit."""
            return _per_code(u_codes, [unit_class.get(u) == "count" for u in units], False)

        def is_count_unit(d) -> np.ndarray:
            return counting(*_distinct(d["unit"]))

        def counts_whole(d):
            v = d["value"]
            return ~pd.Series(is_count_unit(d), index=d.index) | ((v >= 0) & (v == np.floor(v)))

        def counts_exact(d):
            return ~pd.Series(is_count_unit(d), index=d.index) | (d["value"] < MAX_COUNT)

        source_assoc = dict(zip(ref["sources"]["source_id"].astype(str), ref["sources"]["association_id"].astype(str)))

        def source_association(d):
            s_codes, sources = _distinct(d["source_id"])
            a_codes, associations = _distinct(d["association_id"])
            association_code = _code_of(associations)
            stated = _per_code(s_codes, [association_code.get(source_assoc.get(x), -2) for x in sources], -2)
            return pd.Series(stated == a_codes, index=d.index)

        def percent_range(d):
            return (d["unit"] != "percent") | d["value"].between(0, 100)

        checks += _breakdown_row_checks(ref.get("categories"))
        checks += [
            pa.Check(lambda d: d["period_start"] <= d["period_end"], error="period_start after period_end"),
            pa.Check(unit_matches, error="unit differs from the metric's unit in metrics.csv (a count may use "
                                         "another count unit, nothing else)"),
            pa.Check(counts_whole, error="a count must be a non-negative whole number"),
            pa.Check(counts_exact, error=f"a count must be below 2**53 ({MAX_COUNT}): larger "
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


def _numbers(df: pd.DataFrame, name: str) -> pd.DataFrame:
    """The number columns (text that passed :func:`_number_syntax`) as the dtypes the column schema
    coerces them to, parsed by pyarrow through pandas' Arrow dtypes: the same values as pandera's
    coercion (correctly rounded decimals; tests/data/test_validate.py compares them), about 15 times
    faster, which is most of a million-row load's coercion time. A column that does not convert
    cleanly (digits of another script, a whole number beyond 64 bits, a required one left empty)
    stays text: pandera's coercion and checks report it as before."""
    out = df.copy()  # about 5 ms at a million rows (Arrow text columns share their buffers)
    for c in TABLES[name].fields:
        kind = FIELDS[c].dtype
        if kind not in _NUMBER:
            continue
        try:
            parsed = df[c].astype("int64[pyarrow]" if kind == "int" else "float64[pyarrow]")
        except (ValueError, TypeError, OverflowError):
            continue
        dtype = _dtype(c)
        if dtype == "int64" and parsed.isna().any():
            continue
        out[c] = parsed.astype(dtype)
    return out


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


#: fields whose empty value means something (dimension and category: a figure about everyone)
_EMPTY_IS_A_VALUE = ("dimension", "category")


def _prepare(df: pd.DataFrame, name: str) -> pd.DataFrame:
    """Empty optional fields become missing values; required ones stay '' to be reported."""
    out = df.copy()
    for c in TABLES[name].fields:
        f = FIELDS[c]
        if f.dtype in ("int", "float"):
            out[c] = out[c].str.strip().replace("", np.nan)
        elif not f.required and c not in _EMPTY_IS_A_VALUE:
            out[c] = out[c].replace("", np.nan)
    return out


def check_schema(data_dir: Path, name: str, raw: pd.DataFrame, ref: dict[str, pd.DataFrame]):
    """Validate one table against the column and row rules; returns (typed rows that passed, problems)."""
    shown = _shown(data_dir, name)
    ids = {t: set(ref[t][TABLES[t].primary_key[0]]) for t in ref if TABLES[t].primary_key}
    vocab = {}
    if "vocabulary" in ref:
        for v, c in zip(ref["vocabulary"]["vocabulary"], ref["vocabulary"]["code"]):
            vocab.setdefault(str(v), []).append(str(c))
    prepared = _prepare(raw, name)
    problems, bad = _number_syntax(shown, name, prepared)
    if bad:
        prepared = prepared.loc[~prepared.index.isin(bad)]
    prepared = _numbers(prepared, name)
    try:
        typed = column_schema(name, ids, vocab).validate(prepared, lazy=True)
    except pa.errors.SchemaErrors as e:
        found, bad = _explain_failures(e, shown, prepared)
        problems += found
        good = prepared.loc[~prepared.index.isin(bad)]
        typed = column_schema(name, ids, vocab).validate(good) if len(good) else good
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
            cols = [o[c].astype(str) if c in ("association_id", "intervention", "metric", "gender", "dimension",
                                              "category") else o[c]
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


def _full(key: tuple, by: str, value) -> tuple:
    """The fact key of ``key`` (a key of a frame unstacked by ``by``) with ``by`` set to ``value``."""
    rest = [k for k in FACT_KEY if k != by]
    d = dict(zip(rest, key))
    d[by] = value
    return tuple(d[k] for k in FACT_KEY)


def _with(key: tuple, **changes) -> tuple:
    """A fact key with some of its parts changed."""
    d = dict(zip(FACT_KEY, key), **changes)
    return tuple(d[k] for k in FACT_KEY)


def _in_category(key: tuple, by: str | None = None) -> str:
    """' [dimension=category]' for a key of a breakdown; '' for figures about everyone."""
    d = dict(zip([k for k in FACT_KEY if k != by], key))
    return f" [{d['dimension']}={d['category']}]" if d.get("dimension") else ""


def _wide(facts: pd.DataFrame, metrics, by: str) -> pd.DataFrame | None:
    """Facts of ``metrics`` with ``by`` (gender or metric) as columns: vmin/vmax/explained."""
    f = facts[facts.index.get_level_values("metric").isin(list(metrics))]
    if f.empty:
        return None
    return f[["vmin", "vmax", "explained"]].unstack(by)


def check_consistency(shown: str, obs: pd.DataFrame, metrics: pd.DataFrame, vocabulary: pd.DataFrame,
                      arithmetic: bool = True, facts: pd.DataFrame | None = None) -> list[Problem]:
    """Duplicate facts with different values, and (``arithmetic``) the sums and rates. Which metrics
    are counts, which are exit reasons and what each rate is a percentage of come from the
    metadata (semantics.py), not from lists here."""
    genders = semantics.codes(vocabulary, "gender")
    exit_reasons = semantics.exit_reasons(metrics)
    work, studies = (semantics.outcome_metric(metrics, o) for o in semantics.SUM_PARTS)
    work_or_studies = semantics.outcome_metric(metrics, semantics.SUM_OUTCOME)
    exited = semantics.denominator(metrics, "exit")
    problems: list[Problem] = []
    if obs.empty:
        return problems
    facts = _facts(obs) if facts is None else facts
    lines = _Lines(obs)

    def report(keys, explained, message):
        problems.append(_report(shown, lines(keys), explained, message))

    # one value per fact
    for key, r in facts[facts["nvalues"] > 1].iterrows():
        vals = sorted(obs.loc[lines([key]), "value"].unique())
        report([key], r["explained"], f"the same fact ({key[0]} {key[1]}–{key[2]} {key[3]} {key[4]} {key[5]}"
                                      f"{_in_category(key)}) "
                                      f"is stated with different values {', '.join(_num(v) for v in vals)}")

    if not arithmetic:
        return problems

    def col(frame, name):
        return frame[name] if name in frame else pd.Series(np.nan, index=frame.index)

    # women + men + unknown = all, for every count metric (conflicting values: their ranges must allow it);
    # whatever genders are stated, together they are at most all (women 50 of all 48 is wrong alone)
    counts = semantics.count_metrics(metrics)
    everyone = semantics.EVERYONE
    parts_g = [g for g in genders if g != everyone]
    required_g = parts_g[:-1]  # women and men must be stated for the sum to be checked; 'unknown' may be missing
    w = _wide(facts, counts, "gender")
    if w is not None and everyone in w["vmin"].columns:
        lo, hi, ex = w["vmin"], w["vmax"], w["explained"]
        whole = lo[everyone].notna()
        complete = whole & pd.concat([col(lo, g).notna() for g in required_g], axis=1).all(axis=1)
        some = whole & pd.concat([col(lo, g).notna() for g in parts_g], axis=1).any(axis=1)
        s_lo = sum(col(lo, g).fillna(0) for g in parts_g)
        s_hi = sum(col(hi, g).fillna(0) for g in parts_g)
        for key in w.index[(some & (s_lo > hi[everyone])) | (complete & (s_hi < lo[everyone]))]:
            gs = [g for g in genders if g in lo.columns and pd.notna(lo.at[key, g])]
            parts = " + ".join(f"{g} {_fmt(lo.at[key, g], hi.at[key, g])}" for g in gs if g != everyone)
            what = "gender split does not add up" if complete[key] else "genders stated exceed everyone"
            report([_full(key, "gender", g) for g in gs], any(_true(ex.at[key, g]) for g in gs),
                   f"{what} for {key[4]} ({key[0]} {key[1]}–{key[2]} {key[3]}"
                   f"{_in_category(key, 'gender')}): "
                   f"{parts} {'≠' if complete[key] else '>'} {everyone} {_fmt(lo.at[key, everyone], hi.at[key, everyone])}")

    # exits within participants; exit reasons within exits; work + studies = work or studies
    needed = ["participants", "participants_new", exited, work_or_studies, *exit_reasons]
    w = _wide(facts, needed, "metric")
    if w is not None:
        lo, hi, ex = w["vmin"], w["vmax"], w["explained"]
        # work and studies count once: as their parts where stated, else as their stated sum
        parts = col(lo, work).notna() | col(lo, studies).notna()
        ws_part = (col(lo, work).fillna(0) + col(lo, studies).fillna(0)).where(
            parts, col(lo, work_or_studies).fillna(0))
        reasons_lo = ws_part + sum(col(lo, m).fillna(0) for m in exit_reasons if m not in (work, studies))
        any_reason = pd.concat([col(lo, m).notna() for m in (*exit_reasons, work_or_studies)],
                               axis=1).any(axis=1)
        rules = [(f"{part} exceeds participants", [part, "participants"], col(lo, part) > col(hi, "participants"))
                 for part in (exited, "participants_new")]
        rules.append(("exit reasons add up to more than participants_exited",
                      [exited, work_or_studies, *exit_reasons],
                      any_reason & (reasons_lo > col(hi, exited))))
        rules.append(("exit_work_or_studies exceeds participants_exited", [work_or_studies, exited],
                      col(lo, work_or_studies) > col(hi, exited)))
        ws_lo, ws_hi = col(lo, work) + col(lo, studies), col(hi, work) + col(hi, studies)
        rules.append(("exit_work + exit_studies differs from exit_work_or_studies",
                      [work, studies, work_or_studies],
                      (ws_lo > col(hi, work_or_studies)) | (ws_hi < col(lo, work_or_studies))))
        for message, involved, mask in rules:
            for key in w.index[mask.fillna(False).astype(bool)]:
                ms = [m for m in involved if m in lo.columns and pd.notna(lo.at[key, m])]
                vals = ", ".join(f"{m} {_fmt(lo.at[key, m], hi.at[key, m])}" for m in ms)
                report([_full(key, "metric", m) for m in ms], any(_true(ex.at[key, m]) for m in ms),
                       f"{message} ({key[0]} {key[1]}–{key[2]} {key[3]} {key[4]}{_in_category(key, 'metric')}): "
                       f"{vals}")

    # percentages agree with the counts they are computed from (facts with one value only)
    single = facts[facts["nvalues"] == 1]
    val, expl = single["vmin"], single["explained"]
    tasks = [(rate, num, den, None) for rate, (num, den) in semantics.rate_parts(metrics).items()]
    shares = metrics[(metrics["metric_kind"] == "share") & ~metrics["metric"].isin(CATEGORY_SHARES)]
    tasks += [(m, d, d, everyone) for m, d in zip(shares["metric"], shares["denominator_metric"])]  # categories: below
    for rate, num_m, den_m, den_gender in tasks:
        r = single[single.index.get_level_values("metric") == rate]
        if r.empty:
            continue
        keys = r.index.to_frame(index=False)

        def look(metric, gender=None):
            k = keys.assign(metric=metric, **({"gender": gender} if gender else {}))
            return pd.Series(val.reindex(pd.MultiIndex.from_frame(k[list(FACT_KEY)])).to_numpy(), index=r.index)

        num = look(num_m)
        if num_m == work_or_studies:  # work + studies when the sum is not printed
            num = num.fillna(look(work) + look(studies))
        den = look(den_m, den_gender)
        stated = r["vmin"]
        computed = 100 * num / den
        bad = num.notna() & den.notna() & (den > 0) & ((computed - stated).abs() > _tolerance(stated))
        for key in r.index[bad]:
            involved = [key, _with(key, metric=num_m), _with(key, metric=den_m, gender=den_gender or key[5])]
            explained = any(bool(expl.get(k, False)) for k in involved)
            report(involved, explained, f"{rate} {_num(stated[key])} % disagrees with its counts "
                                        f"({_num(num[key])} of {_num(den[key])} = {computed[key]:.1f} %) "
                                        f"({key[0]} {key[1]}–{key[2]} {key[3]} {key[5]}{_in_category(key)})")
    return problems


def _tolerance(stated: pd.Series) -> pd.Series:
    """A whole-number percentage may be rounded or truncated (< 1 point); a decimal one < 0.1."""
    return pd.Series(np.where(stated == np.round(stated), 1.0, 0.1) + 1e-9, index=stated.index)


# ---------------------------------------------------------------------------- breakdowns (by category)
#: shares of one dimension's categories: together about 100 % when the report gives the whole breakdown
CATEGORY_SHARES = ("participants_category_share", "participants_new_category_share")


def _percent_of(metrics: pd.DataFrame) -> tuple[dict, dict]:
    """From the metrics' metadata: percentage metric -> (count metric it is a percentage of, the
    gender of that count (None: the row's), whether that count is the figure about everyone rather
    than the row's own category); and percentage metric -> the count it is computed from."""
    percent_of, numerator_of = {}, {}
    for rate, (num, den) in semantics.rate_parts(metrics).items():
        percent_of[rate], numerator_of[rate] = (den, None, False), num
    shares = metrics[metrics["metric_kind"].astype(str) == "share"]
    for m, den in zip(shares["metric"].astype(str), shares["denominator_metric"].astype(str)):
        category = m in CATEGORY_SHARES
        percent_of[m] = (den, None if category else semantics.EVERYONE, category)
        numerator_of[m] = den
    return percent_of, numerator_of


def _split_prefix(dimension: str, category: str) -> tuple[str, str]:
    """('before:', 'bidrag') for an income_source category 'before:bidrag'; ('', category) otherwise."""
    for p in PREFIXED_DIMENSIONS.get(dimension, ()):
        if category.startswith(p):
            return p, category[len(p):]
    return "", category


def _breakdown_row_checks(categories: pd.DataFrame | None) -> list[pa.Check]:
    """dimension and category go together, and the category is declared for its dimension."""
    declared = set() if categories is None else set(zip(categories["dimension"].astype(str),
                                                        categories["category"].astype(str)))

    def paired(d):
        return (d["dimension"] == "") == (d["category"] == "")

    def declared_ok(d):
        ok = pd.Series(True, index=d.index)
        some = d["dimension"] != ""  # only breakdown rows are looked at: fast at a million rows
        if not some.any():
            return ok
        ok[some] = [(dim, _split_prefix(dim, cat)[1]) in declared
                    for dim, cat in zip(d.loc[some, "dimension"].astype(str), d.loc[some, "category"].astype(str))]
        return ok

    return [pa.Check(paired, error="dimension and category must both be given or both be empty"),
            pa.Check(declared_ok, error="category is not declared for its dimension in categories.csv "
                                        "(income_source categories may start 'before:' or 'after:')")]


def check_breakdowns(shown: str, obs: pd.DataFrame, metrics: pd.DataFrame, vocabulary: pd.DataFrame,
                     facts: pd.DataFrame | None = None) -> list[Problem]:
    """Breakdowns by category and percentages against their base:

    - counts of a dimension's categories add up to the figure about everyone (the table's total);
      where the report gives only some categories (a single one, or a note starting 'partial:'),
      they may not exceed it;
    - shares of a dimension's categories add up to about 100 % when two or more are given (at most
      100 % for a partial breakdown);
    - in a category's row of a table, the exit reasons add up to its exits;
    - every percentage can be made from a whole number of the count it is a percentage of
      (14 % of 17 cannot: 2/17 = 11.8 %, 3/17 = 17.6 %), where its own count is not stated.
    """
    problems: list[Problem] = []
    if obs.empty:
        return problems
    PERCENT_OF, NUMERATOR_OF = _percent_of(metrics)
    exit_reasons = semantics.exit_reasons(metrics)
    work, studies = (semantics.outcome_metric(metrics, o) for o in semantics.SUM_PARTS)
    work_or_studies = semantics.outcome_metric(metrics, semantics.SUM_OUTCOME)
    exited = semantics.denominator(metrics, "exit")
    facts = _facts(obs) if facts is None else facts
    lines = _Lines(obs)
    single = facts[facts["nvalues"] == 1].reset_index()
    for c in FACT_KEY:
        if isinstance(single[c].dtype, pd.CategoricalDtype):
            single[c] = single[c].astype(str)

    def report(keys, explained, message):
        problems.append(_report(shown, lines(keys), explained, message))

    def where(r) -> str:
        return f"({r.association_id} {r.period_start}–{r.period_end} {r.intervention} {r.gender})"

    cat = single[single["dimension"] != ""].copy()
    # a breakdown's declared base (category BASE_CATEGORY) is its total, not one of its categories: its
    # categories may not exceed it, and it may not exceed the figure about everyone
    is_base = (cat["category"] == BASE_CATEGORY).to_numpy()
    base_rows = cat[is_base].assign(line_key=lambda f: list(zip(*(f[c] for c in FACT_KEY))))
    cat = cat[~is_base].copy()
    cat["line_key"] = list(zip(*(cat[c] for c in FACT_KEY)))
    partial_lines = set(obs.index[obs["note"].fillna("").astype(str).str.lower().str.startswith(PARTIAL_PREFIX)])
    cat["partial"] = [bool(set(lines([k])) & partial_lines) for k in cat["line_key"]]
    prefix = [_split_prefix(d, c)[0] for d, c in zip(cat["dimension"], cat["category"])]
    cat["part"] = cat["dimension"] + pd.Series(prefix, index=cat.index, dtype=object).map(lambda x: f" {x}" if x else "")
    group = ["association_id", "period_start", "period_end", "intervention", "metric", "gender", "part"]
    about_everyone = single[(single["dimension"] == "") & single["association_id"].isin(set(cat["association_id"]))]
    overall = about_everyone.assign(line_key=lambda f: list(zip(*(f[c] for c in FACT_KEY))))
    overall = overall.set_index(["association_id", "period_start", "period_end", "intervention", "metric", "gender"])
    counts = set(semantics.count_metrics(metrics))

    # categories against the total, and shares against 100 %
    for key, g in cat.groupby(group, sort=False):
        metric, part = key[4], key[6]
        r = g.iloc[0]
        keys = list(g["line_key"])
        explained = bool(g["explained"].any())
        listing = ", ".join(f"{c} {_num(v)}" for c, v in zip(g["category"], g["vmin"]))
        if metric in counts:
            base = base_rows[(base_rows["dimension"] == r["dimension"])
                             & np.logical_and.reduce([base_rows[c] == v for c, v in zip(group[:6], key[:6])])]
            if len(base):
                b = base.iloc[0]
                s = float(g["vmin"].sum())
                if s > float(b["vmin"]):
                    report(keys + [b["line_key"]], explained or bool(b["explained"]),
                           f"{metric} by {part} exceeds its stated base {_num(float(b['vmin']))} {where(r)}: "
                           f"{listing} = {_num(s)}")
            try:
                tot = overall.loc[key[:6]]
            except KeyError:
                continue
            total = float(tot["vmin"])
            for b in base.itertuples():
                if float(b.vmin) > total:
                    report([b.line_key, tot["line_key"]], bool(b.explained) or bool(tot["explained"]),
                           f"the base of {metric} by {part}, {_num(float(b.vmin))}, exceeds its total "
                           f"{_num(total)} {where(r)}")
            s = float(g["vmin"].sum())
            complete = len(g) >= 2 and not g["partial"].any()
            if (complete and s != total) or s > total:
                report(keys + [tot["line_key"]], explained or bool(tot["explained"]),
                       f"{metric} by {part} does not add up to its total {_num(total)} {where(r)}: {listing} "
                       f"= {_num(s)}")
        elif metric in CATEGORY_SHARES and len(g) >= 2:
            s = float(g["vmin"].sum())
            whole = bool((g["vmin"] == g["vmin"].round()).all())
            tol = (0.5 if whole else 0.05) * len(g) + 1e-9
            tol = max(tol, 1.0)
            if s > 100 + tol or (s < 100 - tol and not g["partial"].any()):
                report(keys, explained, f"{metric} by {part} adds up to {_num(round(s, 2))} %, not 100 % "
                                        f"{where(r)}: {listing}")

    # a category's row of a table: its exit reasons add up to its exits
    ex = cat[cat["metric"].isin([exited, work_or_studies, *exit_reasons])]
    row_key = ["association_id", "period_start", "period_end", "intervention", "gender", "dimension", "category"]
    for key, g in ex.groupby(row_key, sort=False):
        v = dict(zip(g["metric"], g["vmin"]))
        if exited not in v or len(v) < 2:
            continue
        ws = (v.get(work, 0) + v.get(studies, 0) if (work in v or studies in v) else v.get(work_or_studies, 0))
        s = ws + sum(v.get(m, 0) for m in exit_reasons if m not in (work, studies))
        if s != v[exited]:
            r = g.iloc[0]
            parts = ", ".join(f"{m} {_num(x)}" for m, x in v.items() if m != exited)
            report(list(g["line_key"]), bool(g["explained"].any()),
                   f"exit reasons of {key[5]}={key[6]} add up to {_num(s)}, not its participants_exited "
                   f"{_num(v[exited])} {where(r)}: {parts}")

    # a percentage that no whole number of its base gives (vectorised: every rate of a large dataset)
    pct = single[single["metric"].isin(list(PERCENT_OF))]
    if not pct.empty:
        idx = single.set_index(list(FACT_KEY))
        m = pct["metric"]
        num = pct.assign(metric=m.map(NUMERATOR_OF))
        base = pct.assign(metric=m.map({k: v[0] for k, v in PERCENT_OF.items()}))
        fixed_gender = m.map({k: v[1] for k, v in PERCENT_OF.items()})
        base["gender"] = fixed_gender.where(fixed_gender.notna(), pct["gender"])
        overall = m.map({k: v[2] for k, v in PERCENT_OF.items()}).astype(bool)
        base.loc[overall, ["dimension", "category"]] = ""

        def value_of(frame):
            return idx["vmin"].reindex(pd.MultiIndex.from_frame(frame[list(FACT_KEY)])).to_numpy(dtype=float)

        b, n, p = value_of(base), value_of(num), pct["vmin"].to_numpy(dtype=float)
        # work + studies count as the numerator of a work-or-studies rate (as in check_consistency)
        ws = (m.map(NUMERATOR_OF) == work_or_studies).to_numpy()
        if ws.any():
            n = np.where(ws & np.isnan(n), value_of(pct.assign(metric=work))
                         + value_of(pct.assign(metric=studies)), n)
        have = ~np.isnan(b) & (b > 0) & np.isnan(n)
        bad = have & ~rounding.attainable(p, np.where(have, b, 1))
        expl = idx["explained"]
        for i in np.flatnonzero(bad):
            r = pct.iloc[i]
            key = tuple(r[c] for c in FACT_KEY)
            bk = tuple(base.iloc[i][c] for c in FACT_KEY)
            report([key, bk], bool(r["explained"]) or bool(expl.get(bk, False)),
                   f"{r['metric']} {_num(p[i])} % cannot be a share of {_num(b[i])} ({bk[4]} {bk[5]}"
                   f"{_in_category(bk)}): no whole number of {_num(b[i])} gives it "
                   f"({r['association_id']} {r['period_start']}–{r['period_end']} {r['intervention']} {r['gender']}"
                   f"{_in_category(key)})")
    return problems


# ---------------------------------------------------------------------------- entry point
def validate(data_dir: str | os.PathLike | None = None, sources_dir: str | os.PathLike | None = None,
             *, provenance: bool = True, arithmetic: bool = True) -> Result:
    """Run every check on the tables in ``data_dir``; with ``provenance`` also against the sources.
    ``arithmetic=False`` skips the sums and rates (finsam.load does, to stay fast; duplicate
    facts with different values are always checked)."""
    from finsam.core import paths
    data_dir = paths.data_dir(data_dir)
    result = Result()
    ref: dict[str, pd.DataFrame] = {}
    broken = False
    meaning_ok = True  # vocabulary.csv and metrics.csv passed whole
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
        if broken and name not in ("metrics", "vocabulary"):
            # a table this one refers to is unreadable: checking ids against it would only add noise
            continue
        typed, probs = check_schema(data_dir, name, raw, ref)
        result.problems += probs
        ref[name] = typed
        if probs and name in ("vocabulary", "metrics"):
            # the sums and rates read their meaning (units, outcomes, denominators) from these two
            # tables: with rows of them refused, they would only add noise, or fail
            meaning_ok = False
    if broken or not meaning_ok or "observations" not in ref:
        return result
    obs = ref["observations"]
    facts = _facts(obs) if len(obs) else None  # one grouping of the facts for both layers
    result.problems += check_consistency(_shown(data_dir, "observations"), obs, ref["metrics"], ref["vocabulary"],
                                         arithmetic, facts)
    if arithmetic:
        result.problems += check_breakdowns(_shown(data_dir, "observations"), obs, ref["metrics"],
                                            ref["vocabulary"], facts)
    if provenance:
        from finsam.data.provenance import check_provenance
        voc = ref["vocabulary"]
        money = voc.loc[(voc["vocabulary"].astype(str) == "unit") & (voc["class"].astype(str) == "money"), "code"]
        result.problems += check_provenance(data_dir, paths.sources_dir(sources_dir),
                                            ref["sources"], obs, money_units=set(money.astype(str)))
    result.tables = ref
    return result
