"""What the pages say, as data: plain functions that return numbers and their meaning, which
the views in report.py only format. Every page that shows an association-year's outcome rate
takes it from :func:`headline`, so the rate is the same wherever it appears."""
from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from finsam.data import semantics
from finsam.data.conflicts import resolve
from finsam.data.frames import texts
from finsam.data.tables import Tables, report_years, select
from finsam.stats.persons import conservative_interval, persons_base
from finsam.stats.rates import gap_from_rates, rates_from_facts
from finsam.data.fields import ALL, CAUTION_MARK, CONFLICT_PREFIX
from finsam.stats.scope import Population, population


def outcome_rates(tables: Tables, association: str, year: int | tuple[int, int],
                  intervention: str | None = None, policy: str = "show") -> pd.DataFrame:
    """Exit outcomes by gender for one association, period and intervention; without
    ``intervention``, for the population :func:`finsam.stats.scope.population` decides for the year.

    One row per (gender, outcome, combination of conflicting values): ``exited`` (n),
    ``count`` (k), ``rate`` (percent of exited), ``ci_low``/``ci_high`` (95 % Wilson, percent),
    ``reported_rate`` (the percentage the report prints, if any), ``basis`` (how the rate was
    obtained, in English, for interactive use), ``conflict`` (a value involved is contested in the
    report) and ``basis_code`` (the same as a code a page words in its language: ``counts``,
    ``derived`` (work + studies), ``reported`` (a printed percentage, no counts)).
    """
    if intervention is None:
        intervention = population(tables, association, year if isinstance(year, int) else year[1]).group
    sel = select(tables.observations, association=association, period=year, intervention=intervention)
    return rates_from_facts(resolve(sel, policy), tables)


def gender_gap(tables: Tables, association: str, year, outcome: str = "work_or_studies",
               intervention: str | None = None, policy: str = "show") -> pd.DataFrame:
    """Gap between women and men in one outcome rate; one row per combination of conflicting
    values (usually one). Rows without counts for both genders say why no test was made.
    Without ``intervention``: the population the year's report describes (finsam.stats.scope)."""
    return gap_from_rates(outcome_rates(tables, association, year, intervention, policy), outcome)


@dataclass(frozen=True)
class Headline:
    """The work-or-studies rate of an association-year's population (everyone, all genders).
    Lists hold every value the report's conflicting statements allow."""

    population: Population
    exited: list[int] = field(default_factory=list)  #: n
    count: list[int] = field(default_factory=list)  #: k
    rate: list[float] = field(default_factory=list)  #: percent; from k/n where both exist, else reported
    ci: list[tuple[float, float]] = field(default_factory=list)  #: 95 % Wilson, percent, per rate
    reported: list[float] = field(default_factory=list)  #: the report's own percentage(s)
    unit: str = ""  #: count unit of the exits (persons, participations, cases, …)
    conflict: bool = False
    from_counts: bool = False
    #: notes (marked 'mixed timing:') of the headline's figures that add outcomes measured at exit and
    #: at a follow-up after exit: the headline is then not an outcome at exit alone
    mixed_timing: list[str] = field(default_factory=list)
    #: every rate of the population (all genders and outcomes; rates.rates_from_facts of its facts),
    #: the rows the headline comes from, for a page that shows them
    rates: pd.DataFrame | None = field(default=None, repr=False, compare=False)


def group_facts(tables: Tables, association: str, year: int, policy: str = "show") -> pd.DataFrame:
    return resolve(select(tables.observations, association=association, period=year), policy)


