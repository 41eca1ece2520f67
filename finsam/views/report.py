"""The content of the notebooks: tables, figures and sentences built from the analysis API.

Notebooks stay thin: each section is one call here. Everything shown is sorted and rounded so
that outputs are identical between runs (nbval compares them), and every string taken from the
data is HTML-escaped before it enters Markdown.
"""
from __future__ import annotations

import functools

import numpy as np
import pandas as pd

from finsam.stats import findings
from finsam.views import fmt
from finsam.views import labels as L
from finsam.data import semantics
from finsam.data.conflicts import resolve
from finsam.data.load import Tables, select, texts
from finsam.views.registry import report_stem
from finsam.stats.rates import gap_from_rates, rates_by_group
from finsam.data.fields import ALL
from finsam.stats.trends import lineage, multi_year, trend
from finsam.stats.wording import SMALL_N, change, noun, segments, unit_class

# Views show every cell in full: a cut note ("Samordningsförbundet Hudd…") hides what it says.
pd.set_option("display.max_colwidth", None)


from finsam.texts import t as _t  # noqa: E402
from finsam.views.base import View, esc, markdown  # noqa: E402,F401  (views_* and notebooks import them from here)


def _cell(values: pd.DataFrame, unit: str, lang: str, tables: Tables | None = None) -> str:
    """One table cell in ``lang``: the value, or every conflicting value marked with ⚠."""
    vals = list(dict.fromkeys(values["value"]))
    texts = [L.format_value(v, unit, lang, tables) for v in vals]
    if len(set(texts)) < len(texts) and unit == "sek":  # 264 479 and 264 497 kr both read "264 tkr"
        texts = [fmt.sek(v, lang, scale="kr") for v in vals]
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
        if unit_class(tables, u) != "count" or u == "persons":
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


def _test(g, lang: str) -> str:
    return _t(f"gender_outcomes.test.{g['test_code']}", lang)


def _num(v, lang: str, decimals: int, signed: bool = False) -> str:
    if v is None or pd.isna(v):
        return fmt.MISSING
    return fmt.signed(v, lang, decimals) if signed else fmt.number(v, lang, decimals)


def _pp_short(v, lang: str) -> str:
    return fmt.MISSING if pd.isna(v) else _t("gender_outcomes.pp_short", lang, value=fmt.signed(v, lang, 1))


