"""The content of the notebooks: tables, figures and sentences built from the analysis API.

Notebooks stay thin: each section is one call here. Everything shown is sorted and rounded so
that outputs are identical between runs (nbval compares them), and every string taken from the
data is HTML-escaped before it enters Markdown.
"""
from __future__ import annotations

import functools
import html

import numpy as np
import pandas as pd

from . import findings
from . import labels as L
from . import semantics
from .conflicts import resolve
from .data import Tables, select
from .params import report_stem
from .rates import gap_from_rates, rates_from_facts
from .schema import ALL
from .trends import lineage, multi_year, trend
from .wording import SMALL_N, change, noun, segments, unit_class

# Views show every cell in full: a cut note ("Samordningsförbundet Hudd…") hides what it says.
pd.set_option("display.max_colwidth", None)


from .viewkit import esc, markdown  # noqa: E402,F401  (views_* and notebooks import them from here)


def _cell(values: pd.DataFrame, unit: str) -> str:
    """One table cell: the value, or every conflicting value marked with ⚠."""
    vals = list(dict.fromkeys(values["value"]))
    texts = [L.format_value(v, unit) for v in vals]
    if len(set(texts)) < len(texts) and unit == "sek":  # 264 479 and 264 497 kr both read "264 tkr"
        texts = [f"{v:,.0f} kr".replace(",", "\u202f") for v in vals]
    shown = " / ".join(texts)
    return shown + (" ⚠" if len(vals) > 1 else "")


def _genders(tables: Tables) -> list[str]:
    return semantics.codes(tables.vocabulary, "gender")


def fact_table(facts: pd.DataFrame, tables: Tables, metrics) -> pd.DataFrame:
    """Facts as a table: one row per metric (in the order given), one column per gender; a count
    in another unit than persons says so in its row label."""
    f = facts[facts["metric"].isin(metrics)]
    if f.empty:
        return pd.DataFrame()
    out, units = {}, {}
    for (metric, gender), g in f.groupby(["metric", "gender"], observed=True, sort=False):
        out.setdefault(metric, {})[L.gender_label(gender)] = _cell(g, str(g["unit"].iloc[0]))
        units.setdefault(metric, str(g["unit"].iloc[0]))
    order = [m for m in metrics if m in out]

    def label(m):
        u = units[m]
        shown = L.metric_label(tables, m)
        return shown if unit_class(tables, u) != "count" or u == "persons" else f"{shown} ({noun(tables, u)})"

    df = pd.DataFrame([out[m] for m in order], index=[label(m) for m in order])
    cols = [L.gender_label(g) for g in _genders(tables) if L.gender_label(g) in df.columns]
    return df[cols].fillna("–")


def _pct(x) -> str:
    return "–" if pd.isna(x) else f"{x:.1f} %"


BASIS_SHORT = {"counts, 95 % Wilson interval": "counts",
               "counts (derived: work + studies), 95 % Wilson interval": "counts (work + studies)",
               "reported percentage only (no counts, so no interval)": "reported % only, no interval"}


def rates_table(rates: pd.DataFrame) -> pd.DataFrame:
    """Outcome rates for display, indexed by outcome and gender: n, k, rate, 95 % Wilson
    interval, the report's own percentage, what the rate rests on, and ⚠ for contested counts."""
    if rates.empty:
        return pd.DataFrame()
    r = rates
    out = pd.DataFrame({
        "Outcome": r["outcome"].map(L.outcome_label).astype(str),
        "Gender": r["gender"].map(L.gender_label).astype(str),
        "Exited (n)": r["exited"].map(lambda v: "–" if pd.isna(v) else f"{int(v)}"),
        "Count (k)": r["count"].map(lambda v: "–" if pd.isna(v) else f"{int(v)}"),
        "Rate": r["rate"].map(_pct),
        "95 % CI": [("–" if pd.isna(lo) else f"{lo:.1f}–{hi:.1f} %") for lo, hi in zip(r["ci_low"], r["ci_high"])],
        "Reported": r["reported_rate"].map(_pct),
        "Basis": r["basis"].map(lambda b: BASIS_SHORT.get(b, b)),
        "Conflict": np.where(r["conflict"], "⚠", ""),
    })
    return out.set_index(["Outcome", "Gender"])


def _range(values, fmt) -> str:
    lo, hi = fmt(min(values)), fmt(max(values))
    return lo if lo == hi else f"{lo} to {hi}"


