"""The yearly_trend and overview pages in Swedish and English: changes worded per language (rates
in percentage points, no percent change across a sign change), series breaks said in both
languages, and every text the golden files do not hold (section headings, figure titles, labels
and alt text) in the page's language only."""
import re

import sys

import pytest

import finsam
import finsam.texts as i18n
from finsam.views.overview import Overview
from finsam.views.yearly_trend import YearlyTrend
from finsam.views.fmt import MINUS, NBSP
from finsam.stats.wording import change
from test_analysis import mini  # noqa: F401  (the small dataset fixture)
from test_language import foreign_words

TABLES = finsam.load()


def _plain(text: str) -> str:
    return text.replace(NBSP, " ")


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("prefix", ["yearly_trend.", "overview."])
def test_every_text_of_the_pages_is_in_its_language(prefix, lang):
    keys = [k for k in i18n.TEXT if k.startswith(prefix)]
    assert keys
    found = {k: foreign_words(re.sub(r"\{\w+\}", " ", i18n.TEXT[k][lang]), lang) for k in keys}  # placeholders out
    assert not {k: v for k, v in found.items() if v}


def test_a_change_is_worded_per_language():
    view = {lang: YearlyTrend(TABLES, "bhs", "result", lang=lang) for lang in ("sv", "en")}
    # a result from -884 tkr to 1 250 tkr changed by 2 134 tkr; no percent change across the sign
    c = change(-884_000, 1_250_000, "money")
    assert _plain(view["sv"]._delta(c)) == "+2 134 tkr"
    assert _plain(view["en"]._delta(c)) == "+SEK 2,134 thousand"
    # between two positive values the percent change is given too: 200 -> 250 tkr is +50 tkr, +25 %
    c = change(200_000, 250_000, "money")
    assert _plain(view["sv"]._delta(c)) == "+50 tkr (+25 %)"
    assert _plain(view["en"]._delta(c)) == "+SEK 50 thousand (+25%)"
    c = change(250_000, 200_000, "money")
    assert _plain(view["sv"]._delta(c)) == f"{MINUS}50 tkr ({MINUS}20 %)"
    # a rate changes in percentage points: 36.6 % -> 60.6 % is +24.0 points
    c = change(36.6, 60.6, "percent")
    assert _plain(view["sv"]._delta(c)) == "+24,0 procentenheter"
    assert _plain(view["en"]._delta(c)) == "+24.0 percentage points"


def test_the_swedish_summary_states_the_change_with_its_counts_and_the_reports_caution():
    # bhs followup_work_rate: 54 % in 2017 (no counts), 78 % = 32 of 41 in 2018: +24 points; the counts
    # come with their 95 % Wilson interval (63.3-88.0 %, by hand in tests/stats/test_measures.py)
    text = _plain(YearlyTrend(TABLES, "bhs", "followup_work_rate", lang="sv").summary().data)
    assert ("Andel i arbete vid uppföljning: från 54,0 % år 2017 till 78,0 % (32 av 41; 95 % KI 63,3–88,0 %) år 2018, "
            "en förändring med +24,0 procentenheter.") in text
    assert "två år räcker inte för att tala om en trend" in text
    # the answer says in a few words why to read it with care; the method says it in full
    assert "Läs uppgifterna med försiktighet:" in text and "rapporten varnar själv för att tolka uppgiften för 2018" in text
    about = _plain(YearlyTrend(TABLES, "bhs", "followup_work_rate", lang="sv").about().data)
    # the curators' English note is not shown; the report's warning is, with where it stands
    assert "caution" not in about and "(bhs-2018, rad 831–832)" in about


@pytest.mark.parametrize("lang,breaks,note", [
    ("sv", "Åren med uppgifter bildar inte en sammanhängande serie: 2011–2012 (Samordningsförbundet Huddinge/HUSAM); "
           "2017–2018 (Samordningsförbundet Botkyrka Huddinge Salem).", "nytt förbund: Samordningsförbundet "
           "Huddinge/HUSAM (Huddinge) → Samordningsförbundet Botkyrka Huddinge Salem (Botkyrka, Huddinge, Salem)"),
    ("en", "The years with figures do not form one series: 2011–2012 (Samordningsförbundet Huddinge/HUSAM); "
           "2017–2018 (Samordningsförbundet Botkyrka Huddinge Salem).", "association changes: Samordningsförbundet "
           "Huddinge/HUSAM (Huddinge) → Samordningsförbundet Botkyrka Huddinge Salem (Botkyrka, Huddinge, Salem)"),
])
def test_a_series_break_at_a_change_of_association_is_said_in_the_pages_language(lang, breaks, note):
    view = YearlyTrend(TABLES, "bhs", "result", lang=lang)
    assert breaks in _plain(view.summary().data)
    table = view.table()
    assert table.loc[2017].iloc[-1] == note and table.loc[2018].iloc[-1] == ""
    # each run is described on its own: HUSAM 2011 -> 2012 and BHS 2017 -> 2018, never 2012 -> 2017
    assert ("2012 till" if lang == "sv" else "in 2012 to") not in view.summary().data


