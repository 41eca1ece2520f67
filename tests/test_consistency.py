"""One meaning per number: an association-year's outcome rate is the same on every page that shows
it, and the wording rules hold on every page of every parameter set."""
import re

import pytest

import finsam
from finsam import report, semantics
from finsam.findings import headline, report_years
from finsam.params import NOTEBOOKS, choices, report_stem
from finsam.report import section_outputs

TABLES = finsam.load()
GENDER_PAGES = choices("gender_outcomes", TABLES)


def shown_rates(t) -> set:
    """The 'Rate' cells of the work-or-studies row for everyone in a rates table."""
    key = ("Work or studies", "All")
    if key not in t.index:
        return set()
    v = t.loc[key, "Rate"]
    return {v} if isinstance(v, str) else set(v)


@pytest.mark.parametrize("p", GENDER_PAGES, ids=[f"{p['association']}-{p['year']}" for p in GENDER_PAGES])
def test_the_gender_page_shows_the_headline_rate_of_the_decided_population(p):
    view = report.GenderOutcomes(TABLES, p["association"], p["year"])
    h = headline(TABLES, p["association"], p["year"])
    assert view.group == h.population.group == finsam.population(TABLES, p["association"], p["year"]).group
    t = view.rates_table()
    if h.rate:
        assert {f"{r:.1f} %" for r in h.rate} <= shown_rates(t)


def gender_page_rates(association: str, year: int) -> set[float]:
    """The work-or-studies rates for everyone that the (English) gender page's rates table shows,
    as numbers: the page's own format and headers are its business (read through shown_rates)."""
    cells = shown_rates(report.GenderOutcomes(TABLES, association, year).rates_table())
    return {float(re.sub(r"[^\d.]", "", c.replace(",", "."))) for c in cells if re.search(r"\d", c)}


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_overview_rate_of_each_association_is_the_rate_its_gender_page_shows(lang):
    from finsam import fmt, i18n
    ov = report.Overview(TABLES, lang=lang)
    table = ov.table()
    col = lambda key: i18n.t(f"overview.col.{key}", lang)  # noqa: E731
    pages = {(p["association"], p["year"]) for p in GENDER_PAGES}
    checked = 0
    for a, year in report_years(TABLES).items():
        name = str(TABLES.associations.set_index(TABLES.associations["association_id"].astype(str)).loc[a, "name"])
        h = headline(TABLES, a, year)
        assert table.loc[name, col("year")] == str(year)
        cell = table.loc[name, col("rate")]
        lo, hi = (fmt.percent(min(h.rate), lang), fmt.percent(max(h.rate), lang)) if h.rate else (None, None)
        expected = (fmt.MISSING if not h.rate else lo if lo == hi else i18n.t("common.range", lang, low=lo, high=hi))
        assert cell == expected + (" ⚠" if len(h.rate) > 1 else ""), a
        if len(h.rate) == 1 and h.from_counts:  # the interval of the same rate, as the page writes it
            assert table.loc[name, col("ci")] == fmt.interval(*h.ci[0], lang)
            assert table.loc[name, col("work_or_studies")] == fmt.integer(h.count[0], lang)
        group = table.loc[name, col("group")]
        assert group == (i18n.t("overview.all_interventions", lang) if h.population.group == "ALL"
                         else h.population.group)
        if (a, year) in pages and h.rate:
            assert gender_page_rates(a, year) >= {round(r, 1) for r in h.rate}
            checked += 1
    assert checked >= 3


def test_rate_trend_pages_agree_with_the_population_rate_of_each_year():
    rate = next(o.rate for o in semantics.outcomes(TABLES.metrics) if o.outcome == semantics.SUM_OUTCOME)
    for p in choices("yearly_trend", TABLES):
        if p["metric"] != rate:
            continue
        s = finsam.trend(TABLES, p["association"], rate)
        for y, v in zip(s["year"], s["value"]):
            h = headline(TABLES, p["association"], int(y))
            assert h.population.is_all, "a trend of ALL's rate must not show a year whose population is an aggregate"
            assert v in h.reported or any(abs(v - r) < 0.05 for r in h.rate)


ALL_PAGES = [(nb, p) for nb in NOTEBOOKS for p in choices(nb, TABLES)]


@pytest.mark.parametrize("notebook,params", ALL_PAGES, ids=[report_stem(nb, p) for nb, p in ALL_PAGES])
def test_wording_rules_hold_on_every_page(notebook, params):
    text = "\n".join(section_outputs(TABLES, notebook, params).values())
    assert "…" not in text, "no truncated cells"
    assert " people took part" not in text
    allowed = ("no evidence of a difference", "not evidence that there is no difference",
               "not evidence of no difference")
    for phrase in allowed:
        text = text.replace(phrase, "")
    assert "no difference" not in text
    # a percent change is only ever stated after a change in a non-percent unit between positive values
    for m in re.finditer(r"went from (-?[\d  .,]+) ?(tkr|%)? in \d{4} to (-?[\d  .,]+) ?(tkr|%)?[^.]*?\(([+-]\d+) %\)", text):
        first, last = (float(re.sub(r"[^\d.-]", "", g)) for g in (m.group(1), m.group(3)))
        assert m.group(2) != "%" and first > 0 and last > 0, m.group(0)
    assert not re.search(r"percentage points? \([+-]\d+ %\)", text)


def test_associations_are_compared_on_their_decided_populations_with_a_test_worked_by_hand():
    import math

    import pandas as pd

    from finsam.findings import association_comparison
    rows = pd.DataFrame(dict(name=["A", "B", "C"], group=["ALL", "ALL", "X (totalt)"],
                             work_or_studies=[[20.0], [30.0], [10.0]], exited=[[100.0], [100.0], [50.0]]))
    got = association_comparison(rows)
    # Pearson X² by hand: pooled p = 60/250 = 0.24; expected 24/76, 24/76, 12/38
    x2 = sum((o - e) ** 2 / e for o, e in [(20, 24), (80, 76), (30, 24), (70, 76), (10, 12), (40, 38)])
    assert got["statistic"] == pytest.approx(x2)
    assert got["p_value"] == pytest.approx(math.exp(-x2 / 2))  # chi-squared with 2 dof: survival = exp(-x/2)
    assert got["groups"] == ["ALL", "X (totalt)"]
    # a conflicting count (two values) keeps an association out; one left is no comparison
    rows.loc[1, "work_or_studies"] = [30.0, 31.0]
    rows.loc[2, "exited"] = [50.0, 52.0]
    assert association_comparison(rows) is None


@pytest.mark.parametrize("p", choices("interventions", TABLES), ids=lambda p: f"{p['association']}-{p['year']}")
def test_the_interventions_page_judges_the_same_headline_the_other_pages_show(p):
    from finsam.views_interventions import InterventionComparison
    view = InterventionComparison(TABLES, p["association"], p["year"])
    h = headline(TABLES, p["association"], p["year"])
    assert view.headline is not None and view.headline["group"] == h.population.group
    if h.from_counts:
        assert (int(view.headline["count"]), int(view.headline["exited"])) == (h.count[0], h.exited[0])


def test_the_overview_figure_draws_more_associations_than_the_palette_has_colours(tmp_path):
    """75 associations (the national plan) once failed with an IndexError in the overview."""
    import pandas as pd

    from finsam.plotting import ASSOCIATION_COLORS
    view = report.Overview(TABLES)
    n = len(ASSOCIATION_COLORS) * 2 + 1
    view.data = pd.concat([view.data] * (n // len(view.data) + 1), ignore_index=True).head(n)
    assert view.figure() is not None
