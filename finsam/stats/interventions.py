"""Interventions compared within one association and year: which can be compared, their counts,
the pooled comparison and its versions, the goals and their judgement, the national share, the
change from the previous year and the derived costs. Plain functions and one class of results,
:class:`InterventionYear`; the interventions page (:mod:`finsam.views.interventions`) only words
them. Rates are percentages of exited participants who left for work or studies, per intervention,
as :func:`finsam.stats.rates.rates_from_facts` computes them.
"""
from __future__ import annotations

import functools
import itertools

import numpy as np
import pandas as pd

from finsam.data import semantics
from finsam.data.conflicts import resolve
from finsam.data.fields import ALL
from finsam.data.interventions import comparable, is_aggregate, kinds, parent_of
from finsam.data.tables import Tables, select
from finsam.data.frames import texts
from finsam.data.semantics import (COST, EVERYONE, EXITED, NATIONAL_WORK_OR_STUDIES_RATE, PARTICIPANTS, SUM_OUTCOME,
                                    WORK, WORK_OR_STUDIES, WORK_OR_STUDIES_COUNTS, WORK_OR_STUDIES_METRICS,
                                    WORK_OR_STUDIES_RATE, WORK_OR_STUDIES_RATE_GOAL, count_goals, goal_for, goals)
from finsam.stats import inference as inf
from finsam.stats.findings import headline, shared_costs
from finsam.stats.rates import rates_by_group

MAX_VERSIONS = 64  # combinations of a report's conflicting counts analysed side by side


def intervention_counts(tables: Tables, association: str, year: int, policy: str = "show",
                        facts: pd.DataFrame | None = None) -> pd.DataFrame:
    """Exits to work or studies (k) of exited participants (n), all genders, per comparable
    intervention in one year: one row per intervention and version of its counts (a report's
    conflicting counts give several versions, flagged ``conflict``). Interventions with n = 0
    are left out (no rate)."""
    if facts is None:
        facts = resolve(select(tables.observations, association=association, period=year), policy)
    # with every exit reason: the reasons decide which versions of the exits can hold (finsam.data.versions)
    facts = facts[(facts["gender"] == EVERYONE) & facts["metric"].isin([*WORK_OR_STUDIES_COUNTS, *semantics.exit_reasons(tables.metrics)])]
    names = facts["intervention"]
    with_exits = names.isin(set(texts(names[facts["metric"] == EXITED])))
    r = rates_by_group(facts[with_exits], tables)  # every intervention's rates in one pass
    r = r[(r["outcome"] == SUM_OUTCOME) & (r["gender"] == EVERYONE)].dropna(subset=["count", "exited"])
    r = r[r["exited"] > 0].drop_duplicates(["intervention", "count", "exited"])
    rows = [dict(intervention=x.intervention, k=int(x.count), n=int(x.exited), conflict=bool(x.conflict), basis=x.basis)
            for x in r.itertuples()]
    out = pd.DataFrame(rows, columns=["intervention", "k", "n", "conflict", "basis"])
    keep = comparable(sorted(set(out["intervention"])), tables.interventions, association)
    return out[out["intervention"].isin(keep)].reset_index(drop=True)


