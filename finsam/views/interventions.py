"""Interventions compared within one association and year: the data behind interventions.ipynb.

Decisions (which interventions can be compared: those with counts, not overlapping) are plain
functions returning data (codes, never sentences); :class:`InterventionComparison` (a
:class:`finsam.views.base.View`) words and formats their results for the notebook in the page's
language, from the texts in finsam/texts/interventions.py. Rates are percentages of exited
participants (``participants_exited``) who left for work or studies, per intervention, as
:func:`finsam.stats.rates.rates_from_facts` computes them.
"""
from __future__ import annotations

import functools
import itertools
import re

import numpy as np
import pandas as pd

from finsam.views import fmt
from finsam.stats import inference as inf
from finsam.data.conflicts import resolve
from finsam.data.load import Tables, select, texts
from finsam.stats.rates import rates_by_group
from finsam.data.fields import ALL
from finsam.views.base import View, esc, markdown

COUNT_METRICS = ["participants_exited", "exit_work_or_studies", "exit_work", "exit_studies"]
RATE_METRICS = [*COUNT_METRICS, "exit_work_or_studies_rate"]  # what a rate to work or studies rests on
#: how a note names the intervention an intervention belongs to
PART_OF = re.compile(r"\b(?:part of|local team of|local delprojekt of|sub-project of)\s+(.+?)\s*(?:[;,(]|$)")
MAX_VERSIONS = 64  # combinations of a report's conflicting counts analysed side by side


def is_aggregate(kind) -> bool:
    """An intervention that is a total of others: ``kind`` aggregate in interventions.csv (never
    guessed from its name)."""
    return str(kind) == "aggregate"


def _kinds(interventions: pd.DataFrame, association: str) -> dict[str, str]:
    iv = interventions[interventions["association_id"] == association]
    return dict(zip(texts(iv["intervention"]), texts(iv["kind"])))


def parent_of(interventions: pd.DataFrame, association: str) -> dict[str, str]:
    """child -> parent for the association's interventions whose note says they are part of
    another intervention the data know (e.g. SamMA-Haninge, a local team of SamMA-projektet)."""
    iv = interventions[interventions["association_id"] == association]
    names = set(texts(iv["intervention"]))
    out = {}
    for name, note in zip(texts(iv["intervention"]), iv["note"].tolist()):
        m = PART_OF.search(note) if isinstance(note, str) else None
        if m and m.group(1) in names and m.group(1) != name:
            out[name] = m.group(1)
    return out


def comparable(names, interventions: pd.DataFrame, association: str) -> list[str]:
    """Of ``names`` (interventions with counts), those that do not overlap: aggregates are
    dropped, and an intervention whose parts are also present gives way to its parts (the finer
    comparison)."""
    kinds = _kinds(interventions, association)
    names = [n for n in names if n != ALL and not is_aggregate(kinds.get(n))]
    parents = parent_of(interventions, association)
    with_parts = {parents[n] for n in names if n in parents}
    return sorted(n for n in names if n not in with_parts)


def intervention_counts(tables: Tables, association: str, year: int, policy: str = "show",
                        facts: pd.DataFrame | None = None) -> pd.DataFrame:
    """Exits to work or studies (k) of exited participants (n), all genders, per comparable
    intervention in one year: one row per intervention and version of its counts (a report's
    conflicting counts give several versions, flagged ``conflict``). Interventions with n = 0
    are left out (no rate)."""
    if facts is None:
        facts = resolve(select(tables.observations, association=association, period=year), policy)
    facts = facts[(facts["gender"] == "all") & facts["metric"].isin(COUNT_METRICS)]
    names = facts["intervention"]
    with_exits = names.isin(set(texts(names[facts["metric"] == "participants_exited"])))
    r = rates_by_group(facts[with_exits], tables)  # every intervention's rates in one pass
    r = r[(r["outcome"] == "work_or_studies") & (r["gender"] == "all")].dropna(subset=["count", "exited"])
    r = r[r["exited"] > 0].drop_duplicates(["intervention", "count", "exited"])
    rows = [dict(intervention=x.intervention, k=int(x.count), n=int(x.exited), conflict=bool(x.conflict), basis=x.basis)
            for x in r.itertuples()]
    out = pd.DataFrame(rows, columns=["intervention", "k", "n", "conflict", "basis"])
    keep = comparable(sorted(set(out["intervention"])), tables.interventions, association)
    return out[out["intervention"].isin(keep)].reset_index(drop=True)


