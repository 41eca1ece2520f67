"""The site around the reports: languages, page frame, accessibility basics that can be checked
without a browser (make check-site runs axe-core and the Nu checker), file permissions.

Static checks run over a small real render in both languages; the finishing of nbconvert's HTML
and the site's texts are also checked on hand-made input."""
import os
import re
import shutil
import stat
from pathlib import Path

import nbformat
import pytest
from bs4 import BeautifulSoup

import finsam
import finsam.texts as i18n
from finsam.site import pages as site
from finsam.site.render import _language_parameter

from conftest import ROOT, cli_subprocess

LANGS = ("sv", "en")


# ---------------------------------------------------------------------------- texts
def test_every_site_text_has_both_languages_with_the_same_placeholders():
    assert set(i18n.LANGUAGES) == set(LANGS)
    for key, texts in i18n.TEXT.items():
        assert set(texts) == set(LANGS), key
        assert all(texts[l].strip() for l in LANGS), key
        assert i18n.placeholders(texts["sv"]) == i18n.placeholders(texts["en"]), key
        if key not in ("index.source_text",):  # "Text" is the same word in both languages
            assert texts["sv"] != texts["en"] or key.startswith("language."), key


def test_every_notebook_has_a_title_in_both_languages():
    from finsam.views.registry import NOTEBOOKS
    for name in NOTEBOOKS:
        assert i18n.t(f"notebook.{name}", "sv") and i18n.t(f"notebook.{name}", "en")


def test_unknown_language_is_rejected():
    with pytest.raises(ValueError, match="unknown language 'de'"):
        i18n.t("site.name", "de")


# ---------------------------------------------------------------------------- paths and titles
def test_language_switch_points_to_the_same_page_in_the_other_language():
    page = site.report_path("sv", "bhs", "gender_outcomes_bhs_2018")
    assert page == "sv/bhs/gender_outcomes_bhs_2018.html"
    assert site.in_language(page, "en") == "en/bhs/gender_outcomes_bhs_2018.html"
    assert site.href(page, site.in_language(page, "en")) == "../../en/bhs/gender_outcomes_bhs_2018.html"
    assert site.href(page, site.index_path("sv")) == "../index.html"
    assert site.href("sv/index.html", page) == "bhs/gender_outcomes_bhs_2018.html"


def test_titles_use_metric_labels_and_the_association_name():
    tables = finsam.load()
    metric = str(tables.metrics["metric"].iloc[0])
    m = tables.metrics.set_index(tables.metrics["metric"].astype(str))
    title = site.report_title("yearly_trend", {"association": "bhs", "metric": metric}, "sv", tables)
    assert title == f"Utveckling år för år — {m.loc[metric, 'label_sv']} — Samordningsförbundet Botkyrka Huddinge Salem"
    en = site.report_title("gender_outcomes", {"association": "bhs", "year": 2018}, "en", tables)
    assert en == "Participants and outcomes by gender — 2018 — Samordningsförbundet Botkyrka Huddinge Salem"
    assert metric not in title


def test_language_is_passed_only_to_notebooks_that_declare_it(tmp_path):
    nb = nbformat.v4.new_notebook(metadata={"kernelspec": {"name": "python3", "language": "python",
                                                           "display_name": "Python 3"},
                                            "language_info": {"name": "python"}})
    nb.cells = [nbformat.v4.new_code_cell("figures_dir = None", metadata={"tags": ["parameters"]})]
    without = tmp_path / "without.ipynb"
    nbformat.write(nb, without)
    nb.cells[0].source += '\nlanguage = "en"'
    with_ = tmp_path / "with.ipynb"
    nbformat.write(nb, with_)
    assert _language_parameter(without, "sv") == {}
    assert _language_parameter(with_, "sv") == {"language": "sv"}


# ---------------------------------------------------------------------------- finishing nbconvert's HTML
PANDAS_PAGE = """<!DOCTYPE html><html lang="sv"><head><title>x</title></head><body><main>
<h1>First</h1><h2>Rates</h2>
<div><style scoped="">.dataframe tbody tr th { vertical-align: top; }</style>
<table border="1" class="dataframe"><thead>
<tr style="text-align: right;"><th></th><th colspan="2">Women</th></tr>
<tr><th>outcome</th><th>n</th><th>%</th></tr></thead>
<tbody><tr><th>Work</th><td>3</td><td>30</td></tr></tbody></table></div>
<h1>Second</h1>
<img src="data:image/png;base64,AAAA" alt="No description has been provided for this image">
<img src="data:image/png;base64,AAAA" alt="Bars of the outcome rates, women 30 %">
</main></body></html>"""


