"""Synthetic but valid Finsam data at any size, for benchmarking the data layer.

    python bench/synth.py ROWS DATA_DIR SOURCES_DIR [--seed N]
    python bench/synth.py 0 DATA_DIR SOURCES_DIR --associations 75   # whole associations

Writes the five curated tables into DATA_DIR and one source text per (association, year) into
SOURCES_DIR, with ``sources.csv`` naming those texts. The data must pass every validator rule,
otherwise the benchmark would time the error-reporting paths instead of the normal ones:

* counts: women + men + unknown = all; new and exited participants within participants; exit
  reasons within exits; exit_work + exit_studies = exit_work_or_studies;
* percentages are the rounded quotient of the counts they are computed from (same gender);
* each fact key is stated once, except a restatement of the participant total with the *same*
  value and another quote (real reports repeat their headline figures, and it exercises the
  duplicate-fact path);
* each quote is one line of its source text and prints the value as a whole-number token.

Rows come in groups of one (association, year, intervention). Within a group they are ordered so
that any prefix is still valid (the "all" row of a count comes after women, men and unknown; the
rates after the counts), so the table can be cut at exactly ROWS rows.

Besides the ordinary rows, the data hold on purpose the cases a national site meets and its pages
must word rather than crash on (``EDGE_CASES``; every fifth association has one, decided by its
number, so the shape is the same at every size):

* ``missing_year``: the association has no report for one year between others (no rows, no text);
* ``women_no_exits`` / ``men_no_exits``: in one year the whole association's women (men) have
  participants but no exits, so their rates have no denominator and there is nothing to test;
* ``women_not_stated``: in one year the report gives exit figures for men and everyone but none
  for women (no counts, no rates).

The exit cases draw the same random numbers as an ordinary group and only change or drop values
after (a missing year draws none).

Source texts hold the quoted lines plus a heading and a sentence of prose per intervention:
far less prose than a real report (~280 bytes of text per observation), so provenance costs here
are a lower bound; bench/run.py reports the text volume beside the timings.
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import shutil
import random
import sys
from dataclasses import dataclass
from pathlib import Path

YEARS = tuple(range(2014, 2024))
INTERVENTIONS_PER_ASSOCIATION = 12
GENDER_WORDS = {"women": "kvinnor", "men": "män", "unknown": "kön ej angivet", "all": "totalt"}

# (metric, unit, label_sv, label_en): ids are the real ones so that the validator's rules about
# gender sums, exit reasons and rates apply to them
METRICS = [
    ("participants", "persons", "Deltagare", "Participants"),
    ("participants_new", "persons", "Nya deltagare", "New participants"),
    ("participants_exited", "persons", "Avslutade deltagare", "Exited participants"),
    ("exit_work", "persons", "Avslut till arbete", "Exits to work"),
    ("exit_studies", "persons", "Avslut till studier", "Exits to studies"),
    ("exit_work_or_studies", "persons", "Avslut till arbete eller studier", "Exits to work or studies"),
    ("exit_jobseeking", "persons", "Avslut till arbetssökande", "Exits to job seeking"),
    ("exit_other", "persons", "Avslut av annan orsak", "Exits for other reasons"),
    ("participants_share", "percent", "Andel av deltagarna", "Share of participants"),
    ("exit_work_or_studies_rate", "percent", "Andel till arbete eller studier", "Rate to work or studies"),
    ("exit_work_rate", "percent", "Andel till arbete", "Rate to work"),
    ("exit_studies_rate", "percent", "Andel till studier", "Rate to studies"),
    ("exit_jobseeking_rate", "percent", "Andel till arbetssökande", "Rate to job seeking"),
    ("exit_other_rate", "percent", "Andel av annan orsak", "Rate for other reasons"),
    ("cost", "sek", "Kostnad", "Cost"),
    ("budget", "sek", "Budget", "Budget"),
    ("revenue", "sek", "Intäkter", "Revenue"),
    ("revenue_members", "sek", "Medlemsavgifter", "Member contributions"),
    ("result", "sek", "Årets resultat", "Result"),
    ("equity", "sek", "Eget kapital", "Equity"),
]
LABEL = {m: sv for m, _, sv, _ in METRICS}
COUNTS = ("participants", "participants_new", "participants_exited", "exit_work", "exit_studies",
          "exit_work_or_studies", "exit_jobseeking", "exit_other")
RATES = {"exit_work_or_studies_rate": "exit_work_or_studies", "exit_work_rate": "exit_work",
         "exit_studies_rate": "exit_studies", "exit_jobseeking_rate": "exit_jobseeking",
         "exit_other_rate": "exit_other"}
MONEY_ALL = ("cost", "budget", "revenue", "revenue_members", "result", "equity")
EXITS = COUNTS[2:]  # participants_exited and the exit reasons
#: association number modulo 5 -> the edge case it carries (and in which year); 1 stays ordinary,
#: so synth-0001 is a typical association
EDGE_CASES = {3: ("missing_year", YEARS[3]), 4: ("women_no_exits", YEARS[-1]), 0: ("men_no_exits", YEARS[0]),
              2: ("women_not_stated", YEARS[5])}


def edge_case(association_number: int, year: int) -> str | None:
    """The edge case the association carries in that year (see the module's docstring), if any."""
    case = EDGE_CASES.get(association_number % 5)
    return case[0] if case and case[1] == year else None


@dataclass(frozen=True)
class Row:
    metric: str
    gender: str
    value: int
    unit: str
    quote: str


def _tkr(value: int) -> str:
    """Kronor printed as the reports do: thousands of kronor with space-separated groups."""
    return f"{value // 1000:,}".replace(",", " ") + " tkr"


def _group(rng: random.Random, year: int, intervention: str, case: str | None = None) -> list[Row]:
    """Every statement about one intervention (or the whole association) in one year; ``case``
    (an edge case of ``EDGE_CASES``, applied to the whole association's group only) changes it."""
    where = "hela förbundet" if intervention == "ALL" else intervention
    c: dict[str, dict[str, int]] = {m: {} for m in COUNTS}
    for g in ("women", "men", "unknown"):
        p = rng.randint(0, 3) if g == "unknown" else rng.randint(5, 250)
        exited = rng.randint(0, p)
        work = rng.randint(0, exited // 3)
        studies = rng.randint(0, (exited - work) // 4)
        jobseeking = rng.randint(0, (exited - work - studies) // 3)
        other = rng.randint(0, exited - work - studies - jobseeking)
        values = dict(participants=p, participants_new=rng.randint(0, p), participants_exited=exited,
                      exit_work=work, exit_studies=studies, exit_work_or_studies=work + studies,
                      exit_jobseeking=jobseeking, exit_other=other)
        for m, v in values.items():
            c[m][g] = v
    if intervention == "ALL" and case in ("women_no_exits", "men_no_exits"):
        for m in EXITS:
            c[m][case.split("_")[0]] = 0
    for m in COUNTS:
        c[m]["all"] = c[m]["women"] + c[m]["men"] + c[m]["unknown"]
    unstated = {"women"} if intervention == "ALL" and case == "women_not_stated" else set()

    rows: list[Row] = []
    for m in COUNTS:
        for g in ("women", "men", "unknown", "all"):  # "all" last: any prefix keeps the gender sum valid
            if g in unstated and m in EXITS:
                continue
            v = c[m][g]
            rows.append(Row(m, g, v, "persons", f"{LABEL[m]} {GENDER_WORDS[g]} {year} {where}: {v} personer"))
        if m == "participants":
            v = c[m]["all"]
            rows.append(Row(m, "all", v, "persons", f"Under {year} hade {where} sammanlagt {v} deltagare"))
    for rate, num in RATES.items():
        for g in ("women", "men", "all"):
            d = c["participants_exited"][g]
            if d and g not in unstated:
                v = round(100 * c[num][g] / d)
                rows.append(Row(rate, g, v, "percent", f"{LABEL[rate]} {GENDER_WORDS[g]} {year} {where}: {v} %"))
    for g in ("women", "men"):
        d = c["participants"]["all"]
        if d:
            v = round(100 * c["participants"][g] / d)
            rows.append(Row("participants_share", g, v, "percent",
                            f"{LABEL['participants_share']} {GENDER_WORDS[g]} {year} {where}: {v} %"))
    for m in (MONEY_ALL if intervention == "ALL" else ("cost",)):
        v = rng.randint(50, 20_000) * 1000 * (-1 if m == "result" and rng.random() < 0.3 else 1)
        rows.append(Row(m, "all", v, "sek", f"{LABEL[m]} {year} {where}: {_tkr(abs(v)) if v >= 0 else '-' + _tkr(-v)}"))
    return rows


def _write_csv(path: Path, header, rows) -> None:
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


def generate(n_rows: int | None, data_dir: Path, sources_dir: Path, seed: int = 1,
             associations: int | None = None) -> dict:
    """Write ``n_rows`` observations and everything they refer to; returns a summary of the shape.
    With ``associations`` (and ``n_rows`` None), write exactly that many whole associations instead."""
    if (n_rows is None) == (associations is None):
        raise ValueError("give either n_rows or associations")
    if n_rows is None:
        n_rows = 2**62  # the association count stops the loop
    n_associations = associations
    from finsam.core import paths
    from finsam.data.fields import TABLES  # headers come from the field dictionary, so they cannot drift

    data_dir, sources_dir = Path(data_dir), Path(sources_dir)
    data_dir.mkdir(parents=True, exist_ok=True)
    sources_dir.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    interventions = [f"Insats {k}" for k in range(1, INTERVENTIONS_PER_ASSOCIATION + 1)]
    associations, sources, text_bytes, written = [], [], 0, 0

    with open(data_dir / "observations.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(TABLES["observations"].fields)
        a = 0
        while written < n_rows and (n_associations is None or a < n_associations):
            a += 1
            assoc = f"synth-{a:04d}"
            associations.append(assoc)
            for year in YEARS:
                if written >= n_rows:
                    break
                case = edge_case(a, year)
                if case == "missing_year":
                    continue
                sid = f"{assoc}-{year}"
                lines = [f"Årsredovisning {year} – Samordningsförbundet Syntet {a}", ""]
                for intervention in ("ALL", *interventions):
                    if written >= n_rows:
                        break
                    name = "Förbundet som helhet" if intervention == "ALL" else intervention
                    lines += [name, f"{name} arbetade under {year} med samordnad rehabilitering för "
                                    "personer som behöver stöd från flera myndigheter."]
                    for r in _group(rng, year, intervention, case)[: n_rows - written]:
                        w.writerow((sid, assoc, year, year, intervention, r.metric, r.gender, r.value, r.unit,
                                    r.quote, "", "", ""))
                        lines.append(r.quote)
                        written += 1
                    lines.append("")
                text = "\n".join(lines) + "\n"
                (sources_dir / f"{sid}.txt").write_text(text, encoding="utf-8")
                text_bytes += len(text.encode("utf-8"))
                sources.append((sid, assoc, year, f"Årsredovisning {year} – Samordningsförbundet Syntet {a}",
                                f"{sid}.txt", "clean", hashlib.sha256(text.encode("utf-8")).hexdigest(),
                                "synthetic text written by bench/synth.py"))

    _write_csv(data_dir / "associations.csv", TABLES["associations"].fields,
               [(x, f"Samordningsförbundet Syntet {i}", "Kommun A;Kommun B", "Syntetiska län", "", "", "")
                for i, x in enumerate(associations, 1)])
    _write_csv(data_dir / "sources.csv", TABLES["sources"].fields, sources)
    # the vocabulary and the metrics' meaning are the real ones: synthetic rows use the same metrics
    for name in ("vocabulary", "metrics"):
        shutil.copy(paths.PROJECT_ROOT / "data" / TABLES[name].filename, data_dir / TABLES[name].filename)
    _write_csv(data_dir / "interventions.csv", TABLES["interventions"].fields,
               [(x, i, "", "individual", "", "", "", "people needing support from several agencies", "", "", "")
                for x in associations for i in interventions])
    _write_csv(data_dir / "categories.csv", TABLES["categories"].fields, [])
    return dict(rows=written, associations=len(associations), sources=len(sources),
                interventions=len(associations) * len(interventions),
                observations_mb=(data_dir / "observations.csv").stat().st_size / 2**20,
                text_mb=text_bytes / 2**20)


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("rows", type=int, help="observations to write (0: whole associations, see --associations)")
    p.add_argument("--associations", type=int, help="write exactly this many whole associations (with rows 0)")
    p.add_argument("data_dir", type=Path)
    p.add_argument("sources_dir", type=Path)
    p.add_argument("--seed", type=int, default=1)
    a = p.parse_args(argv)
    if (a.rows == 0) == (a.associations is None):
        p.error("give ROWS > 0, or ROWS 0 with --associations N")
    info = generate(a.rows or None, a.data_dir, a.sources_dir, a.seed, associations=a.associations)
    print(", ".join(f"{k}={v:.1f}" if isinstance(v, float) else f"{k}={v}" for k, v in info.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
