"""Which interventions are compared, and the goals, national and year-on-year sections, on a
small dataset written here (every expected number is an input of the test or worked out by hand),
plus checks of the shipped data against the reports' own aggregates."""

import pytest

import finsam
from finsam.data import interventions as di
from finsam.stats import interventions as si
from finsam.stats.choices import intervention_choices
from finsam.views import interventions as vi

from conftest import small_dataset

HEADER = ["source_id", "association_id", "period_start", "period_end", "intervention", "metric", "gender",
          "value", "unit", "quote", "note", "dimension", "category"]


def row(inter, metric, value, unit="persons", year=2018, note=""):
    return ["bhs-2018", "bhs", year, year, inter, metric, "all", value, unit, f"{metric} {value}", note, "", ""]


INTERVENTIONS = """association_id,intervention,aliases,kind,covers,part_of,is_work_oriented,target_group,first_year,last_year,note
bhs,Alpha,,individual,,,,,,,
bhs,Beta,,individual,,,,,,,
bhs,Gamma,,individual,,Whole,,,,,local team of Whole
bhs,Delta,,individual,,Whole,,,,,budget line 'Delta'
bhs,Whole,,individual,,,,,,,umbrella for Gamma and Delta
bhs,Work (totalt),,aggregate,Alpha;Beta;Whole,,true,,,,"aggregate: Alpha, Beta, Whole"
bhs,Solo,,individual,,,,,,,part of a project the data do not know
"""

ROWS = [
    row("Alpha", "participants_exited", 20), row("Alpha", "exit_work_or_studies", 5),
    row("Alpha", "exit_work_or_studies_rate_goal", 50, "percent"),
    row("Alpha", "participants_new", 12), row("Alpha", "participants_new_goal", 10),
    row("Alpha", "cost", 100000, "sek"), row("Alpha", "participants", 25),
    row("Beta", "participants_exited", 10), row("Beta", "exit_work", 3), row("Beta", "exit_studies", 1),
    row("Beta", "participants_exited", 11, note="conflict: the text says 11"),
    row("Gamma", "participants_exited", 8), row("Gamma", "exit_work_or_studies", 6),
    row("Delta", "participants_exited", 12), row("Delta", "exit_work_or_studies", 3),
    row("Whole", "participants_exited", 20), row("Whole", "exit_work_or_studies", 9),
    row("Work (totalt)", "participants_exited", 30), row("Work (totalt)", "exit_work_or_studies", 9),
    row("Work (totalt)", "exit_work_or_studies_rate", 30, "percent"),
    row("Solo", "exit_work_or_studies_rate", 50, "percent"),
    row("ALL", "exit_work_or_studies_rate_goal", 25, "percent"),
    row("ALL", "national_exit_work_or_studies_rate", 33, "percent"),
    row("Work (totalt)", "participants_exited", 40, year=2017),
    row("Work (totalt)", "exit_work_or_studies_rate", 20, "percent", year=2017),
]


@pytest.fixture(scope="module")
def mini(tmp_path_factory):
    return small_dataset(tmp_path_factory.mktemp("mini_interventions"), ROWS, INTERVENTIONS)


def test_parts_come_from_the_part_of_column(mini):
    assert di.parent_of(mini.interventions, "bhs") == {"Gamma": "Whole", "Delta": "Whole"}
    assert di.is_aggregate("aggregate") and not di.is_aggregate("individual")


def test_compared_interventions_are_counted_not_aggregates_and_parts_before_wholes(mini):
    c = si.intervention_counts(mini, "bhs", 2018)
    assert sorted(set(c["intervention"])) == ["Alpha", "Beta", "Delta", "Gamma"]
    beta = c[c["intervention"] == "Beta"].sort_values("n")
    assert list(beta["k"]) == [4, 4] and list(beta["n"]) == [10, 11]  # work 3 + studies 1; both exits counts
    assert beta["conflict"].all()
    versions = si.versions(c)
    assert len(versions) == 2 and all(len(v) == 4 for v in versions)
    assert sorted(int(v["n"].sum()) for v in versions) == [20 + 10 + 12 + 8, 20 + 11 + 12 + 8]
    assert intervention_choices(mini) == [dict(association="bhs", year=2018)]


def test_the_view_compares_pools_and_judges_against_hand_worked_values(mini):
    v = vi.InterventionComparison(mini, "bhs", 2018)
    g = v.data.main
    assert (g.pooled_k, g.pooled_n) == (5 + 4 + 3 + 6, 50)
    h = v.data.headline
    assert h["group"] == "Work (totalt)" and h["reported"] == [30.0] and (h["count"], h["exited"]) == (9, 30)
    assert v.data.reference == ("goal", 25.0)  # the goal before the national share
    text = v.not_compared().data
    assert "Whole: its parts are compared instead" in text
    assert "Solo: a percentage without its counts" in text
    assert "Work (totalt): a total of several interventions" in text
    # equal weights over Alpha 25 %, Beta 40 % (first version), Delta 25 %, Gamma 75 %
    assert v.data.mix.standardised_rate == pytest.approx((25 + 40 + 25 + 75) / 4)


