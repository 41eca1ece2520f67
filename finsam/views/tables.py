"""Tables and sentences more than one page shows, in the page's language: facts by metric and
gender, outcome rates with their intervals, gender gaps with their tests, the report's own
conflicting statements, and numbers on a figure's value axis."""
from __future__ import annotations

import numpy as np
import pandas as pd

from finsam.core.names import figure_stem
from finsam.data import semantics
from finsam.data.fields import ALL
from finsam.data.frames import texts
from finsam.data.tables import Tables
from finsam.stats.gaps import methods_disagree
from finsam.stats.wording import noun, unit_class
from finsam.texts import t as _t
from finsam.views import fmt
from finsam.views import labels as L
from finsam.views.markup import Markup, esc, fill


def _cell(values: pd.DataFrame, unit: str, lang: str, tables: Tables, metric: str | None = None) -> str:
    """One table cell in ``lang``: the value, or every conflicting value marked with ⚠; an amount
    of money in the display scale of ``metric`` (default: the rows' one metric)."""
    vals = list(dict.fromkeys(values["value"]))
    if metric is None and "metric" in values and values["metric"].nunique() == 1:
        metric = str(values["metric"].iloc[0])
    texts = [fmt.format_value(v, unit, lang, tables, metric) for v in vals]
    if len(set(texts)) < len(texts) and unit_class(tables, unit) == semantics.MONEY_CLASS:
        # 264 479 and 264 497 kr both read "264 tkr": the conflicting values are told apart in kronor
        texts = [fmt.sek(v, lang, semantics.finest_scale(tables.vocabulary)) for v in vals]
    return " / ".join(texts) + (" ⚠" if len(vals) > 1 else "")


def _genders(tables: Tables) -> list[str]:
    return semantics.codes(tables.vocabulary, "gender")


def fact_table(facts: pd.DataFrame, tables: Tables, metrics, lang: str = "en") -> pd.DataFrame:
    """Facts as a table: one row per metric (in the order given), one column per gender; a count
    in another unit than persons says so in its row label. Labels and numbers in ``lang``."""
    f = facts[facts["metric"].isin(metrics)]
    if f.empty:
        return pd.DataFrame()
    out, units = {}, {}
    for (metric, gender), g in f.groupby(["metric", "gender"], observed=True, sort=False):
        out.setdefault(metric, {})[L.gender_label(gender, lang, tables)] = _cell(g, str(g["unit"].iloc[0]), lang, tables)
        units.setdefault(metric, str(g["unit"].iloc[0]))
    order = [m for m in metrics if m in out]

    def label(m):
        u = units[m]
        shown = L.metric_label(tables, m, lang)
        if unit_class(tables, u) != semantics.COUNT_CLASS or u == semantics.PERSONS:
            return shown
        return f"{shown} ({noun(tables, u, lang)})"

    df = pd.DataFrame([out[m] for m in order], index=[label(m) for m in order])
    cols = [L.gender_label(g, lang, tables) for g in _genders(tables)]
    return df[[c for c in cols if c in df.columns]].fillna(fmt.MISSING)


#: rates' ``basis_code`` -> the text that names it in a table cell
BASIS_SHORT = {"counts": "gender_outcomes.basis.counts", "derived": "gender_outcomes.basis.derived",
               "reported": "gender_outcomes.basis.reported"}


def rates_table(rates: pd.DataFrame, lang: str = "en", tables: Tables | None = None) -> pd.DataFrame:
    """Outcome rates for display, indexed by outcome and gender: n, k, rate, 95 % Wilson
    interval, the report's own percentage, what the rate rests on, and ⚠ for contested counts."""
    if rates.empty:
        return pd.DataFrame()
    r = rates
    col = lambda key: _t(f"gender_outcomes.col.{key}", lang)
    out = pd.DataFrame({
        col("outcome"): [L.outcome_label(str(o), lang, tables) for o in r["outcome"]],
        col("gender"): [L.gender_label(str(g), lang, tables) for g in r["gender"]],
        col("exited"): [_whole(v, lang) for v in r["exited"]],
        col("count"): [_whole(v, lang) for v in r["count"]],
        col("rate"): [fmt.percent(v, lang) for v in r["rate"]],
        col("ci"): [fmt.interval(lo, hi, lang) for lo, hi in zip(r["ci_low"], r["ci_high"])],
        col("reported"): [fmt.percent(v, lang) for v in r["reported_rate"]],
        col("basis"): [_t(BASIS_SHORT[b], lang) for b in r["basis_code"]],
        col("conflict"): np.where(r["conflict"], "⚠", ""),
    })
    return out.set_index([col("outcome"), col("gender")])


