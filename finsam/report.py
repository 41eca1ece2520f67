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

from . import labels as L
from .conflicts import resolve
from .data import Tables, select
from .params import report_stem
from .rates import OUTCOMES, gap_from_rates, outcome_rates, rates_from_facts
from .schema import ALL
from .trends import lineage, multi_year, trend

GENDER_ORDER = ["all", "women", "men", "unknown"]
SMALL_N = 30  # below this many exits, say that a rate is uncertain


def esc(text) -> str:
    """Escape data text for Markdown/HTML output: a '<script>' in a note is shown, never run."""
    s = html.escape(str(text), quote=False)
    for ch in "*_`[]|":
        s = s.replace(ch, "\\" + ch)
    return s


def markdown(text: str):
    from IPython.display import Markdown
    return Markdown(text)


def _cell(values: pd.DataFrame, unit: str) -> str:
    """One table cell: the value, or every conflicting value marked with ⚠."""
    vals = list(dict.fromkeys(values["value"]))
    shown = " / ".join(L.format_value(v, unit) for v in vals)
    return shown + (" ⚠" if len(vals) > 1 else "")


def fact_table(facts: pd.DataFrame, tables: Tables, metrics) -> pd.DataFrame:
    """Facts as a table: one row per metric (in the order given), one column per gender."""
    f = facts[facts["metric"].isin(metrics)]
    if f.empty:
        return pd.DataFrame()
    out = {}
    for (metric, gender), g in f.groupby(["metric", "gender"], observed=True, sort=False):
        out.setdefault(metric, {})[L.gender_label(gender)] = _cell(g, str(g["unit"].iloc[0]))
    order = [m for m in metrics if m in out]
    df = pd.DataFrame([out[m] for m in order], index=[L.metric_label(tables, m) for m in order])
    cols = [L.gender_label(g) for g in GENDER_ORDER if L.gender_label(g) in df.columns]
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


def gap_table(gaps: pd.DataFrame) -> pd.DataFrame:
    if gaps.empty:
        return pd.DataFrame()
    def n(row, g):
        k, nn = row.get(f"{g}_count"), row.get(f"{g}_n")
        return "–" if k is None or pd.isna(k) else f"{int(k)} of {int(nn)}"
    rows = []
    for _, g in gaps.iterrows():
        rows.append({"Women": n(g, "women"), "Men": n(g, "men"), "Women rate": _pct(g["women_rate"]),
                     "Men rate": _pct(g["men_rate"]),
                     "Difference": "–" if pd.isna(g["difference_pp"]) else f"{g['difference_pp']:+.1f} pp",
                     "Odds ratio": "–" if pd.isna(g.get("odds_ratio", np.nan)) else f"{g['odds_ratio']:.2f}",
                     "Cohen's h": "–" if pd.isna(g.get("cohens_h", np.nan)) else f"{g['cohens_h']:+.2f}",
                     "Test": g["test"], "p": "–" if pd.isna(g["p_value"]) else f"{g['p_value']:.3f}",
                     "Conclusion": g["verdict"] + (" ⚠" if g["conflict"] else "")})
    return pd.DataFrame(rows)


def gap_sentence(gaps: pd.DataFrame, what: str) -> str:
    if gaps.empty:
        return f"No gender comparison is possible for {what}: the report does not give outcomes for both women and men."
    tested = gaps.dropna(subset=["p_value"])
    if len(tested) > 1:
        verdicts = sorted(set(tested["verdict"]))
        return (f"For {what}, the report's conflicting counts allow {len(tested)} versions of the comparison: the "
                f"difference women − men ranges from {tested['difference_pp'].min():+.1f} to "
                f"{tested['difference_pp'].max():+.1f} percentage points (p from {tested['p_value'].min():.3f} to "
                f"{tested['p_value'].max():.3f}); " + ("in every version, " + verdicts[0] if len(verdicts) == 1 else
                                                        "the conclusion depends on which count is right: "
                                                        + "; ".join(verdicts)) + ".")
    out = []
    for _, g in gaps.iterrows():
        if g["test"] == "none" or pd.isna(g["p_value"]):
            out.append(f"For {what}, women {_pct(g['women_rate'])} and men {_pct(g['men_rate'])}: {g['verdict']}.")
        else:
            out.append(f"For {what}, {int(g['women_count'])} of {int(g['women_n'])} women ({_pct(g['women_rate'])}) "
                       f"and {int(g['men_count'])} of {int(g['men_n'])} men ({_pct(g['men_rate'])}) left for work or "
                       f"studies, a difference of {g['difference_pp']:+.1f} percentage points: {g['verdict']} "
                       f"({g['test']}, p = {g['p_value']:.3f}).")
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


