"""Outcome rates with confidence intervals, and gender gaps with exact or chi-squared tests.

All rates are percentages of *exited* participants (``participants_exited``) of the same
association, period, intervention and gender: the denominator the reports use for "andel som
gått till arbete eller studier". Intervals are 95 % Wilson score intervals (good coverage for
small n, never outside 0–100 %), computed from counts only; a percentage the report prints
without its counts is carried as reported, without an interval.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from finsam.data import rounding, semantics, versions
from finsam.data.tables import Tables
from finsam.data.frames import texts

CONFIDENCE = 0.95


def wilson_interval(k: int, n: int, confidence: float = CONFIDENCE) -> tuple[float, float]:
    """Wilson score interval for k successes in n trials, as proportions (statsmodels'
    implementation, through :func:`finsam.stats.inference.wilson`: one Wilson interval for the package)."""
    from finsam.stats.inference import wilson
    if n <= 0:
        return (math.nan, math.nan)
    lo, hi = wilson(int(k), int(n), confidence)
    return float(lo), float(hi)


COLUMNS = ["gender", "outcome", "exited", "count", "rate", "ci_low", "ci_high", "reported_rate", "basis",
           "conflict", "basis_code"]


def rates_from_facts(facts: pd.DataFrame, tables: Tables) -> pd.DataFrame:
    """outcome_rates for facts already selected (one association, period and intervention) and
    resolved; lets a caller resolve a year once and compute every intervention's rates from it.
    Works on a dictionary of the few facts involved: DataFrame filtering per gender and outcome
    would cost a report more time than all its statistics."""
    return _rates_frame(_rate_rows(_stated_by(facts).get("", {}), _Roles.of(tables)), tables)


def rates_by_group(facts: pd.DataFrame, tables: Tables, by: str = "intervention") -> pd.DataFrame:
    """:func:`rates_from_facts` for every value of ``by`` (by default each intervention) of a
    year's resolved facts at once, with a first column ``by``: the same rows as calling it on each
    group's facts, in one pass and one frame (groups in sorted order)."""
    roles = _Roles.of(tables)  # looked up once for every group
    rows = [(key, *r) for key, stated in sorted(_stated_by(facts, by).items()) for r in _rate_rows(stated, roles)]
    out = _rates_frame([r[1:] for r in rows], tables, sort=False)
    out.insert(0, by, [r[0] for r in rows])
    return out.sort_values([by, "outcome", "gender"], kind="stable").reset_index(drop=True)


def _stated_by(facts: pd.DataFrame, by: str | None = None) -> dict[str, dict[tuple[str, str], list[tuple[float, bool]]]]:
    """group (the value of ``by``; "" without it) -> (gender, metric) -> every (value, conflict)
    the facts state."""
    keys = texts(facts[by]) if by else [""] * len(facts)
    stated: dict[str, dict[tuple[str, str], list[tuple[float, bool]]]] = {}
    for key, g, m, v, c in zip(keys, texts(facts["gender"]), texts(facts["metric"]), facts["value"].tolist(),
                               facts["conflict"]):
        stated.setdefault(key, {}).setdefault((g, m), []).append((float(v), bool(c)))
    return stated


@dataclass(frozen=True)
class _Roles:
    """The genders, outcomes and metrics a group's rates are computed with (vocabulary.csv,
    metrics.csv), looked up once per call rather than once per group."""
    genders: tuple[str, ...]
    outcomes: tuple
    exited: str
    parts: tuple[str, ...]  #: the count metrics of semantics.SUM_PARTS
    arithmetic: versions.Arithmetic

    @classmethod
    def of(cls, tables: Tables) -> "_Roles":
        m = tables.metrics
        return cls(tuple(semantics.codes(tables.vocabulary, "gender")), tuple(semantics.outcomes(m)),
                   semantics.denominator(m), tuple(semantics.outcome_metric(m, p) for p in semantics.SUM_PARTS),
                   versions.arithmetic(m, tables.vocabulary))


def _usable(stated: dict[tuple[str, str], list[tuple[float, bool]]], roles: _Roles
            ) -> dict[tuple[str, str], list[tuple[float, bool]]]:
    """``stated`` without the versions the report's own arithmetic rules out
    (:func:`finsam.data.versions.unusable`: exits that their reasons or the other genders contradict)."""
    if not any(len(v) for (g, m), v in stated.items()):
        return stated
    bad = versions.unusable({k: [v for v, _ in vals] for k, vals in stated.items()}, roles.arithmetic)
    if not bad:
        return stated
    drop = {(u.gender, u.metric, u.value) for u in bad}
    return {k: [(v, c) for v, c in vals if (*k, v) not in drop] for k, vals in stated.items()}


