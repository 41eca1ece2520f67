"""The gender_gaps page in words: the gender gap of every group the data hold as an interval,
pooled over the groups, and the exit reasons by gender, as :mod:`finsam.stats.gaps` computes them."""
from __future__ import annotations

import functools

import numpy as np
import pandas as pd

from finsam.data.conflicts import resolve
from finsam.data.tables import Tables, select
from finsam.data.semantics import MEN, WOMEN
from finsam.data.versions import unusable_in
from finsam.stats.gaps import (by_chance, exit_reason_tests, gap_groups, gap_intervals, listed, persons_gap_intervals,
                               pooled_over_groups, rounded_exit_reason_tests, within_intervention_gaps)
from finsam.stats.inference import NO_TEST
from finsam.views.base import Markup, View, esc, fill, markdown
from finsam.views.tables import test_name, unusable_list
from finsam.stats import brief as kf
from finsam.views import brief
from finsam.stats.wording import SMALL_N, noun


def group_label(tables: Tables, key, lang: str = "en") -> str:
    """'association, period, intervention' in ``lang``: names as the reports write them, 'all
    interventions' / 'alla insatser' for association-wide figures."""
    import finsam.texts as i18n
    a, s, e, i = key
    period = f"{s}" if s == e else f"{s}–{e}"
    intervention = i18n.t("gender_gaps.all_interventions", lang) if i == "ALL" else i
    return f"{tables.association_name(a)}, {period}, {intervention}"


