"""The release declares only what the data are checked for, and its derived tables are finsam's
own answers: every foreign key of the release is one `finsam validate` enforces (breaking it in a
copy of the data is reported at its line); ``facts`` is ``resolve`` row for row; ``outcome_rates``
gives each association-year the rates its page shows (findings.headline); the parallel path
writes the same release as one process."""
from __future__ import annotations

import hashlib
import shutil
import sqlite3
import sys

import pandas as pd
import pytest

import finsam
from finsam.data.conflicts import resolve
from finsam.stats.findings import headline
from finsam.release import export, meta
from finsam.release.derived import derive, facts
from finsam.data.fields import TABLES
from finsam.stats.scope import REASONS
from finsam.data.validate import validate

from conftest import DATA, ROOT

sys.path.insert(0, str(ROOT / "bench"))
import synth  # noqa: E402


@pytest.mark.parametrize("ref", meta.REFERENCES, ids=lambda r: f"{r.table}.{'+'.join(r.fields)}")
def test_each_foreign_key_of_the_release_is_enforced_by_validation(tmp_path, ref):
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    path = data / TABLES[ref.table].filename
    df = pd.read_csv(path, dtype=str, keep_default_na=False)
    col = ref.fields[0]
    row = int((df[col] != "").to_numpy().argmax())
    assert df.at[row, col] != "", f"no row of {ref.table} names a {col}"
    df.at[row, col] = "no_such_id"
    df.to_csv(path, index=False, lineterminator="\n")
    errors = validate(data, provenance=False).errors
    line = row + 2
    assert any(e.path.endswith(path.name) and e.line == line for e in errors), [str(e) for e in errors[:10]]


def test_every_column_named_as_a_one_column_key_refers_to_its_table():
    named = {(r.table, r.fields[0]) for r in meta.REFERENCES}
    for name, table in TABLES.items():
        for target, t in TABLES.items():
            if target != name and len(t.primary_key) == 1 and t.primary_key[0] in table.fields:
                assert (name, t.primary_key[0]) in named


def test_derived_enumerations_come_from_the_vocabulary_and_the_population_reasons():
    v = finsam.load().vocabulary
    assert [c for c, _ in meta.enumeration("outcome_rates", "population_reason", v)] == list(REASONS)
    assert [c for c, _ in meta.enumeration("outcome_rates", "gender", v)] == \
        [c for a, c in zip(v["vocabulary"], v["code"]) if a == "gender"]
    assert meta.enumeration("facts", "sources", v) == []


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory):
    d = tmp_path_factory.mktemp("synthetic")
    synth.generate(30_011, d / "data", d / "sources")  # cuts the last group of rows in the middle
    return d


def test_facts_are_resolve_row_for_row(synthetic):
    fields = list(meta.DERIVED["facts"].fields)
    for t in (finsam.load(), finsam.load(synthetic / "data")):
        got, want = facts(t.observations), resolve(t.observations)[fields]
        pd.testing.assert_frame_equal(got, want)
        assert got["conflict"].any() == want["conflict"].any()
    real = facts(finsam.load().observations)
    assert real["conflict"].any() and (real["n_statements"] > 1).any()  # both paths were taken


def test_outcome_rates_are_the_rates_each_page_shows():
    t = finsam.load()
    _, rates = derive(t)
    renamed = dict(meta.DERIVED["outcome_rates"].renamed)
    shown = 0
    years = t.observations.loc[t.observations["period_start"] == t.observations["period_end"],
                               ["association_id", "period_start"]].drop_duplicates()
    for a, y in zip(years["association_id"].astype(str), years["period_start"]):
        h = headline(t, a, int(y))
        mine = rates[(rates["association_id"] == a) & (rates["year"] == int(y))]
        want = h.rates.rename(columns=renamed).reset_index(drop=True)
        if want.empty:
            assert mine.empty, (a, y)
            continue
        shown += 1
        assert set(mine["population"]) == {h.population.group}
        assert set(mine["population_reason"]) == {h.population.reason}
        assert set(mine["exit_unit"].fillna("")) == {h.unit}
        got = mine[list(want.columns)].reset_index(drop=True)
        for c in ("gender", "outcome"):
            got[c], want[c] = got[c].astype(str), want[c].astype(str)
        pd.testing.assert_frame_equal(got, want, check_dtype=False)
    assert shown >= 4 and len(rates) == sum(1 for _ in rates.itertuples())


def _digests(folder):
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in folder.rglob("*") if p.is_file()}


def test_worker_processes_write_the_same_release(tmp_path, synthetic):
    kw = dict(data_dir=synthetic / "data", sources_dir=synthetic / "sources")
    one = export(tmp_path / "one", parallel_from=10**9, **kw)
    many = export(tmp_path / "many", parallel_from=0, jobs=2, **kw)
    assert not one.parallel and many.parallel
    a, b = _digests(tmp_path / "one"), _digests(tmp_path / "many")
    assert set(a) == set(b)
    # the database is built differently (parts copied in), so its bytes differ; its content may not
    differ = {f for f in a if a[f] != b[f]}
    assert differ <= {"finsam.sqlite", one.layout.zip, ".finsam-release.json"}, differ
    dumps = []
    for name in ("one", "many"):
        con = sqlite3.connect(tmp_path / name / "finsam.sqlite")
        dumps.append(list(con.iterdump()))
        rowids = [r for (r,) in con.execute("SELECT rowid FROM observations ORDER BY rowid")]
        con.close()
        assert rowids == list(finsam.load(synthetic / "data").observations.index)
    assert dumps[0] == dumps[1]
    assert one.rows == many.rows and one.rows["facts"] > 0 and one.rows["outcome_rates"] > 0
