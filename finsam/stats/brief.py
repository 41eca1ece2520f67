"""The key figures a page opens with ("I korthet / In brief"): the few results a board member
needs first, taken from the same results the page's tables show (never computed a second way).

:func:`association_year` gathers them for one association and year (the gender_outcomes,
interventions and participant_profile pages share it, so the three say the same thing);
:func:`overview` for all associations side by side; :func:`gender_gaps` for the gap page. The
views word them (finsam/views/brief.py) with the texts of finsam/texts/brief.py.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from finsam.data import semantics
from finsam.stats.findings import Headline, association_comparison


@dataclass(frozen=True)
class Gap:
    """Women's and men's work-or-studies rates (percent; every value the report allows) and whether
    the difference is statistically significant in all, some or none of the versions."""
    women: list[float]
    men: list[float]
    significant: str  #: "all", "some" or "none"


@dataclass(frozen=True)
class AssociationYear:
    headline: Headline
    #: ("goal" | "national", percent) the headline is judged against, or None
    reference: tuple[str, float] | None = None
    gap: Gap | None = None
    counts_people: bool = True  #: False when the exits count participations or cases, not people
    extra: dict = field(default_factory=dict)


def gap_summary(gaps: pd.DataFrame, group: str) -> Gap | None:
    """The gap of ``group`` (rows of :func:`finsam.stats.gaps.group_gaps`) in brief, or None when
    no test could be made."""
    if gaps is None or gaps.empty:
        return None
    g = gaps[(gaps["intervention"] == group)].dropna(subset=["p_value", "women_rate", "men_rate"])
    if g.empty:
        return None
    sig = g["significant"].astype(bool)
    return Gap(women=sorted({float(x) for x in g["women_rate"]}), men=sorted({float(x) for x in g["men_rate"]}),
               significant="all" if sig.all() else "some" if sig.any() else "none")  # not a vocabulary code: all, some or none of the versions


def association_year(tables, headline: Headline, reference=None, gaps: pd.DataFrame | None = None) -> AssociationYear:
    """Key figures of one association and year from results the page already holds: its
    :class:`~finsam.stats.findings.Headline`, the reference rate (goal or national share) of
    :attr:`finsam.stats.interventions.InterventionYear.reference` and the gender gaps of
    :func:`finsam.stats.gaps.group_gaps`."""
    people = not headline.unit or semantics.counts_people(tables.vocabulary, headline.unit)
    return AssociationYear(headline=headline, reference=reference,
                           gap=gap_summary(gaps, headline.population.group), counts_people=people)


@dataclass(frozen=True)
class Overview:
    n: int  #: associations compared
    years: tuple[int, int] | None
    low: tuple[str, float] | None  #: (name, rate) of the lowest rate, None without rates
    high: tuple[str, float] | None
    with_rate: int  #: associations with a rate
    significant: bool | None  #: the comparison's verdict at 5 %; None without a test
    mixed_groups: bool = False  #: the rates describe different kinds of population


def overview(rows: pd.DataFrame) -> Overview:
    """Key figures of :func:`finsam.stats.findings.overview_rows` (the overview table's rows)."""
    years = [int(y) for y in rows["year"]] if len(rows) else []
    rated = [(str(n), min(r), max(r)) for n, r in zip(rows["name"], rows["rate"]) if r]
    low = min(rated, key=lambda x: x[1]) if rated else None
    high = max(rated, key=lambda x: x[2]) if rated else None
    cmp = association_comparison(rows)
    return Overview(n=len(rows), years=(min(years), max(years)) if years else None,
                    low=(low[0], low[1]) if low else None, high=(high[0], high[2]) if high else None,
                    with_rate=len(rated), significant=None if cmp is None else bool(cmp["p_value"] < 0.05),
                    mixed_groups=bool(cmp is not None and len(cmp["groups"]) > 1))


@dataclass(frozen=True)
class Gaps:
    groups: int  #: groups with a gap interval
    evidence: int  #: groups whose interval excludes zero in every version
    depends: int  #: groups where it depends on the version
    #: the smallest and largest difference (pp) the groups without evidence detect with 80 % power
    #: (None where every group has evidence)
    detectable: tuple[float, float] | None = None
    #: how many of the groups' 95 % intervals would exclude zero by chance alone, were women and men
    #: alike in every group (each is a separate comparison, not corrected for the others)
    by_chance: float = 0.0


def gender_gaps(intervals: pd.DataFrame) -> Gaps:
    """Key figures of :func:`finsam.stats.gaps.gap_intervals` (the gap page's table)."""
    from finsam.stats.gaps import by_chance
    if intervals is None or intervals.empty:
        return Gaps(0, 0, 0)
    all_ = intervals["evidence_all"].astype(bool)
    any_ = intervals["evidence_any"].astype(bool)
    none = intervals.loc[~any_, ["detectable_pp_min", "detectable_pp_max"]]
    low, high = none["detectable_pp_min"].min(), none["detectable_pp_max"].max()
    return Gaps(groups=len(intervals), evidence=int(all_.sum()), depends=int((any_ & ~all_).sum()),
                detectable=(float(low), float(high)) if pd.notna(low) and pd.notna(high) else None,
                by_chance=by_chance(len(intervals)))