def _skipna(values: np.ndarray, how: str):
    """``min``/``max`` of ``values`` without NaN, NaN where all are (as a pandas column's .min()/.max())."""
    v = values[~np.isnan(values)]
    return getattr(v, how)() if v.size else np.float64("nan")


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


    @functools.cached_property
    def persons(self) -> pd.DataFrame:
        """The groups whose exits count participations or cases, with the cautious interval where
        the report states the persons (finsam.stats.gaps.persons_gap_intervals)."""
        return persons_gap_intervals(self.groups, self.t)

    @functools.cached_property
    def _persons_by_group(self) -> dict[tuple, pd.DataFrame]:
        """:attr:`persons` per group key, looked up once (not filtered again for every group)."""
        p = self.persons
        keys = ["association", "period_start", "period_end", "intervention"]
        return {k: x for k, x in p.groupby(keys, sort=False)} if len(p) else {}

    def _persons_note(self, key) -> str:
        """Participations are not persons: the sentence for one group, and its cautious interval
        where the report states the persons behind the participations; '' where the exits count persons."""
        x = self._persons_by_group.get(tuple(key))
        if x is None:
            return ""
        what = noun(self.t, str(x["unit"].iloc[0]), self.lang)
        if x["stated_persons"].isna().any() or x["ci_low_pp"].isna().any():
            return self.tr("gender_gaps.no_persons", noun=what)
        return self.tr("gender_gaps.persons", noun=what, persons=self.int(x["stated_persons"].iloc[0]),
                       participations=self.int(x["stated_participations"].iloc[0]),
                       n_women=self._span(x["n_women"].min(), x["n_women"].max(), 0),
                       n_men=self._span(x["n_men"].min(), x["n_men"].max(), 0),
                       m_women=self._span(x["persons_women"].min(), x["persons_women"].max(), 0),
                       m_men=self._span(x["persons_men"].min(), x["persons_men"].max(), 0),
                       ci=self.interval(x["ci_low_pp"].min(), x["ci_high_pp"].max(), "pp"))

    def in_brief(self):
        """The page's answer first: in how many groups women and men can be compared, and in how
        many the difference is statistically significant."""
        k = kf.gender_gaps(self.intervals)
        if not k.groups:
            return brief.in_brief(self, [self.tr("brief.gaps.none")])
        key = "brief.gaps" if k.depends else "brief.gaps.no_depends" if k.evidence else "brief.gaps.no_evidence"
        said = [self.tr(key, groups=self.int(k.groups), evidence=self.int(k.evidence), depends=self.int(k.depends))]
        if k.by_chance >= 1:  # a sentence only where chance alone would give at least one
            said.append(self.tr("brief.gaps.chance", groups=self.int(k.groups), chance=self.int(round(k.by_chance))))
        if k.detectable is not None:
            said.append(self.tr("brief.gaps.small", detectable=self._span(*k.detectable, 0)))
        return brief.in_brief(self, said)

    def method(self):
        return brief.method_marker(self)

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

        c = {name: g[name].tolist() for name in g.columns}  # the columns as lists, not a Series per row
        keys = list(zip(c["association"], c["period_start"], c["period_end"], c["intervention"]))

        def side(x):
            return [self.of(k, n) if pd.notna(k) else
                    self.tr("gender_gaps.cell.rounded", pct=self._printed_pct(pct), n=self.int(n))
                    for k, n, pct in zip(c[f"k_{x}"], c[f"n_{x}"], c[f"pct_{x}"])]

        return self.frame({
            "gender_gaps.col.group": [group_label(self.t, key, self.lang) for key in keys],
            "gender_gaps.col.women": side(WOMEN),
            "gender_gaps.col.men": side(MEN),
            "gender_gaps.col.difference": [self._signed_span(lo, hi) for lo, hi in
                                           zip(c["difference_pp_min"], c["difference_pp_max"])],
            "gender_gaps.col.ci": [self.interval(lo, hi, "pp")
                                   for lo, hi in zip(c["ci_low_pp_min"], c["ci_high_pp_max"])],
            "gender_gaps.col.detectable": [self._span(lo, hi, 0) for lo, hi in
                                           zip(c["detectable_pp_min"], c["detectable_pp_max"])],
            "gender_gaps.col.excludes_zero": [self.tr("gender_gaps.cell.yes") if every else
                                              self.tr("gender_gaps.cell.depends") if some else
                                              self.tr("gender_gaps.cell.no")
                                              for every, some in zip(c["evidence_all"], c["evidence_any"])],
            "gender_gaps.col.conflict": ["⚠" if x else "" for x in c["conflict"]],
        }, index="gender_gaps.col.group")

    def intervals_text(self):
        g = self.intervals
        if g.empty:
            return self.md("gender_gaps.none")
        parts = []
        col = {c: g[c].to_numpy() for c in ("difference_pp_min", "difference_pp_max", "ci_low_pp_min", "ci_high_pp_max",
                                            "detectable_pp_max", "evidence_all", "evidence_any", "n_women", "n_men")}
        keys = list(zip(*(g[c].tolist() for c in ("association", "period_start", "period_end", "intervention"))))
        by_label: dict[str, list[int]] = {}  # the rows of each label, in order (a groupby on the label)
        for i, key in enumerate(keys):
            by_label.setdefault(group_label(self.t, key, self.lang), []).append(i)
        labels = sorted(by_label)
        notable = [bool(col["evidence_any"][by_label[label]].any()) for label in labels]
        shown = listed(notable)
        if not all(shown):
            parts.append(self.tr("gender_gaps.listed", groups=self.int(len(labels)), listed=self.int(sum(shown)),
                                 chance=self.int(round(by_chance(len(labels))))))
        for label, show in zip(labels, shown):
            if not show:
                continue
            rows = np.array(by_label[label])
            x = {c: v[rows] for c, v in col.items()}
            lo, hi = _skipna(x["ci_low_pp_min"], "min"), _skipna(x["ci_high_pp_max"], "max")
            s = self.tr("gender_gaps.interval", label=label,
                        difference=self._signed_span(_skipna(x["difference_pp_min"], "min"),
                                                     _skipna(x["difference_pp_max"], "max")),
                        ci=self.interval(lo, hi, "pp"))
            if x["evidence_all"].all():
                s += self.tr("gender_gaps.evidence")
            elif x["evidence_any"].any():
                s += self.tr("gender_gaps.depends")
            else:
                s += self.tr("gender_gaps.no_evidence", low=self.signed(lo), high=self.signed(hi),
                             detectable=self.num(_skipna(x["detectable_pp_max"], "max"), 0))
            if len(rows) > 1:
                s += self.tr("gender_gaps.versions", n=self.int(len(rows)))
            nw, nm = x["n_women"].min(), x["n_men"].min()
            if min(nw, nm) < SMALL_N:
                s += self.tr("gender_gaps.small_n", women=self._span(nw, x["n_women"].max(), 0),
                             men=self._span(nm, x["n_men"].max(), 0), small=self.int(SMALL_N))
            s += self._persons_note(keys[rows[0]])
            parts.append(s)
        if g.groupby(["association", "period_start", "period_end", "intervention"]).ngroups > 1:
            parts.append(self.tr("gender_gaps.multiplicity"))
        unusable = self.unusable()
        if unusable:
            parts.append(self.tr("common.unusable.intro") + Markup("\n\n")
                         + Markup("\n").join(fill("- {}", u) for u in unusable))
        return markdown(Markup("\n\n").join(parts))

    def unusable(self) -> list[str]:
        """The versions of exits the reports' own arithmetic rules out (finsam.data.versions), per
        association and year, worded."""
        u = unusable_in(resolve(select(self.t.observations), self.policy), self.t.metrics, self.t.vocabulary)
        out = []
        for r, line in zip(u.itertuples(), unusable_list(u, self.lang, self.t)):
            year = f"{r.period_start}" if r.period_start == r.period_end else f"{r.period_start}–{r.period_end}"
            out.append(fill("{} {}: ", self.t.association_name(r.association_id), year) + line)
        return out

    def within_text(self) -> str:
        """The gap within interventions beside the crude one (Mantel–Haenszel over the interventions of
        one association-year), or why there is none."""
        found = within_intervention_gaps(self.groups, self.t)
        if not found:
            return self.tr("gender_gaps.within_none")
        parts = []
        for w in found:
            r = w["result"]  # not a vocabulary code
            label = esc(group_label(self.t, (w["association"], w["period_start"], w["period_end"], "ALL"), self.lang))
            parts.append(self.tr("gender_gaps.within", label=label, n=self.int(r.strata),
                                 crude=self.signed(r.crude_pp), within=self.signed(r.mantel_haenszel_pp),
                                 mix=self.signed(r.mix_pp)))
        return "\n\n".join(parts)

    def pooled_text(self):
        p = pooled_over_groups(self.groups)
        if p is None:
            n = self.groups.groupby(["association", "period_start", "period_end", "intervention"]).ngroups
            return markdown(self.tr("gender_gaps.pooled_too_few", n=self.int(n)) + "\n\n" + self.within_text())
        s = self.tr("gender_gaps.pooled", strata=self.int(p["strata"].iloc[0]),
                    odds_ratio=self._span(p.loc["odds_ratio", "min"], p.loc["odds_ratio", "max"], 2),
                    ci=self.tr("common.range", low=self.num(p.loc["ci_low", "min"], 2),
                               high=self.num(p.loc["ci_high", "max"], 2)),
                    p=self._span(p.loc["p_value", "min"], p.loc["p_value", "max"], 3),
                    homogeneity_p=self._span(p.loc["homogeneity_p_value", "min"], p.loc["homogeneity_p_value", "max"], 3))
        homogeneity = p.loc["homogeneity_p_value", ["min", "max"]]
        s += self.tr("gender_gaps.homogeneity_undefined" if homogeneity.isna().any() else
                     "gender_gaps.heterogeneous" if homogeneity["max"] < 0.05 else "gender_gaps.homogeneous")
        n = int(p["combinations"].iloc[0])
        s += self.tr("gender_gaps.combination" if n == 1 else "gender_gaps.combinations", n=self.int(n))
        s += self.tr("gender_gaps.pooled_groups_differ")
        return markdown(s + "\n\n" + self.within_text())

    def exit_reason_text(self):
        tabs = exit_reason_tests(self.t, self.policy)
        rounded = rounded_exit_reason_tests(self.t, self.policy, counted=[key for key, *_ in tabs])
        if not tabs and not rounded:
            return self.md("gender_gaps.no_exit_reasons")
        parts, notable, tested = [], [], 0  # each group's text, whether it is notable; groups with a test
        for key, tabs_, ruled_out, tests in tabs:
            label = esc(group_label(self.t, key, self.lang))
            counts = np.stack([t.to_numpy() for t in tabs_])  # versions × reasons × genders
            columns = list(tabs_[0].columns)

            def cells(i, g):
                return " | ".join(self.int(v) for v in sorted(set(counts[:, i, columns.index(g)].tolist())))
            rows = ", ".join(f"{self.metric(m).lower()} {cells(i, WOMEN)}/{cells(i, MEN)}"
                             for i, m in enumerate(tabs_[0].index))
            ps = [t.p_value for t in tests if t.method_code != NO_TEST]
            if not ps:  # every version of the table has a single reason or gender with exits
                parts.append(self.tr("gender_gaps.exit_reasons_untestable", label=label, rows=esc(rows)))
                notable.append(False)
                continue
            tested += 1
            tests = [t for t in tests if t.method_code != NO_TEST]
            if len(tests) == 1:
                t = tests[0]
                head = self.tr("gender_gaps.exit_reasons", label=label, rows=esc(rows),
                               test=test_name(t.method_code, self.lang, t.draws, t.min_expected),
                               statistic=self.num(t.statistic, 1), dof=self.int(t.dof), p=self.p(t.p_value))
            else:
                p = self.p(min(ps))
                if p != self.p(max(ps)):
                    p = self.tr("common.range", low=p, high=self.num(max(ps), 3) if min(ps) >= 0.001 else self.p(max(ps)))
                tests_used = dict.fromkeys(test_name(t.method_code, self.lang, t.draws, t.min_expected) for t in tests)
                head = self.tr("gender_gaps.exit_reasons_versions", label=label, rows=esc(rows),
                               n=self.int(len(tests)), test=self.tr("common.or").join(tests_used),
                               statistic=self._span(min(t.statistic for t in tests), max(t.statistic for t in tests), 1),
                               dof=self.int(tests[0].dof), p=p)
            verdict = ("gender_gaps.exit_reasons_differ" if max(ps) < 0.05 else
                       "gender_gaps.exit_reasons_no_evidence" if min(ps) >= 0.05 else
                       "gender_gaps.exit_reasons_versions_disagree")
            text = head + self.tr(verdict)
            if ruled_out:
                frame = pd.DataFrame([dict(intervention=key[3], category="", period_start=key[1], period_end=key[2],
                                           gender=u.gender, metric=u.metric, value=u.value, rule=u.rule,
                                           parts=u.parts, whole=u.whole) for u in ruled_out])
                text += self.tr("gender_gaps.exit_reasons_ruled_out") + Markup(" ").join(
                    unusable_list(frame, self.lang, self.t))
            parts.append(text)
            notable.append(min(ps) < 0.05)
        for key, pct, r in rounded:
            label = esc(group_label(self.t, key, self.lang))
            if not r.tested:
                parts.append(self.tr("gender_gaps.exit_reasons_rounded_untested", label=label,
                                     why=self.tr(f"gender_gaps.exit_reasons_why.{r.why}")))
                notable.append(False)
                continue
            tested += 1
            def printed(vals):
                return " | ".join(self.num(v, 0 if v == round(v) else 1) for v in vals)
            rows = ", ".join(f"{self.metric(m).lower()} {printed(pct.loc[m, WOMEN])}/{printed(pct.loc[m, MEN])}"
                             for m in pct.index)
            exited = pct.attrs["exited"]
            verdict = ("gender_gaps.exit_reasons_differ" if r.evidence else "gender_gaps.exit_reasons_no_evidence"
                       if r.determinable else "gender_gaps.exit_reasons_not_determinable")
            p = self.p(r.p_min)
            if p != self.p(r.p_max):  # 'p = 0.002 to 0.356', 'p < 0.001 to p = 0.356'
                high = self.num(r.p_max, 3) if r.p_min >= 0.001 else self.p(r.p_max)
                p = self.tr("common.range", low=p, high=high)
            parts.append(self.tr("gender_gaps.exit_reasons_rounded", label=label, rows=esc(rows),
                                 n_women=" | ".join(self.int(x) for x in exited[WOMEN]),
                                 n_men=" | ".join(self.int(x) for x in exited[MEN]),
                                 tables=self.int(r.tables), test=test_name("chi_squared", self.lang),
                                 statistic=self._span(r.statistic_min, r.statistic_max, 1), dof=self.int(r.dof), p=p)
                         + self.tr(verdict))
            notable.append(r.evidence or not r.determinable)
        shown = listed(notable)
        if not all(shown):
            parts = [self.tr("gender_gaps.exit_reasons_listed", groups=self.int(len(parts)), tested=self.int(tested),
                             listed=self.int(sum(shown)), chance=self.int(round(by_chance(tested))))] + \
                [text for text, show in zip(parts, shown) if show]
        return markdown(Markup("\n\n").join(parts))
