"""The rendered site around the reports: where each page lives, the frame every page shares
(language, title, header with the way back and the language switch, footer with the data version
and date), the finishing of nbconvert's HTML for readers and assistive technology, and the
indexes.

Layout of the output folder::

    index.html                     choose a language (both languages on one page)
    sv/index.html, en/index.html   the reports of one language, grouped by association
    <lang>/<association>/<report>.html, <lang>/all/<report>.html
    <lang>/figures/<association>/<report>__<figure>.png|.svg

Each language is a whole site of its own (pages, figures, index), with the same relative paths,
so the language switch of a page points to the same path under the other language.
"""
from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass

from finsam.core import names
from finsam.core.names import EVERY_ASSOCIATION
from finsam.texts import LANGUAGES, t
from finsam.views import fmt
from finsam.views.labels import code_label, short_name

GENERATED_MARK = "finsam-generated"  # marks the one line of a page that differs between renders
NBCONVERT_DEFAULT_ALT = "No description has been provided for this image"

#: One stylesheet for every page. Text colours meet WCAG AA contrast on white (#1a1a1a 17:1,
#: #0b4f8a links 8:1, #555 secondary text 7.5:1, #a4001d errors 7.6:1).
CSS = """
:root { color-scheme: light; }
body { font-family: "DejaVu Sans", system-ui, sans-serif; line-height: 1.5; color: #1a1a1a; background: #fff;
  max-width: 86rem; margin: 0 auto; padding: 0 1rem 2rem; overflow-wrap: break-word; }
main p, main li { max-width: 48rem; }
a { color: #0b4f8a; }
a:focus-visible, [tabindex]:focus-visible { outline: 3px solid #0b4f8a; outline-offset: 2px; }
.skip { position: absolute; left: -999rem; }
.skip:focus { position: static; display: inline-block; margin: .5rem 0; }
.visually-hidden { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden;
  clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
header.site { display: flex; flex-wrap: wrap; justify-content: space-between; gap: .5rem 1rem; align-items: baseline;
  border-bottom: 1px solid #ccc; padding: .6rem 0; margin-bottom: 1rem; }
header.site ul { list-style: none; display: flex; gap: 1rem; margin: 0; padding: 0; }
footer.site { border-top: 1px solid #ccc; margin-top: 2rem; padding-top: .6rem; color: #555; font-size: .9rem; }
h1 { font-size: 1.7rem; line-height: 1.25; margin: .5rem 0; }
h2 { font-size: 1.3rem; border-bottom: 1px solid #ccc; padding-bottom: .2rem; margin-top: 2rem; }
h3 { font-size: 1.1rem; }
img { max-width: 100%; height: auto; }
pre { white-space: pre-wrap; }
.table-wrap { overflow-x: auto; margin: .8rem 0; }
.figure-wrap { overflow-x: auto; }
.table-wrap.scrolls, .figure-wrap.scrolls { background: linear-gradient(to left, #fff 0, rgba(255,255,255,0) 2rem) right / 2rem 100% no-repeat local,
  linear-gradient(to left, rgba(0,0,0,.18), rgba(0,0,0,0)) right / .8rem 100% no-repeat scroll; }
.scroll-hint { display: none; color: #555; font-size: .85rem; margin: .2rem 0 0; }
.table-wrap.scrolls + .scroll-hint, .figure-wrap.scrolls + .scroll-hint { display: block; }
table { border-collapse: collapse; font-size: .85rem; font-variant-numeric: tabular-nums; }
caption { text-align: left; font-weight: bold; padding: .3rem 0; caption-side: top; max-width: 48rem; }
th, td { padding: .2rem .35rem; border-bottom: 1px solid #ddd; vertical-align: top; }
thead th, thead td { border-bottom: 2px solid #888; text-align: right; min-width: 3.5rem; max-width: 8rem;
  hyphens: auto; overflow-wrap: normal; }
tbody th { text-align: left; font-weight: normal; min-width: 7rem; max-width: 14rem; }
td { text-align: right; white-space: nowrap; }
td.text { white-space: normal; min-width: 7rem; max-width: 16rem; text-align: left; }
p.empty { color: #555; font-style: italic; }
table.about th, table.about td { text-align: left; max-width: 40rem; }
p.downloads { font-size: .85rem; margin: .2rem 0 1rem; }
p.figure-source { font-size: .85rem; color: #555; margin: .3rem 0 0; }
section.cite { margin-top: 2rem; color: #555; font-size: .9rem; }
details.method { margin-top: 2rem; border-top: 1px solid #ccc; }
details.method > summary { cursor: pointer; }
details.method > summary h2 { display: inline; border: 0; font-size: 1.3rem; }
@media (max-width: 40rem) {
  body { padding: 0 .6rem 2rem; }
  h1 { font-size: 1.4rem; }
  /* a phone shows a chart at its drawn size, sideways in its own scroll box: text stays readable */
  .figure-wrap img { max-width: none; width: 42rem; }
  /* tables reflow: one block per row, each value with its column's name; no number is cut */
  .table-wrap.reflow { overflow-x: visible; }
  .reflow table, .reflow tbody, .reflow tr, .reflow td, .reflow tbody th { display: block; width: auto; max-width: none; }
  .reflow thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
  .reflow caption { display: block; }
  .reflow tr { border-bottom: 2px solid #888; padding: .3rem 0; }
  .reflow tbody th { font-weight: bold; border: 0; }
  .reflow td { display: flex; justify-content: space-between; gap: 1rem; white-space: normal; border: 0;
    text-align: right; min-width: 0; }
  .reflow td::before { content: attr(data-label); text-align: left; color: #555; flex: 1 1 50%; }
  .reflow td > * { flex: 0 1 auto; }
}
@page { size: A4; margin: 14mm 12mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  header.site, .skip, .scroll-hint, nav.contents, nav.breadcrumb, nav.related, p.downloads { display: none; }
  a { color: inherit; text-decoration: none; }
  .table-wrap, .figure-wrap { overflow: visible; }
  .table-wrap.scrolls, .figure-wrap.scrolls { background: none; }
  table { font-size: 7.5pt; width: 100%; }
  th, td { padding: .1rem .25rem; white-space: normal; min-width: 0; max-width: none; }
  td { white-space: nowrap; }
  td.text, tbody th { white-space: normal; min-width: 0; max-width: 9rem; }
  thead th { max-width: 6rem; }
  .table-wrap.scrolls + .scroll-hint, .figure-wrap.scrolls + .scroll-hint { display: none; }
  tr, img, .figure-wrap, caption { break-inside: avoid; }
  h1, h2, h3, caption { break-after: avoid; }
  .jp-OutputArea-output:has(img) { break-inside: avoid; }
  img { max-width: 100% !important; width: auto; }
  details.method > summary { list-style: none; }
}
nav.breadcrumb ol { list-style: none; display: flex; flex-wrap: wrap; gap: .2rem .4rem; margin: 0 0 .4rem; padding: 0;
  font-size: .9rem; color: #555; }
nav.breadcrumb li + li::before { content: "›"; margin-right: .4rem; color: #555; }
nav.related { margin-top: 2rem; border-top: 1px solid #ccc; }
nav.related h2 { font-size: 1.1rem; border: 0; }
nav.related h3 { font-size: 1rem; margin: .8rem 0 .2rem; }
nav.related ul { margin: 0; padding-left: 1.2rem; }
.meta { color: #555; }
.failed { color: #a4001d; }
.missing { color: #555; }
nav.contents ul { columns: 2 16rem; }
ul.reports { list-style: none; padding: 0; }
ul.inline { list-style: none; padding: 0; }
ul.inline > li { display: inline-block; margin: 0 1rem 0.4rem 0; }
p.letters a { display: inline-block; min-width: 1.6rem; }
ul.reports > li { margin: 1rem 0; }
ul.reports a.report { display: block; text-decoration: none; }
ul.reports a.report .title { text-decoration: underline; }
.figs { display: flex; flex-wrap: wrap; gap: .3rem; margin-top: .3rem; }
.figs img { height: 110px; width: auto; border: 1px solid #ccc; }
ul.languages { list-style: none; padding: 0; font-size: 1.2rem; }
ul.languages li { margin: .6rem 0; }
"""