def test_finish_report_gives_tables_captions_and_scopes_and_keeps_one_h1():
    soup = BeautifulSoup(site.finish_report(PANDAS_PAGE, "sv", "Titel"), "html.parser")
    assert not soup.body.find_all("style")
    table = soup.find("table")
    assert "border" not in table.attrs
    assert table.caption.get_text() == "Tabell 1: Rates"
    assert table.parent["role"] == "region" and table.parent["aria-label"] == "Tabell 1: Rates"
    heads = [(th.get_text(), th.get("scope")) for th in table.find_all("th")]
    assert heads == [("Women", "colgroup"), ("outcome", "col"), ("n", "col"), ("%", "col"), ("Work", "row")]
    assert table.find("thead").find("td") is not None  # the empty corner is no header
    assert [h.get_text() for h in soup.find_all("h1")] == ["First"]
    assert [h.get_text() for h in soup.find_all("h2")] == ["Rates", "Second"]
    alts = [img["alt"] for img in soup.find_all("img")]
    assert alts == ["Diagram 1: Second", "Bars of the outcome rates, women 30 %"]


def test_finish_report_aligns_the_missing_mark_as_a_number_and_lets_words_wrap():
    """'–' stands where a number would (the report gives none): it is right-aligned with the
    numbers of its column, not set as words; a cell of words may wrap."""
    html = ("<html><body><main><h1>T</h1><table><caption>Tabell</caption><thead><tr><th></th><th>Alla</th>"
            "<th>Kvinnor</th></tr></thead><tbody><tr><th>Nya</th><td>399</td><td>\u2013</td></tr>"
            "<tr><th>Not</th><td>rapporten anger inte</td><td>12</td></tr></tbody></table></main></body></html>")
    soup = BeautifulSoup(site.finish_report(html, "sv", "T", "sv"), "html.parser")
    cells = {td.get_text(): td.get("class") or [] for td in soup.select("tbody td")}
    assert "text" not in cells["\u2013"] and "text" not in cells["399"]
    assert "text" in cells["rapporten anger inte"]


def test_finish_report_adds_the_title_as_h1_when_the_page_has_none():
    soup = BeautifulSoup(site.finish_report("<html><body><main><p>x</p></main></body></html>", "en", "A title"),
                         "html.parser")
    assert [h.get_text() for h in soup.find_all("h1")] == ["A title"]


def test_finish_figure_carries_alt_text_given_or_derived():
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from finsam.views.plotting import finish_figure

    def figure():
        fig, ax = plt.subplots()
        ax.bar([0, 1], [30, 40], label="Kvinnor")
        ax.set_xticks([0, 1], ["Arbete", "Studier"])
        ax.set_title("Utfall 2018")
        ax.set_ylabel("Procent av avslutade")
        ax.legend()
        return fig

    derived = finish_figure(figure(), "x", None)._repr_png_()[1]["alt"]
    assert derived == "Utfall 2018 (Procent av avslutade; Kvinnor; Arbete, Studier)"
    given = finish_figure(figure(), "x", None, alt="Kvinnor: arbete 30 %, studier 40 %")._repr_png_()[1]["alt"]
    assert given == "Kvinnor: arbete 30 %, studier 40 %"


# ---------------------------------------------------------------------------- a small real render
@pytest.fixture(scope="module")
def small_site(tmp_path_factory):
    """Two reports in both languages; the overview notebook declares `language` and shows it."""
    tmp = tmp_path_factory.mktemp("site")
    nb_dir = tmp / "notebooks"
    shutil.copytree(ROOT / "notebooks", nb_dir)
    path = nb_dir / "overview.ipynb"
    nb = nbformat.read(path, as_version=4)
    params = next(c for c in nb.cells if "parameters" in c.metadata.get("tags", []))
    assert "\nlanguage = " in "\n" + params.source  # the overview declares its language itself
    nb.cells.append(nbformat.v4.new_code_cell('from IPython.display import Markdown\nMarkdown(f"LANGUAGE={language}")'))
    nbformat.write(nb, path)
    out = tmp / "reports"
    for selection in (["--notebook", "gender_outcomes", "--association", "bhs", "--year", "2018"],
                      ["--notebook", "overview"]):
        res = cli_subprocess("render", "--output", str(out), "--notebooks-dir", str(nb_dir), "--jobs", "2",
                             "--no-progress", *selection)
        assert res.returncode == 0, res.stdout + res.stderr
    return out


def _pages(out: Path) -> list[Path]:
    return sorted(out.rglob("*.html"))


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_each_language_is_a_site_of_its_own(small_site):
    for lang in LANGS:
        assert (small_site / lang / "index.html").is_file()
        assert (small_site / lang / "bhs" / "gender_outcomes_bhs_2018.html").is_file()
        assert (small_site / lang / "all" / "overview.html").is_file()
        assert list((small_site / lang / "figures" / "bhs").glob("*.png"))
    assert not list(small_site.glob("*/*/*.tmp"))


def test_pages_declare_their_language(small_site):
    for page in _pages(small_site):
        lang = page.relative_to(small_site).parts[0]
        expected = lang if lang in LANGS else "sv"
        assert _soup(page).html["lang"] == expected, page


