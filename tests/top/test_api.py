"""The public API as a researcher meets it: loud errors for unknown codes and uncovered years,
years of any integer kind, and the tables across every association at once (issue 28)."""
import csv

import numpy as np
import pandas as pd
import pytest

import finsam
from finsam.core import paths

TABLES = finsam.load()
OBS = TABLES.observations


@pytest.mark.parametrize("call, words", [
    (lambda: finsam.select(OBS, association="bsh"), ["unknown association 'bsh'", "did you mean 'bhs'", "uppsala-lan"]),
    (lambda: finsam.select(OBS, metric="participant"), ["unknown metric 'participant'", "did you mean 'participants'"]),
    (lambda: finsam.select(OBS, gender="woman"), ["unknown gender 'woman'", "did you mean 'women'"]),
    (lambda: finsam.select(OBS, intervention="Nonexistent insats"), ["unknown intervention"]),
    (lambda: finsam.outcome_rates(TABLES, "bsh", 2018), ["unknown association 'bsh'"]),
    (lambda: finsam.trend(TABLES, "bhs", "costs"), ["unknown metric 'costs'", "did you mean 'cost'"]),
    (lambda: finsam.outcome_rates(TABLES, "bhs", 2016), ["no figures for bhs in 2016", "2017, 2018"]),
    (lambda: finsam.population(TABLES, "husam", 2030), ["no figures for husam in 2030"]),
    (lambda: finsam.gender_gap(TABLES, "bhs", 2018, intervention="Nonexistent"), ["unknown intervention"]),
    (lambda: finsam.outcome_rates(TABLES, "bhs", "tjugo"), ["must be a year such as 2018"]),
    (lambda: finsam.outcome_rates(TABLES, "bhs", True), ["must be a year such as 2018"]),
])
def test_a_misspelled_code_or_an_uncovered_year_names_the_choices(call, words):
    with pytest.raises(finsam.ParameterError) as e:
        call()
    for w in words:
        assert w in str(e.value)


@pytest.mark.parametrize("year", [np.int64(2018), np.int32(2018), "2018", " 2018", 2018.0])
def test_a_year_of_any_integer_kind_is_the_year(year):
    expected = finsam.outcome_rates(TABLES, "bhs", 2018)
    pd.testing.assert_frame_equal(finsam.outcome_rates(TABLES, "bhs", year), expected)
    assert len(finsam.select(OBS, association="bhs", period=year)) == len(finsam.select(OBS, association="bhs", period=2018))


def test_a_known_code_without_rows_is_an_empty_frame_not_an_error():
    husam = finsam.select(OBS, association="husam")
    # every metric of metrics.csv is a valid code, whether or not this association reports it
    for m in {r["metric"] for r in csv.DictReader(open(paths.data_dir() / "metrics.csv", encoding="utf-8"))}:
        finsam.select(husam, metric=m)


def _report_lines(source_id: str) -> list[str]:
    docs = {r["source_id"]: r["document"] for r in csv.DictReader(open(paths.data_dir() / "sources.csv", encoding="utf-8"))}
    return (paths.sources_dir() / docs[source_id]).read_text(encoding="utf-8").splitlines()


def test_facts_is_one_long_table_of_every_association_with_labels_quotes_and_report_lines():
    f = finsam.facts(TABLES)
    assert set(f["association_id"].astype(str)) == {r["association_id"] for r in csv.DictReader(
        open(paths.data_dir() / "associations.csv", encoding="utf-8"))}
    labels = {r["metric"]: r["label_en"] for r in csv.DictReader(open(paths.data_dir() / "metrics.csv", encoding="utf-8"))}
    assert (f["metric_label"] == f["metric"].astype(str).map(labels)).all()
    # every fact's statements: each quote is on the report line given for it (read here independently)
    lines = {s: _report_lines(s) for s in set(f["sources"].sum())}
    for quotes, where in zip(f["quotes"], f["source_lines"]):
        assert quotes and len(quotes) == len(where)
        for q, (s, n) in zip(quotes, where):
            assert n is not None and q in lines[s][n - 1], (s, n, q)
    assert all(isinstance(n, int) for ns in f["lines"] for n in ns)
    # facts stated with different values can be told apart: each value is its own row, marked
    contested = f[f["conflict"]]
    assert len(contested) >= 2
    key = ["association_id", "period_start", "period_end", "intervention", "metric", "gender", "dimension", "category"]
    assert (contested.groupby(key, observed=True)["value"].nunique() >= 2).all()


def test_facts_in_swedish_and_of_one_association():
    f = finsam.facts(TABLES, "bhs", lang="sv")
    assert set(f["association_id"].astype(str)) == {"bhs"}
    labels = {r["metric"]: r["label_sv"] for r in csv.DictReader(open(paths.data_dir() / "metrics.csv", encoding="utf-8"))}
    assert (f["metric_label"] == f["metric"].astype(str).map(labels)).all()
    with pytest.raises(finsam.ParameterError, match="unknown language"):
        finsam.facts(TABLES, lang="de")


def test_the_functions_across_every_association():
    rates = finsam.all_outcome_rates(TABLES)
    years = {(str(a), int(y)) for a, y in zip(rates["association_id"], rates["year"])}
    for a, y in years:  # the same rates as the one-association function gives
        one = finsam.outcome_rates(TABLES, a, y)
        assert len(one) > 0
    assert {a for a, _ in years} == set(OBS["association_id"].astype(str))
    gaps = finsam.gender_gaps(TABLES)
    assert len(gaps) > 0 and {"n_women", "n_men", "ci_low_pp_min", "ci_high_pp_max"} <= set(gaps.columns)
    assert len(finsam.overview(TABLES)) == len(OBS["association_id"].unique())


def test_a_frame_goes_to_excel(tmp_path):
    finsam.facts(TABLES).drop(columns=["quotes", "source_lines", "lines", "sources"]).to_excel(tmp_path / "facts.xlsx")
    assert (tmp_path / "facts.xlsx").stat().st_size > 10_000
