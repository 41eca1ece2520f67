"""Gender gaps as intervals, across every group the data hold: the data behind gender_gaps.ipynb.

A *group* is one association, period and intervention whose report gives the share of exited
women and of exited men who left for work or studies, as counts or as a rounded percentage with
its denominator. Rates are percentages of exited participants of the same gender. Where a report
gives only a rounded percentage, every count consistent with the rounding is carried and results
are ranges; where it states a figure twice with different values, every version is analysed.
"""
from __future__ import annotations

import functools
import itertools

import numpy as np
import pandas as pd

from . import inference as inf
from .conflicts import resolve
from .data import Tables, select
from . import semantics
from .rates import rates_from_facts

GAP_METRICS = ["participants_exited", "exit_work_or_studies", "exit_work", "exit_studies", "exit_work_or_studies_rate"]


def _group_keys(obs: pd.DataFrame, metrics) -> list[tuple]:
    o = select(obs)  # figures about everyone: a category's counts are not a group of their own
    o = o[o["gender"].isin(["women", "men"]) & o["metric"].isin(metrics)]
    keys = set(zip(o["association_id"].astype(str), o["period_start"].astype(int), o["period_end"].astype(int),
                   o["intervention"].astype(str)))
    return sorted(keys)


def gap_groups(tables: Tables, policy: str = "show") -> pd.DataFrame:
    """One row per group and version: ``n_women``/``n_men`` (exited), ``k_women``/``k_men``
    (to work or studies, counts; NA where only a percentage is given) and ``pct_women``/``pct_men``
    (the printed percentage, used only when the count is missing), ``conflict``. Groups without
    the denominator for both genders are left out: no interval can be computed for them."""
    rows = []
    for a, s, e, i in _group_keys(tables.observations, GAP_METRICS):
        facts = resolve(select(tables.observations, association=a, period=(s, e), intervention=i), policy)
        r = rates_from_facts(facts[facts["metric"].isin(GAP_METRICS)], tables)
        r = r[r["outcome"] == "work_or_studies"]
        per = {}
        for g in ("women", "men"):
            x = r[(r["gender"] == g) & r["exited"].notna() & (r["count"].notna() | r["reported_rate"].notna())]
            counted = x[x["count"].notna()].drop_duplicates(["count", "exited"])
            x = counted if len(counted) else x.drop_duplicates(["reported_rate", "exited"])
            per[g] = [(int(v.exited), None if pd.isna(v.count) else int(v.count),
                       float(v.reported_rate) if pd.isna(v.count) else np.nan, bool(v.conflict))
                      for v in x.itertuples() if v.exited > 0]
        for w, m in itertools.product(per["women"], per["men"]):
            rows.append(dict(association=a, period_start=s, period_end=e, intervention=i,
                             n_women=w[0], k_women=w[1], pct_women=w[2], n_men=m[0], k_men=m[1], pct_men=m[2],
                             conflict=w[3] or m[3]))
    out = pd.DataFrame(rows, columns=["association", "period_start", "period_end", "intervention", "n_women",
                                      "k_women", "pct_women", "n_men", "k_men", "pct_men", "conflict"])
    for c in ("k_women", "k_men"):
        out[c] = out[c].astype("Int64")
    return out


def _side(row, g) -> dict:
    k = row[f"k_{g}"]
    return dict(n=int(row[f"n_{g}"]), k=None if pd.isna(k) else int(k),
                pct=None if pd.isna(row[f"pct_{g}"]) else float(row[f"pct_{g}"]))


def gap_intervals(groups: pd.DataFrame) -> pd.DataFrame:
    """Women − men for each group and version (see :func:`inference.difference_range`): min and
    max of the difference, of the 95 % interval's limits, of the detectable difference, and
    whether the interval excludes 0 for every / some consistent count (``evidence_all`` /
    ``evidence_any``); ``combinations`` > 1 where a percentage was rounded."""
    rows = []
    for _, r in groups.iterrows():
        t = inf.difference_range(_side(r, "women"), _side(r, "men")).set_index("quantity")
        d = {f"{q}_{b}": t.loc[q, b] for q in inf.RANGE_FIELDS for b in ("min", "max")}
        rows.append({**r.to_dict(), **d, "combinations": int(t["combinations"].iloc[0]),
                     "evidence_all": bool(t["evidence_all"].iloc[0]), "evidence_any": bool(t["evidence_any"].iloc[0])})
    return pd.DataFrame(rows)


