#!/usr/bin/env python3
"""Build observations.csv / interventions.csv for husam-2012.

Quotes are sliced from the source line (by line number and start/end anchors),
never retyped: q() asserts the anchors exist on that exact line.
"""
import csv
from pathlib import Path

SID = "husam-2012"
AID = "husam"
SRC = Path(f"/work/shared/sources/{SID}.txt")
OUT = Path(__file__).parent
L = SRC.read_text(encoding="utf-8").splitlines()

UNIT = {"participants": "persons", "participants_new": "persons", "participants_exited": "persons",
        "unique_individuals": "persons", "exit_work": "persons", "exit_studies": "persons",
        "exit_work_or_studies": "persons", "exit_jobseeking": "persons", "exit_other": "persons",
        "participants_share": "percent", "exit_work_or_studies_rate": "percent", "exit_work_rate": "percent",
        "exit_studies_rate": "percent", "exit_jobseeking_rate": "percent", "exit_other_rate": "percent",
        "participants_goal": "persons", "exit_work_or_studies_rate_goal": "percent",
        "cost": "sek", "budget": "sek", "revenue": "sek", "result": "sek", "equity": "sek",
        # AMENDMENT 1 metrics
        "participants_new_goal": "persons", "participants_exited_goal": "persons",
        "exit_continued_rehab": "persons", "followup_work_or_studies_rate": "percent", "revenue_members": "sek",
        # proposed metrics (see NOTES.md)
        "participants_individual_support": "persons", "participants_exited_individual_support": "persons"}


def q(ln, start, end=None):
    """Slice line ln (1-based): from anchor `start` to the end of anchor `end`; end=None -> the anchor itself; end="$" -> to end of line."""
    line = L[ln - 1]
    i = line.index(start)
    if end is None:  # the anchor itself is the quote
        j = i + len(start)
    elif end == "$":  # to end of line (table rows)
        j = len(line)
    else:
        j = line.index(end, i) + len(end)
    return line[i:j]


rows = []
proposed = []  # rows with proposed metrics: listed in NOTES.md, not in observations.csv (checker accepts only the closed list)
PROPOSED = {"participants_individual_support", "participants_exited_individual_support"}


def add(ps, pe, interv, metric, gender, value, ln, start, end=None, note=""):
    quote = q(ln, start, end)
    # AMENDMENT 1: goals on NEW participants (inflow) get their own metric
    if metric == "participants_goal" and "(inflow)" in note:
        metric = "participants_new_goal"
    note = note.replace("proposed metric; ", "").replace("; proposed metric", "").replace("proposed metric", "").strip()
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    (proposed if metric in PROPOSED else rows).append(dict(source_id=SID, association_id=AID, period_start=ps, period_end=pe,
                     intervention=interv, metric=metric, gender=gender, value=value,
                     unit=UNIT[metric], quote=quote, note=note, _line=ln))


Y = 2012
P = 2011
R = "rounding: "  # AMENDMENT 1: prefix for text figures that round a more precise table figure

# ---------------------------------------------------------------- association-wide (ALL)
add(Y, Y, "ALL", "participants", "all", 836, 28, "Totalt har Samordningsförbundet haft 836", "under året",
    note="participants/cases (deltagare/ärenden) in ten interventions")
add(Y, Y, "ALL", "participants_individual_support", "all", 443, 28, "Av dessa har minst 443", "rehabiliteringsinsats",
    note="at least (minst); subset of the 836 who got individual support/rehabilitation (proposed metric)")
add(Y, Y, "Arena för ökad samverkan", "participants", "all", 500, 31, "Totalt har 500 anställda", "samverkansdagar",
    note="staff of the partner agencies (not clients) at four joint competence days with Samordningsförbundet Botkyrka")
add(Y, Y, "ALL", "cost", "all", 10_700_000, 32, "Kostnaderna för verksamhet under året har uppgått till 10,7 mkr",
    note=R + "text 10,7 mkr vs income statement Verksamhetens nettokostnader 10 673,8 tkr (line 1040)")
add(Y, Y, "ALL", "revenue", "all", 8_600_000, 32, "Intäkterna uppgick till 8,6 mkr")
add(Y, Y, "ALL", "result", "all", -2_000_000, 32, "Det ekonomiska resultatet blev ett underskott på 2,0 mkr",
    note=R + "deficit (underskott) 2,0 mkr vs income statement Periodens resultat -1 992,8 tkr (line 1045)")
add(Y, Y, "ALL", "participants_goal", "all", 750, 85, "Minst 750 individer tar del av någon av samordningsförbundets insatser",
    note="association-wide goal in verksamhetsplan 2012 (at least)")
add(Y, Y, "ALL", "exit_work_or_studies_rate_goal", "all", 30, 86, "30 % av deltagarna som genomgått", "egenfinansierad utbildning",
    note="goal: share of participants in work-oriented rehabilitation going to paid work or self-financed education")
add(Y, Y, "ALL", "revenue_members", "all", 8_600_000, 119, "Samordningsförbundet tilldelades för 2012 8,6 mkr från ägarna",
    note="member contributions (total)")
add(P, P, "ALL", "equity", "all", 6_600_000, 119, "Utöver detta hade samordningsförbundet ett överskott från 2011 års verksamhet motsvarande 6,6 mkr",
    note=R + "accumulated surplus carried over from 2011 (= equity at end of 2011) 6,6 mkr vs balance sheet S:a Eget kapital 2011-12-31 6 654,4 tkr (line 1061)")
add(Y, Y, "Arena för ökad samverkan", "participants", "all", 500, 135, "Sammanlagt deltog cirka 500 anställda",
    note="approximate (cirka); staff of the partner agencies at four joint competence events")
add(Y, Y, "ALL", "participants", "all", 836, 242, "Totalt har samordnade rehabiliteringsinsatser nått 836 medborgare", "en insats")
add(Y, Y, "ALL", "participants_individual_support", "all", 443, 242, "Av dessa har minst 443", "rehabiliteringsinsats",
    note="at least (minst); proposed metric")
add(Y, Y, "ALL", "participants_exited", "all", 705, 242, "Avslutade ärenden uppgick till 705", "avslutades 312",
    note="all ended cases incl. Kugghjulen and Kartläggningsteamet")
add(Y, Y, "ALL", "participants_exited_individual_support", "all", 312, 242, "Avslutade ärenden uppgick till 705", "avslutades 312",
    note="ended among those who got individual support (proposed metric)")
add(Y, Y, "ALL", "participants_goal", "all", 750, 242, "Mål är att minst 750 personer deltar i någon insats mätt per helår")
add(Y, Y, "ALL", "exit_work_or_studies_rate", "all", 39, 243, "39 % av deltagarna har efter att ha deltagit i insats", "(102 av 261)",
    note="102 of 261 exited from work-oriented interventions; footnote 2 excludes Kugghjulen, Kartläggningsteamet, Hälsosam, Tillbaka till framtiden")
add(Y, Y, "ALL", "exit_work_or_studies", "all", 102, 243, "39 % av deltagarna har efter att ha deltagit i insats", "(102 av 261)",
    note="of 261 exited from work-oriented interventions (footnote 2 exclusions)")
add(Y, Y, "ALL", "exit_work_or_studies_rate_goal", "all", 30, 243, "Målet var att 30 % i högre grad arbetar eller studera med egenfinansiering.")
add(Y, Y, "ALL", "participants_exited_individual_support", "all", 312, 256, "Svarsfrekvensen på deltagarenkäten är 122 av 312 avslutade deltagare från samtliga insatser",
    note="proposed metric; same 312 as line 242 (exited among individual-support participants)")