def _figure(view, monkeypatch):
    """The figure a view draws, its texts read before it is closed."""
    seen = {}

    def keep(fig, name, figures_dir, stem, alt):
        seen["texts"] = [t.get_text() for ax in fig.axes
                         for t in [ax.title, ax.xaxis.label, ax.yaxis.label, *ax.get_yticklabels(), *ax.texts,
                                   *(ax.get_legend().get_texts() if ax.get_legend() else [])]]
        seen["ticks"] = [t.get_text() for ax in fig.axes for t in ax.get_yticklabels() if t.get_text()]
        seen["alt"] = alt
        seen["ylim"] = fig.axes[0].get_ylim()
        return None

    monkeypatch.setattr(sys.modules[type(view).__module__], "_finish", keep)  # the view's own module
    view.figure()
    return seen


def test_a_money_trend_is_drawn_from_zero_in_the_scale_of_its_table(monkeypatch):
    """bhs's cost: 7 609 tkr (2011) to 21 090 tkr (2018) in the reports; the axis is in tkr, as the
    table, and starts at zero (a result, which can be negative, is not forced to)."""
    view = YearlyTrend(TABLES, "bhs", "cost", lang="sv")
    seen = _figure(view, monkeypatch)
    low, high = seen["ylim"]
    assert low == 0 and 21_090 < high < 30_000, seen["ylim"]
    assert "tkr" in seen["texts"]  # the axis label, the scale's label in vocabulary.csv
    assert "21\u00a0090\u00a0tkr" in view._fmt(21_090_000)
    seen = _figure(YearlyTrend(TABLES, "bhs", "result", lang="sv"), monkeypatch)
    assert seen["ylim"][0] < -1_000  # −1 993 tkr in 2012


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("make", [lambda lang: YearlyTrend(TABLES, "bhs", "result", lang=lang),
                                  lambda lang: YearlyTrend(TABLES, "bhs", "participants", lang=lang),
                                  lambda lang: Overview(TABLES, lang=lang)],
                         ids=["trend-result", "trend-participants", "overview"])
def test_figures_speak_the_pages_language(make, lang, monkeypatch):
    seen = _figure(make(lang), monkeypatch)
    words = " ".join(seen["texts"])
    assert not foreign_words(words, lang), words
    assert not foreign_words(seen["alt"], lang), seen["alt"]
    # numbers on the value axis as the page's language writes them: −1,5 and 1 000 / -1.5 and 1,000
    number = r"^−?\d{1,3}( \d{3})*(,\d+)?$" if lang == "sv" else r"^-?\d{1,3}(,\d{3})*(\.\d+)?$"
    assert seen["ticks"] and all(re.match(number, _plain(t)) for t in seen["ticks"]), seen["ticks"]


def test_the_trend_figure_says_where_the_association_changes(monkeypatch):
    seen = _figure(YearlyTrend(TABLES, "bhs", "result", lang="sv"), monkeypatch)
    assert "härifrån: Samordningsförbundet Botkyrka Huddinge Salem" in seen["texts"]
    assert _plain(seen["alt"]).startswith("Linjediagram: Årets resultat, år för år, tkr; alla: 2011: 1 078 tkr, "
                                          "2012: −1 993 tkr")
    assert "linjen bryts där år saknas eller förbundet byts" in seen["alt"]


def test_the_overview_heading_is_the_pages_one_h1():
    for lang in ("sv", "en"):
        text = Overview(TABLES, lang=lang).heading().data
        # the title alone: the answer ("I korthet") follows it, the page's description is in its method section
        assert text.strip() == f"# {i18n.t('notebook.overview', lang)}"


@pytest.mark.parametrize("lang,header,value", [("sv", ["År", "Kön", "Värde", "Källa"], "1 500"),
                                               ("en", ["Years", "Gender", "Value", "Source"], "1,500")])
def test_multi_year_figures_are_listed_in_the_pages_language(mini, lang, header, value):
    t = YearlyTrend(mini, "bhs", "participants", lang=lang).multi_year()
    assert list(t.columns) == header
    assert [_plain(v) for v in t.iloc[:, 2]] == [value]
    assert t.iloc[0, 1] == {"sv": "Alla", "en": "All"}[lang]


