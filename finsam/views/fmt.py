"""Numbers as Swedish and English readers write them, in one place for every page, table and figure.

Swedish (Språkrådet's rules): a space groups thousands (1 009), a comma marks decimals (36,6), a
space stands before the percent sign (36,6 %), a true minus sign (−3), and kronor are written in
the scale their metric declares (metrics.csv display_scale: ``tkr``). English: 1,009, 36.6%, -3,
SEK 1,009 thousand. The spaces are no-break spaces (U+00A0), so a number never breaks across lines.

Missing values (None, NaN) print as an en dash. Rates are given in percent (0–100), not fractions.
"""
from __future__ import annotations

import math

from finsam.data.semantics import COUNT_CLASS, MONEY_CLASS, PERCENT, PERCENT_CLASS, Scale, display_scale, unit_classes
from finsam.data.tables import Tables
from finsam.texts import check_language

NBSP = "\u00a0"
MINUS = "\u2212"
MISSING = "\u2013"  # en dash


def _missing(value) -> bool:
    if value is None:
        return True
    try:
        return math.isnan(float(value))
    except (TypeError, ValueError):
        return False


def number(value, lang: str, decimals: int = 0) -> str:
    """``value`` rounded to ``decimals`` places with the language's separators: 1 009,5 / 1,009.5."""
    check_language(lang)
    if _missing(value):
        return MISSING
    text = f"{float(value):,.{decimals}f}"  # 1,009.5 (the binary value rounded, as Python formats)
    if text.lstrip("-").strip("0.,") == "":
        text = text.lstrip("-")  # no "-0"
    if lang == "en":
        return text
    text = text.replace(",", NBSP).replace(".", ",")
    return text.replace("-", MINUS)


def integer(value, lang: str) -> str:
    """A count of persons or participations: 1 009 / 1,009."""
    return number(value, lang, 0)


def percent(value, lang: str, decimals: int = 1) -> str:
    """A rate given in percent (0–100): 36,6 % / 36.6%."""
    text = number(value, lang, decimals)
    if text == MISSING:
        return MISSING
    return f"{text}{NBSP}%" if lang == "sv" else f"{text}%"


def sek(value, lang: str, scale: Scale, decimals: int | None = None) -> str:
    """An amount in kronor, in ``scale`` (vocabulary.csv, vocabulary scale; a metric's own is
    ``semantics.display_scale``): 1 941 tkr / SEK 1,941 thousand. ``decimals`` defaults to one
    below 10 of the scale (7,9 tkr) and none from 10 (1 941 tkr), so that a column of one scale
    compares at a glance."""
    check_language(lang)
    if _missing(value):
        return MISSING
    v = float(value) / scale.factor
    d = (1 if 0 < abs(v) < 10 else 0) if decimals is None else decimals
    text = number(v, lang, d)
    word = scale.word(lang)
    if lang == "sv":
        return f"{text}{NBSP}{word}"
    return f"SEK{NBSP}{text}" + (f" {word}" if word else "")


def signed(value, lang: str, decimals: int = 1) -> str:
    """A signed number, the plus written out: +24,0 / −3,5 (sv), +24.0 / -3.5 (en); 0 has no sign."""
    text = number(value, lang, decimals)
    if text == MISSING or text.startswith(("-", MINUS)) or text.strip("0,.") == "":
        return text
    return "+" + text


def p_value(p, lang: str) -> str:
    """A p-value with three decimals, and below 0.001 as such: p = 0,032 / p < 0,001."""
    if _missing(p):
        return MISSING
    if float(p) < 0.001:
        return f"p{NBSP}<{NBSP}{number(0.001, lang, 3)}"
    return f"p{NBSP}={NBSP}{number(p, lang, 3)}"


def interval(low, high, lang: str, unit: str = PERCENT, decimals: int = 1) -> str:
    """An interval with an en dash, the unit once: 30,6–42,9 % / 30.6–42.9%; signed when
    ``unit`` is ``pp`` (−4,2 till +10,1 / -4.2 to +10.1, the words from finsam/texts/common.py)."""
    if _missing(low) or _missing(high):
        return MISSING
    if unit == "pp":
        from finsam.texts import t
        return t("common.range", lang, low=signed(low, lang, decimals), high=signed(high, lang, decimals))
    text = f"{number(low, lang, decimals)}\u2013{number(high, lang, decimals)}"
    if unit == PERCENT:
        return f"{text}{NBSP}%" if lang == "sv" else f"{text}%"
    return text


def format_value(value: float, unit: str, lang: str, tables: Tables, metric: str | None = None) -> str:
    """A value as a reader of ``lang`` expects it: counts of any count unit whole
    (1 009 / 1,009), percent with one decimal (36,6 % / 36.6%), kronor in the display scale of
    ``metric`` (metrics.csv: 1 941 tkr / SEK 1,941 thousand); the class of a unit comes from
    vocabulary.csv."""
    if _missing(value):
        return MISSING
    kind = unit_classes(tables.vocabulary).get(str(unit))
    if kind == PERCENT_CLASS:
        return percent(value, lang)
    if kind == MONEY_CLASS:
        if metric is None:
            raise ValueError("an amount of money is shown in its metric's display_scale: name the metric")
        return sek(value, lang, display_scale(tables.metrics, tables.vocabulary, metric))
    if kind == COUNT_CLASS:
        return integer(value, lang)
    v = float(value)  # a unit of no class: a plain number
    return number(v, lang, 0 if v == round(v) else 2)