def _whole(v, lang: str) -> str:
    """A count (NA-safe: pandas' Int64 columns hold pd.NA, which fmt does not know)."""
    return fmt.MISSING if pd.isna(v) else fmt.integer(int(v), lang)


def _range(values, fmt, lang: str = "en") -> str:
    lo, hi = fmt(min(values)), fmt(max(values))
    return lo if lo == hi else _t("common.range", lang, low=lo, high=hi)


def _level(alpha: float, lang: str) -> str:
    return fmt.percent(100 * alpha, lang, 0)


def _verdict(g, lang: str) -> str:
    """The conclusion of one comparison (rates.gap_test / gap_from_rates codes) in ``lang``."""
    code = g["verdict_code"]
    if code == "evidence":
        return _t(f"gender_outcomes.verdict.evidence.{g['direction']}", lang, level=_level(g["level"], lang),
                  diff=fmt.number(abs(g["difference_pp"]), lang, 0))
    if code == "no_evidence":
        return _t("gender_outcomes.verdict.no_evidence", lang, level=_level(g["level"], lang))
    return _t(f"gender_outcomes.verdict.{code}", lang)


TESTS = ("fisher", "chi2_yates", "chi_squared", "monte_carlo")


def test_name(code: str, lang: str, draws: int = 0, min_expected: float = float("nan")) -> str:
    """The name of a test finsam.stats.inference.table_test chose (its ``method_code``), in ``lang``;
    the Monte Carlo test says how many tables and why."""
    if code == "monte_carlo":
        return _t("common.test.monte_carlo", lang, draws=fmt.integer(draws, lang),
                  min_expected=fmt.number(min_expected, lang, 1))
    return _t(f"common.test.{code}", lang)


def _test(g, lang: str) -> str:
    code = g["test_code"]
    return test_name(code, lang) if code in TESTS else _t(f"gender_outcomes.test.{code}", lang)


def _num(v, lang: str, decimals: int, signed: bool = False) -> str:
    if v is None or pd.isna(v):
        return fmt.MISSING
    return fmt.signed(v, lang, decimals) if signed else fmt.number(v, lang, decimals)


def _pp_short(v, lang: str) -> str:
    return fmt.MISSING if pd.isna(v) else _t("gender_outcomes.pp_short", lang, value=fmt.signed(v, lang, 1))


