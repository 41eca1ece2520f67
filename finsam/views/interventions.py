"""The interventions page (interventions.ipynb) in words: one association and year's interventions
compared, as :class:`finsam.stats.interventions.InterventionYear` decides and computes them
(which interventions can be compared, their counts and rates, the funnel, the goals, the national
share, the previous year, the costs); this view formats and words the results in the page's
language, from the texts in finsam/texts/interventions.py.
"""
from __future__ import annotations

import math
import numpy as np
import pandas as pd

from finsam.core.names import figure_stem
from finsam.data.fields import ALL
from finsam.data.frames import texts
from finsam.data.semantics import COST, PARTICIPANTS, WORK_OR_STUDIES_RATE, display_scale, goal_for
from finsam.data.tables import Tables
from finsam.stats import inference as inf
from finsam.stats.interventions import InterventionYear
from finsam.views import fmt
from finsam.views.base import Markup, View, esc, fill, markdown
from finsam.stats import brief as kf
from finsam.views import brief
from finsam.views.registry import report_stem
from finsam.views.tables import contradiction_list, test_name


def _decimals(v: float) -> int:
    """Decimals a stated percentage needs to be written as the report states it (37, 36.6, 36.55)."""
    for d in (0, 1, 2):
        if abs(round(float(v), d) - float(v)) < 1e-9:
            return d
    return 2


