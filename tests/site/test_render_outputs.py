"""What a page's render wrote, provoked for real (issue 27, "wrong results"): real ``finsam render``
runs into temporary output folders, files deleted, replaced or planted by hand between them.

- every file a page's render wrote (page, PNG and SVG figures, the tables' CSV and .xlsx) is
  recorded; a deleted or changed one renders the page again;
- a page's figures are the files its kernel saved, never a file found by its name; a foreign file
  is never listed, linked, recorded, replaced or deleted;
- no page states a data version it was not rendered (or provably re-stamped) for.

Expected files are read from the rendered page itself (its download links, its embedded images),
expected versions from :func:`finsam.data_version` of the data folder, not from the manifest under
test."""
from __future__ import annotations

import io
import json
import re
import zipfile
from pathlib import Path

import pytest

import finsam
from finsam.site import incremental
from finsam.site.render import GENERATED_MARK

from conftest import cli_subprocess
from test_incremental import edit_note

PAGE = "en/bhs/gender_outcomes_bhs_2018.html"  # a page with a figure and tables
FIGURES = "en/figures/bhs"
STEM = "gender_outcomes_bhs_2018"
SEL = ["--notebook", "gender_outcomes", "--association", "bhs", "--year", "2018", "--language", "en"]


def _render(out: Path, *args: str, data: Path | None = None, ok: bool = True):
    res = cli_subprocess("render", "--output", str(out), "--no-progress", "--verbose",
                         *(["--data", str(data)] if data else []), *args)
    assert "Traceback" not in res.stdout + res.stderr, res.stderr
    if ok:
        assert res.returncode == 0, res.stdout + res.stderr
    return res


def _rendered(res) -> set[str]:
    return {m.group(1) for m in re.finditer(r"^ok\s+[\d.]+s\s+(\S+)", res.stdout, flags=re.M)}


def _manifest(out: Path) -> dict:
    return json.loads((out / incremental.MANIFEST).read_text(encoding="utf-8"))


def _expected_files(out: Path) -> set[str]:
    """The files the page's render must have written, read from the page: the page, each download
    it links, and a PNG and an SVG per figure it shows."""
    html = (out / PAGE).read_text(encoding="utf-8")
    downloads = {f"{FIGURES}/{Path(h).name}" for h in re.findall(r'<a download="" href="([^"]+)"', html)
                 + re.findall(r'<a href="([^"]+)" download=""', html)}
    main = html[html.index("<main"):]
    n_figures = main.count("data:image/png;base64,")
    assert downloads and n_figures, "test setup: the page has tables and a figure"
    figures = {f for f in (f"{FIGURES}/{p.name}" for p in (out / FIGURES).iterdir())
               if f.endswith((".png", ".svg")) and Path(f).name.startswith(STEM + "__")}
    assert len(figures) == 2 * n_figures, figures
    return {PAGE} | downloads | figures


# ---------------------------------------------------------------------------- every file is recorded
def test_every_file_a_page_wrote_is_recorded_and_a_missing_or_changed_one_re_renders_it(tmp_path):
    out = tmp_path / "out"
    _render(out, *SEL)
    expected = _expected_files(out)
    assert set(_manifest(out)["pages"][PAGE]["files"]) == expected
    kinds = {Path(f).suffix for f in expected}
    assert kinds == {".html", ".png", ".svg", ".csv", ".xlsx"}, kinds

    svg = next(f for f in sorted(expected) if f.endswith(".svg"))
    (out / svg).unlink()
    res = _render(out, *SEL)
    assert _rendered(res) == {PAGE}
    assert f"render {PAGE}: {svg} missing" in res.stderr
    assert (out / svg).is_file()

    xlsx = next(f for f in sorted(expected) if f.endswith(".xlsx"))
    (out / xlsx).unlink()
    res = _render(out, *SEL)
    assert _rendered(res) == {PAGE} and (out / xlsx).is_file()

    csv = next(f for f in sorted(expected) if f.endswith(".csv"))
    (out / csv).write_text("edited by hand\n", encoding="utf-8")
    res = _render(out, *SEL)
    assert _rendered(res) == {PAGE}
    assert f"render {PAGE}: {csv} changed since it was rendered" in res.stderr
    assert "edited by hand" not in (out / csv).read_text(encoding="utf-8")

    res = _render(out, *SEL)  # and now all of it is as written: nothing to do
    assert _rendered(res) == set() and "; 1 up to date" in res.stdout


# ---------------------------------------------------------------------------- foreign files
def test_a_foreign_figure_named_like_the_pages_is_never_shown_recorded_or_touched(tmp_path):
    out = tmp_path / "out"
    foreign = out / FIGURES / f"{STEM}__x.png"
    foreign.parent.mkdir(parents=True)
    foreign.write_bytes(b"\x89PNG\r\n\x1a\n not finsam's")
    before = foreign.stat()
    _render(out, *SEL)
    _render(out, *SEL, "--force")
    for index in ("en/index.html", "en/bhs/index.html", "index.html"):
        assert f"{STEM}__x" not in (out / index).read_text(encoding="utf-8"), index
    assert f"{STEM}__outcomes.png" in (out / "en/index.html").read_text(encoding="utf-8")  # its own figure is
    m = _manifest(out)
    assert not any(f"{STEM}__x" in f for f in incremental.known_files(m)), m
    after = foreign.stat()
    assert (after.st_ino, after.st_mtime_ns, after.st_size) == (before.st_ino, before.st_mtime_ns, before.st_size)