OUTCOME_METRICS = ["exit_work_or_studies", "exit_work_or_studies_rate", "exit_work", "exit_studies"]
EXIT_METRICS = ["participants_exited", *OUTCOME_METRICS]


def outcome_group(obs: pd.DataFrame, association: str, year: int, by_gender: bool = False) -> str:
    """The group whose exit outcomes represent the association in ``year``: ALL when the report
    gives association-wide outcomes (by gender, if ``by_gender``), else the report's own aggregate
    of interventions, such as "Arbetslivsinriktade insatser (totalt)", the work-oriented
    interventions a headline rate refers to. Ties go to ALL."""
    o = select(obs, association=association, period=year, metric=EXIT_METRICS)
    names = o["intervention"].astype(str)
    o = o[(names == ALL) | names.str.contains("(totalt)", regex=False)]
    if o.empty:
        return ALL
    scores = o.groupby(o["intervention"].astype(str)).apply(lambda g: _score(g, by_gender), include_groups=False)
    best = scores.max()
    if best <= 0 or scores.get(ALL, 0) == best:
        return ALL
    return str(scores[scores == best].sort_index().index[0])


def _score(o: pd.DataFrame, by_gender: bool) -> int:
    has = o["metric"].isin(OUTCOME_METRICS)
    split = has & o["gender"].isin(["women", "men"])
    return int(has.any()) + (2 * int(split.any()) if by_gender else 0)



def _finish(fig, name, figures_dir, stem):
    from .plotting import finish_figure
    return finish_figure(fig, f"{stem}__{name}", figures_dir)


