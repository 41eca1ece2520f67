"""Follow-up non-response: bounds on a follow-up rate from the counts the report states.

A follow-up rate (metrics.csv ``timing`` followup) is a percentage of those followed up, that is of
those the follow-up reached and who answered, not of everyone who ended. Where the report states
how many the follow-up should have reached (``targeted``), the rate over all of them lies between
two bounds, from counts: every one not followed up failed (``k / targeted``), or every one
succeeded (``(k + targeted − followed) / targeted``). Where it does not state that number, the
non-response is unknown and the rate may be biased (those who answer may fare differently); no
bound can be given.

The four reports were read for such numbers (bhs 2018 lines 826-832 and footnotes 6 and 12: 41
persons answered, of a number not given; husam 2012 line 671: 7 of 17 followed up; bhs 2018 Lyra
lines 1674-1683: 'samtliga deltagare' followed up, 5 of 12, the number who ended in 2017 not given;
uppsala-lan 2014 Grön Rehab lines 1130-1144: 29 of a base not given, 50 persons not to be followed
up at all): none states both. metrics.csv therefore declares no metric of those a follow-up should
reach; :func:`targeted_metric` finds one by its role when it is declared.
"""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from finsam.data import semantics
from finsam.data.conflicts import resolve
from finsam.data.fields import ALL
from finsam.data.tables import Tables, select

FOLLOWUP_TIMING = "followup"  # vocabulary timing: measured at a follow-up after exit


@dataclass(frozen=True)
class NonResponse:
    """One follow-up rate's counts: ``k`` of ``followed`` (those followed up, who answered), and
    ``targeted``, how many the follow-up should have reached as the report states it (None where
    it does not)."""
    year: int
    k: int
    followed: int
    targeted: int | None = None

    @property
    def stated(self) -> bool:
        return self.targeted is not None

    @property
    def bounds(self) -> tuple[float, float] | None:
        """(all non-responders failing, all succeeding), in percent of ``targeted``; None where
        the report does not state it."""
        return nonresponse_bounds(self.k, self.followed, self.targeted) if self.stated else None


def nonresponse_bounds(k: int, followed: int, targeted: int) -> tuple[float, float]:
    """The rate over everyone the follow-up should have reached (percent) when the ``targeted −
    followed`` not followed up all failed (low) or all succeeded (high)."""
    k, followed, targeted = int(k), int(followed), int(targeted)
    if not 0 <= k <= followed <= targeted or targeted <= 0:
        raise ValueError(f"need 0 <= k <= followed <= targeted and targeted > 0, got {k}, {followed}, {targeted}")
    missing = targeted - followed
    return 100 * k / targeted, 100 * (k + missing) / targeted


def is_followup(metrics: pd.DataFrame, metric: str) -> bool:
    m = metrics[metrics["metric"].astype(str) == str(metric)]
    return bool(len(m)) and str(m["timing"].iloc[0]) == FOLLOWUP_TIMING


def targeted_metric(metrics: pd.DataFrame) -> str | None:
    """The count metric of those a follow-up should reach: a count measured at follow-up with no
    outcome that no follow-up rate divides by (the rates divide by those followed up). None where
    metrics.csv declares none."""
    parts = semantics.rate_parts(metrics)
    dens = {d for r, (_, d) in parts.items() if is_followup(metrics, r)}
    m = metrics[(metrics["timing"].astype(str) == FOLLOWUP_TIMING) & (metrics["metric_kind"].astype(str) == "count")
                & (metrics["outcome"].isna() | (metrics["outcome"].astype(str) == ""))]
    found = [x for x in m["metric"].astype(str) if x not in dens]
    return found[0] if len(found) == 1 else None


def followup_nonresponse(tables: Tables, association: str, rate_metric: str,
                         intervention: str = ALL) -> list[NonResponse]:
    """For a follow-up rate, per year where the report states its counts (association-wide,
    everyone): the counts and, where stated, how many the follow-up should have reached. Empty
    for a rate not measured at follow-up or without counts."""
    parts = semantics.rate_parts(tables.metrics).get(rate_metric)
    if not parts or not is_followup(tables.metrics, rate_metric):
        return []
    target = targeted_metric(tables.metrics)
    f = resolve(select(tables.observations, association=association, intervention=intervention,
                       metric=[*parts, *([target] if target else [])], gender=semantics.EVERYONE))
    f = f[f["period_start"] == f["period_end"]]
    out = []
    for y in sorted(set(int(x) for x in f["period_end"])):
        fy = f[f["period_end"] == y]
        ks, ns = (sorted({int(v) for v in fy.loc[fy["metric"] == p, "value"]}) for p in parts)
        ts = sorted({int(v) for v in fy.loc[fy["metric"] == target, "value"]}) if target else []
        for k in ks:
            for n in ns:
                if 0 <= k <= n:
                    out += [NonResponse(y, k, n, t) for t in ts if t >= n] or [NonResponse(y, k, n)]
    return out
