"""Every word the site shows, in Swedish and English, looked up in one place: the page frame, the
index, and every heading, sentence, table header, figure label and caveat of the report pages (the
catalogue lives in finsam/texts, one module per page). Labels of metrics come from
``metrics.csv`` and labels of genders and outcomes from :mod:`finsam.labels`; names of
associations and interventions stay as the reports write them.

Every key has both languages (a test checks it, and that both use the same ``{placeholders}``).
Sentences are written per language, not assembled word by word.
"""
from __future__ import annotations

import string

from .texts import catalogue

LANGUAGES = ("sv", "en")  # the first is the site's main language

#: every text of the site and its pages, key -> {language: text}; the entries live in the modules of
#: finsam/texts (one per page, plus ``site`` and ``common``), merged here: a key defined twice is an error
TEXT: dict[str, dict[str, str]] = catalogue()


def check_language(lang: str) -> str:
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; choose one of {', '.join(LANGUAGES)}")
    return lang


def t(key: str, lang: str, **values) -> str:
    """The text ``key`` in ``lang``, with ``{placeholders}`` filled from ``values``."""
    text = TEXT[key][check_language(lang)]
    return text.format(**values) if values else text


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def other_languages(lang: str) -> list[str]:
    return [x for x in LANGUAGES if x != lang]