# ---------------------------------------------------------------------------- paths and titles
def report_path(lang: str, association: str | None, stem: str) -> str:
    """Path of a report page relative to the output folder."""
    return f"{lang}/{association or EVERY_ASSOCIATION}/{stem}.html"


def figures_path(lang: str, association: str | None) -> str:
    return names.figures_path(lang, association)


def release() -> str:
    """The finsam release the site was rendered with (the package version a paper cites)."""
    from finsam import __version__
    return __version__


def index_path(lang: str) -> str:
    return f"{lang}/index.html"


def href(from_page: str, to_page: str) -> str:
    """Relative link from one page of the site to another (both relative to the output folder)."""
    return posixpath.relpath(to_page, posixpath.dirname(from_page) or ".")


def in_language(page: str, lang: str) -> str:
    """The same page in another language."""
    first, _, rest = page.partition("/")
    assert first in LANGUAGES, page
    return f"{lang}/{rest}"


def _names(tables) -> dict:
    """Association names and metric labels by id, looked up once per page set."""
    m = tables.metrics
    return {"association": dict(zip(tables.associations["association_id"].astype(str),
                                    tables.associations["name"].astype(str))),
            **{f"metric_{l}": dict(zip(m["metric"].astype(str), m[f"label_{l}"].astype(str))) for l in LANGUAGES}}


def report_title(notebook: str, params: dict, lang: str, tables, with_association: bool = True,
                 names: dict | None = None) -> str:
    """A page's title: the notebook's title in ``lang``, what the parameters select (year, the
    metric's label from metrics.csv) and the association's name as the reports write it."""
    names = names or _names(tables)
    parts = [t(f"notebook.{notebook}", lang)]
    if "metric" in params:
        parts.append(names[f"metric_{lang}"][str(params["metric"])])
    if "year" in params:
        parts.append(str(params["year"]))
    if with_association and params.get("association"):
        parts.append(names["association"][str(params["association"])])
    return " — ".join(parts)