class GenderOutcomes:
    """Sections of the gender_outcomes notebook for one association and year."""

    def __init__(self, tables: Tables, association: str, year: int, figures_dir=None, policy: str = "show"):
        self.t, self.a, self.year, self.figures_dir, self.policy = tables, association, year, figures_dir, policy
        self.obs = select(tables.observations, association=association, period=year)
        self.facts = resolve(self.obs, policy)
        self.stem = report_stem("gender_outcomes", dict(association=association, year=year))
        self.group = outcome_group(tables.observations, association, year, by_gender=True)
        # the year's facts are resolved once; the group's rates come from them
        self.rates = rates_from_facts(self.facts[self.facts["intervention"].astype(str) == self.group])

    def group_text(self):
        """Which group the outcome sections describe, and why."""
        if self.group == ALL:
            return markdown("Exit outcomes below are association-wide (all interventions).")
        note = self.t.interventions
        note = note[(note["association_id"] == self.a) & (note["intervention"] == self.group)]["note"]
        why = f" The report describes it as: {esc(note.iloc[0])}." if len(note) and isinstance(note.iloc[0], str) else ""
        return markdown(f"The report states exit outcomes for **{esc(self.group)}** rather than for all "
                        f"interventions together, so the sections below describe that group.{why}")

    def heading(self):
        name = L.association_name(self.t, self.a)
        src = sorted(set(self.obs["source_id"].astype(str)))
        titles = self.t.sources.set_index(self.t.sources["source_id"].astype(str)).loc[src, "title"]
        return markdown(f"# {esc(name)}: participants and outcomes by gender, {self.year}\n\n"
                        f"Figures for {self.year} as stated in: " + "; ".join(esc(x) for x in titles) + ".")

    def participants(self) -> pd.DataFrame:
        return fact_table(self.facts[self.facts["intervention"] == ALL], self.t,
                          ["participants", "participants_new", "participants_exited", "unique_individuals",
                           "participants_share"])

    def participants_text(self):
        f = self.facts[(self.facts["intervention"] == ALL) & (self.facts["metric"] == "participants")]
        v = {str(g): list(x["value"]) for g, x in f.groupby("gender", observed=True)}
        if not v.get("all"):
            return markdown("The report gives no association-wide participant count for this year; see the "
                            "breakdown by intervention below.")
        s = f"In {self.year}, {' or '.join(f'{x:,.0f}' for x in v['all'])} people took part in the interventions"
        if v.get("women") and v.get("men"):
            s += (f": {' or '.join(f'{x:,.0f}' for x in v['women'])} women and "
                  f"{' or '.join(f'{x:,.0f}' for x in v['men'])} men")
            if v.get("unknown"):
                s += f", and {' or '.join(f'{x:,.0f}' for x in v['unknown'])} whose gender is not stated"
        s += "." + (" Where two numbers are given, the report states both." if any(len(x) > 1 for x in v.values()) else "")
        return markdown(s)

    def exits(self) -> pd.DataFrame:
        metrics = ["participants_exited", "exit_work_or_studies"] + [m for m, _ in OUTCOMES.values()
                                                                     if m != "exit_work_or_studies"]
        return fact_table(self.facts[self.facts["intervention"] == self.group], self.t, metrics)

    def rates_table(self) -> pd.DataFrame:
        return rates_table(self.rates)

    def outcome_figure(self):
        from .plotting import bar_by_gender, outcome_label_map
        r = self.rates.dropna(subset=["rate"])
        r = r.drop_duplicates(["gender", "outcome"])
        if r.empty:
            return None
        r = r.assign(outcome=r["outcome"].astype(str))
        fig = bar_by_gender(r, "outcome", "rate", f"Exit outcomes by gender, {self.year} (% of exited, 95 % CI)"
                            + ("" if self.group == ALL else f"\n{self.group}"),
                            "% of exited participants", xlabels=outcome_label_map(), percent=True)
        fig.axes[0].tick_params(axis="x", labelrotation=20)
        return _finish(fig, "outcomes", self.figures_dir, self.stem)

    @functools.cached_property
    def _gaps(self) -> pd.DataFrame:
        rows = []
        names = self.facts["intervention"].astype(str)
        # only groups with exit figures for both women and men can be compared
        split = self.facts[self.facts["metric"].isin(EXIT_METRICS) & self.facts["gender"].isin(["women", "men"])]
        both = split.groupby(split["intervention"].astype(str))["gender"].nunique()
        candidates = set(both.index[both == 2])
        for inter in [i for i in [ALL] + sorted(set(names) - {ALL}) if i in candidates]:
            g = gap_from_rates(rates_from_facts(self.facts[names == inter]), "work_or_studies")
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
        t = gap_table(g)
        t.insert(0, "Intervention", g["intervention"].replace({ALL: "All interventions"}).to_numpy())
        return t

    def gap_text(self):
        g = self.gaps()
        if g.empty:
            return markdown(gap_sentence(g, f"{self.year}"))
        parts = [gap_sentence(x, "all interventions" if i == ALL else esc(i))
                 for i, x in g.groupby("intervention", sort=False)]
        return markdown("\n\n".join(parts))

    def by_intervention(self) -> pd.DataFrame:
        f = self.facts[self.facts["intervention"] != ALL]
        metrics = ["participants", "participants_exited", "exit_work_or_studies", "exit_work_or_studies_rate"]
        f = f[f["metric"].isin(metrics)]
        if f.empty:
            return pd.DataFrame()
        rows = {}
        for (inter, metric, gender), g in f.groupby(["intervention", "metric", "gender"], observed=True, sort=True):
            col = f"{L.metric_label(self.t, metric)} ({L.gender_label(gender).lower()})"
            rows.setdefault(str(inter), {})[(metrics.index(metric), GENDER_ORDER.index(str(gender)), col)] = \
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
        small = self.rates.dropna(subset=["exited"])
        small = small[small["exited"] < SMALL_N]
        if not small.empty:
            items.append(f"Small groups: {len(small.drop_duplicates(['gender']))} gender group(s) have fewer than "
                         f"{SMALL_N} exits, so their rates are uncertain (see the intervals).")
        items.append("Intervention totals can count one person more than once when they took part in several "
                     "interventions; association-wide figures are the report's own.")
        conflicts = conflict_list(self.facts)
        if conflicts:
            items.append("The report states some figures twice with different values (⚠ in the tables; "
                         "both are shown):\n" + "\n".join(f"    - {c}" for c in conflicts))
        multi = self.t.observations
        multi = multi[(multi["association_id"] == self.a) & (multi["period_start"] != multi["period_end"])
                      & (multi["period_end"] == self.year)]
        if len(multi):
            items.append(f"{len(multi)} figure(s) cover several years (cumulative or project-to-date); they are "
                         "not mixed into these one-year figures.")
        return markdown("\n".join(f"- {i}" for i in items))