@pytest.mark.parametrize("name", [f"{STEM}__outcomes.svg", f"{STEM}__data-1.csv"])
def test_a_foreign_file_where_a_figure_or_download_goes_refuses_the_page(tmp_path, name):
    out = tmp_path / "out"
    foreign = out / FIGURES / name
    foreign.parent.mkdir(parents=True)
    foreign.write_text("someone else's file", encoding="utf-8")
    res = _render(out, *SEL, ok=False)
    assert res.returncode == 1
    assert re.search(rf"FAILED .*{re.escape(PAGE)} .*refusing to replace {re.escape(str(foreign))}: "
                     "finsam did not write it", res.stdout), res.stdout
    assert foreign.read_text(encoding="utf-8") == "someone else's file"
    # nothing of the page was written: not its page, not its other figures and downloads
    assert not (out / PAGE).exists()
    assert sorted(p.name for p in (out / FIGURES).iterdir()) == [name]


def test_a_manifest_of_the_previous_format_lets_finsam_replace_its_own_files(tmp_path):
    """An output folder rendered before every file was recorded (format 1: pages and PNGs only):
    the SVGs and downloads that finsam always wrote beside them are still finsam's to replace."""
    out = tmp_path / "out"
    _render(out, *SEL)
    m = _manifest(out)
    old = {"format": 1, "files": m["files"], "pages": {PAGE: {
        "fingerprint": m["pages"][PAGE]["fingerprint"], "file": m["pages"][PAGE]["files"][PAGE][:2],
        "figures": {f: st[:2] for f, st in m["pages"][PAGE]["files"].items() if f.endswith(".png")}}}}
    (out / incremental.MANIFEST).write_text(json.dumps(old), encoding="utf-8")
    res = _render(out, *SEL)
    assert _rendered(res) == {PAGE}
    assert _manifest(out)["format"] == incremental.FORMAT


# ---------------------------------------------------------------------------- the data version
def _versions_in(path: Path) -> list[str]:
    """Every data version a file states ("data version <12 hex digits>"), members of an .xlsx included."""
    data = path.read_bytes()
    if path.suffix == ".xlsx":
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            data = b"".join(z.read(i) for i in z.infolist())
    return re.findall(rb"data version ([0-9a-f]{12})", data)


def _without_timestamp(path: Path):
    if path.suffix == ".html":
        return [l for l in path.read_text(encoding="utf-8").splitlines() if GENERATED_MARK not in l]
    if path.suffix == ".xlsx":
        with zipfile.ZipFile(io.BytesIO(path.read_bytes())) as z:
            return {i.filename: z.read(i) for i in z.infolist()}
    return path.read_bytes()


def test_no_page_states_a_data_version_it_was_not_rendered_for(data_copy, tmp_path):
    out = tmp_path / "site"
    sel = SEL  # (a page whose rows changed is rendered again: test_incremental.py)
    first = _render(out, *sel, data=data_copy)
    assert _rendered(first) == {PAGE}
    v1 = finsam.data_version(data_copy)
    files = incremental.known_files(_manifest(out)) - set(_manifest(out)["files"])
    stamped = [f for f in files if f.endswith((".html", ".csv", ".xlsx"))]
    assert {v.decode() for f in stamped for v in _versions_in(out / f)} == {v1}
    figures = {f: (out / f).stat().st_mtime_ns for f in files if f.startswith(FIGURES) and f.endswith((".png", ".svg"))}
    assert figures

    edit_note(data_copy, "ostra-sodertorn")  # bhs's pages read none of these rows
    v2 = finsam.data_version(data_copy)
    assert v2 != v1
    second = _render(out, *sel, data=data_copy)
    assert _rendered(second) == set()  # bhs's page is not rendered again …
    assert f"re-stamp {PAGE}: data version {v1} -> {v2}" in second.stderr
    for f in stamped:  # … but no file of either page states the old version
        found = {v.decode() for v in _versions_in(out / f)}
        assert found == {v2}, (f, found)
    assert (out / PAGE).read_text(encoding="utf-8").count(f"data version {v2}") == 2  # footer, citation
    assert {f: (out / f).stat().st_mtime_ns for f in figures} == figures  # its figures untouched
    # re-stamped is what a render from the new data writes (the render date aside)
    fresh = tmp_path / "fresh"
    _render(fresh, *SEL, data=data_copy)
    for f in stamped:
        assert _without_timestamp(out / f) == _without_timestamp(fresh / f), f
    # and recorded: the next render has nothing to do
    third = _render(out, *sel, data=data_copy)
    assert _rendered(third) == set() and "re-stamp" not in third.stderr


def test_a_file_that_does_not_state_its_version_as_written_is_not_re_stamped(tmp_path):
    phrase = incremental.version_phrase("en", "0123456789ab")
    new = incremental.version_phrase("en", "ba9876543210")
    page = tmp_path / "p.html"
    assert incremental._restamped(page, b"<p>" + phrase + b"</p><p>" + phrase + b"</p>", phrase, new).count(new) == 2
    with pytest.raises(incremental.Unstampable, match="3 time"):
        incremental._restamped(page, (b"<p>" + phrase + b"</p>") * 3, phrase, new)
    with pytest.raises(incremental.Unstampable, match="0 time"):
        incremental._restamped(tmp_path / "t.csv", b"no version here\n", phrase, new)