# ---------------------------------------------------------------------------- the frame
@dataclass(frozen=True)
class Frame:
    """What every page of one language shows around its content."""
    lang: str
    page: str  # path relative to the output folder
    title: str
    version: str
    date: str  # YYYY-MM-DD: a re-render on the same day is byte-identical
    switch: tuple = ()  # (lang, href, text) of the same page in the other languages
    home: str = ""  # href of this language's index ("" on the index itself)
    crumbs: tuple = ()  # (text, href) from the index down to this page (its own href "")
    related: tuple = ()  # (group heading, ((text, href), …)) of the pages related to this one

    def as_dict(self) -> dict:
        return dict(lang=self.lang, title=self.title, css=CSS, home=self.home, home_text=t("site.back", self.lang),
                    site_name=t("site.name", self.lang), skip=t("site.skip", self.lang),
                    nav_label=t("site.nav", self.lang),
                    switch=[dict(lang=l, href=h, text=x) for l, h, x in self.switch],
                    version=t("site.data_version", self.lang, version=self.version, release=release()),
                    rendered=t("site.rendered", self.lang, date=self.date), mark=GENERATED_MARK,
                    crumbs=[dict(text=x, href=h) for x, h in self.crumbs], crumbs_label=t("nav.breadcrumb", self.lang),
                    related=[dict(name=g, links=[dict(text=x, href=h) for x, h in links]) for g, links in self.related],
                    related_label=t("nav.related", self.lang))


def frame(page: str, lang: str, title: str, version: str, date: str, languages, crumbs=(), related=()) -> Frame:
    """The frame of ``page`` (under ``lang``/); ``languages`` are those the site holds, each
    linked from the language switch; ``crumbs`` and ``related`` as :func:`report_links` gives them."""
    switch = tuple((other, href(page, in_language(page, other)), t("language.switch", other))
                   for other in LANGUAGES if other != lang and other in languages)
    home = "" if page == index_path(lang) else href(page, index_path(lang))
    return Frame(lang=lang, page=page, title=title, version=version, date=date, switch=switch, home=home,
                 crumbs=tuple(crumbs), related=tuple(related))


def report_links(notebook: str, params: dict, lang: str, tables, r, path_of, names: dict | None = None) -> tuple:
    """The breadcrumb (index › the association's start page › this page) and the groups of links to
    related pages of one report page: ``r`` is its finsam.views.registry.Related (previous/next
    year, the other pages of the same association-year, cost ↔ revenue, the other series), from the
    render plan; ``path_of(notebook, params)`` the path of a page of this language."""
    names = names or _names(tables)
    association = params.get("association")
    page = path_of(notebook, params)

    def link(n, c, text=None):
        return (text or report_title(n, c, lang, tables, with_association=False, names=names),
                href(page, path_of(n, c)))
    own = report_title(notebook, params, lang, tables, with_association=False, names=names)
    if association:
        name = names["association"].get(str(association), str(association))
        crumbs = [(t("nav.home", lang), href(page, index_path(lang))),
                  (name, href(page, association_path(lang, association))), (own, "")]
    else:
        crumbs = [(t("nav.home", lang), href(page, index_path(lang))),
                  (t("nav.all_associations", lang), href(page, index_path(lang)) + "#" + EVERY_ASSOCIATION), (own, "")]
    groups = []
    years = [link(*p, text=t(key, lang, year=p[1]["year"])) for key, p in (("nav.previous", r.previous), ("nav.next", r.next)) if p]
    if years:
        groups.append((t("nav.years", lang), tuple(years)))
    if r.counterpart:
        groups.append((t("nav.counterpart", lang), (link(*r.counterpart),)))
    if r.same_year:
        groups.append((t("nav.same_year", lang, name=name, year=params["year"]), tuple(link(*p) for p in r.same_year)))
    if r.series:
        groups.append((t("nav.series", lang), tuple(link(*p) for p in r.series)))
    if r.shared:
        groups.append((t("nav.shared", lang), tuple(link(*p) for p in r.shared)))
    if association:
        groups.append((t("nav.start", lang, name=name), ((name, href(page, association_path(lang, association))),)))
    return tuple(crumbs), tuple(groups)


# ---------------------------------------------------------------------------- report pages
def _text(el) -> str:
    return re.sub(r"\s+", " ", el.get_text(" ", strip=True)).strip()


def _soup(html):
    """``html`` parsed, or as it is when it already is a parsed page (one parse per page: the
    render hands :func:`finish_report`'s tree to :func:`add_downloads`)."""
    from bs4 import BeautifulSoup
    return html if isinstance(html, BeautifulSoup) else BeautifulSoup(html, "html.parser")