add(Y, Y, "ALL", "participants_goal", "all", 750, 292, "Minst 750 deltar i insatser", note="goal summary table")
add(Y, Y, "ALL", "participants", "all", 836, 292, "Totalt 836 personer har tagit del av någon insats.", note="goal summary table")
add(Y, Y, "ALL", "exit_work_or_studies_rate_goal", "all", 30, 293, "30 % av deltagare till arbete/studier.", note="goal summary table")
add(Y, Y, "ALL", "exit_work_or_studies_rate", "all", 39, 293, "39 % av deltagarna till arbete/studier.", note="goal summary table")

# ---------------------------------------------------------------- Kugghjulen
add(Y, Y, "Kugghjulen", "participants_goal", "all", 600, 316, "600 ärenden tas upp i Kugghjulen", note="goal 2012 (cases)")
UNITS = [("Flemingsberg", 80, 38), ("Huddinge", 80, 58), ("Segeltorp", 50, 6), ("Skogås", 50, 30),
         ("Stuvsta", 80, 74), ("Trångsund", 50, 66), ("Vårby", 80, 72)]
for base, tabnote in ((323, "Kugghjulen table 'Antal ärenden per vårdenhet'"),
                      (1155, "Bilaga 1 Kugghjulen table")):
    for k, (u, goal, res) in enumerate(UNITS, 1):
        ln = base + k
        assert L[ln - 1].startswith(u + "\t"), (ln, L[ln - 1])
        add(Y, Y, f"Kugghjul {u}", "participants_goal", "all", goal, ln, u, "$",
            note=f"{tabnote}: column 'Mål helår 2012' (cases)")
        add(Y, Y, f"Kugghjul {u}", "participants", "all", res, ln, u, "$",
            note=f"{tabnote}: column 'Resultat ur SUS' (cases)")
    ln = base + 8
    assert L[ln - 1].startswith("Psykiatrin\t")
    add(Y, Y, "Kugghjul Psykiatri", "participants_goal", "all", 100, ln, "Psykiatrin", "$",
        note=f"{tabnote}: row Psykiatrin, column 'Mål helår 2012' (cases)")
    add(Y, Y, "Kugghjul Psykiatri", "participants", "all", 32, ln, "Psykiatrin", "$",
        note=f"{tabnote}: row Psykiatrin, column 'Resultat ur SUS' (cases)")
    ln = base + 9
    assert "TOTALT" in L[ln - 1]
    add(Y, Y, "Kugghjulen", "participants_goal", "all", 600, ln, "<b>TOTALT</b>", "$",
        note=f"conflict: {tabnote}: TOTALT goal 600 but the unit goals in the same table sum to 570 (80+80+50+50+80+50+80+100)")
    add(Y, Y, "Kugghjulen", "participants", "all", 376, ln, "<b>TOTALT</b>", "$",
        note=f"{tabnote}: TOTALT, column 'Resultat ur SUS' (cases)")

add(Y, Y, "Kugghjul Processtöd", "budget", "all", 250_000, 356, "Budget Processtöd: 250 tkr")
add(Y, Y, "Kugghjul Processtöd", "cost", "all", 201_000, 356, "Budget Processtöd: 250 tkr, utfall 201 tkr",
    note=R + "text 201 tkr vs income statement Kugghjul Processtöd 201,7 tkr (line 1027)")
add(P, P, "Kugghjul Processtöd", "cost", "all", 218_000, 356, "(jmf 2011; 218 tkr)",
    note=R + "text 218 tkr vs income statement 2011 column 218,1 tkr (line 1027)")
add(Y, Y, "Kugghjul Vårdcentraler", "budget", "all", 350_000, 358, "Budget Vårdcentralerna: 350 tkr och Psykiatri: 170 tkr", note="first figure = Vårdcentralerna")
add(Y, Y, "Kugghjul Psykiatri", "budget", "all", 170_000, 358, "Budget Vårdcentralerna: 350 tkr och Psykiatri: 170 tkr", note="second figure = Psykiatri")
add(Y, Y, "Kugghjul Vårdcentraler", "cost", "all", 250_000, 358, "utfall 250 tkr respektive 75 tkr",
    note="first figure = Vårdcentralerna")
add(Y, Y, "Kugghjul Psykiatri", "cost", "all", 75_000, 358, "utfall 250 tkr respektive 75 tkr",
    note="second figure = Psykiatri")
add(P, P, "Kugghjul Vårdcentraler", "cost", "all", 198_000, 358, "(jmf 2011; 198 tkr och 170 tkr)",
    note="first figure = Vårdcentralerna 2011")
add(P, P, "Kugghjul Psykiatri", "cost", "all", 170_000, 358, "(jmf 2011; 198 tkr och 170 tkr)",
    note="second figure = Psykiatri 2011")

# ---------------------------------------------------------------- Husamrådet
H = "Husamrådet"
add(Y, Y, H, "exit_work_or_studies_rate_goal", "all", 25, 378, "25 % av deltagarna ska nå lönearbete eller egenfinansierade studier")
add(Y, Y, H, "participants_goal", "all", 90, 380, "Årligen ska 90 nya ärenden tas emot och 90 ärenden avslutas.",
    note="annual goal for new cases; goal stated as number of new participants/cases (inflow)")
add(Y, Y, H, "participants_exited_goal", "all", 90, 380, "Årligen ska 90 nya ärenden tas emot och 90 ärenden avslutas.",
    note="proposed metric; annual goal for ended cases")
add(Y, Y, H, "exit_work_or_studies_rate", "all", 13, 384, "13 % har kommit i arbete/studier (11 av 85 avslutade)")
add(Y, Y, H, "exit_work_or_studies", "all", 11, 384, "13 % har kommit i arbete/studier (11 av 85 avslutade)")
add(Y, Y, H, "participants_exited", "all", 85, 384, "13 % har kommit i arbete/studier (11 av 85 avslutade)")
add(Y, Y, H, "participants_new", "all", 10, 386, "Antal nya ärenden var 10 och avslutade 85.")
add(Y, Y, H, "participants_exited", "all", 85, 386, "Antal nya ärenden var 10 och avslutade 85.")
add(Y, Y, H, "participants", "all", 85, 386, "Totalt har projektet arbetat med 85 individer under våren.",
    note="project ended mid-2012")
add(Y, Y, H, "participants_share", "women", 67, 386, "67 % var kvinnor och 33 % var män.")
add(Y, Y, H, "participants_share", "men", 33, 386, "67 % var kvinnor och 33 % var män.")
add(2008, Y, H, "participants_new", "all", 224, 403, "Totalt sett har 224 deltagare startat och avslutats från projektet sedan 2008.",
    note="project-to-date 2008-2012: 224 started and ended")
add(2008, Y, H, "participants_exited", "all", 224, 403, "Totalt sett har 224 deltagare startat och avslutats från projektet sedan 2008.",
    note="project-to-date 2008-2012: 224 started and ended")
add(2008, Y, H, "exit_work_or_studies_rate", "all", 24, 403, "Av dessa har 24 % (53 personer) kommit i arbete/studier.",
    note="project-to-date 2008-2012")
add(2008, Y, H, "exit_work_or_studies", "all", 53, 403, "Av dessa har 24 % (53 personer) kommit i arbete/studier.",
    note="project-to-date 2008-2012")
add(Y, Y, H, "budget", "all", 560_000, 411, "Budget 560 tkr.")
add(Y, Y, H, "cost", "all", 392_000, 411, "Budget 560 tkr. Utfall 392 tkr")
add(P, P, H, "cost", "all", 946_000, 411, "Utfall 392 tkr (jmf 2011; 946 tkr)", note="2011 comparison figure")
add(Y, Y, H, "exit_work_or_studies_rate_goal", "all", 25, 1169, "25 % av deltagarna ska nå lönearbete/ studier", "med eller utan stöd",
    note="Bilaga 1 goal table")