class YearlyTrend:
    """Sections of the yearly_trend notebook for one association and metric."""

    def __init__(self, tables: Tables, association: str, metric: str, by_gender: bool = True, chain: bool = True,
                 figures_dir=None, policy: str = "show"):
        self.t, self.a, self.metric, self.figures_dir = tables, association, metric, figures_dir
        self.unit = L.metric_unit(tables, metric)
        self.label = L.metric_label(tables, metric)
        self.series = trend(tables, association, metric, by_gender=by_gender, chain=chain, policy=policy)
        self.chain = lineage(tables, association) if chain else [association]
        self.stem = report_stem("yearly_trend", dict(association=association, metric=metric))

    def heading(self):
        name = L.association_name(self.t, self.a)
        desc = self.t.metrics.set_index(self.t.metrics["metric"].astype(str)).loc[self.metric, "description_en"]
        chain = ""
        if len(self.chain) > 1:
            chain = (" The series includes the predecessor " +
                     ", ".join(esc(L.association_name(self.t, a)) for a in self.chain[:-1]) + ".")
        return markdown(f"# {esc(name)}: {esc(self.label)} by year\n\n{esc(desc)}{chain}")

    def table(self) -> pd.DataFrame:
        s = self.series
        if s.empty:
            return pd.DataFrame()
        out = {}
        for (year, gender), g in s.groupby(["year", "gender"], observed=True, sort=True):
            out.setdefault(int(year), {})[L.gender_label(gender)] = _cell(g, self.unit)
        df = pd.DataFrame.from_dict(out, orient="index").sort_index()
        cols = [L.gender_label(g) for g in GENDER_ORDER if L.gender_label(g) in df.columns]
        df = df[cols].fillna("–")
        assoc = s.drop_duplicates("year").set_index("year")["association_id"]
        df.insert(0, "Association", [str(assoc[y]) for y in df.index])
        notes = s[s["definition_note"] != ""].drop_duplicates("year").set_index("year")["definition_note"]
        df["Definition note"] = [notes.get(y, "") for y in df.index]
        df.index.name = "Year"
        return df

    def figure(self):
        from .plotting import GENDER_COLORS, line_by_group
        s = self.series.drop_duplicates(["year", "gender"])
        if s.empty:
            return None
        scale = 1e6 if self.unit == "sek" else 1
        s = s.assign(shown=s["value"] / scale, gender=s["gender"].astype(str))
        marks = [(int(r.year), "new association") for r in s.itertuples() if "association changes" in r.definition_note]
        ylabel = {"sek": "million kronor", "percent": "percent", "persons": "persons"}[self.unit]
        fig = line_by_group(s, "year", "shown", "gender", GENDER_COLORS,
                            {g: L.gender_label(g) for g in GENDER_ORDER}, f"{self.label}, by year", ylabel,
                            marks=sorted(set(marks)))
        return _finish(fig, "trend", self.figures_dir, self.stem)

    def summary(self):
        s = self.series[self.series["gender"] == "all"].drop_duplicates("year")
        if len(s) < 2:
            return markdown(f"Fewer than two years of association-wide figures for {esc(self.label.lower())}.")
        first, last = s.iloc[0], s.iloc[-1]
        change = last["value"] - first["value"]
        rel = f" ({100 * change / first['value']:+.0f} %)" if first["value"] else ""
        text = (f"{esc(self.label)} went from {L.format_value(first['value'], self.unit)} in {int(first['year'])} to "
                f"{L.format_value(last['value'], self.unit)} in {int(last['year'])}{rel}, over "
                f"{s['year'].nunique()} years with figures.")
        if self.series["conflict"].any():
            text += " Some years have conflicting statements in the reports (⚠): all values are shown."
        if self.series["definition_change"].any():
            text += " Years marked in the table may not be comparable with the year before (see the notes)."
        return markdown(text)

    def multi_year(self) -> pd.DataFrame:
        m = multi_year(self.t, self.a, self.metric)
        if m.empty:
            return markdown(f"No multi-year figures of {esc(self.label.lower())} for this association.")
        return pd.DataFrame({"Period": [f"{a}–{b}" for a, b in zip(m["period_start"], m["period_end"])],
                             "Gender": m["gender"].map(L.gender_label),
                             "Value": [L.format_value(v, self.unit) for v in m["value"]],
                             "Source": m["sources"]}).sort_values(["Period", "Gender"]).reset_index(drop=True)


