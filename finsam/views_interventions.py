"""Interventions compared within one association and year: the data behind interventions.ipynb.

Decisions (which interventions can be compared: those with counts, not overlapping) are plain
functions returning data; :class:`InterventionComparison` formats their results for the
notebook. Rates are percentages of exited participants (``participants_exited``) who left for
work or studies, per intervention, as :func:`finsam.rates.rates_from_facts` computes them.
"""
from __future__ import annotations

import functools
import itertools
import re

import numpy as np
import pandas as pd

from . import inference as inf
from .conflicts import resolve
from .data import Tables, select
from .rates import rates_from_facts
from .schema import ALL

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
    iv = interventions[interventions["association_id"].astype(str) == association]
    return dict(zip(iv["intervention"].astype(str), iv["kind"].astype(str)))


def parent_of(interventions: pd.DataFrame, association: str) -> dict[str, str]:
    """child -> parent for the association's interventions whose note says they are part of
    another intervention the data know (e.g. SamMA-Haninge, a local team of SamMA-projektet)."""
    iv = interventions[interventions["association_id"].astype(str) == association]
    names = set(iv["intervention"].astype(str))
    out = {}
    for name, note in zip(iv["intervention"].astype(str), iv["note"]):
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
    names = facts["intervention"].astype(str)
    rows = []
    for inter in sorted(set(names[facts["metric"] == "participants_exited"])):
        r = rates_from_facts(facts[names == inter], tables)
        r = r[(r["outcome"] == "work_or_studies") & (r["gender"] == "all")].dropna(subset=["count", "exited"])
        r = r[r["exited"] > 0].drop_duplicates(["count", "exited"])
        for x in r.itertuples():
            rows.append(dict(intervention=inter, k=int(x.count), n=int(x.exited), conflict=bool(x.conflict),
                             basis=x.basis))
    out = pd.DataFrame(rows, columns=["intervention", "k", "n", "conflict", "basis"])
    keep = comparable(sorted(set(out["intervention"])), tables.interventions, association)
    return out[out["intervention"].isin(keep)].reset_index(drop=True)