def finish_report(html: str, lang: str, title: str, content_lang: str | None = None, parsed: bool = False):
    """Make nbconvert's page readable by assistive technology and valid HTML:

    - pandas' ``<style scoped>`` blocks leave the body (the site's stylesheet styles tables) and
      so does the obsolete ``border`` attribute;
    - every table gets a caption (its own, or "Table n: <heading above it>") and header cells a
      ``scope``; an empty corner header cell becomes a data cell; a table wider than the page
      scrolls in a focusable, labelled region;
    - a figure without alt text (nbconvert's placeholder) is described by its position and the
      heading above it; finish_figure's own description is kept;
    - exactly one ``<h1>``: later ones become ``<h2>``; a page without one gets ``title``;
    - content written in another language than the page's frame (``content_lang``: a notebook
      that does not take a ``language`` parameter writes English) is marked ``lang`` so, and the
      captions and descriptions added here are in that language too.

    Returns the page's HTML, or with ``parsed`` its tree (for :func:`add_downloads`).
    """
    soup = _soup(html)
    main = soup.find("main") or soup.body
    if content_lang and content_lang != lang:
        main["lang"] = content_lang
        lang = content_lang
    for style in main.find_all("style"):
        style.decompose()

    headings = ["h1", "h2", "h3", "h4", "h5", "h6"]
    # the heading above each table and figure, from one pass in document order (a search backwards
    # from each one cost a page ~25 ms); what follows adds and renames no heading before them
    above_of: dict[int, str] = {}
    last = ""
    for el in soup.find_all([*headings, "table", "img"]):
        if el.name in headings:
            last = _text(el)
        else:
            above_of[id(el)] = last

    def heading_above(el) -> str:
        return above_of.get(id(el), "")

    # a table without a row says nothing: a sentence says that the report gives no such figures
    for table in main.find_all("table"):
        if not table.find("td") and not table.select("tbody th"):
            p = soup.new_tag("p", attrs={"class": "empty"})
            p.string = t("report.empty_table", lang)
            table.replace_with(p)

    for n, table in enumerate(main.find_all("table"), start=1):
        for attr in ("border", "style"):
            table.attrs.pop(attr, None)
        for tr in table.find_all("tr"):
            tr.attrs.pop("style", None)
        if table.caption is None or not _text(table.caption):
            if table.caption is not None:
                table.caption.decompose()
            above = heading_above(table)
            cap = soup.new_tag("caption")
            cap.string = (t("report.table_under", lang, n=n, heading=above) if above
                          else t("report.table", lang, n=n))
            table.insert(0, cap)
        for th in table.find_all("th"):
            in_head = th.find_parent("thead") is not None or th.find_parent("tr").find("td") is None
            if not _text(th):
                th.name = "td"  # an empty header cell heads nothing
                th.attrs.pop("scope", None)
                continue
            span = int(th.get("colspan", 1)) if in_head else int(th.get("rowspan", 1))
            if "scope" not in th.attrs:
                th["scope"] = ("colgroup" if span > 1 else "col") if in_head else ("rowgroup" if span > 1 else "row")
        reflow = _label_cells(table)
        wrap = soup.new_tag("div", attrs={"class": "table-wrap reflow" if reflow else "table-wrap", "role": "region",
                                          "tabindex": "0", "aria-label": _text(table.caption)})
        table.wrap(wrap)
        hint = soup.new_tag("p", attrs={"class": "scroll-hint"})
        hint.string = t("report.scrolls", lang)
        wrap.insert_after(hint)

    _fold_method(soup, main)

    for n, img in enumerate(main.find_all("img"), start=1):
        alt = (img.get("alt") or "").strip()
        if not alt or alt == NBCONVERT_DEFAULT_ALT:
            above = heading_above(img)
            img["alt"] = (t("report.figure_under", lang, n=n, heading=above) if above
                          else t("report.figure", lang, n=n))
        # on a phone a chart keeps its drawn width (its text stays readable) and scrolls sideways
        # in its own box: a focusable, labelled region, with a line saying so when it does scroll
        box = soup.new_tag("div", attrs={"class": "figure-wrap", "role": "region", "tabindex": "0",
                                         "aria-label": t("report.figure", lang, n=n)})
        img.wrap(box)
        hint = soup.new_tag("p", attrs={"class": "scroll-hint"})
        hint.string = t("report.figure_scrolls", lang)
        box.insert_after(hint)

    h1s = main.find_all("h1")
    for h in h1s[1:]:
        h.name = "h2"
    if not h1s:
        h = soup.new_tag("h1")
        h.string = title
        main.insert(0, h)
    # nbconvert makes every output focusable; only the scrolling table regions need to be
    for el in main.find_all(attrs={"tabindex": True}):
        if not {"table-wrap", "figure-wrap"} & set(el.get("class") or []):
            del el["tabindex"]
    return soup if parsed else str(soup)


def _is_text(cell: str) -> bool:
    """A cell of words (a name, a note, a verdict) may wrap; a number with its unit may not, nor
    the mark of a figure the report does not give, which stands where the number would."""
    if cell.strip() == fmt.MISSING:
        return False
    return len(cell) > 18 or not re.search(r"\d", cell)


def _label_cells(table) -> bool:
    """Give each data cell the name of its column (``data-label``, shown before the value when a
    phone reflows the table into one block per row) and mark cells of words ``text`` (they wrap;
    numbers do not). False when the columns cannot be named one to one (several header rows with
    spans): such a table keeps its grid and scrolls."""
    head = table.find("thead")
    rows = head.find_all("tr") if head else []
    ok = bool(rows) and not any(int(c.get("colspan", 1)) > 1 for r in rows for c in r.find_all(["th", "td"]))
    names = [_text(c) for c in rows[0].find_all(["th", "td"])] if ok else []
    body = table.find("tbody") or table
    for tr in body.find_all("tr"):
        tds = tr.find_all("td", recursive=False)
        if ok and len(tds) > len(names):
            ok = False
        for td, name in zip(tds, names[len(names) - len(tds):] if ok else []):
            if name:
                td["data-label"] = name
        for td in tds:
            if _is_text(_text(td)):
                td["class"] = td.get("class", []) + ["text"]
    return ok


def _fold_method(soup, main) -> None:
    """Fold the page's method into a closed ``<details>``: everything from the cell holding the
    view's method marker (finsam.views.brief.method_marker) to the end of the page, under the
    marker's title ("Så har vi räknat"); its headings move one level down."""
    marker = main.find(class_="finsam-method")
    if marker is None:
        return
    cell = marker
    while cell.parent is not None and cell.parent is not main:
        cell = cell.parent
    title = marker.get("data-title", "")
    marker.decompose()
    details = soup.new_tag("details", attrs={"class": "method"})
    summary = soup.new_tag("summary")
    h = soup.new_tag("h2")
    h.string = title
    summary.append(h)
    details.append(summary)
    moving = [cell] + [el for el in cell.find_next_siblings()]
    cell.insert_before(details)
    for el in moving:
        details.append(el.extract())
    for level in ("h4", "h3", "h2"):
        for el in details.find_all(level):
            if el.parent is not summary:
                el.name = "h" + str(int(level[1]) + 1)


