"""The command line as documented: --version, --data/--sources wherever data are read, one filter
per notebook parameter, errors that name the parameters a notebook does take, and summaries that
claim only the checks that ran."""
import csv
import shutil

import pytest

import finsam
from conftest import DATA, cli


def records(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def test_version():
    code, out, _ = cli("--version")
    assert code == 0 and out.strip() == f"finsam {finsam.__version__}"


def test_metric_filter_selects_yearly_trend_reports_of_that_metric():
    code, out, err = cli("choices", "--notebook", "yearly_trend", "--metric", "participants")
    assert code == 0, err
    # worked out here from the CSV: associations with association-wide one-year participant
    # figures for at least two different years
    years = {}
    for r in records(DATA / "observations.csv"):
        if r["metric"] == "participants" and r["intervention"] == "ALL" and r["period_start"] == r["period_end"]:
            years.setdefault(r["association_id"], set()).add(r["period_start"])
    expected = sorted(f"yearly_trend association={a} metric=participants" for a, y in years.items() if len(y) >= 2)
    assert expected and out.splitlines() == expected


def test_a_filter_the_notebook_does_not_take_names_the_parameters_it_does_take():
    code, _, err = cli("choices", "--notebook", "yearly_trend", "--year", "2018")
    assert code == 2
    assert "--year does not apply to yearly_trend" in err and "yearly_trend takes association, metric" in err
    code, _, err = cli("render", "--notebook", "overview", "--metric", "cost", "--output", "/nonexistent/x")
    assert code == 2
    assert "--metric does not apply to overview" in err and "overview takes no parameters" in err
    assert "valid years: \n" not in err and not err.rstrip().endswith(":")


def test_unknown_metric_lists_the_metrics_there_are():
    code, _, err = cli("choices", "--metric", "happiness")
    assert code == 2 and "no report for metric 'happiness'; valid metrics: " in err
    assert "participants" in err.split("valid metrics: ")[1]


def test_choices_reads_the_data_folder_given(tmp_path):
    d = tmp_path / "data"
    shutil.copytree(DATA, d)
    rows = records(d / "observations.csv")
    with open(d / "observations.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(r for r in rows if not (r["association_id"] == "bhs" and r["gender"] in ("women", "men")))
    code, out, err = cli("choices", "--notebook", "gender_outcomes")
    assert code == 0 and "association=bhs" in out
    code, out, err = cli("choices", "--notebook", "gender_outcomes", "--data", str(d))
    assert code == 0, err
    assert out and "association=bhs" not in out
    code, out, err = cli("choices", "--data", str(tmp_path / "nonexistent"))
    assert code == 1 and "data folder not found" in err and "Traceback" not in err


def test_validate_claims_only_the_checks_that_ran(tmp_path):
    code, out, err = cli("validate", "--data", str(tmp_path / "nonexistent"))
    assert code == 1
    assert "provenance checked" not in out and "consistency and provenance not checked" in out
    code, out, err = cli("validate", "--quiet", "--no-provenance")
    assert code == 0 and "provenance not checked (--no-provenance)" in out
    code, out, err = cli("validate", "--quiet", "--sources", str(tmp_path / "nosources"))
    assert code == 1 and "provenance checked against" not in out
    assert f"provenance not checked: source texts not found at {tmp_path / 'nosources'}" in out


def test_validate_with_the_sources_says_where_it_checked(sources_dir):
    code, out, err = cli("validate", "--quiet", "--sources", str(sources_dir))
    assert code == 0, err
    assert out.rstrip().endswith(f"provenance checked against {sources_dir}")


def test_check_parameters_names_the_parameters_a_notebook_takes():
    tables = finsam.load()
    with pytest.raises(finsam.ParameterError, match=r"yearly_trend does not take year: yearly_trend takes "
                                                    r"association, metric"):
        finsam.check_parameters("yearly_trend", tables, association="bhs", metric="cost", year=2018)
    with pytest.raises(finsam.ParameterError, match=r"gender_outcomes needs year: gender_outcomes takes "
                                                    r"association, year"):
        finsam.check_parameters("gender_outcomes", tables, association="bhs")
    with pytest.raises(finsam.ParameterError, match=r"overview does not take association: overview takes no"):
        finsam.check_parameters("overview", tables, association="bhs")