def intervention_choices(tables: Tables) -> list[dict]:
    """(association, year) with at least two comparable interventions with counts: exited
    participants (n > 0) and exits to work or studies, or to work and to studies (the same test
    as :func:`intervention_counts`, on the statements, without resolving every year)."""
    o = tables.observations
    o = o[(o["period_start"] == o["period_end"]) & (o["gender"] == "all") & o["metric"].isin(COUNT_METRICS)
          & (o["intervention"].astype(str) != ALL)]
    has: dict[tuple[str, int, str], set] = {}
    for a, y, i, m, v in zip(o["association_id"].astype(str), o["period_start"].astype(int),
                             o["intervention"].astype(str), o["metric"].astype(str), o["value"]):
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
    (:func:`finsam.inference.goal_attainment`: met / not met / cannot tell), a count goal
    (participants, new, exited) compared plainly. One row per goal and version of conflicting
    values; ``status`` is 'no result' when the report gives none, 'percentage only' when it gives
    a rate without counts (no interval, so only the point value is compared). A rate goal stated
    for the whole association (ALL) is judged against ``headline_group``'s result when given:
    the group whose rate the report prints as the association's (e.g. its work-oriented
    interventions); ``result_group`` says whose result was used."""
    f = facts[facts["gender"] == "all"]
    names = f["intervention"].astype(str)
    # plain dictionaries: per-intervention DataFrame groupbys would cost a report more than its statistics
    stated: dict[tuple[str, str], list[tuple[float, bool]]] = {}
    for i, m, v, c in zip(names, f["metric"].astype(str), f["value"].astype(float), f["conflict"]):
        stated.setdefault((i, m), []).append((v, bool(c)))
    rows = []
    for inter in sorted({i for i, m in stated if m.endswith("_goal")}):
        def values(m):
            return sorted({v for v, _ in stated.get((inter, m), [])})

        def contested(*ms):
            return any(c for m in ms for _, c in stated.get((inter, m), []))
        for goal in values("exit_work_or_studies_rate_goal"):
            result_group = headline_group if inter == ALL and headline_group else inter
            r = rates_from_facts(f[(names == result_group) & f["metric"].isin(RATE_METRICS)], tables)
            r = r[(r["outcome"] == "work_or_studies") & (r["gender"] == "all")]
            r = pd.concat([r[r["count"].notna()].drop_duplicates(["count", "exited"]), r[r["count"].isna()]])
            base = dict(intervention=inter, goal_metric="exit_work_or_studies_rate_goal", goal=goal,
                        result_group=result_group)
            if r.empty:
                rows.append({**base, "status": "no result"})
            for x in r.itertuples():
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
    :func:`finsam.inference.cost_range`: cost per participant (participants as stated) and per
    person to work or studies (k of n exited) with the range implied by the rate's 95 % Wilson
    interval. One row per intervention and version of conflicting figures; interventions
    without a stated cost are left out."""
    f = facts[(facts["gender"] == "all") & facts["metric"].isin(["cost", "participants"])]
    names = f["intervention"].astype(str)
    rows = []
    for c in counts.itertuples():
        fi = f[names == c.intervention]
        costs = sorted(set(fi[fi["metric"] == "cost"]["value"].astype(float)))
        parts = sorted(set(fi[fi["metric"] == "participants"]["value"].astype(float))) or [None]
        for cost, p in itertools.product(costs, parts):
            t = inf.cost_range(cost, c.k, c.n, {"participants": int(p)} if p else None)
            per_p = t[t["measure"] == "per participant"]
            ws = t[t["measure"] == "per person to work or studies"].iloc[0]
            rows.append(dict(intervention=c.intervention, cost=cost, participants=p, k=c.k, n=c.n,
                             per_participant=per_p["value"].iloc[0] if len(per_p) else np.nan,
                             per_work_or_studies=ws["value"], per_work_or_studies_low=ws["low"],
                             per_work_or_studies_high=ws["high"],
                             conflict=bool(c.conflict or fi["conflict"].any())))
    return pd.DataFrame(rows, columns=["intervention", "cost", "participants", "k", "n", "per_participant",
                                       "per_work_or_studies", "per_work_or_studies_low", "per_work_or_studies_high",
                                       "conflict"])


def _pct(x) -> str:
    return "–" if pd.isna(x) else f"{x:.1f} %"


def _p(p: float) -> str:
    return "< 0.001" if p < 0.001 else f"{p:.3f}"