# ---------------------------------------------------------------------------- downloads
def _rows(table) -> list[list[str]]:
    """A finished table as rows of the texts a reader sees: one header row (the column names,
    with the names of the row headers where pandas put them on a row of their own), then the body."""
    head = table.find("thead")
    header: list[str] = []
    for tr in (head.find_all("tr") if head else []):
        cells = [_text(c) for c in tr.find_all(["th", "td"])]
        if not header:
            header = cells
        else:  # pandas' row of index names: fills the empty corner cells
            header = [h or (cells[i] if i < len(cells) else "") for i, h in enumerate(header)]
    body = table.find("tbody") or table
    rows = [[_text(c) for c in tr.find_all(["th", "td"], recursive=False)] for tr in body.find_all("tr")]
    width = max([len(header)] + [len(r) for r in rows])
    # a row whose leading row headers span several rows (rowspan) is filled from the row above
    filled, above = [], [""] * width
    for r in rows:
        r = above[: width - len(r)] + r
        filled.append(r)
        above = r
    return ([header + [""] * (width - len(header))] if header else []) + filled


_NUMBER = {"sv": re.compile(r"^[−-]?\d{1,3}(?:[\u00a0 ]\d{3})*(?:,\d+)?$"),
           "en": re.compile(r"^[−-]?\d{1,3}(?:,\d{3})*(?:\.\d+)?$")}


def _as_number(text: str, lang: str):
    """A cell that is a plain number in the page's language as a float (for Excel); else None."""
    if not _NUMBER[lang].match(text):
        return None
    t_ = text.replace("\u2212", "-").replace("\u00a0", "").replace(" ", "")
    t_ = t_.replace(",", ".") if lang == "sv" else t_.replace(",", "")
    return float(t_)


def _csv_bytes(rows, about: list[str]) -> bytes:
    import csv
    import io
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerows(rows)
    w.writerow([])
    for line in about:
        w.writerow([line])
    return buf.getvalue().encode("utf-8-sig")  # a BOM: Excel reads the file as UTF-8


def _xlsx_bytes(rows, about: list[str], caption: str, lang: str, date: str) -> bytes:
    import datetime
    import io

    import xlsxwriter
    buf = io.BytesIO()
    book = xlsxwriter.Workbook(buf, {"in_memory": True})
    # the render date, not the clock: a re-render on the same day writes the same bytes
    book.set_properties({"title": caption, "comments": " ".join(about),
                         "created": datetime.datetime.fromisoformat(date)})
    bold = book.add_format({"bold": True, "text_wrap": True, "valign": "top"})
    sheet = book.add_worksheet(t("report.sheet_table", lang))
    sheet.write(0, 0, caption, bold)
    for i, row in enumerate(rows):
        for j, cell in enumerate(row):
            n = _as_number(cell, lang) if i else None
            if n is None:
                sheet.write_string(i + 2, j, cell, bold if i == 0 else None)
            else:
                sheet.write_number(i + 2, j, n)
    widths = [max((len(r[j]) for r in rows if j < len(r)), default=8) for j in range(max(map(len, rows)))]
    for j, w_ in enumerate(widths):
        sheet.set_column(j, j, min(max(w_, 8), 40))
    about_sheet = book.add_worksheet(t("report.sheet_about", lang))
    for i, line in enumerate(about):
        about_sheet.write_string(i, 0, line)
    about_sheet.set_column(0, 0, 120)
    book.close()
    return buf.getvalue()


def _figure_downloads(soup, para, lang: str, page: str, folder: str, stem: str, n: int, about: list[str],
                      date: str) -> dict:
    """The data a figure draws (its caption's ``data-figure``, finsam.views.figure_source) as a CSV and
    an .xlsx beside its PNG and SVG, linked under the caption with the image files; the attribute is
    removed. Returns the files to write."""
    import json
    from pathlib import PurePosixPath
    data = json.loads(para.attrs.pop("data-figure", "") or "{}")
    para["class"] = [c for c in para.get("class", []) if c != "finsam-figure-source"]
    file = str(data.get("file") or f"{stem}__figure-{n}")
    if PurePosixPath(file).name != file or not file.startswith(stem):  # a name of our own making only
        file = f"{stem}__figure-{n}"
    rows = [list(map(str, data.get("columns", [])))] + [list(map(str, r)) for r in data.get("rows", [])]
    caption = _text(para)
    files = {}
    links = []
    if len(rows) > 1:
        files[f"{folder}/{file}.csv"] = _csv_bytes([[caption]] + rows, about)
        files[f"{folder}/{file}.xlsx"] = _xlsx_bytes(rows, about, caption, lang, date)
        links += [("CSV", f"{folder}/{file}.csv"), (t("report.download_xlsx", lang), f"{folder}/{file}.xlsx")]
    p = soup.new_tag("p", attrs={"class": "downloads"})
    p.append(t("report.download_figure_data", lang) + " ")
    images = [("PNG", f"{folder}/{file}.png"), ("SVG", f"{folder}/{file}.svg")]
    for i, (text, target) in enumerate(links + images):
        if i:
            p.append(" · ")
        a = soup.new_tag("a", href=href(page, target), download="")
        a.string = text
        p.append(a)
    para.insert_after(p)
    return files


