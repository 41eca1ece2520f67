"""Gender gaps as intervals, across every group the data hold, and within one association-year.

A *group* is one association, period and intervention whose report gives the share of exited
women and of exited men who left for work or studies, as counts or as a rounded percentage with
its denominator. Rates are percentages of exited participants of the same gender. Where a report
gives only a rounded percentage, every count consistent with the rounding is carried and results
are ranges; where it states a figure twice with different values, every version is analysed.
The gender_gaps and gender_outcomes pages word what these functions return.
"""
from __future__ import annotations

import itertools

import numpy as np
import pandas as pd

from finsam.data import rounding, semantics, versions
from finsam.data.conflicts import resolve
from finsam.data.fields import ALL
from finsam.data.semantics import MEN, SUM_OUTCOME, WOMEN, WORK_OR_STUDIES_METRICS
from finsam.data.frames import texts
from finsam.data.tables import Tables, select
from finsam.stats import inference as inf
from finsam.stats.persons import conservative_difference, persons_base
from finsam.stats.rates import gap_from_rates, rates_by_group

#: a page words at most this many groups (or exit-reason tables) one by one; with more (a national
#: site has thousands), only the notable ones, and says how many chance alone would make notable
LISTED_IN_FULL = 40


def listed(notable) -> list[bool]:
    """Which of a page's groups are worded one by one, given whether each is notable (its
    difference statistically significant, or significant in some versions of the report's
    figures): every group up to :data:`LISTED_IN_FULL`, else the notable ones. The others stay in
    the page's table and its downloads."""
    notable = [bool(x) for x in notable]
    return [True] * len(notable) if len(notable) <= LISTED_IN_FULL else notable


def by_chance(comparisons: int) -> float:
    """How many of ``comparisons`` separate tests at 95 % would come out significant by chance
    alone were there no difference in any (no correction for multiple comparisons is made)."""
    return comparisons * (1 - inf.CONFIDENCE)


def _group_keys(obs: pd.DataFrame, metrics) -> list[tuple]:
    o = select(obs)  # figures about everyone: a category's counts are not a group of their own
    o = o[o["gender"].isin([WOMEN, MEN]) & o["metric"].isin(metrics)]
    keys = set(zip(o["association_id"].astype(str), o["period_start"].astype(int), o["period_end"].astype(int),
                   o["intervention"].astype(str)))
    return sorted(keys)


def _positions(frame: pd.DataFrame, keys: list[tuple]) -> np.ndarray:
    """Each row's position in ``keys`` (sorted (association, start, end, intervention) tuples), -1
    for a row of no group."""
    if not keys or frame.empty:
        return np.full(len(frame), -1)
    index = pd.MultiIndex.from_tuples(keys)
    return index.get_indexer(pd.MultiIndex.from_arrays([texts(frame["association_id"]), frame["period_start"].astype(int),
                                                        frame["period_end"].astype(int), texts(frame["intervention"])]))


def _groups_facts(tables: Tables, keys: list[tuple], policy: str, keep=None, **criteria) -> pd.DataFrame:
    """For every group (a, s, e, i) of ``keys`` at once, the facts
    ``resolve(select(tables.observations, association=a, period=(s, e), intervention=i, **criteria), policy)``
    gives, in one frame with the group's position in ``keys`` as column ``group``; with ``keep``, only
    the facts of those metrics (a fact's resolution depends on its own statements only, so one
    selection and one resolve give each group's facts, in the order each group's own would). Policy
    ``error`` raises as the groups taken one at a time would: for the first group in ``keys`` with
    contested figures."""
    obs = select(tables.observations, **criteria)
    obs = obs[_positions(obs, keys) >= 0]
    if policy == "error":
        shown = resolve(obs, "show")
        if shown["conflict"].any():
            a, s, e, i = keys[int(_positions(shown[shown["conflict"]], keys).min())]
            resolve(select(tables.observations, association=a, period=(s, e), intervention=i, **criteria), policy)
        policy = "show"  # no contested figures: 'error' resolves as 'show' does
    if keep is not None:
        obs = obs[obs["metric"].isin(list(keep))]
    facts = resolve(obs, policy)
    return facts.assign(group=_positions(facts, keys))