def intervention_choices(tables: Tables) -> list[dict]:
    """(association, year) with at least two comparable interventions with counts: exited
    participants (n > 0) and exits to work or studies, or to work and to studies (the same test
    as :func:`intervention_counts`, on the statements, without resolving every year)."""
    o = tables.observations
    o = o[(o["period_start"] == o["period_end"]) & (o["gender"] == "all") & o["metric"].isin(COUNT_METRICS)
          & (o["intervention"] != ALL)]
    has: dict[tuple[str, int, str], set] = {}
    for a, y, i, m, v in zip(texts(o["association_id"]), o["period_start"].astype(int).tolist(),
                             texts(o["intervention"]), texts(o["metric"]), o["value"].tolist()):
        if m != "participants_exited" or v > 0:
            has.setdefault((a, y, i), set()).add(m)
    counted: dict[tuple[str, int], list[str]] = {}
    for (a, y, i), ms in has.items():
        if "participants_exited" in ms and ("exit_work_or_studies" in ms or {"exit_work", "exit_studies"} <= ms):
            counted.setdefault((a, y), []).append(i)
    return [dict(association=a, year=y) for (a, y), names in sorted(counted.items())
            if len(comparable(names, tables.interventions, a)) >= 2]


def versions(counts: pd.DataFrame) -> list[pd.DataFrame]:
    """Every combination of the report's conflicting counts: one frame per version, one row
    per intervention (the first version uses each intervention's first-listed counts)."""
    groups = [g for _, g in counts.groupby("intervention", sort=True)]
    combos = list(itertools.islice(itertools.product(*(range(len(g)) for g in groups)), MAX_VERSIONS))
    return [pd.concat([g.iloc[[i]] for g, i in zip(groups, c)], ignore_index=True) for c in combos]


COUNT_GOALS = {"participants_goal": "participants", "participants_new_goal": "participants_new",
               "participants_exited_goal": "participants_exited"}


