"""Swedish and English labels for metrics (from metrics.csv), genders, outcomes and associations."""
from __future__ import annotations

from .data import Tables

from .i18n import LANGUAGES  # noqa: E402  (one list of languages: the site's)


def _vocabulary():
    """Labels of codes come from vocabulary.csv of the data in use (finsam.load() is memoised)."""
    from .data import load
    return load().vocabulary


def code_label(vocabulary: str, code: str, lang: str = "en", tables: Tables | None = None) -> str:
    from .semantics import frame_cached
    v = tables.vocabulary if tables is not None else _vocabulary()
    labels = frame_cached(v, "labels", lambda v: {(str(a), str(c), lg): str(v[f"label_{lg}"].iloc[i])
                                                   for i, (a, c) in enumerate(zip(v["vocabulary"], v["code"]))
                                                   for lg in LANGUAGES})
    key = (vocabulary, str(code), _lang(lang))
    if key not in labels:
        raise KeyError(f"{vocabulary} {code!r} is not in vocabulary.csv")
    return labels[key]


def _lang(lang: str) -> str:
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; choose one of {', '.join(LANGUAGES)}")
    return lang


def metric_label(tables: Tables, metric: str, lang: str = "en") -> str:
    m = tables.metrics.set_index(tables.metrics["metric"].astype(str))
    return str(m.loc[metric, f"label_{_lang(lang)}"])


def metric_unit(tables: Tables, metric: str) -> str:
    m = tables.metrics.set_index(tables.metrics["metric"].astype(str))
    return str(m.loc[metric, "unit"])


def gender_label(gender: str, lang: str = "en", tables: Tables | None = None) -> str:
    return code_label("gender", gender, lang, tables)


def outcome_label(outcome: str, lang: str = "en", tables: Tables | None = None) -> str:
    return code_label("outcome", outcome, lang, tables)


def association_name(tables: Tables, association: str) -> str:
    a = tables.associations.set_index(tables.associations["association_id"].astype(str))
    return str(a.loc[association, "name"])


def short_name(name: str) -> str:
    """An association's name without the common prefix, for crowded chart labels."""
    for prefix in ("Samordningsförbundet ",):
        if name.startswith(prefix):
            return name[len(prefix):]
    return name


def format_value(value: float, unit: str, lang: str = "en", tables: Tables | None = None) -> str:
    """A value as a reader of ``lang`` expects it (finsam.fmt): counts of any count unit whole
    (1 009 / 1,009), percent with one decimal (36,6 % / 36.6%), kronor in tkr/mnkr (sv) or SEK
    thousand/million (en); the class of a unit comes from vocabulary.csv."""
    from . import fmt
    if fmt._missing(value):
        return fmt.MISSING
    if unit == "percent":
        return fmt.percent(value, lang)
    if unit == "sek":
        return fmt.sek(value, lang, scale="tkr")
    v = tables.vocabulary if tables is not None else _vocabulary()
    row = v[(v["vocabulary"].astype(str) == "unit") & (v["code"].astype(str) == str(unit))]
    if not row.empty and str(row.iloc[0]["class"]) == "count":
        return fmt.integer(value, lang)
    return fmt.value(value, unit, lang)
