"""One plotting theme for every notebook: seaborn, Okabe–Ito colours (safe for colour-blind
readers) fixed per gender, fonts that carry å, ä and ö, and deterministic figure files."""
from __future__ import annotations

import io
import os
from pathlib import Path

import matplotlib.pyplot as plt  # the user's backend is left alone: figures are returned as images
import numpy as np
import pandas as pd
import seaborn as sns

from .files import write_atomic
from .labels import gender_label, outcome_label

#: Okabe & Ito (2008) palette
GENDER_COLORS = {"women": "#CC79A7", "men": "#0072B2", "unknown": "#999999", "all": "#000000"}
ASSOCIATION_COLORS = ["#E69F00", "#56B4E9", "#009E73", "#D55E00", "#F0E442", "#0072B2", "#CC79A7"]


def set_theme() -> None:
    """Apply the finsam theme (idempotent). Fixed SVG hash salt and no dates in metadata keep
    figure files byte-identical between runs."""
    sns.set_theme(context="notebook", style="whitegrid", font="DejaVu Sans")
    plt.rcParams.update({"figure.figsize": (7.5, 4.0), "figure.dpi": 96, "savefig.dpi": 150,
                         "svg.hashsalt": "finsam", "svg.fonttype": "none", "axes.titleweight": "bold", "axes.titlesize": 12,
                         "legend.frameon": False})



def describe_figure(fig) -> str:
    """A plain description of ``fig`` from what it shows: each chart's title, the quantity on the
    value axis, the groups in its legend and the categories or years along its axis, e.g.
    "Outcome rates, 2018 (Percent of exited participants; Women, Men; Work, Studies)". Written
    in the figure's own language, as its labels are; a caller that knows the key values passes
    a better description to :func:`finish_figure` as ``alt``."""
    parts = []
    suptitle = fig._suptitle.get_text().strip() if getattr(fig, "_suptitle", None) else ""
    if suptitle:
        parts.append(suptitle)
    for ax in fig.axes:
        if not ax.get_visible() or not (ax.has_data() or ax.get_title()):
            continue
        title = ax.get_title().strip() or ax.get_title(loc="left").strip()
        detail = [ax.get_ylabel().strip(), ax.get_xlabel().strip()]
        legend = ax.get_legend()
        if legend is not None:
            detail.append(", ".join(t.get_text() for t in legend.get_texts() if t.get_text().strip()))
        ticks = [t.get_text() for t in ax.get_xticklabels() if t.get_text().strip()]
        if ticks:
            detail.append(", ".join(ticks))
        detail = [d for d in detail if d]
        text = title + (f" ({'; '.join(detail)})" if detail else "")
        if text:
            parts.append(text)
    return ". ".join(parts)


def finish_figure(fig, name: str, figures_dir: str | os.PathLike | None, alt: str | None = None):
    """Render ``fig`` once as PNG: saved as ``<name>.png`` (and ``<name>.svg``) in ``figures_dir``
    when given, and returned as the image the notebook shows, so the same picture is not drawn
    again by the inline backend. Files are written atomically; metadata hold no dates.

    ``alt`` is the text a reader who cannot see the figure gets instead (what is compared and the
    key values, in the page's language); without it, :func:`describe_figure` describes the
    figure from its title and labels."""
    from IPython.display import Image
    alt = (alt or "").strip() or describe_figure(fig)
    buf = io.BytesIO()
    fig.savefig(buf, format="png", bbox_inches="tight", metadata={"Software": None})
    png = buf.getvalue()
    if figures_dir:
        d = Path(figures_dir)
        d.mkdir(parents=True, exist_ok=True)
        write_atomic(d / f"{name}.png", png)
        svg = io.BytesIO()
        fig.savefig(svg, format="svg", bbox_inches="tight", metadata={"Date": None, "Creator": None,
                                                                      "Description": alt or None})
        write_atomic(d / f"{name}.svg", svg.getvalue())
    width = round(fig.get_figwidth() * plt.rcParams["figure.dpi"])
    plt.close(fig)
    return Image(data=png, format="png", width=width, alt=alt or None)


def bar_by_gender(df: pd.DataFrame, x: str, y: str, title: str, ylabel: str, xlabels=None, ax=None,
                  percent: bool = False):
    """Grouped bars, one colour per gender; ``df`` has columns ``gender``, ``x`` and ``y`` (one
    row per x and gender). Optional ``ci_low``/``ci_high`` columns draw interval whiskers.
    Plain matplotlib: seaborn's barplot costs a notebook half a second for the same picture."""
    set_theme()
    if ax is None:
        fig, ax = plt.subplots()
    else:
        fig = ax.figure
    d = df.assign(gender=df["gender"].astype(str), **{x: df[x].astype(str)})
    genders = [g for g in ("women", "men", "unknown", "all") if g in set(d["gender"])]
    order = list(dict.fromkeys(d[x]))
    width = 0.8 / len(genders)
    for i, g in enumerate(genders):
        sub = d[d["gender"] == g].drop_duplicates(x).set_index(x).reindex(order)
        pos = np.arange(len(order)) - 0.4 + width * (i + 0.5)
        ax.bar(pos, sub[y].fillna(0), width, color=GENDER_COLORS[g], label=gender_label(g))
        if {"ci_low", "ci_high"} <= set(sub.columns):
            has = sub["ci_low"].notna().to_numpy()
            ax.vlines(pos[has], sub["ci_low"][has], sub["ci_high"][has], color="#333333", linewidth=1.2)
    ax.set_xticks(range(len(order)), [(xlabels or {}).get(o, o) for o in order])
    ax.set_title(title)
    ax.set_xlabel("")
    ax.set_ylabel(ylabel)
    if percent:
        ax.set_ylim(0, 100)
    ax.legend(title="")
    fig.tight_layout()
    return fig


def outcome_label_map(lang: str = "en") -> dict:
    from .rates import OUTCOMES
    return {o: outcome_label(o, lang) for o in OUTCOMES}


def line_by_group(df: pd.DataFrame, x: str, y: str, group: str, colors: dict, labels: dict, title: str,
                  ylabel: str, marks=None):
    """Lines with markers per group; ``marks`` is a list of (x, text) drawn as dashed verticals."""
    set_theme()
    fig, ax = plt.subplots()
    for g, sub in df.groupby(group, observed=True, sort=False):
        sub = sub.sort_values(x)
        ax.plot(sub[x], sub[y], marker="o", color=colors.get(str(g), "#000000"), label=labels.get(str(g), str(g)))
    for xm, text in marks or ():
        ax.axvline(xm - 0.5, color="#777777", linestyle="--", linewidth=1)
        ax.annotate(text, (xm - 0.5, 1), xycoords=("data", "axes fraction"), fontsize=8, rotation=90,
                    va="top", ha="right", color="#555555")
    ax.set_title(title)
    ax.set_xlabel("")
    ax.set_ylabel(ylabel)
    years = sorted(set(df[x]))
    ax.set_xticks(years, [str(v) for v in years])
    if len(set(df[group])) > 1 or any(labels.get(str(g)) for g in set(df[group])):
        ax.legend(title="")
    fig.tight_layout()
    return fig