def add_downloads(html: str, lang: str, page: str, folder: str, stem: str, citation: str,
                  date: str) -> tuple[str, dict]:
    """Link a CSV and an .xlsx of every table beside it, and the PNG/SVG of every figure, and end
    the page with how to cite it and the data's licence. Returns the page and the files to write,
    ``{path relative to the output folder: bytes}`` (in ``folder``, named ``<stem>__data-<n>.csv``).
    ``html`` may be :func:`finish_report`'s tree (``parsed=True``), which is then changed in place."""
    soup = _soup(html)
    main = soup.find("main") or soup.body
    about = [t("report.cite", lang, citation=citation), t("report.licence", lang)]
    files: dict[str, bytes] = {}
    for n, wrap in enumerate(main.select("div.table-wrap"), start=1):
        table = wrap.find("table")
        rows = _rows(table)
        if not rows:
            continue
        caption = _text(table.caption) if table.caption else ""
        name = f"{stem}__data-{n}"
        files[f"{folder}/{name}.csv"] = _csv_bytes([[caption]] + rows, about)
        files[f"{folder}/{name}.xlsx"] = _xlsx_bytes(rows, about, caption, lang, date)
        p = soup.new_tag("p", attrs={"class": "downloads"})
        p.append(t("report.download", lang) + " ")
        a = soup.new_tag("a", href=href(page, f"{folder}/{name}.csv"), download="")
        a.string = "CSV"
        p.append(a)
        p.append(" · ")
        a = soup.new_tag("a", href=href(page, f"{folder}/{name}.xlsx"), download="")
        a.string = t("report.download_xlsx", lang)
        p.append(a)
        hint = wrap.find_next_sibling("p", class_="scroll-hint")
        (hint or wrap).insert_after(p)
    for n, para in enumerate(main.select("p.finsam-figure-source"), start=1):
        files.update(_figure_downloads(soup, para, lang, page, folder, stem, n, about, date))
    cite = soup.new_tag("section", attrs={"class": "cite"})
    for line in about:
        para = soup.new_tag("p")
        para.string = line
        cite.append(para)
    main.append(cite)
    return str(soup), files


# ---------------------------------------------------------------------------- indexes
_ENV = None


def environment():
    """The Jinja environment of the index templates, compiled once per process (render warms it
    before the notebooks run, so that the indexes written after a Ctrl-C cost no compile time)."""
    global _ENV
    if _ENV is None:
        from jinja2 import Environment, PackageLoader
        _ENV = Environment(loader=PackageLoader("finsam", "templates"), autoescape=True)
        for name in ("index.html.j2", "root.html.j2", "about.html.j2", "association.html.j2"):
            _ENV.get_template(name)
    return _ENV


def about_path(lang: str) -> str:
    return f"{lang}/about.html"


def association_path(lang: str, association: str) -> str:
    return f"{lang}/{association}/index.html"


def _about(lang: str, tables) -> dict:
    """What the about page lists, from metrics.csv, vocabulary.csv and categories.csv."""
    v = tables.vocabulary
    vocab = {str(k): g for k, g in v.groupby(v["vocabulary"].astype(str), sort=False)}
    units = dict(zip(vocab["unit"]["code"].astype(str), vocab["unit"][f"label_{lang}"].astype(str))) if "unit" in vocab else {}
    names = dict(zip(vocab["vocabulary"]["code"].astype(str), vocab["vocabulary"][f"label_{lang}"].astype(str))) \
        if "vocabulary" in vocab else {}
    m = tables.metrics
    metrics = [dict(label=str(r[f"label_{lang}"]), unit=units.get(str(r["unit"]), str(r["unit"])),
                    description=str(r[f"description_{lang}"])) for _, r in m.iterrows()]
    groups = [dict(name=names.get(k, k), terms=[dict(label=str(r[f"label_{lang}"]), description=str(r[f"description_{lang}"]))
                                                for _, r in g.iterrows()])
              for k, g in vocab.items() if k != "vocabulary"]
    dims = dict(zip(vocab["dimension"]["code"].astype(str), vocab["dimension"][f"label_{lang}"].astype(str))) \
        if "dimension" in vocab else {}
    c = tables.categories.sort_values(["dimension", "order"])
    categories = [dict(name=dims.get(str(d), str(d)), categories=", ".join(g[f"label_{lang}"].astype(str)))
                  for d, g in c.groupby(c["dimension"].astype(str), sort=False)]
    symbols = [(fmt.MISSING, t("about.missing", lang)), ("⚠", t("common.conflict_mark", lang).split("= ", 1)[-1]),
               (t("about.ci_abbr", lang), t("about.ci", lang)), (t("about.pp_abbr", lang), t("about.pp", lang)),
               (t("about.significant_abbr", lang), t("about.significant", lang))]
    return dict(metrics=metrics, vocabulary=groups, categories=categories, symbols=symbols)