def headline(tables: Tables, association: str, year: int, policy: str = "show",
             facts: pd.DataFrame | None = None) -> Headline:
    facts = group_facts(tables, association, year, policy) if facts is None else facts
    # the population is decided on the facts as the report states them (policy show), whatever policy
    # the page applies: the same facts when the page shows them too
    pop = population(tables, association, year, facts if policy == "show" else None)
    f = facts[facts["intervention"] == pop.group]
    every = rates_from_facts(f, tables)
    r = every[(every["outcome"] == semantics.SUM_OUTCOME) & (every["gender"] == semantics.EVERYONE)]
    exited_m = semantics.denominator(tables.metrics)
    units = f.loc[(f["metric"] == exited_m) & (f["gender"] == semantics.EVERYONE), "unit"]
    from_counts = bool(r["count"].notna().any())
    rr = r.dropna(subset=["rate"]).drop_duplicates(["rate"])
    return Headline(
        population=pop,
        exited=sorted({int(x) for x in r["exited"].dropna()}),
        count=sorted({int(x) for x in r["count"].dropna()}),
        rate=[float(x) for x in rr["rate"]],
        ci=[(float(a), float(b)) for a, b in zip(rr["ci_low"], rr["ci_high"])],
        reported=sorted({float(x) for x in r["reported_rate"].dropna()}),
        unit=str(units.iloc[0]) if len(units) else "",
        conflict=bool(r["conflict"].any()),
        from_counts=from_counts,
        mixed_timing=mixed_timing(f[f["gender"] == semantics.EVERYONE]),
        rates=every,
    )


def overview_rows(tables: Tables, policy: str = "show") -> pd.DataFrame:
    """One row per association at its latest report year: participants (with their count unit),
    the headline outcome of the population decided for that year, total cost and derived costs.
    Every value is a list: conflicting statements are all kept.

    Cost per person to work or studies divides money and outcomes of one population only: the cost
    the report states for the population whose outcomes are counted (``outcome_cost``; the
    association's total where the population is all interventions). Where the report states no cost
    for that population (the outcomes are of the work-oriented interventions, the cost the whole
    association's, with assessment forums, structural work and administration), the list is empty
    and ``cost_population_differs`` is True: no figure rather than one of two populations. Where the
    cost is, or includes, the gross cost of a project run for several associations
    (:func:`shared_costs`), there is no such figure either, and ``cost_shared`` names the projects.

    Participations are not persons (:mod:`finsam.stats.persons`): where the exits count
    participations or cases, ``persons_base`` is what the report states about the persons behind
    them (a PersonsBase; None where the exits count persons) and ``ci_persons`` the conservative
    95 % interval (percent) with the fewest persons each n can be, one (low, high, persons) per
    rate from counts (empty where the report does not state the persons)."""
    rows = []
    years = report_years(tables)
    names = tables.associations.set_index(tables.associations["association_id"].astype(str))["name"]
    order = [a for a in tables.associations["association_id"].astype(str) if a in years]
    # every association's latest year at once: one selection and one resolve (a fact's resolution
    # depends on its own statements only), not one pass over the national table per association
    obs = select(tables.observations)
    latest = pd.MultiIndex.from_tuples([(a, years[a]) for a in order]) if order else []
    obs = obs[(obs["period_start"] == obs["period_end"])
              & pd.MultiIndex.from_arrays([obs["association_id"], obs["period_start"]]).isin(latest)]
    if policy == "error":  # raise as the associations taken one at a time would: for the first contested
        shown = resolve(obs, "show")
        contested = set(texts(shown.loc[shown["conflict"], "association_id"]))
        for a in order:
            if a in contested:
                group_facts(tables, a, years[a], policy)
        policy_used = "show"  # no contested figures: 'error' resolves as 'show' does
    else:
        policy_used = policy
    resolved = resolve(obs, policy_used)
    by_association = {a: f.reset_index(drop=True)
                      for a, f in resolved.groupby(resolved["association_id"].astype(str), sort=False, observed=True)}
    # the latest years' rows are every row headline and persons_base select (the association, its year)
    year_tables = dataclasses.replace(tables, observations=obs)
    for a in order:
        year = years[a]
        facts = by_association[a] if a in by_association else resolve(obs.iloc[:0], policy_used)
        f = facts[(facts["intervention"] == ALL) & (facts["gender"] == semantics.EVERYONE)]

        def vals(metric):
            return sorted(f.loc[f["metric"] == metric, "value"])

        def unit_of(metric):
            u = f.loc[f["metric"] == metric, "unit"]
            return str(u.iloc[0]) if len(u) else ""

        h = headline(year_tables, a, year, policy, facts)
        participants, cost = vals(semantics.PARTICIPANTS), vals(semantics.COST)
        ws = [float(x) for x in h.count]
        group = h.population.group
        own = facts[(facts["intervention"] == group) & (facts["gender"] == semantics.EVERYONE)
                    & (facts["metric"] == semantics.COST)]
        outcome_cost = cost if group == ALL else sorted(own["value"])
        shared = shared_costs(facts)
        if shared and (group == ALL or group in shared):  # the cost holds a project's gross cost for several
            outcome_cost = []                              # associations: not this population's cost
        base = persons_base(year_tables, a, (year, year), h.unit)
        ci_persons = []
        if base is not None and base.surplus is not None and h.rates is not None:
            hr = h.rates[(h.rates["outcome"] == semantics.SUM_OUTCOME) & (h.rates["gender"] == semantics.EVERYONE)]
            hr = hr.dropna(subset=["count", "exited"]).drop_duplicates(["count", "exited"])
            for k, n in zip(hr["count"], hr["exited"]):
                lo, hi, m = conservative_interval(k, n, base)
                ci_persons.append((100 * lo, 100 * hi, m))
        rows.append(dict(association=a, name=str(names[a]), year=year, group=h.population.group,
                         reason=h.population.reason, participants=participants,
                         participants_unit=unit_of(semantics.PARTICIPANTS), exited=[float(x) for x in h.exited],
                         exit_unit=h.unit, work_or_studies=ws, rate=h.rate, ci=h.ci, from_counts=h.from_counts,
                         cost=cost, cost_per_participant=sorted({c / p for c in cost for p in participants if p}),
                         outcome_cost=outcome_cost, mixed_timing=h.mixed_timing, cost_shared=shared if bool(ws) and not outcome_cost else [],
                         cost_population_differs=bool(ws) and not outcome_cost and not shared,
                         cost_per_work_or_studies=sorted({c / w for c in outcome_cost for w in ws if w}),
                         persons_base=base, ci_persons=ci_persons))
    return pd.DataFrame(rows)


