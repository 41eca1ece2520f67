"""Bad input, round two (issue 10): each case is provoked with real files (copies of the shipped
tables, edited), and must end with `path:line: message`, exit status 1 and no traceback."""
import csv
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import DATA, TABLE_FILES, cli, cli_subprocess, replace_in
from test_validate import TOTAL, append_row, edit_row


def validate(data_copy, sources=None, *extra):
    args = ["validate", "--data", str(data_copy)]
    args += ["--sources", str(sources)] if sources else ["--no-provenance"]
    code, out, err = cli(*args, *extra)
    assert "Traceback" not in out + err
    return code, out, err


def rows(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.reader(f))


# ---------------------------------------------------------------------------- 4: no tracebacks
@pytest.mark.parametrize("table", ["sources.csv", "associations.csv", "metrics.csv", "observations.csv"])
def test_header_only_table(data_copy, sources_dir, table):
    path = data_copy / table
    path.write_text(path.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
    res = cli_subprocess("validate", "--data", str(data_copy), "--sources", str(sources_dir))
    assert res.returncode == 1 and "Traceback" not in res.stderr
    assert f"{table}: {table} has a header but no rows" in res.stderr


def test_header_only_interventions_is_allowed_with_association_wide_figures(data_copy, sources_dir):
    (data_copy / "interventions.csv").write_text(",".join(rows(DATA / "interventions.csv")[0]) + "\n")
    r = rows(data_copy / "observations.csv")
    with open(data_copy / "observations.csv", "w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows([r[0]] + [x for x in r[1:] if x[4] == "ALL"])
    code, out, err = validate(data_copy, sources_dir)
    assert code == 0, err


def test_every_observation_row_invalid(data_copy, sources_dir):
    r = rows(data_copy / "observations.csv")
    for x in r[1:]:
        x[7] = "many"
    with open(data_copy / "observations.csv", "w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows(r)
    code, out, err = validate(data_copy, sources_dir)
    assert code == 1
    assert "observations.csv:2: value: 'many' is not a number" in err
    assert f"observations.csv:{len(r)}: value: 'many' is not a number" in err


def test_cr_only_line_endings_are_read_as_lines(data_copy, sources_dir):
    for name in TABLE_FILES:
        p = data_copy / name
        p.write_bytes(p.read_bytes().replace(b"\n", b"\r"))
    code, out, err = validate(data_copy, sources_dir)
    assert code == 0, err
    # and line numbers still count lines: break one row and find it named
    p = data_copy / "observations.csv"
    text = p.read_bytes().split(b"\r")
    idx = next(i for i, t in enumerate(text) if b"bhs-2018,bhs,2018,2018,ALL,participants,all,651," in t)
    text[idx] = text[idx].replace(b",651,participations,", b",651,people,")
    p.write_bytes(b"\r".join(text))
    code, out, err = validate(data_copy, sources_dir)
    assert code == 1 and f"observations.csv:{idx + 1}: unit: 'people': unknown unit" in err


def test_first_line_over_128_kib(data_copy):
    p = data_copy / "metrics.csv"
    p.write_bytes(b"metric" + b"x" * (130 * 1024) + b"\n" + p.read_bytes())
    code, out, err = validate(data_copy)
    assert code == 1 and "metrics.csv:1: the first line is" in err and "not a header" in err


def test_field_over_128_kib_in_a_row(data_copy):
    edit_row(data_copy / "observations.csv", TOTAL, note="n" * (130 * 1024))
    code, out, err = validate(data_copy)
    # a long field is no error in itself; it must not be a traceback either
    assert "Traceback" not in err
    p = data_copy / "observations.csv"
    p.write_bytes(p.read_bytes() + b'bhs-2018,bhs,2018,2018,ALL,participants,all,651,persons,"' + b"q" * (130 * 1024) + b"\n")
    code, out, err = validate(data_copy)
    assert code == 1 and "observations.csv:" in err and "Traceback" not in err


#: root reads files whatever their mode; without these two capabilities it obeys the mode bits
DROP_CAPS = ["setpriv", "--bounding-set=-dac_override,-dac_read_search",
             "--inh-caps=-dac_override,-dac_read_search"]


def _can_be_denied() -> bool:
    if os.geteuid() != 0:
        return True
    try:
        return subprocess.run([*DROP_CAPS, "true"], capture_output=True, timeout=30).returncode == 0
    except OSError:
        return False


def _as_unprivileged(args):
    exe = str(Path(sys.executable).with_name("finsam"))
    prefix = DROP_CAPS if os.geteuid() == 0 else []
    return subprocess.run([*prefix, exe, *args], capture_output=True, text=True, timeout=300)


@pytest.fixture
def open_copy(data_copy):
    yield data_copy.parent, data_copy
    for p in data_copy.parent.rglob("*"):  # let pytest remove it
        os.chmod(p, 0o755)


@pytest.mark.skipif(not _can_be_denied(), reason="cannot drop the capabilities that bypass file modes")
def test_unreadable_file(open_copy):
    home, data = open_copy
    os.chmod(data / "metrics.csv", 0o000)
    res = _as_unprivileged(["validate", "--data", str(data), "--no-provenance"])
    assert res.returncode == 1 and "Traceback" not in res.stderr
    assert "metrics.csv: cannot read the file: Permission denied" in res.stderr


@pytest.mark.skipif(not _can_be_denied(), reason="cannot drop the capabilities that bypass file modes")
def test_unreadable_folder(open_copy):
    home, data = open_copy
    os.chmod(data, 0o000)
    res = _as_unprivileged(["validate", "--data", str(data), "--no-provenance"])
    assert res.returncode == 1 and "Traceback" not in res.stderr
    assert "cannot read the file: Permission denied" in res.stderr


@pytest.mark.skipif(not _can_be_denied(), reason="cannot drop the capabilities that bypass file modes")
def test_unreadable_sources_folder_and_document(open_copy, sources_dir):
    home, data = open_copy
    src = home / "sources"
    shutil.copytree(sources_dir, src)
    os.chmod(src, 0o755)
    for f in src.iterdir():
        os.chmod(f, 0o644)
    os.chmod(src / "bhs-2018.txt", 0o000)
    res = _as_unprivileged(["validate", "--data", str(data), "--sources", str(src)])
    assert res.returncode == 1 and "Traceback" not in res.stderr
    assert "cannot read source document 'bhs-2018.txt' of bhs-2018: Permission denied" in res.stderr
    os.chmod(src, 0o000)
    res = _as_unprivileged(["validate", "--data", str(data), "--sources", str(src)])
    os.chmod(src, 0o755)
    assert res.returncode == 1 and "Traceback" not in res.stderr
    assert "cannot read the source texts folder: Permission denied" in res.stderr


# ---------------------------------------------------------------------------- 2: conflict notes
@pytest.mark.parametrize("note", ["conflict:", "conflict:   ", "Conflict: differs", "rounding: rounded"])
def test_a_conflict_note_must_say_what_disagrees(data_copy, note):
    line = edit_row(data_copy / "observations.csv", TOTAL, note=note)
    code, out, err = validate(data_copy)
    assert code == 1
    assert f"observations.csv:{line}: note: {note!r}: a note starting 'conflict:' or 'rounding:' must say what " \
           "disagrees" in err


def test_a_bare_conflict_note_does_not_explain_an_extra_value(data_copy):
    line = append_row(data_copy / "observations.csv", **{**TOTAL, "association_id": "bhs", "period_start": "2018",
                                                         "period_end": "2018", "value": "652", "unit": "persons",
                                                         "quote": "Totalt hade insatserna 652 deltagare",
                                                         "note": "conflict:"})
    code, out, err = validate(data_copy)
    assert code == 1 and "known conflict" not in err.split("\n")[0]
    assert f"observations.csv:{line}: note" in err


# ---------------------------------------------------------------------------- 3: ids are slugs
@pytest.mark.parametrize("bad", ["..", "javascript:alert(document.domain)//", "BHS", "bhs/x", "b hs", "bhs-",
                                 "bh\u0455", "bhs\u200b", "bhs\x07"])
def test_association_ids_are_slugs(data_copy, bad):
    # consistent everywhere, so that nothing but the id's form is wrong
    for name in ("associations.csv", "sources.csv", "interventions.csv", "observations.csv"):
        p = data_copy / name
        p.write_text(p.read_text(encoding="utf-8").replace("\nbhs,", f"\n{bad},").replace(",bhs,", f",{bad},"),
                     encoding="utf-8")
    code, out, err = validate(data_copy)
    assert code == 1
    assert "association_id: " in err and "not an id: use lower-case letters a-z" in err


def test_source_ids_are_slugs(data_copy):
    for name in ("sources.csv", "observations.csv"):
        replace_in(data_copy / name, "bhs-2018,", "bhs-2018\u200b,", count=10**6)
    code, out, err = validate(data_copy)
    assert code == 1 and "sources.csv:4: source_id: 'bhs-2018\\u200b': not an id" in err


@pytest.mark.parametrize("bad", ["Sluss\u0435n", "Slussen\u200d", "Slussen\x1b[31m"])
def test_intervention_names_without_look_alikes_or_control_characters(data_copy, bad):
    for name in ("interventions.csv", "observations.csv"):
        replace_in(data_copy / name, ",Slussen,", f",{bad},", count=10**6)
    code, out, err = validate(data_copy)
    assert code == 1 and "contains control, invisible or non-Latin look-alike characters" in err


# ---------------------------------------------------------------------------- 7: cross-table facts
def test_observation_association_must_be_its_sources(data_copy):
    line = edit_row(data_copy / "observations.csv", TOTAL, association_id="husam")
    code, out, err = validate(data_copy)
    assert code == 1
    assert f"observations.csv:{line}: association_id differs from the association of its source_id" in err


def test_report_year_must_match_the_source_id(data_copy):
    line = edit_row(data_copy / "sources.csv", {"source_id": "bhs-2018"}, report_year="2019")
    code, out, err = validate(data_copy)
    assert code == 1 and f"sources.csv:{line}: source_id must be <association_id>-<report_year>" in err


@pytest.mark.parametrize("changes", [dict(successor_id="husam", successor_from="2013-01-01"),  # itself
                                     None])  # husam -> bhs -> husam
def test_successor_cycles(data_copy, changes):
    if changes is None:
        edit_row(data_copy / "associations.csv", {"association_id": "bhs"}, successor_id="husam",
                 successor_from="2020-01-01")
        line = 2  # husam, the first row
    else:
        line = edit_row(data_copy / "associations.csv", {"association_id": "husam"}, **changes)
    code, out, err = validate(data_copy)
    assert code == 1 and f"associations.csv:{line}: successor_id leads back to this association" in err


@pytest.mark.parametrize("date,message", [("2013-02-30", "successor_from is not a date"),
                                          ("0013-01-01", "successor_from is not a date"),
                                          ("2012-01-01", "report_year is not before the year the association's "
                                                         "successor took over")])
def test_impossible_successor_from(data_copy, date, message):
    edit_row(data_copy / "associations.csv", {"association_id": "husam"}, successor_from=date)
    code, out, err = validate(data_copy)
    assert code == 1 and message in err


@pytest.mark.parametrize("value", [str(2 ** 63), str(2 ** 64 + 1), str(2 ** 53)])
def test_huge_counts(data_copy, value):
    line = edit_row(data_copy / "observations.csv", TOTAL, value=value)
    code, out, err = validate(data_copy)
    assert code == 1 and f"observations.csv:{line}: a count must be below 2**53" in err
    import finsam
    with pytest.raises(finsam.DataError, match="must be below 2"):
        finsam.load(data_copy, use_cache=False)


# ---------------------------------------------------------------------------- 10: smaller ones
@pytest.mark.parametrize("value,kind", [("NaN", "number"), ("nan", "number"), ("inf", "number"),
                                        ("8_36", "number"), ("1e3", "number"), ("0x10", "number"),
                                        (" 651 ", None)])
def test_numbers_are_plain_decimals(data_copy, value, kind):
    line = edit_row(data_copy / "observations.csv", TOTAL, value=value)
    code, out, err = validate(data_copy)
    if kind is None:  # surrounding blanks are harmless
        assert code == 0, err
    else:
        assert code == 1 and f"observations.csv:{line}: value: {value!r} is not a {kind}" in err
        assert "empty value" not in err


def test_years_are_plain_whole_numbers(data_copy):
    line = edit_row(data_copy / "observations.csv", TOTAL, period_start="2_018")
    code, out, err = validate(data_copy)
    assert code == 1 and f"observations.csv:{line}: period_start: '2_018' is not a whole number" in err


@pytest.mark.parametrize("document", ["../sources/bhs-2018.txt", "/etc/passwd", ".hidden.txt", "sub/bhs-2018.txt"])
def test_document_must_be_a_file_name_in_the_sources_folder(data_copy, sources_dir, document):
    line = edit_row(data_copy / "sources.csv", {"source_id": "bhs-2018"}, document=document)
    code, out, err = validate(data_copy, sources_dir)
    assert code == 1 and f"sources.csv:{line}: document: {document!r}: not a plain file name" in err


def test_document_that_links_out_of_the_sources_folder(data_copy, sources_dir, tmp_path):
    src = tmp_path / "sources"
    src.mkdir()
    for f in sources_dir.iterdir():
        shutil.copy(f, src / f.name)
    outside = tmp_path / "outside.txt"
    shutil.copy(sources_dir / "bhs-2018.txt", outside)
    (src / "bhs-2018.txt").unlink()
    (src / "bhs-2018.txt").symlink_to(outside)
    code, out, err = validate(data_copy, src)
    assert code == 1 and "source document 'bhs-2018.txt' of bhs-2018 lies outside the sources folder" in err


def test_sources_that_is_a_file(data_copy, sources_dir):
    code, out, err = validate(data_copy, sources_dir / "bhs-2018.txt")
    assert code == 1 and "the source texts folder is not a folder" in err


# ---------------------------------------------------------------------------- 2: quotes that cut numbers
FULL = "Totalt hade insatserna 651 deltagare under ar 2018"


@pytest.mark.parametrize("value,quote", [
    ("65", "Totalt hade insatserna 65"),         # ends inside 651
    ("51", "51 deltagare under ar 2018"),         # starts inside 651
    ("1", "1 deltagare under ar 2018"),
    ("201", "Totalt hade insatserna 651 deltagare under ar 201"),  # ends inside 2018
])
def test_a_quote_may_not_start_or_end_inside_a_number(data_copy, sources_dir, value, quote):
    text = (sources_dir / "bhs-2018.txt").read_text(encoding="utf-8")
    assert quote in text and FULL in text  # verbatim, cut by program from the same line
    line = edit_row(data_copy / "observations.csv", {**TOTAL, "quote": FULL}, value=value, quote=quote)
    code, out, err = validate(data_copy, sources_dir)
    assert code == 1
    assert f"observations.csv:{line}: quote starts or ends inside a number of bhs-2018.txt" in err


def test_a_quote_cut_at_number_boundaries_still_passes(data_copy, sources_dir):
    edit_row(data_copy / "observations.csv", {**TOTAL, "quote": FULL}, quote="insatserna 651")
    code, out, err = validate(data_copy, sources_dir)
    assert code == 0, err


def test_a_quote_that_cuts_a_decimal_number(tmp_path, data_copy, sources_dir):
    from finsam.data.provenance import SourceText
    t = SourceText("kostnaden uppgick till 70,5 tkr och 1\u00a0705 personer\n")
    assert t.find(["uppgick till 70"]) == set()
    assert t.find(["705 personer"]) == set()
    assert t.find(["uppgick till 70,5"]) == {"uppgick till 70,5"}
    assert t.find(["1\u00a0705 personer"]) == {"1\u00a0705 personer"}


# ---------------------------------------------------------------------------- 6: the load cache
@pytest.fixture
def cache(tmp_path, monkeypatch):
    from finsam.data import load as data
    d = tmp_path / "cache"
    monkeypatch.setenv("FINSAM_CACHE", str(d))
    data._MEMO.clear()
    yield d
    data._MEMO.clear()


def test_provenance_answer_follows_the_source_texts(cache, data_copy, sources_dir, tmp_path):
    import finsam
    from finsam.data import load as data
    src = tmp_path / "sources"
    shutil.copytree(sources_dir, src)
    finsam.load(data_copy, provenance=True, sources_dir=src)  # valid, cached in memory and on disk
    assert any(cache.iterdir())
    replace_in(src / "bhs-2018.txt", "Totalt hade insatserna 651 deltagare", "Totalt hade insatserna 615 deltagare")
    with pytest.raises(finsam.DataError, match="quote not found verbatim"):  # in the same process
        finsam.load(data_copy, provenance=True, sources_dir=src)
    data._MEMO.clear()  # as a fresh process would: only the disk cache is left
    with pytest.raises(finsam.DataError, match="quote not found verbatim"):
        finsam.load(data_copy, provenance=True, sources_dir=src)
    shutil.rmtree(src)  # vanished
    data._MEMO.clear()
    with pytest.raises(finsam.DataError, match="source texts folder not found"):
        finsam.load(data_copy, provenance=True, sources_dir=src)


def test_the_disk_cache_gives_back_the_tables_it_was_given(cache):
    """What a fresh process reads from the cache equals what validation built: every table's
    values and dtypes (categoricals with their order, Int64 counts, strings), version, conflicts."""
    import pandas as pd
    import finsam
    from finsam.data import load as data
    fresh = finsam.load(use_cache=False)
    finsam.load()  # written to the disk cache
    (folder,) = [p for p in cache.iterdir() if p.is_dir()]
    assert {p.name for p in folder.iterdir()} == data._CACHE_FILES
    data._MEMO.clear()
    cached = finsam.load()
    assert cached is not fresh
    for n in data.TABLE_ORDER:
        pd.testing.assert_frame_equal(cached[n], fresh[n], check_exact=True)
    assert cached.version == fresh.version and cached.conflicts == fresh.conflicts


def test_a_new_answer_prunes_old_answers_of_this_and_the_former_format_only(cache):
    """Hour-old answers written as Feather, or as Parquet before that, go when a new one is
    written; a folder of the same name holding anything else, or a recent one, stays."""
    import os
    import time
    import finsam
    from finsam.data import load as data
    cache.mkdir()
    two_hours_ago = time.time() - 7200
    folders = {}
    for i, (name, files) in enumerate({"feather": [f"{n}.feather" for n in data.TABLE_ORDER] + ["meta.json"],
                        "parquet": [f"{n}.parquet" for n in data.TABLE_ORDER] + ["meta.json"],
                        "foreign": ["meta.json", "notes.txt"], "recent": ["meta.json"]}.items()):
        d = cache / f"tables-{i:024x}"
        d.mkdir()
        for f in files:
            (d / f).write_bytes(b"x")
        if name != "recent":
            os.utime(d, (two_hours_ago, two_hours_ago))
        folders[name] = d
    finsam.load()  # a cache miss: writes its answer, then prunes
    assert not folders["feather"].exists() and not folders["parquet"].exists()
    assert folders["foreign"].exists() and folders["recent"].exists()


PAYLOAD = b"cos\nsystem\n(S'touch %s'\ntR."  # a pickle that runs a shell command when unpickled


def test_the_cache_folder_is_data_never_code(cache, tmp_path):
    import pandas as pd
    import finsam
    from finsam.core.version import code_version
    from finsam.data import load as data
    marker = tmp_path / "executed"
    fresh = finsam.load(use_cache=False)
    # what the pickle-based cache of earlier versions would have loaded for this data
    cache.mkdir()
    old = cache / f"tables-{data.data_version()}-{code_version('core', 'data')}-0.pkl"
    old.write_bytes(PAYLOAD % str(marker).encode())
    first = finsam.load()
    assert not marker.exists()
    # the cache's own files replaced by pickles: not run, not trusted, rebuilt
    (folder,) = [p for p in cache.iterdir() if p.is_dir()]
    for f in folder.glob("*.feather"):
        f.write_bytes(PAYLOAD % str(marker).encode())
    data._MEMO.clear()
    again = finsam.load()
    assert not marker.exists()
    for t in (first, again):
        for n in data.TABLE_ORDER:
            pd.testing.assert_frame_equal(t[n], fresh[n])
        assert t.version == fresh.version and t.conflicts == fresh.conflicts
    assert old.exists()  # and what it did not write, it leaves alone


# ---------------------------------------------------------------------------- 10: the command line
def test_validate_into_a_reader_that_stops_early(tmp_path):
    """`finsam validate | head -1`: the reader has what it wanted; exit 0, nothing on stderr. The
    pipe is made one page small, so finsam is still writing when the reader closes it."""
    exe = str(Path(sys.executable).with_name("finsam"))
    p = subprocess.Popen([exe, "validate", "--no-provenance"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         pipesize=4096)
    first = p.stdout.readline()
    p.stdout.close()
    err = p.stderr.read()
    assert p.wait(timeout=120) == 0, err
    assert first.startswith(b"known conflicts") and err == b""


def test_validate_piped_into_head():
    exe = str(Path(sys.executable).with_name("finsam"))
    res = subprocess.run(["bash", "-c", f"set -o pipefail; '{exe}' validate --no-provenance | head -1"],
                         capture_output=True, text=True, timeout=120)
    assert res.returncode == 0 and res.stderr == "" and len(res.stdout.splitlines()) == 1


def test_jobs_is_bounded_by_the_usable_cores(capsys):
    from finsam.cli import parser
    from finsam.core.cores import usable_cores
    assert parser().parse_args(["render", "--jobs", "1"]).jobs == 1
    args = parser().parse_args(["render", "--jobs", "30"])
    assert args.jobs == usable_cores() == len(os.sched_getaffinity(0))
    assert f"--jobs 30 is more than the {usable_cores()} usable core(s); using {usable_cores()}" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        parser().parse_args(["render", "--jobs", "0"])


# ---------------------------------------------------------------------------- 10: dollar signs in labels
@pytest.mark.parametrize("title", ["Cost $x^{$ per person", "Stöd $\\frac{1}{0}$ och $$"])
def test_dollar_signs_in_names_are_text_not_mathtext(tmp_path, title):
    import pandas as pd
    from finsam.views.plotting import bar_by_gender, finish_figure
    df = pd.DataFrame({"gender": ["women", "men"], "x": ["$a$", "$a$"], "y": [3, 4]})
    fig = bar_by_gender(df, "x", "y", title, "$ per participant")
    finish_figure(fig, "dollars", tmp_path)
    svg = (tmp_path / "dollars.svg").read_text(encoding="utf-8")
    from xml.sax.saxutils import escape
    assert escape(title) in svg and "$a$" in svg and "$ per participant" in svg
    assert (tmp_path / "dollars.png").read_bytes().startswith(b"\x89PNG")


@pytest.mark.skipif(not _can_be_denied(), reason="cannot drop the capabilities that bypass file modes")
def test_data_folder_behind_an_unreadable_folder(open_copy):
    home, data = open_copy
    os.chmod(home, 0o000)
    try:
        res = _as_unprivileged(["validate", "--data", str(data), "--no-provenance"])
    finally:
        os.chmod(home, 0o755)
    assert res.returncode == 1 and "Traceback" not in res.stderr
    assert "cannot read the data folder: Permission denied" in res.stderr
