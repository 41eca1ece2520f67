"""One meaning per number: an association-year's outcome rate is the same on every page that shows
it, and the wording rules hold on every page of every parameter set."""
import re

import pytest

import finsam
from finsam.views import fmt
import finsam.texts as i18n
from finsam.views import labels
from finsam.views.gender_outcomes import GenderOutcomes
from finsam.views.overview import Overview
from finsam.data import semantics
from finsam.devtools import golden_dir
from finsam.stats.findings import headline, report_years
from finsam.views.registry import NOTEBOOKS, choices, report_stem
from finsam.views.outputs import section_outputs

TABLES = finsam.load()
GENDER_PAGES = choices("gender_outcomes", TABLES)


def shown_rates(t, lang: str = "en") -> set:
    """The rate cells of the work-or-studies row for everyone in a gender page's rates table in
    ``lang`` (row and column found by their labels in that language)."""
    key = (labels.outcome_label(semantics.SUM_OUTCOME, lang, TABLES),
           labels.gender_label(semantics.EVERYONE, lang, TABLES))
    if key not in t.index:
        return set()
    v = t.loc[key, i18n.t("gender_outcomes.col.rate", lang)]
    return {v} if isinstance(v, str) else set(v)


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("p", GENDER_PAGES, ids=[f"{p['association']}-{p['year']}" for p in GENDER_PAGES])
def test_the_gender_page_shows_the_headline_rate_of_the_decided_population(p, lang):
    view = GenderOutcomes(TABLES, p["association"], p["year"], lang=lang)
    h = headline(TABLES, p["association"], p["year"])
    assert view.group == h.population.group == finsam.population(TABLES, p["association"], p["year"]).group
    t = view.rates_table()
    if h.rate:
        assert {fmt.percent(r, lang) for r in h.rate} <= shown_rates(t, lang)


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_overview_rate_of_each_association_is_the_rate_its_gender_page_shows(lang):
    from finsam.views import fmt
    import finsam.texts as i18n
    ov = Overview(TABLES, lang=lang)
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
            gender = GenderOutcomes(TABLES, a, year, lang=lang).rates_table()
            assert shown_rates(gender, lang) >= {fmt.percent(r, lang) for r in h.rate}
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


def _number(text: str) -> float:
    """A number as a page prints it, in either language (1 009,5 / 1,009.5 / −3)."""
    text = text.replace("\u2212", "-")
    if "," in text and "." not in text and not re.search(r",\d{3}(\D|$)", text):
        text = text.replace(",", ".")  # a Swedish decimal comma
    return float(re.sub(r"[^\d.-]", "", text))


#: per language: phrases that say "no evidence of a difference" (allowed) and the phrase that must
#: never stand alone ("no difference"); a change given as a percent of a value
WORDING = {
    "en": dict(allowed=("no evidence of a difference", "not evidence that there is no difference",
                        "not evidence of no difference"),
               forbidden=("no difference",),
               went=r"went from (?:SEK\s)?(-?[\d\s.,]+)\s?(tkr|%|thousand|million)? in \d{4} to (?:SEK\s)?"
                    r"(-?[\d\s.,]+)\s?(tkr|%|thousand|million)?[^.]*?\(([+-]\d+)\s?%\)",
               pp=r"percentage points? \([+-]\d+\s?%\)"),
    "sv": dict(allowed=("inga belägg för en skillnad", "inte belägg för att skillnaden saknas",
                        "inte är belägg för att skillnaden saknas"),
               forbidden=("ingen skillnad", "inga skillnader", "skillnaden saknas"),
               went=r"från (-?[\d\s,−]+)\s?(tkr|mnkr|%)? (?:år )?\d{4} till (-?[\d\s,−]+)\s?(tkr|mnkr|%)?"
                    r"[^.]*?\(([+−-]\d+)\s?%\)",
               pp=r"procentenheter \([+−-]\d+\s?%\)"),
}


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("notebook,params", ALL_PAGES, ids=[report_stem(nb, p) for nb, p in ALL_PAGES])
def test_wording_rules_hold_on_every_page(notebook, params, lang):
    # every text and table of the page as tests/golden holds them (test_golden checks they are what
    # the views return today)
    d = golden_dir() / lang / report_stem(notebook, params)
    text = "\n".join(f.read_text(encoding="utf-8") for f in sorted(d.iterdir()))
    assert text, d
    rules = WORDING[lang]
    assert "…" not in text, "no truncated cells"
    assert " people took part" not in text
    for phrase in rules["allowed"]:
        text = text.replace(phrase, "")
    for phrase in rules["forbidden"]:
        assert phrase not in text.lower(), phrase
    # a percent change is only ever stated after a change in a non-percent unit between positive values
    for m in re.finditer(rules["went"], text):
        first, last = _number(m.group(1)), _number(m.group(3))
        assert m.group(2) != "%" and first > 0 and last > 0, m.group(0)
    assert not re.search(rules["pp"], text), "a change of a rate is given in percentage points, not in percent"


def test_the_wording_rules_catch_what_they_are_for():
    sv, en = WORDING["sv"], WORDING["en"]
    assert re.search(sv["pp"], "en förändring med +3,0 procentenheter (+8 %)")
    assert re.search(en["pp"], "a change of +3.0 percentage points (+8%)")
    m = re.search(sv["went"], "Andelen gick från 36,6\u00a0% år 2017 till 40,1\u00a0% år 2018, en förändring (+10 %).")
    assert m and m.group(2) == "%"
    m = re.search(en["went"], "Cost went from SEK 1,200 thousand in 2017 to SEK 1,500 thousand in 2018, a change (+25%).")
    assert m and (_number(m.group(1)), _number(m.group(3))) == (1200, 1500)
    assert _number("1\u00a0009,5") == 1009.5 and _number("\u22123") == -3


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_change_rule_reads_the_changes_the_trend_pages_state(lang):
    """Not vacuous: on a real page with two runs of costs, both stated changes are found, with the
    percent change the rule allows (positive values, not a rate)."""
    text = "\n".join(section_outputs(TABLES, "yearly_trend", dict(association="bhs", metric="cost"), lang).values())
    found = list(re.finditer(WORDING[lang]["went"], text))
    assert len(found) == 2, text
    assert all(m.group(2) != "%" and _number(m.group(1)) > 0 for m in found)


def test_associations_are_compared_on_their_decided_populations_with_a_test_worked_by_hand():
    import math

    import pandas as pd

    from finsam.stats.findings import association_comparison
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
    from finsam.views.interventions import InterventionComparison
    view = InterventionComparison(TABLES, p["association"], p["year"])
    h = headline(TABLES, p["association"], p["year"])
    assert view.data.headline is not None and view.data.headline["group"] == h.population.group
    if h.from_counts:
        assert (int(view.data.headline["count"]), int(view.data.headline["exited"])) == (h.count[0], h.exited[0])


def test_the_overview_figure_draws_more_associations_than_the_palette_has_colours(tmp_path):
    """75 associations (the national plan) once failed with an IndexError in the overview."""
    import pandas as pd

    from finsam.views.plotting import ASSOCIATION_COLORS
    view = Overview(TABLES)
    n = len(ASSOCIATION_COLORS) * 2 + 1
    view.data = pd.concat([view.data] * (n // len(view.data) + 1), ignore_index=True).head(n)
    assert view.figure() is not None
