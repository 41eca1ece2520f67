#!/usr/bin/env python3
"""Quick checker for a staging part: python3 check_part.py <source_id>"""
import csv, re, sys
from pathlib import Path
sid = sys.argv[1]
base = Path(__file__).parent / sid
text = Path(f"/work/shared/sources/{sid}.txt").read_text(encoding="utf-8")
lines = text.splitlines()
OBS = "source_id,association_id,period_start,period_end,intervention,metric,gender,value,unit,quote,note".split(",")
INT = "association_id,intervention,aliases,kind,target_group,first_year,last_year,note".split(",")
METRICS = {"participants":"persons","participants_new":"persons","participants_exited":"persons","unique_individuals":"persons",
 "exit_work":"persons","exit_studies":"persons","exit_work_or_studies":"persons","exit_jobseeking":"persons","exit_other":"persons",
 "participants_share":"percent","exit_work_or_studies_rate":"percent","exit_work_rate":"percent","exit_studies_rate":"percent",
 "exit_jobseeking_rate":"percent","exit_other_rate":"percent","participants_goal":"persons","exit_work_or_studies_rate_goal":"percent",
 "cost":"sek","budget":"sek","revenue":"sek","result":"sek","equity":"sek",
 "exit_employment_service":"persons","exit_other_intervention":"persons","exit_continued_rehab":"persons","exit_illness":"persons",
 "exit_employment_service_rate":"percent","exit_other_intervention_rate":"percent","exit_continued_rehab_rate":"percent","exit_illness_rate":"percent",
 "participants_new_goal":"persons","participants_exited_goal":"persons","exit_work_rate_goal":"percent",
 "revenue_members":"sek","revenue_grants":"sek","revenue_budget":"sek","result_budget":"sek",
 "followup_work_rate":"percent","followup_work_or_studies_rate":"percent"}
extra = {}
notes = base / "NOTES.md"
problems = []
def forms(v):
    out=set()
    for scale in (1,1000,1_000_000):
        x=abs(v)/scale
        for nd in (0,1,2):
            s=f"{x:.{nd}f}"
            if (nd==0 and abs(x-round(x))>1e-6) or (nd and abs(float(s)-x)>1e-9): continue
            out.add(re.sub(r"\D","",s))
            if nd: out.add(re.sub(r"\D","",s.rstrip("0").rstrip(".")))
    return {o for o in out if o}
with open(base/"interventions.csv", encoding="utf-8", newline="") as f:
    r = csv.DictReader(f); 
    if r.fieldnames != INT: problems.append(f"interventions.csv header {r.fieldnames}")
    ints = list(r)
names = {i["intervention"] for i in ints}
for n,i in enumerate(ints, 2):
    if i["kind"] not in ("individual","structural","administration"): problems.append(f"interventions.csv:{n}: kind {i['kind']}")
    for y in ("first_year","last_year"):
        if i[y] and not re.fullmatch(r"\d{4}", i[y]): problems.append(f"interventions.csv:{n}: {y} {i[y]}")
with open(base/"observations.csv", encoding="utf-8", newline="") as f:
    r = csv.DictReader(f)
    if r.fieldnames != OBS: problems.append(f"observations.csv header {r.fieldnames}")
    rows = list(r)
seen = {}
for n,o in enumerate(rows, 2):
    p = lambda m: problems.append(f"observations.csv:{n}: {m}")
    if None in o or any(v is None for v in o.values()): p("wrong number of fields"); continue
    if o["source_id"] != sid: p("source_id")
    if o["association_id"] not in ("husam","uppsala-lan","bhs","ostra-sodertorn"): p("association_id")
    try:
        a,b = int(o["period_start"]), int(o["period_end"])
        if not (1990<=a<=b<=2030): p("period")
    except ValueError: p("period not int")
    if o["intervention"] != "ALL" and o["intervention"] not in names: p(f"intervention {o['intervention']!r} not in interventions.csv")
    if o["metric"] not in METRICS: p(f"metric {o['metric']!r} not in list (ok only if proposed in NOTES.md)")
    elif METRICS[o["metric"]] != o["unit"]: p(f"unit {o['unit']} != {METRICS[o['metric']]}")
    if o["gender"] not in ("all","women","men","unknown"): p("gender")
    try: v = float(o["value"])
    except ValueError: p(f"value {o['value']!r}"); continue
    if o["unit"]=="persons" and (v<0 or v!=int(v) or "." in o["value"]): p("count must be non-negative integer without decimals")
    if o["unit"]=="percent" and not (0<=v<=100): p("percent out of range")
    q = o["quote"]
    if not q or "\n" in q or not any(q in l for l in lines): p(f"quote not verbatim on one line: {q[:60]!r}")
    elif not any(fm in re.sub(r"\D","",q) for fm in forms(v)): p(f"value {v} not in quote")
    key = (o["association_id"],o["period_start"],o["period_end"],o["intervention"],o["metric"],o["gender"])
    if key in seen and seen[key][0] != v and not (o["note"].startswith(("conflict:","rounding:")) or seen[key][1].startswith(("conflict:","rounding:"))):
        p(f"same fact as line {seen[key][2]} with a different value and no 'conflict:' note")
    seen.setdefault(key,(v,o["note"],n))
print(f"{len(rows)} rows, {len(ints)} interventions, {len(problems)} problems")
print("\n".join(problems[:200]))
