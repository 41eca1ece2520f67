"""Loader, conflict policies, outcome rates, trends and parameter checks on a small dataset
written here, so every expected number below is an input of the test, not an output of finsam."""

import pandas as pd
import pytest

import finsam
from finsam import ParameterError
from finsam.stats.rates import wilson_interval

from conftest import small_dataset

HEADER = ["source_id", "association_id", "period_start", "period_end", "intervention", "metric", "gender",
          "value", "unit", "quote", "note", "dimension", "category"]


def row(assoc, year, inter, metric, gender, value, unit="persons", note="", source=None, start=None, quote=None):
    source = source or {"bhs": "bhs-2018", "husam": "husam-2012"}[assoc]
    return [source, assoc, start or year, year, inter, metric, gender, value, unit,
            quote or f"{metric} {gender} {value}", note, "", ""]


ROWS = [
    row("bhs", 2018, "ALL", "participants", "all", 651),
    row("bhs", 2018, "ALL", "participants", "women", 368),
    row("bhs", 2018, "ALL", "participants", "men", 270),
    row("bhs", 2018, "ALL", "participants", "unknown", 13),
    row("bhs", 2018, "ALL", "participants_exited", "women", 127),
    row("bhs", 2018, "ALL", "participants_exited", "men", 105),
    row("bhs", 2018, "ALL", "participants_exited", "men", 115, note="conflict: table 2 says 115"),
    row("bhs", 2018, "ALL", "exit_work", "women", 30),
    row("bhs", 2018, "ALL", "exit_studies", "women", 14),
    row("bhs", 2018, "ALL", "exit_work_or_studies", "men", 45),
    row("bhs", 2018, "ALL", "exit_jobseeking_rate", "women", 20, unit="percent"),
    row("bhs", 2018, "START", "participants", "all", 35, quote="START\t35\t20"),
    row("bhs", 2018, "START", "participants", "all", 34, note="conflict: text says 34", quote="Totalt 34 deltagare"),
    row("bhs", 2017, "ALL", "cost", "all", 20449200, unit="sek", quote="cost 20 449,2 tkr"),
    row("bhs", 2017, "ALL", "cost", "all", 20400000, unit="sek", note="rounding: 20,4 mkr", quote="20,4 mkr"),
    row("bhs", 2018, "ALL", "cost", "all", 21089700, unit="sek", quote="21 089,7"),
    row("husam", 2012, "ALL", "cost", "all", 10673800, unit="sek", quote="10 673,8"),
    row("husam", 2011, "ALL", "cost", "all", 7608600, unit="sek", quote="7 608,6"),
    row("bhs", 2018, "ALL", "participants", "all", 1500, start=2014, quote="sedan 2014 1500"),
]


@pytest.fixture(scope="module")
def mini(tmp_path_factory):
    return small_dataset(tmp_path_factory.mktemp("mini"), ROWS,
                         "association_id,intervention,aliases,kind,covers,part_of,is_work_oriented,target_group,first_year,"
                         "last_year,note\nbhs,START,Start,individual,,,true,young adults,2016,,\n")


def test_load_types_ids_as_categoricals_and_counts_as_integers(mini):
    obs = mini.observations
    for col in ("source_id", "association_id", "intervention", "metric", "gender", "unit"):
        assert isinstance(obs[col].dtype, pd.CategoricalDtype), col
    assert list(obs["gender"].cat.categories) == ["all", "women", "men", "unknown"]
    assert obs["period_start"].dtype == "int64"
    assert str(obs["count"].dtype) == "Int64"
    assert obs.loc[obs["unit"] == "sek", "count"].isna().all()
    assert obs.index.name == "line" and obs.index[0] == 2  # file line numbers


def test_load_reports_known_conflicts(mini):
    assert any("participants_exited" in str(c) for c in mini.conflicts)


def test_load_is_memoised_and_works_from_any_directory(tmp_path, monkeypatch):
    first = finsam.load()
    monkeypatch.chdir(tmp_path)
    assert finsam.load() is first


def test_select_by_year_takes_only_that_single_year(mini):
    sel = finsam.select(mini.observations, association="bhs", period=2018, metric="participants", intervention="ALL")
    assert sorted(sel["value"]) == [13, 270, 368, 651]
    multi = finsam.select(mini.observations, period=(2014, 2018))
    assert list(multi["value"]) == [1500]


def test_resolve_show_keeps_both_conflicting_values_flagged(mini):
    f = finsam.resolve(finsam.select(mini.observations, intervention="START"))
    assert sorted(f["value"]) == [34, 35]
    assert f["conflict"].all()
    assert set(f["alternatives"]) == {"34", "35"}


