"""notebooks/add_report.ipynb, executed for real with papermill: a report taken out of a copy of
the data is extracted, reviewed (the rows a curator would accept), applied and its association's
pages rendered. nbval skips the notebook (its cells are tagged nbval-skip): its outputs depend on
the report it is given, so this test runs it instead."""
from __future__ import annotations

import csv
import shutil

import nbformat
import papermill as pm

from conftest import ROOT, cli
from extract_helpers import rows, without_report
from test_extract_workflow import _curated_keys
from finsam.extract import training
from finsam.extract.model import normal_name

REPORT = "husam-2012"
NOTEBOOK = ROOT / "notebooks" / "add_report.ipynb"


def test_every_code_cell_is_skipped_by_nbval_and_parameters_come_first():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert "parameters" in code[0].metadata.get("tags", [])
    assert all("nbval-skip" in c.metadata.get("tags", []) for c in code)


def test_the_notebook_brings_a_report_in(tmp_path, sources_dir):
    data, src, removed = without_report(tmp_path, sources_dir, REPORT)
    report = tmp_path / f"{REPORT}.txt"
    shutil.copy(sources_dir / f"{REPORT}.txt", report)
    train = tmp_path / "training.csv.gz"
    training.main(["--data", str(data), "--sources", str(src), "--output", str(train)])
    # the curator's choice: the candidates that state a removed row, with that row's note
    cands = tmp_path / "candidates.csv"
    code, _, err = cli("extract", str(report), "--data", str(data), "--training", str(train), "--output", str(cands))
    assert code == 0, err
    keys = _curated_keys(removed, data)
    accept, notes = [], {}
    with open(cands, encoding="utf-8") as f:
        for i, r in enumerate(csv.DictReader(f)):
            n = "ALL" if r["intervention"] == "ALL" else normal_name(r["intervention"])
            key = (float(r["value"]), r["metric"], r["gender"], n, int(r["period_start"]), int(r["period_end"]),
                   r["dimension"], r["category"])
            if key in keys:
                accept.append(i)
                if keys[key]:
                    notes[i] = keys[key]
    assert accept
    before = len(rows(data / "observations.csv"))
    out = tmp_path / "executed.ipynb"
    pm.execute_notebook(str(NOTEBOOK), str(out), kernel_name="python3", progress_bar=False, cwd=str(tmp_path),
                        parameters=dict(report=str(report), data_dir=str(data), sources_dir=str(src),
                                        training=str(train), association="husam", year=2012, accept_rows=accept, notes=notes,
                                        apply_changes=True, render_pages=True, output_dir=str(tmp_path / "pages"),
                                        reviewed_csv=str(tmp_path / "reviewed.csv")))
    executed = nbformat.read(out, as_version=4)
    text = "\n".join(o.get("text", "") for c in executed.cells if c.cell_type == "code" for o in c.outputs)
    added = [r for r in rows(data / "observations.csv") if r["source_id"] == REPORT]
    assert added and len(rows(data / "observations.csv")) == before + len(added)
    assert f"{len(added)} row(s) added" in text
    assert {normal_name(r["metric"]) for r in added} <= {normal_name(r["metric"]) for r in removed}
    assert "en/husam/" in text and "sv/husam/" in text
    assert (tmp_path / "pages" / "index.html").is_file()
    code, _, err = cli("validate", "--data", str(data), "--sources", str(src), "--quiet")
    assert code == 0, err
