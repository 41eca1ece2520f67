"""The gender_outcomes page in words: how many women and men took part and ended in one
association and year, where they went, the outcome rates with their intervals and the gender gap,
for the population :mod:`finsam.stats.scope` decides (the same on every page)."""
from __future__ import annotations

import functools

import numpy as np
import pandas as pd

from finsam.data import semantics
from finsam.data.conflicts import resolve
from finsam.data.fields import ALL
from finsam.data.frames import texts
from finsam.data.tables import Tables, select
from finsam.stats import findings
from finsam.stats.gaps import group_gaps
from finsam.stats.persons import conservative_interval, persons_base
from finsam.stats.wording import SMALL_N, noun
from finsam.views import fmt
from finsam.views.base import Markup, View, esc, fill, markdown
from finsam.stats import brief as kf
from finsam.views import brief
from finsam.views.registry import report_stem
from finsam.data.versions import unusable_in
from finsam.views.tables import (_cell, _finish, _genders, _values, conflict_list, contradiction_list, fact_table, gap_sentence, gap_table,
                                 rates_table, unusable_list)


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
        return Markup(", ").join(names)

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
        return markdown(Markup("").join(parts))

    def heading_values(self) -> dict:
        src = sorted(set(texts(self.obs["source_id"])))
        titles = self.t.sources.set_index(pd.Index(texts(self.t.sources["source_id"]))).loc[src, "title"]
        return dict(name=esc(self.association(self.a)), year=self.year, sources=Markup("; ").join(titles))

    def in_brief(self):
        """The page's answer first: the rate, the goal, women and men, what the counts count."""
        from finsam.stats.interventions import reference_rate
        ref = reference_rate(self.facts, list(dict.fromkeys([self.group, ALL])))
        k = kf.association_year(self.t, self.headline, ref, self.gaps())
        return brief.in_brief(self, brief.association_year(self, k, self.year))

    def method(self):
        return brief.method_marker(self)

    def participants(self) -> pd.DataFrame:
        return fact_table(self.facts[self.facts["intervention"] == ALL], self.t,
                          [semantics.PARTICIPANTS, semantics.PARTICIPANTS_NEW, semantics.EXITED, semantics.UNIQUE_INDIVIDUALS,
                           semantics.PERSONS_REACHED, semantics.PARTICIPANTS_SHARE], self.lang)

    def _unit_description(self, unit: str) -> str:
        """What a count in ``unit`` counts, as vocabulary.csv describes the unit in the page's language."""
        return esc(semantics.vocabulary_column(self.t.vocabulary, "unit", f"description_{self.lang}").get(unit, ""))

    def participants_text(self):
        f = self.facts[(self.facts["intervention"] == ALL) & (self.facts["metric"] == semantics.PARTICIPANTS)]
        v = {str(g): list(x["value"]) for g, x in f.groupby("gender", observed=True)}
        if not v.get(semantics.EVERYONE):
            return self.md("gender_outcomes.participants.none")
        unit = str(f["unit"].iloc[0])
        show = lambda x: self.value(x, unit)
        vals = lambda xs: _values(xs, show, self.lang)
        s = self.tr("gender_outcomes.participants.count", year=self.year, all=vals(v[semantics.EVERYONE]),
                    noun=noun(self.t, unit, self.lang))
        if v.get(semantics.WOMEN) and v.get(semantics.MEN):
            s += self.tr("gender_outcomes.participants.split", women=vals(v[semantics.WOMEN]), men=vals(v[semantics.MEN]))
            if v.get(semantics.NOT_STATED):
                s += self.tr("gender_outcomes.participants.unknown", unknown=vals(v[semantics.NOT_STATED]))
            s += ")"
        s += "."
        if unit != semantics.PERSONS:
            desc = self._unit_description(unit)
            if desc:
                # participations and cases are not people; registered participants are (only fewer)
                if not semantics.counts_people(self.t.vocabulary, unit):
                    s += self.tr("gender_outcomes.participants.not_people", noun=noun(self.t, unit, self.lang),
                                 description=desc)
                else:
                    s += " " + desc
        other = self.facts[(self.facts["intervention"] == ALL) & (self.facts["gender"] == semantics.EVERYONE)
                           & self.facts["metric"].isin([semantics.UNIQUE_INDIVIDUALS, semantics.PERSONS_REACHED])]
        for m, g in other.groupby("metric", observed=True, sort=False):
            s += self.tr("gender_outcomes.participants.also", values=vals(sorted(g["value"])),
                         metric=esc(self.metric(str(m)).lower()))
        if any(len(x) > 1 for x in v.values()):
            s += self.tr("gender_outcomes.participants.both")
        return markdown(s)

    def exits(self) -> pd.DataFrame:
        return fact_table(self.facts[self.facts["intervention"] == self.group], self.t, self.exit_metrics, self.lang)

    def persons_base(self):
        """What this group's base stands for where it counts participations or cases
        (:func:`finsam.stats.persons.persons_base`); None where it counts persons."""
        return persons_base(self.t, self.a, (self.year, self.year), self.headline.unit)

    def rates_table(self) -> pd.DataFrame:
        """The rates with their 95 % Wilson intervals; where the base counts participations and the
        report states the persons behind them, the fewest persons each n can be and the interval
        with n replaced by them, beside the interval (finsam.stats.persons)."""
        out = rates_table(self.rates, self.lang, self.t)
        base = self.persons_base()
        if out.empty or base is None or base.surplus is None or not self.rates["count"].notna().any():
            return out
        wider = [conservative_interval(k, n, base) if pd.notna(k) and pd.notna(n) else (np.nan, np.nan, None)
                 for k, n in zip(self.rates["count"], self.rates["exited"])]
        at = list(out.columns).index(self.tr("gender_outcomes.col.ci")) + 1
        out.insert(at, self.tr("gender_outcomes.col.ci_persons"),
                   [self.interval(100 * lo, 100 * hi) for lo, hi, _ in wider])
        out.insert(at, self.tr("gender_outcomes.col.persons_at_least"),
                   [self.int(m) if m is not None else fmt.MISSING for _, _, m in wider])
        return out

    def outcome_figure(self):
        from finsam.views.plotting import bar_by_gender
        r = self.rates.dropna(subset=["rate"])
        if r.empty:
            return None
        conflicted = r.duplicated(["gender", "outcome"], keep=False)
        r = r.assign(outcome=r["outcome"].astype(str), conflict=r["conflict"] | conflicted)
        r = r.drop_duplicates(["gender", "outcome"])
        genders = set(texts(r["gender"]))
        has_ci = r["ci_low"].notna().any()
        title = self.plain("gender_outcomes.fig.title_by_gender" if genders & set(semantics.COMPARED)
                        else "gender_outcomes.fig.title_everyone")
        title = self.plain("gender_outcomes.fig.title_year_ci" if has_ci else "gender_outcomes.fig.title_year_no_ci",
                        title=title, year=self.year)
        if not self.population.is_all:
            title += f"\n{self.population.group}"
        fig = bar_by_gender(r, "outcome", "rate", title, self.plain("gender_outcomes.fig.ylabel"),
                            xlabels={o.outcome: self.outcome(o.outcome) for o in semantics.outcomes(self.t.metrics)},
                            percent=True, lang=self.lang,
                            gender_labels={g: self.gender(g) for g in semantics.codes(self.t.vocabulary, "gender")})
        fig.axes[0].tick_params(axis="x", labelrotation=20)
        parts = []
        for o, g in r.groupby("outcome", sort=False):
            vals = ", ".join(f"{self.gender(x.gender).lower()} {self.pct(x.rate, 0)}"
                             + (f" ({self.interval(x.ci_low, x.ci_high, decimals=0)})" if pd.notna(x.ci_low) else "")
                             for x in g.itertuples())
            parts.append(f"{self.outcome(o)}: {vals}")
        alt = self.plain("gender_outcomes.fig.alt", title=title.splitlines()[0],
                      group=f" ({self.population.group})" if not self.population.is_all else "",
                      values="; ".join(parts))
        from finsam.views.figure_source import sourced
        cols = [self.plain("figure.col.gender"), self.plain("figure.col.outcome"), self.plain("figure.col.rate"),
                self.plain("figure.col.ci_low"), self.plain("figure.col.ci_high")]
        rows = [[self.gender(x.gender), self.outcome(x.outcome), self.num(x.rate, 1),
                 self.num(x.ci_low, 1) if pd.notna(x.ci_low) else "", self.num(x.ci_high, 1) if pd.notna(x.ci_high) else ""]
                for x in r.itertuples()]
        return sourced(self, _finish(fig, "outcomes", self.figures_dir, self.stem, alt), "outcomes",
                       self.association(self.a), [self.year], texts(self.obs["source_id"]), cols, rows)

    @functools.cached_property
    def _gaps(self) -> pd.DataFrame:
        return group_gaps(self.facts, self.t, self.exit_metrics)

    def gaps(self) -> pd.DataFrame:
        """Gender gap in the work-or-studies rate for ALL and each intervention with data
        (:func:`finsam.stats.gaps.group_gaps`, computed once from the year's resolved facts)."""
        return self._gaps

    def gap_table(self, full: bool = False):
        g = self.gaps()
        if g.empty:
            return g
        parts = []
        col = self.tr("gender_outcomes.col.intervention")
        for inter, x in g.groupby("intervention", sort=False):
            t = gap_table(x, self.lang)
            t.insert(0, col, self.tr("gender_outcomes.all_interventions") if inter == ALL else inter)
            parts.append(t)
        t = pd.concat(parts, ignore_index=True).set_index(col)
        return t if full else t.drop(columns=[self.tr(f"gender_outcomes.col.{c}") for c in self.GAP_DETAILS])

    #: the columns of the gap table a reader needs first; the others are in the method section
    GAP_DETAILS = ("detectable", "odds_ratio", "cohens_h", "test")

    def gap_method_table(self):
        """The gap table's technical columns (detectable difference, odds ratio, Cohen's h, the
        test), for the method section."""
        t = self.gap_table(full=True)
        if t.empty:
            return t
        return t[[self.tr(f"gender_outcomes.col.{c}") for c in self.GAP_DETAILS]]

    def gap_text(self):
        g = self.gaps()
        if g.empty:
            text = self.tr("gender_outcomes.gap.none", year=self.year)
            pp = findings.project_period_gender_outcomes(self.t, self.a, self.year)
            if len(pp):
                text += self.tr("gender_outcomes.gap.periods", periods=Markup("; ").join(
                    fill("{} {}–{}", r.intervention, r.period_start, r.period_end) for r in pp.itertuples()))
            return markdown(text)
        parts = [gap_sentence(x, self.tr("gender_outcomes.all_interventions_lower") if i == ALL else esc(i), self.lang)
                 for i, x in g.groupby("intervention", sort=False)]
        return markdown(Markup("\n\n").join(parts))

    def by_intervention(self) -> pd.DataFrame:
        f = self.facts[self.facts["intervention"] != ALL]
        rate = next(o.rate for o in semantics.outcomes(self.t.metrics) if o.outcome == semantics.SUM_OUTCOME)
        ws = semantics.outcome_metric(self.t.metrics, semantics.SUM_OUTCOME)
        metrics = [semantics.PARTICIPANTS, semantics.denominator(self.t.metrics), ws, rate]
        f = f[f["metric"].isin(metrics)]
        if f.empty:
            return pd.DataFrame()
        genders = _genders(self.t)
        # one row per intervention and gender, one column per figure: a table that fits a laptop
        # and reflows on a phone (a column per figure and gender did neither)
        rows = {}
        for (inter, metric, gender), g in f.groupby(["intervention", "metric", "gender"], observed=True, sort=True):
            rows.setdefault((str(inter), genders.index(str(gender))), {})[metrics.index(metric)] = \
                _cell(g, str(g["unit"].iloc[0]), self.lang, self.t)
        cols = sorted({c for r in rows.values() for c in r})
        keys = sorted(rows)
        index = pd.MultiIndex.from_tuples([(i, self.gender(genders[g])) for i, g in keys],
                                          names=[self.tr("gender_outcomes.col.intervention"),
                                                 self.tr("gender_outcomes.col.gender")])
        return pd.DataFrame([[rows[k].get(c, fmt.MISSING) for c in cols] for k in keys], index=index,
                            columns=[self.metric(metrics[c]) for c in cols])

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
            listing = Markup(", ").join(fill("{} (n = {})", self.gender(r.gender).lower(), self.int(r.exited))
                                for r in small_groups.itertuples())
            items.append(self.tr("gender_outcomes.caveat.small", small=SMALL_N, listing=listing))
        if self.headline.unit and not semantics.counts_people(self.t.vocabulary, self.headline.unit):
            text = self.tr("gender_outcomes.caveat.unit", noun=noun(self.t, self.headline.unit, self.lang))
            base = self.persons_base()
            if not self.rates["count"].notna().any():
                pass  # no interval on this page: nothing to widen
            elif base is not None and base.surplus is not None:
                text += self.tr("gender_outcomes.caveat.unit_persons", participations=self.int(base.participations),
                                noun=noun(self.t, self.headline.unit, self.lang),
                                persons=self.int(base.persons), surplus=self.int(base.surplus))
            else:
                text += self.tr("gender_outcomes.caveat.unit_no_persons")
            items.append(text)
        items.append(self.tr("gender_outcomes.caveat.totals"))
        for note in self.headline.mixed_timing:
            items.append(self.tr("common.mixed_timing", what=self.tr("gender_outcomes.mixed_timing_what", group=esc(
                self.group)), detail=fill(" ({})", note) if self.lang == "en" else ""))
        items += self._cautions()
        conflicts = conflict_list(self.facts, self.lang, self.t, self.obs)
        if conflicts:
            items.append(self.tr("gender_outcomes.caveat.conflicts") + "\n"
                         + Markup("\n").join(fill("    - {}", c) for c in conflicts))
        contradicted = contradiction_list(self, self.facts)
        if contradicted:
            items.append(self.tr("common.contradicted") + "\n"
                         + Markup("\n").join(fill("    - {}", c) for c in contradicted))
        unusable = unusable_list(unusable_in(self.facts, self.t.metrics, self.t.vocabulary), self.lang, self.t)
        if unusable:
            items.append(self.tr("common.unusable.intro") + Markup("\n")
                         + Markup("\n").join(fill("    - {}", c) for c in unusable))
        multi = select(self.t.observations, association=self.a)
        multi = multi[(multi["association_id"] == self.a) & (multi["period_start"] != multi["period_end"])
                      & (multi["period_end"] == self.year)]
        if len(multi):
            items.append(self.tr("gender_outcomes.caveat.multi_year", n=self.int(len(multi))))
        return markdown(Markup("\n").join(fill("- {}", i) for i in items))