def gap_table(gaps: pd.DataFrame) -> pd.DataFrame:
    """One row per comparison; the splits that a report's rounded percentages allow are
    summarised in one row of ranges (the text says how many)."""
    if gaps.empty:
        return pd.DataFrame()
    def n(row, g):
        k, nn = row.get(f"{g}_count"), row.get(f"{g}_n")
        return "–" if k is None or pd.isna(k) else f"{int(k)} of {int(nn)}"
    rows = []
    basis = gaps["basis"].astype(str) if "basis" in gaps else pd.Series("counts", index=gaps.index)
    split = basis.str.startswith("split")
    for _, g in gaps[~split].iterrows():
        rows.append({"Women": n(g, "women"), "Men": n(g, "men"), "Women rate": _pct(g["women_rate"]),
                     "Men rate": _pct(g["men_rate"]),
                     "Difference": "–" if pd.isna(g["difference_pp"]) else f"{g['difference_pp']:+.1f} pp",
                     "Odds ratio": "–" if pd.isna(g.get("odds_ratio", np.nan)) else f"{g['odds_ratio']:.2f}",
                     "Cohen's h": "–" if pd.isna(g.get("cohens_h", np.nan)) else f"{g['cohens_h']:+.2f}",
                     "Test": g["test"], "p": "–" if pd.isna(g["p_value"]) else f"{g['p_value']:.3f}",
                     "Conclusion": g["verdict"] + (" ⚠" if g["conflict"] else "")})
    if split.any():
        g = gaps[split]
        rows.append({"Women": f"{_range(g['women_count'], lambda v: f'{v:.0f}')} of {_range(g['women_n'], lambda v: f'{v:.0f}')}",
                     "Men": f"{_range(g['men_count'], lambda v: f'{v:.0f}')} of {_range(g['men_n'], lambda v: f'{v:.0f}')}",
                     "Women rate": _range(g["women_rate"], _pct), "Men rate": _range(g["men_rate"], _pct),
                     "Difference": _range(g["difference_pp"], lambda v: f"{v:+.1f} pp"),
                     "Odds ratio": _range(g["odds_ratio"], lambda v: f"{v:.2f}"),
                     "Cohen's h": _range(g["cohens_h"], lambda v: f"{v:+.2f}"),
                     "Test": "; ".join(sorted(set(g["test"]))), "p": _range(g["p_value"], lambda v: f"{v:.3f}"),
                     "Conclusion": f"{len(g)} splits consistent with the rounded percentages: "
                                   + "; ".join(sorted(set(g["verdict"])))})
    return pd.DataFrame(rows)


def gap_sentence(gaps: pd.DataFrame, what: str) -> str:
    tested = gaps.dropna(subset=["p_value"])
    if len(tested) > 1:
        verdicts = sorted(set(tested["verdict"]))
        rounded = tested["basis"].astype(str).str.startswith("split").all() if "basis" in tested else False
        why = (f"the report prints women's and men's rates only as rounded percentages, and {len(tested)} splits of "
               f"the exits are consistent with them" if rounded else
               f"the report's conflicting counts allow {len(tested)} versions of the comparison")
        dmin, dmax = tested["difference_pp"].min(), tested["difference_pp"].max()
        return (f"For {what}, {why}: the difference women − men ranges from {dmin:+.1f} to {dmax:+.1f} percentage "
                f"points (p from {tested['p_value'].min():.3f} to {tested['p_value'].max():.3f}); "
                + ("in every version, " + verdicts[0] if len(verdicts) == 1 else
                   "the conclusion depends on which version is right: " + "; ".join(verdicts)) + "."
                + ("" if tested["significant"].any() else " This is not evidence that there is no difference: "
                   "the groups may be too small to detect one."))
    out = []
    for _, g in gaps.iterrows():
        if g["test"] == "none" or pd.isna(g["p_value"]):
            out.append(f"For {what}, women {_pct(g['women_rate'])} and men {_pct(g['men_rate'])}: {g['verdict']}.")
        else:
            out.append(f"For {what}, {int(g['women_count'])} of {int(g['women_n'])} women ({_pct(g['women_rate'])}) "
                       f"and {int(g['men_count'])} of {int(g['men_n'])} men ({_pct(g['men_rate'])}) left for work or "
                       f"studies, a difference of {g['difference_pp']:+.1f} percentage points: {g['verdict']} "
                       f"({g['test']}, p = {g['p_value']:.3f})."
                       + ("" if g["significant"] else " This is not evidence that there is no difference."))
    return " ".join(out)