def pooled_over_groups(groups: pd.DataFrame, max_combinations: int = 100_000) -> pd.DataFrame | None:
    """Mantel–Haenszel pooled odds ratio (women vs men, of leaving for work or studies) over the
    groups, with the Breslow–Day test of a common odds ratio; min and max over every version of
    conflicting figures and every count consistent with rounding. None with fewer than two groups."""
    keys = ["association", "period_start", "period_end", "intervention"]
    by_group = [g for _, g in groups.groupby(keys, sort=True)]
    if len(by_group) < 2:
        return None
    results = []
    for combo in itertools.product(*(range(len(g)) for g in by_group)):
        strata = []
        for g, i in zip(by_group, combo):
            r = g.iloc[i]
            s = dict(n1=int(r["n_women"]), n2=int(r["n_men"]))
            for side, gname in (("1", "women"), ("2", "men")):
                if pd.isna(r[f"k_{gname}"]):
                    s[f"pct{side}"] = float(r[f"pct_{gname}"])
                else:
                    s[f"k{side}"] = int(r[f"k_{gname}"])
            strata.append(s)
        results.append(inf.pooled_gap_range(strata, max_combinations).set_index("quantity"))
    out = pd.DataFrame({"min": pd.concat([t["min"] for t in results], axis=1).min(axis=1),
                        "max": pd.concat([t["max"] for t in results], axis=1).max(axis=1)})
    out["combinations"] = sum(int(t["combinations"].iloc[0]) for t in results)
    out["strata"] = len(by_group)
    return out


def exit_reason_tables(tables: Tables, policy: str = "show") -> list[tuple[tuple, pd.DataFrame, bool]]:
    """Groups whose report gives counts of at least three exit reasons for both women and men
    (a test over the exit-reason table, not only work vs studies): (group key, reasons × (women,
    men) table of counts, whether a figure involved is contested in the report). A contested
    figure enters with its first stated value, and the flag says so."""
    out = []
    reasons = semantics.exit_reasons(tables.metrics)  # mutually exclusive exit reasons, from metrics.csv
    for a, s, e, i in _group_keys(tables.observations, reasons):
        facts = resolve(select(tables.observations, association=a, period=(s, e), intervention=i, metric=reasons,
                               gender=["women", "men"]), policy)
        if facts.empty:
            continue
        t = facts.groupby([facts["metric"].astype(str), facts["gender"].astype(str)])["value"].first().unstack()
        t = t.reindex(columns=["women", "men"]).dropna()
        if len(t) >= 3:
            contested = bool(facts[facts["metric"].astype(str).isin(t.index)]["conflict"].any())
            out.append(((a, s, e, i), t.reindex([m for m in reasons if m in t.index]).astype(int), contested))
    return out


def group_label(tables: Tables, key) -> str:
    from .labels import association_name
    a, s, e, i = key
    period = f"{s}" if s == e else f"{s}–{e}"
    return f"{association_name(tables, a)}, {period}, " + ("all interventions" if i == "ALL" else i)


def _rng(lo, hi, fmt="{:+.1f}") -> str:
    a, b = fmt.format(lo), fmt.format(hi)
    return a if a == b else f"{a} to {b}"