def versions(counts: pd.DataFrame) -> list[pd.DataFrame]:
    """Every combination of the report's conflicting counts: one frame per version, one row
    per intervention (the first version uses each intervention's first-listed counts)."""
    groups = [g for _, g in counts.groupby("intervention", sort=True)]
    combos = list(itertools.islice(itertools.product(*(range(len(g)) for g in groups)), MAX_VERSIONS))
    return [pd.concat([g.iloc[[i]] for g, i in zip(groups, c)], ignore_index=True) for c in combos]


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
    f = facts[facts["gender"] == EVERYONE]
    names = f["intervention"]
    rate_goal, goal_metrics = goal_for(tables.metrics, WORK_OR_STUDIES_RATE), goals(tables.metrics)
    # plain dictionaries: per-intervention DataFrame groupbys would cost a report more than its statistics
    stated: dict[tuple[str, str], list[tuple[float, bool]]] = {}
    for i, m, v, c in zip(texts(names), texts(f["metric"]), f["value"].astype(float).tolist(), f["conflict"].tolist()):
        stated.setdefault((i, m), []).append((v, bool(c)))
    rows = []
    rates: dict[str, list] = {}  # result group -> its work-or-studies rates (all genders), as rows
    # every result group's rates in one pass (rates_by_group: per group what rates_from_facts gives)
    groups = {headline_group if i == ALL and headline_group else i
              for i, m in stated if m == rate_goal}
    every = rates_by_group(f[names.isin(groups) & f["metric"].isin([*WORK_OR_STUDIES_METRICS, *semantics.exit_reasons(tables.metrics)])],
                           tables)
    every = every[(every["outcome"] == SUM_OUTCOME) & (every["gender"] == EVERYONE)]
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
    for inter in sorted({i for i, m in stated if m in goal_metrics}):
        def values(m):
            return sorted({v for v, _ in stated.get((inter, m), [])})

        def contested(*ms):
            return any(c for m in ms for _, c in stated.get((inter, m), []))
        for goal in values(rate_goal):
            result_group = headline_group if inter == ALL and headline_group else inter
            r = rates_of(result_group)
            base = dict(intervention=inter, goal_metric=rate_goal, goal=goal,
                        result_group=result_group)
            if not r:
                rows.append({**base, "status": "no result"})
            for x in r:
                if pd.isna(x.count):
                    rows.append({**base, "achieved": x.rate, "status": "percentage only",
                                 "point_met": bool(x.rate >= goal), "conflict": bool(x.conflict)})
                else:
                    g = inf.goal_attainment(int(x.count), int(x.exited), goal)
                    rows.append({**base, "achieved": g.rate, "k": g.k, "n": g.n, "ci_low": g.ci_low, "ci_high": g.ci_high,
                                 "status": g.status, "point_met": g.point_met, "conflict": bool(x.conflict)})
        for gm, m in count_goals(tables.metrics).items():
            for goal in values(gm):
                base = dict(intervention=inter, goal_metric=gm, goal=goal, result_group=inter)
                if not values(m):
                    rows.append({**base, "status": "no result"})
                for v in values(m):
                    c = inf.count_goal(v, goal)
                    rows.append({**base, "achieved": v, "status": "met" if c.met else "not met", "point_met": c.met,
                                 "conflict": contested(gm, m)})
    cols = ["intervention", "goal_metric", "goal", "result_group", "achieved", "k", "n", "ci_low", "ci_high", "status", "point_met",
            "conflict"]
    out = pd.DataFrame(rows, columns=cols)
    out["conflict"] = out["conflict"].fillna(False).astype(bool)
    return out


def cost_rows(facts: pd.DataFrame, counts: pd.DataFrame) -> pd.DataFrame:
    """Derived costs of each compared intervention (kronor as stated, not price-adjusted), from
    :func:`finsam.stats.inference.cost_range`: cost per participant (participants as stated) and per
    person to work or studies (k of n exited) with the range implied by the rate's 95 % Wilson
    interval. One row per intervention and version of conflicting figures; interventions
    without a stated cost are left out, and so are those whose cost is a project's gross cost for
    several associations (:func:`finsam.stats.findings.shared_costs`)."""
    shared = set(shared_costs(facts))
    facts = facts[~facts["intervention"].isin(shared)]
    f = facts[(facts["gender"] == EVERYONE) & facts["metric"].isin([COST, PARTICIPANTS])]
    stated: dict[tuple[str, str], list[tuple[float, bool]]] = {}  # (intervention, metric) -> (value, conflict)
    for i, m, v, conflict in zip(texts(f["intervention"]), texts(f["metric"]), f["value"].astype(float).tolist(),
                                 f["conflict"].tolist()):
        stated.setdefault((i, m), []).append((v, bool(conflict)))
    rows = []
    for c in counts.itertuples():
        costs = sorted({v for v, _ in stated.get((c.intervention, COST), [])})
        parts = sorted({v for v, _ in stated.get((c.intervention, PARTICIPANTS), [])}) or [None]
        contested = any(x for m in (COST, PARTICIPANTS) for _, x in stated.get((c.intervention, m), []))
        for cost, p in itertools.product(costs, parts):
            t = inf.cost_range(cost, c.k, c.n, {PARTICIPANTS: int(p)} if p else None)
            by = {code: dict(value=v, low=lo, high=hi)  # one row per measure here
                  for code, v, lo, hi in zip(t["measure_code"], t["value"], t["low"], t["high"])}
            ws = by["per_work_or_studies"]
            rows.append(dict(intervention=c.intervention, **{COST: cost, PARTICIPANTS: p}, k=c.k, n=c.n,
                             per_participant=by["per_participant"]["value"] if "per_participant" in by else np.nan,
                             per_work_or_studies=ws["value"], per_work_or_studies_low=ws["low"],
                             per_work_or_studies_high=ws["high"],
                             conflict=bool(c.conflict or contested)))
    return pd.DataFrame(rows, columns=["intervention", COST, PARTICIPANTS, "k", "n", "per_participant",
                                       "per_work_or_studies", "per_work_or_studies_low", "per_work_or_studies_high",
                                       "conflict"])