def association_brief(out, jobs, year: int, lang: str) -> str:
    """The association's ``year`` in brief: the "In brief" paragraphs its rendered gender page
    opens with, copied from that page (so the start page says exactly what the page says); "" when
    that page is not rendered."""
    from bs4 import BeautifulSoup
    page = next((j.html_path for j in jobs if j.notebook == "gender_outcomes" and j.language == lang
                 and int(j.kwargs.get("year", -1)) == int(year)), None)
    if page is None or not (out / page).is_file():
        return ""
    soup = BeautifulSoup((out / page).read_text(encoding="utf-8"), "html.parser")
    heading = t("brief.heading", lang).lstrip("#").strip()
    h = next((h for h in soup.find_all(["h2", "h3"]) if h.get_text(strip=True).rstrip("¶") == heading), None)
    if h is None:
        return ""
    for a in h.parent.find_all("a", class_="anchor-link"):
        a.decompose()
    return "".join(str(p) for p in h.parent.find_all("p"))


#: the manifest `finsam export` writes into a release folder (read here as JSON: the site does not
#: import finsam.release) and the name of the release's zip
RELEASE_MANIFEST = ".finsam-release.json"
RELEASE_ZIP = re.compile(r"^finsam-data-(?P<version>[0-9][0-9A-Za-z.+-]*?)-(?P<data_version>[0-9a-f]{6,64})\.zip$")


def find_release(folder, given: bool = False) -> dict | None:
    """The release `finsam export` wrote into ``folder``: its zip (path, name, size in bytes, package
    and data version, from the folder's manifest, checked against the file), or None when there is
    none. A folder named on the command line (``given``) without a usable release gets a note."""
    import json
    import sys
    from pathlib import Path
    folder = Path(folder)
    manifest = folder / RELEASE_MANIFEST
    problem = None
    try:
        files = json.loads(manifest.read_text(encoding="utf-8")).get("files", {})
        zips = [(n, m) for n, m in files.items() if RELEASE_ZIP.match(n)]
        if len(zips) != 1:
            problem = "it lists no release zip"
        else:
            name, meta = zips[0]
            zip_path = folder / name
            size = zip_path.stat().st_size
            if zip_path.is_symlink() or size != int(meta.get("bytes", -1)):
                problem = f"{name} is not the file its manifest records"
            else:
                m = RELEASE_ZIP.match(name)
                return dict(path=zip_path, name=name, bytes=size, version=m["version"], data_version=m["data_version"])
    except FileNotFoundError:
        problem = f"no {RELEASE_MANIFEST} there (write one with `finsam export --output {folder}`)"
    except (OSError, ValueError, AttributeError, TypeError) as e:
        problem = f"cannot read {manifest}: {e}"
    if given:
        print(f"finsam: note: no release linked from the site: {folder}: {problem}", file=sys.stderr)
    return None


def _release_links(release: dict | None, page: str, lang: str, out, write) -> dict | None:
    """What the index and the about page say of the release: its zip's link, name, size, versions."""
    if not release:
        return None
    target = f"release/{release['name']}"
    mb = release["bytes"] / 1e6
    size = (fmt.number(mb, lang, 1) + " MB") if mb >= 0.1 else (fmt.number(release["bytes"] / 1e3, lang, 0) + " kB")
    return dict(href=href(page, target), name=release["name"],
                text=t("release.text", lang, size=size, version=release["version"], data_version=release["data_version"]))


#: up to this many associations, the index lists every page of each (with thumbnails); beyond,
#: one compact table of the associations (A–Z), each linking its start page, which lists its pages
INDEX_SECTIONS_UP_TO = 8


_SWEDISH_LAST = {"Å": "Z1", "Ä": "Z2", "Ö": "Z3"}  # the Swedish alphabet ends …, Z, Å, Ä, Ö


def _letter(name: str) -> str:
    """The letter a name is filed under: its first letter after 'Samordningsförbundet' (Å, Ä, Ö
    stay letters of their own, as Swedish sorts them last)."""
    import re
    rest = re.sub(r"^(samordningsförbundet|finsam)\s+", "", name.strip(), flags=re.IGNORECASE)
    first = next((c for c in rest if c.isalnum()), "#")
    return first.upper() if first.isalpha() else "#"


def _natural(name: str) -> tuple:
    """Sort key reading digits as numbers: Syntet 2 before Syntet 10."""
    import re
    return tuple(int(p) if p.isdigit() else p.casefold() for p in re.split(r"(\d+)", name))


def _year_span(years: list[int], lang: str) -> str:
    """Years as runs: 2014–2016, 2018–2023 (a missing year shows as the gap between runs)."""
    runs: list[list[int]] = []
    for y in years:
        if runs and y == runs[-1][-1] + 1:
            runs[-1].append(y)
        else:
            runs.append([y])
    return ", ".join(f"{r[0]}–{r[-1]}" if len(r) > 1 else str(r[0]) for r in runs) or "–"