add(Y, Y, H, "exit_work_or_studies_rate", "all", 13, 1169, "13 %, har nått arbete/studier, d.v.s. 11 av 85 som avslutades.", note="Bilaga 1")
add(Y, Y, H, "exit_work_or_studies", "all", 11, 1169, "13 %, har nått arbete/studier, d.v.s. 11 av 85 som avslutades.", note="Bilaga 1")
add(Y, Y, H, "participants_exited", "all", 85, 1169, "13 %, har nått arbete/studier, d.v.s. 11 av 85 som avslutades.", note="Bilaga 1")
add(Y, Y, H, "participants_goal", "all", 90, 1171, "Årligen ska 90 nya ärenden tas emot och 90 ärenden avslutas",
    note="Bilaga 1; goal stated as number of new participants/cases (inflow)")
add(Y, Y, H, "participants_exited_goal", "all", 90, 1171, "Årligen ska 90 nya ärenden tas emot och 90 ärenden avslutas",
    note="Bilaga 1; proposed metric")
add(Y, Y, H, "participants_new", "all", 10, 1171, "Husamrådets inflöde har varit 10 samt utflödet har varit 85.", note="Bilaga 1")
add(Y, Y, H, "participants_exited", "all", 85, 1171, "Husamrådets inflöde har varit 10 samt utflödet har varit 85.", note="Bilaga 1")

# ---------------------------------------------------------------- REKA
RK = "Remiss- och kartläggningsteam (REKA)"
add(Y, Y, RK, "participants_share", "women", 65, 427, "Ärenden som tagits upp har varit 65 % kvinnor och 35 % män.")
add(Y, Y, RK, "participants_share", "men", 35, 427, "Ärenden som tagits upp har varit 65 % kvinnor och 35 % män.")
add(Y, Y, RK, "participants", "all", 17, 452, "17 ärenden har tagits upp i insatsen.", note="cases")
add(Y, Y, RK, "budget", "all", 455_000, 464, "Budget 455 tkr.")
add(Y, Y, RK, "cost", "all", 229_000, 464, "Budget 455 tkr. Utfall 229 tkr.")
add(Y, Y, RK, "participants", "all", 17, 1176, "100 % av personerna som deltagit i insatsen har fått en handlingsplan", "(17 ärenden)",
    note="Bilaga 1; cases")

# ---------------------------------------------------------------- Samverkansteam Huddinge
S = "Samverkansteam Huddinge"
add(Y, Y, S, "exit_work_or_studies_rate_goal", "all", 25, 490, "25 % av personerna som deltagit i insatsen ska efter insatsen vara i arbete eller egenfinansierade studier")
add(Y, Y, S, "participants_goal", "all", 90, 491, "Minst 90 deltagare ska starta och 90 avslutas", "årligen.",
    note="annual goal, at least 90 start; goal stated as number of new participants/cases (inflow)")
add(Y, Y, S, "participants_exited_goal", "all", 90, 491, "Minst 90 deltagare ska starta och 90 avslutas", "årligen.",
    note="proposed metric; annual goal, 90 ended or referred on")
add(Y, Y, S, "exit_work_or_studies_rate", "all", 21, 499, "21 % som deltagit i insatsen har kommit i arbete/studier (5 av 24).")
add(Y, Y, S, "exit_work_or_studies", "all", 5, 499, "21 % som deltagit i insatsen har kommit i arbete/studier (5 av 24).")
add(Y, Y, S, "participants_exited", "all", 24, 499, "21 % som deltagit i insatsen har kommit i arbete/studier (5 av 24).")
add(Y, Y, S, "participants_new", "all", 48, 500, "Antal nya deltagare var 48 och avslutade deltagare var 24.")
add(Y, Y, S, "participants_exited", "all", 24, 500, "Antal nya deltagare var 48 och avslutade deltagare var 24.")
add(Y, Y, S, "participants_exited", "all", 24, 501, "92 % av avslutade deltagare hade en individuell handlingsplan (22 av 24).",
    note="exited as denominator of action-plan share")
add(Y, Y, S, "participants_share", "women", 66, 504, "Under 2012 var 66 % kvinnor och 33 % män.", note="shares sum to 99 % (rounding)")
add(Y, Y, S, "participants_share", "men", 33, 504, "Under 2012 var 66 % kvinnor och 33 % män.", note="shares sum to 99 % (rounding)")
add(Y, Y, S, "budget", "all", 1_870_000, 518, "Budget 1 870 tkr.")
add(Y, Y, S, "cost", "all", 1_009_000, 518, "Budget 1 870 tkr. Utfall 1 009 tkr.")
add(Y, Y, S, "exit_work_or_studies_rate_goal", "all", 25, 1184, "25 % av personerna som deltagit i insatsen ska efter insatsen vara i arbete eller egenfinansierade studier",
    note="Bilaga 1 goal table")
add(Y, Y, S, "exit_work_or_studies_rate", "all", 21, 1184, "21 % som deltagit i insatsen har kommit i arbete (5 av 24).",
    note="Bilaga 1; table says 'arbete' only, running text (line 499) says arbete/studier")
add(Y, Y, S, "exit_work_or_studies", "all", 5, 1184, "21 % som deltagit i insatsen har kommit i arbete (5 av 24).",
    note="Bilaga 1; table says 'arbete' only, running text (line 499) says arbete/studier")
add(Y, Y, S, "participants_exited", "all", 24, 1184, "21 % som deltagit i insatsen har kommit i arbete (5 av 24).", note="Bilaga 1")
add(Y, Y, S, "participants_exited", "all", 24, 1185, "92 % av avslutade deltagare hade en individuell handlingsplan (22 av 24).",
    note="Bilaga 1; exited as denominator of action-plan share")
add(Y, Y, S, "participants_goal", "all", 90, 1190, "Minst 90 deltagare ska starta och 90 avslutas", "årligen.",
    note="Bilaga 1; goal stated as number of new participants/cases (inflow)")
add(Y, Y, S, "participants_exited_goal", "all", 90, 1190, "Minst 90 deltagare ska starta och 90 avslutas", "årligen.",
    note="Bilaga 1; proposed metric")
add(Y, Y, S, "participants_new", "all", 48, 1190, "Antal nya deltagare var 48 och avslutade deltagare var 24.", note="Bilaga 1")
add(Y, Y, S, "participants_exited", "all", 24, 1190, "Antal nya deltagare var 48 och avslutade deltagare var 24.", note="Bilaga 1")

# ---------------------------------------------------------------- Hälsosam
HS = "Hälsosam"
add(Y, Y, HS, "participants_goal", "all", 50, 549, "Minst 50 deltagare per år.")
add(Y, Y, HS, "participants", "all", 41, 559, "Antal deltagare var 41", "under året.",
    note="32 in group and 9 with individual support")
add(Y, Y, HS, "participants_exited", "all", 41, 561, "Svarsfrekvensen i *deltagarenkäten* är 24 % (10 av 41 avslutade).")
add(Y, Y, HS, "budget", "all", 580_000, 575, "Budget 580 tkr.")
add(Y, Y, HS, "cost", "all", 665_000, 575, "Budget 580 tkr. Utfall 665 tkr")
add(P, P, HS, "cost", "all", 588_000, 575, "Utfall 665 tkr (jmf 2011; 588 tkr)", note="2011 comparison figure")
add(Y, Y, HS, "participants_goal", "all", 50, 1198, "Minst 50 deltagare under projektperioden",
    note="Bilaga 1 goal table; says 'under projektperioden' whereas running text (line 549) says per year")
add(Y, Y, HS, "participants", "all", 41, 1198, "Antal deltagare var 41 (32 i grupp och 9 individuellt) under året.", note="Bilaga 1")

