""""I korthet / In brief" in words: the sentences a page opens with, from the key figures of
:mod:`finsam.stats.brief`, and the marker of the closed "Så har vi räknat / How we calculated"
section (finsam.site.pages folds everything after it into a ``<details>``)."""
from __future__ import annotations

import html

from finsam.data.fields import ALL
from finsam.stats.wording import noun
from finsam.data.semantics import PERSONS
from finsam.views.base import Markup, esc, markdown

#: class of the element that starts a page's method section (finsam.site.pages looks for it)
METHOD_CLASS = "finsam-method"


def in_brief(view, sentences: list[str]):
    """The section: its heading and 2–4 sentences as one paragraph."""
    return markdown(view.tr("brief.heading") + Markup("\n\n") + Markup(" ").join(_strip(s) for s in sentences if s))


def _strip(s):
    """``s`` without its outer spaces, still Markup when it was (str.strip returns a plain str)."""
    return Markup(s.strip()) if isinstance(s, Markup) else s.strip()


def method_marker(view):
    """An HTML output that starts the page's closed method section, titled in the page's language."""
    from IPython.display import HTML
    title = html.escape(view.plain("brief.method"))
    return HTML(f'<div class="{METHOD_CLASS}" data-title="{title}"></div>')


def _rates(view, values) -> str:
    return view.either([view.pct(x) for x in values])


def association_year(view, k, year: int, gap: bool = True) -> list[str]:
    """Sentences of one association and year (``k``: its finsam.stats.brief.AssociationYear): the rate to work or studies with its counts, the
    goal or national share, women against men (unless ``gap`` is False), and what the counts count
    (last, when they do not count people)."""
    h = k.headline
    out = []
    if h.rate and h.from_counts and h.exited and h.count:
        unit = h.unit or PERSONS
        out.append(view.tr("brief.rate_counts", year=year, n=view.either([view.int(x) for x in h.exited]),
                           noun=noun(view.t, unit, view.lang), k=view.either([view.int(x) for x in h.count]),
                           rate=_rates(view, h.rate)))
    elif h.rate or h.reported:
        out.append(view.tr("brief.rate_reported", year=year, rate=_rates(view, h.rate or h.reported)))
    else:
        return [view.tr("brief.no_rate", year=year)]
    if h.conflict or len(h.rate) > 1:
        out[-1] += view.tr("brief.conflict")
    if h.population.group != ALL:
        out[-1] += view.tr("brief.group", group=esc(h.population.group))
    rates = h.rate or h.reported
    if k.reference is not None:
        what, value = k.reference
        ref = view.pct(value, 0 if value == round(value) else 1)
        if what == "national":
            out.append(view.tr("brief.national", national=ref))
        elif len(rates) == 1:
            diff = rates[0] - value
            key = "brief.goal_met" if abs(diff) < 0.05 else "brief.goal_above" if diff > 0 else "brief.goal_below"
            out.append(view.tr(key, goal=ref, diff=f"{view.num(abs(diff), 1)} {view.tr('common.pp')}"))
        else:
            out.append(view.tr("brief.goal", goal=ref))
    if not gap:
        pass
    elif k.gap is not None:
        key = {"all": "brief.gap.significant", "none": "brief.gap.not_significant", "some": "brief.gap.depends"}  # not a vocabulary code
        out.append(view.tr(key[k.gap.significant], women=view.span(view.pct(min(k.gap.women)), view.pct(max(k.gap.women))),
                           men=view.span(view.pct(min(k.gap.men)), view.pct(max(k.gap.men)))))
    else:
        out.append(view.tr("brief.gap.none"))
    if not k.counts_people and h.unit:
        out.append(view.tr("brief.not_people", noun=noun(view.t, h.unit, view.lang)))
    return out
