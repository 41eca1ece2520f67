"""Incremental rendering (issue 15): which pages a change re-renders.

Unit tests of the plan on real tables and real files, and real renders (papermill, HTML) of a few
pages into temporary folders. The expected sets of pages are worked out from the jobs' own
parameters (which association a page is about), not from the fingerprints under test."""
from __future__ import annotations

import csv
import re
import shutil
from pathlib import Path

import pytest

import finsam
from finsam.site import incremental
from finsam.core import paths
from finsam.site.incremental import Fingerprinter, Page, load_manifest, plan, save_manifest
from finsam.site.render import plan as render_plan

from conftest import cli_subprocess


def edit_note(data_dir: Path, association: str, text: str = " (edited by a test)") -> None:
    """Append to the note of the first observation of ``association`` whose note explains nothing
    (a note starting with conflict:/rounding: changes what validation accepts)."""
    path = data_dir / "observations.csv"
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    col_a, col_n = rows[0].index("association_id"), rows[0].index("note")
    for r in rows[1:]:
        if r[col_a] == association and not r[col_n].lower().startswith(("conflict", "rounding")):
            r[col_n] = r[col_n] + text
            break
    else:
        raise AssertionError(f"test setup: no editable row of {association}")
    with open(path, "w", newline="", encoding="utf-8") as f:
        csv.writer(f, lineterminator="\n").writerows(rows)


def pages_of(tables, nb_dir=paths.NOTEBOOKS_DIR, package_dir=None) -> list[Page]:
    fp = Fingerprinter(tables, nb_dir, package_dir)
    return [fp.page(j) for j in render_plan(tables=tables)]


def manifest_of(pages: list[Page], out: Path) -> dict:
    """A manifest recording every page as rendered, with real (empty) output files."""
    m = {"format": incremental.FORMAT, "pages": {}}
    for p in pages:
        f = out / p.key
        f.parent.mkdir(parents=True, exist_ok=True)
        f.write_text("<html></html>")
        st = f.stat()
        m["pages"][p.key] = dict(fingerprint=p.fingerprint, version="0" * 12,
                                 files={p.key: [st.st_size, st.st_mtime_ns]})
    return m


@pytest.fixture
def before(data_copy, tmp_path):
    tables = finsam.load(data_copy)
    pages = pages_of(tables)
    out = tmp_path / "out"
    return data_copy, out, manifest_of(pages, out), pages


def test_nothing_changed_renders_nothing(before):
    data, out, manifest, pages = before
    todo, kept, reasons = plan(pages_of(finsam.load(data)), manifest, out)
    assert todo == [] and len(kept) == len(pages) and reasons == {}


def test_one_associations_rows_re_render_exactly_its_pages_and_the_overview(before):
    data, out, manifest, pages = before
    edit_note(data, "ostra-sodertorn")
    todo, kept, reasons = plan(pages_of(finsam.load(data)), manifest, out)
    expected = {p.key for p in pages if p.job.association in (None, "ostra-sodertorn")}
    assert {p.key for p in todo} == expected
    assert len(expected) > 1 and len(kept) == len(pages) - len(expected) > 0
    assert all(r == "data of ostra-sodertorn changed" for r in reasons.values()), reasons


def test_a_predecessors_rows_re_render_its_successors_pages_too(before):
    # a trend of BHS chains HUSAM's years (successor_id): HUSAM's rows are BHS's data as well
    data, out, manifest, pages = before
    edit_note(data, "husam")
    todo, _, reasons = plan(pages_of(finsam.load(data)), manifest, out)
    expected = {p.key for p in pages if p.job.association in (None, "husam", "bhs")}
    assert {p.key for p in todo} == expected
    assert any(k.split("/", 1)[1].startswith("bhs/") for k in expected)  # <language>/bhs/…
    assert all("data of husam changed" in r for r in reasons.values())


def test_a_code_change_re_renders_everything(before, tmp_path):
    data, out, manifest, pages = before
    pkg = tmp_path / "finsam-copy"
    shutil.copytree(paths.PACKAGE_DIR, pkg, ignore=shutil.ignore_patterns("__pycache__"))
    assert {p.key for p in plan(pages_of(finsam.load(data), package_dir=pkg), manifest, out)[1]} == \
        {p.key for p in pages}, "an identical copy of the package is the same code"
    with open(pkg / "plotting.py", "a", encoding="utf-8") as f:
        f.write("\n# a change\n")
    todo, kept, reasons = plan(pages_of(finsam.load(data), package_dir=pkg), manifest, out)
    assert len(todo) == len(pages) and kept == []
    assert set(reasons.values()) == {"code changed"}


def test_a_notebook_change_re_renders_that_notebooks_pages(before, tmp_path):
    data, out, manifest, pages = before
    nb_dir = tmp_path / "notebooks"
    shutil.copytree(paths.NOTEBOOKS_DIR, nb_dir)
    with open(nb_dir / "yearly_trend.ipynb", "a", encoding="utf-8") as f:
        f.write("\n")
    todo, _, reasons = plan(pages_of(finsam.load(data), nb_dir=nb_dir), manifest, out)
    assert {p.key for p in todo} == {p.key for p in pages if p.job.notebook == "yearly_trend"}
    assert set(reasons.values()) == {"notebook changed"}


def test_missing_or_replaced_output_and_force(before):
    data, out, manifest, pages = before
    gone, replaced = pages[0].key, pages[1].key
    (out / gone).unlink()
    (out / replaced).write_text("<html>something else, written by someone else</html>")
    todo, _, reasons = plan(pages_of(finsam.load(data)), manifest, out)
    assert reasons == {gone: "output missing", replaced: "output changed since it was rendered"}
    todo, kept, reasons = plan(pages_of(finsam.load(data)), manifest, out, force=True)
    assert len(todo) == len(pages) and not kept and set(reasons.values()) == {"--force"}