def gap_groups(tables: Tables, policy: str = "show") -> pd.DataFrame:
    """One row per group and version: ``n_women``/``n_men`` (exited), ``k_women``/``k_men``
    (to work or studies, counts; NA where only a percentage is given) and ``pct_women``/``pct_men``
    (the printed percentage, used only when the count is missing), ``conflict``, and ``unit``, what
    the exits count (persons, participations, cases: vocabulary.csv). Groups without the
    denominator for both genders are left out: no interval can be computed for them."""
    exited_metric = semantics.denominator(tables.metrics)
    keys = _group_keys(tables.observations, WORK_OR_STUDIES_METRICS)
    # with every exit reason: the reasons decide which versions of the exits can hold (finsam.data.versions)
    used = [*WORK_OR_STUDIES_METRICS, *semantics.exit_reasons(tables.metrics)]
    facts = _groups_facts(tables, keys, policy, keep=[*used, exited_metric])
    # every group's rates in one pass (rates.rates_by_group: per group what rates_from_facts gives)
    r = rates_by_group(facts[facts["metric"].isin(used)], tables, by="group")
    r = r[(r["outcome"] == SUM_OUTCOME) & r["gender"].isin([WOMEN, MEN]) & r["exited"].notna()
          & (r["count"].notna() | r["reported_rate"].notna())]
    # per group and gender: the rates from counts, once per (count, exited), or else the printed ones
    r = r.assign(group=[int(x) for x in r["group"]], gender=texts(r["gender"]))
    counted = r["count"].notna().groupby([r["group"], r["gender"]]).transform("any")
    r = r[(counted & r["count"].notna() & ~r.duplicated(["group", "gender", "count", "exited"]))
          | (~counted & ~r.duplicated(["group", "gender", "reported_rate", "exited"]))]
    r = r[r["exited"] > 0]
    per: dict[tuple[int, str], list[tuple]] = {}
    for grp, g, n, k, pct, c in zip(r["group"], r["gender"], r["exited"], r["count"], r["reported_rate"], r["conflict"]):
        per.setdefault((grp, g), []).append((int(n), None if pd.isna(k) else int(k),
                                             float(pct) if pd.isna(k) else np.nan, bool(c)))
    # what the exits count: the unit of the group's first exits stated for women or men
    u = facts[(facts["metric"] == exited_metric) & facts["gender"].isin([WOMEN, MEN])].drop_duplicates("group")
    units = dict(zip(u["group"], texts(u["unit"])))
    rows = []
    for grp, (a, s, e, i) in enumerate(keys):
        for w, m in itertools.product(per.get((grp, WOMEN), []), per.get((grp, MEN), [])):
            rows.append(dict(association=a, period_start=s, period_end=e, intervention=i,
                             n_women=w[0], k_women=w[1], pct_women=w[2], n_men=m[0], k_men=m[1], pct_men=m[2],
                             conflict=w[3] or m[3], unit=units.get(grp, "")))
    out = pd.DataFrame(rows, columns=["association", "period_start", "period_end", "intervention", "n_women",
                                      "k_women", "pct_women", "n_men", "k_men", "pct_men", "conflict", "unit"])
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
    ``evidence_any``); ``combinations`` > 1 where a percentage was rounded. Every consistent
    pair of counts of every row is computed at once (:func:`inference.gap_interval_arrays`)."""
    if groups.empty:
        return pd.DataFrame([])
    records = groups.to_dict("records")
    pairs, bounds = [], []
    for r in records:
        w, m = _side(r, WOMEN), _side(r, MEN)
        ks1 = inf.consistent_counts(w["n"], w["k"], w["pct"])
        ks2 = inf.consistent_counts(m["n"], m["k"], m["pct"])
        start = len(pairs)
        pairs.extend((a, w["n"], b, m["n"]) for a in ks1 for b in ks2)
        bounds.append((start, len(pairs)))
    res = inf.gap_interval_arrays(*(np.array(x) for x in zip(*pairs)))
    ranges = [inf.range_over(res, a, b) for a, b in bounds]
    # as a frame of one dict per row would hold them: the groups' columns, then the ranges
    return pd.concat([pd.DataFrame(records), pd.DataFrame(ranges)], axis=1)


def persons_gap_intervals(groups: pd.DataFrame, tables: Tables) -> pd.DataFrame:
    """Participations are not persons (:mod:`finsam.stats.persons`, the rule the gender-outcomes
    page uses): for each group and version whose exits count participations or cases, the
    report's participations and unique persons for the same association and period
    (``stated_participations``, ``stated_persons``; NA where it does not state them), the fewest
    persons the exited women and men can be (``persons_women``, ``persons_men``) and the 95 %
    interval of women − men (pp) with those as n (``ci_low_pp``/``ci_high_pp``: min of the low and
    max of the high limit over every count a rounded percentage allows). Groups whose exits count persons have no row."""
    cols = ["association", "period_start", "period_end", "intervention", "n_women", "n_men", "unit",
            "stated_participations", "stated_persons", "persons_women", "persons_men", "ci_low_pp", "ci_high_pp"]
    rows = []
    for r in groups.to_dict("records"):  # a dict per row: a Series per row costs ~0.1 ms
        base = persons_base(tables, str(r["association"]), (int(r["period_start"]), int(r["period_end"])),
                            str(r.get("unit", "") or ""))
        if base is None:
            continue
        w, m = _side(r, WOMEN), _side(r, MEN)
        found = [conservative_difference(a, w["n"], b, m["n"], base)
                 for a in inf.consistent_counts(w["n"], w["k"], w["pct"])
                 for b in inf.consistent_counts(m["n"], m["k"], m["pct"])]
        found = [f for f in found if f[2] is not None]
        rows.append(dict(association=r["association"], period_start=r["period_start"], period_end=r["period_end"],
                         intervention=r["intervention"], n_women=r["n_women"], n_men=r["n_men"], unit=base.unit,
                         stated_participations=base.participations, stated_persons=base.persons,
                         persons_women=found[0][2] if found else None, persons_men=found[0][3] if found else None,
                         ci_low_pp=min(f[0] for f in found) if found else np.nan,
                         ci_high_pp=max(f[1] for f in found) if found else np.nan))
    out = pd.DataFrame(rows, columns=cols)
    for c in ("stated_participations", "stated_persons", "persons_women", "persons_men"):
        out[c] = out[c].astype("Int64")
    return out


def _rows_by(frame: pd.DataFrame, keys: list[str]) -> list[tuple[tuple, list[int]]]:
    """(key, the positions of its rows in order) per distinct value of the ``keys`` columns, in the
    order of the keys: what ``frame.groupby(keys, sort=True)`` iterates over, without a frame per
    group (rows with a missing key are left out, as there)."""
    found: dict[tuple, list[int]] = {}
    for i, key in enumerate(zip(*(frame[k].tolist() for k in keys))):
        if not any(pd.isna(v) for v in key):
            found.setdefault(key, []).append(i)
    return [(key, found[key]) for key in sorted(found)]


def pooled_over_groups(groups: pd.DataFrame, max_combinations: int = 100_000) -> pd.DataFrame | None:
    """Mantel–Haenszel pooled odds ratio (women vs men, of leaving for work or studies) over the
    groups, with the Breslow–Day test of a common odds ratio; min and max over every version of
    conflicting figures and every count consistent with rounding. None with fewer than two groups."""
    keys = ["association", "period_start", "period_end", "intervention"]
    by_group = [rows for _, rows in _rows_by(groups, keys)]
    if len(by_group) < 2:
        return None
    c = {x: groups[x].tolist() for x in ("n_women", "n_men", "k_women", "k_men", "pct_women", "pct_men")}
    results = []
    for combo in itertools.product(*(range(len(g)) for g in by_group)):
        strata = []
        for g, i in zip(by_group, combo):
            r = g[i]
            s = dict(n1=int(c["n_women"][r]), n2=int(c["n_men"][r]))
            for side, gname in (("1", WOMEN), ("2", MEN)):
                if pd.isna(c[f"k_{gname}"][r]):
                    s[f"pct{side}"] = float(c[f"pct_{gname}"][r])
                else:
                    s[f"k{side}"] = int(c[f"k_{gname}"][r])
            strata.append(s)
        results.append(inf.pooled_gap_range(strata, max_combinations).set_index("quantity"))
    out = pd.DataFrame({"min": pd.concat([t["min"] for t in results], axis=1).min(axis=1),
                        "max": pd.concat([t["max"] for t in results], axis=1).max(axis=1)})
    out["combinations"] = sum(int(t["combinations"].iloc[0]) for t in results)
    out["strata"] = len(by_group)
    return out


def _exit_reason_counts(tables: Tables, policy: str = "show"
                        ) -> list[tuple[tuple, list[str], list[np.ndarray], list[versions.Unusable]]]:
    """:func:`exit_reason_tables` as arrays: (group key, the reasons, one int64 array of counts
    (reasons × (women, men)) per combination of the versions that can hold, the versions ruled out)."""
    out = []
    reasons = semantics.exit_reasons(tables.metrics)  # mutually exclusive exit reasons, from metrics.csv
    a = versions.arithmetic(tables.metrics, tables.vocabulary)
    keys = _group_keys(tables.observations, reasons)
    facts = _groups_facts(tables, keys, policy, metric=[*reasons, a.exits])  # every group's at once
    by_group: dict[int, dict[tuple[str, str], list[float]]] = {}
    for grp, m, g, v in zip(facts["group"].tolist(), texts(facts["metric"]), texts(facts["gender"]),
                            facts["value"].astype(float)):
        by_group.setdefault(grp, {}).setdefault((g, m), []).append(v)
    for grp, key in enumerate(keys):
        stated = by_group.get(grp, {})
        ruled_out = versions.unusable(stated, a)
        drop = {(u.gender, u.metric, u.value) for u in ruled_out}
        held = {k: sorted({v for v in vals if (*k, v) not in drop}) for k, vals in stated.items()}
        rows = [m for m in reasons if held.get((WOMEN, m)) and held.get((MEN, m))]
        if len(rows) < 3:
            continue
        cells = [(m, g) for m in rows for g in (WOMEN, MEN)]
        tabs = [np.array([int(v) for v in combo], dtype=np.int64).reshape(len(rows), 2)
                for combo in itertools.product(*(held[(g, m)] for m, g in cells))]
        mine = [u for u in ruled_out if u.metric in rows and u.gender in (WOMEN, MEN)]
        out.append((key, rows, tabs, mine))
    return out


class _ReasonFrames:
    """Reasons × (women, men) tables of counts as :func:`exit_reason_tables` gives them, each with
    its own index and columns, copied from one made per set of reasons (building an index of
    strings anew costs most of a small frame's making, thousands of tables nationally)."""

    def __init__(self):
        self.columns = pd.Index([WOMEN, MEN], name="gender")
        self.indexes: dict[tuple[str, ...], pd.Index] = {}

    def __call__(self, counts: np.ndarray, rows: list[str]) -> pd.DataFrame:
        index = self.indexes.get(tuple(rows))
        if index is None:
            index = self.indexes[tuple(rows)] = pd.Index(rows, name="metric")
        return pd.DataFrame(counts, index=index.copy(), columns=self.columns.copy())


def exit_reason_tables(tables: Tables, policy: str = "show"
                       ) -> list[tuple[tuple, list[pd.DataFrame], list[versions.Unusable]]]:
    """Groups whose report gives counts of at least three exit reasons for both women and men
    (a test over the exit-reason table, not only work vs studies): (group key, one reasons ×
    (women, men) table of counts per combination of the versions that can hold, the versions
    ruled out). A figure the report states twice with different values is checked against the
    parts and wholes the report gives (:func:`finsam.data.versions.unusable`, the rule the rates
    use: the reasons add up to the exits, the genders to everyone); a version that cannot hold is
    not used and is returned as ruled out; where several versions hold, each gives a table (never
    the first stated alone). More than one table means the figures are contested."""
    frame = _ReasonFrames()
    return [(key, [frame(t, rows) for t in tabs], mine)
            for key, rows, tabs, mine in _exit_reason_counts(tables, policy)]


def exit_reason_tests(tables: Tables, policy: str = "show"
                      ) -> list[tuple[tuple, list[pd.DataFrame], list[versions.Unusable], list[inf.TableTest]]]:
    """:func:`exit_reason_tables`, each with the test of each of its reasons × (women, men)
    tables (:func:`finsam.stats.inference.exit_reason_test`), in the same order."""
    frame = _ReasonFrames()
    return [(key, [frame(t, rows) for t in tabs], ruled_out, [inf.exit_reason_test(t) for t in tabs])
            for key, rows, tabs, ruled_out in _exit_reason_counts(tables, policy)]


def rounded_exit_reason_tests(tables: Tables, policy: str = "show", counted=None
                              ) -> list[tuple[tuple, pd.DataFrame, inf.TableTestRange]]:
    """Groups whose report gives at least three exit reasons for both women and men only as
    rounded percentages of each gender's exits, with those exits as counts (and no table of
    counts, which :func:`exit_reason_tests` tests): (group key, a reasons × (women, men) frame of
    the printed percentages with the exits of each gender as ``attrs['exited']``, and the test over
    every table of counts the rounding allows whose reasons add up to each gender's exits,
    :func:`finsam.stats.inference.table_test_range`). A figure the report states with several
    values (or exits with several versions) widens the ranges: every value is allowed.
    ``counted``: the keys of :func:`exit_reason_tables` where the caller has them already."""
    counted = ({key for key, *_ in _exit_reason_counts(tables, policy)} if counted is None
               else {tuple(k) for k in counted})
    rate_of = {num: rate for rate, (num, den) in semantics.rate_parts(tables.metrics).items()
               if den == semantics.denominator(tables.metrics)}
    reasons = [m for m in semantics.exit_reasons(tables.metrics) if m in rate_of]
    rates = [rate_of[m] for m in reasons]
    exited = semantics.denominator(tables.metrics)
    out = []
    keys = [key for key in _group_keys(tables.observations, rates) if key not in counted]
    facts = _groups_facts(tables, keys, policy, metric=[*rates, exited], gender=[WOMEN, MEN])  # every group's at once
    by_group: dict[int, dict[tuple[str, str], set[float]]] = {}
    for grp, m, g, v in zip(facts["group"].tolist(), texts(facts["metric"]), texts(facts["gender"]),
                            facts["value"].astype(float)):
        by_group.setdefault(grp, {}).setdefault((m, g), set()).add(v)
    for grp, key in enumerate(keys):
        stated = by_group.get(grp, {})
        rows = [m for m in reasons if (rate_of[m], WOMEN) in stated and (rate_of[m], MEN) in stated]
        if len(rows) < 3 or not all((exited, g) in stated for g in (WOMEN, MEN)):
            continue
        pct = pd.DataFrame({g: [sorted(stated[(rate_of[m], g)]) for m in rows] for g in (WOMEN, MEN)}, index=rows)
        pct.attrs["exited"] = {g: sorted(stated[(exited, g)]) for g in (WOMEN, MEN)}
        results = []
        for n_w, n_m in itertools.product(pct.attrs["exited"][WOMEN], pct.attrs["exited"][MEN]):
            n = dict(zip((WOMEN, MEN), (int(n_w), int(n_m))))
            options = [[sorted({k for v in pct.loc[m, g] for k in rounding.counts(v, n[g])}) for g in (WOMEN, MEN)]
                       for m in rows]
            if any(not o for row in options for o in row):
                results.append(inf.TableTestRange(False, "no_table"))
                continue
            results.append(inf.table_test_range([[o[0] for o in row] for row in options],
                                                [[o[-1] for o in row] for row in options], [n[WOMEN], n[MEN]]))
        out.append((key, pct, _widest(results)))
    return out


def _widest(results: list[inf.TableTestRange]) -> inf.TableTestRange:
    """One range over several versions' ranges (each version's tables together); untested when any is."""
    if len(results) == 1 or not all(r.tested for r in results):
        return next((r for r in results if not r.tested), results[0])
    return inf.TableTestRange(True, "", min(r.statistic_min for r in results), max(r.statistic_max for r in results),
                              min(r.p_min for r in results), max(r.p_max for r in results), results[0].dof,
                              sum(r.tables for r in results))


def with_intervals(gaps: pd.DataFrame) -> pd.DataFrame:
    """``gaps`` (rates.gap_from_rates) with the difference's 95 % Newcombe interval
    (``ci_low_pp``/``ci_high_pp``) and the smallest difference the group sizes detect with 80 %
    power (``detectable_pp``), from finsam.stats.inference.gap_interval, where counts exist."""
    if gaps.empty:
        return gaps
    counts = np.array([pd.to_numeric(gaps[c], errors="coerce").to_numpy(dtype=float) if c in gaps
                       else np.full(len(gaps), np.nan) for c in ("women_count", "women_n", "men_count", "men_n")])
    ok = ~np.isnan(counts).any(axis=0)
    ok[ok] = (counts[1, ok] > 0) & (counts[3, ok] > 0)
    cols = {c: np.full(len(gaps), np.nan) for c in ("ci_low_pp", "ci_high_pp", "detectable_pp")}
    if ok.any():  # every row with counts at once
        d = inf.gap_interval_arrays(*(counts[i, ok].astype(np.int64) for i in range(4)))
        for c in cols:
            cols[c][ok] = d[c]
    return gaps.assign(**{c: v.tolist() for c, v in cols.items()})


def methods_disagree(gaps: pd.DataFrame) -> pd.Series:
    """Rows whose 95 % interval (Newcombe) and test (Fisher/χ²) give different verdicts at 5 %."""
    excludes_zero = (gaps["ci_low_pp"].astype(float) > 0) | (gaps["ci_high_pp"].astype(float) < 0)
    return excludes_zero != gaps["significant"].astype(bool)


def group_gaps(facts: pd.DataFrame, tables: Tables, exit_metrics: list[str]) -> pd.DataFrame:
    """Gender gap in the work-or-studies rate for ALL and each intervention of one year's resolved
    ``facts`` whose exit figures (``exit_metrics`` and their rates) are stated for both women and
    men: :func:`finsam.stats.rates.gap_from_rates` per group, with the difference's 95 % interval
    and the detectable difference (:func:`with_intervals`), and a column ``intervention``."""
    rows = []
    names = facts["intervention"]
    # only groups with exit figures for both women and men can be compared
    split = facts[facts["metric"].isin(exit_metrics + [o.rate for o in semantics.outcomes(tables.metrics) if o.rate])
                  & facts["gender"].isin([WOMEN, MEN])]
    both = split.groupby(texts(split["intervention"]))["gender"].nunique()
    candidates = set(both.index[both == 2])
    order = [i for i in [ALL] + sorted(set(texts(names)) - {ALL}) if i in candidates]
    rates = rates_by_group(facts[names.isin(order)], tables)  # every group's rates in one pass
    by = {k: g for k, g in rates.groupby("intervention", sort=False)}
    for inter in order:
        g = gap_from_rates(by[inter].drop(columns="intervention").reset_index(drop=True), semantics.SUM_OUTCOME)
        if not g.empty:
            rows.append(g.assign(intervention=inter))
    if not rows:
        return pd.DataFrame()
    out = with_intervals(pd.concat(rows, ignore_index=True))  # the intervals of every group at once
    return out[[c for c in out.columns if c != "intervention"] + ["intervention"]]


def within_intervention_gaps(groups: pd.DataFrame, tables: Tables) -> list[dict]:
    """The gender gap within interventions beside the crude gap, per association and period whose
    report gives women's and men's exits and exits to work or studies as counts (one version) for
    two or more interventions that do not overlap (:func:`finsam.data.interventions.comparable`):
    :func:`finsam.stats.inference.within_group_gap` over those interventions. ``groups`` is
    :func:`gap_groups`. An empty list where no association-year has such interventions."""
    from finsam.data.interventions import comparable
    g = groups[(groups["intervention"] != ALL) & groups["k_women"].notna() & groups["k_men"].notna()]
    keys = ["association", "period_start", "period_end", "intervention"]
    g = g[~g.duplicated(keys, keep=False)]  # one version only: conflicting counts give no single stratum
    out = []
    c = {x: g[x].tolist() for x in ("intervention", "k_women", "n_women", "k_men", "n_men")}
    for (a, s, e), rows in _rows_by(g, ["association", "period_start", "period_end"]):
        keep = set(comparable([c["intervention"][r] for r in rows], tables.interventions, a))
        rows = [r for r in rows if c["intervention"][r] in keep]
        if len(rows) < 2:
            continue
        strata = [(int(c["k_women"][r]), int(c["n_women"][r]), int(c["k_men"][r]), int(c["n_men"][r])) for r in rows]
        out.append(dict(association=a, period_start=s, period_end=e, interventions=[c["intervention"][r] for r in rows],
                        result=inf.within_group_gap(strata)))
    return out