class InterventionComparison(View):
    """Sections of the interventions notebook for one association and year, in one language."""

    notebook = "interventions"

    def __init__(self, tables: Tables, association: str, year: int, figures_dir=None, policy: str = "show", lang: str = "en"):
        super().__init__(tables, lang)
        self.a, self.year, self.figures_dir, self.policy = association, year, figures_dir, policy
        self.data = InterventionYear(tables, association, year, policy)
        self.stem = report_stem("interventions", dict(association=association, year=year))
        self.rate_goal = goal_for(tables.metrics, WORK_OR_STUDIES_RATE)

    # --- words and numbers of this page ---
    def _group(self, group: str) -> str:
        """A result group in a sentence: 'all interventions' for the association, else its name."""
        return self.tr("interventions.all") if group == ALL else esc(group)

    def _stated_pct(self, v: float) -> str:
        """A percentage as a report states it (37 %, 36,6 %)."""
        return self.pct(v, _decimals(v))

    def _level(self, level: float) -> str:
        """A funnel level as a percentage: 95 %, 99,8 %."""
        return self.pct(100 * level, _decimals(100 * level))

    def _side(self, above: bool) -> str:
        return self.tr("interventions.above" if above else "interventions.below")

    def _position(self, row, key: str) -> str:
        above, below = getattr(row, f"above_{key}"), getattr(row, f"below_{key}")
        return self.tr("interventions.above" if above else "interventions.below" if below else "interventions.within")

    def _kr(self, x) -> str:
        """An amount of the costs table, in the display scale of the cost (metrics.csv), so that a
        column compares at a glance (1 941 tkr / SEK 1,941 thousand; 7,9 tkr)."""
        if pd.isna(x):
            return self.missing()
        if np.isinf(x):
            return "∞"
        return fmt.sek(x, self.lang, display_scale(self.t.metrics, self.t.vocabulary, COST))

    # --- views ---
    def heading_values(self) -> dict:
        src = sorted(set(texts(self.data.obs["source_id"])))
        titles = self.t.sources.set_index(pd.Index(texts(self.t.sources["source_id"]))).loc[src, "title"]
        return dict(name=esc(self.association(self.a)), year=self.year, sources=Markup("; ").join(titles))

    def in_brief(self):
        """The page's answer first: the rate and its goal, the highest and lowest intervention."""
        from finsam.stats.findings import headline
        h = headline(self.t, self.a, self.year, self.policy, facts=self.data.facts)
        k = kf.association_year(self.t, h, self.data.reference)
        s = brief.association_year(self, k, self.year, gap=False)
        tab = self.data.main.table
        if len(tab) > 1:
            hi, lo = tab.loc[tab["rate"].idxmax()], tab.loc[tab["rate"].idxmin()]
            s.insert(len(s) - (not k.counts_people and bool(h.unit)), self.tr(
                "brief.interventions", m=self.int(len(tab)), high=esc(hi["label"]), high_rate=self.pct(hi["rate"]),
                low=esc(lo["label"]), low_rate=self.pct(lo["rate"])))
        return brief.in_brief(self, s)

    def method(self):
        return brief.method_marker(self)

    def rates_table(self) -> pd.DataFrame:
        tab = self.data.main.table
        conflict = dict(zip(self.data.versions[0]["intervention"], self.data.versions[0]["conflict"]))
        rows = list(tab.itertuples())
        return self.frame({
            "interventions.col.intervention": tab["label"],
            "interventions.col.exited": [self.int(r.n) for r in rows],
            "interventions.col.work_or_studies_k": [self.int(r.k) for r in rows],
            "interventions.col.rate": [self.pct(r.rate) for r in rows],
            "interventions.col.ci": [self.interval(r.ci_low, r.ci_high) for r in rows],
            "interventions.col.funnel_95": [self._position(r, "95") for r in rows],
            "interventions.col.funnel_99_8": [self._position(r, "99_8") for r in rows],
            "interventions.col.conflict": ["⚠" if conflict.get(x) else "" for x in tab["label"]],
        }, index="interventions.col.intervention")

    @staticmethod
    def _why(name: str, why: str, headline: str) -> str:
        return f"interventions.why.{why}_other" if why == "aggregate" and name != headline else f"interventions.why.{why}"

    def not_compared(self):
        """Interventions with outcome figures for the year that the comparison cannot use, and why."""
        headline = self.data.headline["group"]
        # an aggregate is 'the headline group' only when it is the population the headline describes
        lines = [fill("- {}: {}.", n, self.tr(self._why(n, why, headline))) for n, why in self.data.not_compared]
        if not lines:
            return self.md("interventions.not_compared.none")
        return self.md("interventions.not_compared", items=Markup("\n").join(lines))

    def funnel_alt(self) -> str:
        """What the funnel figure shows, for a reader who cannot see it: the interventions' rates and
        sizes, the pooled rate and where each lies against the limits, in the page's language."""
        g = self.data.main
        top = g.levels[0]
        key = inf._level_key(top)
        points = "; ".join(
            self.plain("interventions.funnel.point", name=r.label, rate=self.pct(r.rate),
                    k_of_n=self.of(r.k, r.n), position=self._position(r, key), level=self._level(top))
            for r in g.table.sort_values("label").itertuples())
        alt = self.plain("interventions.funnel.alt", m=len(g.table), year=self.year, level1=self._level(g.levels[0]),
                         level2=self._level(g.levels[-1]), rate=self.pct(g.pooled_rate),
                         k_of_n=self.of(g.pooled_k, g.pooled_n), points=points)
        if g.overdispersed:
            od = g.overdispersion
            out = od.table[od.table[f"re_outside_{key}"]].sort_values("label")
            names = ", ".join(f"{r.label} ({self._side(getattr(r, f're_above_{key}'))})" for r in out.itertuples())
            alt += " " + self.plain("interventions.funnel.alt_re", level1=self._level(top),
                                    level2=self._level(g.levels[-1]), tau=self.num(100 * math.sqrt(od.tau2), 1),
                                    names=names or self.plain("interventions.funnel.none"))
        return alt

    def funnel_figure(self):
        from finsam.views.plotting import finish_figure, funnel_plot
        g = self.data.main
        n_max = int(g.table["n"].max())
        sizes = np.arange(1, int(n_max * 1.3) + 2)
        limits = inf.funnel_limits(g.pooled_rate / 100, sizes)
        # the limits that allow for the spread between interventions, only where the test shows it
        re_limits = g.overdispersion.limits(sizes, g.levels) if g.overdispersed else None
        fig = funnel_plot(g.table, limits, g.pooled_rate, self.plain("interventions.funnel.title", year=self.year),
                          levels=g.levels, re_limits=re_limits, texts=dict(
                              xlabel=self.plain("interventions.funnel.xlabel"),
                              ylabel=self.plain("interventions.funnel.ylabel"),
                              limits=[self.plain("interventions.funnel.limits", level=self._level(x)) for x in g.levels],
                              re_limits=[self.plain("interventions.funnel.re_limits", level=self._level(x))
                                         for x in g.levels],
                              pooled=self.plain("interventions.funnel.pooled", rate=self.pct(g.pooled_rate))))
        from finsam.views.figure_source import sourced
        cols = [self.plain("figure.col.intervention"), self.plain("figure.col.k"), self.plain("figure.col.n"),
                self.plain("figure.col.rate")]
        rows = [[str(x.label), self.int(x.k), self.int(x.n), self.num(x.rate, 1)] for x in g.table.itertuples()]
        return sourced(self, finish_figure(fig, figure_stem(self.stem, "funnel"), self.figures_dir, alt=self.funnel_alt()),
                       "funnel", self.association(self.a), [self.year], texts(self.data.obs["source_id"]), cols, rows)

    def funnel_text(self):
        g = self.data.main
        m = len(g.table)
        parts = [self.tr("interventions.funnel.pooled_text", m=m, rate=self.pct(g.pooled_rate),
                         k_of_n=self.of(g.pooled_k, g.pooled_n))]
        for level in g.levels:
            key = inf._level_key(level)
            out = g.table[g.table[f"above_{key}"] | g.table[f"below_{key}"]]
            names = Markup(", ").join(fill("{} ({})", r.label, self._side(getattr(r, f'above_{key}'))) for r in out.itertuples())
            parts.append(self.tr("interventions.funnel.outside_named" if names else "interventions.funnel.outside",
                                 level=self._level(level), count=self.int(len(out)), names=names))
        lo, hi = g.levels[0], g.levels[-1]
        parts.append(self.tr("interventions.funnel.chance", m=m, level1=self._level(lo), level2=self._level(hi),
                             e1=self.num(g.expected_outside[lo], 2), e2=self.num(g.expected_outside[hi], 3),
                             n1=self.num(g.nominal_outside[lo], 2), n2=self.num(g.nominal_outside[hi], 3)))
        od = g.overdispersion
        if od is None or od.phi != od.phi or not np.isfinite(g.heterogeneity.p_value):
            return markdown(Markup(" ").join(parts))
        p = self.p(g.heterogeneity.p_value)
        if not g.overdispersed:
            parts.append(self.tr("interventions.funnel.not_overdispersed", phi=self.num(od.phi, 1), p=p))
            return markdown(Markup(" ").join(parts))
        parts.append(self.tr("interventions.funnel.overdispersed", phi=self.num(od.phi, 1), p=p,
                             tau=self.num(100 * math.sqrt(od.tau2), 1)))
        for level in g.levels:
            key = inf._level_key(level)
            out = od.table[od.table[f"re_outside_{key}"]]
            names = Markup(", ").join(fill("{} ({})", r.label, self._side(getattr(r, f're_above_{key}')))
                                      for r in out.itertuples())
            parts.append(self.tr("interventions.funnel.re_outside_named" if names else "interventions.funnel.re_outside",
                                 level=self._level(level), count=self.int(len(out)), names=names))
        key = inf._level_key(lo)
        binomial = g.table[g.table[f"above_{key}"] | g.table[f"below_{key}"]]["label"]
        only = [x for x in binomial if x not in set(od.table.loc[od.table[f"re_outside_{key}"], "label"])]
        if only:
            parts.append(self.tr("interventions.funnel.only_binomial", names=self.listing([esc(x) for x in only]),
                                 level=self._level(lo)))
        return markdown(Markup(" ").join(parts))

    def heterogeneity_text(self):
        tests = [c.heterogeneity for c in self.data.comparisons]
        t = tests[0]
        if not np.isfinite(t.p_value):
            return self.md("interventions.het.none")
        how = test_name(t.method_code, self.lang, t.draws, t.min_expected)
        how = how[:1].upper() + how[1:]  # it opens a sentence
        s = [self.tr("interventions.het.result", how=how, statistic=self.num(t.statistic, 1), dof=self.int(t.dof),
                     p=self.p(t.p_value)),
             self.tr("interventions.het.evidence" if t.p_value < 0.05 else "interventions.het.no_evidence")]
        re = self.data.main.random_effects
        if re is not None:
            s.append(self.tr("interventions.het.random_effects", rate=self.pct(re.rate),
                             ci=self.interval(re.ci_low, re.ci_high), tau2=self.num(re.tau2, 2),
                             i2=self.pct(100 * re.i2, 0)))
            if re.pred_low == re.pred_low:
                s.append(self.tr("interventions.het.prediction", low=self.pct(re.pred_low),
                                 high=self.pct(re.pred_high)))
        if len(tests) > 1:
            ps = [x.p_value for x in tests]
            s.append(self.tr("interventions.het.versions", versions=self.int(len(tests)),
                             p=self.span(self.p(min(ps)), self.p(max(ps)))))
        return markdown(Markup(" ").join(s))

    def mix_table(self) -> pd.DataFrame:
        tab = self.data.mix.table
        return self.frame({
            "interventions.col.intervention": tab["label"],
            "interventions.col.weight": [self.pct(100 * w, 0) for w in tab["weight"]],
            "interventions.col.rate": [self.pct(x) for x in tab["rate"]],
            "interventions.col.contribution": [self.num(x, 1) for x in tab["contribution_pp"]],
        }, index="interventions.col.intervention")

    def mix_text(self):
        m, ref = self.data.mix, self.data.reference
        s = [self.tr("interventions.mix.text", crude=self.pct(m.crude_rate), largest=esc(m.largest_group),
                     weight=self.pct(100 * m.largest_weight, 0), standardised=self.pct(m.standardised_rate),
                     effect=self.pp(m.mix_effect_pp))]
        h = self.data.headline
        if h is not None:
            reported = " / ".join(self._stated_pct(v) for v in h["reported"])
            if pd.notna(h["count"]):
                s.append(self.tr("interventions.mix.headline_counts", reported=reported, group=self._group(h["group"]),
                                 k_of_n=self.of(h["count"], h["exited"])))
            else:
                s.append(self.tr("interventions.mix.headline", reported=reported, group=self._group(h["group"])))
        if ref:
            what, value = ref
            what, value = self.tr(f"interventions.ref.{what}"), self._stated_pct(value)
            if m.mix_flips_reference:
                s.append(self.tr("interventions.mix.flips", what=what, value=value,
                                 side_pooled=self._side(m.crude_rate > ref[1]),
                                 side_equal=self._side(m.standardised_rate > ref[1])))
            else:
                s.append(self.tr("interventions.mix.same_side", what=what, value=value,
                                 side=self._side(m.crude_rate > ref[1])))
        else:
            s.append(self.tr("interventions.mix.no_reference"))
        return markdown(Markup(" ").join(s))

    def _status(self, status) -> str:
        return self.tr(f"interventions.goal.{str(status).replace(' ', '_')}")

    def goals_table(self) -> pd.DataFrame:
        g = self.data.goals
        def result(r):
            if pd.isna(r.achieved):
                return self.missing()
            if r.goal_metric == self.rate_goal:
                whose = Markup("") if r.result_group == r.intervention else fill("{}: ", r.result_group)
                if pd.isna(r.k):
                    return whose + self._stated_pct(r.achieved)
                return self.tr("interventions.goal.result_ci", whose=whose, rate=self.pct(r.achieved),
                               k_of_n=self.of(r.k, r.n), ci=self.interval(r.ci_low, r.ci_high))
            return self.int(r.achieved)
        return self.frame({
            "interventions.col.intervention": [self.tr("interventions.all_title") if i == ALL else i
                                               for i in g["intervention"]],
            "interventions.col.goal": [self.metric(m) for m in g["goal_metric"]],
            "interventions.col.target": [f"≥ {self._stated_pct(v)}"
                                         if m == self.rate_goal else self.int(v)
                                         for m, v in zip(g["goal_metric"], g["goal"])],
            "interventions.col.result": [result(r) for r in g.itertuples()],
            "interventions.col.judged": [self._status(x) for x in g["status"]],
            "interventions.col.point": [self.missing() if pd.isna(v) else self._status("met" if v else "not met")
                                        for v in g["point_met"]],
            "interventions.col.conflict": ["⚠" if x else "" for x in g["conflict"]],
        }, index=["interventions.col.intervention", "interventions.col.goal"])

    def goals_text(self):
        g = self.data.goals
        if g.empty:
            return self.md("interventions.goals.none", year=self.year)
        # a goal is an intervention's goal metric: the versions of a goal the report states with different
        # values are one goal, judged alike where they agree and 'cannot tell' where they do not
        key = ["intervention", "goal_metric"]
        versions = g.groupby(key, sort=False).size()
        s = [self.tr("interventions.goals.text", n=self.int(len(versions)))]
        rate = g[g["goal_metric"] == self.rate_goal]
        if len(rate):
            per = rate.groupby(key, sort=False).agg(
                status=("status", lambda x: x.iloc[0] if x.nunique() == 1 else "cannot tell"),
                point_met=("point_met", "all"))  # not a vocabulary code
            ct = per[per["status"] == "cannot tell"]
            counts = dict(rate=self.int(len(per)), met=self.int((per["status"] == "met").sum()),
                          not_met=self.int((per["status"] == "not met").sum()), cannot_tell=self.int(len(ct)))
            if len(ct):
                s.append(self.tr("interventions.goals.rate_counts_point", point=self.int(ct["point_met"].sum()),
                                 **counts))
            else:
                s.append(self.tr("interventions.goals.rate_counts", **counts))
        if (versions > 1).any():
            s.append(self.tr("interventions.goals.versions", n=self.int(int((versions > 1).sum()))))
        return markdown(Markup(" ").join(s))

    def national_text(self):
        if self.data.national is None:
            return self.md("interventions.national.none")
        c, note, quote = self.data.national
        h = self.data.headline
        s = [self.tr("interventions.national.text", national=self._stated_pct(c.national_rate),
                     k_of_n=self.of(c.k, c.n), rate=self.pct(c.rate), ci=self.interval(c.ci_low, c.ci_high),
                     group=self._group(h["group"]), difference=self.pp(c.difference_pp), p=self.p(c.p_value),
                     verdict=self.tr("interventions.national.evidence" if c.evidence
                                     else "interventions.national.no_evidence"))]
        if h["group"] != ALL:
            s.append(self.tr("interventions.national.scope_differs", group=esc(h["group"])))
        # the curators' notes are English: a Swedish page shows the report's own words instead
        if self.lang == "en" and note:
            s.append(self.tr("interventions.national.note", note=esc(note)))
        elif quote:
            s.append(self.tr("interventions.national.quote", quote=esc(quote)))
        return markdown(Markup(" ").join(s))

    def change_text(self):
        if self.data.change is None:
            return self.md("interventions.change.none", previous=self.year - 1)
        table, earlier, years = self.data.change
        t = table.set_index("quantity")
        def rng(q, one):
            lo, hi = t.loc[q, "min"], t.loc[q, "max"]
            return self.span(one(lo), one(hi))
        if "k" in earlier:
            desc = self.of(earlier["k"], earlier["n"])
        else:
            desc = self.tr("interventions.change.earlier_pct", pct=self._stated_pct(earlier["pct"]),
                           n=self.int(earlier["n"]), counts=", ".join(self.int(x) for x in earlier["counts"]))
        ranged = table["combinations"].iloc[0] > 1
        ci = self.interval(t.loc["ci_low_pp", "min"], t.loc["ci_high_pp", "max"], "pp")
        lo, hi = t.loc["difference_pp", "min"], t.loc["difference_pp", "max"]
        difference = ((self.signed(lo) if self.signed(lo) == self.signed(hi) else self.interval(lo, hi, "pp"))
                      + " " + self.tr("common.pp"))
        s = [self.tr("interventions.change.text", previous=self.year - 1, earlier=desc, year=self.year,
                     difference=difference,
                     interval=self.tr("interventions.change.intervals" if ranged else "interventions.change.interval",
                                      ci=ci),
                     p=rng("p_value", self.p))]
        ev_all, ev_any = bool(table["evidence_all"].iloc[0]), bool(table["evidence_any"].iloc[0])
        s.append(self.tr("interventions.change.evidence") if ev_all else self.tr("interventions.change.depends")
                 if ev_any else self.tr("interventions.change.no_evidence",
                                        detectable=self.num(t.loc["detectable_pp", "max"], 0)))
        if ranged:
            s.append(self.tr("interventions.change.ranged"))
        s.append(self.tr("interventions.change.years_trend" if len(years) >= 3 else "interventions.change.years_no_trend",
                         n=self.int(len(years)), years=", ".join(map(str, years))))
        return markdown(Markup(" ").join(s))

    def costs_table(self) -> pd.DataFrame:
        c = self.data.costs
        return self.frame({
            "interventions.col.intervention": c["intervention"],
            "interventions.col.cost": [self._kr(x) for x in c[COST]],
            "interventions.col.participants": [self.missing() if pd.isna(p) else self.int(p) for p in c[PARTICIPANTS]],
            "interventions.col.per_participant": [self._kr(x) for x in c["per_participant"]],
            "interventions.col.work_or_studies": [self.of(k, n) for k, n in zip(c["k"], c["n"])],
            "interventions.col.per_work_or_studies": [self._kr(x) for x in c["per_work_or_studies"]],
            "interventions.col.cost_range": [self.span_text(self._kr(lo), self._kr(hi)) for lo, hi in
                                             zip(c["per_work_or_studies_low"], c["per_work_or_studies_high"])],
            "interventions.col.conflict": ["⚠" if x else "" for x in c["conflict"]],
        }, index="interventions.col.intervention")

    def costs_text(self):
        from finsam.stats.findings import shared_costs
        shared = [i for i in shared_costs(self.data.facts) if i in set(self.data.counts["intervention"])]
        note = (" " + self.tr("interventions.costs.shared", names=self.listing([esc(i) for i in shared]))) if shared else ""
        if self.data.costs.empty:
            return markdown(self.tr("interventions.costs.none") + note)
        return markdown(self.tr("interventions.costs.text") + note)

    def caveats(self):
        keys = ["exited", "intervals", "target_groups"] + (["versions"] if len(self.data.versions) > 1 else [])
        items = [self.tr(f"interventions.caveat.{k}") for k in keys]
        contradicted = contradiction_list(self, self.data.facts, among=self.data.shown_facts.index)
        if contradicted:
            items.append(self.tr("common.contradicted") + "\n"
                         + Markup("\n").join(fill("    - {}", c) for c in contradicted))
        return markdown(Markup("\n").join(fill("- {}", i) for i in items))
