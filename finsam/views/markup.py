"""Data text into markup: the one place where a value from ``data/`` becomes part of Markdown or
HTML that a page shows.

:class:`Markup` is text that is already safe to show as Markdown (a trusted template of
finsam/texts, or data text escaped by :func:`esc`). Everything else is data: combining it with
Markup (``+``, :meth:`Markup.join`, :func:`fill`) escapes it, and :func:`markdown` escapes a plain
string whole. So a value from ``data/`` reaches a page's Markdown/HTML escaped by construction: a
view that forgets to escape shows the text with its ``<`` visible, never live markup.
Plain-text sinks (figure titles, alt text, table cells) take plain strings and escape them
themselves (matplotlib writes SVG text escaped, nbconvert escapes alt text, pandas table cells).
"""
from __future__ import annotations

import html

_MARKDOWN = "\\*_`[]|"  # the backslash first: an escape of our own is not escaped again


class Markup(str):
    """Text that is safe to show as Markdown; adding or joining plain text escapes it."""

    __slots__ = ()

    def __add__(self, other):
        return Markup(str.__add__(self, esc(other)))

    def __radd__(self, other):
        return Markup(str.__add__(esc(other), self))

    def join(self, items):
        return Markup(str.join(self, (esc(x) for x in items)))


def esc(text) -> Markup:
    """Escape data text for Markdown/HTML output: a '<script>' in a note is shown, never run.
    Markup is returned unchanged (escaping twice would show '&lt;')."""
    if isinstance(text, Markup):
        return text
    s = html.escape(str(text), quote=False)
    for ch in _MARKDOWN:
        s = s.replace(ch, "\\" + ch)
    return Markup(s)


def fill(template: str, *args, **values) -> Markup:
    """A trusted ``template`` (Markdown) with its ``{placeholders}`` filled with escaped values."""
    return Markup(str(template).format(*(esc(a) for a in args), **{k: esc(v) for k, v in values.items()}))


def markdown(text):
    """``text`` as a Markdown output; a plain string (not :class:`Markup`) is data and is escaped whole."""
    from IPython.display import Markdown
    return Markdown(str(esc(text)))