# ---------------------------------------------------------------- Slussen
SL = "Slussen"
add(Y, Y, SL, "exit_work_or_studies_rate_goal", "all", 50, 601, "50 % av deltagarna ska efter projekttiden nå arbete/studier")
add(Y, Y, SL, "participants_goal", "all", 75, 604, "Årligen ska 75 nya ärenden tas emot och 75 ärenden avslutas.", note="goal stated as number of new participants/cases (inflow)")
add(Y, Y, SL, "participants_exited_goal", "all", 75, 604, "Årligen ska 75 nya ärenden tas emot och 75 ärenden avslutas.", note="proposed metric")
add(Y, Y, SL, "exit_work_or_studies_rate", "all", 72, 608, "72 % av deltagarna har avslutats till arbete/studier (66 av 92).")
add(Y, Y, SL, "exit_work_or_studies", "all", 66, 608, "72 % av deltagarna har avslutats till arbete/studier (66 av 92).")
add(Y, Y, SL, "participants_exited", "all", 92, 608, "72 % av deltagarna har avslutats till arbete/studier (66 av 92).")
add(Y, Y, SL, "participants_exited", "all", 92, 610, "70 % av avslutade deltagare hade en individuell handlingsplan (64 av 92).",
    note="exited as denominator of action-plan share")
add(Y, Y, SL, "participants_new", "all", 109, 612, "Antal nya ärenden var 109 och avslutade 92.")
add(Y, Y, SL, "participants_exited", "all", 92, 612, "Antal nya ärenden var 109 och avslutade 92.")
add(Y, Y, SL, "participants", "all", 168, 612, "Totala antalet deltagare under året har varit 168", "56 % män.")
add(Y, Y, SL, "participants_share", "women", 44, 612, "Totala antalet deltagare under året har varit 168", "56 % män.")
add(Y, Y, SL, "participants_share", "men", 56, 612, "Totala antalet deltagare under året har varit 168", "56 % män.")
add(Y, Y, SL, "participants_exited", "all", 92, 615, "Svarsfrekvensen i *deltagarenkäten* är 71 % (65 av 92 avslutade).")
add(Y, Y, SL, "budget", "all", 2_065_000, 636, "Budget 2 065 tkr.")
add(Y, Y, SL, "cost", "all", 2_109_000, 636, "Budget 2 065 tkr. Utfall 2 109 tkr",
    note=R + "text 2 109 tkr vs income statement Slussen 2 109,9 tkr (line 1032)")
add(P, P, SL, "cost", "all", 1_899_000, 636, "Utfall 2 109 tkr (jmf 2011; 1 899 tkr)",
    note=R + "text 1 899 tkr vs income statement 2011 column 1 899,5 tkr (line 1032)")
add(Y, Y, SL, "exit_work_or_studies_rate_goal", "all", 50, 1203, "50 % av deltagarna ska efter projekttiden nå arbete/studier",
    note="Bilaga 1 goal table")
SQ = ("72 % av deltagarna som avslutats har kommit i arbete (36)/studier (30) (66 av 92).")
add(Y, Y, SL, "exit_work_or_studies_rate", "all", 72, 1203, SQ, note="Bilaga 1")
add(Y, Y, SL, "exit_work", "all", 36, 1203, SQ, note="Bilaga 1")
add(Y, Y, SL, "exit_studies", "all", 30, 1203, SQ, note="Bilaga 1")
add(Y, Y, SL, "exit_work_or_studies", "all", 66, 1203, SQ, note="Bilaga 1")
add(Y, Y, SL, "participants_exited", "all", 92, 1203, SQ, note="Bilaga 1")
add(Y, Y, SL, "participants_exited", "all", 92, 1205, "70 % (64 av 92) av avslutade deltagare hade en individuell handlingsplan.",
    note="Bilaga 1; exited as denominator of action-plan share")
add(Y, Y, SL, "participants_goal", "all", 75, 1206, "Årligen ska 75 nya ärenden tas emot och 75 ärenden avslutas",
    note="Bilaga 1; goal stated as number of new participants/cases (inflow)")
add(Y, Y, SL, "participants_exited_goal", "all", 75, 1206, "Årligen ska 75 nya ärenden tas emot och 75 ärenden avslutas",
    note="Bilaga 1; proposed metric")
add(Y, Y, SL, "participants_new", "all", 109, 1206, "Slussens inflöde var 109 och utflödet var 92.", note="Bilaga 1")
add(Y, Y, SL, "participants_exited", "all", 92, 1206, "Slussens inflöde var 109 och utflödet var 92.", note="Bilaga 1")

# ---------------------------------------------------------------- Lyra
LY = "Lyra"
add(Y, Y, LY, "exit_work_or_studies_rate_goal", "all", 50, 665, "50 % av deltagarna ska nå lönearbete eller självfinansierade studier",
    note="expected case time max 24 months")
add(Y, Y, LY, "participants_goal", "all", 20, 666, "Årligen ska 20 nya ärenden tas emot och 20 ärenden avslutas.", note="goal stated as number of new participants/cases (inflow)")
add(Y, Y, LY, "participants_exited_goal", "all", 20, 666, "Årligen ska 20 nya ärenden tas emot och 20 ärenden avslutas.", note="proposed metric")
add(Y, Y, LY, "followup_work_or_studies_rate", "all", 41, 671, "41 % av deltagarna som följs upp ett år efter avslut har arbete/studier (7 av 17).",
    note="follow-up N=12 months after exit; denominator 17 followed-up participants, not the 20 exited in 2012")
add(Y, Y, LY, "exit_work_or_studies", "all", 7, 671, "41 % av deltagarna som följs upp ett år efter avslut har arbete/studier (7 av 17).",
    note="of 17 followed up 12 months after exit (no follow-up count metric; the report counts these 7 in the association total 102 of 261)")
add(Y, Y, LY, "participants_new", "all", 20, 673, "Antal nya ärenden var 20 och avslutade 20.")
add(Y, Y, LY, "participants_exited", "all", 20, 673, "Antal nya ärenden var 20 och avslutade 20.")
add(Y, Y, LY, "participants", "all", 31, 673, "Totala antalet deltagare under året har varit 31", "35 % var män.")
add(Y, Y, LY, "participants_share", "women", 65, 673, "Totala antalet deltagare under året har varit 31", "35 % var män.")
add(Y, Y, LY, "participants_share", "men", 35, 673, "Totala antalet deltagare under året har varit 31", "35 % var män.")
add(Y, Y, LY, "participants_exited", "all", 20, 676, "Svarsfrekvensen i *deltagarenkäten* är 80 % (16 av 20 avslutade).")
add(Y, Y, LY, "budget", "all", 935_000, 693, "Budget: 935 tkr.")
add(Y, Y, LY, "cost", "all", 1_770_000, 693, "Budget: 935 tkr. Utfall: 1 770 tkr",
    note=R + "text 1 770 tkr vs income statement Lyra 1 770,4 tkr (line 1031)")
add(P, P, LY, "cost", "all", 652_000, 693, "Utfall: 1 770 tkr (jmf 2011: 652 tkr)",
    note=R + "text 652 tkr vs income statement 2011 column 652,1 tkr (line 1031)")
add(Y, Y, LY, "participants_exited", "all", 20, 1211, "55 % av deltagarna som avslutats har fortsatt till", "(11 av 20)",
    note="Bilaga 1; 20 exited (11 went on to work training/practice/AF/FK/studies/Slussen)")
add(Y, Y, LY, "exit_work_or_studies_rate_goal", "all", 50, 1212, "50 % av deltagarna ska nå lönearbete eller självfinansierade studier",
    note="Bilaga 1 goal table")