def with_intervals(gaps: pd.DataFrame) -> pd.DataFrame:
    """``gaps`` (rates.gap_from_rates) with the difference's 95 % Newcombe interval
    (``ci_low_pp``/``ci_high_pp``) and the smallest difference the group sizes detect with 80 %
    power (``detectable_pp``), from finsam.stats.inference.gap_interval, where counts exist."""
    from finsam.stats import inference as inf
    if gaps.empty:
        return gaps
    cols = {c: [] for c in ("ci_low_pp", "ci_high_pp", "detectable_pp")}
    for _, g in gaps.iterrows():
        counts = [g.get(c) for c in ("women_count", "women_n", "men_count", "men_n")]
        if any(v is None or pd.isna(v) for v in counts) or int(counts[1]) <= 0 or int(counts[3]) <= 0:
            for c in cols:
                cols[c].append(np.nan)
            continue
        d = inf.gap_interval(*(int(v) for v in counts))
        cols["ci_low_pp"].append(d.ci_low_pp)
        cols["ci_high_pp"].append(d.ci_high_pp)
        cols["detectable_pp"].append(d.detectable_pp)
    return gaps.assign(**cols)


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
        rows.append({col("women"): n(g, "women"), col("men"): n(g, "men"),
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
        rows.append({col("women"): of(_range(g["women_count"], whole, lang), _range(g["women_n"], whole, lang)),
                     col("men"): of(_range(g["men_count"], whole, lang), _range(g["men_n"], whole, lang)),
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


def _disagree(gaps: pd.DataFrame) -> pd.Series:
    """Rows whose 95 % interval (Newcombe) and test (Fisher/χ²) give different verdicts at 5 %."""
    excludes_zero = (gaps["ci_low_pp"].astype(float) > 0) | (gaps["ci_high_pp"].astype(float) < 0)
    return excludes_zero != gaps["significant"].astype(bool)


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
        if has_ci and _disagree(tested).any():
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
            if _disagree(g.to_frame().T).any():
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


def conflict_list(facts: pd.DataFrame, lang: str, tables: Tables, obs: pd.DataFrame | None = None) -> list[str]:
    """One line per figure the report states with different values: where, the values, and why
    (the curators' English note on English pages; the report's own quoted words on Swedish ones,
    which needs ``obs``, the observations behind ``facts``)."""
    c = facts[facts["conflict"]]
    lines = []
    for key, g in c.groupby(["intervention", "metric", "gender", "period_start", "period_end"], observed=True,
                            sort=True):
        unit = str(g["unit"].iloc[0])
        vals = _t("gender_outcomes.conflict.values_sep", lang).join(
            L.format_value(v, unit, lang, tables) for v in g["value"])
        where = _t("gender_outcomes.all_interventions", lang) if str(key[0]) == ALL else esc(key[0])
        head = (f"{where}, {esc(L.metric_label(tables, str(key[1]), lang).lower())}, "
                f"{L.gender_label(str(key[2]), lang, tables).lower()}")
        if lang == "en":
            note = next((n for n in g["notes"] if n), "")
            why = esc(note)
        else:
            quotes = [q for v in g["value"] for q in _quotes(obs, key, v)] if obs is not None else []
            why = " / ".join(f"”{esc(q)}”" for q in dict.fromkeys(quotes))
        lines.append(f"{head}: {vals}" + (f" — {why}" if why else ""))
    return lines


def _finish(fig, name, figures_dir, stem, alt: str):
    from finsam.views.plotting import finish_figure
    return finish_figure(fig, f"{stem}__{name}", figures_dir, alt=alt)


def _values(values, fmt=str, lang: str = "en") -> str:
    return _t("common.or", lang).join(fmt(v) for v in values)


class GenderOutcomes(View):
    """Sections of the gender_outcomes notebook for one association and year, in ``lang``."""

    notebook = "gender_outcomes"

    def __init__(self, tables: Tables, association: str, year: int, figures_dir=None, policy: str = "show", lang: str = "en"):
        super().__init__(tables, lang)
        self.a, self.year, self.figures_dir, self.policy = association, year, figures_dir, policy
        self.obs = select(tables.observations, association=association, period=year)
        self.facts = resolve(self.obs, policy)
        self.stem = report_stem("gender_outcomes", dict(association=association, year=year))
        self.headline = findings.headline(tables, association, year, policy, self.facts)
        self.population = self.headline.population
        self.group = self.population.group
        # the year's facts are resolved once; the population's rates come from them, computed once
        # with the headline
        self.rates = self.headline.rates
        self.exit_metrics = [semantics.denominator(tables.metrics)] + [o.count for o in semantics.outcomes(tables.metrics)]

    def _names(self, names) -> str:
        return ", ".join(esc(x) for x in names)

    def group_text(self):
        """Which population the outcome sections describe, and why (finsam.stats.scope decides)."""
        p = self.population
        if p.reason == "no_outcomes":
            return self.md("gender_outcomes.group.no_outcomes", year=self.year)
        if p.is_all:
            return self.md("gender_outcomes.group.all")
        parts = [self.tr("gender_outcomes.group.intro", group=esc(p.group))]
        if p.reason == "excluded_interventions":
            parts.append(self.tr("gender_outcomes.group.excluded", excluded=self._names(p.excluded)))
        else:
            parts.append(self.tr("gender_outcomes.group.only"))
        if p.covers:
            parts.append(self.tr("gender_outcomes.group.covers", covers=self._names(p.covers)))
        if p.note and self.lang == "en":  # the curators' note is English; a Swedish page leaves it out
            parts.append(self.tr("gender_outcomes.group.note", note=esc(p.note)))
        parts.append(self.tr("gender_outcomes.group.same"))
        return markdown("".join(parts))

    def heading(self):
        name = self.association(self.a)
        src = sorted(set(texts(self.obs["source_id"])))
        titles = self.t.sources.set_index(pd.Index(texts(self.t.sources["source_id"]))).loc[src, "title"]
        return self.md("gender_outcomes.heading", name=esc(name), year=self.year,
                       sources="; ".join(esc(x) for x in titles))

    def participants(self) -> pd.DataFrame:
        return fact_table(self.facts[self.facts["intervention"] == ALL], self.t,
                          ["participants", "participants_new", "participants_exited", "unique_individuals",
                           "persons_reached", "participants_share"], self.lang)

    def _unit_description(self, unit: str) -> str:
        """What a count in ``unit`` counts, as vocabulary.csv describes the unit in the page's language."""
        return esc(semantics.vocabulary_column(self.t.vocabulary, "unit", f"description_{self.lang}").get(unit, ""))

    def participants_text(self):
        f = self.facts[(self.facts["intervention"] == ALL) & (self.facts["metric"] == "participants")]
        v = {str(g): list(x["value"]) for g, x in f.groupby("gender", observed=True)}
        if not v.get("all"):
            return self.md("gender_outcomes.participants.none")
        unit = str(f["unit"].iloc[0])
        show = lambda x: self.value(x, unit)
        vals = lambda xs: _values(xs, show, self.lang)
        s = self.tr("gender_outcomes.participants.count", year=self.year, all=vals(v["all"]),
                    noun=noun(self.t, unit, self.lang))
        if v.get("women") and v.get("men"):
            s += self.tr("gender_outcomes.participants.split", women=vals(v["women"]), men=vals(v["men"]))
            if v.get("unknown"):
                s += self.tr("gender_outcomes.participants.unknown", unknown=vals(v["unknown"]))
            s += ")"
        s += "."
        if unit != "persons":
            desc = self._unit_description(unit)
            if desc:
                # participations and cases are not people; registered participants are (only fewer)
                if not semantics.counts_people(self.t.vocabulary, unit):
                    s += self.tr("gender_outcomes.participants.not_people", noun=noun(self.t, unit, self.lang),
                                 description=desc)
                else:
                    s += " " + desc
        other = self.facts[(self.facts["intervention"] == ALL) & (self.facts["gender"] == "all")
                           & self.facts["metric"].isin(["unique_individuals", "persons_reached"])]
        for m, g in other.groupby("metric", observed=True, sort=False):
            s += self.tr("gender_outcomes.participants.also", values=vals(sorted(g["value"])),
                         metric=esc(self.metric(str(m)).lower()))
        if any(len(x) > 1 for x in v.values()):
            s += self.tr("gender_outcomes.participants.both")
        return markdown(s)

    def exits(self) -> pd.DataFrame:
        return fact_table(self.facts[self.facts["intervention"] == self.group], self.t, self.exit_metrics, self.lang)

    def rates_table(self) -> pd.DataFrame:
        return rates_table(self.rates, self.lang, self.t)

    def outcome_figure(self):
        from finsam.views.plotting import bar_by_gender, outcome_label_map
        r = self.rates.dropna(subset=["rate"])
        if r.empty:
            return None
        conflicted = r.duplicated(["gender", "outcome"], keep=False)
        r = r.assign(outcome=r["outcome"].astype(str), conflict=r["conflict"] | conflicted)
        r = r.drop_duplicates(["gender", "outcome"])
        genders = set(texts(r["gender"]))
        has_ci = r["ci_low"].notna().any()
        title = self.tr("gender_outcomes.fig.title_by_gender" if genders & {"women", "men"}
                        else "gender_outcomes.fig.title_everyone")
        title = self.tr("gender_outcomes.fig.title_year_ci" if has_ci else "gender_outcomes.fig.title_year_no_ci",
                        title=title, year=self.year)
        if not self.population.is_all:
            title += f"\n{self.population.group}"
        fig = bar_by_gender(r, "outcome", "rate", title, self.tr("gender_outcomes.fig.ylabel"),
                            xlabels=outcome_label_map(self.t, self.lang), percent=True, lang=self.lang,
                            tables=self.t)
        fig.axes[0].tick_params(axis="x", labelrotation=20)
        parts = []
        for o, g in r.groupby("outcome", sort=False):
            vals = ", ".join(f"{self.gender(x.gender).lower()} {self.pct(x.rate, 0)}"
                             + (f" ({self.interval(x.ci_low, x.ci_high, decimals=0)})" if pd.notna(x.ci_low) else "")
                             for x in g.itertuples())
            parts.append(f"{self.outcome(o)}: {vals}")
        alt = self.tr("gender_outcomes.fig.alt", title=title.splitlines()[0],
                      group=f" ({self.population.group})" if not self.population.is_all else "",
                      values="; ".join(parts))
        return _finish(fig, "outcomes", self.figures_dir, self.stem, alt)

    @functools.cached_property
    def _gaps(self) -> pd.DataFrame:
        rows = []
        names = self.facts["intervention"]
        # only groups with exit figures for both women and men can be compared
        split = self.facts[self.facts["metric"].isin(self.exit_metrics + [o.rate for o in semantics.outcomes(self.t.metrics) if o.rate])
                           & self.facts["gender"].isin(["women", "men"])]
        both = split.groupby(texts(split["intervention"]))["gender"].nunique()
        candidates = set(both.index[both == 2])
        order = [i for i in [ALL] + sorted(set(texts(names)) - {ALL}) if i in candidates]
        rates = rates_by_group(self.facts[names.isin(order)], self.t)  # every group's rates in one pass
        by = {k: g for k, g in rates.groupby("intervention", sort=False)}
        for inter in order:
            g = gap_from_rates(by[inter].drop(columns="intervention").reset_index(drop=True), semantics.SUM_OUTCOME)
            if not g.empty:
                rows.append(with_intervals(g).assign(intervention=inter))
        return pd.concat(rows, ignore_index=True) if rows else pd.DataFrame()

    def gaps(self) -> pd.DataFrame:
        """Gender gap in the work-or-studies rate for ALL and each intervention with data
        (computed once, from the year's resolved facts), with the difference's 95 % interval and
        the detectable difference (:func:`with_intervals`)."""
        return self._gaps

    def gap_table(self):
        g = self.gaps()
        if g.empty:
            return g
        parts = []
        col = self.tr("gender_outcomes.col.intervention")
        for inter, x in g.groupby("intervention", sort=False):
            t = gap_table(x, self.lang)
            t.insert(0, col, self.tr("gender_outcomes.all_interventions") if inter == ALL else inter)
            parts.append(t)
        return pd.concat(parts, ignore_index=True).set_index(col)

    def gap_text(self):
        g = self.gaps()
        if g.empty:
            text = self.tr("gender_outcomes.gap.none", year=self.year)
            pp = findings.project_period_gender_outcomes(self.t, self.a, self.year)
            if len(pp):
                text += self.tr("gender_outcomes.gap.periods", periods="; ".join(
                    f"{esc(r.intervention)} {r.period_start}–{r.period_end}" for r in pp.itertuples()))
            return markdown(text)
        parts = [gap_sentence(x, self.tr("gender_outcomes.all_interventions_lower") if i == ALL else esc(i), self.lang)
                 for i, x in g.groupby("intervention", sort=False)]
        return markdown("\n\n".join(parts))

    def by_intervention(self) -> pd.DataFrame:
        f = self.facts[self.facts["intervention"] != ALL]
        rate = next(o.rate for o in semantics.outcomes(self.t.metrics) if o.outcome == semantics.SUM_OUTCOME)
        ws = semantics.outcome_metric(self.t.metrics, semantics.SUM_OUTCOME)
        metrics = ["participants", semantics.denominator(self.t.metrics), ws, rate]
        f = f[f["metric"].isin(metrics)]
        if f.empty:
            return pd.DataFrame()
        genders = _genders(self.t)
        rows = {}
        for (inter, metric, gender), g in f.groupby(["intervention", "metric", "gender"], observed=True, sort=True):
            col = f"{self.metric(metric)} ({self.gender(gender).lower()})"
            rows.setdefault(str(inter), {})[(metrics.index(metric), genders.index(str(gender)), col)] = \
                _cell(g, str(g["unit"].iloc[0]), self.lang, self.t)
        cols = sorted({c for r in rows.values() for c in r})
        df = pd.DataFrame([[rows[i].get(c, fmt.MISSING) for c in cols] for i in sorted(rows)], index=sorted(rows),
                          columns=[c[2] for c in cols])
        return df

    def _cautions(self) -> list[str]:
        """The report's own cautions: the curators' English summary on English pages; on Swedish
        ones, that the report warns, about which figures, and where (its quote may stop mid-sentence)."""
        if self.lang == "en":
            return [self.tr("gender_outcomes.caveat.caution", text=esc(c)) for c in findings.cautions(self.facts)]
        out = []
        for c in findings.caution_records(self.facts):
            figures = self.listing([self.metric(str(m)).lower()
                                   for m in dict.fromkeys(self.facts.loc[list(c.rows), "metric"].astype(str))])
            lines = "–".join(str(x) for x in c.lines)
            reference = (self.tr("common.reference", source=esc(c.source_id), lines=lines) if lines
                         else esc(c.source_id))
            out.append(self.tr("gender_outcomes.caveat.caution_ref", figures=figures, reference=reference))
        return out

    def caveats(self):
        items = [self.tr("gender_outcomes.caveat.denominator"), self.tr("gender_outcomes.caveat.intervals")]
        small_groups = self.rates.dropna(subset=["exited"])
        small_groups = small_groups[small_groups["exited"] < SMALL_N].drop_duplicates(["gender"])
        if not small_groups.empty:
            listing = ", ".join(f"{self.gender(r.gender).lower()} (n = {self.int(r.exited)})"
                                for r in small_groups.itertuples())
            items.append(self.tr("gender_outcomes.caveat.small", small=SMALL_N, listing=listing))
        if self.headline.unit and not semantics.counts_people(self.t.vocabulary, self.headline.unit):
            items.append(self.tr("gender_outcomes.caveat.unit", noun=noun(self.t, self.headline.unit, self.lang)))
        items.append(self.tr("gender_outcomes.caveat.totals"))
        items += self._cautions()
        conflicts = conflict_list(self.facts, self.lang, self.t, self.obs)
        if conflicts:
            items.append(self.tr("gender_outcomes.caveat.conflicts") + "\n"
                         + "\n".join(f"    - {c}" for c in conflicts))
        multi = select(self.t.observations, association=self.a)
        multi = multi[(multi["association_id"] == self.a) & (multi["period_start"] != multi["period_end"])
                      & (multi["period_end"] == self.year)]
        if len(multi):
            items.append(self.tr("gender_outcomes.caveat.multi_year", n=self.int(len(multi))))
        return markdown("\n".join(f"- {i}" for i in items))


def _axis_number(view: View, v: float) -> str:
    """A number on a figure's value axis as the page's language writes it, with the decimals the
    tick needs (0, 0,5, 1 / 0, 0.5, 1)."""
    decimals = next((d for d in range(4) if abs(round(v, d) - v) < 1e-9), 3)
    return view.num(v, decimals)


class YearlyTrend(View):
    """Sections of the yearly_trend notebook for one association and metric, in one language."""

    notebook = "yearly_trend"

    def __init__(self, tables: Tables, association: str, metric: str, by_gender: bool = True, chain: bool = True,
                 figures_dir=None, policy: str = "show", lang: str = "en"):
        super().__init__(tables, lang)
        # metric_id, not metric: View.metric(code) gives a metric's label
        self.a, self.metric_id, self.figures_dir = association, metric, figures_dir
        self.unit = L.metric_unit(tables, metric)
        self.unit_class = unit_class(tables, self.unit)
        self.label = self.metric(metric)
        self.series = trend(tables, association, metric, by_gender=by_gender, chain=chain, policy=policy)
        self.chain = lineage(tables, association) if chain else [association]
        self.stem = report_stem("yearly_trend", dict(association=association, metric=metric))
        self.runs = findings.trend_runs(self.series)

    def _lower(self, text: str) -> str:
        """A label inside a sentence: its first letter small (the labels start a line in tables)."""
        return text[:1].lower() + text[1:]

    def heading(self):
        m = self.t.metrics.set_index(self.t.metrics["metric"].astype(str))
        desc = m.loc[self.metric_id, f"description_{self.lang}"]
        chain = ""
        if len(self.chain) > 1:
            chain = self.tr("yearly_trend.chain",
                            names=", ".join(esc(self.association(a)) for a in self.chain[:-1]))
        return self.md("yearly_trend.heading", name=esc(self.association(self.a)), label=esc(self.label),
                       description=esc(desc), chain=chain)

    def _fmt(self, v) -> str:
        return self.value(v, self.unit)

    def _cell(self, values: pd.DataFrame) -> str:
        return _cell(values, self.unit, self.lang, self.t)

    def _note(self, row) -> str:
        """What changes at a marked year, worded from the series' fields."""
        if row.change_kind == "association":
            a = self.t.associations.set_index(self.t.associations["association_id"].astype(str))
            before, after = str(row.previous_association_id), str(row.association_id)
            return self.tr("yearly_trend.note.association",
                           before=esc(a.loc[before, "name"]),
                           before_municipalities=esc(str(a.loc[before, "municipalities"]).replace(";", ", ")),
                           after=esc(a.loc[after, "name"]),
                           after_municipalities=esc(str(a.loc[after, "municipalities"]).replace(";", ", ")))
        if row.change_kind == "source":
            return self.tr("yearly_trend.note.source", sources=esc(row.sources), previous=esc(row.previous_sources))
        return ""

    def table(self) -> pd.DataFrame:
        s = self.series
        if s.empty:
            return pd.DataFrame()
        out = {}
        for (year, gender), g in s.groupby(["year", "gender"], observed=True, sort=True):
            out.setdefault(int(year), {})[self.gender(str(gender))] = self._cell(g)
        df = pd.DataFrame.from_dict(out, orient="index").sort_index()
        cols = [self.gender(g) for g in _genders(self.t) if self.gender(g) in df.columns]
        df = df[cols].fillna(self.missing())
        assoc = s.drop_duplicates("year").set_index("year")["association_id"]
        df.insert(0, self.tr("yearly_trend.col.association"), [esc(self.association(str(assoc[y]))) for y in df.index])
        counts = self._counts()
        if counts:
            df[self.tr("yearly_trend.col.counts")] = [counts.get(int(y), self.missing()) for y in df.index]
        marked = s[s["change_kind"] != ""].drop_duplicates("year").set_index("year")
        notes = {y: self._note(r) for y, r in zip(marked.index, marked.itertuples())}
        df[self.tr("yearly_trend.col.note")] = [notes.get(y, "") for y in df.index]
        df.index.name = self.tr("yearly_trend.col.year")
        return df

    def _counts(self) -> dict[int, str]:
        """For a rate with numerator and denominator metrics: 'k of n' per year, where stated."""
        parts = semantics.rate_parts(self.t.metrics).get(self.metric_id)
        if not parts:
            return {}
        out = {}
        for y in sorted(set(self.series["year"])):
            a = str(self.series.loc[self.series["year"] == y, "association_id"].iloc[0])
            f = resolve(select(self.t.observations, association=a, period=int(y), metric=list(parts),
                               gender=semantics.EVERYONE, intervention=ALL))
            k = sorted(f.loc[f["metric"] == parts[0], "value"])
            n = sorted(f.loc[f["metric"] == parts[1], "value"])
            if k and n:
                out[int(y)] = self.tr("common.k_of_n", k=self.either([self.int(x) for x in k]),
                                      n=self.either([self.int(x) for x in n]))
        return out

    def _unit_words(self) -> str:
        if self.unit_class == "money":
            return self.tr("yearly_trend.figure.money")
        if self.unit_class == "percent":
            return self.tr("yearly_trend.figure.percent")
        return noun(self.t, self.unit, self.lang)

    def figure(self):
        from finsam.views.plotting import GENDER_COLORS, line_by_group
        s = self.series.drop_duplicates(["year", "gender", "value"])
        if s.empty:
            return None
        scale = 1e6 if self.unit_class == "money" else 1
        s = s.assign(shown=s["value"] / scale, gender=s["gender"].astype(str))
        # a line joins only consecutive years of one association; a conflicting year shows every value
        years = sorted(set(int(y) for y in s["year"]))
        assoc = s.drop_duplicates("year").set_index("year")["association_id"].astype(str)
        runs = segments(years, [assoc[y] for y in years])
        run_of = {y: i for i, r in enumerate(runs) for y in r}
        s = s.assign(run=s["year"].map(run_of))
        marks = [(int(r[0]), self.tr("yearly_trend.figure.from_here", name=self.association(assoc[r[0]])))
                 for r in runs[1:] if assoc[r[0]] != assoc[runs[runs.index(r) - 1][-1]]]
        ylabel = self._unit_words()
        genders = set(s["gender"])
        key = "yearly_trend.figure.title_gender" if genders & {"women", "men"} else "yearly_trend.figure.title"
        title = self.tr(key, label=self.label)
        fig = line_by_group(s, "year", "shown", "gender", GENDER_COLORS,
                            {g: self.gender(g) for g in _genders(self.t)}, title, ylabel,
                            marks=marks, segment="run",
                            conflicting=lambda label: self.tr("yearly_trend.figure.conflicting", label=label),
                            number=lambda v: _axis_number(self, v))
        everyone = s[s["gender"] == semantics.EVERYONE].sort_values("year")
        # a year the reports state with different values gives each of them: "2021: 35 643 tkr eller 35 716 tkr"
        points = ", ".join(f"{int(y)}: {self.either([self._fmt(v) for v in g['value']])}"
                           for y, g in everyone.groupby("year", sort=True))
        alt = self.tr("yearly_trend.figure.alt", title=title, unit=ylabel,
                      points=self.tr("yearly_trend.figure.alt_points", points=points) if points else "",
                      breaks=self.tr("yearly_trend.figure.alt_breaks") if len(runs) > 1 else "")
        return _finish(fig, "trend", self.figures_dir, self.stem, alt)

    def _delta(self, c: dict) -> str:
        """A change as the page's language states it: percentage points for a rate; otherwise the
        signed amount, and a percent change only where :func:`finsam.stats.wording.change` gives one."""
        if c["kind"] == "pp":
            return self.pp(c["difference"])
        d = c["difference"]
        sign = "" if self._fmt(abs(d)) == self._fmt(0) else "+" if d > 0 else ("−" if self.lang == "sv" else "-")
        delta = sign + self._fmt(abs(d))
        if c["relative"] is not None:
            delta = self.tr("yearly_trend.percent_change", delta=delta, relative=self.signed(c["relative"], 0))
        return delta

    def _years(self, years) -> str:
        years = sorted(set(int(y) for y in years))
        return self.either([str(y) for y in years])

    def summary(self):
        runs = self.runs
        if not runs:
            return self.md("yearly_trend.no_series", label=esc(self._lower(self.label)))
        texts = []
        if len(runs) > 1:
            items = []
            for r in runs:
                y0, y1 = int(r["year"].min()), int(r["year"].max())
                name = esc(self.association(str(r["association_id"].iloc[0])))
                items.append(f"{y0}–{y1} ({name})" if len(r) > 1 else f"{y0} ({name})")
            texts.append(self.tr("yearly_trend.runs", runs="; ".join(items)))
        counts = self._counts()
        for r in runs:
            if len(r) < 2:
                continue
            first, last = r.iloc[0], r.iloc[-1]
            c = change(float(first["value"]), float(last["value"]), self.unit_class)
            y0, y1 = int(first["year"]), int(last["year"])
            n0, n1 = counts.get(y0), counts.get(y1)
            shown0 = self._fmt(first["value"]) + (f" ({n0})" if n0 else "")
            shown1 = self._fmt(last["value"]) + (f" ({n1})" if n1 else "")
            texts.append(self.tr("yearly_trend.change", label=esc(self.label), first=shown0, first_year=y0,
                                 last=shown1, last_year=y1, delta=self._delta(c)))
            if len(r) > 2:
                lo, hi = r.loc[r["value"].idxmin()], r.loc[r["value"].idxmax()]
                texts.append(self.tr("yearly_trend.low_high", low_year=int(lo["year"]), low=self._fmt(lo["value"]),
                                     high_year=int(hi["year"]), high=self._fmt(hi["value"])))
            if self.unit_class == "percent" and not (n0 and n1):
                texts.append(self.tr("yearly_trend.no_counts_two_years" if len(r) == 2 else "yearly_trend.no_counts"))
            elif self.unit_class == "percent" and len(r) == 2:
                texts.append(self.tr("yearly_trend.two_years"))
        for c in findings.caution_records(self.series):
            if self.lang == "en":  # the curators' notes are English
                texts.append(self.tr("yearly_trend.caution_note", note=esc(c.note)))
                continue
            lines = "–".join(str(x) for x in c.lines)
            reference = self.tr("common.reference", source=esc(c.source_id), lines=lines) if lines \
                else esc(c.source_id)
            texts.append(self.tr("yearly_trend.caution", years=self._years(self.series.loc[list(c.rows), "year"]),
                                 reference=reference))
        if self.series["conflict"].any():
            texts.append(self.tr("yearly_trend.conflicts"))
        if self.series["definition_change"].any():
            texts.append(self.tr("yearly_trend.definition_changes"))
        return markdown(" ".join(texts))

    def multi_year(self) -> pd.DataFrame:
        m = multi_year(self.t, self.a, self.metric_id)
        if m.empty:
            return self.md("yearly_trend.no_multi_year", label=esc(self._lower(self.label)))
        return self.frame({
            "yearly_trend.col.period": [f"{a}–{b}" for a, b in zip(m["period_start"], m["period_end"])],
            "yearly_trend.col.gender": [self.gender(str(g)) for g in m["gender"]],
            "yearly_trend.col.value": [self._fmt(v) for v in m["value"]],
            "yearly_trend.col.source": list(m["sources"]),
        }).sort_values([self.tr("yearly_trend.col.period"), self.tr("yearly_trend.col.gender")]).reset_index(drop=True)


class Overview(View):
    """All associations side by side, each at the year of its own report, each outcome rate on
    the population finsam.stats.scope decides for that association-year, in one language."""

    notebook = "overview"

    def __init__(self, tables: Tables, figures_dir=None, policy: str = "show", lang: str = "en"):
        super().__init__(tables, lang)
        self.figures_dir, self.policy = figures_dir, policy
        self.stem = report_stem("overview", {})
        self.data = findings.overview_rows(tables, policy)

    def heading(self):
        return self.md("overview.heading", title=self.tr("notebook.overview"))

    def _cell(self, values, fmt) -> str:
        """Every value the reports allow: one, or the range of conflicting ones marked with ⚠."""
        if not values:
            return self.missing()
        lo, hi = fmt(min(values)), fmt(max(values))
        if len(values) == 1:
            return lo
        return self.span(lo, hi) + " ⚠"

    def _count_cell(self, values, unit) -> str:
        cell = self._cell(values, self.int)
        if cell == self.missing() or not unit or unit == "persons":
            return cell
        return f"{cell} {noun(self.t, unit, self.lang)}"

    def _participants(self, values, unit) -> str:
        """Participants as the association counts them, named: '651 deltaganden', '779 deltagare'."""
        if not values or not unit or unit == "persons":
            return self.tr("overview.figure.alt_participants", count=self._cell(values, self.int))
        return self._count_cell(values, unit)

    def _group(self, group: str) -> str:
        return self.tr("overview.all_interventions") if group == ALL else esc(group)

    def _ci(self, intervals) -> str:
        if not intervals or any(np.isnan(x) for c in intervals for x in c):
            return self.missing()
        return " / ".join(self.interval(lo, hi) for lo, hi in intervals)

    def table(self) -> pd.DataFrame:
        d = self.data
        sek = lambda v: self.value(v, "sek")  # noqa: E731
        return self.frame({
            "overview.col.association": d["name"].to_numpy(),
            "overview.col.year": d["year"].astype(str).to_numpy(),
            "overview.col.participants": [self._count_cell(v, u) for v, u in zip(d["participants"],
                                                                                  d["participants_unit"])],
            "overview.col.group": [self._group(g) for g in d["group"]],
            "overview.col.exited": [self._count_cell(v, u) for v, u in zip(d["exited"], d["exit_unit"])],
            "overview.col.work_or_studies": [self._cell(v, self.int) for v in d["work_or_studies"]],
            "overview.col.rate": [self._cell(v, self.pct) for v in d["rate"]],
            "overview.col.ci": [self._ci(c) for c in d["ci"]],
            "overview.col.cost": [self._cell(v, sek) for v in d["cost"]],
            "overview.col.cost_per_participant": [self._cell(v, sek) for v in d["cost_per_participant"]],
            "overview.col.cost_per_work_or_studies": [self._cell(v, sek) for v in d["cost_per_work_or_studies"]],
        }, index="overview.col.association")

    def figure(self):
        import textwrap

        from finsam.views.plotting import ASSOCIATION_COLORS, new_figure
        d = self.data
        fig = new_figure(figsize=(11, 4.2))
        axes = fig.subplots(1, 3)
        # colours repeat beyond the palette: the bars are labelled, the colour only groups them
        colors = [ASSOCIATION_COLORS[i % len(ASSOCIATION_COLORS)] for i in range(len(d))]
        # tick labels of at most 12 characters a line; a line may also end after a slash, so that
        # "Huddinge/HUS AM" does not run into its neighbour
        short = ["\n".join(line.replace("/ ", "/") for line in textwrap.wrap(L.short_name(n).replace("/", "/ "), 12))
                 + f"\n{y}" for n, y in zip(d["name"], d["year"])]
        for ax, col, title in zip(axes, ["participants", "rate", "cost_per_participant"],
                                  [self.tr("overview.figure.participants"), self.tr("overview.figure.rate"),
                                   self.tr("overview.figure.cost")]):
            scale = 1000 if col == "cost_per_participant" else 1
            for i, v in enumerate(d[col]):
                if not v:
                    ax.text(i, 0, self.tr("overview.figure.missing"), ha="center", va="bottom", fontsize=8,
                            color="#555555")
                    continue
                lo, hi = min(v) / scale, max(v) / scale
                ax.bar(i, lo, color=colors[i], width=0.7)
                if hi > lo:  # conflicting statements: the range is drawn, not a midpoint
                    ax.bar(i, hi - lo, bottom=lo, color=colors[i], alpha=0.35, hatch="//", width=0.7,
                           edgecolor="#333333")
            if col == "rate":
                for i, c in enumerate(d["ci"]):
                    for lo, hi in c:
                        if not (np.isnan(lo) or np.isnan(hi)):
                            ax.errorbar(i, (lo + hi) / 2, yerr=(hi - lo) / 2, fmt="none", ecolor="#333333",
                                        capsize=4, linewidth=1.2)
                ax.set_ylim(0, 100)
            ax.set_xticks(range(len(d)), short)
            ax.set_title(title, fontsize=10)
            ax.tick_params(axis="x", labelsize=8)
            # numbers on the value axis as the page's language writes them
            from matplotlib.ticker import FuncFormatter
            ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _pos: _axis_number(self, v)))
            ax.grid(axis="x", visible=False)
        bars = "; ".join(self.tr("overview.figure.alt_bar", name=r.name, year=r.year,
                                 participants=self._participants(r.participants, r.participants_unit),
                                 rate=self._cell(r.rate, self.pct),
                                 cost=self._cell(r.cost_per_participant, lambda v: self.value(v, "sek")))
                         for r in d.itertuples())
        return _finish(fig, "overview", self.figures_dir, self.stem, self.tr("overview.figure.alt", bars=bars))

    def text(self):
        d = self.data[self.data["rate"].map(bool)]
        if d.empty:
            return self.md("overview.no_outcomes")
        lines = []
        for r in d.sort_values("name").itertuples():
            rate = self.either([self.pct(x) for x in r.rate])
            counts = (self.tr("overview.rate_counts", k=self.either([self.int(x) for x in r.work_or_studies]),
                              n=self.either([self.int(x) for x in r.exited]))
                      if r.work_or_studies and r.exited else self.tr("overview.rate_reported"))
            lines.append(f"- {esc(r.name)}, {r.year}: {rate}{counts}, {self._group(r.group)}")
        cmp = findings.association_comparison(self.data)
        test = ""
        if cmp is not None:
            verdict = self.tr("overview.verdict.difference" if cmp["p_value"] < 0.05 else "overview.verdict.no_evidence")
            test = "\n\n" + self.tr("overview.test", test=self.tr(f"overview.test.{cmp['test']}"),
                                    n=self.int(len(cmp["names"])), p=self.p(cmp["p_value"]), verdict=verdict)
            if len(cmp["groups"]) > 1:
                test += " " + self.tr("overview.different_groups")
        return markdown(self.tr("overview.rates_intro") + "\n\n" + "\n".join(lines) + test + "\n\n"
                        + self.tr("overview.not_a_ranking"))

    def caveats(self):
        years = [int(y) for y in self.data["year"]] if len(self.data) else []
        span = (f"{min(years)}–{max(years)}" if min(years) != max(years) else str(years[0])) if years else ""
        items = [self.tr("overview.caveat.years", years=span) if years else None,
                 self.tr("overview.caveat.counting", column=self.tr("overview.col.participants")),
                 self.tr("overview.caveat.cost"),
                 self.tr("overview.caveat.rates", column=self.tr("overview.col.group"))]
        return markdown("\n".join(f"- {x}" for x in items if x))


#: notebook -> (view class, its sections that return tables or text), in page order; the golden
#: tests (tests/golden) and the consistency tests go through every parameter set with these
VIEWS = {
    "gender_outcomes": (lambda t, p, lang: GenderOutcomes(t, p["association"], p["year"], lang=lang),
                        ["heading", "participants", "participants_text", "group_text", "exits", "rates_table",
                         "gap_table", "gap_text", "by_intervention", "caveats"]),
    "yearly_trend": (lambda t, p, lang: YearlyTrend(t, p["association"], p["metric"], lang=lang),
                     ["heading", "summary", "table", "multi_year"]),
    "overview": (lambda t, p, lang: Overview(t, lang=lang), ["heading", "table", "text", "caveats"]),
}


def _more_views():
    """The analysis notebooks' views live in their own modules (imported lazily: they need statsmodels)."""
    from finsam.views.gender_gaps import GenderGaps
    from finsam.views.interventions import InterventionComparison
    VIEWS["interventions"] = (
        lambda t, p, lang: InterventionComparison(t, p["association"], p["year"], lang=lang),
        ["heading", "rates_table", "not_compared", "funnel_text", "heterogeneity_text", "mix_table", "mix_text",
         "goals_table", "goals_text", "national_text", "change_text", "costs_table", "costs_text", "caveats"])
    VIEWS["gender_gaps"] = (lambda t, p, lang: GenderGaps(t, lang=lang),
                            ["heading", "intervals_table", "intervals_text", "pooled_text", "exit_reason_text"])
    from finsam.views.participant_profile import ParticipantProfile
    VIEWS["participant_profile"] = (lambda t, p, lang: ParticipantProfile(t, p["association"], p["year"], lang=lang),
                                    ["heading", "breakdowns_table", "composition_table", "outcomes_table",
                                     "outcomes_text", "caveats"])


def section_outputs(tables: Tables, notebook: str, params: dict, lang: str = "en") -> dict[str, str]:
    """Every table (as CSV) and text (as Markdown) a page in ``lang`` shows, by section name."""
    if notebook not in VIEWS:
        _more_views()
    make, sections = VIEWS[notebook]
    view = make(tables, params, lang)
    out = {}
    for name in sections:
        value = getattr(view, name)()
        if isinstance(value, pd.DataFrame):
            out[f"{name}.csv"] = value.to_csv(lineterminator="\n")
        else:
            out[f"{name}.md"] = str(getattr(value, "data", value)) + "\n"
    return out
