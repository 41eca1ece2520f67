"""Names of the files a render writes, built from checked ids: one rule for every layer.

A report's *stem* is its notebook's name followed by the values of the parameters that select it
(``interventions_bhs_2018``); each figure of the report is ``<stem>__<figure>`` with ``.png`` and
``.svg`` beside each other in the figures folder. The views name their figures with
:func:`figure_stem`; the render takes a report's figures from the private folder its kernel saved
them in, keeping those :func:`is_figure_of` the report, and records them in its manifest (the
index shows the recorded ones: a file is never taken for a report's figure by its name alone).
"""
from __future__ import annotations

import re

#: the folder of the pages and figures about every association together (not the gender code)
EVERY_ASSOCIATION = "all"  # not a vocabulary code
#: between a report's stem and the name of one of its figures
FIGURE_SEPARATOR = "__"
#: a file-name part built from the data: ids are slugs (checked by validation), stems join them
#: and snake_case metric names with _; no dots, slashes, colons or anything else
SAFE_PART = re.compile(r"[a-z0-9][a-z0-9_-]*")


def report_stem(notebook: str, values) -> str:
    """File-name stem of a report: the notebook's name and the selecting parameters' values, in order."""
    return "_".join([notebook, *(str(v) for v in values)])


def figure_stem(stem: str, name: str) -> str:
    """File name (without extension) of the figure ``name`` of the report ``stem``."""
    return f"{stem}{FIGURE_SEPARATOR}{name}"


def is_figure_of(filename: str, stem: str) -> bool:
    """Whether ``filename`` is a figure file of the report ``stem``."""
    return filename.startswith(f"{stem}{FIGURE_SEPARATOR}")


def figures_path(lang: str, association: str | None) -> str:
    """The folder of a language's figures of one association (or of every association) in a site."""
    return f"{lang}/figures/{association or EVERY_ASSOCIATION}"
