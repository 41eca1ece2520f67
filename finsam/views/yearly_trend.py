"""The yearly_trend page in words: one metric of one association over every year the data hold,
by gender where reported, chained through predecessors, as :mod:`finsam.stats.trends` gives it."""
from __future__ import annotations

import functools

import pandas as pd

from finsam.data import semantics
from finsam.data.conflicts import resolve
from finsam.data.fields import ALL
from finsam.data.tables import Tables, select
from finsam.stats import findings
from finsam.stats.followup import followup_nonresponse
from finsam.stats.trends import lineage, multi_year, trend
from finsam.stats.wording import change, noun, segments, unit_class
from finsam.views import labels as L
from finsam.views.base import Markup, View, esc, fill, markdown
from finsam.views import brief
from finsam.views.registry import report_stem
from finsam.views.tables import _axis_number, _cell, _finish, _genders


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
        self.scale = (semantics.display_scale(tables.metrics, tables.vocabulary, metric)
                      if self.unit_class == semantics.MONEY_CLASS else None)
        self.label = self.metric(metric)
        self.series = trend(tables, association, metric, by_gender=by_gender, chain=chain, policy=policy)
        self.chain = lineage(tables, association) if chain else [association]
        self.stem = report_stem("yearly_trend", dict(association=association, metric=metric))
        self.runs = findings.trend_runs(self.series)
        # what the values count: the units the reports state them in (participations, cases, persons),
        # not the metric's usual unit; in the order of the years
        self.units = (list(dict.fromkeys(self.series.sort_values("year")["unit"].astype(str)))
                      if not self.series.empty else [self.unit])

    def _lower(self, text: str) -> str:
        """A label inside a sentence: its first letter small (the labels start a line in tables)."""
        return text[:1].lower() + text[1:]

    def heading_values(self) -> dict:
        m = self.t.metrics.set_index(self.t.metrics["metric"].astype(str))
        desc = m.loc[self.metric_id, f"description_{self.lang}"]
        chain = ""
        if len(self.chain) > 1:
            chain = self.tr("yearly_trend.chain",
                            names=Markup(", ").join(self.association(a) for a in self.chain[:-1]))
        return dict(name=esc(self.association(self.a)), label=esc(self.label), description=esc(desc),
                    chain=chain + self._unit_note())

    def _unit_note(self) -> str:
        """Where the reports count the metric in another unit than its description's (participations
        or cases for participants), which years and what that unit counts (vocabulary.csv)."""
        if unit_class(self.t, self.unit) != semantics.COUNT_CLASS or self.units == [self.unit]:
            return Markup("")
        described = semantics.vocabulary_column(self.t.vocabulary, "unit", f"description_{self.lang}")
        notes = []
        for u in self.units:
            if u == self.unit:
                continue
            years = sorted(set(int(y) for y in self.series.loc[self.series["unit"].astype(str) == u, "year"]))
            notes.append(self.tr("yearly_trend.unit_note", years=self.listing([str(y) for y in years]),
                                 noun=noun(self.t, u, self.lang), usual=noun(self.t, self.unit, self.lang),
                                 description=self._lower(described.get(u, ""))))
        return Markup("").join(notes)

    def _fmt(self, v) -> str:
        return self.value(v, self.unit, self.metric_id)

    def _cell(self, values: pd.DataFrame) -> str:
        return _cell(values, self.unit, self.lang, self.t, self.metric_id)

    def _note(self, row) -> str:
        """What changes at a marked year, worded from the series' fields (a table cell: plain text)."""
        if row.change_kind == "association":
            a = self.t.associations.set_index(self.t.associations["association_id"].astype(str))
            before, after = str(row.previous_association_id), str(row.association_id)
            return self.plain("yearly_trend.note.association",
                           before=a.loc[before, "name"],
                           before_municipalities=str(a.loc[before, "municipalities"]).replace(";", ", "),
                           after=a.loc[after, "name"],
                           after_municipalities=str(a.loc[after, "municipalities"]).replace(";", ", "))
        if row.change_kind == "source":
            return self.plain("yearly_trend.note.source", sources=row.sources, previous=row.previous_sources)
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
        df.insert(0, self.tr("yearly_trend.col.association"), [self.association(str(assoc[y])) for y in df.index])
        counts = self._counts()
        if counts:
            df[self.tr("yearly_trend.col.counts")] = [counts[int(y)][0] if int(y) in counts else self.missing()
                                                      for y in df.index]
            df[self.tr("yearly_trend.col.ci")] = [counts[int(y)][1] if int(y) in counts else self.missing()
                                                  for y in df.index]
        marked = s[s["change_kind"] != ""].drop_duplicates("year").set_index("year")
        notes = {y: self._note(r) for y, r in zip(marked.index, marked.itertuples())}
        df[self.tr("yearly_trend.col.note")] = [notes.get(y, "") for y in df.index]
        df.index.name = self.tr("yearly_trend.col.year")
        return df

    def _counts(self) -> dict[int, tuple[str, str]]:
        return self._counts_by_year

    @functools.cached_property
    def _counts_by_year(self) -> dict[int, tuple[str, str]]:
        """For a rate with numerator and denominator metrics: ('k of n', its 95 % Wilson interval)
        per year, where stated: a rate with counts is never shown without its interval (one
        interval per version where the report states a count twice)."""
        from finsam.stats.inference import wilson
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
                cis = [wilson(int(a), int(b)) for a in k for b in n if 0 <= a <= b and b > 0]
                out[int(y)] = (self.tr("common.k_of_n", k=self.either([self.int(x) for x in k]),
                                       n=self.either([self.int(x) for x in n])),
                               self.either([self.interval(100 * float(lo), 100 * float(hi)) for lo, hi in cis])
                               if cis else self.missing())
        return out

    def _unit_words(self) -> str:
        if self.unit_class == semantics.MONEY_CLASS:
            return self.scale.label(self.lang)
        if self.unit_class == semantics.PERCENT_CLASS:
            return self.tr("yearly_trend.figure.percent")
        return " / ".join(noun(self.t, u, self.lang) for u in self.units)

    def figure(self):
        from finsam.views.plotting import GENDER_COLORS, line_by_group
        s = self.series.drop_duplicates(["year", "gender", "value"])
        if s.empty:
            return None
        # an amount in the scale of its table and sentences (metrics.csv display_scale)
        scale = self.scale.factor if self.unit_class == semantics.MONEY_CLASS else 1
        s = s.assign(shown=s["value"] / scale, gender=s["gender"].astype(str))
        # a line joins only consecutive years of one association; a conflicting year shows every value
        years = sorted(set(int(y) for y in s["year"]))
        assoc = s.drop_duplicates("year").set_index("year")["association_id"].astype(str)
        unit = s.drop_duplicates("year").set_index("year")["unit"].astype(str)
        runs = segments(years, [(assoc[y], unit[y]) for y in years])  # a line never joins two units
        run_of = {y: i for i, r in enumerate(runs) for y in r}
        s = s.assign(run=s["year"].map(run_of))
        marks = [(int(r[0]), self.plain("yearly_trend.figure.from_here", name=self.association(assoc[r[0]])))
                 for r in runs[1:] if assoc[r[0]] != assoc[runs[runs.index(r) - 1][-1]]]
        ylabel = self._unit_words()
        genders = set(s["gender"])
        key = "yearly_trend.figure.title_gender" if genders & set(semantics.COMPARED) else "yearly_trend.figure.title"
        title = self.plain(key, label=self.label)
        fig = line_by_group(s, "year", "shown", "gender", GENDER_COLORS,
                            {g: self.gender(g) for g in _genders(self.t)}, title, ylabel,
                            marks=marks, segment="run",
                            conflicting=lambda label: self.plain("yearly_trend.figure.conflicting", label=label),
                            number=lambda v: _axis_number(self, v))
        if self.unit_class != semantics.PERCENT_CLASS and s["shown"].min() >= 0:
            # an amount or a count is read against zero: an axis from 7 600 makes +40 % look like ×4
            fig.axes[0].set_ylim(bottom=0)
        everyone = s[s["gender"] == semantics.EVERYONE].sort_values("year")
        # a year the reports state with different values gives each of them: "2021: 35 643 tkr eller 35 716 tkr"
        points = ", ".join(f"{int(y)}: {self.either([self._fmt(v) for v in g['value']])}"
                           for y, g in everyone.groupby("year", sort=True))
        alt = self.plain("yearly_trend.figure.alt", title=title, unit=ylabel,
                      points=self.plain("yearly_trend.figure.alt_points", points=points) if points else "",
                      breaks=self.plain("yearly_trend.figure.alt_breaks") if len(runs) > 1 else "")
        from finsam.views.figure_source import sourced
        cols = [self.plain("figure.col.year"), self.plain("figure.col.association"), self.plain("figure.col.gender"),
                self.plain("figure.col.value", unit=ylabel)]
        rows = [[int(x.year), self.association(str(x.association_id)), self.gender(x.gender),
                 self.num(x.shown, 3 if scale > 1 else (1 if self.unit_class == semantics.PERCENT_CLASS else 0))]
                for x in s.sort_values(["year", "gender"]).itertuples()]
        sources = {i for x in s["sources"] for i in str(x).replace(";", ",").split(",") if i.strip()}
        return sourced(self, _finish(fig, "trend", self.figures_dir, self.stem, alt), "trend",
                       self.association(self.a), years, {i.strip() for i in sources}, cols, rows)

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

    def in_brief(self):
        """The page's answer first: the summary of the series under the heading every page opens with."""
        return brief.in_brief(self, [Markup(self.summary().data)])  # summary() made it Markdown, its data escaped

    def method(self):
        return brief.method_marker(self)

    def about(self):
        """What the series measures, its predecessor, and how its intervals are made (when it has any)."""
        v = self.heading_values()
        text = Markup(v["description"]) + v["chain"]  # the metric's description (metrics.csv), then the predecessor
        if self._counts():
            text += self.tr("yearly_trend.intervals")
        details = self.cautions()
        if details:
            text += Markup("\n\n") + Markup(" ").join(details)
        for c in self._contradicted:
            text += Markup("\n\n") + self.tr("yearly_trend.contradicted_why", note=self.curators_note(c.note),
                                              years=self._years(self.series.loc[list(c.rows), "year"]))
        return markdown(text)

    @functools.cached_property
    def _cautions(self) -> list:
        """The report's own warnings among the series' figures (finsam.stats.findings.caution_records)."""
        return findings.caution_records(self.series)

    @functools.cached_property
    def _contradicted(self) -> list:
        """The series' figures the report's other figures contradict (finsam.stats.findings.contradictions);
        the answer, the method's sentences and its explanations all read them."""
        return findings.contradictions(self.series)

    def _care(self) -> list[str]:
        """Why the figures should be read with care, a short phrase each with its years, for the
        page's answer; :meth:`cautions` and :meth:`about` say it in full under the method."""
        out = []
        followed = [r for a in self.chain for r in followup_nonresponse(self.t, a, self.metric_id)]
        for kind, bounded in (("unstated", False), ("bounded", True)):
            years = sorted({r.year for r in followed if (r.bounds is not None) == bounded})
            if years:
                out.append(self.tr(f"yearly_trend.care.nonresponse_{kind}", years=self._years(years)))
        cautions = self._cautions
        if cautions:
            out.append(self.tr("yearly_trend.care.caution", years=self._years(
                self.series.loc[[r for c in cautions for r in c.rows], "year"])))
        contradicted = self._contradicted
        if contradicted:
            out.append(self.tr("yearly_trend.care.contradicted", years=self._years(
                self.series.loc[[r for c in contradicted for r in c.rows], "year"])))
        if self.series["conflict"].any():
            out.append(self.tr("yearly_trend.care.conflicts", years=self._years(
                self.series.loc[self.series["conflict"], "year"])))
        return out

    def cautions(self) -> list[str]:
        """The reasons for care in full: the follow-up's non-response, the report's own warning,
        figures the report's other figures contradict, figures stated with different values."""
        texts = self._nonresponse()
        for c in self._cautions:
            if self.lang == "en":  # the curators' notes are English
                texts.append(self.tr("yearly_trend.caution_note", note=esc(c.note)))
                continue
            lines = "–".join(str(x) for x in c.lines)
            reference = self.tr("common.reference", source=esc(c.source_id), lines=lines) if lines \
                else esc(c.source_id)
            texts.append(self.tr("yearly_trend.caution", years=self._years(self.series.loc[list(c.rows), "year"]),
                                 reference=reference))
        for c in self._contradicted:
            texts.append(self.tr("yearly_trend.contradicted", years=self._years(self.series.loc[list(c.rows), "year"]),
                                 values=self._contradicted_values(c)))
        if self.series["conflict"].any():
            texts.append(self.tr("yearly_trend.conflicts"))
        return texts

    def _contradicted_values(self, c) -> str:
        """The values of a contradicted figure: one per gender the page shows (a plain value for everyone)."""
        rows = self.series.loc[list(c.rows)]
        if rows["gender"].astype(str).nunique() == 1:
            return Markup(", ").join(self._fmt(v) for v in rows["value"])
        return Markup(", ").join(fill("{} {}", self.gender(str(g)).lower(), self._fmt(v))
                                 for g, v in zip(rows["gender"], rows["value"]))

    def _nonresponse(self) -> list[str]:
        """A follow-up rate is of those who answered: the bounds over everyone the follow-up should
        have reached where the report states that number, else that the non-response is unknown
        (finsam.stats.followup)."""
        out = []
        for a in self.chain:
            for r in followup_nonresponse(self.t, a, self.metric_id):
                k_of_n = self.of(r.k, r.followed)
                if r.bounds is None:
                    out.append(self.tr("yearly_trend.nonresponse_not_stated", year=r.year, k_of_n=k_of_n))
                else:
                    out.append(self.tr("yearly_trend.nonresponse_bounds", year=r.year, k_of_n=k_of_n,
                                       targeted=self.int(r.targeted), low=self.pct(r.bounds[0]),
                                       high=self.pct(r.bounds[1])))
        return out

    def summary(self):
        runs = self.runs
        if not runs:
            return self.md("yearly_trend.no_series", label=esc(self._lower(self.label)))
        texts = []
        if len(runs) > 1:
            items = []
            for r in runs:
                y0, y1 = int(r["year"].min()), int(r["year"].max())
                name = self.association(str(r["association_id"].iloc[0]))
                if len(self.units) > 1:  # runs of one association may differ only by what they count
                    name = fill("{}, {}", name, noun(self.t, str(r["unit"].iloc[0]), self.lang))
                items.append(fill("{}–{} ({})", y0, y1, name) if len(r) > 1 else fill("{} ({})", y0, name))
            texts.append(self.tr("yearly_trend.runs", runs=Markup("; ").join(items)))
        counts = self._counts()
        for r in runs:
            if len(r) < 2:
                continue
            first, last = r.iloc[0], r.iloc[-1]
            c = change(float(first["value"]), float(last["value"]), self.unit_class)
            y0, y1 = int(first["year"]), int(last["year"])
            n0, n1 = counts.get(y0), counts.get(y1)
            ci = self.tr("yearly_trend.ci")
            shown0 = self._fmt(first["value"]) + (f" ({n0[0]}; {ci} {n0[1]})" if n0 else "")
            shown1 = self._fmt(last["value"]) + (f" ({n1[0]}; {ci} {n1[1]})" if n1 else "")
            texts.append(self.tr("yearly_trend.change", label=esc(self.label), first=shown0, first_year=y0,
                                 last=shown1, last_year=y1, delta=self._delta(c)))
            if len(r) > 2:
                lo, hi = r.loc[r["value"].idxmin()], r.loc[r["value"].idxmax()]
                texts.append(self.tr("yearly_trend.low_high", low_year=int(lo["year"]), low=self._fmt(lo["value"]),
                                     high_year=int(hi["year"]), high=self._fmt(hi["value"])))
            if self.unit_class == semantics.PERCENT_CLASS and not (n0 and n1):
                texts.append(self.tr("yearly_trend.no_counts_two_years" if len(r) == 2 else "yearly_trend.no_counts"))
            elif self.unit_class == semantics.PERCENT_CLASS and len(r) == 2:
                texts.append(self.tr("yearly_trend.two_years"))
        care = self._care()
        if care:
            texts.append(self.tr("yearly_trend.care", reasons=self.listing(care)))
        if self.series["definition_change"].any():
            texts.append(self.tr("yearly_trend.definition_changes"))
        return markdown(Markup(" ").join(texts))

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
