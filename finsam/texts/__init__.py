"""Every word the site and its pages show, in Swedish and English, in one package.

Each module here defines ``TEXT = {key: {"sv": ..., "en": ...}}`` for one page (named after its
notebook) or for what pages share (``common``, ``site``). Keys start with the module's name
(``gender_outcomes.heading``), except the site's own. :func:`catalogue` merges them; a key that two
modules define is an error, so each text is written once. Sentences are whole sentences with
``{placeholders}`` for numbers and names, written per language, not assembled word by word.
"""
from __future__ import annotations

import importlib
import pkgutil


def catalogue() -> dict[str, dict[str, str]]:
    merged: dict[str, dict[str, str]] = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        for key, texts in getattr(module, "TEXT", {}).items():
            if key in merged:
                raise ValueError(f"text {key!r} is defined twice (finsam/texts/{info.name}.py and another module)")
            merged[key] = texts
    return merged