def test_a_long_note_is_shown_in_full_in_the_pages_html():
    """pandas cuts a cell at 50 characters by default ("Samordningsförbundet Huddinge/HU..."); the
    note of a series break names both associations and must reach the page whole."""
    html = YearlyTrend(TABLES, "bhs", "cost", lang="sv").table()._repr_html_()
    notes = [n for n in YearlyTrend(TABLES, "bhs", "cost", lang="sv").table().iloc[:, -1] if len(str(n)) > 50]
    assert notes, "the bhs cost series has a series-break note longer than 50 characters"
    for n in notes:
        assert str(n).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") in html
        assert "..." not in html


def test_cost_per_outcome_only_from_one_population():
    """Cost per person to work or studies divides the cost and the outcomes of one population:
    BHS 2018 and HUSAM 2012 count outcomes of their work-oriented interventions but state only the
    whole association's cost, so no figure; Uppsala län 2014 (all interventions) divides its total
    cost 26 372 647 kr by its 88 exits to work or studies."""
    import finsam
    from finsam.stats.findings import overview_rows
    from finsam.views.overview import Overview
    r = overview_rows(finsam.load()).set_index("association")
    for a in ("bhs", "husam"):
        assert r.loc[a, "cost_per_work_or_studies"] == [] and r.loc[a, "cost_population_differs"]
        assert r.loc[a, "cost"]  # the cost is still shown, and per participant (both of everyone)
    assert r.loc["uppsala-lan", "cost_per_work_or_studies"] == [pytest.approx(26_372_647 / 88)]
    assert not r.loc["uppsala-lan", "cost_population_differs"]
    for lang, word in (("sv", "samma grupp"), ("en", "same population")):
        text = Overview(finsam.load(), lang=lang).caveats().data
        assert word in text and "Botkyrka Huddinge Salem" in text and "Uppsala" not in text


def test_a_trend_names_what_its_values_count_and_never_joins_two_units(tmp_path):
    """participants counted as persons in 2016 and as participations in 2017–2018 (the unit column of
    observations.csv): the axis, the heading and the runs say so, and no change is described
    across the switch; a change within the participations is."""
    from conftest import small_dataset
    from finsam.views.yearly_trend import YearlyTrend
    rows = [["bhs-2018", "bhs", y, y, "ALL", "participants", "all", v, u, f"participants {v}", "", "", ""]
            for y, v, u in [(2016, 500, "persons"), (2017, 760, "participations"), (2018, 651, "participations")]]
    t = small_dataset(tmp_path, rows)
    en = YearlyTrend(t, "bhs", "participants", lang="en")
    assert en._unit_words() == "people / participations"  # nouns of vocabulary.csv, in the order of the years
    assert "For 2017 and 2018 the report counts participations, not people: a count of participations" in \
        en.about().data
    summary = en.summary().data
    assert "2016 (" in summary and ", people); 2017–2018 (" in summary and ", participations)" in summary
    assert "from 760 in 2017 to 651 in 2018" in summary and "from 500" not in summary
    sv = YearlyTrend(t, "bhs", "participants", lang="sv")
    assert sv._unit_words() == "personer / deltaganden"
    assert "För 2017 och 2018 räknar rapporten deltaganden, inte personer" in sv.about().data


def test_a_figure_the_reports_own_figures_contradict_is_said_so_where_it_is_read_and_explained_below():
    # bhs 2018: '32 av 41 (78 %)' at follow-up, while START's own 18 of 29 and Lyra's 5 of 12 give at most 23 of 41
    for lang, said, why in [("sv", "rapportens egna siffror på andra ställen går inte ihop med uppgiften för 2018 (78,0 %)",
                             "Varför uppgiften för 2018 inte går ihop med rapportens andra siffror:"),
                            ("en", "the report's own figures elsewhere do not agree with the figure for 2018 (78.0%)",
                             "Why the figure for 2018 does not agree with the report's other figures:")]:
        view = YearlyTrend(TABLES, "bhs", "followup_work_rate", lang=lang)
        assert said.split(" (")[0] in _plain(view.summary().data)  # in a few words in the answer
        about = view.about().data
        assert _plain(about).lower().count(said) == 1
        assert why in about and "at most 23 of 41" in about
        # the curators' English note on a Swedish page is marked English, for screen readers
        assert ('<span lang="en">the 41 followed up' in about) == (lang == "sv")
    # a figure nothing contradicts gets no such sentence
    cost = YearlyTrend(TABLES, "bhs", "cost", lang="sv")
    assert "går inte ihop" not in _plain(cost.summary().data) + _plain(cost.about().data)
