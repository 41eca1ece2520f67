"""Participations are not persons: how much a rate's interval widens when its base counts
participations or cases (vocabulary.csv ``people`` = false) rather than persons.

A Wilson interval treats each of the n in its base as an independent person. Where the base counts
participations, one person who took part in two interventions counts twice, and their outcomes are
not independent: the interval is too narrow. Where the report states, for the same association and
period, both its participations (``participants`` over all interventions, in the base's unit) and
the unique persons behind them (``unique_individuals``), the surplus ``participations − persons`` is
the largest number of repeats any part of them can hold. So n participations are at least
``n − (participations − persons)`` distinct persons, whatever the part (the exits, one gender).

The conservative interval is the Wilson interval of the same rate k/n with n replaced by that
fewest number of persons (an effective sample size; design effect n / persons): as if every
repeated participation were a copy of another with the same outcome, the most the repeats can
narrow the interval. Rates stay percentages of the participations; only the interval widens. Where
the report does not state the persons, no such interval is given and the page says only that the
base counts participations.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from finsam.data import semantics
from finsam.data.conflicts import resolve
from finsam.data.fields import ALL
from finsam.data.tables import Tables, select
from finsam.stats.inference import CONFIDENCE, wilson


@dataclass(frozen=True)
class PersonsBase:
    """What a base in ``unit`` (not persons) stands for: the report's ``participations`` over all
    interventions and the unique ``persons`` it states for the same association and period (None
    where it states no such pair)."""
    unit: str
    participations: int | None = None
    persons: int | None = None

    @property
    def surplus(self) -> int | None:
        """Participations beyond one per person: the most repeats any part of them holds."""
        if self.participations is None or self.persons is None:
            return None
        return max(0, self.participations - self.persons)


def persons_base(tables: Tables, association: str, period: tuple[int, int], unit: str) -> PersonsBase | None:
    """None where ``unit`` counts persons (a Wilson interval's base as it should be); else the
    report's participations and unique persons for the association and period, where it states
    both as one figure each (association-wide, everyone)."""
    if not unit or semantics.counts_people(tables.vocabulary, unit):
        return None
    facts = resolve(select(tables.observations, association=association, period=period, intervention=ALL,
                           metric=[semantics.PARTICIPANTS, semantics.UNIQUE_INDIVIDUALS], gender=semantics.EVERYONE))
    def one(metric: str, want_unit: str | None) -> int | None:
        f = facts[(facts["metric"].astype(str) == metric)
                  & ((facts["unit"].astype(str) == want_unit) if want_unit else True)]
        vals = set(f["value"].astype(float))
        return int(vals.pop()) if len(vals) == 1 else None  # none, or contested: no one figure
    return PersonsBase(unit, one(semantics.PARTICIPANTS, unit), one(semantics.UNIQUE_INDIVIDUALS, None))


def fewest_persons(n: int, base: PersonsBase | None) -> int | None:
    """The fewest distinct persons n participations can be (n − surplus, at least 1); None without
    the report's persons, or where the base counts persons."""
    if base is None or base.surplus is None or n <= 0:
        return None
    return max(1, int(n) - base.surplus)


def conservative_interval(k, n, base: PersonsBase | None) -> tuple[float, float, int | None]:
    """The 95 % Wilson interval (proportions) of k/n with n replaced by :func:`fewest_persons`
    (and k by the same share of them), and that number of persons; NaNs and None where there is none."""
    m = fewest_persons(n, base)
    if m is None or k is None or np.isnan(float(k)):
        return (float("nan"), float("nan"), None)
    lo, hi = wilson(float(k) * m / float(n), m)
    return float(lo), float(hi), m


def conservative_difference(k1, n1, k2, n2, base: PersonsBase | None
                            ) -> tuple[float, float, int | None, int | None]:
    """The 95 % interval (percentage points) of the difference k1/n1 − k2/n2 with each n replaced
    by :func:`fewest_persons` (and each k by the same share of them): Newcombe's hybrid score
    interval (his method 10, the one the gap pages use) built from the two conservative Wilson
    intervals, and the two numbers of persons. Each side is taken at its own fewest persons (the
    surplus may sit in either group), which is more cautious than any one way of sharing the surplus
    out. NaNs and Nones where there is no such interval."""
    from statsmodels.stats.proportion import confint_proportions_2indep
    m1, m2 = fewest_persons(n1, base), fewest_persons(n2, base)
    if m1 is None or m2 is None or k1 is None or k2 is None or np.isnan(float(k1)) or np.isnan(float(k2)):
        return (float("nan"), float("nan"), None, None)
    # the same Newcombe interval inference.gap_interval takes from statsmodels, at the fewest persons
    low, high = confint_proportions_2indep(float(k1) * m1 / float(n1), m1, float(k2) * m2 / float(n2), m2,
                                           method="newcomb", compare="diff", alpha=1 - CONFIDENCE)
    return 100 * float(low), 100 * float(high), m1, m2
