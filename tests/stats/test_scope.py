"""finsam.stats.scope.population on small hand-built datasets: which group's exits an association-year's
outcome rates describe. Every expectation follows from the rules in the docstring and the rows
written here, not from running the code on the shipped data."""

import pytest

import finsam
from finsam.stats.scope import population

from conftest import small_dataset

INT_HEADER = ["association_id", "intervention", "aliases", "kind", "covers", "part_of", "is_work_oriented", "target_group",
              "first_year", "last_year", "note"]


def build(tmp_path, interventions, rows):
    """A data folder with these interventions (name, kind, covers, is_work_oriented) and
    observations (intervention, metric, gender, value[, unit]) for bhs 2018."""
    text = ",".join(INT_HEADER) + "\n" + "".join(f"bhs,{name},,{kind},{covers},,{wo},,,,{name} note\n"
                                                  for name, kind, covers, wo in interventions)
    obs = []
    for inter, metric, gender, value, *unit in rows:
        unit = unit[0] if unit else ("percent" if metric.endswith("_rate") else "persons")
        obs.append(["bhs-2018", "bhs", 2018, 2018, inter, metric, gender, value, unit,
                    f"{inter} {metric} {gender} {value}"])
    return small_dataset(tmp_path / "data", obs, text)


def counts(group, k, n, gender="all"):
    return [(group, "participants_exited", gender, n), (group, "exit_work_or_studies", gender, k)]


AGG_A = ("Arbetslivsinriktade (totalt)", "aggregate", "A;B", "true")
AGG_B = ("Andra insatser (totalt)", "aggregate", "", "")
A, B, H = ("A", "individual", "", "true"), ("B", "individual", "", "true"), ("H", "individual", "", "false")


def test_all_is_chosen_when_it_has_counts_and_nothing_is_excluded(tmp_path):
    t = build(tmp_path, [A, B, AGG_A], counts("ALL", 40, 100) + counts("Arbetslivsinriktade (totalt)", 30, 60))
    p = population(t, "bhs", 2018)
    assert (p.group, p.reason, p.excluded) == ("ALL", "all_interventions", ())


def test_an_excluded_intervention_with_figures_moves_the_rate_to_the_aggregate(tmp_path):
    rows = counts("ALL", 40, 130) + counts("Arbetslivsinriktade (totalt)", 40, 100) + [("H", "participants", "all", 30)]
    t = build(tmp_path, [A, B, H, AGG_A], rows)
    p = population(t, "bhs", 2018)
    assert p.group == "Arbetslivsinriktade (totalt)"
    assert p.reason == "excluded_interventions" and p.excluded == ("H",)
    assert p.covers == ("A", "B")
    # and the headline rate every page shows is the aggregate's 40 of 100, not 40 of 130
    r = finsam.outcome_rates(t, "bhs", 2018)
    r = r[(r["outcome"] == "work_or_studies") & (r["gender"] == "all")]
    assert list(r["count"]) == [40] and list(r["exited"]) == [100]


def test_an_excluded_intervention_without_figures_that_year_does_not_matter(tmp_path):
    t = build(tmp_path, [A, B, H, AGG_A], counts("ALL", 40, 100) + counts("Arbetslivsinriktade (totalt)", 30, 60))
    assert population(t, "bhs", 2018).group == "ALL"


def test_only_an_aggregate_with_outcomes(tmp_path):
    t = build(tmp_path, [A, B, AGG_A], [("ALL", "participants_exited", "all", 200)]
              + counts("Arbetslivsinriktade (totalt)", 30, 60))
    p = population(t, "bhs", 2018)
    assert (p.group, p.reason) == ("Arbetslivsinriktade (totalt)", "aggregate_only")


def test_a_gender_split_only_in_the_aggregate_does_not_change_the_population(tmp_path):
    rows = counts("ALL", 40, 100) + counts("Arbetslivsinriktade (totalt)", 30, 60)
    rows += counts("Arbetslivsinriktade (totalt)", 10, 25, "women") + counts("Arbetslivsinriktade (totalt)", 20, 35, "men")
    t = build(tmp_path, [A, B, AGG_A], rows)
    assert population(t, "bhs", 2018).group == "ALL"


def test_counts_beat_a_percentage_alone(tmp_path):
    rows = [("ALL", "exit_work_or_studies_rate", "all", 45)] + counts("Arbetslivsinriktade (totalt)", 30, 60)
    t = build(tmp_path, [A, B, AGG_A], rows)
    assert population(t, "bhs", 2018).group == "Arbetslivsinriktade (totalt)"


def test_a_percentage_alone_is_still_a_population(tmp_path):
    t = build(tmp_path, [A, B], [("ALL", "exit_work_or_studies_rate", "all", 45)])
    assert population(t, "bhs", 2018).group == "ALL"


def test_ties_between_aggregates_go_to_the_work_oriented_one_then_by_name(tmp_path):
    rows = [("ALL", "participants_exited", "all", 200)] + counts("Arbetslivsinriktade (totalt)", 30, 60) \
        + counts("Andra insatser (totalt)", 20, 50)
    t = build(tmp_path, [A, B, AGG_A, AGG_B], rows)
    assert population(t, "bhs", 2018).group == "Arbetslivsinriktade (totalt)"
    plain = ("Arbetslivsinriktade (totalt)", "aggregate", "A;B", "")
    t2 = build(tmp_path / "2", [A, B, plain, AGG_B], rows)
    assert population(t2, "bhs", 2018).group == "Andra insatser (totalt)"  # alphabetical: "Andra" < "Arbets…"


def test_work_plus_studies_counts_as_a_stated_outcome(tmp_path):
    rows = [("ALL", "participants_exited", "all", 100), ("ALL", "exit_work", "all", 20), ("ALL", "exit_studies", "all", 5)]
    t = build(tmp_path, [A], rows)
    assert population(t, "bhs", 2018).group == "ALL"


def test_no_outcomes_at_all(tmp_path):
    t = build(tmp_path, [A], [("ALL", "participants", "all", 100)])
    p = population(t, "bhs", 2018)
    assert (p.group, p.reason) == ("ALL", "no_outcomes")


def test_the_name_of_an_intervention_decides_nothing(tmp_path):
    """'(totalt)' in a name does not make an aggregate: only kind does."""
    fake = ("Något (totalt)", "individual", "", "")
    rows = [("ALL", "participants_exited", "all", 100)] + counts("Något (totalt)", 30, 60)
    t = build(tmp_path, [A, fake], rows)
    assert population(t, "bhs", 2018).reason == "no_outcomes"


@pytest.mark.parametrize("assoc,year,group", [
    # from the reports: BHS marks work/studies "ej tillämpligt" for HälsoSam and Möjliggörarna
    # (bhs-2018 lines 1416, 1422) and gives 90 of 246 work-oriented exits; HUSAM's footnote 2
    # excludes Kugghjulen, Kartläggningsteamet, Hälsosam and Tillbaka till framtiden (husam-2012 l. 260)
    ("bhs", 2018, "Arbetslivsinriktade insatser (totalt)"),
    ("husam", 2012, "Arbetslivsinriktade insatser (totalt)"),
    ("ostra-sodertorn", 2022, "ALL"),
    ("uppsala-lan", 2014, "ALL"),
])
def test_the_shipped_reports_get_the_population_their_text_describes(assoc, year, group):
    assert population(finsam.load(), assoc, year).group == group