add(Y, Y, LY, "followup_work_or_studies_rate", "all", 41, 1212, "41 % av deltagarna (7 av 17) är självförsörjande genom studier eller arbete.",
    note="Bilaga 1; follow-up N=12 months after exit ('Mätning sker 12 mån efter avslut'), denominator 17")
add(Y, Y, LY, "exit_work_or_studies", "all", 7, 1212, "41 % av deltagarna (7 av 17) är självförsörjande genom studier eller arbete.",
    note="Bilaga 1; of 17 followed up 12 months after exit (no follow-up count metric)")
add(Y, Y, LY, "participants_goal", "all", 20, 1213, "Årligen ska 20 nya ärenden tas emot och 20 ärenden avslutas.",
    note="Bilaga 1; goal stated as number of new participants/cases (inflow)")
add(Y, Y, LY, "participants_exited_goal", "all", 20, 1213, "Årligen ska 20 nya ärenden tas emot och 20 ärenden avslutas.",
    note="Bilaga 1; proposed metric")
add(Y, Y, LY, "participants_new", "all", 20, 1213, "Lyras inflöde var 20 och utflödet var 20.", note="Bilaga 1")
add(Y, Y, LY, "participants_exited", "all", 20, 1213, "Lyras inflöde var 20 och utflödet var 20.", note="Bilaga 1")

# ---------------------------------------------------------------- Utijobb
U = "Utijobb"
add(Y, Y, U, "exit_work_or_studies_rate_goal", "all", 25, 719, "25 % av deltagarna ska efter projekttiden nå arbete/studier.")
add(Y, Y, U, "participants_goal", "all", 13, 722, "13 nya ärenden tas emot och alla pågående ärenden avslutas.", note="goal stated as number of new participants/cases (inflow)")
add(2010, Y, U, "participants_goal", "all", 40, 722, "Under hela projekttiden tas totalt emot 40 deltagare.",
    note="goal for the whole project period 2010-2012")
UQ = "30 % (13 personer av 43) av avslutade deltagare har gått till arbete och/eller studier."
add(Y, Y, U, "exit_work_or_studies_rate", "all", 30, 726, UQ)
add(Y, Y, U, "exit_work_or_studies", "all", 13, 726, UQ)
add(Y, Y, U, "participants_exited", "all", 43, 726, UQ)
add(Y, Y, U, "exit_continued_rehab", "all", 20, 726, "Ytterligare 20 deltagare har avslutats mot fortsatt arbetslivsinriktad rehabilitering.",
    note="fortsatt arbetslivsinriktad rehabilitering (continued work-oriented rehabilitation)")
add(Y, Y, U, "participants_new", "all", 17, 731, "Antal nya ärenden under året var 17 och antalet avslutade 43.")
add(Y, Y, U, "participants_exited", "all", 43, 731, "Antal nya ärenden under året var 17 och antalet avslutade 43.")
UQ2 = "Totalt antal deltagare under projektperioden har varit 43 varav 47 % kvinnor (20 personer) och 53 % män (23 personer)."
add(2010, Y, U, "participants", "all", 43, 733, UQ2, note="whole project period 2010-2012")
add(2010, Y, U, "participants", "women", 20, 733, UQ2, note="whole project period 2010-2012")
add(2010, Y, U, "participants", "men", 23, 733, UQ2, note="whole project period 2010-2012")
add(2010, Y, U, "participants_share", "women", 47, 733, UQ2, note="whole project period 2010-2012")
add(2010, Y, U, "participants_share", "men", 53, 733, UQ2, note="whole project period 2010-2012")
add(Y, Y, U, "budget", "all", 2_099_000, 750, "Budget 2 099 tkr.")
add(Y, Y, U, "cost", "all", 1_753_000, 750, "Budget 2 099 tkr. Utfall 1 753 tkr")
add(P, P, U, "cost", "all", 1_566_000, 750, "Utfall 1 753 tkr (jmf 2011; 1 566 tkr)", note="2011 comparison figure")
add(Y, Y, U, "exit_work_or_studies_rate_goal", "all", 25, 1218, "25 % av deltagarna ska efter projekttiden nå arbete/studier.",
    note="Bilaga 1 goal table")
add(Y, Y, U, "exit_work_or_studies_rate", "all", 30, 1218, UQ, note="Bilaga 1")
add(Y, Y, U, "exit_work_or_studies", "all", 13, 1218, UQ, note="Bilaga 1")
add(Y, Y, U, "participants_exited", "all", 43, 1218, UQ, note="Bilaga 1")
add(Y, Y, U, "exit_continued_rehab", "all", 20, 1218, "Ytterligare 20 deltagare har avslutats mot fortsatt arbetslivsinriktad rehabilitering.",
    note="Bilaga 1; fortsatt arbetslivsinriktad rehabilitering (continued work-oriented rehabilitation)")
add(Y, Y, U, "participants_goal", "all", 13, 1221, "13 nya ärenden tas emot och alla ärenden avslutas",
    note="Bilaga 1; goal stated as number of new participants/cases (inflow)")
add(2010, Y, U, "participants_goal", "all", 40, 1221, "minst ta emot totalt 40 deltagare under projekttiden.",
    note="Bilaga 1; whole project period 2010-2012")
add(Y, Y, U, "participants_new", "all", 17, 1221, "Inflöde har varit 17 och utflödet 43.", note="Bilaga 1")
add(Y, Y, U, "participants_exited", "all", 43, 1221, "Inflöde har varit 17 och utflödet 43.", note="Bilaga 1")
add(2010, Y, U, "participants", "all", 43, 1221, "Totalt antal ärenden under projekttiden är 43.",
    note="Bilaga 1; whole project period 2010-2012")

# ---------------------------------------------------------------- Tillbaka till framtiden
T = "Tillbaka till framtiden"
TQ = "Totalt antal deltagare har varit 17 varav 14 % var kvinnor och 86 % män."
add(Y, Y, T, "participants", "all", 17, 783, TQ)
add(Y, Y, T, "participants_share", "women", 14, 783, TQ)
add(Y, Y, T, "participants_share", "men", 86, 783, TQ)
add(Y, Y, T, "budget", "all", 1_250_000, 801, "Budget 1 250 tkr.")
add(Y, Y, T, "cost", "all", 676_000, 801, "Budget 1 250 tkr. Utfall 676 tkr.")

# ---------------------------------------------------------------- KASAM för Unga vuxna
K = "KASAM för Unga vuxna"
add(Y, Y, K, "participants_goal", "all", 10, 821, "Insatsen ska ta emot 10 deltagare/kurs.",
    note="per course (one course held in 2012); goal stated as number of new participants/cases (inflow)")
add(Y, Y, K, "participants_goal", "all", 10, 833, "Insatsen ska ta emot 10 deltagare per kurs och avsluta 10 deltagare.",
    note="per course; goal stated as number of new participants/cases (inflow)")
add(Y, Y, K, "participants_exited_goal", "all", 10, 833, "Insatsen ska ta emot 10 deltagare per kurs och avsluta 10 deltagare.",
    note="proposed metric; per course")
add(Y, Y, K, "participants_new", "all", 10, 837, "Antal deltagare som började var 10 och 8 genomförde hela kursen.")
add(Y, Y, K, "participants_exited", "all", 8, 837, "Antal deltagare som började var 10 och 8 genomförde hela kursen.",
    note="8 completed the whole course (genomförde); line 841 calls them 'avslutade'")
add(Y, Y, K, "participants_exited", "all", 8, 841, "Svarefrekvensen i kursutvärderingen (specifik för KASAM-verkstan) är 88 % (7 av 8 avslutade).")
add(Y, Y, K, "budget", "all", 158_000, 858, "Budget 158 tkr.")
add(Y, Y, K, "cost", "all", 84_000, 858, "Budget 158 tkr. Utfall 84 tkr",
    note=R + "text 84 tkr vs income statement KASAM för Unga Vuxna 84,5 tkr (line 1034)")