def test_unreadable_or_foreign_manifest_means_render_everything(tmp_path):
    (tmp_path / incremental.MANIFEST).write_text("{not json")
    assert load_manifest(tmp_path)["pages"] == {}
    (tmp_path / incremental.MANIFEST).write_text('{"format": 999, "pages": {"x": {}}}')
    assert load_manifest(tmp_path)["pages"] == {}
    entry = {"fingerprint": {}, "version": "v", "files": {"a.html": [1, 2]}}
    save_manifest(tmp_path, {"format": incremental.FORMAT, "pages": {"a.html": entry, "b.html": {"file": [1, 2]}, "c.html": {**entry, "files": {"c.html": [1]}}}})
    assert load_manifest(tmp_path)["pages"] == {"a.html": entry}  # b.html: not an entry of this format
    assert not list(tmp_path.glob("*.tmp"))


# ---------------------------------------------------------------------------- real renders
def _render(out, data, *args):
    res = cli_subprocess("render", "--output", str(out), "--data", str(data), "--jobs", "2", "--no-progress",
                         "--verbose", *args)
    assert res.returncode == 0, res.stdout + res.stderr
    return res


def _rendered(res) -> set[str]:
    """Pages the render says it rendered (its per-page 'ok' lines)."""
    return {m.group(1) for m in re.finditer(r"^ok\s+[\d.]+s\s+(\S+)", res.stdout, flags=re.M)}


def test_real_renders_re_render_only_what_changed(data_copy, tmp_path):
    out = tmp_path / "site"
    # two associations' pages in one language: enough to see which pages follow which rows
    sel = ["--notebook", "yearly_trend", "--association", "ostra-sodertorn", "--association", "bhs",
           "--metric", "cost", "--language", "en"]
    first = _render(out, data_copy, *sel)
    keys = {j.html_path for j in render_plan(["yearly_trend"], ["ostra-sodertorn", "bhs"], tables=finsam.load(data_copy),
                                             metrics=["cost"], languages=["en"])}
    assert len(keys) == 2
    assert _rendered(first) == keys
    stamps = {k: (out / k).stat().st_mtime_ns for k in keys}

    again = _render(out, data_copy, *sel)  # nothing changed: nothing rendered, index rebuilt
    assert _rendered(again) == set()
    assert f"; {len(keys)} up to date" in again.stdout
    assert {k: (out / k).stat().st_mtime_ns for k in keys} == stamps
    assert (out / "index.html").is_file()

    texts = {k: (out / k).read_text(encoding="utf-8") for k in keys}
    v1 = finsam.data_version(data_copy)
    edit_note(data_copy, "ostra-sodertorn")
    v2 = finsam.data_version(data_copy)
    third = _render(out, data_copy, *sel)
    ostra = {k for k in keys if k.split("/", 1)[1].startswith("ostra-sodertorn/")}  # <language>/ostra-…
    assert _rendered(third) == ostra and ostra
    assert all(f"render {k}: data of ostra-sodertorn changed" in third.stderr for k in ostra)
    for k in keys - ostra:  # kept as they were, but for the data version they state (re-stamped)
        assert f"re-stamp {k}: data version {v1} -> {v2}" in third.stderr
        assert (out / k).read_text(encoding="utf-8") == texts[k].replace(f"data version {v1}", f"data version {v2}")
    stamps = {k: (out / k).stat().st_mtime_ns for k in keys}

    victim = sorted(keys - ostra)[0]
    (out / victim).unlink()
    fourth = _render(out, data_copy, *sel)
    assert _rendered(fourth) == {victim}
    assert f"render {victim}: output missing" in fourth.stderr

    forced = _render(out, data_copy, *sel, "--force")
    assert _rendered(forced) == keys


def test_a_failed_page_is_not_marked_done(data_copy, tmp_path):
    out = tmp_path / "site"
    sel = ["--notebook", "overview", "--language", "en"]
    _render(out, data_copy, *sel)
    nb_dir = tmp_path / "notebooks"
    shutil.copytree(paths.NOTEBOOKS_DIR, nb_dir)
    import nbformat
    nb = nbformat.read(nb_dir / "overview.ipynb", as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell("raise RuntimeError('broken for a test')"))
    nbformat.write(nb, nb_dir / "overview.ipynb")
    res = cli_subprocess("render", "--output", str(out), "--data", str(data_copy), "--no-progress",
                         "--notebooks-dir", str(nb_dir), *sel)
    assert res.returncode == 1
    assert "en/all/overview.html" not in load_manifest(out)["pages"]
    res = _render(out, data_copy, *sel)  # the original notebook again: its page is rendered again
    assert _rendered(res) == {"en/all/overview.html"}


def test_validation_key_follows_every_input(data_copy, tmp_path):
    from finsam.site.incremental import validation_key
    src = tmp_path / "sources"
    src.mkdir()
    (src / "a.txt").write_text("Totalt 836 deltagare\n", encoding="utf-8")
    k = validation_key(data_copy, src, True)
    assert validation_key(data_copy, src, True) == k
    assert validation_key(data_copy, src, False) != k
    (src / "a.txt").write_text("Totalt 837 deltagare\n", encoding="utf-8")
    k2 = validation_key(data_copy, src, True)
    assert k2 != k
    edit_note(data_copy, "bhs")
    assert validation_key(data_copy, src, True) != k2
