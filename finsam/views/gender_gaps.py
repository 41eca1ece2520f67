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

from finsam.stats import inference as inf
from finsam.data.conflicts import resolve
from finsam.data.load import Tables, select
from finsam.data import semantics
from finsam.stats.rates import rates_from_facts
from finsam.views.base import View, esc, markdown
from finsam.stats.wording import SMALL_N

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


def group_label(tables: Tables, key, lang: str = "en") -> str:
    """'association, period, intervention' in ``lang``: names as the reports write them, 'all
    interventions' / 'alla insatser' for association-wide figures."""
    import finsam.texts as i18n
    from finsam.views.labels import association_name
    a, s, e, i = key
    period = f"{s}" if s == e else f"{s}–{e}"
    intervention = i18n.t("gender_gaps.all_interventions", lang) if i == "ALL" else i
    return f"{association_name(tables, a)}, {period}, {intervention}"


class GenderGaps(View):
    """Sections of the gender_gaps notebook (no parameters: every group the data hold), in one language."""

    notebook = "gender_gaps"

    def __init__(self, tables: Tables, figures_dir=None, policy: str = "show", lang: str = "en"):
        super().__init__(tables, lang)
        self.figures_dir, self.policy = figures_dir, policy
        self.groups = gap_groups(tables, policy)

    @functools.cached_property
    def intervals(self) -> pd.DataFrame:
        return gap_intervals(self.groups)

    def heading(self):
        return self.md("gender_gaps.heading")

    def _label(self, r) -> str:
        return esc(group_label(self.t, (r["association"], r["period_start"], r["period_end"], r["intervention"]),
                               self.lang))

    def _signed_span(self, lo, hi, decimals: int = 1) -> str:
        return self.span(self.signed(lo, decimals), self.signed(hi, decimals))

    def _span(self, lo, hi, decimals: int) -> str:
        return self.span(self.num(lo, decimals), self.num(hi, decimals))

    def _printed_pct(self, v) -> str:
        """A percentage as the report prints it (whole, or with its decimal)."""
        return self.pct(v, 0 if float(v) == round(float(v)) else 1)

    def intervals_table(self) -> pd.DataFrame:
        g = self.intervals
        if g.empty:
            return g

        def side(r, x):
            if pd.notna(r[f"k_{x}"]):
                return self.of(r[f"k_{x}"], r[f"n_{x}"])
            return self.tr("gender_gaps.cell.rounded", pct=self._printed_pct(r[f"pct_{x}"]), n=self.int(r[f"n_{x}"]))

        rows = list(g.iterrows())
        return self.frame({
            "gender_gaps.col.group": [self._label(r) for _, r in rows],
            "gender_gaps.col.women": [side(r, "women") for _, r in rows],
            "gender_gaps.col.men": [side(r, "men") for _, r in rows],
            "gender_gaps.col.difference": [self._signed_span(r["difference_pp_min"], r["difference_pp_max"])
                                           for _, r in rows],
            "gender_gaps.col.ci": [self.interval(r["ci_low_pp_min"], r["ci_high_pp_max"], "pp") for _, r in rows],
            "gender_gaps.col.detectable": [self._span(r["detectable_pp_min"], r["detectable_pp_max"], 0)
                                           for _, r in rows],
            "gender_gaps.col.excludes_zero": [self.tr("gender_gaps.cell.yes") if r["evidence_all"] else
                                              self.tr("gender_gaps.cell.depends") if r["evidence_any"] else
                                              self.tr("gender_gaps.cell.no") for _, r in rows],
            "gender_gaps.col.conflict": ["⚠" if r["conflict"] else "" for _, r in rows],
        }, index="gender_gaps.col.group")

    def intervals_text(self):
        g = self.intervals
        if g.empty:
            return self.md("gender_gaps.none")
        parts = []
        for label, x in g.groupby(g.apply(self._label, axis=1), sort=True):
            lo, hi = x["ci_low_pp_min"].min(), x["ci_high_pp_max"].max()
            s = self.tr("gender_gaps.interval", label=label,
                        difference=self._signed_span(x["difference_pp_min"].min(), x["difference_pp_max"].max()),
                        ci=self.interval(lo, hi, "pp"))
            if x["evidence_all"].all():
                s += self.tr("gender_gaps.evidence")
            elif x["evidence_any"].any():
                s += self.tr("gender_gaps.depends")
            else:
                s += self.tr("gender_gaps.no_evidence", low=self.signed(lo), high=self.signed(hi),
                             detectable=self.num(x["detectable_pp_max"].max(), 0))
            if len(x) > 1:
                s += self.tr("gender_gaps.versions", n=self.int(len(x)))
            nw, nm = x["n_women"].min(), x["n_men"].min()
            if min(nw, nm) < SMALL_N:
                s += self.tr("gender_gaps.small_n", women=self._span(nw, x["n_women"].max(), 0),
                             men=self._span(nm, x["n_men"].max(), 0), small=self.int(SMALL_N))
            parts.append(s)
        return markdown("\n\n".join(parts))

    def pooled_text(self):
        p = pooled_over_groups(self.groups)
        if p is None:
            n = self.groups.groupby(["association", "period_start", "period_end", "intervention"]).ngroups
            return self.md("gender_gaps.pooled_too_few", n=self.int(n))
        s = self.tr("gender_gaps.pooled", strata=self.int(p["strata"].iloc[0]),
                    odds_ratio=self._span(p.loc["odds_ratio", "min"], p.loc["odds_ratio", "max"], 2),
                    ci=self.tr("common.range", low=self.num(p.loc["ci_low", "min"], 2),
                               high=self.num(p.loc["ci_high", "max"], 2)),
                    p=self._span(p.loc["p_value", "min"], p.loc["p_value", "max"], 3),
                    homogeneity_p=self._span(p.loc["homogeneity_p_value", "min"], p.loc["homogeneity_p_value", "max"], 3))
        s += self.tr("gender_gaps.heterogeneous" if p.loc["homogeneity_p_value", "max"] < 0.05
                     else "gender_gaps.homogeneous")
        s += self.tr("gender_gaps.combinations", n=self.int(p["combinations"].iloc[0]))
        s += self.tr("gender_gaps.pooled_groups_differ")
        return markdown(s)

    def exit_reason_text(self):
        tabs = exit_reason_tables(self.t, self.policy)
        if not tabs:
            return self.md("gender_gaps.no_exit_reasons")
        parts = []
        for key, tab, contested in tabs:
            t = inf.exit_reason_test(tab.to_numpy())
            rows = ", ".join(f"{self.metric(m).lower()} {self.int(tab.loc[m, 'women'])}/{self.int(tab.loc[m, 'men'])}"
                             for m in tab.index)
            how = (self.tr("gender_gaps.chi2") if t.method == "chi-squared" else
                   self.tr("gender_gaps.monte_carlo", draws=self.int(t.draws), min_expected=self.num(t.min_expected, 1)))
            parts.append(self.tr("gender_gaps.exit_reasons", label=esc(group_label(self.t, key, self.lang)),
                                 rows=esc(rows), test=how, statistic=self.num(t.statistic, 1), dof=self.int(t.dof),
                                 p=self.p(t.p_value))
                         + self.tr("gender_gaps.exit_reasons_differ" if t.p_value < 0.05
                                   else "gender_gaps.exit_reasons_no_evidence")
                         + (self.tr("gender_gaps.exit_reasons_contested") if contested else ""))
        parts.append(self.tr("gender_gaps.exit_reasons_rounded"))
        return markdown("\n\n".join(parts))