def goal_rows(facts: pd.DataFrame, tables: Tables, headline_group: str | None = None) -> pd.DataFrame:
    """Every stated goal of the year (all genders) against its result: a rate goal
    (``exit_work_or_studies_rate_goal``, "at least") judged from the result's 95 % Wilson interval
    (:func:`finsam.stats.inference.goal_attainment`: met / not met / cannot tell), a count goal
    (participants, new, exited) compared plainly. One row per goal and version of conflicting
    values; ``status`` is 'no result' when the report gives none, 'percentage only' when it gives
    a rate without counts (no interval, so only the point value is compared). A rate goal stated
    for the whole association (ALL) is judged against ``headline_group``'s result when given:
    the group whose rate the report prints as the association's (e.g. its work-oriented
    interventions); ``result_group`` says whose result was used."""
    f = facts[facts["gender"] == "all"]
    names = f["intervention"]
    # plain dictionaries: per-intervention DataFrame groupbys would cost a report more than its statistics
    stated: dict[tuple[str, str], list[tuple[float, bool]]] = {}
    for i, m, v, c in zip(texts(names), texts(f["metric"]), f["value"].astype(float).tolist(), f["conflict"].tolist()):
        stated.setdefault((i, m), []).append((v, bool(c)))
    rows = []
    rates: dict[str, list] = {}  # result group -> its work-or-studies rates (all genders), as rows
    # every result group's rates in one pass (rates_by_group: per group what rates_from_facts gives)
    groups = {headline_group if i == ALL and headline_group else i
              for i, m in stated if m == "exit_work_or_studies_rate_goal"}
    every = rates_by_group(f[names.isin(groups) & f["metric"].isin(RATE_METRICS)], tables)
    every = every[(every["outcome"] == "work_or_studies") & (every["gender"] == "all")]
    for x in every.itertuples():
        rates.setdefault(x.intervention, []).append(x)

    def rates_of(group: str) -> list:
        """The group's rates: those from counts, once per (k, n), then those reported without counts."""
        r = rates.get(group, [])
        counted: dict[tuple, object] = {}
        for x in r:
            if pd.notna(x.count):
                counted.setdefault((x.count, x.exited), x)
        return list(counted.values()) + [x for x in r if pd.isna(x.count)]
    for inter in sorted({i for i, m in stated if m.endswith("_goal")}):
        def values(m):
            return sorted({v for v, _ in stated.get((inter, m), [])})

        def contested(*ms):
            return any(c for m in ms for _, c in stated.get((inter, m), []))
        for goal in values("exit_work_or_studies_rate_goal"):
            result_group = headline_group if inter == ALL and headline_group else inter
            r = rates_of(result_group)
            base = dict(intervention=inter, goal_metric="exit_work_or_studies_rate_goal", goal=goal,
                        result_group=result_group)
            if not r:
                rows.append({**base, "status": "no result"})
            for x in r:
                if pd.isna(x.count):
                    rows.append({**base, "result": x.rate, "status": "percentage only",
                                 "point_met": bool(x.rate >= goal), "conflict": bool(x.conflict)})
                else:
                    g = inf.goal_attainment(int(x.count), int(x.exited), goal)
                    rows.append({**base, "result": g.rate, "k": g.k, "n": g.n, "ci_low": g.ci_low, "ci_high": g.ci_high,
                                 "status": g.status, "point_met": g.point_met, "conflict": bool(x.conflict)})
        for gm, m in COUNT_GOALS.items():
            for goal in values(gm):
                base = dict(intervention=inter, goal_metric=gm, goal=goal, result_group=inter)
                if not values(m):
                    rows.append({**base, "status": "no result"})
                for v in values(m):
                    c = inf.count_goal(v, goal)
                    rows.append({**base, "result": v, "status": "met" if c.met else "not met", "point_met": c.met,
                                 "conflict": contested(gm, m)})
    cols = ["intervention", "goal_metric", "goal", "result_group", "result", "k", "n", "ci_low", "ci_high", "status", "point_met",
            "conflict"]
    out = pd.DataFrame(rows, columns=cols)
    out["conflict"] = out["conflict"].fillna(False).astype(bool)
    return out


