"""What every report view shares: the page's language, its texts (finsam/texts), numbers formatted
as that language writes them (finsam.views.fmt), labels from the data (metrics.csv, vocabulary.csv,
categories.csv), and escaping of data text before it enters Markdown.

A view is built for one language (``lang``, "sv" or "en"); everything it returns — headings,
sentences, table headers and cells, figure titles, axis labels, legends and alt text — is in that
language. Names of associations and interventions stay as the reports write them. Notes of the
curated data are written in English; a Swedish page shows the report's own words (the verbatim
``quote``) where an English page shows a note.
"""
from __future__ import annotations

import pandas as pd

from finsam.views import fmt
import finsam.texts as i18n
from finsam.views import labels as L
from finsam.data.tables import Tables
from finsam.data.semantics import PERCENT
from finsam.views.markup import Markup, esc, fill, markdown  # noqa: F401  (the views import them from here)

# Views show every cell in full: a cut note ("Samordningsförbundet Hudd…") hides what it says; and
# every row and column: a page's table cut to "162 rows × 5 columns" with "…" hides figures.
pd.set_option("display.max_colwidth", None)
pd.set_option("display.max_rows", None)
pd.set_option("display.max_columns", None)


class View:
    """Base of the report views: ``self.t`` the tables, ``self.lang`` the page's language."""

    #: the notebook whose texts (finsam/texts/<notebook>.py) this view uses for :meth:`section`
    notebook = ""

    def __init__(self, tables: Tables, lang: str = "en"):
        self.t = tables
        self.lang = i18n.check_language(lang)

    # ------------------------------------------------------------------ words
    def tr(self, key: str, **values) -> Markup:
        """The text ``key`` in the page's language as Markdown, ``{placeholders}`` filled from
        ``values`` escaped (data text shows as text; :class:`Markup` values are kept as they are)."""
        return fill(i18n.t(key, self.lang), **values) if values else Markup(i18n.t(key, self.lang))

    def plain(self, key: str, **values) -> str:
        """The text ``key`` as plain text (figure titles, axis labels, alt text: their writers escape)."""
        return i18n.t(key, self.lang, **values)

    def curators_note(self, note: str) -> Markup:
        """A curators' note (data/observations.csv ``note``, written in English) as a page shows it: as
        it is on an English page; on another, introduced in the page's language and marked English
        (``lang="en"``), so that a screen reader reads it in English."""
        if self.lang == "en":
            return esc(note)
        return self.tr("common.curators_note", note=Markup('<span lang="en">') + esc(note) + Markup("</span>"))

    def md(self, key: str, **values):
        """The text ``key`` as the notebook's Markdown output."""
        return markdown(self.tr(key, **values))

    def heading_values(self) -> dict:
        """The values of the page's title and of its description (``<notebook>.heading``,
        ``<notebook>.about``)."""
        return {}

    def heading(self):
        """The page's title (``# …``) alone: the answer ("I korthet") comes right after it."""
        return self.md(f"{self.notebook}.heading", **self.heading_values())

    def about(self):
        """What the page shows and where its figures come from: the first paragraph of its closed
        method section ("Så har vi räknat"), not above the answer."""
        return self.md(f"{self.notebook}.about", **self.heading_values())

    def section(self, name: str):
        """A section heading of the notebook with its introduction, from the text
        ``<notebook>.section.<name>`` (Markdown: '## Heading' and a paragraph)."""
        return markdown(self.tr(f"{self.notebook}.section.{name}"))

    # ------------------------------------------------------------------ labels from the data
    def metric(self, metric: str) -> str:
        return L.metric_label(self.t, metric, self.lang)

    def gender(self, gender: str) -> str:
        return L.gender_label(gender, self.lang, self.t)

    def outcome(self, outcome: str) -> str:
        return L.outcome_label(outcome, self.lang, self.t)

    def code(self, vocabulary: str, code: str) -> str:
        return L.code_label(vocabulary, code, self.lang, self.t)

    def association(self, association: str) -> str:
        return self.t.association_name(association)

    # ------------------------------------------------------------------ numbers
    def num(self, value, decimals: int = 0) -> str:
        return fmt.number(value, self.lang, decimals)

    def int(self, value) -> str:
        return fmt.integer(value, self.lang)

    def pct(self, value, decimals: int = 1) -> str:
        """A rate in percent (0–100): 36,6 % / 36.6%."""
        return fmt.percent(value, self.lang, decimals)

    def pp(self, value, decimals: int = 1) -> str:
        """A signed difference of rates in percentage points: +24,0 procentenheter / +24.0 percentage points."""
        if fmt._missing(value):
            return fmt.MISSING
        return fmt.signed(value, self.lang, decimals) + " " + self.tr("common.pp")

    def signed(self, value, decimals: int = 1) -> str:
        return fmt.signed(value, self.lang, decimals)

    def value(self, value, unit: str, metric: str | None = None) -> str:
        """A value in its unit (vocabulary.csv): counts whole, percent with one decimal, kronor in
        the display scale of ``metric`` (metrics.csv)."""
        return fmt.format_value(value, unit, self.lang, self.t, metric)

    def p(self, p) -> str:
        """A p-value: p = 0,032 / p = 0.032 (p < 0,001 below that)."""
        return Markup(fmt.p_value(p, self.lang))  # our own words and digits: "p < 0,001" is not data

    def interval(self, low, high, unit: str = PERCENT, decimals: int = 1) -> str:
        """An interval: 30,6–42,9 % / 30.6–42.9%."""
        return fmt.interval(low, high, self.lang, unit, decimals)

    def of(self, k, n) -> str:
        """'90 av 246' / '90 of 246'."""
        return self.tr("common.k_of_n", k=self.int(k), n=self.int(n))

    def either(self, texts) -> str:
        """Alternatives the report states: 'a eller b' / 'a or b'."""
        texts = list(dict.fromkeys(texts))
        return esc(texts[0]) if len(texts) == 1 else self.tr("common.or").join(texts)

    def listing(self, texts) -> str:
        """Several things together: 'a, b och c' / 'a, b and c'."""
        texts = list(dict.fromkeys(texts))
        if len(texts) < 2:
            return Markup("").join(texts)
        return Markup(", ").join(texts[:-1]) + self.tr("common.and") + texts[-1]

    def span(self, low: str, high: str) -> str:
        """A range of two formatted values, or one when they are the same: 'a till b' / 'a to b'."""
        return esc(low) if low == high else self.tr("common.range", low=low, high=high)

    def span_text(self, low: str, high: str) -> str:
        """:meth:`span` as plain text, for the plain-text sinks (table cells, alt text, figure text),
        which escape what they are given: a cell made of Markup would show its escapes."""
        return str(low) if low == high else self.plain("common.range", low=low, high=high)

    def missing(self) -> str:
        return fmt.MISSING

    # ------------------------------------------------------------------ tables
    def frame(self, columns: dict, index=None) -> pd.DataFrame:
        """A table whose headers are texts: ``columns`` maps a text key (``common.col.rate``) to the
        column's cells; ``index`` names the key of the column used as index."""
        df = pd.DataFrame({self.tr(k): v for k, v in columns.items()})
        if index is not None:
            df = df.set_index(self.tr(index) if isinstance(index, str) else [self.tr(i) for i in index])
        return df
