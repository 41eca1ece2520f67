"""Who the participants are, for one association and report year: the data behind
participant_profile.ipynb. The figures come from finsam.profile (plain functions returning
data); this module only formats them. Breakdowns cover the periods the report gives that end in
the report year (a year, or a project period such as 2020–2022)."""
from __future__ import annotations

import pandas as pd

from . import labels as L
from . import profile
from .data import Tables
from .report import esc, markdown
from .wording import SMALL_N


def _dimension_label(tables: Tables, dimension: str) -> str:
    return dimension.replace("_", " ")


def _period(a, b) -> str:
    return f"{a}" if a == b else f"{a}–{b}"


class ParticipantProfile:
    """Sections of the participant_profile notebook."""

    def __init__(self, tables: Tables, association: str, year: int, figures_dir=None, policy: str = "show", lang: str = "en"):
        self.t, self.a, self.year, self.policy = tables, association, year, policy
        b = profile.breakdowns(tables, association)
        self.available = b[b["period_end"] == year].reset_index(drop=True)

    def heading(self):
        name = L.association_name(self.t, self.a)
        return markdown(f"# {esc(name)}: who the participants are, {self.year}\n\n"
                        "The participants broken down by the groups the report names (municipality, referring "
                        "agency, age, education, time in public support, income source, birth region), for the "
                        "periods the report gives that end in " + f"{self.year}.")

    def breakdowns_table(self) -> pd.DataFrame:
        b = self.available
        if b.empty:
            return pd.DataFrame()
        return pd.DataFrame({
            "Breakdown": [_dimension_label(self.t, d) for d in b["dimension"]],
            "Intervention": [("All interventions" if i == "ALL" else i) for i in b["intervention"]],
            "Period": [_period(x, y) for x, y in zip(b["period_start"], b["period_end"])],
            "Figures": [", ".join(L.metric_label(self.t, m) for m in ms.split(", ")) for ms in b["metrics"]],
            "Categories": b["categories"].astype(int),
            "By gender": b["by_gender"].map({True: "yes", False: "no"}),
        }).set_index("Breakdown")

    def _groups(self):
        for r in self.available.itertuples():
            yield r.dimension, r.intervention, (int(r.period_start), int(r.period_end))

    def composition_table(self) -> pd.DataFrame:
        rows = []
        for dim, inter, period in self._groups():
            c = profile.composition(self.t, self.a, period, dim, inter, self.policy)
            for r in c.itertuples():
                rows.append({"Breakdown": _dimension_label(self.t, dim),
                             "Intervention": "All interventions" if inter == "ALL" else inter,
                             "Period": _period(*period), "Figure": L.metric_label(self.t, r.metric),
                             "Category": r.label_en, "Gender": L.gender_label(r.gender),
                             "Value": L.format_value(r.value, r.unit) + (" ⚠" if r.conflict else ""),
                             "Share of the stated total (derived)": "–" if pd.isna(r.share_of_total)
                             else f"{r.share_of_total:.1f} %"})
        return pd.DataFrame(rows).set_index(["Breakdown", "Intervention", "Period"]) if rows else pd.DataFrame()

    def _rates(self):
        for dim, inter, period in self._groups():
            r = profile.category_rates(self.t, self.a, period, dim, inter, self.policy)
            r = r[(r["outcome"].astype(str) == "work_or_studies")]
            if not r.empty:
                yield dim, inter, period, r

    def outcomes_table(self) -> pd.DataFrame:
        rows = []
        for dim, inter, period, r in self._rates():
            for x in r.itertuples():
                rows.append({"Breakdown": _dimension_label(self.t, dim),
                             "Intervention": "All interventions" if inter == "ALL" else inter,
                             "Period": _period(*period), "Category": x.label_en, "Gender": L.gender_label(x.gender),
                             "Exited (n)": "–" if pd.isna(x.exited) else f"{int(x.exited)}",
                             "To work or studies (k)": "–" if pd.isna(x.count) else f"{int(x.count)}",
                             "Rate": "–" if pd.isna(x.rate) else f"{x.rate:.1f} %",
                             "95 % CI": "–" if pd.isna(x.ci_low) else f"{x.ci_low:.1f}–{x.ci_high:.1f} %",
                             "Conflict": "⚠" if x.conflict else ""})
        return pd.DataFrame(rows).set_index(["Breakdown", "Intervention", "Period"]) if rows else pd.DataFrame()

    def outcomes_text(self):
        parts = []
        for dim, inter, period, r in self._rates():
            what = f"{_dimension_label(self.t, dim)}, {'all interventions' if inter == 'ALL' else esc(inter)}, " \
                   f"{_period(*period)}"
            d = profile.outcome_difference(r)
            if d["p_value"] != d["p_value"]:  # NaN: no test possible
                parts.append(f"For {what}: {esc(d['verdict'])}.")
                continue
            small = [f"{c} (n = {n})" for c, n in zip(d["categories"], d["exited"]) if n < SMALL_N]
            parts.append(f"For {what}, whether the share leaving for work or studies differs between the categories "
                         f"({d['test']}, p = {d['p_value']:.3f}): {esc(d['verdict'])}."
                         + ("" if d["significant"] else " This is not evidence that the categories have the same "
                            "rate: the groups may be too small to show a difference.")
                         + (f" Small groups: {', '.join(small)}." if small else ""))
        if not parts:
            return markdown("The report gives no exit outcomes by category for these periods, so no rates per "
                            "category can be shown.")
        return markdown("\n\n".join(parts))

    def caveats(self):
        return markdown("\n".join(f"- {x}" for x in [
            "Categories are as the report names them. Shares of a stated total are derived here (count ÷ the "
            "report's total for everyone) and are empty where the report states no total or contradicts it.",
            "Some reports count only participants whose background is recorded, so shares of a category need not "
            "add up to 100 %; a breakdown the report gives only in part is marked so in the data.",
            "Rates are percentages of a category's exited participants, with 95 % Wilson intervals where the "
            "report gives the counts.",
            "Tables the reports print in a form whose columns cannot be read with certainty are left out; "
            "data/README.md lists them with their lines.",
        ]))
