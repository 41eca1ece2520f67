"""The report pages as a reader meets them, read from one real render of the whole site in both
languages (real papermill runs, real HTML): every page answers first ("I korthet / In brief" right
under its title, method words only inside the closed "Så har vi räknat / How we counted").

Each rule is a function over the rendered HTML that returns the problems it finds; a test runs it
over every page, and another runs it over a small hand-written page that breaks the rule, so a rule
that can no longer fail is noticed."""
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from finsam.texts import LANGUAGES, t

from conftest import cli_subprocess

#: method words a reader should meet only inside the folded method section: names of tests and
#: intervals, their statistics, p-values
JARGON = re.compile(r"Wilson|Newcombe|Mantel|Haenszel|Breslow|Fisher|Pearson|χ²|chi-squared|chi²|Yates|"
                    r"frihetsgrad|degrees of freedom|p-värde|p-value|\bp\s*[=<>]\s*[\d,.]+|score ?test|"
                    r"binomial ?test|Monte Carlo", re.IGNORECASE)
#: what counts as a block of content after the title
BLOCKS = ["p", "ul", "ol", "table", "img", "h2", "h3", "h4", "details", "pre", "blockquote"]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    out = tmp_path_factory.mktemp("pages")
    res = cli_subprocess("render", "--output", str(out), "--jobs", "2", "--no-progress")
    assert res.returncode == 0, res.stdout + res.stderr
    return out


def report_pages(out: Path) -> list[Path]:
    """Every report page of every language (not the indexes, start pages or the about page)."""
    return sorted(p for lang in LANGUAGES for p in (out / lang).glob("*/*.html") if p.name != "index.html")


def _soup(page: Path) -> BeautifulSoup:
    return BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")


def _lang(soup) -> str:
    return soup.html["lang"]


def brief_first_problems(html: str) -> list[str]:
    """The first block of content after the page's h1 must be the "I korthet / In brief" heading."""
    soup = BeautifulSoup(html, "html.parser")
    main = soup.find("main")
    h1 = main.find("h1")
    if h1 is None:
        return ["no h1"]
    first = h1.find_next(BLOCKS)
    want = t("brief.heading", _lang(soup)).lstrip("#").strip()
    got = first.get_text(" ", strip=True).rstrip("¶").strip() if first else ""
    if first is None or first.name not in ("h2", "h3") or got != want:
        return [f"after the title comes {first.name if first else 'nothing'} {got[:60]!r}, not {want!r}"]
    return []


def jargon_problems(html: str) -> list[str]:
    """No method words (test names, interval methods, p-values, degrees of freedom) outside the
    folded method section, in text or in a figure's alt text."""
    soup = BeautifulSoup(html, "html.parser")
    main = soup.find("main")
    problems = []
    for el in main.find_all(string=True):
        if el.find_parent("details") or el.find_parent(["script", "style"]):
            continue
        m = JARGON.search(str(el))
        if m:
            problems.append(f"{m.group(0)!r} above the method section: …{str(el)[max(0, m.start() - 40):m.end() + 20]}…")
    for img in main.find_all("img"):
        m = JARGON.search(img.get("alt", ""))
        if m and not img.find_parent("details"):
            problems.append(f"{m.group(0)!r} in a figure's alt text above the method section")
    return problems


def method_problems(html: str) -> list[str]:
    """A page with a method section has it closed, under "Så har vi räknat / How we counted"."""
    soup = BeautifulSoup(html, "html.parser")
    details = soup.find("main").find_all("details", class_="method")
    want = t("brief.method", _lang(soup))
    return [f"{len(details)} method sections"] if len(details) != 1 else \
        (["the method section is open"] if details[0].has_attr("open") else []) + \
        ([f"method section titled {details[0].summary.get_text(strip=True)!r}"]
         if details[0].summary.get_text(strip=True).rstrip("¶") != want else [])


def test_every_page_opens_with_the_brief_and_keeps_its_method_folded(site):
    pages = report_pages(site)
    assert len(pages) >= 2 * 30, "the render should hold every report page in both languages"
    problems = {}
    for page in pages:
        html = page.read_text(encoding="utf-8")
        found = brief_first_problems(html) + jargon_problems(html) + method_problems(html)
        if found:
            problems[page.relative_to(site).as_posix()] = found
    assert not problems, problems