def test_goals_rate_goal_from_interval_count_goal_plain_and_association_goal_on_the_headline(mini):
    v = vi.InterventionComparison(mini, "bhs", 2018)
    g = v.data.goals.set_index(["intervention", "goal_metric"])
    # ALL's goal of 25 % is judged on the headline 9 of 30: Wilson 16.7-47.9 % contains 25 %
    a = g.loc[("ALL", "exit_work_or_studies_rate_goal")]
    assert a["result_group"] == "Work (totalt)" and (a["k"], a["n"]) == (9, 30) and a["status"] == "cannot tell"
    # Alpha 5 of 20 against 50 %: Wilson upper limit 46.9 % < 50 %
    assert g.loc[("Alpha", "exit_work_or_studies_rate_goal"), "status"] == "not met"
    assert g.loc[("Alpha", "participants_new_goal"), "status"] == "met"  # 12 >= 10
    assert g.loc[("Alpha", "participants_new_goal"), "achieved"] == 12


def test_national_and_year_on_year_sections(mini):
    v = vi.InterventionComparison(mini, "bhs", 2018)
    c, _, quote = v.data.national
    assert (c.k, c.n, c.national_rate) == (9, 30, 33.0)
    assert quote == "national_exit_work_or_studies_rate 33"  # the report's words, shown on a Swedish page
    table, earlier, years = v.data.change
    # 2017: 20 % of 40 can only be 8 (7/40 = 17.5 % -> 18 %, 9/40 = 22.5 % -> 23 %)
    assert earlier == dict(n=40, pct=20.0, counts=[8])
    assert "20% of 40 (counts 8 round to it)" in v.change_text().data
    t = table.set_index("quantity")
    assert t.loc["difference_pp", "min"] == pytest.approx(30 - 20) == t.loc["difference_pp", "max"]
    assert years == [2017, 2018]
    assert "no trend test is possible" in v.change_text().data


def test_shipped_data_interventions_add_up_to_the_reports_own_aggregates():
    t = finsam.load()
    # BHS 2018: the work-oriented interventions' exits are the report's aggregate, 90 of 246
    c = si.intervention_counts(t, "bhs", 2018)
    first = si.versions(c)[0]
    assert (int(first["k"].sum()), int(first["n"].sum())) == (90, 246)
    # Östra Södertörn 2022: SamMA's local teams replace SamMA-projektet (35 of 70)
    c = si.intervention_counts(t, "ostra-sodertorn", 2022)
    samma = c[c["intervention"].str.startswith("SamMA-") & (c["intervention"] != "SamMA-projektet")]
    assert "SamMA-projektet" not in set(c["intervention"])
    assert (int(samma["k"].sum()), int(samma["n"].sum())) == (35, 70)
    assert {"bhs", "husam", "ostra-sodertorn"} == {x["association"] for x in finsam.choices("interventions", t)}


def test_choices_agree_with_the_counts_the_notebook_uses():
    t = finsam.load()
    o = t.observations
    pairs = set(zip(o["association_id"].astype(str), o["period_start"].astype(int)))
    chosen = {(c["association"], c["year"]) for c in intervention_choices(t)}
    for a, y in sorted(pairs):
        n = si.intervention_counts(t, a, y)["intervention"].nunique()
        assert (n >= 2) == ((a, y) in chosen), (a, y, n)


def test_costs_per_participant_and_per_person_to_work_or_studies_by_hand(mini):
    from oracles import wilson as wilson_closed_form
    v = vi.InterventionComparison(mini, "bhs", 2018)
    c = si.cost_rows(v.data.facts, v.data.counts).set_index("intervention")
    assert list(c.index) == ["Alpha"]  # the only compared intervention with a stated cost
    a = c.loc["Alpha"]
    lo, hi = wilson_closed_form(5, 20)
    assert a["per_participant"] == pytest.approx(100000 / 25)
    assert a["per_work_or_studies"] == pytest.approx(100000 / 5)
    assert a["per_work_or_studies_low"] == pytest.approx(100000 / (20 * hi))
    assert a["per_work_or_studies_high"] == pytest.approx(100000 / (20 * lo))


NB, MINUS = "\u00a0", "\u2212"


def sv_pct(x):
    """Swedish percent written by hand: one decimal, decimal comma, a no-break space before %."""
    return f"{x:.1f}".replace(".", ",") + NB + "%"


