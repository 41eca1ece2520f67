"""A project run for several associations and booked gross (a cost note with the mark
finsam.data.fields.SHARED_COST_MARK) is not one association's cost: no cost per outcome is derived
from it, nor from an association total that includes it. Expected values are the inputs written here
and the report's figures (Östra Södertörn 2022: 'MIA Vidare 10 934 525 10 485 683 448 842')."""
import pandas as pd
import pytest

import finsam
from finsam.data.conflicts import resolve
from finsam.data.fields import SHARED_COST_MARK
from finsam.data.tables import select
from finsam.stats import findings
from finsam.stats.interventions import cost_rows

from conftest import small_dataset


def row(intervention, metric, value, unit="persons", note=""):
    return ["bhs-2018", "bhs", 2018, 2018, intervention, metric, "all", value, unit, f"{metric} {value}", note, "", ""]


def dataset(tmp_path, marked: bool):
    note = f"{SHARED_COST_MARK} regional project of eight delprojekt, booked gross" if marked else ""
    return small_dataset(tmp_path, [
        row("ALL", "participants_exited", 200), row("ALL", "exit_work_or_studies", 80),
        row("ALL", "cost", 20_000_000, "sek"),
        row("Lyra", "cost", 8_000_000, "sek", note), row("HUVAS", "cost", 1_000_000, "sek"),
    ])


@pytest.mark.parametrize("marked", [True, False])
def test_a_total_holding_a_shared_cost_gives_no_cost_per_outcome(tmp_path, marked):
    t = dataset(tmp_path, marked)
    r = findings.overview_rows(t).set_index("association").loc["bhs"]
    if marked:
        assert r["cost_per_work_or_studies"] == [] and r["cost_shared"] == ["Lyra"]
        assert not r["cost_population_differs"]
    else:  # the same figures without the mark: 20 000 000 / 80, by hand
        assert r["cost_per_work_or_studies"] == [250_000] and r["cost_shared"] == []


@pytest.mark.parametrize("marked", [True, False])
def test_an_intervention_with_a_shared_cost_gets_no_cost_per_outcome(tmp_path, marked):
    t = dataset(tmp_path, marked)
    facts = resolve(select(t.observations, association="bhs", period=2018))
    counts = pd.DataFrame(dict(intervention=["Lyra", "HUVAS"], k=[10, 5], n=[40, 20], conflict=[False, False]))
    got = cost_rows(facts, counts).set_index("intervention")
    assert got.loc["HUVAS", "per_work_or_studies"] == pytest.approx(1_000_000 / 5)
    assert ("Lyra" in got.index) is (not marked)


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_the_overview_says_why_ostra_sodertorn_has_no_cost_per_outcome(lang):
    from finsam.views.overview import Overview
    t = finsam.load()
    r = findings.overview_rows(t).set_index("association").loc["ostra-sodertorn"]
    assert r["cost_shared"] == ["MIA Vidare"] and r["cost_per_work_or_studies"] == []
    text = Overview(t, lang=lang).caveats().data
    assert "MIA Vidare" in text and ("several associations" if lang == "en" else "flera förbund") in text
