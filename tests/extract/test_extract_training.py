"""The training set shipped with finsam extract is what data/ and the report texts give today (it
cannot go stale), and its labels are the curated rows' facts."""
from __future__ import annotations

import gzip


from conftest import DATA
from finsam.data import csvio
from finsam.extract import training


def test_the_shipped_training_set_is_a_fresh_rebuild(sources_dir, tmp_path):
    fresh = tmp_path / "training.csv.gz"
    assert training.main(["--data", str(DATA), "--sources", str(sources_dir), "--output", str(fresh)]) == 0
    assert gzip.decompress(training.SHIPPED.read_bytes()) == gzip.decompress(fresh.read_bytes()), (
        "finsam/extract/training.csv.gz is stale: rebuild it with python -m finsam.extract.training")
    assert training.main(["--data", str(DATA), "--sources", str(sources_dir), "--check"]) == 0


def test_labels_are_the_curated_rows():
    t = training.read()
    obs, _ = csvio.read_table(DATA, "observations")
    pos = t[t["metric"] != ""]
    # each labelled reading is the number of its curated row, scaled as that row's unit says
    rows = obs.loc[pos["obs_line"].astype(int)]
    assert (rows["metric"].astype(str).to_numpy() == pos["metric"].to_numpy()).all()
    value = pos["number"].astype(float).abs() * pos["factor"].astype(float)
    curated = rows["value"].astype(float).abs().to_numpy()
    assert ((value - curated).abs() <= 1e-6 * value.clip(lower=1)).all()
    # the quote of the curated row is on the reading's line
    assert all(q in line for q, line in zip(rows["quote"], pos["line_text"]))
    # almost every curated row is found in its text (the rest: OCR that breaks the number's digits)
    assert pos["obs_line"].nunique() >= 0.99 * len(obs)
    # numbers written as words are neither facts nor negatives (the curators leave them out)
    assert not t["word"].map({"True": True, "False": False}).any()
    # every report is in it, and most readings state no fact
    assert set(t["source_id"]) == set(csvio.read_table(DATA, "sources")[0]["source_id"].astype(str))
    assert (t["metric"] == "").mean() > 0.5