def trend_runs(series: pd.DataFrame) -> list[pd.DataFrame]:
    """The everyone-series of a trend cut into runs of consecutive years of one association that
    count in one unit (one row per year; the first of conflicting values): 651 participations do
    not follow 624 persons as a change."""
    from finsam.stats.wording import segments
    s = series[series["gender"].astype(str) == semantics.EVERYONE].drop_duplicates("year").sort_values("year")
    if s.empty:
        return []
    units = s["unit"].astype(str) if "unit" in s else [""] * len(s)
    runs = segments([int(y) for y in s["year"]], list(zip(s["association_id"].astype(str), units)))
    return [s[s["year"].isin(r)] for r in runs]


def project_period_gender_outcomes(tables: Tables, association: str, year: int) -> pd.DataFrame:
    """Outcome counts by gender over multi-year periods ending in ``year`` (e.g. a project
    period), which a one-year page does not compare but must mention."""
    o = select(tables.observations)  # figures about everyone (no breakdown by category)
    ms = [o_.count for o_ in semantics.outcomes(tables.metrics)] + [semantics.denominator(tables.metrics)]
    o = o[(o["association_id"] == association) & (o["period_end"] == year)
          & (o["period_start"] != o["period_end"]) & o["metric"].isin(ms) & o["gender"].isin(semantics.COMPARED)]
    if o.empty:
        return pd.DataFrame(columns=["intervention", "period_start", "period_end"])
    return (o[["intervention", "period_start", "period_end"]].astype({"intervention": str})
            .drop_duplicates().sort_values(["intervention", "period_start"]).reset_index(drop=True))


