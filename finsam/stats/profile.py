"""Who the participants are: breakdowns by one dimension (municipality, referrer, age group,
education, time in public support, income source, birth region), outcome rates per category and
a test of whether outcomes differ across the categories.

Plain functions returning DataFrames (or a dict for a test result). Units: counts are persons;
``share_of_total`` and rates are percentages. A rate per category is a percentage of the
category's *exited* participants, as in :mod:`finsam.stats.rates`, with a 95 % Wilson interval when the
report gives the counts; a percentage printed without counts is carried as reported.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from finsam.data.conflicts import resolve
from finsam.data.tables import Tables, select
from finsam.data import semantics
from finsam.stats.rates import rates_from_facts
from finsam.data.fields import BASE_CATEGORY, PREFIXED_DIMENSIONS


def breakdowns(tables: Tables, association: str | None = None) -> pd.DataFrame:
    """Which breakdowns the data hold: one row per (association, dimension, intervention, period)
    with the metrics stated, the number of categories and whether any is split by gender."""
    o = tables.observations
    o = o[o["dimension"] != ""]
    if association is not None:
        o = o[o["association_id"] == association]
    cols = ["association_id", "dimension", "intervention", "period_start", "period_end"]
    if o.empty:
        return pd.DataFrame(columns=cols + ["metrics", "categories", "by_gender"])
    g = o.assign(**{c: o[c].astype(str) for c in ("association_id", "dimension", "intervention")}).groupby(
        cols, observed=True)
    out = pd.DataFrame({
        "metrics": g["metric"].agg(lambda s: ", ".join(sorted(set(s.astype(str))))),
        "categories": g["category"].agg(lambda s: len(set(s.astype(str)) - {BASE_CATEGORY})),  # the base is none
        "by_gender": g["gender"].agg(lambda s: bool(s.isin(semantics.COMPARED).any())),
    })
    return out.reset_index().sort_values(cols, kind="stable").reset_index(drop=True)


#: words for the prefixes of PREFIXED_DIMENSIONS in category labels, per language
PREFIX_WORDS = {"before:": {"sv": "före", "en": "before"}, "after:": {"sv": "efter", "en": "after"}}


def _category_order(tables: Tables, dimension: str) -> dict[str, tuple[int, str, str]]:
    """category -> (sort key, English label, Swedish label); 'before:'/'after:' categories sort by their base."""
    c = tables.categories
    c = c[c["dimension"].astype(str) == dimension]
    base = {str(k): (int(o), str(en), str(sv))
            for k, o, en, sv in zip(c["category"], c["order"], c["label_en"], c["label_sv"])}
    out = dict(base)
    for i, p in enumerate(PREFIXED_DIMENSIONS.get(dimension, ())):
        words = PREFIX_WORDS.get(p, {"sv": p.rstrip(":"), "en": p.rstrip(":")})
        for k, (o, en, sv) in base.items():
            out[p + k] = (o + 1000 * (i + 1), f"{en} ({words['en']})", f"{sv} ({words['sv']})")
    return out


def composition(tables: Tables, association: str, period, dimension: str, intervention: str | None = None,
                policy: str = "show") -> pd.DataFrame:
    """The participants of one association and period broken down by ``dimension``.

    One row per stated figure (intervention, metric, gender, category, value): counts (unit
    persons) and the report's own shares (unit percent). For counts, ``share_of_total`` =
    100 · value / ``total`` (derived here, not printed in the report), where ``total`` is the base
    the report states for the figure (``base``):

    - ``declared``: the breakdown's own base, a row of category ``BASE_CATEGORY`` ("89 of the 234
      new participants registered with time in public support": 234);
    - ``table_total``: the figure about everyone for the same intervention, metric and gender, where
      the breakdown's categories add up to it exactly (the table's own total);
    - ``""``: neither; no share is derived, never one of the nearest total.

    A contested base gives no share. ``conflict`` marks values the report contradicts; ``lines``
    are the rows of observations.csv behind the figure. The base row itself is listed (category
    ``BASE_CATEGORY``), without a share.
    """
    obs = tables.observations
    sel = select(obs, association=association, period=period, dimension=dimension, intervention=intervention)
    facts = resolve(sel, policy)
    cols = ["intervention", "period_start", "period_end", "metric", "gender", "category", "label_en", "label_sv", "order",
            "value", "unit", "total", "share_of_total", "base", "conflict", "lines"]
    if facts.empty:
        return pd.DataFrame(columns=cols)
    totals = resolve(select(obs, association=association, period=period, intervention=intervention), policy)
    total_of: dict[tuple, float] = {}
    for r in totals.itertuples(index=False):
        key = (str(r.intervention), r.period_start, r.period_end, str(r.metric), str(r.gender))
        # a contested total gives no single base: leave the share empty
        total_of[key] = np.nan if (r.conflict or key in total_of) else float(r.value)
    order = _category_order(tables, dimension)
    count_units = set(semantics.count_units(tables.vocabulary))
    prefixes = PREFIXED_DIMENSIONS.get(dimension, ())

    def part(cat: str) -> str:  # 'before:'/'after:' breakdowns add up separately
        return next((p for p in prefixes if cat.startswith(p)), "")

    declared: dict[tuple, float] = {}
    sums: dict[tuple, float] = {}
    for r in facts.itertuples(index=False):
        key = (str(r.intervention), r.period_start, r.period_end, str(r.metric), str(r.gender))
        cat = str(r.category)
        if cat == BASE_CATEGORY:
            declared[key] = np.nan if (r.conflict or key in declared) else float(r.value)
        elif str(r.unit) in count_units:
            k = (*key, part(cat))
            sums[k] = np.nan if r.conflict else sums.get(k, 0.0) + float(r.value)
    rows = []
    for r in facts.itertuples(index=False):
        cat = str(r.category)
        key = (str(r.intervention), r.period_start, r.period_end, str(r.metric), str(r.gender))
        o, lab, lab_sv = order.get(cat, (10_000, cat, cat))
        total, base = np.nan, ""
        if str(r.unit) in count_units and cat != BASE_CATEGORY:
            if key in declared:
                total, base = declared[key], "declared"
            elif sums.get((*key, part(cat))) == total_of.get(key, np.nan):
                total, base = total_of[key], "table_total"
        share = 100 * r.value / total if total and not np.isnan(total) else np.nan
        rows.append((str(r.intervention), r.period_start, r.period_end, str(r.metric), str(r.gender), cat, lab, lab_sv, o,
                     float(r.value), str(r.unit), total, share, base if share == share else "", bool(r.conflict),
                     r.lines))
    out = pd.DataFrame(rows, columns=cols)
    out["gender"] = pd.Categorical(out["gender"], categories=semantics.codes(tables.vocabulary, "gender"))
    return out.sort_values(["intervention", "metric", "gender", "order", "category"], kind="stable").reset_index(
        drop=True)


def category_rates(tables: Tables, association: str, period, dimension: str, intervention: str,
                   policy: str = "show") -> pd.DataFrame:
    """Exit outcomes per category of ``dimension`` for one association, period and intervention:
    the columns of :func:`finsam.stats.findings.outcome_rates` (``exited``, ``count``, ``rate``, 95 % Wilson
    ``ci_low``/``ci_high`` in percent, ``reported_rate``, ``basis``, ``conflict``) plus
    ``category``, ``label_en`` and ``label_sv`` (categories.csv). Categories with no exit figures are left out."""
    sel = select(tables.observations, association=association, period=period, dimension=dimension,
                 intervention=intervention)
    facts = resolve(sel, policy)
    order = _category_order(tables, dimension)
    parts = []
    for cat, f in facts.groupby(facts["category"].astype(str), observed=True, sort=False):
        r = rates_from_facts(f, tables)
        if r.empty:
            continue
        o, lab, lab_sv = order.get(cat, (10_000, cat, cat))
        parts.append(r.assign(category=cat, label_en=lab, label_sv=lab_sv, order=o))
    if not parts:
        return pd.DataFrame(columns=["category", "label_en", "label_sv", "order", "gender", "outcome", "exited", "count", "rate",
                                     "ci_low", "ci_high", "reported_rate", "basis", "conflict"])
    out = pd.concat(parts, ignore_index=True)
    first = ["category", "label_en", "label_sv", "order"]
    out = out[[*first, *[c for c in out.columns if c not in first]]]
    return out.sort_values(["outcome", "gender", "order", "category"], kind="stable").reset_index(drop=True)


#: the tests :func:`outcome_difference` may use (its ``test`` field): no test, or a code of
#: :func:`finsam.stats.inference.table_test` (the one rule); the views word them per language
TESTS = ("none_few_categories", "none_same_outcome", "fisher", "chi2_yates", "chi_squared", "monte_carlo")
#: what :func:`outcome_difference` concludes (its ``verdict`` field)
VERDICTS = ("evidence", "no_evidence", "untestable", "same_outcome")


def outcome_difference(rates: pd.DataFrame, outcome: str = semantics.SUM_OUTCOME, gender: str = semantics.EVERYONE,
                       alpha: float = 0.05) -> dict:
    """Whether an outcome differs across categories, from :func:`category_rates` output.

    Uses the categories with counts (k of n exited) and no contested value, and the test
    :func:`finsam.stats.inference.table_test` chooses for the categories × (k, n − k) table: with
    two categories Fisher's exact test (an expected count below 5) or chi-squared with Yates'
    correction, with more a chi-squared test or, when an expected count is below 5, its Monte
    Carlo version. Returns the table (``categories``, ``counts``, ``exited``), ``test`` (a code of
    :data:`TESTS`), ``statistic``, ``dof``, ``p_value``, ``cramers_v`` (effect size, from the
    uncorrected X²), ``min_expected``, ``draws`` (Monte Carlo), ``level`` (alpha), ``significant``,
    ``verdict`` (a code of :data:`VERDICTS`; 'no_evidence' is not evidence of the same rate) and,
    when significant, the categories with the ``highest`` and ``lowest`` rate (category, rate in
    percent). No sentences: the views word these.
    """
    from scipy.stats import chi2_contingency
    from finsam.stats.inference import table_test
    known = list(rates["outcome"].cat.categories) if isinstance(rates["outcome"].dtype, pd.CategoricalDtype) else \
        sorted(set(rates["outcome"].astype(str)))
    if outcome not in known:
        raise ValueError(f"unknown outcome {outcome!r}; valid: {', '.join(known)}")
    r = rates[(rates["outcome"].astype(str) == outcome) & (rates["gender"].astype(str) == gender)]
    r = r[r["count"].notna() & r["exited"].notna() & ~r["conflict"].astype(bool)]
    r = r.drop_duplicates("category", keep=False)  # a category with several value combinations is contested
    out = dict(outcome=outcome, gender=gender, categories=list(r["category"]),
               counts=[int(x) for x in r["count"]], exited=[int(x) for x in r["exited"]], level=alpha,
               highest=None, lowest=None, draws=0)
    if len(r) < 2:
        return {**out, "test": "none_few_categories", "statistic": np.nan, "dof": 0,
                "p_value": np.nan, "cramers_v": np.nan, "min_expected": np.nan, "significant": False,
                "verdict": "untestable"}
    k = np.array(out["counts"], dtype=float)
    n = np.array(out["exited"], dtype=float)
    table = np.column_stack([k, n - k])
    if (table < 0).any():
        raise ValueError(f"a count exceeds its exits: {out}")
    if (table.sum(axis=0) == 0).any():
        return {**out, "test": "none_same_outcome", "statistic": 0.0, "dof": len(r) - 1,
                "p_value": 1.0, "cramers_v": 0.0, "min_expected": np.nan, "significant": False,
                "verdict": "same_outcome"}
    t = table_test(table)
    v = float(np.sqrt(chi2_contingency(table, correction=False).statistic / table.sum()))  # min(r−1, c−1) = 1
    p = t.p_value
    significant = p < alpha
    rates_pct = 100 * k / n
    extremes = {}
    if significant:
        hi, lo = int(np.argmax(rates_pct)), int(np.argmin(rates_pct))
        extremes = dict(highest=(out["categories"][hi], float(rates_pct[hi])),
                        lowest=(out["categories"][lo], float(rates_pct[lo])))
    return {**out, **extremes, "test": t.method_code, "statistic": t.statistic, "dof": t.dof, "p_value": p,
            "cramers_v": v, "min_expected": t.min_expected, "draws": t.draws, "significant": significant,
            "verdict": "evidence" if significant else "no_evidence"}
