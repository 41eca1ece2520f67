"""Metadata and data agree: every column is declared in the field dictionary, every declared
field is used, every metric used is documented, and the data README documents every column."""
import csv

import finsam
from finsam.data.fields import FIELDS, TABLES

from conftest import DATA


def header(name):
    with open(DATA / f"{name}.csv", encoding="utf-8", newline="") as f:
        return next(csv.reader(f))


def test_tables_have_exactly_the_declared_columns():
    for name, table in TABLES.items():
        assert header(name) == list(table.fields), name
        for col in table.fields:
            assert col in FIELDS, f"{name}.{col} is not in the field dictionary"


def test_every_declared_field_is_used_by_some_table():
    used = {c for t in TABLES.values() for c in t.fields}
    assert set(FIELDS) == used


def test_every_metric_in_metrics_csv_is_used_and_every_used_metric_is_declared():
    t = finsam.load()
    declared = set(t.metrics["metric"].astype(str))
    used = set(t.observations["metric"].astype(str))
    assert used <= declared
    assert declared - used == set(), f"declared but unused: {sorted(declared - used)}"


def test_metric_labels_exist_in_both_languages():
    t = finsam.load()
    for col in ("label_sv", "label_en", "description_sv", "description_en"):
        assert t.metrics[col].str.len().min() > 0


def test_percent_metrics_state_their_denominator():
    t = finsam.load()
    pct = t.metrics[t.metrics["unit"] == "percent"]
    assert pct["denominator"].notna().all()
    rates = t.metrics[t.metrics["metric_kind"].isin(["rate", "share"])]
    assert rates["denominator_metric"].notna().all()


def test_data_readme_documents_every_column_and_vocabulary():
    readme = (DATA / "README.md").read_text(encoding="utf-8")
    for name in FIELDS:
        assert f"`{name}`" in readme, name
    v = finsam.load().vocabulary
    for vocabulary, word in zip(v["vocabulary"], v["code"]):
        assert f"`{word}`" in readme, f"{vocabulary} {word}"
    t = finsam.load()
    for m in t.metrics["metric"].astype(str):
        assert f"`{m}`" in readme, m


def test_every_source_report_has_rows():
    t = finsam.load()
    counts = t.observations["source_id"].value_counts()
    assert (counts[list(t.sources["source_id"].astype(str))] >= 100).all()


def test_data_readme_lists_every_conflict_note():
    from finsam.devtools import readme_with_conflicts
    readme = (DATA / "README.md").read_text(encoding="utf-8")
    assert readme_with_conflicts(readme, finsam.load()) == readme, \
        "run `python -m finsam.devtools conflicts-readme` after changing conflict notes"


def test_data_readme_tables_are_what_the_schema_and_the_vocabulary_say():
    from finsam.devtools import readme_with_tables
    readme = (DATA / "README.md").read_text(encoding="utf-8")
    assert readme_with_tables(readme, DATA) == readme, \
        "run `python -m finsam.devtools data-readme` after changing the schema, metrics.csv or vocabulary.csv"


def test_the_readme_check_sees_a_stale_vocabulary_table():
    from finsam.devtools import readme_with_tables
    readme = (DATA / "README.md").read_text(encoding="utf-8")
    stale = readme.replace("| unit | `cases` | count |", "| unit | `cases` | percent |", 1)
    assert stale != readme and readme_with_tables(stale, DATA) == readme


def test_gender_classes_say_who_is_everyone_and_who_a_gap_compares():
    from finsam.data import semantics
    v = finsam.load().vocabulary
    g = v[v["vocabulary"].astype(str) == "gender"]
    classes = dict(zip(g["code"].astype(str), g["class"].astype(str)))
    assert [c for c, k in classes.items() if k == "everyone"] == [semantics.EVERYONE]
    assert semantics.compared_genders(v) == [c for c, k in classes.items() if k == "compared"]
    assert len(semantics.compared_genders(v)) == 2  # a gap is one difference: two groups
    assert set(classes.values()) <= {"everyone", "compared", "not_stated"}
