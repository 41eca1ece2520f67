"""A figure as a page shows it: the image, then one caption line naming the association, the years
and the source reports ("Samordningsförbundet X, 2018. Källa: Samordningsförbundet X, årsredovisning
2018."), from sources.csv and associations.csv in the page's language; and the data drawn, as the
rows a reader sees (formatted as the page's language writes numbers), which finsam.site.pages writes
beside the figure as CSV and .xlsx (the site layer writes files; a view only says what they hold).

The data travel in the caption's ``data-figure`` attribute (JSON, HTML-escaped); the site removes
the attribute when it writes the files."""
from __future__ import annotations

import html
import json

from finsam.core.names import figure_stem

#: class of the caption paragraph (finsam.site.pages.add_downloads looks for it)
SOURCE_CLASS = "finsam-figure-source"


def sources_line(view, source_ids) -> str:
    """'Källa: <förbund>, årsredovisning <år>; …' for the reports ``source_ids``, in report-year order."""
    s = view.t.sources
    s = s[s["source_id"].astype(str).isin({str(x) for x in source_ids})].sort_values(["report_year", "source_id"])
    names = dict(zip(view.t.associations["association_id"].astype(str), view.t.associations["name"].astype(str)))
    parts = [view.plain("figure.report", name=names.get(str(r.association_id), str(r.association_id)),
                        year=int(r.report_year)) for r in s.itertuples()]
    return view.plain("figure.source", sources="; ".join(parts))


def caption(view, what: str, years, source_ids) -> str:
    """The figure's caption line: what it shows (an association's name, or every association), its
    years (one year, or the first–last), and its sources."""
    years = sorted({int(y) for y in years})
    span = "" if not years else str(years[0]) if len(years) == 1 else f"{years[0]}–{years[-1]}"
    head = f"{what}, {span}." if span else f"{what}."  # a name and years: the same in every language
    return f"{head} {sources_line(view, source_ids)}"


class SourcedFigure:
    """The image and its caption line (with the data drawn), shown one after the other."""

    def __init__(self, image, text: str, file: str, columns: list[str], rows: list[list[str]]):
        self.image, self.text, self.file, self.columns, self.rows = image, text, file, columns, rows

    def html(self) -> str:
        data = json.dumps({"file": self.file, "columns": self.columns, "rows": self.rows}, ensure_ascii=False)
        return (f'<p class="figure-source {SOURCE_CLASS}" data-figure="{html.escape(data, quote=True)}">'
                f'{html.escape(self.text)}</p>')

    def _ipython_display_(self):
        from IPython.display import HTML, display
        display(self.image)
        display(HTML(self.html()))


def sourced(view, image, name: str, what: str, years, source_ids, columns: list[str], rows) -> object:
    """``image`` (finish_figure's) with its caption and data; None stays None (no figure)."""
    if image is None:
        return None
    rows = [[str(c) for c in r] for r in rows]
    return SourcedFigure(image, caption(view, what, years, source_ids), figure_stem(view.stem, name), columns, rows)
