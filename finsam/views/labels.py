"""Swedish and English labels of the data's codes, from the tables that declare them: metrics
(metrics.csv), genders, outcomes and every other vocabulary (vocabulary.csv)."""
from __future__ import annotations

from finsam.data.semantics import frame_cached, vocabulary_column
from finsam.data.tables import Tables


def code_label(vocabulary: str, code: str, lang: str, tables: Tables) -> str:
    labels = vocabulary_column(tables.vocabulary, vocabulary, f"label_{lang}")
    if str(code) not in labels:
        raise KeyError(f"{vocabulary} {code!r} is not in vocabulary.csv")
    return labels[str(code)]


def _column(df, key: str, column: str) -> dict[str, str]:
    """``key`` -> ``column`` of a table, as strings, built once per frame."""
    return frame_cached(df, f"{key}->{column}", lambda d: {str(k): str(v) for k, v in zip(d[key], d[column])})


def metric_label(tables: Tables, metric: str, lang: str) -> str:
    return _column(tables.metrics, "metric", f"label_{lang}")[metric]


def metric_unit(tables: Tables, metric: str) -> str:
    return _column(tables.metrics, "metric", "unit")[metric]


def gender_label(gender: str, lang: str, tables: Tables) -> str:
    return code_label("gender", gender, lang, tables)


def outcome_label(outcome: str, lang: str, tables: Tables) -> str:
    return code_label("outcome", outcome, lang, tables)


def short_name(name: str) -> str:
    """An association's name without the common prefix, for crowded chart labels."""
    for prefix in ("Samordningsförbundet ",):
        if name.startswith(prefix):
            return name[len(prefix):]
    return name
