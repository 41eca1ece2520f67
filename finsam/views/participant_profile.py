"""Who the participants are, for one association and report year: the data behind
participant_profile.ipynb. The figures come from finsam.stats.profile (plain functions returning
data); this module only formats them. Breakdowns cover the periods the report gives that end in
the report year (a year, or a project period such as 2020–2022)."""
from __future__ import annotations

import pandas as pd

from finsam.stats import profile
from finsam.data import semantics
from finsam.data.tables import Tables
from finsam.views.base import Markup, View, esc, fill, markdown
from finsam.views.tables import test_name
from finsam.stats import brief as kf
from finsam.views import brief
from finsam.stats.wording import SMALL_N


def _period(a, b) -> str:
    return f"{a}" if a == b else f"{a}–{b}"


class ParticipantProfile(View):
    """Sections of the participant_profile notebook, in one language."""

    notebook = "participant_profile"

    def __init__(self, tables: Tables, association: str, year: int, figures_dir=None, policy: str = "show",
                 lang: str = "en"):
        super().__init__(tables, lang)
        self.a, self.year, self.policy = association, year, policy
        self._rates_cache = None
        b = profile.breakdowns(tables, association)
        self.available = b[b["period_end"] == year].reset_index(drop=True)

    # ------------------------------------------------------------------ words from the data
    def dimension(self, dimension: str) -> str:
        """The dimension's label in the page's language (vocabulary.csv, vocabulary 'dimension')."""
        return self.code("dimension", dimension)

    def _intervention(self, intervention: str) -> str:
        return self.tr("participant_profile.all_interventions") if intervention == "ALL" else intervention

    def _category(self, r) -> str:
        return str(r.label_sv if self.lang == "sv" else r.label_en)

    def heading_values(self) -> dict:
        v = self.t.vocabulary
        dims = [str(c) for c in v.loc[v["vocabulary"].astype(str) == "dimension", "code"]]
        return dict(name=esc(self.association(self.a)), year=self.year,
                    dimensions=", ".join(self.dimension(d).lower() for d in dims))

    def in_brief(self):
        """The page's answer first: the year's rate as the other pages of the year give it, and
        what the report breaks the participants down by."""
        from finsam.data.conflicts import resolve
        from finsam.data.fields import ALL
        from finsam.data.tables import select
        from finsam.stats.findings import headline
        from finsam.stats.interventions import reference_rate
        facts = resolve(select(self.t.observations, association=self.a, period=self.year), self.policy)
        h = headline(self.t, self.a, self.year, self.policy, facts=facts)
        k = kf.association_year(self.t, h, reference_rate(facts, list(dict.fromkeys([h.population.group, ALL]))))
        s = brief.association_year(self, k, self.year, gap=False)
        dims = list(dict.fromkeys(self.dimension(d).lower() for d in self.available["dimension"]))
        s.append(self.tr("brief.profile", dimensions=self.listing(dims)) if dims
                 else self.tr("brief.profile.none", year=self.year))
        return brief.in_brief(self, s)

    def method(self):
        return brief.method_marker(self)

    def breakdowns_table(self) -> pd.DataFrame:
        b = self.available
        if b.empty:
            return pd.DataFrame()
        yes, no = self.tr("participant_profile.yes"), self.tr("participant_profile.no")
        return self.frame({
            "participant_profile.col.breakdown": [self.dimension(d) for d in b["dimension"]],
            "participant_profile.col.intervention": [self._intervention(i) for i in b["intervention"]],
            "participant_profile.col.period": [_period(x, y) for x, y in zip(b["period_start"], b["period_end"])],
            "participant_profile.col.figures": [", ".join(self.metric(m) for m in ms.split(", "))
                                                for ms in b["metrics"]],
            "participant_profile.col.categories": [self.int(x) for x in b["categories"]],
            "participant_profile.col.by_gender": [yes if x else no for x in b["by_gender"]],
        }, index="participant_profile.col.breakdown")

    def _groups(self):
        for r in self.available.itertuples():
            yield r.dimension, r.intervention, (int(r.period_start), int(r.period_end))

    _INDEX = ["participant_profile.col.breakdown", "participant_profile.col.intervention",
              "participant_profile.col.period"]

    def _table(self, rows: list[dict]) -> pd.DataFrame:
        if not rows:
            return pd.DataFrame()
        return self.frame({k: [r[k] for r in rows] for k in rows[0]}, index=self._INDEX)

    def composition_table(self) -> pd.DataFrame:
        rows = []
        for dim, inter, period in self._groups():
            c = profile.composition(self.t, self.a, period, dim, inter, self.policy)
            for r in c.itertuples():
                rows.append({"participant_profile.col.breakdown": self.dimension(dim),
                             "participant_profile.col.intervention": self._intervention(inter),
                             "participant_profile.col.period": _period(*period),
                             "participant_profile.col.figure": self.metric(r.metric),
                             "participant_profile.col.category": self._category(r),
                             "participant_profile.col.gender": self.gender(r.gender),
                             "participant_profile.col.value": self.value(r.value, r.unit) + (" ⚠" if r.conflict else ""),
                             "participant_profile.col.share_of_total": (
                                 self.tr("common.k_of_n", k=self.pct(r.share_of_total), n=self.int(r.total))
                                 if r.share_of_total == r.share_of_total else self.pct(r.share_of_total))})
        return self._table(rows)

    def _rates(self) -> list[tuple]:
        """(dimension, intervention, period, rates to work or studies) per group with such rates;
        computed once per view (three sections show them)."""
        if self._rates_cache is None:
            out = []
            for dim, inter, period in self._groups():
                r = profile.category_rates(self.t, self.a, period, dim, inter, self.policy)
                r = r[(r["outcome"].astype(str) == semantics.SUM_OUTCOME)]
                if not r.empty:
                    out.append((dim, inter, period, r))
            self._rates_cache = out
        return self._rates_cache

    def outcomes_table(self) -> pd.DataFrame:
        rows = []
        for dim, inter, period, r in self._rates():
            for x in r.itertuples():
                rows.append({"participant_profile.col.breakdown": self.dimension(dim),
                             "participant_profile.col.intervention": self._intervention(inter),
                             "participant_profile.col.period": _period(*period),
                             "participant_profile.col.category": self._category(x),
                             "participant_profile.col.gender": self.gender(x.gender),
                             "participant_profile.col.exited": self.int(x.exited),
                             "participant_profile.col.work_or_studies": self.int(x.count),
                             "participant_profile.col.rate": self.pct(x.rate),
                             "participant_profile.col.ci": self.interval(x.ci_low, x.ci_high),
                             "participant_profile.col.conflict": "⚠" if x.conflict else ""})
        return self._table(rows)

    def outcomes_text(self):
        parts = []
        for dim, inter, period, r in self._rates():
            what = Markup(", ").join([self.dimension(dim).lower(),
                              esc(self._intervention(inter).lower() if inter == "ALL" else inter), _period(*period)])
            labels = {str(x.category): self._category(x) for x in r.itertuples()}
            d = profile.outcome_difference(r)
            if d["verdict"] == "untestable":
                parts.append(self.tr("participant_profile.untestable", what=what))
                continue
            if d["verdict"] == "same_outcome":
                parts.append(self.tr("participant_profile.same_outcome", what=what))
                continue
            test = test_name(d["test"], self.lang, d["draws"], d["min_expected"])
            level = self.pct(100 * d["level"], 0)
            s = self.tr("participant_profile.tested", what=what, test=test, p=self.p(d["p_value"]))
            if d["verdict"] == "evidence":
                (hi, hi_rate), (lo, lo_rate) = d["highest"], d["lowest"]
                s += self.tr("participant_profile.evidence", level=level, highest=esc(labels.get(hi, hi)),
                             highest_rate=self.pct(hi_rate, 0), lowest=esc(labels.get(lo, lo)),
                             lowest_rate=self.pct(lo_rate, 0))
            else:
                s += self.tr("participant_profile.no_evidence", level=level)
            small = [fill("{} (n = {})", labels.get(c, c), self.int(n))
                     for c, n in zip(d["categories"], d["exited"]) if n < SMALL_N]
            if small:
                s += self.tr("participant_profile.small_groups", small=self.int(SMALL_N), groups=Markup(", ").join(small))
            parts.append(s)
        if not parts:
            return self.md("participant_profile.no_outcomes")
        return markdown(Markup("\n\n").join(parts))

    def caveats(self):
        return self.md("participant_profile.caveats")
