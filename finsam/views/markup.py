"""Data text into markup: the one place where a value from ``data/`` becomes part of Markdown or
HTML that a page shows."""
from __future__ import annotations

import html


def esc(text) -> str:
    """Escape data text for Markdown/HTML output: a '<script>' in a note is shown, never run."""
    s = html.escape(str(text), quote=False)
    for ch in "*_`[]|":
        s = s.replace(ch, "\\" + ch)
    return s


def markdown(text: str):
    from IPython.display import Markdown
    return Markdown(text)
