"""finsam validate on the shipped data and on corrupted copies of it: every kind of broken input
gets `path:line: message`, exit status 1 and no traceback; harmless encoding variants pass."""
import csv

import pytest

import finsam
from finsam import DataError

from conftest import cli, cli_subprocess, replace_in


def edit_row(path, match, every: bool = False, **changes) -> int:
    """Change the first (or ``every``) row of a CSV matching ``match`` (column -> value);
    returns the line number of the first."""
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    header = rows[0]
    first = None
    for i, r in enumerate(rows[1:], start=2):
        rec = dict(zip(header, r))
        if all(rec[k] == v for k, v in match.items()):
            rec.update(changes)
            rows[i - 1] = [rec[h] for h in header]
            first = first or i
            if not every:
                break
    assert first, f"no row matches {match}"
    with open(path, "w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows(rows)
    return first


def append_row(path, **values) -> int:
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    rows.append([values.get(h, "") for h in rows[0]])
    with open(path, "w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows(rows)
    return len(rows)


TOTAL = dict(source_id="bhs-2018", intervention="ALL", metric="participants", gender="all", value="651")


def validate(data_copy, sources_dir):
    code, out, err = cli("validate", "--data", str(data_copy), "--sources", str(sources_dir))
    assert "Traceback" not in err + out
    return code, err


def test_the_command_line_tool_exits_1_without_traceback(data_copy, sources_dir):
    line = edit_row(data_copy / "observations.csv", TOTAL, value="six hundred")
    res = cli_subprocess("validate", "--data", str(data_copy), "--sources", str(sources_dir))
    assert res.returncode == 1
    assert f"observations.csv:{line}: value: 'six hundred' is not a number" in res.stderr
    assert "Traceback" not in res.stderr


def test_missing_table(data_copy, sources_dir):
    (data_copy / "interventions.csv").unlink()
    code, err = validate(data_copy, sources_dir)
    assert code == 1 and "interventions.csv: table interventions.csv is missing" in err


@pytest.mark.parametrize("old,new,message", [
    (",note,", ",notes,", "missing column(s) note; unexpected column(s) notes"),
    (",category\n", ",category,extra\n", "unexpected column(s) extra"),
    ("quote,note,", "note,", "missing column(s) quote"),
])
def test_wrong_columns_are_named(data_copy, sources_dir, old, new, message):
    replace_in(data_copy / "observations.csv", old, new)
    code, err = validate(data_copy, sources_dir)
    assert code == 1 and f"observations.csv:1: {message}" in err


@pytest.mark.parametrize("changes,message", [
    (dict(value="6x1"), "value: '6x1' is not a number"),
    (dict(value=""), "value: empty value"),
    (dict(value="-651"), "a count must be a non-negative whole number"),
    (dict(value="651.5"), "a count must be a non-negative whole number"),
    (dict(period_start="twenty"), "period_start: 'twenty' is not a whole number"),
    (dict(association_id="atlantis"), "association_id: 'atlantis': unknown association_id"),
    (dict(intervention="Nonexistent"), "intervention is neither ALL nor listed for this association"),
    (dict(metric="happiness"), "metric: 'happiness': unknown metric"),
    (dict(gender="other"), "gender: 'other': unknown gender (valid: all, men, unknown, women)"),
    (dict(unit="people"), "unit: 'people': unknown unit"),
    (dict(unit="percent"), "unit differs from the metric's unit in metrics.csv"),
    (dict(source_id="bhs-2019"), "source_id: 'bhs-2019': unknown source_id"),
    (dict(quote="Totalt hade insatserna 652 deltagare"), "quote not found verbatim on one line of bhs-2018.txt"),
])
def test_bad_values_name_file_line_and_problem(data_copy, sources_dir, changes, message):
    line = edit_row(data_copy / "observations.csv", TOTAL, **changes)
    code, err = validate(data_copy, sources_dir)
    assert code == 1
    assert f"observations.csv:{line}: {message}" in err, err


@pytest.mark.parametrize("match,changes,message", [
    (dict(vocabulary="unit", code="cases"), dict(people=""),
     "a count unit must say whether it counts people (people: true or false)"),
    (dict(vocabulary="unit", code="persons"), dict(people="yes"), "people: 'yes'"),
    (dict(vocabulary="unit", code="sek"), dict(people="false"), "people is only for count units"),
])
def test_whether_a_count_unit_counts_people_is_declared_in_the_vocabulary(data_copy, sources_dir, match, changes,
                                                                          message):
    line = edit_row(data_copy / "vocabulary.csv", match, **changes)
    code, err = validate(data_copy, sources_dir)
    assert code == 1
    assert f"vocabulary.csv:{line}: {message}" in err, err


@pytest.mark.parametrize("table,match,changes,message", [
    ("metrics.csv", dict(metric="cost"), dict(display_scale=""),
     "an amount of money must give the display_scale every page shows it in"),
    ("metrics.csv", dict(metric="participants"), dict(display_scale="tkr"),
     "display_scale is only for amounts of money"),
    ("metrics.csv", dict(metric="revenue"), dict(display_scale="mkr"), "display_scale: 'mkr'"),
    ("vocabulary.csv", dict(vocabulary="scale", code="tkr"), dict(factor=""), "a scale must give its factor"),
    ("vocabulary.csv", dict(vocabulary="scale", code="tkr"), dict(factor="-1000"),
     "a scale's factor is a positive number of kronor"),
    ("vocabulary.csv", dict(vocabulary="unit", code="sek"), dict(factor="1"), "factor is only for scales"),
])
def test_the_scale_money_is_shown_in_is_declared_once_per_metric(data_copy, sources_dir, table, match, changes,
                                                                  message):
    line = edit_row(data_copy / table, match, **changes)
    code, err = validate(data_copy, sources_dir)
    assert code == 1
    assert f"{table}:{line}: " in err and message in err, err


@pytest.mark.parametrize("part_of,message", [
    ("Kugghjul Psykiatri", None),  # an intervention of the same association: valid
    ("SamMA-projektet", "part_of names an intervention not listed for this association"),  # Östra Södertörn's
    ("Kugghjul Huddinge", "part_of names the intervention itself"),
])
def test_part_of_names_an_intervention_of_the_same_association(data_copy, sources_dir, part_of, message):
    line = edit_row(data_copy / "interventions.csv", dict(association_id="husam", intervention="Kugghjul Huddinge"),
                    part_of=part_of)
    code, err = validate(data_copy, sources_dir)
    if message is None:
        assert code == 0, err
    else:
        assert code == 1 and f"interventions.csv:{line}: {message}" in err, err


def test_pages_take_whom_a_count_unit_counts_from_the_vocabulary():
    # participations and cases may count one person twice; persons and registered persons do not
    from finsam.data import semantics
    v = finsam.load().vocabulary
    assert {u: semantics.counts_people(v, u) for u in semantics.count_units(v)} == {
        "persons": True, "registered_persons": True, "participations": False, "cases": False}


def test_percentage_outside_0_to_100(data_copy, sources_dir):
    line = edit_row(data_copy / "observations.csv", dict(metric="participants_share", gender="women",
                                                        source_id="bhs-2018"), value="157")
    code, err = validate(data_copy, sources_dir)
    assert code == 1 and f"observations.csv:{line}: a percentage must lie within 0–100" in err


def test_value_not_printed_in_its_quote(data_copy, sources_dir):
    line = edit_row(data_copy / "observations.csv", TOTAL, value="652")
    code, err = validate(data_copy, sources_dir)
    assert code == 1 and f"observations.csv:{line}: value 652 does not appear in its quote" in err


def test_unexplained_duplicate_fact_with_a_different_value(data_copy, sources_dir):
    first = edit_row(data_copy / "observations.csv", TOTAL)
    line = append_row(data_copy / "observations.csv", source_id="bhs-2018", association_id="bhs", period_start="2018",
                      period_end="2018", intervention="ALL", metric="participants", gender="all", value="601",
                      unit="persons", quote="Uppskattningsvis har ca 600 unika individer", note="")
    code, err = validate(data_copy, sources_dir)
    assert code == 1
    assert "is stated with different values 601, 651" in err and f"{line}" in err and f"{first}:" in err
    assert "unexplained" in err


def test_explained_conflicts_are_reported_not_errors(sources_dir):
    code, out, err = cli("validate", "--sources", str(sources_dir))
    assert code == 0
    assert "known conflicts in the reports" in out and "explained in note" in out


def test_gender_split_that_does_not_add_up(data_copy, sources_dir):
    line = edit_row(data_copy / "observations.csv", dict(source_id="bhs-2018", intervention="Slussen",
                                                        metric="participants", gender="women", value="32"),
                    every=True, value="30")
    code, err = validate(data_copy, sources_dir)
    assert code == 1
    assert "gender split does not add up for participants (bhs 2018–2018 Slussen)" in err
    assert f"{line}" in err


def test_exit_reasons_exceeding_exits(data_copy, sources_dir):
    line = edit_row(data_copy / "observations.csv", dict(source_id="bhs-2018", intervention="Slussen",
                                                        metric="exit_jobseeking", gender="all"),
                    every=True, value="62", note="")
    code, err = validate(data_copy, sources_dir)
    assert code == 1 and "exit reasons add up to more than participants_exited" in err and f"{line}" in err


def test_percentage_that_disagrees_with_its_counts(data_copy, sources_dir):
    # BHS's share of women, 57 %, is stated beside 368 of 651; make the count 270 (also printed there)
    line = edit_row(data_copy / "observations.csv", dict(source_id="bhs-2018", intervention="ALL",
                                                        metric="participants", gender="women", value="368"),
                    every=True, value="270")
    code, err = validate(data_copy, sources_dir)
    assert code == 1
    assert "participants_share 57 % disagrees with its counts (270 of 651 = 41.5 %)" in err and f"{line}" in err


def test_missing_source_document(data_copy, sources_dir):
    line = edit_row(data_copy / "sources.csv", dict(source_id="bhs-2018"), document="bhs-2018-missing.txt")
    code, err = validate(data_copy, sources_dir)
    assert code == 1
    assert f"sources.csv:{line}: source document 'bhs-2018-missing.txt' of bhs-2018 not found" in err


def test_missing_sources_folder_fails_validation(data_copy, tmp_path):
    code, out, err = cli("validate", "--data", str(data_copy), "--sources", str(tmp_path / "nowhere"))
    assert code == 1 and "source texts folder not found" in err


def test_file_that_is_not_utf8(data_copy, sources_dir):
    path = data_copy / "associations.csv"
    path.write_bytes(path.read_text(encoding="utf-8").encode("latin-1"))
    code, err = validate(data_copy, sources_dir)
    assert code == 1 and "associations.csv:2: not valid UTF-8" in err


def test_byte_order_mark_and_windows_line_endings_are_accepted(data_copy, sources_dir):
    for name in ("observations.csv", "metrics.csv"):
        p = data_copy / name
        p.write_bytes(b"\xef\xbb\xbf" + p.read_bytes().replace(b"\n", b"\r\n"))
    code, err = validate(data_copy, sources_dir)
    assert code == 0, err


def edit_raw_line(path, startswith: str, old: str, new: str) -> int:
    """Edit the text of the first line starting with ``startswith``; returns its line number."""
    lines = path.read_text(encoding="utf-8").split("\n")
    target = next(i for i, l in enumerate(lines) if l.startswith(startswith))
    lines[target] = lines[target].replace(old, new, 1)
    path.write_text("\n".join(lines), encoding="utf-8")
    return target + 1


TOTAL_LINE = "bhs-2018,bhs,2018,2018,ALL,participants,all,651"


def test_stray_quote_that_shifts_columns(data_copy, sources_dir):
    line = edit_raw_line(data_copy / "observations.csv", TOTAL_LINE, ",651,", ',"651,')
    code, err = validate(data_copy, sources_dir)
    assert code == 1 and f"observations.csv:{line}:" in err and "stray quote" in err


def test_unquoted_comma_that_shifts_columns(data_copy, sources_dir):
    line = edit_raw_line(data_copy / "observations.csv", TOTAL_LINE, ",651,", ",6,51,")
    code, err = validate(data_copy, sources_dir)
    assert code == 1 and f"observations.csv:{line}: 14 fields where the header has 13" in err


def test_load_refuses_bad_data_with_the_same_messages(data_copy):
    line = edit_row(data_copy / "observations.csv", TOTAL, gender="female")
    with pytest.raises(DataError) as e:
        finsam.load(data_copy, use_cache=False)
    assert f"observations.csv:{line}: gender: 'female': unknown gender" in str(e.value)


def test_nothing_is_written_to_the_data_folder_by_validation(data_copy, sources_dir):
    before = {p.name: p.read_bytes() for p in data_copy.iterdir()}
    edit_row(data_copy / "observations.csv", TOTAL, value="x")
    before["observations.csv"] = (data_copy / "observations.csv").read_bytes()
    validate(data_copy, sources_dir)
    assert {p.name: p.read_bytes() for p in data_copy.iterdir()} == before


def test_numbers_are_parsed_to_the_values_python_reads_from_the_text():
    """validate._numbers parses number columns with pyarrow (a million-row load's coercion took
    0.5 s through pandera); every value must be the one Python's own int()/float() read from
    the same text, bit for bit, and a missing optional value stays missing."""
    import random

    import numpy as np
    import pandas as pd

    from finsam.data.validate import _numbers
    rng = random.Random(7)
    texts = ["0", "-0.0", "0.1", "0.3", "651", "-1992.8", "007", "+2.50", "1234567890123456.7", "9007199254740993",
             "0.000001", "123456789.123456789", "99999999999999999999"]
    texts += [f"{rng.uniform(-1e9, 1e9):.{rng.randint(0, 9)}f}" for _ in range(5000)]
    years = [str(rng.randint(1990, 2100)) for _ in range(len(texts))]
    df = pd.DataFrame({"period_start": years, "period_end": years, "value": texts}, dtype="str")
    out = _numbers(df, "observations")
    assert str(out["period_start"].dtype) == "int64" and str(out["value"].dtype) == "float64"
    assert out["period_start"].tolist() == [int(y) for y in years]
    expected = np.array([float(t) for t in texts])
    assert np.array_equal(out["value"].to_numpy().view(np.int64), expected.view(np.int64))
    optional = [None if i % 3 else y for i, y in enumerate(years)]  # an optional whole number may be empty
    iv = _numbers(pd.DataFrame({"first_year": optional, "last_year": optional}, dtype="str"), "interventions")
    assert str(iv["first_year"].dtype) == "Int64"
    assert [None if pd.isna(v) else v for v in iv["first_year"]] == [None if y is None else int(y) for y in optional]


@pytest.mark.parametrize("text", ["٣", "99999999999999999999", None])
def test_numbers_that_do_not_parse_cleanly_stay_text_for_pandera_to_report(text):
    """Digits of another script, a whole number beyond 64 bits, or a required whole number left
    empty: the column is left as text, so the schema's coercion and checks report it as before."""
    import pandas as pd

    from finsam.data.validate import _numbers
    df = pd.DataFrame({"period_start": ["2018", text], "period_end": ["2018", "2018"], "value": ["1.5", "2"]},
                      dtype="str")
    out = _numbers(df, "observations")
    assert out["period_start"].dtype == df["period_start"].dtype
    assert str(out["period_end"].dtype) == "int64"


def test_column_checks_are_generated_from_the_field_dictionary():
    """A vocabulary column, a reference to another table and a year get their checks from
    finsam/data/fields.py (VOCABULARY_OF, Field.references, Field.unit), ahead of any rule of
    their own."""
    from finsam.data import validate as v
    from finsam.data.fields import FIELDS, TABLES, VOCABULARY_OF
    ids, vocab = {"associations": {"bhs"}, "sources": {"bhs-2018"}, "metrics": {"cost"}}, {"unit": ["sek"]}
    seen = set()
    for name, table in TABLES.items():
        schema = v.column_schema(name, ids, vocab)
        for c in table.fields:
            f = FIELDS[c]
            implied = [(name, c) in VOCABULARY_OF, bool(f.references) and f.references != name, f.unit == "year"]
            if (name, c) in v.HANDWRITTEN or not any(implied):
                continue
            errors = [str(k.error) for k in schema.columns[c].checks]
            wanted = [str(k.error) for k in v._from_fields(name, c, ids, vocab)]
            assert len(wanted) == sum(implied) and errors[:len(wanted)] == wanted, (name, c)
            seen.update(what for what, on in zip(("vocabulary", "reference", "year"), implied) if on)
    assert seen == {"vocabulary", "reference", "year"}