def cost_rows(facts: pd.DataFrame, counts: pd.DataFrame) -> pd.DataFrame:
    """Derived costs of each compared intervention (kronor as stated, not price-adjusted), from
    :func:`finsam.stats.inference.cost_range`: cost per participant (participants as stated) and per
    person to work or studies (k of n exited) with the range implied by the rate's 95 % Wilson
    interval. One row per intervention and version of conflicting figures; interventions
    without a stated cost are left out."""
    f = facts[(facts["gender"] == "all") & facts["metric"].isin(["cost", "participants"])]
    stated: dict[tuple[str, str], list[tuple[float, bool]]] = {}  # (intervention, metric) -> (value, conflict)
    for i, m, v, conflict in zip(texts(f["intervention"]), texts(f["metric"]), f["value"].astype(float).tolist(),
                                 f["conflict"].tolist()):
        stated.setdefault((i, m), []).append((v, bool(conflict)))
    rows = []
    for c in counts.itertuples():
        costs = sorted({v for v, _ in stated.get((c.intervention, "cost"), [])})
        parts = sorted({v for v, _ in stated.get((c.intervention, "participants"), [])}) or [None]
        contested = any(x for m in ("cost", "participants") for _, x in stated.get((c.intervention, m), []))
        for cost, p in itertools.product(costs, parts):
            t = inf.cost_range(cost, c.k, c.n, {"participants": int(p)} if p else None)
            by = {code: dict(value=v, low=lo, high=hi)  # one row per measure here
                  for code, v, lo, hi in zip(t["measure_code"], t["value"], t["low"], t["high"])}
            ws = by["per_work_or_studies"]
            rows.append(dict(intervention=c.intervention, cost=cost, participants=p, k=c.k, n=c.n,
                             per_participant=by["per_participant"]["value"] if "per_participant" in by else np.nan,
                             per_work_or_studies=ws["value"], per_work_or_studies_low=ws["low"],
                             per_work_or_studies_high=ws["high"],
                             conflict=bool(c.conflict or contested)))
    return pd.DataFrame(rows, columns=["intervention", "cost", "participants", "k", "n", "per_participant",
                                       "per_work_or_studies", "per_work_or_studies_low", "per_work_or_studies_high",
                                       "conflict"])


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
        from finsam.views.registry import report_stem
        super().__init__(tables, lang)
        self.a, self.year, self.figures_dir, self.policy = association, year, figures_dir, policy
        self.obs = select(tables.observations, association=association, period=year)
        self.facts = resolve(self.obs, policy)
        self.counts = intervention_counts(tables, association, year, facts=self.facts)
        self.versions = versions(self.counts)
        self.stem = report_stem("interventions", dict(association=association, year=year))

    # --- analyses (data) ---
    @functools.cached_property
    def comparisons(self) -> list[inf.GroupComparison]:
        return [inf.compare_groups(v["k"], v["n"], v["intervention"]) for v in self.versions]

    @property
    def main(self) -> inf.GroupComparison:
        return self.comparisons[0]

    def _fact(self, metric: str, intervention: str) -> list[float]:
        f = self.facts[(self.facts["metric"] == metric) & (self.facts["gender"] == "all")
                       & (self.facts["intervention"] == intervention)]
        return sorted(set(f["value"].astype(float)))

    @functools.cached_property
    def reference(self) -> tuple[str, float] | None:
        """The rate the headline is judged against, as (kind, value): kind 'goal' for the report's
        goal for the headline group (or the association), else 'national' for a national share the
        report quotes."""
        for metric, what in (("exit_work_or_studies_rate_goal", "goal"),
                             ("national_exit_work_or_studies_rate", "national")):
            for group in self._reference_groups():
                v = self._fact(metric, group)
                if len(v) == 1:
                    return what, v[0]
        return None

    @functools.cached_property
    def headline(self) -> pd.Series | None:
        """The association's headline rate to work or studies for the year: the population
        finsam.stats.scope decides (the same on every page), with the counts behind it where stated
        (``group``, ``reported`` values, ``count``, ``exited``, ``rate``); None when the report
        gives no such rate."""
        from finsam.stats.findings import headline
        h = headline(self.t, self.a, self.year, self.policy, facts=self.facts)
        if not h.rate and not h.reported:
            return None
        return pd.Series(dict(group=h.population.group, reported=h.reported,
                              count=h.count[0] if h.count else np.nan, exited=h.exited[0] if h.exited else np.nan,
                              rate=h.rate[0] if h.from_counts else float("nan"), conflict=h.conflict))

    def _reference_groups(self) -> list[str]:
        h = self.headline
        return list(dict.fromkeys(([h["group"]] if h is not None else []) + [ALL]))

    @functools.cached_property
    def mix(self) -> inf.MixEffect:
        v = self.versions[0]
        ref = self.reference
        return inf.mix_effect(v["k"], v["n"], v["intervention"], reference_rate=ref[1] if ref else None)

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
        """An amount of the costs table, always in thousands so that a column compares at a glance
        (1 941 tkr / SEK 1,941 thousand); one decimal below 10 thousand (7,9 tkr)."""
        if pd.isna(x):
            return self.missing()
        if np.isinf(x):
            return "∞"
        return fmt.sek(x, self.lang, "tkr", 1 if abs(x) < 10_000 else 0)

    # --- views ---
    def heading(self):
        src = sorted(set(texts(self.obs["source_id"])))
        titles = self.t.sources.set_index(pd.Index(texts(self.t.sources["source_id"]))).loc[src, "title"]
        return self.md("interventions.heading", name=esc(self.association(self.a)), year=self.year,
                       sources="; ".join(esc(x) for x in titles))

    def rates_table(self) -> pd.DataFrame:
        tab = self.main.table
        conflict = dict(zip(self.versions[0]["intervention"], self.versions[0]["conflict"]))
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

    def not_compared(self):
        """Interventions with outcome figures for the year that the comparison cannot use."""
        f = self.facts[(self.facts["gender"] == "all") & self.facts["metric"].isin(
            ["exit_work_or_studies_rate", "exit_work_or_studies", "exit_work", "participants_exited"])]
        names = set(texts(f["intervention"])) - {ALL} - set(self.counts["intervention"])
        kinds = _kinds(self.t.interventions, self.a)
        parents = parent_of(self.t.interventions, self.a)
        lines = []
        for n in sorted(names):
            if is_aggregate(kinds.get(n)):
                why = "aggregate"
            elif n in set(parents.values()) and any(parents.get(c) == n for c in self.counts["intervention"]):
                why = "parts"
            else:
                has = set(texts(f.loc[f["intervention"] == n, "metric"]))
                why = ("percentage_only" if "exit_work_or_studies_rate" in has
                       and not {"exit_work_or_studies", "exit_work"} & has else
                       "no_work_or_studies" if "participants_exited" in has else "no_exited")
            lines.append(f"- {esc(n)}: {self.tr(f'interventions.why.{why}')}.")
        if not lines:
            return self.md("interventions.not_compared.none")
        return self.md("interventions.not_compared", items="\n".join(lines))

    def funnel_alt(self) -> str:
        """What the funnel figure shows, for a reader who cannot see it: the interventions' rates and
        sizes, the pooled rate and where each lies against the limits, in the page's language."""
        g = self.main
        top = g.levels[0]
        key = inf._level_key(top)
        points = "; ".join(
            self.tr("interventions.funnel.point", name=esc(r.label), rate=self.pct(r.rate),
                    k_of_n=self.of(r.k, r.n), position=self._position(r, key), level=self._level(top))
            for r in g.table.sort_values("label").itertuples())
        return self.tr("interventions.funnel.alt", m=len(g.table), year=self.year, level1=self._level(g.levels[0]),
                       level2=self._level(g.levels[-1]), rate=self.pct(g.pooled_rate),
                       k_of_n=self.of(g.pooled_k, g.pooled_n), points=points)

    def funnel_figure(self):
        from finsam.views.plotting import finish_figure, funnel_plot
        g = self.main
        n_max = int(g.table["n"].max())
        limits = inf.funnel_limits(g.pooled_rate / 100, np.arange(1, int(n_max * 1.3) + 2))
        fig = funnel_plot(g.table, limits, g.pooled_rate, self.tr("interventions.funnel.title", year=self.year),
                          levels=g.levels, texts=dict(
                              xlabel=self.tr("interventions.funnel.xlabel"),
                              ylabel=self.tr("interventions.funnel.ylabel"),
                              limits=[self.tr("interventions.funnel.limits", level=self._level(x)) for x in g.levels],
                              pooled=self.tr("interventions.funnel.pooled", rate=self.pct(g.pooled_rate))))
        return finish_figure(fig, f"{self.stem}__funnel", self.figures_dir, alt=self.funnel_alt())

    def funnel_text(self):
        g = self.main
        m = len(g.table)
        parts = [self.tr("interventions.funnel.pooled_text", m=m, rate=self.pct(g.pooled_rate),
                         k_of_n=self.of(g.pooled_k, g.pooled_n))]
        for level in g.levels:
            key = inf._level_key(level)
            out = g.table[g.table[f"above_{key}"] | g.table[f"below_{key}"]]
            names = ", ".join(f"{esc(r.label)} ({self._side(getattr(r, f'above_{key}'))})" for r in out.itertuples())
            parts.append(self.tr("interventions.funnel.outside_named" if names else "interventions.funnel.outside",
                                 level=self._level(level), count=self.int(len(out)), names=names))
        lo, hi = g.levels[0], g.levels[-1]
        parts.append(self.tr("interventions.funnel.chance", m=m, level1=self._level(lo), level2=self._level(hi),
                             e1=self.num(g.expected_outside[lo], 2), e2=self.num(g.expected_outside[hi], 3),
                             n1=self.num(g.nominal_outside[lo], 2), n2=self.num(g.nominal_outside[hi], 3)))
        return markdown(" ".join(parts))

    def heterogeneity_text(self):
        tests = [c.heterogeneity for c in self.comparisons]
        t = tests[0]
        if not np.isfinite(t.p_value):
            return self.md("interventions.het.none")
        how = (self.tr("interventions.het.chi_squared") if t.method_code == "chi_squared" else
               self.tr("interventions.het.monte_carlo", draws=self.int(t.draws), min_expected=self.num(t.min_expected, 1)))
        s = [self.tr("interventions.het.result", how=how, statistic=self.num(t.statistic, 1), dof=self.int(t.dof),
                     p=self.p(t.p_value)),
             self.tr("interventions.het.evidence" if t.p_value < 0.05 else "interventions.het.no_evidence")]
        if len(tests) > 1:
            ps = [x.p_value for x in tests]
            s.append(self.tr("interventions.het.versions", versions=self.int(len(tests)),
                             p=self.span(self.p(min(ps)), self.p(max(ps)))))
        return markdown(" ".join(s))

    def mix_table(self) -> pd.DataFrame:
        tab = self.mix.table
        return self.frame({
            "interventions.col.intervention": tab["label"],
            "interventions.col.weight": [self.pct(100 * w, 0) for w in tab["weight"]],
            "interventions.col.rate": [self.pct(x) for x in tab["rate"]],
            "interventions.col.contribution": [self.num(x, 1) for x in tab["contribution_pp"]],
        }, index="interventions.col.intervention")

    def mix_text(self):
        m, ref = self.mix, self.reference
        s = [self.tr("interventions.mix.text", crude=self.pct(m.crude_rate), largest=esc(m.largest_group),
                     weight=self.pct(100 * m.largest_weight, 0), standardised=self.pct(m.standardised_rate),
                     effect=self.pp(m.mix_effect_pp))]
        h = self.headline
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
        return markdown(" ".join(s))

    @functools.cached_property
    def goals(self) -> pd.DataFrame:
        h = self.headline
        return goal_rows(self.facts, self.t, h["group"] if h is not None else None)

    def _status(self, status) -> str:
        return self.tr(f"interventions.goal.{str(status).replace(' ', '_')}")

    def goals_table(self) -> pd.DataFrame:
        g = self.goals
        def result(r):
            if pd.isna(r.result):
                return self.missing()
            if r.goal_metric == "exit_work_or_studies_rate_goal":
                whose = "" if r.result_group == r.intervention else f"{esc(r.result_group)}: "
                if pd.isna(r.k):
                    return whose + self._stated_pct(r.result)
                return self.tr("interventions.goal.result_ci", whose=whose, rate=self.pct(r.result),
                               k_of_n=self.of(r.k, r.n), ci=self.interval(r.ci_low, r.ci_high))
            return self.int(r.result)
        return self.frame({
            "interventions.col.intervention": [self.tr("interventions.all_title") if i == ALL else i
                                               for i in g["intervention"]],
            "interventions.col.goal": [self.metric(m) for m in g["goal_metric"]],
            "interventions.col.target": [f"≥ {self._stated_pct(v)}"
                                         if m == "exit_work_or_studies_rate_goal" else self.int(v)
                                         for m, v in zip(g["goal_metric"], g["goal"])],
            "interventions.col.result": [result(r) for r in g.itertuples()],
            "interventions.col.judged": [self._status(x) for x in g["status"]],
            "interventions.col.point": [self.missing() if pd.isna(v) else self._status("met" if v else "not met")
                                        for v in g["point_met"]],
            "interventions.col.conflict": ["⚠" if x else "" for x in g["conflict"]],
        }, index=["interventions.col.intervention", "interventions.col.goal"])

    def goals_text(self):
        g = self.goals
        if g.empty:
            return self.md("interventions.goals.none", year=self.year)
        rate = g[g["goal_metric"] == "exit_work_or_studies_rate_goal"]
        s = [self.tr("interventions.goals.text", n=self.int(len(g)))]
        if len(rate):
            ct = rate[rate["status"] == "cannot tell"]
            counts = dict(rate=self.int(len(rate)), met=self.int((rate["status"] == "met").sum()),
                          not_met=self.int((rate["status"] == "not met").sum()), cannot_tell=self.int(len(ct)))
            if len(ct):
                s.append(self.tr("interventions.goals.rate_counts_point", point=self.int(ct["point_met"].sum()),
                                 **counts))
            else:
                s.append(self.tr("interventions.goals.rate_counts", **counts))
        return markdown(" ".join(s))

    @functools.cached_property
    def national(self):
        """(comparison, note, quote) of the headline against a national share quoted in the year's
        report, or None when there is no such figure or no headline counts. ``note`` is the
        curators' (English) note, ``quote`` the report's own words."""
        h = self.headline
        f = self.facts[(self.facts["metric"] == "national_exit_work_or_studies_rate") & (self.facts["gender"] == "all")]
        if f.empty or h is None or pd.isna(h["count"]) or len(set(f["value"])) != 1:
            return None
        note = next((n for n in f["notes"] if n), "") if "notes" in f else ""
        o = self.obs[(self.obs["metric"] == "national_exit_work_or_studies_rate") & (self.obs["gender"] == "all")]
        quote = next((q for q in o["quote"].astype(str) if q.strip()), "") if "quote" in o else ""
        return inf.compare_with_national(int(h["count"]), int(h["exited"]), float(f["value"].iloc[0])), note, quote

    def national_text(self):
        if self.national is None:
            return self.md("interventions.national.none")
        c, note, quote = self.national
        h = self.headline
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
        return markdown(" ".join(s))

    @functools.cached_property
    def change(self):
        """The headline group's rate against the previous year, as a range over the counts
        consistent with a rounded percentage; None without a previous year. Returns (range
        table, the previous year's figures: dict with ``n`` and ``k`` or ``pct`` and the
        ``counts`` consistent with it, years with the rate)."""
        h = self.headline
        if h is None or pd.isna(h["count"]):
            return None
        obs = self.t.observations
        o = obs[(obs["association_id"] == self.a) & (obs["intervention"] == h["group"])
                & (obs["period_start"] == obs["period_end"]) & (obs["gender"] == "all")
                & obs["metric"].isin(["exit_work_or_studies_rate", "exit_work_or_studies"])]
        years = sorted(set(o["period_start"].astype(int)))
        prev = resolve(select(obs, association=self.a, period=self.year - 1, intervention=h["group"]), "show")
        prev = prev[prev["gender"] == "all"]
        def one(metric):
            v = sorted(set(prev[prev["metric"] == metric]["value"].astype(float)))
            return v[0] if len(v) == 1 else None
        n, k, pct = one("participants_exited"), one("exit_work_or_studies"), one("exit_work_or_studies_rate")
        if n is None or (k is None and pct is None):
            return None
        earlier = dict(n=int(n), k=int(k)) if k is not None else dict(n=int(n), pct=pct)
        table = inf.difference_range(dict(k=int(h["count"]), n=int(h["exited"])), earlier)
        earlier = {**earlier, "counts": inf.consistent_counts(int(n), earlier.get("k"), earlier.get("pct"))}
        return table, earlier, years

    def change_text(self):
        if self.change is None:
            return self.md("interventions.change.none", previous=self.year - 1)
        table, earlier, years = self.change
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
        return markdown(" ".join(s))

    @functools.cached_property
    def costs(self) -> pd.DataFrame:
        """:func:`cost_rows` of the compared interventions (the table and the text share them)."""
        return cost_rows(self.facts, self.counts)

    def costs_table(self) -> pd.DataFrame:
        c = self.costs
        return self.frame({
            "interventions.col.intervention": c["intervention"],
            "interventions.col.cost": [self._kr(x) for x in c["cost"]],
            "interventions.col.participants": [self.missing() if pd.isna(p) else self.int(p) for p in c["participants"]],
            "interventions.col.per_participant": [self._kr(x) for x in c["per_participant"]],
            "interventions.col.work_or_studies": [self.of(k, n) for k, n in zip(c["k"], c["n"])],
            "interventions.col.per_work_or_studies": [self._kr(x) for x in c["per_work_or_studies"]],
            "interventions.col.cost_range": [self.tr("common.range", low=self._kr(lo), high=self._kr(hi)) for lo, hi in
                                             zip(c["per_work_or_studies_low"], c["per_work_or_studies_high"])],
            "interventions.col.conflict": ["⚠" if x else "" for x in c["conflict"]],
        }, index="interventions.col.intervention")

    def costs_text(self):
        if self.costs.empty:
            return self.md("interventions.costs.none")
        return self.md("interventions.costs.text")

    def caveats(self):
        keys = ["exited", "intervals", "target_groups"] + (["versions"] if len(self.versions) > 1 else [])
        return markdown("\n".join(f"- {self.tr(f'interventions.caveat.{k}')}" for k in keys))