BAD_PAGE = """<!DOCTYPE html><html lang="sv"><body><main>
<h1>Förbundet: deltagare och utfall efter kön, 2018</h1>
<p>Andelarna redovisas med 95 % konfidensintervall och skillnaden med ett test som passar för små tal.</p>
<h2>I korthet</h2><p>Under 2018 gick 36,6 % vidare till arbete eller studier.</p>
<table><tr><th>p-värde</th></tr><tr><td>0,032</td></tr></table>
<p>Skillnaden prövas med Fishers exakta test.</p><p>Resultat: p = 0,032.</p>
<img src="x.png" alt="Stapeldiagram med Wilsonintervall">
<details class="method"><summary><h2>Så har vi räknat</h2></summary><p>Newcombes metod.</p></details>
</main></body></html>"""


def test_the_page_rules_catch_method_text_above_the_brief():
    assert "Andelarna redovisas" in brief_first_problems(BAD_PAGE)[0]
    found = " ".join(jargon_problems(BAD_PAGE))
    for word in ("p-värde", "Fisher", "p = 0,032", "Wilson"):
        assert word in found, word
    assert "Newcombe" not in found  # inside the folded method: allowed
    good = BAD_PAGE.replace("<p>Andelarna redovisas med 95 % konfidensintervall och skillnaden med ett test som passar "
                            "för små tal.</p>\n", "")
    assert brief_first_problems(good) == []
    assert method_problems(BAD_PAGE) == []
    assert method_problems(BAD_PAGE.replace('class="method"', 'class="method" open'))


# ---------------------------------------------------------------------------- breadcrumbs and related pages
def _nav_links(page: Path, cls: str) -> list[tuple[str, str]]:
    nav = _soup(page).find("nav", class_=cls)
    return [] if nav is None else [(a.get_text(" ", strip=True), a["href"]) for a in nav.find_all("a")]


def _target(page: Path, href: str) -> Path:
    return (page.parent / href.split("#")[0]).resolve()


def test_every_report_page_has_a_breadcrumb_home_association_page(site):
    for page in report_pages(site):
        soup = _soup(page)
        lang = _lang(soup)
        nav = soup.find("nav", class_="breadcrumb")
        assert nav is not None and nav.get("aria-label") == t("nav.breadcrumb", lang), page
        links = _nav_links(page, "breadcrumb")
        assert links[0] == (t("nav.home", lang), "../index.html"), (page, links)
        association = page.parent.name
        if association != "all":
            assert _target(page, links[1][1]) == (site / lang / association / "index.html").resolve(), page
        current = nav.find(attrs={"aria-current": "page"})
        assert current is not None and nav.find_all("li")[-1].find(attrs={"aria-current": "page"}) is current
        for _, href in links + _nav_links(page, "related"):
            assert _target(page, href).is_file(), f"{page.relative_to(site)} links {href}, which does not exist"


def _year_pages(site: Path, lang: str, association: str, notebook: str) -> dict[int, Path]:
    """The pages of one notebook and association on disk, by year (read from the file names)."""
    found = {}
    for p in (site / lang / association).glob(f"{notebook}_{association}_*.html"):
        found[int(p.stem.rsplit("_", 1)[1])] = p.resolve()
    return found


@pytest.mark.parametrize("lang", LANGUAGES)
def test_year_pages_link_the_previous_and_next_year_that_exist_and_the_same_year(site, lang):
    checked = 0
    for assoc_dir in sorted((site / lang).iterdir()):
        if not assoc_dir.is_dir() or assoc_dir.name in ("all", "figures"):
            continue
        a = assoc_dir.name
        for notebook in ("gender_outcomes", "interventions", "participant_profile"):
            pages = _year_pages(site, lang, a, notebook)
            for year, page in pages.items():
                targets = {_target(page, h) for _, h in _nav_links(page, "related")}
                earlier = [y for y in pages if y < year]
                later = [y for y in pages if y > year]
                want = {pages[max(earlier)]} if earlier else set()
                want |= {pages[min(later)]} if later else set()
                for y, p in pages.items():  # no other year of the same page is linked
                    assert (p in targets) == (p in want), (page.name, y)
                for other in ("gender_outcomes", "interventions", "participant_profile"):
                    same = _year_pages(site, lang, a, other).get(year)
                    if other != notebook and same:
                        assert same in targets, (page.name, other)
                checked += 1
    assert checked >= 8
    # bhs has two years of the gender page: 2018 links back to 2017, 2017 forward to 2018
    p2018 = site / lang / "bhs" / "gender_outcomes_bhs_2018.html"
    texts = [x for x, _ in _nav_links(p2018, "related")]
    assert t("nav.previous", lang, year=2017) in texts and t("nav.next", lang, year=2019) not in texts