def test_resolve_prefer_table_and_prefer_text_pick_by_where_the_number_stands(mini):
    sel = finsam.select(mini.observations, intervention="START")
    assert list(finsam.resolve(sel, "prefer_table")["value"]) == [35]
    assert list(finsam.resolve(sel, "prefer_text")["value"]) == [34]


def test_resolve_error_policy_raises_naming_the_fact(mini):
    with pytest.raises(finsam.ConflictError, match="START participants all: 34 or 35"):
        finsam.resolve(finsam.select(mini.observations, intervention="START"), "error")


def test_resolve_drops_a_rounded_restatement_when_a_precise_value_exists(mini):
    f = finsam.resolve(finsam.select(mini.observations, association="bhs", period=2017, metric="cost"))
    assert list(f["value"]) == [20449200] and not f["conflict"].any()


def test_outcome_rates_use_counts_and_wilson_intervals(mini):
    r = finsam.outcome_rates(mini, "bhs", 2018)
    w = r[(r["gender"] == "women") & (r["outcome"] == "work_or_studies")].iloc[0]
    assert (w["count"], w["exited"]) == (44, 127)  # 30 + 14, derived and labelled so
    assert "derived: work + studies" in w["basis"]
    assert w["rate"] == pytest.approx(100 * 44 / 127)
    lo, hi = wilson_interval(44, 127)
    assert (w["ci_low"], w["ci_high"]) == (pytest.approx(100 * lo), pytest.approx(100 * hi))


def test_outcome_rates_show_each_conflicting_denominator(mini):
    r = finsam.outcome_rates(mini, "bhs", 2018)
    m = r[(r["gender"] == "men") & (r["outcome"] == "work_or_studies")]
    assert sorted(m["exited"]) == [105, 115] and m["conflict"].all()


def test_outcome_rates_carry_a_reported_percentage_without_inventing_an_interval(mini):
    r = finsam.outcome_rates(mini, "bhs", 2018)
    j = r[(r["gender"] == "women") & (r["outcome"] == "jobseeking")].iloc[0]
    assert j["rate"] == 20 and pd.isna(j["ci_low"]) and pd.isna(j["count"])
    assert "no interval" in j["basis"]


def test_gender_gap_tests_each_combination_of_conflicting_counts(mini):
    g = finsam.gender_gap(mini, "bhs", 2018)
    assert sorted(g["men_n"]) == [105, 115]
    assert (g["women_count"] == 44).all() and g["conflict"].all()
    assert g["verdict"].str.contains("5 % level").all()


def test_trend_chains_predecessor_and_marks_the_change(mini):
    t = finsam.trend(mini, "bhs", "cost", chain=True)
    assert list(t["year"]) == [2011, 2012, 2017, 2018]
    assert list(t["association_id"]) == ["husam", "husam", "bhs", "bhs"]
    changed = t[t["definition_change"]]
    assert list(changed["year"]) == [2017]
    assert "Samordningsförbundet Huddinge/HUSAM" in changed["definition_note"].iloc[0]
    # pages word the change from its fields, in their own language
    assert list(changed["change_kind"]) == ["association"] and list(changed["previous_association_id"]) == ["husam"]
    assert set(t.loc[~t["definition_change"], "change_kind"]) == {""}


def test_trend_without_chain_and_multi_year_figures_apart(mini):
    t = finsam.trend(mini, "bhs", "participants", by_gender=True)
    assert set(t["year"]) == {2018}
    assert sorted(t["gender"].astype(str)) == ["all", "men", "unknown", "women"]
    assert list(finsam.multi_year(mini, "bhs", "participants")["value"]) == [1500]


def test_lineage_follows_successor_links(mini):
    assert finsam.lineage(mini, "bhs") == ["husam", "bhs"]
    assert finsam.lineage(mini, "uppsala-lan") == ["uppsala-lan"]


def test_parameters_unknown_association_lists_valid_choices(mini):
    with pytest.raises(ParameterError, match=r"unknown association 'nope'.*valid: bhs"):
        finsam.check_parameters("gender_outcomes", mini, association="nope", year=2018)


def test_parameters_year_without_data_lists_valid_years(mini):
    with pytest.raises(ParameterError, match=r"year 2016 is not available for bhs.*valid: 2018"):
        finsam.check_parameters("gender_outcomes", mini, association="bhs", year=2016)


def test_parameters_wrong_type_is_rejected(mini):
    with pytest.raises(ParameterError, match="must be a whole number"):
        finsam.check_parameters("gender_outcomes", mini, association="bhs", year="2018")