def _rate_rows(stated: dict[tuple[str, str], list[tuple[float, bool]]], roles: _Roles) -> list[tuple]:
    """The rows (COLUMNS) of one group's rates from its stated values; a version of the exits that
    the report's own arithmetic rules out is not used (finsam.data.versions)."""
    stated = _usable(stated, roles)
    rows = []
    genders, outcomes, exited_m, part_ms = roles.genders, roles.outcomes, roles.exited, roles.parts
    for gender in genders:
        exited = stated.get((gender, exited_m), [])
        for o in outcomes:
            outcome, count_m, rate_m = o.outcome, o.count, o.rate
            counts, basis, code = stated.get((gender, count_m), []), "counts", "counts"
            if not counts and outcome == semantics.SUM_OUTCOME:
                work, studies = (stated.get((gender, m), []) for m in part_ms)
                counts = [(a + b, ca or cb) for a, ca in work for b, cb in studies]
                basis, code = "counts (derived: work + studies)", "derived"
            reported = stated.get((gender, rate_m), [])
            rep_values = [v for v, _ in reported] or [np.nan]
            rep_conflict = any(c for _, c in reported)
            if counts and exited:
                for k, ck in counts:
                    for n, cn in exited:
                        for rep in rep_values:  # the interval: _rates_frame, for every row at once
                            rows.append((gender, outcome, int(n), int(k), 100 * k / n if n else np.nan, np.nan,
                                         np.nan, rep, basis + ", 95 % Wilson interval", ck or cn or rep_conflict, code))
            elif reported:
                n = int(exited[0][0]) if len(exited) == 1 else np.nan
                for rep in rep_values:
                    rows.append((gender, outcome, n, np.nan, rep, np.nan, np.nan, rep,
                                 "reported percentage only (no counts, so no interval)",
                                 rep_conflict or any(c for _, c in exited), "reported"))
    return rows


def _rates_frame(rows: list[tuple], tables: Tables, sort: bool = True) -> pd.DataFrame:
    """The rows as a frame, with the 95 % Wilson interval of every rate from counts (k of n > 0),
    computed in one vectorised call (one call per row cost a page more than its statistics)."""
    from finsam.stats.inference import wilson
    genders = semantics.codes(tables.vocabulary, "gender")
    outcomes = [o.outcome for o in semantics.outcomes(tables.metrics)]
    out = pd.DataFrame(rows, columns=COLUMNS)
    k, n = out["count"].to_numpy(dtype=float), out["exited"].to_numpy(dtype=float)
    with_counts = ~np.isnan(k) & (n > 0)
    if with_counts.any():
        lo, hi = wilson(k[with_counts].astype(int), n[with_counts].astype(int))
        out.loc[with_counts, "ci_low"], out.loc[with_counts, "ci_high"] = 100 * lo, 100 * hi
    for c in ("exited", "count"):
        out[c] = out[c].astype("Int64")
    out["conflict"] = out["conflict"].astype(bool)
    out["gender"] = pd.Categorical(out["gender"], categories=genders)
    out["outcome"] = pd.Categorical(out["outcome"], categories=outcomes)
    return out.sort_values(["outcome", "gender"], kind="stable").reset_index(drop=True) if sort else out


