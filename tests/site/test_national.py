"""The national scale (issue 26): synthetic data of many associations (bench/synth.py) with the
cases a national site meets on purpose (a missing year, a gender with no exits, a gender the
report gives no exit figures for) renders every page of those cases in both languages; the
overview compares many associations in a sorted dot plot; the index lists them in one compact
table linking their start pages. Real views, real notebooks' code, real files."""
from __future__ import annotations

import json
import re
import sys
import warnings

import pytest

from conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))
import synth  # noqa: E402

N = 10  # more than the index's and the overview's limits for the small site's layout


@pytest.fixture(scope="module")
def national(tmp_path_factory):
    import finsam
    d = tmp_path_factory.mktemp("national")
    synth.generate(None, d / "data", d / "sources", associations=N)
    return d, finsam.load(d / "data", use_cache=False)


def _edge(case):
    (number, year), = [(k or 5, y) for k, (c, y) in synth.EDGE_CASES.items() if c == case]
    return f"synth-{number:04d}", year


def test_the_synthetic_data_hold_the_edge_cases_and_are_valid(national):
    from finsam.data.validate import validate
    d, tables = national
    assert validate(d / "data", d / "sources", provenance=True).errors == []
    o = tables.observations
    a, y = _edge("missing_year")
    assert y not in set(o[o["association_id"] == a]["period_end"]) and {y - 1, y + 1} <= set(o[o["association_id"] == a]["period_end"])
    for case, gender in (("women_no_exits", "women"), ("men_no_exits", "men")):
        a, y = _edge(case)
        rows = o[(o["association_id"] == a) & (o["period_end"] == y) & (o["intervention"] == "ALL")
                 & (o["metric"] == "participants_exited")]
        assert dict(zip(rows["gender"].astype(str), rows["value"]))[gender] == 0
    a, y = _edge("women_not_stated")
    rows = o[(o["association_id"] == a) & (o["period_end"] == y) & (o["intervention"] == "ALL") & (o["gender"] == "women")]
    assert set(rows["metric"].astype(str)) == {"participants", "participants_new", "participants_share"}


def _run(job, code):
    g = dict(display=lambda *a, **k: None)
    exec(code[0], g)
    g.update(job.kwargs, figures_dir=None, language=job.language)
    for c in code[1:]:
        exec(c, g)


def test_every_page_of_the_edge_cases_renders_in_both_languages(national, monkeypatch):
    """The notebooks' own code, cell by cell, as papermill runs it (without a kernel, to keep this fast)."""
    import matplotlib
    from finsam.core import paths
    from finsam.site.render import plan
    d, tables = national
    monkeypatch.setenv("FINSAM_DATA", str(d / "data"))
    monkeypatch.setenv("FINSAM_SOURCES", str(d / "sources"))
    cases = [_edge(c) for c in ("missing_year", "women_no_exits", "men_no_exits", "women_not_stated")]
    jobs = [j for j in plan(tables=tables)
            if any(j.association == a and j.kwargs.get("year", y) == y for a, y in cases)
            and j.kwargs.get("metric", "exit_work_or_studies_rate") == "exit_work_or_studies_rate"]
    assert {j.language for j in jobs} == {"sv", "en"} and {j.notebook for j in jobs} >= {"gender_outcomes", "yearly_trend"}
    code = {}
    for j in jobs:
        if j.notebook not in code:
            nb = json.loads((paths.NOTEBOOKS_DIR / f"{j.notebook}.ipynb").read_text(encoding="utf-8"))
            code[j.notebook] = [compile("".join(c["source"]), j.notebook, "exec") for c in nb["cells"]
                                if c["cell_type"] == "code"]
    matplotlib.use("Agg")
    failed = []
    for j in jobs:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:
                _run(j, code[j.notebook])
            except Exception as e:  # noqa: BLE001 - every failure is listed
                failed.append(f"{j.notebook} {j.kwargs} {j.language}: {type(e).__name__}: {e}")
    assert not failed, "\n".join(failed)


def test_the_overview_compares_many_associations_in_a_sorted_dot_plot(national):
    from finsam.views.overview import BARS_UP_TO, Overview
    _, tables = national
    view = Overview(tables, lang="en")
    assert len(view.data) == N > BARS_UP_TO
    alt = view.figure().alt
    assert alt.startswith("Dot plot of ")
    # every association at its latest year (2023), the whole association's rate from its counts,
    # computed here from the observations; the alt text lists them from the highest
    o = tables.observations
    o = o[(o["period_end"] == 2023) & (o["intervention"] == "ALL") & (o["gender"] == "all")]
    name = dict(zip(tables.associations["association_id"], tables.associations["name"]))
    want = {}
    for a, g in o.groupby(o["association_id"].astype(str)):
        v = dict(zip(g["metric"].astype(str), g["value"]))
        want[name[a]] = round(100 * v["exit_work_or_studies"] / v["participants_exited"], 1)
    shown = re.findall(r"(Samordningsförbundet Syntet \d+) 2023: ([\d.]+) ?%", alt)
    assert {n: float(r) for n, r in shown} == want
    assert [float(r) for _, r in shown] == sorted(want.values(), reverse=True)


def test_the_index_lists_many_associations_in_one_table_linking_their_start_pages(national, tmp_path):
    from finsam.site import pages
    from finsam.site.render import plan
    _, tables = national
    jobs = plan(tables=tables)

    def write(p, b):
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(b)
    pages.write_indexes(tmp_path, jobs, {}, tables, "2026-12-05T00:00", ("sv",), write)
    html = (tmp_path / "sv" / "index.html").read_text(encoding="utf-8")
    rows = re.findall(r'<tr[^>]*><th scope="row"><a href="([^"]+)" title="[^"]+">([^<]+)</a></th><td>([^<]+)</td>', html)
    assert [name for _, name, _ in rows] == [f"Syntet {k}" for k in range(1, N + 1)]  # 2 before 10
    for href, name, years in rows:
        assert (tmp_path / "sv" / href).is_file()
        y = synth.EDGE_CASES[3][1]  # every association whose number is 3 modulo 5 misses that year
        assert years == (f"2014–{y - 1}, {y + 1}–2023" if int(name.split()[-1]) % 5 == 3 else "2014–2023")
    assert html.count('<ul class="reports">') == 1  # only the pages about every association keep their list