@dataclass(frozen=True)
class Caution:
    """A report's own warning about reading figures among a set of facts, as fields a view words
    in its page's language: ``note`` is the curators' English wording (English pages show it; a
    Swedish page says that the report warns, and where: ``source_id`` and the report's ``lines``);
    ``rows`` are the index labels of the facts it is about."""

    note: str
    source_id: str = ""
    lines: tuple[int, ...] = ()
    rows: tuple = ()


def caution_records(facts: pd.DataFrame) -> list[Caution]:
    """The report's own warnings (notes marked 'caution:') among ``facts``, one per warning, with
    the report and lines it comes from: the reference the note ends with ("(bhs-2018 lines
    831-832)") or else the facts' sources."""
    import re

    from finsam.data.fields import CAUTION_MARK
    ref = re.compile(r"\(([\w-]+) lines? (\d+)(?:[-–](\d+))?\)\s*$")
    found: dict[str, dict] = {}
    for i, (notes, sources) in enumerate(zip(facts["notes"], facts["sources"] if "sources" in facts else
                                             [""] * len(facts))):
        for note in str(notes).split(" | "):
            if CAUTION_MARK not in note:
                continue
            text = note.split(CAUTION_MARK, 1)[1].strip()
            m = ref.search(text)
            source = m.group(1) if m else str(sources).split(";")[0].strip()
            lines = tuple(int(x) for x in m.group(2, 3) if x) if m else ()
            rec = found.setdefault(text, dict(note=text, source_id=source, lines=lines, rows=[]))
            rec["rows"].append(facts.index[i])
    return [Caution(r["note"], r["source_id"], r["lines"], tuple(r["rows"])) for r in found.values()]


def _explanation(notes: list[str]) -> str:
    """The explanation the conflict notes of one fact's statements share: a fact stated in several
    places carries the same explanation with a different tail saying where it stands ("…; goal
    table"), cut at the last "; " they share; a report's caution (shown on its own) is left out."""
    parts = [n.split("; " + CAUTION_MARK, 1)[0].strip() for n in notes]
    if len(set(parts)) == 1:
        return parts[0]
    common = os.path.commonprefix(parts)
    if common in parts:  # one statement's note is the others' without their tails
        return common
    cut = common.rfind("; ")
    return common[:cut].strip() if cut > 0 else min(parts, key=len)


def contradictions(facts: pd.DataFrame, among=None) -> list[Caution]:
    """The figures among ``facts`` that the report's own other figures do not agree with, though it
    states them with one value: a curators' note marked 'conflict:' on a fact without a conflicting
    value (those with one are flagged ``conflict`` by :func:`finsam.data.conflicts.resolve` and shown
    with every value). One record per explanation, with the facts (``rows``) it is about and
    their ``source_id``; ``note`` is the curators' English explanation after the mark.

    A total for everyone that its women and men add up to less than, with no count of those whose
    gender is not stated, is not contradicted: the report leaves some genders unstated (the
    validator asks for a note all the same), and nothing it says disagrees with the total.
    ``among``: the index labels of the facts a page shows, when it shows only some (the others
    still tell whether a total's genders add up)."""
    found: dict[str, dict] = {}
    conflict = facts["conflict"].to_numpy(dtype=bool) if "conflict" in facts else np.zeros(len(facts), dtype=bool)
    shown = np.ones(len(facts), dtype=bool) if among is None else facts.index.isin(list(among))
    candidates = {i for i, n in enumerate(facts["notes"])
                  if shown[i] and not conflict[i] and CONFLICT_PREFIX in str(n)}
    if not candidates:
        return []
    key = ["association_id", "period_start", "period_end", "intervention", "metric", "dimension", "category", "unit"]
    key = [k for k in key if k in facts]
    parts: dict[tuple, dict[str, list[float]]] = {}
    for r in facts[key + ["gender", "value"]].itertuples(index=False):
        parts.setdefault(tuple(str(x) for x in r[:len(key)]), {}).setdefault(str(r[-2]), []).append(float(r[-1]))
    for i, (notes, sources) in enumerate(zip(facts["notes"], facts["sources"] if "sources" in facts else
                                             [""] * len(facts))):
        if i not in candidates:
            continue
        row = facts.iloc[i]
        if str(row["gender"]) == semantics.EVERYONE:
            p = parts.get(tuple(str(row[k]) for k in key), {})
            if (semantics.NOT_STATED not in p and all(len(p.get(g, [])) == 1 for g in semantics.COMPARED)
                    and sum(p[g][0] for g in semantics.COMPARED) < float(row["value"])):
                continue
        text = _explanation([n[len(CONFLICT_PREFIX):] for n in str(notes).split(" | ") if n.startswith(CONFLICT_PREFIX)])
        rec = found.setdefault(text, dict(note=text, source_id=str(sources).split(",")[0].strip(), rows=[]))
        rec["rows"].append(facts.index[i])
    return [Caution(r["note"], r["source_id"], (), tuple(r["rows"])) for r in found.values()]