def gap_table(gaps: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    """One row per comparison; the splits that a report's rounded percentages allow are
    summarised in one row of ranges (the text says how many). With the difference's 95 %
    interval and the detectable difference where ``gaps`` has them (:func:`with_intervals`)."""
    if gaps.empty:
        return pd.DataFrame()
    col = lambda key: _t(f"gender_outcomes.col.{key}", lang)
    of = lambda k, n: _t("common.k_of_n", lang, k=k, n=n)
    get = lambda g, c: g[c] if c in g and not pd.isna(g[c]) else np.nan

    def n(row, g):
        k, nn = row.get(f"{g}_count"), row.get(f"{g}_n")
        return fmt.MISSING if k is None or pd.isna(k) else of(_whole(k, lang), _whole(nn, lang))
    rows = []
    basis = gaps["basis_code"].astype(str) if "basis_code" in gaps else pd.Series("counts", index=gaps.index)
    split = basis == "split"
    for _, g in gaps[~split].iterrows():
        rows.append({col(semantics.WOMEN): n(g, semantics.WOMEN), col(semantics.MEN): n(g, semantics.MEN),
                     col("women_rate"): fmt.percent(g["women_rate"], lang),
                     col("men_rate"): fmt.percent(g["men_rate"], lang),
                     col("difference"): _pp_short(g["difference_pp"], lang),
                     col("difference_ci"): fmt.interval(get(g, "ci_low_pp"), get(g, "ci_high_pp"), lang, "pp"),
                     col("detectable"): _num(get(g, "detectable_pp"), lang, 1),
                     col("odds_ratio"): _num(get(g, "odds_ratio"), lang, 2),
                     col("cohens_h"): _num(get(g, "cohens_h"), lang, 2, signed=True),
                     col("test"): _test(g, lang), col("p"): _num(g["p_value"], lang, 3),
                     col("conclusion"): _verdict(g, lang) + (" ⚠" if g["conflict"] else "")})
    if split.any():
        g = gaps[split]
        whole = lambda v: _whole(v, lang)
        ci = (fmt.interval(g["ci_low_pp"].min(), g["ci_high_pp"].max(), lang, "pp")
              if "ci_low_pp" in g and g["ci_low_pp"].notna().all() else fmt.MISSING)
        rows.append({col(semantics.WOMEN): of(_range(g["women_count"], whole, lang), _range(g["women_n"], whole, lang)),
                     col(semantics.MEN): of(_range(g["men_count"], whole, lang), _range(g["men_n"], whole, lang)),
                     col("women_rate"): _range(g["women_rate"], lambda v: fmt.percent(v, lang), lang),
                     col("men_rate"): _range(g["men_rate"], lambda v: fmt.percent(v, lang), lang),
                     col("difference"): _range(g["difference_pp"], lambda v: _pp_short(v, lang), lang),
                     col("difference_ci"): ci,
                     col("detectable"): (_range(g["detectable_pp"], lambda v: _num(v, lang, 1), lang)
                                         if "detectable_pp" in g else fmt.MISSING),
                     col("odds_ratio"): _range(g["odds_ratio"], lambda v: _num(v, lang, 2), lang),
                     col("cohens_h"): _range(g["cohens_h"], lambda v: _num(v, lang, 2, signed=True), lang),
                     col("test"): "; ".join(sorted({_test(x, lang) for _, x in g.iterrows()})),
                     col("p"): _range(g["p_value"], lambda v: _num(v, lang, 3), lang),
                     col("conclusion"): _t("gender_outcomes.splits", lang, n=fmt.integer(len(g), lang),
                                           verdicts="; ".join(sorted({_verdict(x, lang) for _, x in g.iterrows()})))})
    return pd.DataFrame(rows)


def gap_sentence(gaps: pd.DataFrame, what: str, lang: str = "en") -> str:
    """The gender gap(s) of one group in words: the difference women − men, its test, its 95 %
    interval and the detectable difference where counts exist; "no evidence of a difference" is
    never written as "no difference"."""
    tested = gaps.dropna(subset=["p_value"])
    pp = lambda v: fmt.signed(v, lang, 1)
    has_ci = "ci_low_pp" in tested and len(tested) and tested["ci_low_pp"].notna().all()
    if len(tested) > 1:
        verdicts = sorted({_verdict(g, lang) for _, g in tested.iterrows()})
        rounded = (tested["basis_code"] == "split").all() if "basis_code" in tested else False
        why = _t("gender_outcomes.gap.why_rounded" if rounded else "gender_outcomes.gap.why_conflict", lang,
                 n=fmt.integer(len(tested), lang))
        conclusion = (_t("gender_outcomes.gap.every_version", lang, verdict=verdicts[0]) if len(verdicts) == 1 else
                      _t("gender_outcomes.gap.depends", lang, verdicts="; ".join(verdicts)))
        p_range = _t("gender_outcomes.gap.p_range", lang, low=fmt.number(tested["p_value"].min(), lang, 3),
                     high=fmt.number(tested["p_value"].max(), lang, 3))
        text = _t("gender_outcomes.gap.versions", lang, what=what, why=why, dmin=pp(tested["difference_pp"].min()),
                  dmax=pp(tested["difference_pp"].max()), p_range=p_range, conclusion=conclusion)
        if has_ci:
            text += _t("gender_outcomes.gap.interval_range", lang, low=pp(tested["ci_low_pp"].min()),
                       high=pp(tested["ci_high_pp"].max()),
                       det_low=fmt.number(tested["detectable_pp"].min(), lang, 1),
                       det_high=fmt.number(tested["detectable_pp"].max(), lang, 1))
        if has_ci and methods_disagree(tested).any():
            text += _t("gender_outcomes.gap.methods_disagree", lang)
        if not tested["significant"].any():
            text += _t("gender_outcomes.gap.not_evidence_small", lang)
        return text
    out = []
    for _, g in gaps.iterrows():
        if g["test_code"] == "none" or pd.isna(g["p_value"]):
            out.append(_t("gender_outcomes.gap.untested", lang, what=what, women=fmt.percent(g["women_rate"], lang),
                          men=fmt.percent(g["men_rate"], lang), verdict=_verdict(g, lang)))
            continue
        s = _t("gender_outcomes.gap.tested", lang, what=what,
               women_k=_t("common.k_of_n", lang, k=fmt.integer(g["women_count"], lang),
                          n=fmt.integer(g["women_n"], lang)),
               men_k=_t("common.k_of_n", lang, k=fmt.integer(g["men_count"], lang), n=fmt.integer(g["men_n"], lang)),
               women=fmt.percent(g["women_rate"], lang), men=fmt.percent(g["men_rate"], lang),
               diff=pp(g["difference_pp"]), verdict=_verdict(g, lang), test=_test(g, lang),
               p=fmt.p_value(g["p_value"], lang))
        if "ci_low_pp" in g and not pd.isna(g["ci_low_pp"]):
            s += _t("gender_outcomes.gap.interval", lang, low=pp(g["ci_low_pp"]), high=pp(g["ci_high_pp"]),
                    n_women=fmt.integer(g["women_n"], lang), n_men=fmt.integer(g["men_n"], lang),
                    detectable=fmt.number(g["detectable_pp"], lang, 1))
            if methods_disagree(g.to_frame().T).any():
                s += _t("gender_outcomes.gap.methods_disagree", lang)
        if not g["significant"]:
            s += _t("gender_outcomes.gap.not_evidence", lang)
        out.append(s)
    return " ".join(out)


def _quotes(obs: pd.DataFrame, key: tuple, value) -> list[str]:
    """The report's own words (verbatim quotes) behind one stated value."""
    inter, metric, gender, start, end = key
    return semantics.frame_cached(obs, "quotes", _quote_index).get(
        (str(inter), str(metric), str(gender), start, end, float(value)), [])


def _quote_index(obs: pd.DataFrame) -> dict[tuple, list[str]]:
    """(intervention, metric, gender, period_start, period_end, value) -> the distinct non-blank
    quotes stating it, in the observations' order."""
    cols = [texts(obs[c]) for c in ("intervention", "metric", "gender")] + \
        [obs["period_start"].tolist(), obs["period_end"].tolist(), obs["value"].astype(float).tolist(), texts(obs["quote"])]
    index: dict[tuple, dict[str, None]] = {}
    for *k, q in zip(*cols):
        if q.strip():
            index.setdefault(tuple(k), {})[q] = None
    return {k: list(v) for k, v in index.items()}


def conflict_list(facts: pd.DataFrame, lang: str, tables: Tables, obs: pd.DataFrame | None = None) -> list[Markup]:
    """One line per figure the report states with different values: where, the values, and why
    (the curators' English note on English pages; the report's own quoted words on Swedish ones,
    which needs ``obs``, the observations behind ``facts``)."""
    c = facts[facts["conflict"]]
    lines = []
    for key, g in c.groupby(["intervention", "metric", "gender", "period_start", "period_end"], observed=True,
                            sort=True):
        unit = str(g["unit"].iloc[0])
        vals = _t("gender_outcomes.conflict.values_sep", lang).join(
            fmt.format_value(v, unit, lang, tables, str(key[1])) for v in g["value"])
        where = Markup(_t("gender_outcomes.all_interventions", lang)) if str(key[0]) == ALL else key[0]
        head = fill("{}, {}, {}", where, L.metric_label(tables, str(key[1]), lang).lower(),
                    L.gender_label(str(key[2]), lang, tables).lower())
        if lang == "en":
            note = next((n for n in g["notes"] if n), "")
            why = esc(note)
        else:
            quotes = [q for v in g["value"] for q in _quotes(obs, key, v)] if obs is not None else []
            why = Markup(" / ").join(fill("”{}”", q) for q in dict.fromkeys(quotes))
        lines.append(fill("{}: {}", head, vals) + (fill(" — {}", why) if why else ""))
    return lines


def contradiction_list(view, facts: pd.DataFrame, among=None) -> list[Markup]:
    """One line per figure the report states with one value that its own other figures do not
    agree with (:func:`finsam.stats.findings.contradictions`, of the facts ``among`` where given):
    where, the value, and the curators' explanation (:meth:`finsam.views.base.View.curators_note`)."""
    from finsam.stats.findings import contradictions
    lines = []
    for c in contradictions(facts, among):
        rows = facts.loc[list(c.rows)]
        heads = []
        for r in rows.itertuples():
            where = Markup(_t("gender_outcomes.all_interventions", view.lang)) if str(r.intervention) == ALL \
                else esc(r.intervention)
            period = f"{r.period_start}" if r.period_start == r.period_end else f"{r.period_start}–{r.period_end}"
            what = L.metric_label(view.t, str(r.metric), view.lang).lower()
            if str(r.gender) != semantics.EVERYONE:
                what = f"{what} ({L.gender_label(str(r.gender), view.lang, view.t).lower()})"
            heads.append(fill("{}, {}, {}: {}", where, what, period,
                              fmt.format_value(r.value, str(r.unit), view.lang, view.t, str(r.metric))))
        lines.append(Markup("; ").join(heads) + Markup(" — ") + view.curators_note(c.note))
    return lines


def unusable_list(unusable: pd.DataFrame, lang: str, tables: Tables) -> list[Markup]:
    """One line per version of a count the report's own arithmetic rules out
    (:func:`finsam.data.versions.unusable_in`): where, the value and why; markup, its data escaped."""
    out = []
    for u in unusable.itertuples():
        where = Markup(_t("gender_outcomes.all_interventions", lang)) if str(u.intervention) == ALL else esc(u.intervention)
        if u.category:
            where = where + fill(" ({})", u.category)
        if int(u.period_start) != int(u.period_end):
            where = where + Markup(f" {u.period_start}–{u.period_end}")
        out.append(Markup(_t(f"common.unusable.{u.rule}", lang, where=where,
                             metric=esc(L.metric_label(tables, str(u.metric), lang).lower()),
                             gender=esc(L.gender_label(str(u.gender), lang, tables).lower()),
                             value=fmt.integer(u.value, lang), parts=fmt.integer(u.parts, lang),
                             whole=fmt.integer(u.whole, lang) if u.whole == u.whole else "")))
    return out


def _finish(fig, name, figures_dir, stem, alt: str):
    from finsam.views.plotting import finish_figure
    return finish_figure(fig, figure_stem(stem, name), figures_dir, alt=alt)


def _values(values, fmt=str, lang: str = "en") -> str:
    return _t("common.or", lang).join(fmt(v) for v in values)


def _axis_number(view, v: float) -> str:
    """A number on a figure's value axis as the page's language writes it, with the decimals the
    tick needs (0, 0,5, 1 / 0, 0.5, 1)."""
    decimals = next((d for d in range(4) if abs(round(v, d) - v) < 1e-9), 3)
    return view.num(v, decimals)