def gap_test(k_women: int, n_women: int, k_men: int, n_men: int, alpha: float = 0.05) -> dict:
    """Compare two proportions with the test :func:`finsam.stats.inference.table_test` chooses for
    their 2×2 table: Fisher's exact test when any expected cell count is below 5, else Pearson's
    chi-squared test with Yates' continuity correction.

    Returns rates (percent), the difference women − men in percentage points, the odds ratio,
    Cohen's h, the test used, its p-value and a plain-language verdict at level ``alpha``.

    ``test`` and ``verdict`` are English, for interactive use; pages word the codes instead:
    ``test_code`` (``fisher``, ``chi2_yates``, ``none_same_outcome``), ``verdict_code``
    (``evidence`` or ``no_evidence``), ``direction`` (``higher``/``lower``: women vs men) and
    ``level`` (``alpha``).
    """
    from finsam.stats.inference import table_test
    table = np.array([[k_women, n_women - k_women], [k_men, n_men - k_men]])
    if (table < 0).any() or n_women <= 0 or n_men <= 0:
        raise ValueError(f"invalid counts: women {k_women}/{n_women}, men {k_men}/{n_men}")
    pw, pm = k_women / n_women, k_men / n_men
    tested = table_test(table)  # the one rule: Fisher's exact test or chi-squared with Yates' correction
    if tested.method_code == "none":  # both groups are non-empty, so every person had the same outcome
        test, code, p = "none (every person had the same outcome)", "none_same_outcome", 1.0
    else:
        test, code, p = tested.method, tested.method_code, tested.p_value
    with np.errstate(divide="ignore", invalid="ignore"):
        odds = (table[0, 0] * table[1, 1]) / (table[0, 1] * table[1, 0]) if table[0, 1] * table[1, 0] else math.inf
    h = 2 * math.asin(math.sqrt(pw)) - 2 * math.asin(math.sqrt(pm))
    diff = 100 * (pw - pm)
    significant = p < alpha
    level = f"{round(alpha * 100)} %"
    if significant:
        verdict = (f"evidence of a difference at the {level} level: women {'higher' if diff > 0 else 'lower'} "
                   f"by {abs(diff):.0f} percentage points")
    else:
        verdict = f"no evidence of a difference at the {level} level"
    return dict(women_count=k_women, women_n=n_women, men_count=k_men, men_n=n_men, women_rate=100 * pw,
                men_rate=100 * pm, difference_pp=diff, odds_ratio=odds, cohens_h=h, test=test, p_value=p,
                significant=significant, verdict=verdict, test_code=code,
                verdict_code="evidence" if significant else "no_evidence",
                direction="higher" if diff > 0 else "lower" if diff < 0 else "equal", level=alpha)


def gap_from_rates(rates: pd.DataFrame, outcome: str = "work_or_studies") -> pd.DataFrame:
    """gender_gap for rates already computed (see rates_from_facts). Where women's and men's
    rates are printed as rounded percentages without counts, but the counts of everyone are
    known, every split the rounding allows is tested (``basis`` says so): a range, never one
    invented split.

    Besides the English ``verdict``/``basis``, each row carries codes a page words per language:
    ``verdict_code`` (``evidence``, ``no_evidence``, ``no_test_no_exits``, ``no_test_no_split``,
    ``no_test_no_counts``), ``test_code`` (``none`` where no test was made) and ``basis_code``
    (``counts`` or ``split``, with the split's ``split_count`` of ``split_n``)."""
    r = rates[rates["outcome"] == outcome]
    w, m = r[r["gender"] == semantics.WOMEN], r[r["gender"] == semantics.MEN]
    everyone = r[(r["gender"] == semantics.EVERYONE) & r["count"].notna() & r["exited"].notna()]
    rows = []
    for a in w.itertuples():
        for b in m.itertuples():
            if pd.notna(a.exited) and pd.notna(b.exited) and (int(a.exited) == 0 or int(b.exited) == 0):
                res = dict(women_rate=a.rate, men_rate=b.rate, difference_pp=np.nan, test="none", p_value=np.nan,
                           significant=False, conflict=bool(a.conflict or b.conflict),
                           verdict="no test possible: no exits are stated for one of the two groups",
                           verdict_code="no_test_no_exits", test_code="none")
            elif pd.notna(a.count) and pd.notna(b.count):
                res = gap_test(int(a.count), int(a.exited), int(b.count), int(b.exited))
                res["conflict"] = bool(a.conflict or b.conflict)
            elif len(everyone) == 1 and pd.notna(a.rate) and pd.notna(b.rate):
                e = everyone.iloc[0]
                n, k = int(e["exited"]), int(e["count"])
                splits = rounding.splits(n, k, float(a.rate), float(b.rate))
                for kw, nw in splits:
                    res = gap_test(kw, nw, k - kw, n - nw)
                    res.update(conflict=bool(a.conflict or b.conflict or e["conflict"]), outcome=outcome,
                               basis=f"split of {k} of {n} consistent with the rounded percentages",
                               basis_code="split", split_count=k, split_n=n)
                    rows.append(res)
                if splits:
                    continue
                res = dict(women_rate=a.rate, men_rate=b.rate, difference_pp=a.rate - b.rate, test="none",
                           p_value=np.nan, significant=False, conflict=bool(a.conflict or b.conflict),
                           verdict="no test possible: no split of the counts fits the report's rounded percentages",
                           verdict_code="no_test_no_split", test_code="none")
            else:
                res = dict(women_rate=a.rate, men_rate=b.rate, difference_pp=a.rate - b.rate, test="none",
                           p_value=np.nan, significant=False, conflict=bool(a.conflict or b.conflict),
                           verdict="no test possible: the report gives percentages without the counts behind them",
                           verdict_code="no_test_no_counts", test_code="none")
            res["outcome"] = outcome
            res.setdefault("basis", "counts")
            res.setdefault("basis_code", "counts")
            rows.append(res)
    return pd.DataFrame(rows)