def shared_costs(facts: pd.DataFrame) -> list[str]:
    """The interventions of resolved ``facts`` whose stated cost is a project's gross cost for several
    associations (a note with :data:`finsam.data.fields.SHARED_COST_MARK`): no cost per outcome is
    derived from it, nor from an association total that includes it."""
    from finsam.data.fields import SHARED_COST_MARK
    f = facts[(facts["metric"] == semantics.COST) & facts["notes"].astype(str).str.contains(SHARED_COST_MARK, regex=False)]
    return sorted(set(texts(f["intervention"])))


def mixed_timing(facts: pd.DataFrame) -> list[str]:
    """The notes marked 'mixed timing:' among ``facts`` (English, the curators'): figures that add
    outcomes measured at exit to outcomes measured at a follow-up after exit."""
    from finsam.data.fields import MIXED_TIMING_MARK
    out = []
    for notes in facts["notes"]:
        for note in str(notes).split(" | "):
            if MIXED_TIMING_MARK in note:
                out.append(note.split(MIXED_TIMING_MARK, 1)[1].strip())
    return list(dict.fromkeys(out))


def cautions(facts: pd.DataFrame) -> list[str]:
    """The report's own warnings about figures among ``facts`` (notes marked 'caution:')."""
    from finsam.data.fields import CAUTION_MARK
    out = []
    for notes in facts["notes"]:
        for note in str(notes).split(" | "):
            if CAUTION_MARK in note:
                out.append(note.split(CAUTION_MARK, 1)[1].strip())
    return list(dict.fromkeys(out))


def association_comparison(rows: pd.DataFrame) -> dict | None:
    """Whether the associations' rates to work or studies differ by more than noise: a test of
    the (association × work-or-studies) table over the associations whose population's counts are
    stated without conflict and measured at exit only (no 'mixed timing:' note), with the test finsam.stats.inference.table_test chooses (``test_code``).
    None with fewer than two such associations."""
    from finsam.stats.inference import table_test
    usable = rows[rows["work_or_studies"].map(len).eq(1) & rows["exited"].map(len).eq(1)]
    if "mixed_timing" in usable:  # a total of outcomes at exit and at follow-up is not an outcome at exit
        usable = usable[~usable["mixed_timing"].map(bool)]
    if len(usable) < 2:
        return None
    k = [int(v[0]) for v in usable["work_or_studies"]]
    n = [int(v[0]) for v in usable["exited"]]
    test = table_test([[a, b - a] for a, b in zip(k, n)])
    return dict(names=list(usable["name"]), k=k, n=n, test=test.method, test_code=test.method_code,
                draws=test.draws, min_expected=test.min_expected, statistic=test.statistic, dof=test.dof,
                p_value=test.p_value, groups=sorted(set(usable["group"])))