add(P, P, K, "cost", "all", 81_000, 858, "Utfall 84 tkr (jmf 2011: 81 tkr)",
    note=R + "text 81 tkr vs income statement 2011 column 81,9 tkr (line 1034)")
add(Y, Y, K, "participants_goal", "all", 10, 1235, "Per kurs ska 10 nya deltagare tas emot och 10 deltagare avslutas.",
    note="Bilaga 1; per course; goal stated as number of new participants/cases (inflow)")
add(Y, Y, K, "participants_exited_goal", "all", 10, 1235, "Per kurs ska 10 nya deltagare tas emot och 10 deltagare avslutas.",
    note="Bilaga 1; proposed metric; per course")
add(Y, Y, K, "participants_new", "all", 10, 1235, "10 deltagare togs in och 8 fullföljde.", note="Bilaga 1")
add(Y, Y, K, "participants_exited", "all", 8, 1235, "10 deltagare togs in och 8 fullföljde.",
    note="Bilaga 1; 8 completed (fullföljde)")

# ---------------------------------------------------------------- economic section (text)
add(Y, Y, "ALL", "revenue_members", "all", 8_600_000, 989, "Förbundet tilldelades 8,6 mkr för 2012.",
    note="allocated by the members (cf. line 119 'tilldelades ... från ägarna')")
add(Y, Y, "ALL", "cost", "all", 10_700_000, 989, "Förbundets kostnader under året uppgår till 10,7 mkr.",
    note=R + "text 10,7 mkr vs income statement Verksamhetens nettokostnader 10 673,8 tkr (line 1040)")
add(Y, Y, "ALL", "result", "all", -2_000_000, 989, "Det samlade ackumulerade överskottet från föregående år har minskat med 2,0 mkr.",
    note=R + "accumulated surplus decreased by 2,0 mkr (= result) vs income statement -1 992,8 tkr (line 1045)")
add(Y, Y, "ALL", "equity", "all", 4_700_000, 989, "ett eget kapital på 4,7 mkr vid årets slut.",
    note=R + "text 4,7 mkr vs balance sheet S:a Eget kapital 4 661,6 tkr (line 1061)")
add(Y, Y, "Administration", "cost", "all", 1_100_000, 1001, "10 % (1,1 mkr) bekostar det administrativa arbetet",
    note="conflict: text puts administrative costs (kansli, styrelse, information, revision) at 1,1 mkr (10 %) while the income statement 'Summa administration' is 1 458,3 tkr (line 1024); the difference is the line 'Kompetensutveckling, utvärdering, möten' 345,0 tkr, which the text counts separately (line 1003) — scope difference")
add(Y, Y, "Arena för ökad samverkan", "cost", "all", 350_000, 1003, "3 % (0,35 mkr) av kostnaderna går till stödande och utveckla samverkan",
    note=R + "support of collaboration and staff competence development 0,35 mkr vs income statement 'Kompetensutveckling, utvärdering, möten' 345,0 tkr (line 1022)")

# ---------------------------------------------------------------- income statement (Belopp i tkr; columns 2012, 2011)
def is_row(ln, label, interv, metric, v12, v11, sign=1, extra=""):
    line = L[ln - 1]
    assert label in line, (ln, line)
    for yr, v in ((Y, v12), (P, v11)):
        if v is None:
            continue
        col = "2012" if yr == Y else "2011"
        n = f"income statement (Belopp i tkr), {col} column" + (f"; {extra}" if extra else "")
        add(yr, yr, interv, metric, "all", round(sign * v * 1000), ln, label, "$", note=n)


is_row(1013, "<i>Intäkter från förbundets medlemmar (Not 1)</i>", "ALL", "revenue_members", 8600.0, 8600.0,
       extra="member contributions total")
is_row(1015, "S:a intäkter", "ALL", "revenue", 8600.0, 8600.0)
is_row(1022, "<i>Kompetensutveckling, utvärdering, möten</i>", "Arena för ökad samverkan", "cost", 345.0, 232.4,
       extra="line item within 'Summa administration' (also included in the Administration total)")
is_row(1024, "Summa administration", "Administration", "cost", 1458.3, 1289.0,
       extra="total administration incl. Kompetensutveckling, utvärdering, möten")
is_row(1026, "<i>Kugghjul Vårdcentraler</i>", "Kugghjul Vårdcentraler", "cost", 250.0, 198.0)
is_row(1027, "<i>Kugghjul Processtöd</i>", "Kugghjul Processtöd", "cost", 201.7, 218.1)
is_row(1028, "<i>Kugghjul Psykiatri</i>", "Kugghjul Psykiatri", "cost", 75.0, 170.0)
is_row(1029, "<i>Husamrådet</i>", "Husamrådet", "cost", 392.0, 946.0)
is_row(1030, "<i>Hälsosam</i>", "Hälsosam", "cost", 665.0, 588.0)
is_row(1031, "<i>Lyra (Not 2)</i>", "Lyra", "cost", 1770.4, 652.1, extra="HUSAM net cost (gross cost incl. ESF in Not 2 not recorded)")
is_row(1032, "<i>Slussen</i>", "Slussen", "cost", 2109.9, 1899.5)
is_row(1033, "<i>Utjobb</i>", "Utijobb", "cost", 1753.0, 1566.0, extra="spelled 'Utjobb'")
is_row(1034, "<i>KASAM för Unga Vuxna</i>", "KASAM för Unga vuxna", "cost", 84.5, 81.9)
is_row(1035, "<i>Tillbaka till framtiden</i>", "Tillbaka till framtiden", "cost", 676.0, 0.0,
       extra="2011 column 0,0 (intervention started 2012)")
is_row(1036, "<i>Kartläggningsteam</i>", "Remiss- och kartläggningsteam (REKA)", "cost", 229.0, 0.0,
       extra="labelled 'Kartläggningsteam'; 2011 column 0,0 (started 2012)")
is_row(1037, "<i>Samverkansteam Huddinge</i>", "Samverkansteam Huddinge", "cost", 1009.0, 0.0,
       extra="2011 column 0,0 (started 2012)")
is_row(1040, "<b>Verksamhetens nettokostnader</b>", "ALL", "cost", 10673.8, 7608.6,
       extra="Verksamhetens nettokostnader (total operating costs)")
is_row(1045, "<b>Periodens resultat</b>", "ALL", "result", -1992.8, 1077.5)
# balance sheet (columns 2012-12-31, 2011-12-31)
for yr, v in ((Y, -1992.8), (P, 1077.5)):
    add(yr, yr, "ALL", "result", "all", round(v * 1000), 1060, "Årets resultat", "$",
        note=f"balance sheet (tkr), {yr}-12-31 column, Årets resultat")
for yr, v in ((Y, 4661.6), (P, 6654.4)):
    add(yr, yr, "ALL", "equity", "all", round(v * 1000), 1061, "S:a Eget kapital", "$",
        note=f"balance sheet (tkr), {yr}-12-31 column")
for yr in (Y, P):
    add(yr, yr, "ALL", "revenue_members", "all", 8_600_000, 1071, "S:a", "$",
        note=f"Not 1 (member contributions) total, {yr} column (tkr)")

