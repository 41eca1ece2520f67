"""Every page's view class, and what each page shows as text: the golden tests (tests/golden),
the consistency tests and ``python -m finsam.devtools golden`` go through every parameter set of
every notebook with :func:`section_outputs`. The registry (:mod:`finsam.views.registry`) names the
sections; the site never imports this module (its kernels import the one view a notebook needs)."""
from __future__ import annotations

import pandas as pd

from finsam.data.tables import Tables
from finsam.views.gender_gaps import GenderGaps
from finsam.views.gender_outcomes import GenderOutcomes
from finsam.views.interventions import InterventionComparison
from finsam.views.overview import Overview
from finsam.views.participant_profile import ParticipantProfile
from finsam.views.registry import NOTEBOOKS
from finsam.views.yearly_trend import YearlyTrend

#: notebook -> its view class
VIEWS = {v.notebook: v for v in (GenderOutcomes, YearlyTrend, Overview, InterventionComparison, GenderGaps,
                                 ParticipantProfile)}


def view(tables: Tables, notebook: str, params: dict, lang: str = "en"):
    """The view of one page: the notebook's view class with the page's parameters."""
    return VIEWS[notebook](tables, **{p: params[p] for p in NOTEBOOKS[notebook].params}, lang=lang)


def section_outputs(tables: Tables, notebook: str, params: dict, lang: str = "en") -> dict[str, str]:
    """Every table (as CSV) and text (as Markdown) a page in ``lang`` shows, by section name."""
    v = view(tables, notebook, params, lang)
    out = {}
    for name in NOTEBOOKS[notebook].sections:
        value = getattr(v, name)()
        if isinstance(value, pd.DataFrame):
            out[f"{name}.csv"] = value.to_csv(lineterminator="\n")
        else:
            out[f"{name}.md"] = str(getattr(value, "data", value)) + "\n"
    return out
