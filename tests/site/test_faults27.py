"""Bad input and faults, round three (issue 27), provoked for real: tables edited to state a part
larger than its whole, output folders with links and other people's files in them, unreadable
files, broken manifests. Each ends with one line naming the file and the problem, a non-zero
exit and no traceback; nothing foreign is replaced."""
from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from conftest import cli, cli_subprocess

Q = "Totalt har Samordningsförbundet haft 836 deltagare/ärenden i tio insatser under året"


def _append(data: Path, *rows: str) -> int:
    """Append observation rows; returns the line number of the first."""
    p = data / "observations.csv"
    text = p.read_text(encoding="utf-8")
    first = text.count("\n") + (0 if text.endswith("\n") else 1) + 1
    p.write_text(text.rstrip("\n") + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return first


# ---------------------------------------------------------------------------- part ≤ whole
@pytest.mark.parametrize("rows,message", [
    # one gender only, larger than everyone: no sum to check, but a part may not exceed its whole
    (["husam-2012,husam,2012,2012,Kugghjulen,unique_individuals,all,48,persons,x,,,",
      "husam-2012,husam,2012,2012,Kugghjulen,unique_individuals,women,50,persons,x,,,"],
     "genders stated exceed everyone for unique_individuals (husam 2012–2012 Kugghjulen): women 50 > all 48"),
    # the unknown gender alone
    (["husam-2012,husam,2012,2012,Kugghjulen,unique_individuals,all,48,persons,x,,,",
      "husam-2012,husam,2012,2012,Kugghjulen,unique_individuals,unknown,49,persons,x,,,"],
     "genders stated exceed everyone"),
    # one category only, larger than the total
    (["husam-2012,husam,2012,2012,Kugghjulen,unique_individuals,all,48,persons,x,,,",
      "husam-2012,husam,2012,2012,Kugghjulen,unique_individuals,all,50,persons,x,,municipality,Haninge"],
     "unique_individuals by municipality does not add up to its total 48"),
])
def test_a_part_larger_than_its_whole_is_refused_whatever_parts_are_present(data_copy, rows, message):
    line = _append(data_copy, *rows)
    code, out, err = cli("validate", "--data", str(data_copy), "--no-provenance", "--quiet")
    assert code == 1 and "Traceback" not in err
    hit = [x for x in err.splitlines() if message in x]
    assert hit, err[-2000:]
    assert re.match(rf".*observations\.csv:{line}: ", hit[0]), hit[0]


# ---------------------------------------------------------------------------- never outside --output, never over a foreign file
def _render(out: Path, *extra: str, lang: str = "en"):
    return cli_subprocess("render", "--output", str(out), "--notebook", "overview", "--language", lang,
                          "--no-progress", *extra)


def test_a_language_folder_linking_elsewhere_gets_no_index_through_it(tmp_path):
    out, elsewhere = tmp_path / "out", tmp_path / "elsewhere"
    out.mkdir()
    elsewhere.mkdir()
    (out / "en").symlink_to(elsewhere)
    res = _render(out)
    assert res.returncode == 1 and "Traceback" not in res.stderr + res.stdout
    assert "lies outside the output folder" in res.stdout + res.stderr
    assert list(elsewhere.iterdir()) == []


@pytest.mark.parametrize("rel", ["index.html", "en/index.html"])
def test_a_users_own_index_is_never_replaced(tmp_path, rel):
    out = tmp_path / "out"
    mine = out / rel
    mine.parent.mkdir(parents=True)
    mine.write_text("<p>my own page</p>")
    res = _render(out)
    assert res.returncode == 1 and "Traceback" not in res.stderr
    line = [x for x in res.stderr.splitlines() if "refusing to replace" in x]
    assert line == [f"finsam: refusing to replace {mine}: finsam did not write it (it is not in "
                    f"{out / '.finsam-manifest.json'}); move it away or choose another --output"], res.stderr
    assert mine.read_text() == "<p>my own page</p>"
    assert (out / "en" / "all" / "overview.html").is_file()  # the report itself is rendered


def test_a_foreign_file_where_a_page_goes_refuses_that_page(tmp_path):
    out = tmp_path / "out"
    page = out / "en" / "all" / "overview.html"
    page.parent.mkdir(parents=True)
    page.write_text("someone else's overview")
    res = _render(out)
    assert res.returncode == 1 and "Traceback" not in res.stderr
    assert re.search(r"FAILED .*en/all/overview\.html .*refusing to replace .*finsam did not write it", res.stdout)
    assert page.read_text() == "someone else's overview"


def test_finsams_own_files_are_replaced_and_recorded(tmp_path):
    out = tmp_path / "out"
    assert _render(out).returncode == 0
    m = json.loads((out / ".finsam-manifest.json").read_text())
    assert {"index.html", "en/index.html"} <= set(m["files"])
    # a manifest lost: finsam's own pages (they carry its frame's mark) may still be replaced
    (out / ".finsam-manifest.json").unlink()
    res = _render(out, "--force")
    assert res.returncode == 0, res.stdout + res.stderr


# ---------------------------------------------------------------------------- no tracebacks
def test_a_manifest_that_is_a_folder(tmp_path):
    out = tmp_path / "out"
    (out / ".finsam-manifest.json").mkdir(parents=True)
    res = _render(out)
    assert res.returncode == 1 and "Traceback" not in res.stderr + res.stdout
    assert f"finsam: cannot write {out / '.finsam-manifest.json'}: it is a folder" in res.stderr


@pytest.mark.parametrize("entry", ["x", {"fingerprint": {}, "file": [1, 2], "figures": [1]}])
def test_a_manifest_entry_of_the_wrong_type_is_rendered_again(tmp_path, entry):
    out = tmp_path / "out"
    assert _render(out).returncode == 0
    p = out / ".finsam-manifest.json"
    m = json.loads(p.read_text())
    m["pages"]["en/all/overview.html"] = entry
    m["files"] = {"not": "a list"}
    p.write_text(json.dumps(m))
    res = _render(out)
    assert res.returncode == 0 and "Traceback" not in res.stderr, res.stderr
    assert re.search(r"ok .*en/all/overview\.html", res.stdout)


from test_bad_input import DROP_CAPS, _can_be_denied  # noqa: E402


def _unprivileged(*args):
    import subprocess
    import sys
    exe = str(Path(sys.executable).with_name("finsam"))
    prefix = DROP_CAPS if os.geteuid() == 0 else []
    return subprocess.run([*prefix, exe, *args], capture_output=True, text=True, timeout=600)


@pytest.mark.skipif(not _can_be_denied(), reason="cannot drop the capabilities that bypass file modes")
@pytest.mark.parametrize("where", ["table", "unrelated data file", "unrelated source file"])
def test_render_on_an_unreadable_file_says_so_in_one_line(tmp_path, data_copy, sources_dir, where):
    import shutil
    src = tmp_path / "sources"
    shutil.copytree(sources_dir, src)
    victim = {"table": data_copy / "metrics.csv", "unrelated data file": data_copy / "notes.txt",
              "unrelated source file": src / "scratch.txt"}[where]
    victim.write_text("private") if not victim.exists() else None
    os.chmod(victim, 0o000)
    try:
        res = _unprivileged("render", "--data", str(data_copy), "--sources", str(src), "--output",
                            str(tmp_path / "out"), "--notebook", "overview", "--language", "en", "--no-progress")
    finally:
        os.chmod(victim, 0o644)
    assert "Traceback" not in res.stderr + res.stdout, res.stderr[-3000:]
    if where == "table":
        assert res.returncode == 1
        assert "metrics.csv: cannot read the file: Permission denied" in res.stderr
    else:  # a file finsam does not read is no reason to stop
        assert res.returncode == 0, res.stderr[-3000:]


def test_a_non_utf8_path_is_printed_escaped_under_strict_stdout(tmp_path):
    import subprocess
    import sys
    exe = os.fsencode(Path(sys.executable).with_name("finsam"))
    bad = os.fsencode(tmp_path) + b"/d\xffata"
    os.mkdir(bad)
    res = subprocess.run([exe, b"validate", b"--data", bad, b"--no-provenance"], capture_output=True,
                         env={**os.environ, "PYTHONIOENCODING": "utf-8:strict"}, timeout=300)
    err = res.stderr.decode("utf-8")  # valid UTF-8: the odd byte is escaped
    assert res.returncode == 1 and "Traceback" not in err, err
    assert "d\\udcffata" in err


def test_validate_piped_into_head_keeps_the_failure(data_copy):
    import subprocess
    import sys
    from conftest import replace_in
    replace_in(data_copy / "observations.csv", ",836,cases,", ",837,cases,")  # no longer the quote's number
    exe = Path(sys.executable).with_name("finsam")
    res = subprocess.run(["bash", "-c", f"set -o pipefail; '{exe}' validate --data '{data_copy}' | head -1"],
                         capture_output=True, text=True, timeout=300)
    assert res.returncode == 1 and "Traceback" not in res.stderr


@pytest.mark.parametrize("opt", ["--data", "--sources", "--output"])
def test_an_empty_folder_option_is_a_usage_error(opt):
    code, out, err = cli("render" if opt == "--output" else "validate", opt, "")
    assert code == 2 and f"finsam: {opt} is empty: give a folder" in err


def test_the_site_is_never_written_into_the_curated_data(data_copy):
    before = sorted(p.name for p in data_copy.iterdir())
    for out in (data_copy, data_copy / "site"):
        res = cli_subprocess("render", "--data", str(data_copy), "--output", str(out), "--notebook", "overview",
                             "--no-progress")
        assert res.returncode == 1 and "Traceback" not in res.stderr
        assert "it is (inside) the curated data folder" in res.stderr
    assert sorted(p.name for p in data_copy.iterdir()) == before


# ---------------------------------------------------------------------------- wrong results: the table cache
@pytest.mark.parametrize("module", ["data/semantics.py", "data/fields.py", "data/csvio.py", "core/errors.py"])
def test_a_change_to_any_module_the_typed_tables_depend_on_misses_the_warm_cache(tmp_path, data_copy, module):
    """A copy of the package loads the tables (the cache is warm); then one module under core/ or
    data/ changes: the next load must compute the tables with the new code (a new cache entry),
    not serve the old ones. A change elsewhere (a view) keeps the cache."""
    import shutil
    import subprocess
    import sys
    from finsam.core.paths import PACKAGE_DIR
    pkg, cache = tmp_path / "pkg", tmp_path / "cache"
    shutil.copytree(PACKAGE_DIR, pkg / "finsam", ignore=shutil.ignore_patterns("__pycache__"))
    env = {**os.environ, "PYTHONPATH": str(pkg), "FINSAM_CACHE": str(cache), "FINSAM_DATA": str(data_copy)}
    probe = "import finsam; t = finsam.load(); print(finsam.__file__)"  # run in tmp_path: the copy comes first

    def entries():
        res = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True, timeout=300,
                             cwd=tmp_path)
        assert res.returncode == 0 and res.stdout.strip().startswith(str(pkg)), res.stderr[-2000:]
        return sorted(p.name for p in cache.iterdir() if p.name.startswith("tables-"))
    warm = entries()
    assert len(warm) == 1 and entries() == warm  # the second load is served from the cache
    view = pkg / "finsam" / "views" / "fmt.py"
    view.write_text(view.read_text(encoding="utf-8") + "\n# a change the tables do not depend on\n", encoding="utf-8")
    assert entries() == warm
    target = pkg / "finsam" / module
    target.write_text(target.read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
    after = entries()
    assert len(after) == 2 and set(warm) < set(after)


# ---------------------------------------------------------------------------- wrong results: what validation lets in
def test_a_table_linked_to_a_file_outside_the_data_folder_is_not_read(tmp_path, data_copy):
    secret = tmp_path / "secret.csv"
    secret.write_text("TOP-SECRET-FIRST-LINE\n")
    (data_copy / "metrics.csv").unlink()
    (data_copy / "metrics.csv").symlink_to(secret)
    code, out, err = cli("validate", "--data", str(data_copy), "--no-provenance")
    assert code == 1 and "Traceback" not in err
    assert "metrics.csv: table metrics.csv is a link to a file outside" in err
    assert "TOP-SECRET" not in out + err


@pytest.mark.parametrize("name", ["Lyra ", " Lyra", "Lyra\u00a0projekt", "ALL ", "Lyra  projekt"])
def test_intervention_names_that_look_like_others_are_refused(data_copy, name):
    from conftest import replace_in
    replace_in(data_copy / "interventions.csv", "\nhusam,Kugghjul Processtöd,", f"\nhusam,{name},")
    code, out, err = cli("validate", "--data", str(data_copy), "--no-provenance", "--quiet")
    assert code == 1 and "Traceback" not in err
    assert re.search(r"interventions\.csv:5: .*special space or spaces at its ends", err), err


@pytest.mark.parametrize("value", ["８３６", "٨٣٦", "8\u06636"])
def test_digits_of_other_scripts_are_not_numbers(data_copy, value):
    from conftest import replace_in
    replace_in(data_copy / "observations.csv", ",836,cases,", f",{value},cases,")
    code, out, err = cli("validate", "--data", str(data_copy), "--no-provenance", "--quiet")
    assert code == 1 and "Traceback" not in err
    assert f"observations.csv:2: value: {value!r} is not a number" in err, err


@pytest.mark.parametrize("note", ["conflict: line 5", "conflict: see 12", "rounding: 10,7"])
def test_a_conflict_note_of_two_words_is_no_explanation(data_copy, note):
    from conftest import replace_in
    replace_in(data_copy / "observations.csv", ",participants/cases (deltagare/ärenden) in ten interventions,",
               f",{note},")
    code, out, err = cli("validate", "--data", str(data_copy), "--no-provenance", "--quiet")
    assert code == 1 and "Traceback" not in err
    assert "observations.csv:2: " in err and "note" in err, err


def test_rendering_one_language_then_both_links_the_first_languages_pages_to_the_second(tmp_path):
    out = tmp_path / "out"
    assert _render(out, lang="sv").returncode == 0
    page = out / "sv" / "all" / "overview.html"
    assert 'hreflang="en"' not in page.read_text(encoding="utf-8") and "../../en/" not in page.read_text(encoding="utf-8")
    res = cli_subprocess("render", "--output", str(out), "--notebook", "overview", "--no-progress", "--verbose")
    assert res.returncode == 0, res.stderr
    assert "render sv/all/overview.html: the site's languages changed" in res.stderr
    assert "../../en/all/overview.html" in page.read_text(encoding="utf-8")