class Overview:
    """All associations side by side, each at the year of its own report."""

    def __init__(self, tables: Tables, figures_dir=None, policy: str = "show"):
        self.t, self.figures_dir, self.policy = tables, figures_dir, policy
        self.stem = report_stem("overview", {})
        self.data = self._build()

    def _build(self) -> pd.DataFrame:
        """One row per association at its latest report year. Every value is a list: the report's
        conflicting statements are all kept, and derived values are computed for each."""
        rows = []
        src = self.t.sources.sort_values("report_year")
        for a in self.t.associations["association_id"].astype(str):
            years = src.loc[src["association_id"].astype(str) == a, "report_year"]
            if years.empty:
                continue
            year = int(years.iloc[-1])
            f = resolve(select(self.t.observations, association=a, period=year, intervention=ALL, gender="all"),
                        self.policy)

            def vals(metric):
                return sorted(f.loc[f["metric"] == metric, "value"])

            group = outcome_group(self.t.observations, a, year)
            r = outcome_rates(self.t.observations, a, year, group, self.policy)
            r = r[(r["outcome"] == "work_or_studies") & (r["gender"] == "all")]
            participants, cost = vals("participants"), vals("cost")
            ws = sorted({float(x) for x in r["count"].dropna()})
            rows.append(dict(association=a, name=L.association_name(self.t, a), year=year, group=group,
                             participants=participants, exited=vals("participants_exited"),
                             work_or_studies=ws, rate=sorted(set(r["rate"].dropna())), cost=cost,
                             cost_per_participant=sorted({c / p for c in cost for p in participants if p}),
                             cost_per_work_or_studies=sorted({c / w for c in cost for w in ws if w})))
        return pd.DataFrame(rows)

    @staticmethod
    def _cell(values, fmt) -> str:
        if not values:
            return "–"
        lo, hi = fmt(min(values)), fmt(max(values))
        if len(values) == 1:
            return lo
        return (lo if lo == hi else f"{lo} to {hi}") + " ⚠"

    def table(self) -> pd.DataFrame:
        d = self.data
        num = lambda unit: (lambda v: L.format_value(v, unit))
        col = lambda c, unit: [self._cell(v, num(unit)) for v in d[c]]
        return pd.DataFrame({
            "Association": d["name"], "Year": d["year"].astype(str),
            "Participants": col("participants", "persons"), "Exited": col("exited", "persons"),
            "Outcome group": [("all" if g == ALL else g) for g in d["group"]],
            "To work/studies": col("work_or_studies", "persons"), "Rate": [self._cell(v, _pct) for v in d["rate"]],
            "Total cost": col("cost", "sek"),
            "Cost per participant (derived)": col("cost_per_participant", "sek"),
            "Cost per person to work/studies (derived)": col("cost_per_work_or_studies", "sek"),
        })

    def figure(self):
        import matplotlib.pyplot as plt
        from .plotting import ASSOCIATION_COLORS, set_theme
        set_theme()
        d = self.data
        fig, axes = plt.subplots(1, 3, figsize=(11, 3.8))
        colors = ASSOCIATION_COLORS[: len(d)]
        short = [f"{a}\n{y}" for a, y in zip(d["association"], d["year"])]
        for ax, col, title in zip(axes, ["participants", "rate", "cost_per_participant"],
                                  ["Participants", "% of exited to work/studies", "Cost per participant (tkr, derived)"]):
            # with conflicting statements the bar shows the midpoint; the table gives the range
            vals = d[col].map(lambda v: np.mean(v) if v else np.nan) / (1000 if col == "cost_per_participant" else 1)
            ax.bar(short, vals.fillna(0), color=colors)
            for i, v in enumerate(vals):
                if pd.isna(v):
                    ax.text(i, 0, "n/a", ha="center", va="bottom", fontsize=8, color="#555555")
            ax.set_title(title, fontsize=10)
            ax.tick_params(axis="x", labelsize=8)
        fig.tight_layout()
        return _finish(fig, "overview", self.figures_dir, self.stem)

    def text(self):
        d = self.data.assign(rate=self.data["rate"].map(lambda v: np.mean(v) if v else np.nan)).dropna(subset=["rate"])
        if d.empty:
            return markdown("No association has outcome figures for its report year.")
        hi, lo = d.loc[d["rate"].idxmax()], d.loc[d["rate"].idxmin()]
        return markdown(f"Across {len(self.data)} associations, the share of exited participants who left for work or "
                        f"studies ranges from {lo['rate']:.0f} % ({esc(lo['name'])}, {lo['year']}) to "
                        f"{hi['rate']:.0f} % ({esc(hi['name'])}, {hi['year']}). Costs per participant and per person "
                        "leaving for work or studies are derived here (cost ÷ count) and are not stated in the reports.")

    @staticmethod
    def caveats():
        return markdown("\n".join(f"- {x}" for x in [
            "Each association is shown in the year of its own report; the years differ (2012–2022), so prices, "
            "labour markets and follow-up systems (SUS until 2022) differ too.",
            "Associations count participants differently: some count every participation in every intervention, "
            "some unique individuals; structural interventions (seminars, staff training) may be included in totals.",
            "Total cost includes administration and structural work, so cost per participant is an upper bound "
            "of what reaching one participant costs.",
            "Rates are of exited participants; where only a percentage is reported, the rate is the report's own. "
            "Where a report gives outcomes only for its work-oriented interventions, that group is used "
            "(column *Outcome group*), so its rate is not comparable with an association-wide one.",
        ]))