def test_parameters_unknown_notebook(mini):
    with pytest.raises(ParameterError, match="unknown notebook 'nope'"):
        finsam.check_parameters("nope", mini)


def test_trend_choices_need_two_years(mini):
    assert {"association": "bhs", "metric": "cost"} in finsam.choices("yearly_trend", mini)
    assert {"association": "bhs", "metric": "participants"} not in finsam.choices("yearly_trend", mini)


def test_choices_of_one_association_are_its_share_of_all_choices():
    # a report checks its parameters on its association's rows alone: that must select exactly
    # what the choices over every association select for it, in every notebook, on the real data
    from finsam.views.registry import NOTEBOOKS
    tables = finsam.load()
    checked = 0
    for nb, spec in NOTEBOOKS.items():
        if "association" not in spec.params:
            continue
        every = finsam.choices(nb, tables)
        for a in sorted({str(x) for x in tables.associations["association_id"]}):
            assert finsam.choices(nb, tables, association=a) == [c for c in every if c["association"] == a], (nb, a)
            checked += bool([c for c in every if c["association"] == a])
    assert checked >= 10
    assert finsam.choices("interventions", tables, association="nope") == []


def test_rates_by_group_gives_each_groups_rates_as_rates_from_facts_does():
    # one pass over a year's facts must give, per intervention, exactly the rows the single-group
    # function gives on that intervention's facts alone (every association-year of the real data)
    from finsam.stats.rates import rates_by_group, rates_from_facts
    tables = finsam.load()
    years = tables.observations[["association_id", "period_start"]].drop_duplicates()
    checked = 0
    for a, y in zip(years["association_id"].astype(str), years["period_start"].astype(int)):
        facts = finsam.resolve(finsam.select(tables.observations, association=a, period=y))
        grouped = rates_by_group(facts, tables)
        names = facts["intervention"].astype(str)
        assert list(dict.fromkeys(grouped["intervention"])) == sorted(set(grouped["intervention"]))
        for inter in sorted(set(names)):
            one = rates_from_facts(facts[names == inter], tables)
            got = grouped[grouped["intervention"] == inter].drop(columns="intervention").reset_index(drop=True)
            if one.empty:  # no outcome figures: no rows either way (an empty frame has no dtypes to compare)
                assert got.empty, (a, y, inter)
                continue
            pd.testing.assert_frame_equal(got, one)
            checked += len(one)
    assert checked > 100


def test_texts_gives_what_astype_str_gives_for_every_column_kind():
    """finsam.data.frames.texts replaces ``s.astype(str)`` where the pages iterate over ids: the same
    values for categoricals (with a missing value), strings and numbers."""
    import numpy as np
    from finsam.data.frames import texts
    cat = pd.Series(pd.Categorical(["bhs", None, "husam", "bhs"], categories=["husam", "bhs", "unused"]))
    cases = [cat, pd.Series(["a", None, "b"], dtype="str"), pd.Series([2018, 2019]), pd.Series([1.5, np.nan])]
    for s in cases:
        expected = s.astype(str).tolist()
        got = texts(s)
        assert len(got) == len(expected)
        for g, e in zip(got, expected):
            assert g == e or (isinstance(g, float) and isinstance(e, float) and np.isnan(g) and np.isnan(e)), (s, got, expected)


def test_select_through_the_association_index_gives_the_rows_a_full_comparison_gives():
    """A large frame is narrowed through its index of each association's rows (built once per
    frame); the rows, their order and their labels are those a comparison of every row picks."""
    from finsam.data.tables import INDEXED_FROM, select
    obs = finsam.load().observations
    assert len(obs) >= INDEXED_FROM  # the shipped data take the indexed path
    for association, criteria in (("bhs", {}), (["ostra-sodertorn", "husam"], {"metric": "participants"}),
                                  (["husam", "no-such-association"], {"period": 2012}), ("no-such", {})):
        wanted = [association] if isinstance(association, str) else association
        expected = obs[obs["association_id"].isin(wanted) & (obs["dimension"] == "")]
        if "metric" in criteria:
            expected = expected[expected["metric"] == criteria["metric"]]
        if "period" in criteria:
            expected = expected[(expected["period_start"] == 2012) & (expected["period_end"] == 2012)]
        got = select(obs, association=association, **criteria)
        pd.testing.assert_frame_equal(got, expected)
        assert select(obs, association=association, **criteria).index.equals(got.index)  # the second, cached
    small = obs.iloc[: INDEXED_FROM - 1]
    pd.testing.assert_frame_equal(select(small, association="husam"),
                                  small[(small["association_id"] == "husam") & (small["dimension"] == "")])