def test_notebooks_that_declare_a_language_speak_the_page_language(small_site):
    """gender_outcomes declares `language`: its Swedish page is Swedish, its English page English,
    and neither marks its main text as another language."""
    sv = _soup(small_site / "sv" / "bhs" / "gender_outcomes_bhs_2018.html")
    assert sv.html["lang"] == "sv" and not sv.find("main").has_attr("lang")
    assert "deltagare och utfall efter kön" in sv.find("main").get_text()
    en = _soup(small_site / "en" / "bhs" / "gender_outcomes_bhs_2018.html")
    assert not en.find("main").has_attr("lang")
    assert "participants and outcomes by gender" in en.find("main").get_text()
    overview_sv = _soup(small_site / "sv" / "all" / "overview.html")  # declares `language`: its own
    assert not overview_sv.find("main").has_attr("lang")


def test_language_reaches_notebooks_that_declare_it(small_site):
    for lang in LANGS:
        assert f"LANGUAGE={lang}" in (small_site / lang / "all" / "overview.html").read_text(encoding="utf-8")


def test_every_page_has_one_h1_landmarks_viewport_and_a_unique_title(small_site):
    titles = []
    for page in _pages(small_site):
        soup = _soup(page)
        assert len(soup.find_all("h1")) == 1, page
        assert soup.find("main") is not None, page
        assert soup.find("meta", attrs={"name": "viewport"}) is not None, page
        assert not soup.body.find_all("style"), page
        if page.parent != small_site:
            assert soup.find("header") and soup.find("nav") and soup.find("footer"), page
            footer = soup.find("footer").get_text()
            assert finsam.data_version() in footer and f"finsam {finsam.__version__}" in footer, page
        titles.append(soup.title.get_text())
    assert len(set(titles)) == len(titles), titles


def test_report_pages_link_back_and_to_the_other_language(small_site):
    for lang in LANGS:
        for page in (small_site / lang).glob("*/*.html"):
            soup = _soup(page)
            targets = {a["lang"] if a.has_attr("lang") else "": (page.parent / a["href"]).resolve()
                       for a in soup.find("header").find_all("a", href=True)}
            assert targets[""] == (small_site / lang / "index.html").resolve(), page
            other = "en" if lang == "sv" else "sv"
            assert targets[other] == (small_site / other / page.relative_to(small_site / lang)).resolve()
            assert targets[other].is_file()


def test_figures_have_alt_text_and_tables_captions_and_scopes(small_site):
    figures = tables = 0
    for page in (small_site / "sv").glob("*/*.html"):  # report pages
        soup = _soup(page)
        for img in soup.find_all("img"):
            figures += 1
            alt = img.get("alt", "")
            assert alt.strip() and alt != site.NBCONVERT_DEFAULT_ALT and not re.match(r"figure \d+ of", alt), page
        for table in soup.find_all("table"):
            tables += 1
            assert table.caption is not None and table.caption.get_text(strip=True), page
            assert all(th.get("scope") for th in table.find_all("th")), page
            assert all(th.get_text(strip=True) for th in table.find_all("th")), page
    assert figures and tables


def test_index_links_reports_by_their_titles_and_thumbnails_to_the_report(small_site):
    soup = _soup(small_site / "sv" / "index.html")
    reports = soup.select("ul.reports a")
    texts = [a.get_text(" ", strip=True) for a in reports]
    assert len(set(texts)) == len(texts)
    assert all(a["href"].endswith(".html") for a in soup.find_all("a", href=True) if not a["href"].startswith("#"))
    for img in soup.find_all("img"):  # thumbnails sit inside their report's link, which names it
        link = img.find_parent("a")
        assert link["href"].endswith(".html") and img["alt"] == "" and link.get_text(strip=True)
    assert "Deltagare och utfall per kön — 2018" in texts[0] or any("Deltagare och utfall per kön" in t for t in texts)
    contents = [a["href"] for a in soup.select("nav.contents a")]
    assert "#bhs" in contents and "#all" in contents
    # the site's one stance on what its intervals mean, once, on the index of each language
    assert "#about" in contents
    for lang in ("sv", "en"):
        about = _soup(small_site / lang / "index.html").select("section#about p")
        assert [p.get_text(" ", strip=True) for p in about] == [
            i18n.t("index.about_intervals", lang), i18n.t("index.about_multiplicity", lang)]


def test_rendered_files_are_readable_as_the_umask_says(small_site):
    mask = os.umask(0o022)
    os.umask(mask)
    for page in list(_pages(small_site)) + list(small_site.rglob("*.png")):
        assert stat.S_IMODE(page.stat().st_mode) == 0o666 & ~mask, page


def test_one_language_renders_only_that_language(tmp_path):
    out = tmp_path / "reports"
    res = cli_subprocess("render", "--output", str(out), "--notebook", "overview", "--language", "en", "--no-progress")
    assert res.returncode == 0, res.stdout + res.stderr
    assert (out / "en" / "all" / "overview.html").is_file() and not (out / "sv").exists()
    root = _soup(out / "index.html")
    assert [a["href"] for a in root.find_all("a", href=True)] == ["en/index.html"]
    header = _soup(out / "en" / "all" / "overview.html").find("header")
    assert not header.find_all("a", attrs={"lang": "sv"})  # no switch to a language the site does not hold
    res = cli_subprocess("render", "--output", str(out), "--notebook", "overview", "--language", "de")
    assert res.returncode == 2 and "invalid choice: 'de'" in res.stderr