# ---------------------------------------------------------------- interventions
INTS = [
    ("Kugghjulen", "Kugghjulet;Kugghjul", "individual",
     "people at risk of being passed between agencies, with diffuse/hard-to-interpret symptoms (early sick-leave cases)", 2007, "",
     "joint-agency case forum at health centres (since 2007) and psychiatry (since 2010); counts cases (ärenden); costs reported as Kugghjul Vårdcentraler/Processtöd/Psykiatri"),
    ("Kugghjul Vårdcentraler", "Vårdcentralerna;Kugghjulen på vårdcentralerna", "individual",
     "as Kugghjulen", 2007, "", "Kugghjulen at the health centres (cost line); units listed separately as Kugghjul <place>"),
    ("Kugghjul Psykiatri", "Psykiatri;Psykiatrin;Kugghjul psykiatri", "individual",
     "as Kugghjulen", 2010, "", "Kugghjulen at Huddinge open psychiatric clinic"),
    ("Kugghjul Processtöd", "Processtöd", "structural", "", "", "", "process support for Kugghjulen (cost line)"),
]
for u, *_ in UNITS:
    INTS.append((f"Kugghjul {u}", f"Kugghjul i {u}" if u in ("Flemingsberg", "Segeltorp", "Skogås") else "",
                 "individual", "as Kugghjulen", "", "",
                 f"Kugghjulen unit at {u} health centre (table row label '{u}' in 'Antal ärenden per vårdenhet'); part of Kugghjul Vårdcentraler"))
INTS += [
    ("Husamrådet", "Husamrådets", "individual", "people with long-term, complex problems", 2008, 2012,
     "co-located agency team; ended mid-2012, replaced by Samverkansteam Huddinge"),
    ("Remiss- och kartläggningsteam (REKA)",
     "Remiss- och kartläggningsteamet (REKA);Remiss- och Kartläggningsteam (REKA);Remiss- och kartläggningsteam;REKA;Kartläggningsteam;Kartläggningsteamet",
     "individual", "people aged 16-64 needing coordinated rehabilitation", 2012, "",
     "joint-agency mapping/referral team, 'one entrance' to the other interventions; counts cases"),
    ("Samverkansteam Huddinge", "Samverkansteam;samverkansteamet", "individual",
     "people aged 25-64 with long-term, complex problems", 2012, "", ""),
    ("Hälsosam", "Hälsosams", "individual",
     "people with long-term complex problems far from the labour market needing support towards better health", 2011, 2013, ""),
    ("Slussen", "Grenverket Slussen", "individual", "young adults 16-24 with complex problems", 2009, 2013,
     "sub-project of ESF-financed Grenverket Södertörn; project phase until June 2013, then implemented as permanent insats"),
    ("Lyra", "Lyras;Lyra (Not 2)", "individual",
     "young adults 18-29, unemployed, with long-term problems and mental ill-health", 2008, 2013,
     "sub-project of ESF-financed Grenverket Södertörn; project phase until June 2013, then implemented as permanent insats"),
    ("Utijobb", "Utjobb", "individual",
     "people 18-64 with a neuropsychiatric diagnosis (autism spectrum, ADHD, ADD)", 2010, 2012, "Supported Employment; ended 2012"),
    ("Tillbaka till framtiden", "", "individual",
     "participants from all interventions financed by the association", 2012, 2014,
     "develops social enterprises to create work-training places; has participants"),
    ("KASAM för Unga vuxna", "KASAM för Unga Vuxna;KASAM-verkstan", "individual",
     "young adults needing to strengthen their mental health", 2011, 2013, "course run by Krealiv AB, linked to Slussen"),
    ("Arena för ökad samverkan", "samverkansdagar;myndighetsövergripande kompetensinsatser;Kompetensutveckling, utvärdering, möten",
     "structural", "staff of the partner agencies", 2011, "",
     "joint competence-development days/seminars with Samordningsförbundet Botkyrka; cost = income-statement line 'Kompetensutveckling, utvärdering, möten' (part of Summa administration)"),
    ("Administration", "Summa administration;det administrativa arbetet", "administration", "", "", "",
     "kansli, styrelse, accounting, audit, information (income statement 'Summa administration' also includes Kompetensutveckling, utvärdering, möten)"),
]

used = {r["intervention"] for r in rows} - {"ALL"}
names = {i[0] for i in INTS}
assert used <= names, used - names

OBS = "source_id,association_id,period_start,period_end,intervention,metric,gender,value,unit,quote,note".split(",")
with open(OUT / "observations.csv", "w", encoding="utf-8", newline="") as f:
    w = csv.DictWriter(f, fieldnames=OBS, extrasaction="ignore")
    w.writeheader()
    w.writerows(rows)