def reference_rate(facts: pd.DataFrame, groups: list[str]) -> tuple[str, float] | None:
    """The rate a headline is judged against, as (kind, value): kind 'goal' for the report's goal
    for the first of ``groups`` that has one, else 'national' for a national share the report
    quotes; None when the year's ``facts`` state neither (or state it with different values)."""
    for metric, what in ((WORK_OR_STUDIES_RATE_GOAL, "goal"), (NATIONAL_WORK_OR_STUDIES_RATE, "national")):
        for group in groups:
            f = facts[(facts["metric"] == metric) & (facts["gender"] == EVERYONE) & (facts["intervention"] == group)]
            v = sorted(set(f["value"].astype(float)))
            if len(v) == 1:
                return what, v[0]
    return None


class InterventionYear:
    """Every result of the interventions page for one association and year, computed when first
    asked for (a page asks for all of them; a test or a researcher may want one)."""

    def __init__(self, tables: Tables, association: str, year: int, policy: str = "show"):
        self.t, self.a, self.year, self.policy = tables, association, year, policy
        self.obs = select(tables.observations, association=association, period=year)
        self.facts = resolve(self.obs, policy)
        self.counts = intervention_counts(tables, association, year, facts=self.facts)
        self.versions = versions(self.counts)

    @functools.cached_property
    def comparisons(self) -> list[inf.GroupComparison]:
        return [inf.compare_groups(v["k"], v["n"], v["intervention"]) for v in self.versions]

    @property
    def main(self) -> inf.GroupComparison:
        return self.comparisons[0]

    @functools.cached_property
    def reference(self) -> tuple[str, float] | None:
        """The rate the headline is judged against, as (kind, value): kind 'goal' for the report's
        goal for the headline group (or the association), else 'national' for a national share the
        report quotes."""
        return reference_rate(self.facts, self._reference_groups())

    @functools.cached_property
    def headline(self) -> pd.Series | None:
        """The association's headline rate to work or studies for the year: the population
        finsam.stats.scope decides (the same on every page), with the counts behind it where stated
        (``group``, ``reported`` values, ``count``, ``exited``, ``rate``); None when the report
        gives no such rate."""
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

    @functools.cached_property
    def goals(self) -> pd.DataFrame:
        h = self.headline
        return goal_rows(self.facts, self.t, h["group"] if h is not None else None)

    @functools.cached_property
    def national(self):
        """(comparison, note, quote) of the headline against a national share quoted in the year's
        report, or None when there is no such figure or no headline counts. ``note`` is the
        curators' (English) note, ``quote`` the report's own words."""
        h = self.headline
        f = self.facts[(self.facts["metric"] == NATIONAL_WORK_OR_STUDIES_RATE) & (self.facts["gender"] == EVERYONE)]
        if f.empty or h is None or pd.isna(h["count"]) or len(set(f["value"])) != 1:
            return None
        note = next((n for n in f["notes"] if n), "") if "notes" in f else ""
        o = self.obs[(self.obs["metric"] == NATIONAL_WORK_OR_STUDIES_RATE) & (self.obs["gender"] == EVERYONE)]
        quote = next((q for q in o["quote"].astype(str) if q.strip()), "") if "quote" in o else ""
        return inf.compare_with_national(int(h["count"]), int(h["exited"]), float(f["value"].iloc[0])), note, quote

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
                & (obs["period_start"] == obs["period_end"]) & (obs["gender"] == EVERYONE)
                & obs["metric"].isin([WORK_OR_STUDIES_RATE, WORK_OR_STUDIES])]
        years = sorted(set(o["period_start"].astype(int)))
        prev = resolve(select(obs, association=self.a, period=self.year - 1, intervention=h["group"]), "show")
        prev = prev[prev["gender"] == EVERYONE]
        def one(metric):
            v = sorted(set(prev[prev["metric"] == metric]["value"].astype(float)))
            return v[0] if len(v) == 1 else None
        n, k, pct = one(EXITED), one(WORK_OR_STUDIES), one(WORK_OR_STUDIES_RATE)
        if n is None or (k is None and pct is None):
            return None
        earlier = dict(n=int(n), k=int(k)) if k is not None else dict(n=int(n), pct=pct)
        table = inf.difference_range(dict(k=int(h["count"]), n=int(h["exited"])), earlier)
        earlier = {**earlier, "counts": inf.consistent_counts(int(n), earlier.get("k"), earlier.get("pct"))}
        return table, earlier, years

    @functools.cached_property
    def costs(self) -> pd.DataFrame:
        """:func:`cost_rows` of the compared interventions (the table and the text share them)."""
        return cost_rows(self.facts, self.counts)

    @functools.cached_property
    def shown_facts(self) -> pd.DataFrame:
        """The facts the page's comparison, goals and costs rest on: for everyone, of the compared
        interventions, the headline group and the interventions with a goal or a cost, their exits,
        exits to work or studies, participants, goals and costs."""
        h = self.headline
        names = (set(texts(self.counts["intervention"])) | set(texts(self.goals["intervention"]))
                 | set(texts(self.costs["intervention"])) | ({str(h["group"])} if h is not None else set()))
        g = goals(self.t.metrics)
        metrics = {EXITED, PARTICIPANTS, COST, *WORK_OR_STUDIES_METRICS, *g, *g.values()}
        f = self.facts
        return f[(f["gender"] == EVERYONE) & f["intervention"].isin(names) & f["metric"].isin(metrics)]

    @functools.cached_property
    def not_compared(self) -> list[tuple[str, str]]:
        """Interventions with outcome figures for the year that the comparison cannot use, each
        with why, as a code: ``aggregate`` (a total of others), ``parts`` (its parts are compared
        instead), ``percentage_only`` (a rate without counts), ``no_work_or_studies`` (exits but no
        exits to work or studies), ``no_exited`` (no exits)."""
        f = self.facts[(self.facts["gender"] == EVERYONE) & self.facts["metric"].isin(
            [WORK_OR_STUDIES_RATE, WORK_OR_STUDIES, WORK, EXITED])]
        names = set(texts(f["intervention"])) - {ALL} - set(self.counts["intervention"])
        kind = kinds(self.t.interventions, self.a)
        parents = parent_of(self.t.interventions, self.a)
        out = []
        for n in sorted(names):
            if is_aggregate(kind.get(n)):
                why = "aggregate"
            elif n in set(parents.values()) and any(parents.get(c) == n for c in self.counts["intervention"]):
                why = "parts"
            else:
                has = set(texts(f.loc[f["intervention"] == n, "metric"]))
                why = ("percentage_only" if WORK_OR_STUDIES_RATE in has
                       and not {WORK_OR_STUDIES, WORK} & has else
                       "no_work_or_studies" if EXITED in has else "no_exited")
            out.append((n, why))
        return out
