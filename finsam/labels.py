"""Swedish and English labels for metrics (from metrics.csv), genders, outcomes and associations."""
from __future__ import annotations

from .data import Tables

LANGUAGES = ("en", "sv")
GENDER_LABELS = {
    "en": {"all": "All", "women": "Women", "men": "Men", "unknown": "Not stated"},
    "sv": {"all": "Alla", "women": "Kvinnor", "men": "Män", "unknown": "Ej angivet"},
}
OUTCOME_LABELS = {
    "en": {"work_or_studies": "Work or studies", "work": "Work", "studies": "Studies",
           "jobseeking": "Job seeking", "employment_service": "Employment Service programme",
           "other_intervention": "Another intervention", "continued_rehab": "Continued rehabilitation",
           "illness": "Illness", "other": "Other reasons"},
    "sv": {"work_or_studies": "Arbete eller studier", "work": "Arbete", "studies": "Studier",
           "jobseeking": "Arbetssökande", "employment_service": "Insats hos Arbetsförmedlingen",
           "other_intervention": "Annan insats", "continued_rehab": "Fortsatt rehabilitering",
           "illness": "Sjukdom", "other": "Annan anledning"},
}


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


def gender_label(gender: str, lang: str = "en") -> str:
    return GENDER_LABELS[_lang(lang)][str(gender)]


def outcome_label(outcome: str, lang: str = "en") -> str:
    return OUTCOME_LABELS[_lang(lang)][str(outcome)]


def association_name(tables: Tables, association: str) -> str:
    a = tables.associations.set_index(tables.associations["association_id"].astype(str))
    return str(a.loc[association, "name"])


def format_value(value: float, unit: str) -> str:
    """Numbers as a reader expects them: whole persons, one-decimal percent, kronor in thousands."""
    if value != value:  # NaN
        return "–"
    if unit == "persons":
        return f"{value:,.0f}".replace(",", "\u202f")
    if unit == "percent":
        return f"{value:.1f} %"
    if unit == "sek":
        return f"{value / 1000:,.0f} tkr".replace(",", "\u202f")
    return f"{value:g}"
