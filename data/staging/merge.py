"""Merge staging parts into data/interventions.csv and data/observations.csv."""
import csv, sys
from pathlib import Path
here = Path(__file__).parent
order = ["husam-2012", "uppsala-lan-2014", "bhs-2018", "ostra-sodertorn-2022"]
def rows(p):
    with open(p, encoding="utf-8", newline="") as f:
        r = csv.DictReader(f); return r.fieldnames, list(r)
obs, ints = [], []
for sid in order:
    fo, o = rows(here / sid / "observations.csv"); fi, i = rows(here / sid / "interventions.csv")
    obs += o; ints += i
for name, fields, data in (("observations", fo, obs), ("interventions", fi, ints)):
    with open(here.parent / f"{name}.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=fields, lineterminator="\n"); w.writeheader(); w.writerows(data)
print(len(obs), "observations,", len(ints), "interventions")
