"""The overview page in words: every association side by side at its latest report, each outcome
rate on the population :mod:`finsam.stats.scope` decides, as :func:`finsam.stats.findings.overview_rows`
gives them."""
from __future__ import annotations

import numpy as np
import pandas as pd

from finsam.data.fields import ALL
from finsam.data.semantics import COST, PARTICIPANTS, PERSONS, SEK, display_scale
from finsam.data.tables import Tables
from finsam.stats import findings
from finsam.stats.wording import noun
from finsam.views import labels as L
from finsam.views.base import Markup, View, esc, fill, markdown
from finsam.stats import brief as kf
from finsam.views import brief
from finsam.views.registry import report_stem
from finsam.views.tables import _axis_number, _finish, test_name


#: the overview draws bars for up to this many associations, a sorted dot plot beyond
BARS_UP_TO = 8
#: the dot plot: inches wide (shown at 390 px on a phone, text stays ~11 px), inches per row, text size
DOT_WIDTH_IN, DOT_ROW_IN, DOT_FONT_PT = 4.6, 0.19, 9


class Overview(View):
    """All associations side by side, each at the year of its own report, each outcome rate on
    the population finsam.stats.scope decides for that association-year, in one language."""

    notebook = "overview"

    def __init__(self, tables: Tables, figures_dir=None, policy: str = "show", lang: str = "en"):
        super().__init__(tables, lang)
        self.figures_dir, self.policy = figures_dir, policy
        self.stem = report_stem("overview", {})
        self.data = findings.overview_rows(tables, policy)

    def heading_values(self) -> dict:
        return dict(title=self.tr("notebook.overview"))

    def _cell(self, values, fmt) -> str:
        """Every value the reports allow: one, or the range of conflicting ones marked with ⚠."""
        if not values:
            return self.missing()
        lo, hi = fmt(min(values)), fmt(max(values))
        if len(values) == 1:
            return lo
        return self.span_text(lo, hi) + " ⚠"  # a table cell or alt text: plain text

    def _count_cell(self, values, unit) -> str:
        cell = self._cell(values, self.int)
        if cell == self.missing() or not unit or unit == PERSONS:
            return cell
        return f"{cell} {noun(self.t, unit, self.lang)}"

    def _participants(self, values, unit) -> str:
        """Participants as the association counts them, named: '651 deltaganden', '779 deltagare'."""
        if not values or not unit or unit == PERSONS:
            return self.plain("overview.figure.alt_participants", count=self._cell(values, self.int))
        return self._count_cell(values, unit)

    def _group(self, group: str) -> str:
        return self.tr("overview.all_interventions") if group == ALL else esc(group)

    def _ci(self, intervals) -> str:
        if not intervals or any(np.isnan(x) for c in intervals for x in c):
            return self.missing()
        return " / ".join(self.interval(lo, hi) for lo, hi in intervals)

    def in_brief(self):
        """The page's answer first: how many associations, the range of their rates, whether the
        difference is statistically significant, and that the table is not a ranking."""
        k = kf.overview(self.data)
        if not k.n:
            return brief.in_brief(self, [self.tr("overview.no_outcomes")])
        years = self.span(str(k.years[0]), str(k.years[1]))
        s = [self.tr("brief.overview", n=self.int(k.n), years=years)]
        if k.low is None:
            s.append(self.tr("brief.overview.no_rates"))
        else:
            s.append(self.tr("brief.overview.range", low=self.pct(k.low[1]), low_name=esc(k.low[0]),
                             high=self.pct(k.high[1]), high_name=esc(k.high[0])))
        if k.significant is not None:
            s.append(self.tr("brief.overview.significant" if k.significant else "brief.overview.not_significant"))
        return brief.in_brief(self, s)

    def method(self):
        return brief.method_marker(self)

    def table(self) -> pd.DataFrame:
        d = self.data
        sek = lambda v: self.value(v, SEK, COST)  # noqa: E731
        return self.frame({
            "overview.col.association": d["name"].to_numpy(),
            "overview.col.year": d["year"].astype(str).to_numpy(),
            "overview.col.participants": [self._count_cell(v, u) for v, u in zip(d[PARTICIPANTS],
                                                                                  d["participants_unit"])],
            "overview.col.group": [self._group(g) for g in d["group"]],
            "overview.col.exited": [self._count_cell(v, u) for v, u in zip(d["exited"], d["exit_unit"])],
            "overview.col.work_or_studies": [self._cell(v, self.int) for v in d["work_or_studies"]],
            "overview.col.rate": [self._cell(v, self.pct) for v in d["rate"]],
            "overview.col.ci": [self._ci(c) for c in d["ci"]],
            "overview.col.cost": [self._cell(v, sek) for v in d[COST]],
            "overview.col.cost_per_participant": [self._cell(v, sek) for v in d["cost_per_participant"]],
            "overview.col.cost_per_work_or_studies": [self._cell(v, sek) for v in d["cost_per_work_or_studies"]],
        }, index="overview.col.association")

    def figure(self):
        """Up to ``BARS_UP_TO`` associations: three bar charts side by side (participants, rate,
        cost per participant). More: one sorted dot plot of the rate with its 95 % Wilson
        interval, a row per association, readable at phone width (75 bars overlap into noise)."""
        if len(self.data) > BARS_UP_TO:
            return self.dot_plot()
        return self.bar_charts()

    def dot_plot(self):
        """Every association's work-or-studies rate as a dot with its 95 % interval (from counts),
        sorted from the highest rate; the range of conflicting statements as a line of its own;
        associations without a rate named below the chart."""
        from matplotlib.ticker import FuncFormatter

        from finsam.views.plotting import ASSOCIATION_COLORS, new_figure
        d = self.data
        rated = [r for r in d.itertuples() if r.rate]
        rated.sort(key=lambda r: (-min(r.rate), str(r.name)))
        without = [r for r in d.itertuples() if not r.rate]
        n = max(len(rated), 1)
        fig = new_figure(figsize=(DOT_WIDTH_IN, 1.3 + DOT_ROW_IN * n + (0.3 if without else 0)))
        ax = fig.subplots()
        color = ASSOCIATION_COLORS[5]
        for y, r in enumerate(rated):
            for lo, hi in r.ci:
                if not (np.isnan(lo) or np.isnan(hi)):
                    ax.plot([lo, hi], [y, y], color="#555555", linewidth=1.4, solid_capstyle="butt")
            if max(r.rate) > min(r.rate):  # conflicting statements: their range, not a midpoint
                ax.plot([min(r.rate), max(r.rate)], [y, y], color=color, linewidth=4, alpha=0.5)
            ax.plot(list(r.rate), [y] * len(r.rate), "o", color=color, markersize=5, zorder=3)
        ax.set_yticks(range(len(rated)), [f"{L.short_name(r.name)} {r.year}" for r in rated])
        ax.set_ylim(len(rated) - 0.5, -0.5)  # the highest rate on top
        ax.set_xlim(0, 100)
        ax.tick_params(axis="y", labelsize=DOT_FONT_PT)
        ax.tick_params(axis="x", labelsize=DOT_FONT_PT)
        ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _pos: _axis_number(self, v)))
        ax.grid(axis="y", visible=False)
        ax.set_title(self.plain("overview.figure.rate"), fontsize=DOT_FONT_PT + 1)
        if without:
            ax.set_xlabel(self.plain("overview.figure.without_rate", n=self.int(len(without))),
                          fontsize=DOT_FONT_PT)
        dots = "; ".join(self.plain("overview.figure.alt_dot", name=r.name, year=r.year,
                                    rate=self._cell(r.rate, self.pct), ci=self._ci(r.ci)) for r in rated)
        alt = self.plain("overview.figure.alt_dots", n=self.int(len(rated)), dots=dots)
        if without:
            alt += " " + self.plain("overview.figure.alt_without", names=", ".join(f"{r.name} {r.year}"
                                                                                  for r in without))
        return _finish(fig, "overview", self.figures_dir, self.stem, alt)

    def bar_charts(self):
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
        cost_scale = display_scale(self.t.metrics, self.t.vocabulary, COST)  # as in the table
        for ax, col, title in zip(axes, [PARTICIPANTS, "rate", "cost_per_participant"],
                                  [self.plain("overview.figure.participants"), self.plain("overview.figure.rate"),
                                   self.plain("overview.figure.cost", unit=cost_scale.label(self.lang))]):
            scale = cost_scale.factor if col == "cost_per_participant" else 1
            for i, v in enumerate(d[col]):
                if not v:
                    ax.text(i, 0, self.plain("overview.figure.missing"), ha="center", va="bottom", fontsize=8,
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
        bars = "; ".join(self.plain("overview.figure.alt_bar", name=r.name, year=r.year,
                                 participants=self._participants(r.participants, r.participants_unit),
                                 rate=self._cell(r.rate, self.pct),
                                 cost=self._cell(r.cost_per_participant, lambda v: self.value(v, SEK, COST)))
                         for r in d.itertuples())
        from finsam.views.figure_source import sourced
        cols = [self.plain("figure.col.association"), self.plain("figure.col.year")] + [
            self.plain(k).replace("\n", " ") for k in ("overview.figure.participants", "overview.figure.rate", "overview.figure.cost")]
        rows = [[r.name, int(r.year), " / ".join(self.int(v) for v in r.participants),
                 " / ".join(self.num(v, 1) for v in r.rate), " / ".join(self.num(v / 1000, 1) for v in r.cost_per_participant)]
                for r in d.itertuples()]
        s = self.t.sources
        years = {(str(a), int(y)) for a, y in zip(d["association"], d["year"])}
        ids = [str(i) for i, a, y in zip(s["source_id"], s["association_id"], s["report_year"]) if (str(a), int(y)) in years]
        return sourced(self, _finish(fig, "overview", self.figures_dir, self.stem, self.plain("overview.figure.alt", bars=bars)),
                       "overview", self.plain("figure.every_association"), d["year"], ids, cols, rows)

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
            lines.append(fill("- {}, {}: {}{}, {}", r.name, r.year, rate, counts, self._group(r.group)))
        cmp = findings.association_comparison(self.data)
        test = ""
        if cmp is not None:
            verdict = self.tr("overview.verdict.difference" if cmp["p_value"] < 0.05 else "overview.verdict.no_evidence")
            test = "\n\n" + self.tr("overview.test", test=test_name(cmp["test_code"], self.lang, cmp["draws"], cmp["min_expected"]),
                                    n=self.int(len(cmp["names"])), p=self.p(cmp["p_value"]), verdict=verdict)
            if len(cmp["groups"]) > 1:
                test += " " + self.tr("overview.different_groups")
        return markdown(self.tr("overview.rates_intro") + "\n\n" + Markup("\n").join(lines) + test + "\n\n"
                        + self.tr("overview.not_a_ranking"))

    def _cost_population(self) -> str | None:
        """Which associations get no cost per person to work or studies, and why (one population only)."""
        d = self.data
        differs = d[d["cost_population_differs"]] if "cost_population_differs" in d else d.iloc[0:0]
        if differs.empty:
            return None
        return self.tr("overview.caveat.cost_population", column=self.tr("overview.col.cost_per_work_or_studies"),
                       names=self.listing([fill("{} ({})", r.name, r.group) for r in differs.itertuples()]))

    def _cost_shared(self) -> str | None:
        """Which associations get no cost per person to work or studies because their cost holds a
        project's gross cost for several associations (finsam.stats.findings.shared_costs)."""
        d = self.data
        shared = d[d["cost_shared"].map(bool)] if "cost_shared" in d else d.iloc[0:0]
        if shared.empty:
            return None
        return self.tr("overview.caveat.cost_shared", column=self.tr("overview.col.cost_per_work_or_studies"),
                       names=self.listing([fill("{} ({})", r.name, Markup(", ").join(esc(x) for x in r.cost_shared))
                                           for r in shared.itertuples()]))

    def _mixed_timing(self) -> list[str]:
        """A sentence per association whose headline adds outcomes at exit and at follow-up."""
        d = self.data
        if "mixed_timing" not in d:
            return []
        return [self.tr("common.mixed_timing", what=self.tr("overview.mixed_timing_what", name=esc(r.name)),
                        detail=Markup("").join(fill(" ({})", n) for n in r.mixed_timing) if self.lang == "en" else "")
                for r in d.itertuples() if r.mixed_timing]

    def _persons(self) -> list[str]:
        """Participations are not persons (finsam.stats.persons): a sentence per association whose rate
        divides by exits counted as participations or cases, with the cautious interval where the
        report states the persons behind them; and that the joint test counts the same way."""
        d = self.data
        if "persons_base" not in d:
            return []
        out = []
        for r in d.itertuples():
            base = r.persons_base
            if base is None or not r.from_counts or not r.ci:
                continue
            values = dict(name=esc(r.name), n=self.either([self.int(x) for x in r.exited]),
                          noun=noun(self.t, base.unit, self.lang), ci=self._ci(r.ci))
            if base.surplus is None or not r.ci_persons:
                out.append(self.tr("overview.caveat.no_persons", **values))
                continue
            out.append(self.tr("overview.caveat.persons", **values, persons=self.int(base.persons),
                               participations=self.int(base.participations),
                               m=self.either([self.int(m) for _, _, m in r.ci_persons]),
                               ci_persons=" / ".join(self.interval(lo, hi) for lo, hi, _ in r.ci_persons)))
        if out and findings.association_comparison(d) is not None:
            out.append(self.tr("overview.caveat.persons_test"))
        return out

    def caveats(self):
        years = [int(y) for y in self.data["year"]] if len(self.data) else []
        span = (f"{min(years)}–{max(years)}" if min(years) != max(years) else str(years[0])) if years else ""
        items = [self.tr("overview.caveat.years", years=span) if years else None,
                 self.tr("overview.caveat.counting", column=self.tr("overview.col.participants")),
                 self.tr("overview.caveat.cost"),
                 self._cost_population(),
                 self._cost_shared(),
                 *self._mixed_timing(),
                 *self._persons(),
                 self.tr("overview.caveat.rates", column=self.tr("overview.col.group"))]
        return markdown(Markup("\n").join(fill("- {}", x) for x in items if x))