def conflict_list(facts: pd.DataFrame) -> list[str]:
    c = facts[facts["conflict"]]
    lines = []
    for key, g in c.groupby(["intervention", "metric", "gender", "period_start", "period_end"], observed=True,
                            sort=True):
        vals = " vs ".join(f"{v:.10g}" for v in g["value"])
        note = next((n for n in g["notes"] if n), "")
        lines.append(f"{esc(key[0])}, {key[1]}, {key[2]}: {vals}" + (f" — {esc(note)}" if note else ""))
    return lines


def _finish(fig, name, figures_dir, stem, alt: str):
    from .plotting import finish_figure
    return finish_figure(fig, f"{stem}__{name}", figures_dir, alt=alt)


def _values(values, fmt=str) -> str:
    return " or ".join(fmt(v) for v in values)


class GenderOutcomes:
    """Sections of the gender_outcomes notebook for one association and year."""

    def __init__(self, tables: Tables, association: str, year: int, figures_dir=None, policy: str = "show", lang: str = "en"):
        self.t, self.a, self.year, self.figures_dir, self.policy = tables, association, year, figures_dir, policy
        self.obs = select(tables.observations, association=association, period=year)
        self.facts = resolve(self.obs, policy)
        self.stem = report_stem("gender_outcomes", dict(association=association, year=year))
        self.headline = findings.headline(tables, association, year, policy, self.facts)
        self.population = self.headline.population
        self.group = self.population.group
        # the year's facts are resolved once; the population's rates come from them
        self.rates = rates_from_facts(self.facts[self.facts["intervention"].astype(str) == self.group], tables)
        self.exit_metrics = [semantics.denominator(tables.metrics)] + [o.count for o in semantics.outcomes(tables.metrics)]

    def group_text(self):
        """Which population the outcome sections describe, and why (finsam.scope decides)."""
        p = self.population
        if p.reason == "no_outcomes":
            return markdown(f"The report states no exit outcomes for {self.year}.")
        if p.is_all:
            return markdown("Exit outcomes below are association-wide (all interventions).")
        parts = [f"The outcome sections below describe **{esc(p.group)}**, not all interventions: "]
        if p.reason == "excluded_interventions":
            parts.append("the report leaves " + ", ".join(esc(x) for x in p.excluded) + " out of its outcome "
                         "figures (work or studies are not applicable to them, or they are assessment forums), while "
                         "its association-wide exit count includes them.")
        else:
            parts.append("the report states outcomes only for this group.")
        if p.covers:
            parts.append(" The group covers " + ", ".join(esc(x) for x in p.covers) + ".")
        if p.note:
            parts.append(f" The report describes it as: {esc(p.note)}.")
        parts.append(" Every page of this site uses the same group for this association and year.")
        return markdown("".join(parts))

    def heading(self):
        name = L.association_name(self.t, self.a)
        src = sorted(set(self.obs["source_id"].astype(str)))
        titles = self.t.sources.set_index(self.t.sources["source_id"].astype(str)).loc[src, "title"]
        return markdown(f"# {esc(name)}: participants and outcomes by gender, {self.year}\n\n"
                        f"Figures for {self.year} as stated in: " + "; ".join(esc(x) for x in titles) + ".")

    def participants(self) -> pd.DataFrame:
        return fact_table(self.facts[self.facts["intervention"] == ALL], self.t,
                          ["participants", "participants_new", "participants_exited", "unique_individuals",
                           "persons_reached", "participants_share"])

    def participants_text(self):
        f = self.facts[(self.facts["intervention"] == ALL) & (self.facts["metric"] == "participants")]
        v = {str(g): list(x["value"]) for g, x in f.groupby("gender", observed=True)}
        if not v.get("all"):
            return markdown("The report gives no association-wide participant count for this year; see the "
                            "breakdown by intervention below.")
        unit = str(f["unit"].iloc[0])
        fmt = lambda x: L.format_value(x, unit)
        s = f"In {self.year}, the report counts {_values(v['all'], fmt)} {noun(self.t, unit)}"
        if v.get("women") and v.get("men"):
            s += f" (of which women {_values(v['women'], fmt)}, men {_values(v['men'], fmt)}"
            if v.get("unknown"):
                s += f", gender not stated {_values(v['unknown'], fmt)}"
            s += ")"
        s += "."
        if unit != "persons":
            desc = self.t.vocabulary
            desc = desc[(desc["vocabulary"] == "unit") & (desc["code"] == unit)]["description_en"].iloc[0]
            s += f" These are {noun(self.t, unit)}, not people: {esc(desc[0].lower() + desc[1:])}"
        other = self.facts[(self.facts["intervention"] == ALL) & (self.facts["gender"] == "all")
                           & self.facts["metric"].isin(["unique_individuals", "persons_reached"])]
        for m, g in other.groupby("metric", observed=True, sort=False):
            s += (f" The report also states {_values(sorted(g['value']), fmt)} "
                  f"{esc(L.metric_label(self.t, str(m)).lower())}.")
        s += (" Where two numbers are given, the report states both." if any(len(x) > 1 for x in v.values()) else "")
        return markdown(s)

    def exits(self) -> pd.DataFrame:
        return fact_table(self.facts[self.facts["intervention"] == self.group], self.t, self.exit_metrics)

    def rates_table(self) -> pd.DataFrame:
        return rates_table(self.rates)

    def outcome_figure(self):
        from .plotting import bar_by_gender, outcome_label_map
        r = self.rates.dropna(subset=["rate"])
        if r.empty:
            return None
        conflicted = r.duplicated(["gender", "outcome"], keep=False)
        r = r.assign(outcome=r["outcome"].astype(str), conflict=r["conflict"] | conflicted)
        r = r.drop_duplicates(["gender", "outcome"])
        genders = set(r["gender"].astype(str))
        has_ci = r["ci_low"].notna().any()
        title = "Exit outcomes" + (" by gender" if genders & {"women", "men"} else " (everyone; no split by gender)")
        title += f", {self.year}: % of exited" + (", 95 % CI where counts exist" if has_ci else " (reported, no intervals)")
        if not self.population.is_all:
            title += f"\n{self.population.group}"
        fig = bar_by_gender(r, "outcome", "rate", title, "% of exited participants",
                            xlabels=outcome_label_map(self.t), percent=True)
        fig.axes[0].tick_params(axis="x", labelrotation=20)
        parts = []
        for o, g in r.groupby("outcome", sort=False):
            vals = ", ".join(f"{L.gender_label(x.gender).lower()} {x.rate:.0f} %"
                             + (f" ({x.ci_low:.0f}–{x.ci_high:.0f})" if pd.notna(x.ci_low) else "")
                             for x in g.itertuples())
            parts.append(f"{L.outcome_label(o)}: {vals}")
        alt = (f"Bar chart: {title.splitlines()[0]}" + (f" ({self.population.group})" if not self.population.is_all
                                                         else "") + ". " + "; ".join(parts) + ".")
        return _finish(fig, "outcomes", self.figures_dir, self.stem, alt)

    @functools.cached_property
    def _gaps(self) -> pd.DataFrame:
        rows = []
        names = self.facts["intervention"].astype(str)
        # only groups with exit figures for both women and men can be compared
        split = self.facts[self.facts["metric"].isin(self.exit_metrics + [o.rate for o in semantics.outcomes(self.t.metrics) if o.rate])
                           & self.facts["gender"].isin(["women", "men"])]
        both = split.groupby(split["intervention"].astype(str))["gender"].nunique()
        candidates = set(both.index[both == 2])
        for inter in [i for i in [ALL] + sorted(set(names) - {ALL}) if i in candidates]:
            g = gap_from_rates(rates_from_facts(self.facts[names == inter], self.t), semantics.SUM_OUTCOME)
            if not g.empty:
                rows.append(g.assign(intervention=inter))
        return pd.concat(rows, ignore_index=True) if rows else pd.DataFrame()

    def gaps(self) -> pd.DataFrame:
        """Gender gap in the work-or-studies rate for ALL and each intervention with data
        (computed once, from the year's resolved facts)."""
        return self._gaps

    def gap_table(self):
        g = self.gaps()
        if g.empty:
            return g
        parts = []
        for inter, x in g.groupby("intervention", sort=False):
            t = gap_table(x)
            t.insert(0, "Intervention", "All interventions" if inter == ALL else inter)
            parts.append(t)
        return pd.concat(parts, ignore_index=True).set_index("Intervention")

    def gap_text(self):
        g = self.gaps()
        if g.empty:
            text = f"The report gives no one-year outcome figures for both women and men in {self.year}."
            pp = findings.project_period_gender_outcomes(self.t, self.a, self.year)
            if len(pp):
                text += (" It does give outcomes by gender for multi-year periods: " +
                         "; ".join(f"{esc(r.intervention)} {r.period_start}–{r.period_end}" for r in pp.itertuples())
                         + ". Those periods are not one-year figures and are not compared here.")
            return markdown(text)
        parts = [gap_sentence(x, "all interventions" if i == ALL else esc(i))
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
            col = f"{L.metric_label(self.t, metric)} ({L.gender_label(gender).lower()})"
            rows.setdefault(str(inter), {})[(metrics.index(metric), genders.index(str(gender)), col)] = \
                _cell(g, str(g["unit"].iloc[0]))
        cols = sorted({c for r in rows.values() for c in r})
        df = pd.DataFrame([[rows[i].get(c, "–") for c in cols] for i in sorted(rows)], index=sorted(rows),
                          columns=[c[2] for c in cols])
        return df

    def caveats(self):
        items = ["Rates are percentages of the participants who **ended** (avslutade) in the year, by gender; "
                 "persons still taking part are not in the denominator.",
                 "Intervals are 95 % Wilson score intervals from the counts; where the report prints only a "
                 "percentage, it is shown as reported, without an interval."]
        small_groups = self.rates.dropna(subset=["exited"])
        small_groups = small_groups[small_groups["exited"] < SMALL_N].drop_duplicates(["gender"])
        if not small_groups.empty:
            listing = ", ".join(f"{L.gender_label(r.gender).lower()} (n = {int(r.exited)})"
                                for r in small_groups.itertuples())
            items.append(f"Small groups, fewer than {SMALL_N} exits: {listing}; their rates are uncertain "
                         "(see the intervals).")
        if self.headline.unit and self.headline.unit != "persons":
            items.append(f"The exit counts of this group are {noun(self.t, self.headline.unit)}: a person who "
                         "ended several interventions counts once for each.")
        items.append("Intervention totals can count one person more than once when they took part in several "
                     "interventions; association-wide figures are the report's own.")
        for c in findings.cautions(self.facts):
            items.append(f"The report's own caution: {esc(c)}.")
        conflicts = conflict_list(self.facts)
        if conflicts:
            items.append("The report states some figures twice with different values (⚠ in the tables; "
                         "both are shown):\n" + "\n".join(f"    - {c}" for c in conflicts))
        multi = select(self.t.observations, association=self.a)
        multi = multi[(multi["association_id"] == self.a) & (multi["period_start"] != multi["period_end"])
                      & (multi["period_end"] == self.year)]
        if len(multi):
            items.append(f"{len(multi)} figure(s) cover several years (cumulative or project-to-date); they are "
                         "not mixed into these one-year figures.")
        return markdown("\n".join(f"- {i}" for i in items))


class YearlyTrend:
    """Sections of the yearly_trend notebook for one association and metric."""

    def __init__(self, tables: Tables, association: str, metric: str, by_gender: bool = True, chain: bool = True,
                 figures_dir=None, policy: str = "show", lang: str = "en"):
        self.t, self.a, self.metric, self.figures_dir = tables, association, metric, figures_dir
        self.unit = L.metric_unit(tables, metric)
        self.unit_class = unit_class(tables, self.unit)
        self.label = L.metric_label(tables, metric)
        self.series = trend(tables, association, metric, by_gender=by_gender, chain=chain, policy=policy)
        self.chain = lineage(tables, association) if chain else [association]
        self.stem = report_stem("yearly_trend", dict(association=association, metric=metric))
        self.runs = findings.trend_runs(self.series)

    def heading(self):
        name = L.association_name(self.t, self.a)
        desc = self.t.metrics.set_index(self.t.metrics["metric"].astype(str)).loc[self.metric, "description_en"]
        chain = ""
        if len(self.chain) > 1:
            chain = (" The series includes the predecessor " +
                     ", ".join(esc(L.association_name(self.t, a)) for a in self.chain[:-1]) +
                     ": its years are shown, but not joined to or compared with the successor's.")
        return markdown(f"# {esc(name)}: {esc(self.label)} by year\n\n{esc(desc)}{chain}")

    def _fmt(self, v) -> str:
        return L.format_value(v, self.unit)

    def table(self) -> pd.DataFrame:
        s = self.series
        if s.empty:
            return pd.DataFrame()
        out = {}
        for (year, gender), g in s.groupby(["year", "gender"], observed=True, sort=True):
            out.setdefault(int(year), {})[L.gender_label(gender)] = _cell(g, str(g["unit"].iloc[0]))
        df = pd.DataFrame.from_dict(out, orient="index").sort_index()
        cols = [L.gender_label(g) for g in _genders(self.t) if L.gender_label(g) in df.columns]
        df = df[cols].fillna("–")
        assoc = s.drop_duplicates("year").set_index("year")["association_id"]
        df.insert(0, "Association", [esc(L.association_name(self.t, str(assoc[y]))) for y in df.index])
        counts = self._counts()
        if counts:
            df["n (k of n)"] = [counts.get(int(y), "–") for y in df.index]
        notes = s[s["definition_note"] != ""].drop_duplicates("year").set_index("year")["definition_note"]
        df["Definition note"] = [esc(notes.get(y, "")) for y in df.index]
        df.index.name = "Year"
        return df

    def _counts(self) -> dict[int, str]:
        """For a rate with numerator and denominator metrics: 'k of n' per year, where stated."""
        parts = semantics.rate_parts(self.t.metrics).get(self.metric)
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
                out[int(y)] = f"{_values(k, lambda x: f'{x:.0f}')} of {_values(n, lambda x: f'{x:.0f}')}"
        return out

    def figure(self):
        from .plotting import GENDER_COLORS, line_by_group
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
        marks = [(int(r[0]), f"from here: {L.association_name(self.t, assoc[r[0]])}") for r in runs[1:]
                 if assoc[r[0]] != assoc[runs[runs.index(r) - 1][-1]]]
        ylabel = ("million kronor" if self.unit_class == "money" else "percent" if self.unit_class == "percent"
                  else noun(self.t, self.unit))
        genders = set(s["gender"])
        title = f"{self.label}, by year" + (" and gender" if genders & {"women", "men"} else "")
        fig = line_by_group(s, "year", "shown", "gender", GENDER_COLORS,
                            {g: L.gender_label(g) for g in _genders(self.t)}, title, ylabel,
                            marks=marks, segment="run")
        everyone = s[s["gender"] == semantics.EVERYONE].sort_values("year")
        points = ", ".join(f"{int(y)}: {self._fmt(v)}" for y, v in zip(everyone["year"], everyone["value"]))
        alt = (f"Line chart: {title}, {ylabel}" + (f"; everyone: {points}" if points else "")
               + ("; the line breaks where years are missing or the association changes" if len(runs) > 1 else "")
               + ".")
        return _finish(fig, "trend", self.figures_dir, self.stem, alt)

    def summary(self):
        runs = self.runs
        if not runs:
            return markdown(f"No association-wide figures of {esc(self.label.lower())} for single years.")
        texts = []
        if len(runs) > 1:
            texts.append("The years with figures do not form one series: "
                         + "; ".join(f"{r['year'].min()}–{r['year'].max()} ({esc(L.association_name(self.t, r['association_id'].iloc[0]))})"
                                     if len(r) > 1 else f"{r['year'].iloc[0]} ({esc(L.association_name(self.t, r['association_id'].iloc[0]))})"
                                     for r in runs)
                         + ". Changes are described only within a run of consecutive years of one association.")
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
            if c["kind"] == "pp":
                delta = f"a change of {c['difference']:+.1f} percentage points"
            else:
                delta = f"a change of {'+' if c['difference'] >= 0 else '−'}{self._fmt(abs(c['difference']))}"
                if c["relative"] is not None:
                    delta += f" ({c['relative']:+.0f} %)"
            texts.append(f"{esc(self.label)} went from {shown0} in {y0} to {shown1} in {y1}, {delta}.")
            if len(r) > 2:
                lo, hi = r.loc[r["value"].idxmin()], r.loc[r["value"].idxmax()]
                texts.append(f"In between, it was lowest in {int(lo['year'])} ({self._fmt(lo['value'])}) and highest "
                             f"in {int(hi['year'])} ({self._fmt(hi['value'])}).")
            if self.unit_class == "percent" and not (n0 and n1):
                texts.append("The report gives no counts for both years, so no interval or test of the change is "
                             "possible; two years are too few for a trend.")
            elif self.unit_class == "percent":
                texts.append("Two years are too few to speak of a trend.")
        for c in findings.cautions(self.series):
            texts.append(f"The report's own caution: {esc(c)}.")
        if self.series["conflict"].any():
            texts.append("Some years have conflicting statements in the reports (⚠): all values are shown, in the "
                         "table and in the figure.")
        if self.series["definition_change"].any():
            texts.append("Years marked in the table may not be comparable with the year before (see the notes).")
        return markdown(" ".join(texts))

    def multi_year(self) -> pd.DataFrame:
        m = multi_year(self.t, self.a, self.metric)
        if m.empty:
            return markdown(f"No multi-year figures of {esc(self.label.lower())} for this association.")
        return pd.DataFrame({"Period": [f"{a}–{b}" for a, b in zip(m["period_start"], m["period_end"])],
                             "Gender": m["gender"].map(L.gender_label),
                             "Value": [L.format_value(v, self.unit) for v in m["value"]],
                             "Source": m["sources"]}).sort_values(["Period", "Gender"]).reset_index(drop=True)


class Overview:
    """All associations side by side, each at the year of its own report, each outcome rate on
    the population finsam.scope decides for that association-year."""

    def __init__(self, tables: Tables, figures_dir=None, policy: str = "show", lang: str = "en"):
        self.t, self.figures_dir, self.policy = tables, figures_dir, policy
        self.stem = report_stem("overview", {})
        self.data = findings.overview_rows(tables, policy)

    @staticmethod
    def _cell(values, fmt) -> str:
        if not values:
            return "–"
        lo, hi = fmt(min(values)), fmt(max(values))
        if len(values) == 1:
            return lo
        return (lo if lo == hi else f"{lo} to {hi}") + " ⚠"

    def _count_cell(self, values, unit) -> str:
        cell = self._cell(values, lambda v: L.format_value(v, "persons"))
        return cell if cell == "–" or not unit or unit == "persons" else f"{cell} {noun(self.t, unit)}"

    def table(self) -> pd.DataFrame:
        d = self.data
        num = lambda unit: (lambda v: L.format_value(v, unit))
        col = lambda c, unit: [self._cell(v, num(unit)) for v in d[c]]
        ci = [("–" if not c else " / ".join(f"{lo:.1f}–{hi:.1f} %" for lo, hi in c) if not any(np.isnan(x) for cc in c for x in cc) else "–")
              for c in d["ci"]]
        return pd.DataFrame({
            "Association": d["name"].to_numpy(), "Year": d["year"].astype(str),
            "Participants": [self._count_cell(v, u) for v, u in zip(d["participants"], d["participants_unit"])],
            "Outcome group": [("all interventions" if g == ALL else g) for g in d["group"]],
            "Exited": [self._count_cell(v, u) for v, u in zip(d["exited"], d["exit_unit"])],
            "To work/studies": col("work_or_studies", "persons"), "Rate": [self._cell(v, _pct) for v in d["rate"]],
            "95 % CI": ci,
            "Total cost": col("cost", "sek"),
            "Cost per participant (derived)": col("cost_per_participant", "sek"),
            "Cost per person to work/studies (derived)": col("cost_per_work_or_studies", "sek"),
        }).set_index("Association")

    def figure(self):
        import matplotlib.pyplot as plt
        from .plotting import ASSOCIATION_COLORS, set_theme
        set_theme()
        d = self.data
        fig, axes = plt.subplots(1, 3, figsize=(11, 4.2))
        # colours repeat beyond the palette: the bars are labelled, the colour only groups them
        colors = [ASSOCIATION_COLORS[i % len(ASSOCIATION_COLORS)] for i in range(len(d))]
        import textwrap
        short = ["\n".join(textwrap.wrap(L.short_name(n), 12)) + f"\n{y}" for n, y in zip(d["name"], d["year"])]
        for ax, col, title in zip(axes, ["participants", "rate", "cost_per_participant"],
                                  ["Participants as counted\n(persons, participations or cases)",
                                   "% of exited to work/studies\n(95 % CI where counts exist)",
                                   "Cost per participant\n(tkr, derived)"]):
            scale = 1000 if col == "cost_per_participant" else 1
            for i, v in enumerate(d[col]):
                if not v:
                    ax.text(i, 0, "n/a", ha="center", va="bottom", fontsize=8, color="#555555")
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
            ax.grid(axis="x", visible=False)
        fig.tight_layout()
        alt = ("Three bar charts, one bar per association and report year: participants as counted, percent of "
               "exited to work or studies with 95 % intervals, and derived cost per participant. "
               + "; ".join(f"{r.name} {r.year}: {self._cell(r.participants, lambda v: f'{v:,.0f}')} participants, "
                           f"{self._cell(r.rate, _pct)} to work or studies, "
                           f"{self._cell(r.cost_per_participant, lambda v: L.format_value(v, 'sek'))} per participant"
                           for r in d.itertuples()) + ".")
        return _finish(fig, "overview", self.figures_dir, self.stem, alt)

    def text(self):
        d = self.data[self.data["rate"].map(bool)]
        if d.empty:
            return markdown("No association has outcome figures for its report year.")
        lines = []
        for r in d.sort_values("name").itertuples():
            rate = " or ".join(f"{x:.1f} %" for x in r.rate)
            k_n = (f" ({_values(r.work_or_studies, lambda x: f'{x:.0f}')} of "
                   f"{_values(r.exited, lambda x: f'{x:.0f}')} exits)") if r.work_or_studies and r.exited else \
                " (reported percentage; no counts)"
            who = "all interventions" if r.group == ALL else esc(r.group)
            lines.append(f"- {esc(r.name)}, {r.year}: {rate}{k_n}, {who}")
        cmp = findings.association_comparison(self.data)
        test = ""
        if cmp is not None:
            verdict = ("the differences are larger than chance alone would give" if cmp["p_value"] < 0.05 else
                       "the differences are within what chance alone could give (no evidence of a difference; "
                       "this is not evidence that the rates are equal)")
            test = (f"\n\nTested together ({cmp['test']} test of {len(cmp['names'])} associations' counts, "
                    f"p = {cmp['p_value']:.3g}): {verdict}. ")
            if len(cmp["groups"]) > 1:
                test += ("The test compares different populations, though: some rates are of all interventions, "
                         "others of the work-oriented ones only, and the target groups and years differ, so a "
                         "difference says nothing about which association works better.")
        return markdown("Share of exited participants who left for work or studies, each on the population "
                        "its report's figures describe:\n\n" + "\n".join(lines) + test + "\n\n"
                        "The groups differ (all interventions, or only the work-oriented ones) and so do the years, "
                        "so these rates are not a ranking. Costs per participant and per person leaving for work or "
                        "studies are derived here (cost ÷ count) and are not stated in the reports.")

    @staticmethod
    def caveats():
        return markdown("\n".join(f"- {x}" for x in [
            "Each association is shown in the year of its own report; the years differ (2012–2022), so prices, "
            "labour markets and follow-up systems (SUS until 2022) differ too.",
            "Associations count participants differently (column *Participants*): people, participations (a person "
            "in two interventions counts twice), or participants and cases together; structural interventions "
            "(seminars, staff training) may be included in totals.",
            "Total cost includes administration and structural work, so cost per participant is an upper bound "
            "of what reaching one participant costs.",
            "Rates are of exited participants; where only a percentage is reported, the rate is the report's own. "
            "Where a report gives outcomes only for its work-oriented interventions, that group is used "
            "(column *Outcome group*) on every page, so its rate is not comparable with an association-wide one.",
        ]))


#: notebook -> (view class, its sections that return tables or text), in page order; the golden
#: tests (tests/golden) and the consistency tests go through every parameter set with these
VIEWS = {
    "gender_outcomes": (lambda t, p, lang: GenderOutcomes(t, p["association"], p["year"], lang=lang),
                        ["heading", "participants", "participants_text", "group_text", "exits", "rates_table",
                         "gap_table", "gap_text", "by_intervention", "caveats"]),
    "yearly_trend": (lambda t, p, lang: YearlyTrend(t, p["association"], p["metric"], lang=lang),
                     ["heading", "summary", "table", "multi_year"]),
    "overview": (lambda t, p, lang: Overview(t, lang=lang), ["table", "text", "caveats"]),
}


def _more_views():
    """The analysis notebooks' views live in their own modules (imported lazily: they need statsmodels)."""
    from .views_gaps import GenderGaps
    from .views_interventions import InterventionComparison
    VIEWS["interventions"] = (
        lambda t, p, lang: InterventionComparison(t, p["association"], p["year"], lang=lang),
        ["heading", "rates_table", "not_compared", "funnel_text", "heterogeneity_text", "mix_table", "mix_text",
         "goals_table", "goals_text", "national_text", "change_text", "costs_table", "costs_text", "caveats"])
    VIEWS["gender_gaps"] = (lambda t, p, lang: GenderGaps(t, lang=lang),
                            ["heading", "intervals_table", "intervals_text", "pooled_text", "exit_reason_text"])
    from .views_profile import ParticipantProfile
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