def test_the_swedish_page_writes_swedish_numbers_in_its_tables_and_texts(mini):
    from oracles import wilson as wilson_closed_form
    v = vi.InterventionComparison(mini, "bhs", 2018, lang="sv")
    rates = v.rates_table()
    assert list(rates.columns) == ["Avslutade (n)", "Till arbete eller studier (k)", "Andel", "95 % KI", "Tratt 95 %",
                                   "Tratt 99,8 %", "Olika värden"]
    alpha = rates.loc["Alpha"]
    lo, hi = wilson_closed_form(5, 20)  # Alpha: 5 of 20 exited
    assert alpha["Andel"] == sv_pct(25)
    assert alpha["95 % KI"] == f"{100 * lo:.1f}".replace(".", ",") + "\u2013" + sv_pct(100 * hi)
    assert rates.loc["Gamma", "Andel"] == sv_pct(75)  # 6 of 8
    # pooled: 5 + 4 + 3 + 6 of 20 + 10 + 12 + 8 = 18 of 50
    assert f"36,0{NB}% (18 av 50 avslutade)" in v.funnel_text().data
    alt = v.funnel_alt()  # the figure's text for a reader who cannot see it
    assert f"sammanvägda andelen 36,0{NB}% (18 av 50)" in alt and f"Gamma: 75,0{NB}% (6 av 8" in alt
    # national: 9 of 30 = 30 % against 33 %: -3 percentage points with a true minus sign
    nat = v.national_text().data
    assert f"30,0{NB}%" in nat and f"{MINUS}3,0 procentenheter" in nat and f"33{NB}%" in nat
    assert "inga belägg för en skillnad" in nat and r"”national\_exit\_work\_or\_studies\_rate 33”" in nat  # escaped for Markdown
    assert "Scope" not in nat and "Omfattning:" not in nat  # the curators' English note stays off the page
    # year on year: 2017 20 % of 40 (only 8 rounds to it) to 2018 9 of 30: +10 percentage points
    ch = v.change_text().data
    assert f"20{NB}% av 40 (antalen 8 avrundas till den)" in ch and "+10,0 procentenheter" in ch
    assert "går det inte att testa en trend" in ch
    # goals: Alpha's 50 % goal against 5 of 20 (Wilson upper limit below 50 %)
    goals = v.goals_table()
    a = goals.loc[("Alpha", "Mål andel till arbete eller studier")]
    assert a["Målvärde"] == f"≥ 50{NB}%" and a["Bedömt mot intervallet"] == "inte uppfyllt"
    assert a["Resultat"].startswith(f"{sv_pct(25)} (5 av 20; 95 % KI ")
    assert goals.loc[("Alla insatser", "Mål andel till arbete eller studier"), "Bedömt mot intervallet"] == \
        "går inte att avgöra"  # 9 of 30, Wilson 16.7-47.9 % contains 25 %
    # costs: 100 000 kr, 25 participants, 5 to work or studies: 4 000 and 20 000 kr per person
    costs = v.costs_table().loc["Alpha"]
    assert costs["Kostnad"] == f"100{NB}tkr" and costs["Kostnad per deltagare (härledd)"] == f"4,0{NB}tkr"
    assert costs["Kostnad per person till arbete eller studier (härledd)"] == f"20{NB}tkr"
    assert costs["Till arbete eller studier"] == "5 av 20"
    # the same figures on the English page
    en = vi.InterventionComparison(mini, "bhs", 2018, lang="en")
    assert en.rates_table().loc["Alpha", "Rate"] == "25.0%"
    assert "-3.0 percentage points" in en.national_text().data
    assert en.costs_table().loc["Alpha", "Cost"] == f"SEK{NB}100 thousand"


def test_the_swedish_page_groups_thousands_with_a_space_on_the_shipped_data():
    from finsam.stats.inference import MONTE_CARLO_DRAWS
    t = finsam.load()
    o = t.observations
    cost = o[(o["association_id"] == "husam") & (o["period_start"] == 2012) & (o["metric"] == "cost")
             & (o["intervention"] == "Samverkansteam Huddinge")]["value"]
    assert set(cost) == {1009000}
    sv = vi.InterventionComparison(t, "husam", 2012, lang="sv")
    assert sv.costs_table().loc["Samverkansteam Huddinge", "Kostnad"] == f"1{NB}009{NB}tkr"
    # BHS 2018 has an expected count below 5: the Monte Carlo test, 20 000 tables
    assert MONTE_CARLO_DRAWS == 20000
    assert f"(20{NB}000 slumpade tabeller" in vi.InterventionComparison(t, "bhs", 2018, lang="sv").heterogeneity_text().data


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_a_goal_stated_twice_counts_once_and_only_the_headline_aggregate_is_called_so(lang):
    import finsam
    from finsam.views.interventions import InterventionComparison
    t = finsam.load()
    # BHS 2018: 15 goal rows; START's new-participant target, UPIS's rate goal, participant target and
    # new-participant target are each stated twice: 15 − 4 = 11 goals
    text = InterventionComparison(t, "bhs", 2018, lang=lang).goals_text().data
    assert text.startswith("11 ")
    # HUSAM 2012: the headline population is the work-oriented total; 'Individuellt stöd (totalt)' is
    # another aggregate, not the headline group
    lines = InterventionComparison(t, "husam", 2012, lang=lang).not_compared().data.splitlines()
    headline_words = {"sv": "rubriksiffran", "en": "headline group"}[lang]
    assert headline_words in next(x for x in lines if "Arbetslivsinriktade insatser (totalt)" in x)
    assert headline_words not in next(x for x in lines if "Individuellt stöd (totalt)" in x)