def write_indexes(out, jobs, failed: dict, tables, stamp: str, languages, write, pages: bool = True,
                  figures: dict | None = None, release_zip: dict | None = None) -> None:
    """One index per language in ``languages`` (every job listed, rendered or not, with its
    figures and this run's failures) and the root index linking to every language the site
    holds; with ``pages`` also each association's start page and the about page (after a Ctrl-C
    they wait for the next render). ``failed`` maps a job to its error; ``write(path, bytes)``
    writes a file. ``figures`` maps a page to its figures (PNG, relative to ``out``) as its render
    recorded them: a file is never shown as a page's figure because of its name alone."""
    from pathlib import Path
    out = Path(out)
    env = environment()
    date = stamp[:10]
    held = [l for l in LANGUAGES if l in languages or (out / index_path(l)).is_file()]
    lookups = _names(tables)
    names = lookups["association"]
    figures = figures or {}
    sources = tables.sources.to_dict("records")
    if release_zip:  # the zip goes into the site, so that its link works wherever the site is served
        write(out / "release" / release_zip["name"], release_zip["path"].read_bytes())
    for lang in languages:
        page = index_path(lang)
        groups: dict[str, list] = {}
        for j in jobs:
            if j.language != lang:
                continue
            figs = figures.get(j.html_path, [])
            title = report_title(j.notebook, j.kwargs, lang, tables, with_association=False, names=lookups)
            groups.setdefault(j.association or "", []).append(dict(
                title=title, href=href(page, j.html_path), exists=(out / j.html_path).is_file(),
                error=failed.get(j),
                figures=[href(page, f) for f in figs]))
        sections, directory = [], []
        many = sum(1 for a in groups if a) > INDEX_SECTIONS_UP_TO
        for a in sorted(groups, key=lambda a: (a != "", a)):
            name = names.get(a, t("index.all_associations", lang))
            start = (href(page, association_path(lang, a))
                     if a and (pages or (out / association_path(lang, a)).is_file()) else "")
            if a and many:  # a row of the directory instead of a section of links and thumbnails
                years = sorted({int(j.kwargs["year"]) for j in jobs if j.language == lang and j.association == a
                                and "year" in j.kwargs})
                directory.append(dict(name=name, short=short_name(name), start=start, letter=_letter(name),
                                      years=_year_span(years, lang), pages=len(groups[a]),
                                      rendered=sum(r["exists"] for r in groups[a]),
                                      failed=sum(1 for r in groups[a] if r["error"])))
            else:
                sections.append(dict(id=a or EVERY_ASSOCIATION, name=name, reports=groups[a], start=start,
                                     start_text=t("index.start_page", lang, name=name),
                                     context=t("index.reports_for", lang, name=name)))
            if a and pages:
                write_association_page(out, lang, a, [j for j in jobs if j.language == lang and j.association == a],
                                       failed, tables, date, held, env, lookups, write)
        if pages:
            f_about = frame(about_path(lang), lang, t("about.title", lang), tables.version, date, held,
                            crumbs=[(t("nav.home", lang), href(about_path(lang), index_path(lang))),
                                    (t("about.title", lang), "")])
            write(out / about_path(lang), env.get_template("about.html.j2").render(
                f=f_about.as_dict(), t=lambda key, **kw: t(key, lang, **kw), version=tables.version,
                release=_release_links(release_zip, about_path(lang), lang, out, write),
                **_about(lang, tables)).encode("utf-8"))
        f = frame(page, lang, t("site.name", lang), tables.version, date, held)
        html = env.get_template("index.html.j2").render(
            f=f.as_dict(), t=lambda key, **kw: t(key, lang, **kw), sections=sections,
            directory=sorted(directory, key=lambda r: (_SWEDISH_LAST.get(r["letter"], r["letter"]), _natural(r["short"]))),
            failures=[(report_title(j.notebook, j.kwargs, lang, tables, names=lookups), e) for j, e in failed.items()
                      if j.language == lang],
            sources=[dict(s, quality=code_label("text_quality", s["text_quality"], lang, tables)) for s in sources],
            description=t("site.description", lang),
            release=_release_links(release_zip, page, lang, out, write),
            about=href(page, about_path(lang)) if pages or (out / about_path(lang)).is_file() else "")
        write(out / page, html.encode("utf-8"))
    root = env.get_template("root.html.j2").render(
        css=CSS, mark=GENERATED_MARK, languages=[dict(
            lang=l, href=index_path(l), name=t("language.name", l), site=t("site.name", l),
            description=t("site.description", l), choose=t("site.choose_language", l),
            version=t("site.data_version", l, version=tables.version, release=release()), rendered=t("site.rendered", l, date=date))
            for l in held])
    write(out / "index.html", root.encode("utf-8"))


def write_association_page(out, lang: str, association: str, jobs, failed: dict, tables, date: str, held, env,
                           lookups: dict, write) -> None:
    """One association's start page: its latest year in brief, every page about it grouped by
    theme (the notebook), its years."""
    from finsam.data.tables import report_years
    page = association_path(lang, association)
    name = lookups["association"].get(association, association)
    themes: dict[str, list] = {}
    years: set[int] = set()
    for j in jobs:
        title = report_title(j.notebook, j.kwargs, lang, tables, with_association=False, names=lookups)
        theme = t(f"notebook.{j.notebook}", lang)
        themes.setdefault(theme, []).append(dict(
            title=title.split(" — ", 1)[1] if title.startswith(theme + " — ") else title, href=href(page, j.html_path), exists=(out / j.html_path).is_file()))
        if "year" in j.kwargs:
            years.add(int(j.kwargs["year"]))
    latest = report_years(tables).get(association)
    pdf = f"{lang}/{association}/{association}-{lang}.pdf"
    f = frame(page, lang, t("index.start_page", lang, name=name), tables.version, date, held,
              crumbs=[(t("nav.home", lang), href(page, index_path(lang))), (name, "")])
    html = env.get_template("association.html.j2").render(
        f=f.as_dict(), t=lambda key, **kw: t(key, lang, **kw), name=name, latest=latest,
        years=", ".join(map(str, sorted(years))) or "–",
        brief=association_brief(out, jobs, latest, lang) if latest else "",
        pdf=href(page, pdf) if (out / pdf).is_file() else "",
        themes=[dict(name=k, reports=v) for k, v in themes.items()])
    write(out / page, html.encode("utf-8"))