class GenderGaps:
    """Sections of the gender_gaps notebook (no parameters: every group the data hold)."""

    def __init__(self, tables: Tables, figures_dir=None, policy: str = "show", lang: str = "en"):
        self.t, self.figures_dir, self.policy = tables, figures_dir, policy
        self.groups = gap_groups(tables, policy)

    @functools.cached_property
    def intervals(self) -> pd.DataFrame:
        return gap_intervals(self.groups)

    def _label(self, r) -> str:
        from .report import esc
        return esc(group_label(self.t, (r["association"], r["period_start"], r["period_end"], r["intervention"])))

    def intervals_table(self) -> pd.DataFrame:
        g = self.intervals
        if g.empty:
            return g
        def side(r, x):
            return (f"{int(r[f'k_{x}'])} of {int(r[f'n_{x}'])}" if pd.notna(r[f"k_{x}"])
                    else f"{r[f'pct_{x}']:g} % of {int(r[f'n_{x}'])} (rounded)")
        rows = []
        for _, r in g.iterrows():
            rows.append({"Group": self._label(r), "Women": side(r, "women"), "Men": side(r, "men"),
                         "Women − men (pp)": _rng(r["difference_pp_min"], r["difference_pp_max"]),
                         "95 % CI (pp)": f"{r['ci_low_pp_min']:+.1f} to {r['ci_high_pp_max']:+.1f}",
                         "Detectable at 80 % power (pp)": _rng(r["detectable_pp_min"], r["detectable_pp_max"], "{:.0f}"),
                         "Interval excludes 0": ("yes" if r["evidence_all"] else "depends on rounding"
                                                 if r["evidence_any"] else "no"),
                         "Conflict": "⚠" if r["conflict"] else ""})
        return pd.DataFrame(rows).set_index("Group")

    def intervals_text(self):
        from .report import markdown
        g = self.intervals
        if g.empty:
            return markdown("No group in the data gives exits to work or studies for both women and men with their "
                            "denominators, so no gender gap can be estimated.")
        parts = []
        for label, x in g.groupby(g.apply(self._label, axis=1), sort=True):
            lo, hi = x["ci_low_pp_min"].min(), x["ci_high_pp_max"].max()
            det = x["detectable_pp_max"].max()
            s = (f"**{label}**: women − men {_rng(x['difference_pp_min'].min(), x['difference_pp_max'].max())} "
                 f"percentage points, 95 % interval {lo:+.1f} to {hi:+.1f}")
            if x["evidence_all"].all():
                s += ": evidence of a difference."
            elif x["evidence_any"].any():
                s += ": whether the interval excludes 0 depends on which of the report's figures or roundings is right."
            else:
                s += (f": no evidence of a difference — which is not evidence of no difference. The data are compatible "
                      f"with gaps from {lo:+.1f} to {hi:+.1f} points, and these group sizes would detect a gap only of "
                      f"about {det:.0f} points or more with 80 % power.")
            if len(x) > 1:
                s += f" ({len(x)} versions of the report's conflicting figures.)"
            parts.append(s)
        return markdown("\n\n".join(parts))

    def pooled_text(self):
        from .report import markdown
        p = pooled_over_groups(self.groups)
        if p is None:
            return markdown("Pooling needs at least two groups with counts by gender; the data hold "
                            f"{self.groups.groupby(['association', 'period_start', 'period_end', 'intervention']).ngroups}.")
        s = (f"Mantel–Haenszel odds ratio (women vs men, of leaving for work or studies) pooled over {int(p['strata'].iloc[0])} "
             f"groups: {_rng(p.loc['odds_ratio', 'min'], p.loc['odds_ratio', 'max'], '{:.2f}')}, 95 % interval "
             f"{p.loc['ci_low', 'min']:.2f} to {p.loc['ci_high', 'max']:.2f} (over every version and rounding); "
             f"test of a common odds ratio of 1: p {_rng(p.loc['p_value', 'min'], p.loc['p_value', 'max'], '{:.3f}')}. "
             f"Breslow–Day test of whether the gap differs between the groups: p "
             f"{_rng(p.loc['homogeneity_p_value', 'min'], p.loc['homogeneity_p_value', 'max'], '{:.3f}')}"
             + (" — the gap differs between groups, so one pooled figure does not describe them all." if
                p.loc["homogeneity_p_value", "max"] < 0.05 else
                " — no evidence that the gap differs between the groups (with few groups this test has little power)."))
        s += (f" {int(p['combinations'].iloc[0])} combinations of counts were analysed: every count consistent with "
              "the reports' rounded percentages and every version of their conflicting figures; no count was invented.")
        s += (" The groups differ in association, period and target group; pooling asks only whether women and men "
              "fare alike within each.")
        return markdown(s)

    def exit_reason_text(self):
        from . import labels as L
        from .report import esc, markdown
        tabs = exit_reason_tables(self.t, self.policy)
        if not tabs:
            return markdown("No group gives counts of several exit reasons for both women and men.")
        parts = []
        for key, tab, contested in tabs:
            t = inf.exit_reason_test(tab.to_numpy())
            rows = ", ".join(f"{L.metric_label(self.t, m).lower()} {int(tab.loc[m, 'women'])}/{int(tab.loc[m, 'men'])}"
                             for m in tab.index)
            how = ("chi-squared test" if t.method == "chi-squared" else
                   f"Monte Carlo test of the chi-squared statistic ({t.draws:,} tables; smallest expected count "
                   f"{t.min_expected:.1f})")
            parts.append(f"**{esc(group_label(self.t, key))}** (women/men: {esc(rows)}): {how}, X² = {t.statistic:.1f} on "
                         f"{t.dof} degrees of freedom, p = {t.p_value:.3f} — "
                         + ("women and men end for different reasons." if t.p_value < 0.05 else
                            "no evidence that women and men end for different reasons (not evidence that they do not).")
                         + (" ⚠ The report states some of these figures inconsistently; the first stated value is used."
                            if contested else ""))
        parts.append("Groups that give exit reasons only as percentages are not tested: every combination of counts "
                     "consistent with the rounding would be too many to carry, and one invented count is not used.")
        return markdown("\n\n".join(parts))
