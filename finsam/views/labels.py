"""Swedish and English labels for metrics (from metrics.csv), genders, outcomes and associations."""
from __future__ import annotations

from finsam.data.load import Tables

from finsam.texts import LANGUAGES  # noqa: E402  (one list of languages: the site's)


def _vocabulary():
    """Labels of codes come from vocabulary.csv of the data in use (finsam.load() is memoised)."""
    from finsam.data.load import load
    return load().vocabulary


def code_label(vocabulary: str, code: str, lang: str = "en", tables: Tables | None = None) -> str:
    from finsam.data.semantics import vocabulary_column
    v = tables.vocabulary if tables is not None else _vocabulary()
    labels = vocabulary_column(v, vocabulary, f"label_{_lang(lang)}")
    if str(code) not in labels:
        raise KeyError(f"{vocabulary} {code!r} is not in vocabulary.csv")
    return labels[str(code)]


def _lang(lang: str) -> str:
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; choose one of {', '.join(LANGUAGES)}")
    return lang


def _column(df, key: str, column: str) -> dict[str, str]:
    """``key`` -> ``column`` of a table, as strings, built once per frame."""
    from finsam.data.semantics import frame_cached
    return frame_cached(df, f"{key}->{column}", lambda d: {str(k): str(v) for k, v in zip(d[key], d[column])})


def metric_label(tables: Tables, metric: str, lang: str = "en") -> str:
    return _column(tables.metrics, "metric", f"label_{_lang(lang)}")[metric]


def metric_unit(tables: Tables, metric: str) -> str:
    return _column(tables.metrics, "metric", "unit")[metric]


def gender_label(gender: str, lang: str = "en", tables: Tables | None = None) -> str:
    return code_label("gender", gender, lang, tables)


def outcome_label(outcome: str, lang: str = "en", tables: Tables | None = None) -> str:
    return code_label("outcome", outcome, lang, tables)


def association_name(tables: Tables, association: str) -> str:
    return _column(tables.associations, "association_id", "name")[association]


def short_name(name: str) -> str:
    """An association's name without the common prefix, for crowded chart labels."""
    for prefix in ("Samordningsförbundet ",):
        if name.startswith(prefix):
            return name[len(prefix):]
    return name


def format_value(value: float, unit: str, lang: str = "en", tables: Tables | None = None) -> str:
    """A value as a reader of ``lang`` expects it (finsam.views.fmt): counts of any count unit whole
    (1 009 / 1,009), percent with one decimal (36,6 % / 36.6%), kronor in tkr/mnkr (sv) or SEK
    thousand/million (en); the class of a unit comes from vocabulary.csv."""
    from finsam.views import fmt
    if fmt._missing(value):
        return fmt.MISSING
    if unit == "percent":
        return fmt.percent(value, lang)
    if unit == "sek":
        return fmt.sek(value, lang, scale="tkr")
    from finsam.data.semantics import unit_classes
    v = tables.vocabulary if tables is not None else _vocabulary()
    if unit_classes(v).get(str(unit)) == "count":
        return fmt.integer(value, lang)
    return fmt.value(value, unit, lang)
