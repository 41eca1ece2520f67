"""Outcome rates with confidence intervals, and gender gaps with exact or chi-squared tests.

All rates are percentages of *exited* participants (``participants_exited``) of the same
association, period, intervention and gender: the denominator the reports use for "andel som
gått till arbete eller studier". Intervals are 95 % Wilson score intervals (good coverage for
small n, never outside 0–100 %), computed from counts only; a percentage the report prints
without its counts is carried as reported, without an interval.
"""
from __future__ import annotations

import math

import numpy as np
import pandas as pd

from .conflicts import resolve
from .data import select

OUTCOMES = {  # outcome -> (count metric, reported-rate metric)
    "work_or_studies": ("exit_work_or_studies", "exit_work_or_studies_rate"),
    "work": ("exit_work", "exit_work_rate"),
    "studies": ("exit_studies", "exit_studies_rate"),
    "jobseeking": ("exit_jobseeking", "exit_jobseeking_rate"),
    "employment_service": ("exit_employment_service", "exit_employment_service_rate"),
    "other_intervention": ("exit_other_intervention", "exit_other_intervention_rate"),
    "continued_rehab": ("exit_continued_rehab", "exit_continued_rehab_rate"),
    "illness": ("exit_illness", "exit_illness_rate"),
    "other": ("exit_other", "exit_other_rate"),
}
CONFIDENCE = 0.95


def wilson_interval(k: int, n: int, confidence: float = CONFIDENCE) -> tuple[float, float]:
    """Wilson score interval for k successes in n trials, as proportions (scipy's implementation)."""
    from scipy.stats import binomtest
    if n <= 0:
        return (math.nan, math.nan)
    ci = binomtest(int(k), int(n)).proportion_ci(confidence_level=confidence, method="wilson")
    return float(ci.low), float(ci.high)


def outcome_rates(obs: pd.DataFrame, association: str, year: int | tuple[int, int],
                  intervention: str = "ALL", policy: str = "show") -> pd.DataFrame:
    """Exit outcomes by gender for one association, period and intervention.

    One row per (gender, outcome, combination of conflicting values): ``exited`` (n),
    ``count`` (k), ``rate`` (percent of exited), ``ci_low``/``ci_high`` (95 % Wilson, percent),
    ``reported_rate`` (the percentage the report prints, if any), ``basis`` (how the rate was
    obtained) and ``conflict`` (a value involved is contested in the report).
    """
    sel = select(obs, association=association, period=year, intervention=intervention)
    facts = resolve(sel, policy)
    rows = []
    for gender in ("all", "women", "men", "unknown"):
        f = facts[facts["gender"] == gender]
        if f.empty:
            continue
        exited = f[f["metric"] == "participants_exited"]
        for outcome, (count_m, rate_m) in OUTCOMES.items():
            counts = f[f["metric"] == count_m]
            basis_counts = "counts"
            if counts.empty and outcome == "work_or_studies":
                w, s = f[f["metric"] == "exit_work"], f[f["metric"] == "exit_studies"]
                if not w.empty and not s.empty:
                    counts = pd.DataFrame([{"value": a.value + b.value, "conflict": a.conflict or b.conflict}
                                           for a in w.itertuples() for b in s.itertuples()])
                    basis_counts = "counts (derived: work + studies)"
            reported = f[f["metric"] == rate_m]
            rep_values = list(reported["value"]) or [np.nan]
            rep_conflict = bool(reported["conflict"].any()) if not reported.empty else False
            if not counts.empty and not exited.empty:
                for c in counts.itertuples():
                    for n in exited.itertuples():
                        k, nn = int(c.value), int(n.value)
                        lo, hi = wilson_interval(k, nn) if nn > 0 else (np.nan, np.nan)
                        for rep in rep_values:
                            rows.append(dict(gender=gender, outcome=outcome, exited=nn, count=k,
                                             rate=100 * k / nn if nn else np.nan, ci_low=100 * lo, ci_high=100 * hi,
                                             reported_rate=rep, basis=basis_counts + ", 95 % Wilson interval",
                                             conflict=bool(c.conflict or n.conflict or rep_conflict)))
            elif not reported.empty:
                nn = int(exited["value"].iloc[0]) if len(exited) == 1 else np.nan
                for rep in rep_values:
                    rows.append(dict(gender=gender, outcome=outcome, exited=nn, count=np.nan, rate=rep,
                                     ci_low=np.nan, ci_high=np.nan, reported_rate=rep,
                                     basis="reported percentage only (no counts, so no interval)",
                                     conflict=rep_conflict or bool(exited["conflict"].any())))
    out = pd.DataFrame(rows, columns=["gender", "outcome", "exited", "count", "rate", "ci_low", "ci_high",
                                      "reported_rate", "basis", "conflict"])
    for c in ("exited", "count"):
        out[c] = out[c].astype("Int64")
    out["gender"] = pd.Categorical(out["gender"], categories=["all", "women", "men", "unknown"])
    out["outcome"] = pd.Categorical(out["outcome"], categories=list(OUTCOMES))
    return out.sort_values(["outcome", "gender"], kind="stable").reset_index(drop=True)


def gap_test(k_women: int, n_women: int, k_men: int, n_men: int, alpha: float = 0.05) -> dict:
    """Compare two proportions: Fisher's exact test when any expected cell count is below 5,
    else Pearson's chi-squared test with Yates' continuity correction (2×2).

    Returns rates (percent), the difference women − men in percentage points, the odds ratio,
    Cohen's h, the test used, its p-value and a plain-language verdict at level ``alpha``.
    """
    from scipy.stats import chi2_contingency, fisher_exact
    table = np.array([[k_women, n_women - k_women], [k_men, n_men - k_men]])
    if (table < 0).any() or n_women <= 0 or n_men <= 0:
        raise ValueError(f"invalid counts: women {k_women}/{n_women}, men {k_men}/{n_men}")
    pw, pm = k_women / n_women, k_men / n_men
    col = table.sum(axis=0)
    expected = np.outer(table.sum(axis=1), col) / table.sum()
    if (col == 0).any():
        test, p = "none (every person had the same outcome)", 1.0
    elif (expected < 5).any():
        test, p = "Fisher's exact test", float(fisher_exact(table).pvalue)
    else:
        test, p = "chi-squared test with Yates' correction", float(chi2_contingency(table, correction=True).pvalue)
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
                significant=significant, verdict=verdict)


def gender_gap(obs: pd.DataFrame, association: str, year, outcome: str = "work_or_studies",
               intervention: str = "ALL", policy: str = "show") -> pd.DataFrame:
    """Gap between women and men in one outcome rate; one row per combination of conflicting
    values (usually one). Rows without counts for both genders say why no test was made."""
    rates = outcome_rates(obs, association, year, intervention, policy)
    r = rates[rates["outcome"] == outcome]
    w, m = r[r["gender"] == "women"], r[r["gender"] == "men"]
    rows = []
    for a in w.itertuples():
        for b in m.itertuples():
            if pd.notna(a.count) and pd.notna(b.count):
                res = gap_test(int(a.count), int(a.exited), int(b.count), int(b.exited))
                res["conflict"] = bool(a.conflict or b.conflict)
            else:
                res = dict(women_rate=a.rate, men_rate=b.rate, difference_pp=a.rate - b.rate, test="none",
                           p_value=np.nan, significant=False, conflict=bool(a.conflict or b.conflict),
                           verdict="no test possible: the report gives percentages without the counts behind them")
            res["outcome"] = outcome
            rows.append(res)
    return pd.DataFrame(rows)