class InterventionComparison:
    """Sections of the interventions notebook for one association and year."""

    def __init__(self, tables: Tables, association: str, year: int, figures_dir=None, policy: str = "show", lang: str = "en"):
        from .params import report_stem
        self.t, self.a, self.year, self.figures_dir = tables, association, year, figures_dir
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
                       & (self.facts["intervention"].astype(str) == intervention)]
        return sorted(set(f["value"].astype(float)))

    @functools.cached_property
    def reference(self) -> tuple[str, float] | None:
        """The rate the headline is judged against: the report's goal for the headline group (or
        the association), else a national share the report quotes."""
        for metric, what in (("exit_work_or_studies_rate_goal", "the report's goal"),
                             ("national_exit_work_or_studies_rate", "the national share the report quotes")):
            for group in self._reference_groups():
                v = self._fact(metric, group)
                if len(v) == 1:
                    return what, v[0]
        return None

    @functools.cached_property
    def headline(self) -> pd.Series | None:
        """The association's headline rate to work or studies for the year: the population
        finsam.scope decides (the same on every page), with the counts behind it where stated
        (``group``, ``reported`` values, ``count``, ``exited``, ``rate``); None when the report
        gives no such rate."""
        from .findings import headline
        h = headline(self.t, self.a, self.year, facts=self.facts)
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

    # --- views ---
    def heading(self):
        from .labels import association_name
        from .report import esc, markdown
        src = sorted(set(self.obs["source_id"].astype(str)))
        titles = self.t.sources.set_index(self.t.sources["source_id"].astype(str)).loc[src, "title"]
        return markdown(f"# {esc(association_name(self.t, self.a))}: interventions compared, {self.year}\n\n"
                        f"Figures for {self.year} as stated in: " + "; ".join(esc(x) for x in titles) + ".")

    def rates_table(self) -> pd.DataFrame:
        tab = self.main.table
        conflict = dict(zip(self.versions[0]["intervention"], self.versions[0]["conflict"]))
        out = pd.DataFrame({
            "Intervention": tab["label"],
            "Exited (n)": tab["n"].astype(int),
            "To work or studies (k)": tab["k"].astype(int),
            "Rate": tab["rate"].map(_pct),
            "95 % CI": [f"{lo:.1f}–{hi:.1f} %" for lo, hi in zip(tab["ci_low"], tab["ci_high"])],
            "Funnel 95 %": np.where(tab["above_95"], "above", np.where(tab["below_95"], "below", "within")),
            "Funnel 99.8 %": np.where(tab["above_99_8"], "above", np.where(tab["below_99_8"], "below", "within")),
            "Conflict": ["⚠" if conflict.get(x) else "" for x in tab["label"]],
        })
        return out.set_index("Intervention")

    def not_compared(self):
        """Interventions with outcome figures for the year that the comparison cannot use."""
        from .report import esc, markdown
        f = self.facts[(self.facts["gender"] == "all") & self.facts["metric"].isin(
            ["exit_work_or_studies_rate", "exit_work_or_studies", "exit_work", "participants_exited"])]
        names = set(f["intervention"].astype(str)) - {ALL} - set(self.counts["intervention"])
        kinds = _kinds(self.t.interventions, self.a)
        parents = parent_of(self.t.interventions, self.a)
        lines = []
        for n in sorted(names):
            if is_aggregate(kinds.get(n)):
                why = "a total of several interventions (the headline group), not one intervention"
            elif n in set(parents.values()) and any(parents.get(c) == n for c in self.counts["intervention"]):
                why = "its parts are compared instead"
            else:
                has = set(f[f["intervention"].astype(str) == n]["metric"].astype(str))
                why = ("a percentage without its counts: no interval is possible" if "exit_work_or_studies_rate" in has
                       and not {"exit_work_or_studies", "exit_work"} & has else
                       "no count of exits to work or studies" if "participants_exited" in has else
                       "no count of exited participants")
            lines.append(f"- {esc(n)}: {why}.")
        if not lines:
            return markdown("Every intervention with outcome figures for this year is compared.")
        return markdown("Not compared:\n\n" + "\n".join(lines))

    def funnel_figure(self):
        from .plotting import finish_figure, funnel_plot
        g = self.main
        n_max = int(g.table["n"].max())
        limits = inf.funnel_limits(g.pooled_rate / 100, np.arange(1, int(n_max * 1.3) + 2))
        fig = funnel_plot(g.table, limits, g.pooled_rate,
                          f"Exits to work or studies by intervention, {self.year}",
                          levels=g.levels)
        return finish_figure(fig, f"{self.stem}__funnel", self.figures_dir)

    def funnel_text(self):
        from .report import esc, markdown
        g = self.main
        m = len(g.table)
        parts = [f"The pooled rate of the {m} interventions is {g.pooled_rate:.1f} % ({g.pooled_k} of "
                 f"{g.pooled_n} exited). The limits are exact binomial limits around it for each size n: an "
                 "intervention outside them differs from the pooled rate by more than chance would make likely."]
        for level in g.levels:
            key = inf._level_key(level)
            out = g.table[g.table[f"above_{key}"] | g.table[f"below_{key}"]]
            names = ", ".join(f"{esc(r.label)} ({'above' if getattr(r, f'above_{key}') else 'below'})"
                              for r in out.itertuples())
            parts.append(f"Outside the {100 * level:g} % limits: {len(out)}" + (f" — {names}." if names else "."))
        e95, e998 = g.expected_outside[g.levels[0]], g.expected_outside[g.levels[-1]]
        parts.append(f"If every intervention had the pooled rate, chance alone would put on average {e95:.2f} of "
                     f"the {m} outside the 95 % limits and {e998:.3f} outside the 99.8 % limits (nominally "
                     f"{g.nominal_outside[g.levels[0]]:.2f} and {g.nominal_outside[g.levels[-1]]:.3f}; limits on "
                     "whole counts are a little stricter).")
        return markdown(" ".join(parts))

    def heterogeneity_text(self):
        from .report import markdown
        tests = [c.heterogeneity for c in self.comparisons]
        t = tests[0]
        if not np.isfinite(t.p_value):
            return markdown(f"No test of heterogeneity: {t.method}.")
        how = ("Pearson's chi-squared test" if t.method == "chi-squared" else
               f"A Monte Carlo test of the chi-squared statistic ({t.draws:,} tables with the same margins), "
               f"because the smallest expected count is {t.min_expected:.1f}, below 5")
        s = (f"Do the interventions' rates differ by more than chance? {how}: X² = {t.statistic:.1f} on "
             f"{t.dof} degrees of freedom, p {'< 0.001' if t.p_value < 0.001 else f'= {t.p_value:.3f}'}. ")
        s += ("The rates differ by more than chance." if t.p_value < 0.05 else
              "No evidence that the rates differ; with these group sizes, that is not evidence that they are equal.")
        if len(tests) > 1:
            ps = [x.p_value for x in tests]
            s += (f" The report states some counts with two values (⚠); over the {len(tests)} versions p ranges "
                  f"from {_p(min(ps))} to {_p(max(ps))}.")
        return markdown(s)

    def mix_table(self) -> pd.DataFrame:
        tab = self.mix.table
        return pd.DataFrame({"Intervention": tab["label"], "Share of exits": tab["weight"].map(lambda w: f"{100 * w:.0f} %"),
                             "Rate": tab["rate"].map(_pct),
                             "Contribution to pooled rate": tab["contribution_pp"].map(lambda x: f"{x:.1f} pp")}
                            ).set_index("Intervention")

    def mix_text(self):
        from .report import esc, markdown
        m, ref = self.mix, self.reference
        s = (f"The pooled rate {m.crude_rate:.1f} % weights each intervention by its exits; "
             f"{esc(m.largest_group)} alone has {100 * m.largest_weight:.0f} % of them. With every intervention "
             f"weighted equally the rate would be {m.standardised_rate:.1f} %: the mix of interventions moves the "
             f"pooled rate by {m.mix_effect_pp:+.1f} percentage points.")
        h = self.headline
        if h is not None:
            group = "all interventions" if h["group"] == ALL else esc(h["group"])
            s += f" The report's own headline is {' / '.join(f'{v:g}' for v in h['reported'])} % for {group}"
            s += (f" ({int(h['count'])} of {int(h['exited'])})." if pd.notna(h["count"]) else ".")
        if ref:
            what, value = ref
            if m.mix_flips_reference:
                s += (f" Against {what} of {value:g} %, **the mix rather than the results decides**: the pooled rate "
                      f"is {'above' if m.crude_rate > value else 'below'} it, the equally weighted rate "
                      f"{'above' if m.standardised_rate > value else 'below'}.")
            else:
                s += (f" Against {what} of {value:g} %, both are on the same side "
                      f"({'above' if m.crude_rate > value else 'below'}): the mix does not decide it.")
        else:
            s += " The report states no goal or national share to judge the rate against."
        return markdown(s)

    @functools.cached_property
    def goals(self) -> pd.DataFrame:
        h = self.headline
        return goal_rows(self.facts, self.t, h["group"] if h is not None else None)

    def goals_table(self) -> pd.DataFrame:
        from . import labels as L
        from .report import esc
        g = self.goals
        if g.empty:
            return g
        def result(r):
            if pd.isna(r.result):
                return "–"
            if r.goal_metric == "exit_work_or_studies_rate_goal":
                whose = "" if r.result_group == r.intervention else f"{esc(r.result_group)}: "
                return whose + (f"{r.result:.1f} %" + ("" if pd.isna(r.k) else f" ({int(r.k)} of {int(r.n)}; 95 % CI "
                                                                        f"{r.ci_low:.1f}–{r.ci_high:.1f} %)"))
            return f"{r.result:,.0f}"
        out = pd.DataFrame({
            "Intervention": g["intervention"].replace({ALL: "All interventions"}),
            "Goal": [L.metric_label(self.t, m) for m in g["goal_metric"]],
            "Target": [f"≥ {v:g} %" if m == "exit_work_or_studies_rate_goal" else f"{v:,.0f}"
                       for m, v in zip(g["goal_metric"], g["goal"])],
            "Result": [result(r) for r in g.itertuples()],
            "Judged from the interval": g["status"],
            "Point value": g["point_met"].map(lambda v: "–" if pd.isna(v) else ("met" if v else "not met")),
            "Conflict": np.where(g["conflict"], "⚠", ""),
        })
        return out.set_index(["Intervention", "Goal"])

    def goals_text(self):
        from .report import markdown
        g = self.goals
        if g.empty:
            return markdown(f"The data hold no goals for {self.year}.")
        rate = g[g["goal_metric"] == "exit_work_or_studies_rate_goal"]
        s = [f"{len(g)} goal(s) with their results. Rate goals (\"at least\") are judged from the result's 95 % "
             "interval: **met** when the whole interval is at or above the target, **not met** when it is wholly "
             "below, **cannot tell** when it contains the target. Count goals (participants) are counts of everyone "
             "served, not samples, so they are compared directly."]
        if len(rate):
            ct = rate[rate["status"] == "cannot tell"]
            s.append(f"Of {len(rate)} rate goal(s), {int((rate['status'] == 'met').sum())} met, "
                     f"{int((rate['status'] == 'not met').sum())} not met, {len(ct)} cannot tell"
                     + (f" (the point value alone would say met for {int(ct['point_met'].sum())} of these)"
                        if len(ct) else "") + ".")
        return markdown(" ".join(s))

    @functools.cached_property
    def national(self):
        """(comparison, note) of the headline against a national share quoted in the year's report,
        or None when there is no such figure or no headline counts."""
        h = self.headline
        f = self.facts[(self.facts["metric"] == "national_exit_work_or_studies_rate") & (self.facts["gender"] == "all")]
        if f.empty or h is None or pd.isna(h["count"]) or len(set(f["value"])) != 1:
            return None
        note = next((n for n in f["notes"] if n), "") if "notes" in f else ""
        return inf.compare_with_national(int(h["count"]), int(h["exited"]), float(f["value"].iloc[0])), note

    def national_text(self):
        from .report import esc, markdown
        if self.national is None:
            return markdown("The report quotes no national share to work or studies for this year (or the headline "
                            "has no counts), so no national comparison is made.")
        c, note = self.national
        h = self.headline
        group = "all interventions" if h["group"] == ALL else esc(h["group"])
        s = (f"The report quotes a national share of {c.national_rate:g} %. The headline, {c.k} of {c.n} "
             f"({c.rate:.1f} %, 95 % CI {c.ci_low:.1f}–{c.ci_high:.1f} %, {group}), differs from it by "
             f"{c.difference_pp:+.1f} percentage points; exact binomial test p = {c.p_value:.3f}: "
             + ("evidence of a difference." if c.evidence else
                "no evidence of a difference (which is not evidence that the rates are equal).")
             + " The national figure is taken as fixed (its n is not stated).")
        if note:
            s += f" Scope: {esc(note)}."
        return markdown(s)

    @functools.cached_property
    def change(self):
        """The headline group's rate against the previous year, as a range over the counts
        consistent with a rounded percentage; None without a previous year. Returns (range
        table, previous-year description, years with the rate)."""
        h = self.headline
        if h is None or pd.isna(h["count"]):
            return None
        obs = self.t.observations
        o = obs[(obs["association_id"].astype(str) == self.a) & (obs["intervention"].astype(str) == h["group"])
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
        desc = (f"{int(k)} of {int(n)}" if k is not None else
                f"{pct:g} % of {int(n)} (counts {', '.join(map(str, inf.rounding_range(pct, int(n))))} round to it)")
        return table, desc, years

    def change_text(self):
        from .report import markdown
        if self.change is None:
            return markdown(f"The data hold no {self.year - 1} rate with its denominator for the headline group, so no "
                            "year-on-year comparison is made.")
        table, desc, years = self.change
        t = table.set_index("quantity")
        def rng(q, fmt="{:+.1f}"):
            lo, hi = t.loc[q, "min"], t.loc[q, "max"]
            return fmt.format(lo) if abs(hi - lo) < 0.05 else f"{fmt.format(lo)} to {fmt.format(hi)}"
        ranged = table["combinations"].iloc[0] > 1
        s = (f"{self.year - 1}: {desc}. Change to {self.year}: {rng('difference_pp')} percentage points; "
             + (f"the 95 % intervals (Newcombe) together span {t.loc['ci_low_pp', 'min']:+.1f} to "
                f"{t.loc['ci_high_pp', 'max']:+.1f}" if ranged else
                f"95 % CI {t.loc['ci_low_pp', 'min']:+.1f} to {t.loc['ci_high_pp', 'max']:+.1f} (Newcombe)")
             + f", score test p {rng('p_value', '{:.3f}')}. ")
        ev_all, ev_any = bool(table["evidence_all"].iloc[0]), bool(table["evidence_any"].iloc[0])
        s += ("Evidence of a change." if ev_all else "Whether there is evidence of a change depends on the rounding."
              if ev_any else "No evidence of a change; a change smaller than about "
              f"{t.loc['detectable_pp', 'max']:.0f} percentage points could not have been detected with 80 % power.")
        if ranged:
            s += " Ranges run over every count consistent with the rounded percentage, never one invented count."
        s += (f" The data hold this rate for {len(years)} year(s) ({', '.join(map(str, years))}); "
              + ("a trend test would be possible." if len(years) >= 3 else
                 "with fewer than three years no trend test is possible: two years make a change, not a trend."))
        return markdown(s)

    def costs_table(self) -> pd.DataFrame:
        c = cost_rows(self.facts, self.counts)
        if c.empty:
            return c
        def kr(x):
            return "–" if pd.isna(x) else ("∞" if np.isinf(x) else f"{x:,.0f}".replace(",", " "))
        return pd.DataFrame({
            "Intervention": c["intervention"], "Cost (kr)": c["cost"].map(kr),
            "Participants": c["participants"].map(lambda p: "–" if pd.isna(p) else f"{int(p)}"),
            "Per participant (kr)": c["per_participant"].map(kr),
            "To work or studies": [f"{k} of {n}" for k, n in zip(c["k"], c["n"])],
            "Per person to work or studies (kr)": c["per_work_or_studies"].map(kr),
            "Range from the rate's 95 % CI (kr)": [f"{kr(lo)}–{kr(hi)}" for lo, hi in
                                                   zip(c["per_work_or_studies_low"], c["per_work_or_studies_high"])],
            "Conflict": np.where(c["conflict"], "⚠", ""),
        }).set_index("Intervention")

    def costs_text(self):
        from .report import markdown
        c = cost_rows(self.facts, self.counts)
        if c.empty:
            return markdown("The report states no costs for the compared interventions this year.")
        return markdown(
            "Derived here (cost ÷ count), not stated in the reports, and not price-adjusted (kronor of the report "
            "year). The cost covers the intervention's whole year, including people still taking part and those who "
            "left for other reasons; cost per person to work or studies puts all of it on those exits. The range is "
            "that cost if the "
            "intervention's underlying rate were anywhere in its 95 % interval. Participants are as the report counts "
            "them (participations in the intervention); a person in two interventions counts in both.")

    def caveats(self):
        from .report import markdown
        items = ["Rates are percentages of the participants who **ended** an intervention in the year; one person "
                 "can be counted in more than one intervention.",
                 "Intervals are 95 % Wilson score intervals. Funnel limits are exact binomial limits around the "
                 "pooled rate of the interventions shown, which includes each intervention itself.",
                 "Interventions serve different target groups (see data/interventions.csv); a funnel shows where "
                 "rates differ by more than chance, not which intervention works better for the same people."]
        if len(self.versions) > 1:
            items.append("Where the report states a count twice with different values (⚠), the tables use the first "
                         "and the text gives the range over every version.")
        return markdown("\n".join(f"- {i}" for i in items))
