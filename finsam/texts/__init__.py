"""Every word the site and its pages show, in Swedish and English, in one package.

Each module here defines ``TEXT = {key: {"sv": ..., "en": ...}}`` for one page (named after its
notebook) or for what pages share (``common``, ``site``). Keys start with the module's name
(``gender_outcomes.heading``), except the site's own. :func:`catalogue` merges them; a key that two
modules define is an error, so each text is written once. Sentences are whole sentences with
``{placeholders}`` for numbers and names, written per language, not assembled word by word.

:func:`t` looks a text up in one language; labels of metrics come from ``metrics.csv`` and labels of
genders and outcomes from ``vocabulary.csv`` (:mod:`finsam.views.labels`); names of associations and
interventions stay as the reports write them. Every key has both languages (a test checks it, and
that both use the same ``{placeholders}``).
"""
from __future__ import annotations

import importlib
import pkgutil
import string

from finsam.core.errors import ParameterError

LANGUAGES = ("sv", "en")  # the first is the site's main language


def catalogue() -> dict[str, dict[str, str]]:
    merged: dict[str, dict[str, str]] = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        for key, texts in getattr(module, "TEXT", {}).items():
            if key in merged:
                raise ValueError(f"text {key!r} is defined twice (finsam/texts/{info.name}.py and another module)")
            merged[key] = texts
    return merged

#: every text of the site and its pages, key -> {language: text}; the entries live in the modules of
#: finsam/texts (one per page, plus ``site`` and ``common``), merged here: a key defined twice is an error
TEXT: dict[str, dict[str, str]] = catalogue()


def check_language(lang) -> str:
    """``lang`` when the site has that language; else :class:`ParameterError` (a ValueError)
    naming the valid ones. The one language check: the CLI, the render plan, the notebooks'
    parameter check and every view call it where a language comes in."""
    if lang not in LANGUAGES:
        raise ParameterError(f"unknown language {lang!r}; valid: {', '.join(LANGUAGES)}")
    return lang


def t(key: str, lang: str, **values) -> str:
    """The text ``key`` in ``lang``, with ``{placeholders}`` filled from ``values``."""
    try:
        text = TEXT[key][lang]
    except KeyError:
        check_language(lang)  # says which languages there are; else the key is unknown
        raise
    return text.format(**values) if values else text


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def other_languages(lang: str) -> list[str]:
    return [x for x in LANGUAGES if x != lang]
