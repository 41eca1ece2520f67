"""Rules for saying what numbers support, as plain functions the views call.

- A change in a rate is given in percentage points, never as a percent change of the rate.
- A percent change is given only between two positive values: never where a value is zero or
  negative, or where the sign changes (a result moving from -884 tkr to +1 250 tkr did not
  change by -241 %).
- A count is named by the noun of its unit (persons, participations, cases), from vocabulary.csv.
- A series is described only over consecutive years of one association; gaps and changes of
  association are stated, not bridged.
"""
from __future__ import annotations

from finsam.data.semantics import PERCENT_CLASS
from finsam.data.tables import Tables

SMALL_N = 30  #: below this many in a denominator, say that a rate is uncertain

#: why :func:`change` gives no percent change, as codes (the views word them per language):
#: a rate changes in percentage points; the sign changes; a value is zero or negative
WHY_NO_RELATIVE = ("rate", "sign_change", "not_positive")


def change(first: float, last: float, unit_class: str) -> dict:
    """How to state a change from ``first`` to ``last``: the absolute change, and a percent
    change only where it means something. ``unit_class`` is count, percent or money.

    Returns ``difference`` (in the unit; percentage points for percent), ``kind`` ('pp' for
    rates, 'abs' otherwise), ``relative`` (percent change or None) and ``why_no_relative``, a
    code the view words in the page's language (:data:`WHY_NO_RELATIVE`), '' when there is a
    percent change.
    """
    diff = last - first
    if unit_class == PERCENT_CLASS:
        return dict(difference=diff, kind="pp", relative=None, why_no_relative="rate")
    if first <= 0 or last <= 0:
        why = "sign_change" if (first < 0 < last) or (last < 0 < first) else "not_positive"
        return dict(difference=diff, kind="abs", relative=None, why_no_relative=why)
    return dict(difference=diff, kind="abs", relative=100 * diff / first, why_no_relative="")


def noun(tables: Tables, unit: str, lang: str = "en") -> str:
    """The noun for what a count in ``unit`` counts ('people', 'participations', …)."""
    from finsam.data.semantics import vocabulary_column
    found = vocabulary_column(tables.vocabulary, "unit", f"noun_{lang}").get(str(unit))
    if not found:
        raise KeyError(f"unit {unit!r} has no noun in vocabulary.csv")
    return found


def unit_class(tables: Tables, unit: str) -> str:
    from finsam.data.semantics import unit_classes
    return unit_classes(tables.vocabulary)[str(unit)]


def segments(years: list[int], associations: list[str]) -> list[list[int]]:
    """Runs of consecutive years of one association: a series is drawn and described within a
    run only. ``years`` sorted ascending, ``associations`` the association of each year (or any
    key that must stay the same within a run, e.g. (association, unit))."""
    runs: list[list[int]] = []
    prev_y, prev_a = None, None
    for y, a in zip(years, associations):
        if prev_y is None or y != prev_y + 1 or a != prev_a:
            runs.append([])
        runs[-1].append(y)
        prev_y, prev_a = y, a
    return runs