INT = "association_id,intervention,aliases,kind,target_group,first_year,last_year,note".split(",")
with open(OUT / "interventions.csv", "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f)
    w.writerow(INT)
    for name, al, kind, tg, fy, ly, note in INTS:
        w.writerow([AID, name, al, kind, tg, fy, ly, note])
print(len(rows), "rows,", len(INTS), "interventions")

# ---------------------------------------------------------------- NOTES.md
real = [r for r in rows if r["note"].startswith("conflict:")]
rnd = [r for r in rows if r["note"].startswith(R)]


def line_of(r):
    assert r["quote"] in L[r["_line"] - 1]
    return r["_line"]


md = [f"# {SID} — notes", "",
      f"{len(rows)} observation rows, {len(INTS)} interventions. Built by `build.py` (quotes sliced from the source lines).", "",
      "## AMENDMENT 1 revision (260 → 270 rows)", "",
      "- Added 10 `participants_exited_goal` rows (formerly proposed; goal tables 'X nya ärenden tas emot och X ärenden avslutas').",
      "- Re-labelled 13 inflow goals (note '... (inflow)') from `participants_goal` to `participants_new_goal` (Husamrådet, Samverkansteam Huddinge, Slussen, Lyra, Utijobb 13 nya, KASAM).",
      "- Utijobb 20 exits to 'fortsatt arbetslivsinriktad rehabilitering' (lines 726, 1218): `exit_other` → `exit_continued_rehab`. No other exit_other rows existed; no exit reasons had been skipped for the one-metric rule (Lyra 55 % and Utijobb 77 % remain skipped as mixed categories).",
      "- Lyra 41 % (7 of 17) measured 12 months after exit (lines 671, 1212): `exit_work_or_studies_rate` → `followup_work_or_studies_rate`.",
      "- Member contributions (lines 119, 989, 1013 ×2 years, 1071 ×2 years): `revenue` → `revenue_members`.",
      "- Notes 'conflict: rounding only — ' → 'rounding: ' (15 rows); `conflict:` kept for the 3 real/scope contradictions below.", "",
      "## Conflicts (real inconsistencies)", ""]
md += [f"- line {line_of(r)}: {r['intervention']} {r['metric']} {r['period_start']} = {r['value']} — {r['note'][len('conflict: '):]}"
       for r in real]
md += ["", "Not recorded as rows (no fitting metric), but inconsistent in the text:",
       "- line 287: 'nästa en fjärde del kommer i arbete/studier' (almost a quarter) vs 39 % to work/studies (lines 243, 293); also says 'fyra övergripande mål' while five are listed (lines 85-89, 292-296).",
       "- line 1079: Not 3 'Övriga fordringar' S:a 231,3 tkr (items sum to 231,3) vs balance sheet line 1052 'Övriga fordringar (not 3)' 232,3 tkr (which is the figure consistent with S:a Omsättningstillgångar 8 857,0).",
       "- line 999: 87 % (9,2 mkr) of total costs to interventions; income statement gives 9 215,5 / 10 673,8 = 86 %. (10 % + 3 % + 87 % are forced to 100.)",
       "- line 1184 (Bilaga 1) says Samverkansteam '21 % ... har kommit i arbete (5 av 24)' while line 499 says 'arbete/studier'; recorded both as exit_work_or_studies with a note.",
       "- line 1198 (Bilaga 1) Hälsosam goal 'Minst 50 deltagare under projektperioden' vs line 549 'Minst 50 deltagare per år'; recorded both as 2012 participants_goal with a note.",
       "",
       "## Rounded restatements (note prefix `rounding:`, AMENDMENT 1; not contradictions)", "",
       "The running text prints rounded/truncated figures of the income statement / balance sheet (e.g. Slussen 2 109 tkr vs 2 109,9; KASAM 2011 81 tkr vs 81,9 — the text truncates rather than rounds). Each such less precise text row is kept with its own printed value and a note starting `rounding:`; the precise income-statement/balance-sheet rows carry no prefix:", ""]
md += [f"- line {line_of(r)}: {r['intervention']} {r['metric']} {r['period_start']} = {r['value']}" for r in rnd]
md += ["", "## Proposed metrics", "",
       "AMENDMENT 1 introduced `participants_exited_goal` and `participants_new_goal`: the 10 ended-goal rows formerly listed here are now in observations.csv (lines 380/1171 Husamrådet, 491/1190 Samverkansteam, 604/1206 Slussen, 666/1213 Lyra, 833/1235 KASAM), and the 13 inflow-goal rows formerly recorded as `participants_goal` (note '... (inflow)') were re-labelled `participants_new_goal`.", "",
       "Still proposed (no metric in the amendment), so these rows are NOT in observations.csv:", "",
       "- `participants_individual_support` (persons): participants who received individual support/rehabilitation, as opposed to cases only discussed in joint-agency forums (Kugghjulen, REKA). HUSAM reports 836 participants/cases, of which at least 443 got individual support and 393 were forum cases.",
       "- `participants_exited_individual_support` (persons): exited among those with individual support (312 of 705 ended cases).", "",
       "| period | intervention | metric | value | line | quote | note |", "|---|---|---|---|---|---|---|"]
md += [f"| {r['period_start']}-{r['period_end']} | {r['intervention']} | {r['metric']} | {r['value']} | {line_of(r)} | {r['quote'].replace(chr(9), ' ⇥ ').replace('|', '/')} | {r['note']} |"
       for r in proposed]
md += ["", "## Modelling decisions / doubts", "",
       "- Kugghjulen: costs are reported in three lines (Kugghjul Vårdcentraler, Kugghjul Processtöd, Kugghjul Psykiatri), so these are separate interventions; the per-vårdenhet table (lines 323-332, repeated in Bilaga 1 lines 1155-1164) is recorded per unit as 'Kugghjul <place>' (7 health-centre units) and the row 'Psykiatrin' as Kugghjul Psykiatri. Counts are cases (ärenden), recorded as participants. Unit goals sum to 570 but TOTALT says 600 (flagged). Drop/merge the unit interventions if that granularity is unwanted.",
       "- Administration: 'Summa administration' (income statement, 1 458,3 / 1 289,0 tkr) includes the line 'Kompetensutveckling, utvärdering, möten' (345,0 / 232,4 tkr). That line is ALSO recorded as cost of the structural intervention 'Arena för ökad samverkan' (joint staff competence days with Botkyrka; 500 staff participants) — do not add the two when summing. The text's 1,1 mkr administration (line 1001) excludes it → flagged conflict (scope).",
       "- Arena för ökad samverkan participants (500) are agency staff, not clients.",
       "- ALL participants 836 = 443 individual support + 393 forum cases (Kugghjulen 376 + REKA 17). ALL participants_exited 705 = 312 (individual support) + 393.",
       "- ALL 39 % / 102 to work or studies: denominator 261 (= Husamrådet 85 + Samverkansteam 24 + Slussen 92 + Lyra 17 followed-up + Utijobb 43); the 261 itself is not recorded (it is neither all exits nor all participants).",
       "- Lyra 41 % (7 of 17) is measured 12 months after exit: the rate is recorded as `followup_work_or_studies_rate` (AMENDMENT 1; N=12 months) for 2012; the count 7 stays `exit_work_or_studies` (no follow-up count metric; the report counts it in the 2012 total 102 of 261).",
       "- Husamrådet 224 'startat och avslutats ... sedan 2008' recorded as participants_new and participants_exited 2008-2012; 24 % (53) to work/studies same period.",
       "- Utijobb: 43 participants and the gender split (20 women / 23 men, 47 % / 53 %) are for the whole project period 2010-2012; 'Under hela projekttiden tas totalt emot 40 deltagare' recorded as participants_goal 2010-2012. The 20 exits to 'fortsatt arbetslivsinriktad rehabilitering' recorded as exit_continued_rehab (AMENDMENT 1; formerly exit_other). The combined 77 % (33 of 43) work/studies + continued rehabilitation is not recorded (no metric).",
       "- KASAM: '8 genomförde hela kursen' / '8 fullföljde' recorded as participants_exited (line 841 calls the 8 'avslutade'); goals are per course ('10 deltagare/kurs').",
       "- Equity 2011: 'överskott från 2011 års verksamhet motsvarande 6,6 mkr' (line 119) read as accumulated surplus = equity at end of 2011 (balance sheet 6 654,4).",
       "- Income statement 2011 column 0,0 for Tillbaka till framtiden, Kartläggningsteam and Samverkansteam recorded as cost 0 for 2011.",
       "- Costs recorded as positive numbers (statement prints them negative); results keep their sign.",
       "- Member contributions (AMENDMENT 1): income-statement line 'Intäkter från förbundets medlemmar (Not 1)' (line 1013), Not 1 S:a (line 1071) and the text's 8,6 mkr allotted by the owners (lines 119, 989) are now `revenue_members` (formerly `revenue`); total revenue stays `revenue` (S:a intäkter line 1015, text line 32). Per-member amounts in Not 1 are still not recorded (they would share the ALL fact key).",
       "",
       "## Skipped (and why)", "",
       "- Survey results (effekt, kvalitet, delaktighet, samverkan, response rates), staff-survey 87 %/81 %, 244 respondents: not in metric vocabulary.",
       "- Single staff events: ca 160 (line 137), ca 200 (line 143), 90-tal (line 151) — parts of the 500; would collide with the 500 row.",
       "- Line 185: 5 Botkyrka residents in Slussen/Lyra, 4 Huddinge residents in Botkyrka's START project (other association / subset).",
       "- Participant profile shares (74 % aged 16-29, 18 %/43 % years on benefits, 61 % only compulsory school), Kugghjulen 'ca 22,5 %' feedback share, average case times, action-plan shares (92 %, 70 %, 100 %).",
       "- Hälsosam split 32 group / 9 individual; Lyra 55 % (11 of 20) to 'arbetsträning/praktik/AF/FK samverkan/studier/Slussen' (line 1211; mixes studies, AF programmes and another intervention, so no single AMENDMENT 1 exit metric fits); Utijobb combined 77 % (33 of 43) work/studies + continued rehabilitation (mixed); Hälsosam 90 % 'gått vidare ut i arbetslivsriktade aktiviteter' (line 554; of those who completed, not an exit count); Tillbaka till framtiden outputs (5 work-training places, 12 employed in the social enterprise, 1 enterprise).",
       "- Income statement sub-lines of administration (Administrativa kostnader, Styrelsearvoden, Redovisning, Revision, Information), 'Summa projektbidrag' 9 215,5 / 6 319,6 and the text's 9,2 mkr (87 %), interest income (81,0 / 86,1 tkr; '0,1 mkr'), Not 2 Lyra gross cost incl. ESF (1 964,0 / 1 824,7), per-member contributions (Not 1; only the total is recorded), balance-sheet items other than equity (incl. 'Balanserat resultat'), budget deviation 1,5 mkr, 'drygt 15 mkr' total available funds (line 119, not a budget).",
       ]
(OUT / "NOTES.md").write_text("\n".join(md) + "\n", encoding="utf-8")
