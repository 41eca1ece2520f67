"""Untrusted data (issue 27): a folder of curated tables edited by many hands cannot script a page.
Markup is planted in every free-text column of every table (labels, nouns, descriptions, names,
titles, notes, quotes — the quotes with a source folder of their own that prints them), the data
still validates, every notebook is rendered for every parameter set in both languages, and no
page holds live markup from the data, nor shows it escaped twice."""
from __future__ import annotations

import csv
import hashlib
from html.parser import HTMLParser
from pathlib import Path


from conftest import DATA, cli_subprocess
from finsam.data.fields import TABLES

MARK = "<script>alert(1)</script><img src=x onerror=alert(2)>*x*"
#: columns that hold ids, codes, references, flags or numbers (checked by validation), not free text
NOT_TEXT = {"vocabulary", "code", "class", "people", "source_id", "association_id", "report_year", "document",
            "text_quality", "successor_id", "successor_from", "municipalities", "intervention", "aliases", "kind",
            "covers", "is_work_oriented", "first_year", "last_year", "metric", "unit", "metric_kind", "outcome",
            "timing", "numerator", "denominator_metric", "goal_of", "dimension", "category", "order",
            "period_start", "period_end", "gender", "value", "sha256", "part_of", "factor", "display_scale"}


def plant(data: Path, sources: Path, shipped_sources: Path) -> set[tuple[str, str]]:
    """Copies of the tables with MARK added to every free-text cell; the sources copied with the
    planted quotes added as lines of their own. Returns the (table, column) pairs planted."""
    data.mkdir()
    sources.mkdir()
    planted, quotes = set(), {}
    for name, t in TABLES.items():
        with open(DATA / t.filename, encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f))
        for r in rows:
            for c in t.fields:
                if c in NOT_TEXT or (c in ("noun_sv", "noun_en") and not r[c]):
                    continue  # a noun only where the unit has one (validation requires both or none)
                r[c] = f"{r[c]} {MARK}" if r[c] else MARK
                planted.add((name, c))
                if c == "quote":
                    quotes.setdefault(r["source_id"], set()).add(r[c])
        with open(data / t.filename, "w", encoding="utf-8", newline="") as f:
            w = csv.DictWriter(f, t.fields, lineterminator="\n")
            w.writeheader()
            w.writerows(rows)
    with open(DATA / "sources.csv", encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            text = (shipped_sources / r["document"]).read_text(encoding="utf-8")
            (sources / r["document"]).write_text(text + "\n" + "\n".join(sorted(quotes.get(r["source_id"], ()))) + "\n",
                                                 encoding="utf-8")
    # the copied texts gained the planted quotes: sources.csv records their new sha256
    with open(data / "sources.csv", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    for r in rows:
        r["sha256"] = hashlib.sha256((sources / r["document"].split(" ")[0]).read_bytes()).hexdigest()
    with open(data / "sources.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, TABLES["sources"].fields, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    return planted


class _Page(HTMLParser):
    """Live markup from the data: a script that alerts, an event-handler attribute, the planted image."""

    def __init__(self):
        super().__init__()
        self.live, self.text, self._tag = [], [], None

    def handle_starttag(self, tag, attrs):
        self._tag = tag
        self.live += [f"<{tag} {k}=…>" for k, _ in attrs if k.startswith("on")]
        if tag == "img" and dict(attrs).get("src") == "x":
            self.live.append("<img src=x>")

    def handle_data(self, data):
        if self._tag == "script" and "alert(" in data:
            self.live.append("<script>")
        self.text.append(data)

    def handle_endtag(self, tag):
        self._tag = None


def test_markup_in_every_text_column_is_shown_as_text_on_every_page(tmp_path, sources_dir):
    planted = plant(tmp_path / "data", tmp_path / "sources", sources_dir)
    # every table has free text, and the columns the red team used are among them
    assert {t for t, _ in planted} == set(TABLES)
    assert {("vocabulary", "noun_en"), ("vocabulary", "noun_sv"), ("vocabulary", "label_sv"),
            ("metrics", "label_sv"), ("categories", "label_en"), ("observations", "quote")} <= planted
    v = cli_subprocess("validate", "--data", str(tmp_path / "data"), "--sources", str(tmp_path / "sources"), "--quiet")
    assert v.returncode == 0, v.stderr[-2000:]  # markup in text is not a data error: the pages must cope
    out = tmp_path / "out"
    r = cli_subprocess("render", "--data", str(tmp_path / "data"), "--sources", str(tmp_path / "sources"),
                       "--output", str(out), "--no-progress")
    assert r.returncode == 0, r.stdout[-3000:] + r.stderr[-3000:]
    pages = sorted(out.rglob("*.html"))
    assert len(pages) > 2 * 30  # every notebook, every parameter set, both languages, and the indexes
    shown = 0
    for page in pages:
        p = _Page()
        p.feed(page.read_text(encoding="utf-8"))
        text = "".join(p.text)
        assert not p.live, f"{page.relative_to(out)}: live markup from the data: {p.live[:3]}"
        twice = [text[max(0, i - 120):i + 40] for i in (text.find("&lt;script"), text.find("\\*x\\*")) if i >= 0]
        assert not twice, f"{page.relative_to(out)}: escaped twice: {twice}"
        shown += text.count("<script>alert(1)</script>")
    assert shown > 100  # the planted text is on the pages, as text
    for svg in out.rglob("*.svg"):
        assert "<script>alert" not in svg.read_text(encoding="utf-8"), svg


def test_markup_type_escapes_what_it_is_combined_with():
    from finsam.views.markup import Markup, esc, fill, markdown
    assert esc("<b>*x*_\\") == "&lt;b&gt;\\*x\\*\\_\\\\"
    assert esc(esc("<b>")) == "&lt;b&gt;"  # escaping is done once
    assert fill("**{}**", "<i>") == "**&lt;i&gt;**"
    assert fill("{}", Markup("<br>")) == "<br>"
    assert Markup("a") + "<" == "a&lt;" and "<" + Markup("a") == "&lt;a"
    assert Markup(", ").join(["<", Markup("<br>")]) == "&lt;, <br>"
    assert markdown("<script>").data == "&lt;script&gt;"  # a plain string is data
    assert markdown(Markup("**b**")).data == "**b**"