def test_cost_and_revenue_series_link_each_other(site):
    pairs = 0
    for lang in LANGUAGES:
        for cost in (site / lang).glob("*/yearly_trend_*_cost.html"):
            revenue = cost.with_name(cost.name.replace("_cost.html", "_revenue.html"))
            if revenue.is_file():
                assert revenue.resolve() in {_target(cost, h) for _, h in _nav_links(cost, "related")}
                assert cost.resolve() in {_target(revenue, h) for _, h in _nav_links(revenue, "related")}
                pairs += 1
    assert pairs >= 4


# ---------------------------------------------------------------------------- figures: source line and data
def test_every_figure_names_its_association_year_and_source_and_has_its_data_beside_it(site):
    import csv
    import io

    import pandas as pd
    tables_sources = pd.read_csv(Path(__file__).resolve().parents[2] / "data" / "sources.csv")
    names = pd.read_csv(Path(__file__).resolve().parents[2] / "data" / "associations.csv")
    name_of = dict(zip(names["association_id"], names["name"]))
    figures = 0
    for page in report_pages(site):
        soup = _soup(page)
        lang = _lang(soup)
        word = {"sv": "Källa:", "en": "Source:"}[lang]
        for img in soup.find("main").select(".jp-RenderedImage img"):
            figures += 1
            # a chart wider than a phone scrolls in its own labelled, focusable box, which says so
            box = img.parent
            assert "figure-wrap" in box.get("class", []) and box.get("role") == "region", page.name
            assert box.get("tabindex") == "0" and box.get("aria-label"), page.name
            hint = box.find_next_sibling()
            assert hint.name == "p" and "scroll-hint" in hint.get("class", []) and hint.get_text(strip=True)
            cap = hint.find_next("p")
            assert "figure-source" in cap.get("class", []), f"{page.name}: a figure without its source line"
            text = cap.get_text(" ", strip=True)
            assert word in text and not cap.has_attr("data-figure"), (page.name, text)
            association = page.parent.name
            if association != "all":  # the association's own report is named, with its year
                own = tables_sources[tables_sources["association_id"] == association]
                assert name_of[association] in text
                assert any(f"{int(y)}" in text for y in own["report_year"]), text
            links = {a.get_text(strip=True): _target(page, a["href"]) for a in cap.find_next("p").find_all("a")}
            assert {"CSV", "PNG", "SVG"} <= set(links), (page.name, links)
            for f in links.values():
                assert f.is_file(), f
            rows = list(csv.reader(io.StringIO(links["CSV"].read_text(encoding="utf-8-sig"))))
            assert rows[0] == [text] and len(rows) > 2
    assert figures >= 40
    # the gender page of bhs 2018: everyone's rate to work or studies, 90 of 246 in the report's text
    csv_file = site / "sv" / "figures" / "bhs" / "gender_outcomes_bhs_2018__outcomes.csv"
    rows = list(csv.reader(io.StringIO(csv_file.read_text(encoding="utf-8-sig"))))
    row = next(r for r in rows if r[:2] == ["Alla", "Arbete eller studier"])
    assert row[2] == f"{100 * 90 / 246:.1f}".replace(".", ",")


# ---------------------------------------------------------------------------- the release zip on the site
def test_the_index_and_about_page_link_the_release_zip_only_when_there_is_one(tmp_path):
    release = tmp_path / "release"
    res = cli_subprocess("export", "--output", str(release), "--formats", "sqlite")
    assert res.returncode == 0, res.stdout + res.stderr
    (zip_file,) = release.glob("finsam-data-*.zip")
    out = tmp_path / "site"
    args = ["render", "--output", str(out), "--notebook", "overview", "--language", "sv", "--no-progress"]
    res = cli_subprocess(*args, "--release", str(release))
    assert res.returncode == 0, res.stdout + res.stderr
    copied = out / "release" / zip_file.name
    assert copied.read_bytes() == zip_file.read_bytes()
    for page in (out / "sv" / "index.html", out / "sv" / "about.html"):
        a = _soup(page).select_one("#release a")
        assert a is not None and _target(page, a["href"]) == copied.resolve(), page
        text = a.find_parent("p").get_text(" ", strip=True)
        data_version = zip_file.stem.rsplit("-", 1)[1]
        assert data_version in text and ("MB" in text or "kB" in text), text
    # no release: no link, and a folder named without one gets a note, not a failure
    bare = tmp_path / "bare"
    res = cli_subprocess("render", "--output", str(bare), "--notebook", "overview", "--language", "sv", "--no-progress",
                         "--release", str(tmp_path / "nothing"), cwd=tmp_path)
    assert res.returncode == 0 and "no release linked" in res.stderr, res.stderr
    assert _soup(bare / "sv" / "index.html").select_one("#release") is None
    assert not (bare / "release").exists()
