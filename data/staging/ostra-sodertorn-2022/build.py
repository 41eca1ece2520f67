#!/usr/bin/env python3
"""Build observations.csv / interventions.csv for ostra-sodertorn-2022.
Quotes are sliced out of the source lines by program (line number + anchors),
so OCR characters stay byte-exact."""
import csv
from pathlib import Path

SID = "ostra-sodertorn-2022"
AID = "ostra-sodertorn"
SRC = Path(f"/work/shared/sources/{SID}.txt")
OUT = Path(__file__).parent
L = SRC.read_text(encoding="utf-8").splitlines()

UNITS = {"participants": "persons", "participants_new": "persons", "participants_exited": "persons",
         "unique_individuals": "persons", "exit_work": "persons", "exit_studies": "persons",
         "exit_work_or_studies": "persons", "exit_jobseeking": "persons", "exit_other": "persons",
         "participants_share": "percent", "exit_work_or_studies_rate": "percent", "exit_work_rate": "percent",
         "exit_studies_rate": "percent", "exit_jobseeking_rate": "percent", "exit_other_rate": "percent",
         "participants_goal": "persons", "exit_work_or_studies_rate_goal": "percent",
         "cost": "sek", "budget": "sek", "revenue": "sek", "result": "sek", "equity": "sek",
         # AMENDMENT 1 metrics
         "exit_employment_service": "persons", "exit_other_intervention": "persons",
         "exit_continued_rehab": "persons", "exit_illness": "persons",
         "exit_employment_service_rate": "percent", "exit_other_intervention_rate": "percent",
         "exit_continued_rehab_rate": "percent", "exit_illness_rate": "percent",
         "revenue_members": "sek", "revenue_grants": "sek", "result_budget": "sek"}


def Q(ln, start=None, end=None):
    """Slice of source line ln (1-based) from anchor `start` to end of anchor `end`."""
    line = L[ln - 1]
    i = 0 if start is None else line.index(start)
    j = len(line) if end is None else line.index(end, i) + len(end)
    q = line[i:j].strip()
    assert q and q in line, (ln, start, end)
    return q


rows = []    # observations
skipped = []  # rows deliberately not recorded (listed in NOTES.md): mixed exit categories / second category for one metric


def add(ps, pe, inter, metric, gender, value, quote, note="", skip=None):
    """skip=<reason>: do not record; keep for the NOTES.md 'skipped' list."""
    if skip:
        skipped.append(dict(period=f"{ps}-{pe}" if ps != pe else str(ps), intervention=inter, metric=metric,
                            gender=gender, value=value, quote=quote, reason=skip))
        return
    rows.append(dict(
        source_id=SID, association_id=AID, period_start=ps, period_end=pe, intervention=inter,
        metric=metric, gender=gender, value=value, unit=UNITS[metric], quote=quote, note=note))


Y = 2022
ALL = "ALL"
UV = "Samverkansteam för unga vuxna"
UNG_H = "Ungdomsteamet i Haninge"
UNG_T = "Ung i Tyresö"
UNG_N = "Ung i Nynäs"
VUX_T = "Vuxteamet i Tyresö"
VUX_H = "Vuxteamet i Haninge"
RR = "Resursrådet"
MIA = "MIA Vidare"
MIAF = "MIA Vidare förlängning"
MIAOS = "MIA Vidare Östra Södertörn"
SAM = "SamMA-projektet"
SAMF = "SamMA förlängning"
SAM_H = "SamMA-Haninge"
SAM_T = "SamMA-Tyresö"
SAM_N = "SamMA-Nynäs"

# ---------------------------------------------------------------- ALL, section 1.1 / 2.6.1
for ln_p, ln_g in ((88, 89), (633, 634)):
    add(Y, Y, ALL, "participants", "all", 779, Q(ln_p, None, "779 personer"))
    qg = Q(ln_g) if ln_g == 89 else Q(ln_g, "varav", "uppgav kon.")
    add(Y, Y, ALL, "participants", "women", 365, qg)
    add(Y, Y, ALL, "participants", "men", 405, qg)
    add(Y, Y, ALL, "participants", "unknown", 9, qg, "'ej uppgav kön' (gender not stated)")
for ln in (91, 660):
    add(Y, Y, ALL, "participants_exited", "all", 414, Q(ln, "Sammantaget"))
add(Y, Y, ALL, "exit_work_or_studies", "all", 214, Q(92))
add(Y, Y, ALL, "exit_work_or_studies_rate", "all", 52, Q(92))
add(Y, Y, ALL, "exit_work_or_studies", "all", 214, Q(661))
add(Y, Y, ALL, "exit_work_or_studies_rate", "all", 52, Q(661))
add(Y, Y, ALL, "exit_work_or_studies_rate", "all", 52, Q(631),
    "text says 'nått egen försörjning'; same 52 % as exits to work or studies")
add(Y, Y, ALL, "exit_work_or_studies", "all", 214, Q(686, None, "arbete eller studier"))
add(Y, Y, ALL, "exit_work_or_studies_rate", "all", 52, Q(686))
add(Y, Y, ALL, "participants_new", "all", 396, Q(94, "Antalet", "396"))
add(Y, Y, ALL, "participants_new", "women", 192, Q(94, "Antalet", "192 kvinnor"))
add(Y, Y, ALL, "participants_new", "men", 199, Q(94, "Antalet", "199 m") + "")
add(2021, 2021, ALL, "participants_new", "all", 416, Q(95))
add(Y, Y, ALL, "participants_new", "all", 396, Q(635, None, "396"))
add(Y, Y, ALL, "participants_new", "women", 192, Q(635, None, "192 kvinnor"))
add(Y, Y, ALL, "participants_new", "men", 199, Q(635, None, "199 man)"))
add(2021, 2021, ALL, "participants_new", "all", 416, Q(636))

# ---------------------------------------------------------------- five-year table (2.1.2, lines 401-405)
years = [2022, 2021, 2020, 2019, 2018]
fy = {
    "revenue": (402, [31379624, 35980191, 34028857, 28731703, 27966588]),
    "cost": (403, [30129577, 35715694, 36914330, 29505920, 28851066]),
    "result": (404, [1250047, 264479, -2885473, -774217, -884421]),
    "equity": (405, [4002231, 2752184, 2487686, 5373160, 6147377]),
}
fynote = {
    ("cost", 2022): "conflict: five-year table cost 30 129 577 differs from income statement/Not 3 30 111 481 (line 802, 891) and budget table 30 174 707 (line 752); the table figure equals costs + depreciation - net financial income",
    ("cost", 2021): "conflict: five-year table cost 35 715 694 differs from income statement/Not 3 35 643 304 (line 802, 891); table figure equals costs + depreciation + net financial costs",
    ("result", 2021): "conflict: five-year table says 264 479 but income statement, balance sheet and cash-flow say 264 497 (lines 807-809, 826, 838); 2021 equity change also gives 264 497 - likely transposed digits",
    ("result", 2019): "five-year table; OCR '=774 217' read as -774 217 (revenue - cost in the same column = -774 217)",
    ("result", 2018): "conflict: five-year table result -884 421 but revenue 27 966 588 - cost 28 851 066 in the same table = -884 478 (possible OCR/print digit error)",
}
for metric, (ln, vals) in fy.items():
    for y, v in zip(years, vals):
        note = fynote.get((metric, y), "five-year table 'Verksamhetens ekonomi i jämförelse med tidigare år'; columns 2022 2021 2020 2019 2018")
        add(y, y, ALL, metric, "all", v, Q(ln), note)

# ---------------------------------------------------------------- 2.6.2 text
add(Y, Y, ALL, "cost", "all", 30111481, Q(688, "Forbundet", "30 111 481 kronor"), "'bedrivit verksamhet för' = operating costs")
add(Y, Y, ALL, "result", "all", 1250047, Q(690, None, "1 250 047 kronor"), "årets resultat (överskott), sentence starts on line 688")
add(Y, Y, ALL, "equity", "all", 4002231, Q(690, "det ackumulerade", "4 002 231 kronor"))
add(2021, 2021, ALL, "equity", "all", 2752184, Q(691, None, "aret innan"), "equity at end of 2021 ('året innan')")

# ---------------------------------------------------------------- income statement (3.) lines 801-809
add(Y, Y, ALL, "revenue", "all", 31379624, Q(801), "income statement, 2022 column")
add(2021, 2021, ALL, "revenue", "all", 35980191, Q(801), "income statement, 2021 column")
add(Y, Y, ALL, "cost", "all", 30111481, Q(802), "income statement, 2022 column (excl. depreciation 63 226)")
add(2021, 2021, ALL, "cost", "all", 35643304, Q(802), "income statement, 2021 column (excl. depreciation 63 226)")
add(Y, Y, ALL, "result", "all", 1250047, Q(809), "income statement, 2022 column")
add(2021, 2021, ALL, "result", "all", 264497, Q(809), "income statement, 2021 column")
add(Y, Y, ALL, "result", "all", 1250047, Q(826), "balance sheet (equity section), 2022 column")
add(2021, 2021, ALL, "result", "all", 264497, Q(826), "balance sheet (equity section), 2021 column")
add(Y, Y, ALL, "result", "all", 1250047, Q(838), "cash-flow analysis, 2022 column")
add(2021, 2021, ALL, "result", "all", 264497, Q(838), "cash-flow analysis, 2021 column")
add(Y, Y, ALL, "revenue", "all", 31379624, Q(881), "Not 2 Verksamhetens intäkter, Summa, 2022 column")
add(2021, 2021, ALL, "revenue", "all", 35980191, Q(881), "Not 2 Verksamhetens intäkter, Summa, 2021 column")
add(Y, Y, ALL, "cost", "all", 30111481, Q(891), "Not 3 Verksamhetens kostnader, Summa, 2022 column")
add(2021, 2021, ALL, "cost", "all", 35643304, Q(891), "Not 3 Verksamhetens kostnader, Summa, 2021 column")

# ---------------------------------------------------------------- 2.6.3 Kostnadsfördelning
add(Y, Y, "Individinsatser", "cost", "all", 25379160, Q(711), "Kostnadsfördelning insatser 2022 (aggregate of individual interventions)")
add(Y, Y, "Strukturella insatser", "cost", "all", 472870, Q(712), "Kostnadsfördelning insatser 2022 (aggregate of structural interventions)")
add(Y, Y, "Administration", "cost", "all", 4259450, Q(713), "Kostnadsfördelning insatser 2022")

# ---------------------------------------------------------------- 2.6.4 budget and utfall table (lines 728-756)
bt = [  # line, intervention, budget, utfall, note
    (730, UNG_H, 1184200, 1156412, ""),
    (731, UNG_T, 994200, 930602, ""),
    (732, UNG_N, 777950, 682072, "budget line 'Ung i Nynashamn'"),
    (733, VUX_H, 150000, 160055, "budget line 'Vuxteam Haninge'"),
    (734, VUX_T, 330000, 306804, "budget line 'Vuxteam Tyreso'"),
    (735, RR, 1562600, 1317446, "budget line 'Resursraden'"),
    (736, MIA, 10934525, 10485683, "budget line 'MIA Vidare' (ESF-funded, gross); report does not say whether it is the regional project or the local delprojekt"),
    (737, MIAF, 1660000, 1936697, "budget line 'MIA Vidare forlangning' (extension)"),
    (738, SAM, 3543751, 3180190, "budget line 'SamMA' (ESF-funded, gross)"),
    (739, SAMF, 4890800, 5223200, "budget line 'SamMA forlangning' (extension)"),
    (740, "NNS", 50000, 49419, ""),
    (741, "GDPR", 80000, 69000, ""),
    (742, "Tjänstedesign", 60000, 0, ""),
    (743, "Gemensamma aktiviteter med andra förbund", 60000, 0, ""),
    (744, "Informationsinsatser", 288786, 266522, ""),
    (745, "Insatskatalogen", 80000, 72000, ""),
    (746, "Verktyg (Insurvey)", 5000, 5000, ""),
    (747, "Frukostmöten/seminarier", 80000, 10929, ""),
    (748, "Summa insatser", 26731812, 25852031, "budget table 'Summa insatser'"),
    (749, "Kansli", 5345053, 4182501, ""),
    (750, "Styrelse", 200000, 140175, ""),
    (751, "Kansli och styrelse", 5545053, 4322676, "budget table 'Summa kansli och styrelse'"),
]
for ln, inter, b, u, note in bt:
    base = "budget and utfall table 2022 (columns Budget, Utfall, Differens)"
    add(Y, Y, inter, "budget", "all", b, Q(ln), base + ("; " + note if note else ""))
    cn = base + ("; " + note if note else "")
    if inter == "Summa insatser":
        cn = "rounding: budget table utfall 25 852 031 (sum of krona-rounded lines) vs Not 3 'Insatser' 25 852 030 (line 887), 1 kr rounding difference, not a contradiction; " + cn
    add(Y, Y, inter, "cost", "all", u, Q(ln), cn)
add(Y, Y, ALL, "budget", "all", 32276865, Q(752), "budget table 'Totalt inkl. avskrivningar', budget column (total cost budget)")
add(Y, Y, ALL, "cost", "all", 30174707, Q(752),
    "conflict: budget table 'Totalt inkl. avskrivningar' utfall 30 174 707 vs income statement costs 30 111 481 (line 802) - includes depreciation 63 226, so a definitional difference")
add(Y, Y, ALL, "result", "all", 1250047, Q(756), "budget table 'Resultat', utfall column")
# AMENDMENT 1 finance metrics
add(Y, Y, ALL, "result_budget", "all", -1137000, Q(756), "budget table 'Resultat', budget column (budgeted result)")
add(Y, Y, ALL, "revenue_members", "all", 16316000, Q(753),
    "budget table 'Intäkter/medlemsavgifter', utfall column (budget column also 16 316 000; not recorded as revenue_budget because it is only the member-contribution part of budgeted income)")
add(Y, Y, ALL, "revenue_grants", "all", 15063624, Q(754),
    "budget table 'EU-medel och andra bidrag', utfall column (budget column 14 831 865 not recorded: only the grant part of budgeted income)")
add(Y, Y, ALL, "revenue_grants", "all", 15063624, Q(880), "Not 2 'EU-medel och andra bidrag', 2022 column")
add(2021, 2021, ALL, "revenue_grants", "all", 19664191, Q(880), "Not 2 'EU-medel och andra bidrag', 2021 column")
add(Y, Y, ALL, "revenue_members", "all", 16300000, Q(394, None, "16,3 miljoner kronor"),
    "rounding: 'årets tilldelning från förbundsmedlemmarna' 16,3 mkr vs budget table utfall 16 316 000 (line 753)")
add(Y, Y, ALL, "revenue_grants", "all", 15100000, Q(397, "Forbundet beviljades", "15,1 miljoner kronor"),
    "rounding: 15,1 mkr granted from ESF ('ifrån Europeiska Socialfonden', continues on line 398) vs 'EU-medel och andra bidrag' 15 063 624 (lines 754, 880)")
# Not 3 line 887: Insatser
add(Y, Y, "Summa insatser", "cost", "all", 25852030, Q(887),
    "Not 3 'Insatser', 2022 column (budget table 'Summa insatser' line 748 prints 25 852 031: 1 kr rounding difference)")
add(2021, 2021, "Summa insatser", "cost", "all", 31377175, Q(887), "Not 3 'Insatser', 2021 column")

# ---------------------------------------------------------------- Samverkansteam för unga vuxna
add(Y, Y, UV, "participants", "all", 313, Q(101, None, "unga vuxna"), "'16 - 24 år' printed as '163 - 24' by OCR")
add(Y, Y, UV, "participants_new", "all", 182, Q(102, "Antalet", "182 deltagare"))
add(Y, Y, UV, "participants_new", "women", 75, Q(102, "Antalet", "75 kvinnor"))
add(Y, Y, UV, "participants_new", "men", 106, Q(102, "Antalet", "106 man)"))
add(2021, 2021, UV, "participants_new", "all", 168, Q(103))
add(Y, Y, UV, "participants", "all", 313, Q(642, None, "unga vuxna"))
add(Y, Y, UV, "participants_new", "all", 182, Q(643, "Antalet", "182 deltagare"))
add(Y, Y, UV, "participants_new", "women", 75, Q(643, "Antalet", "75 kvinnor"))
add(Y, Y, UV, "participants_new", "men", 106, Q(643, "Antalet", "106 man)"))
add(2021, 2021, UV, "participants_new", "all", 168, Q(644, "2021 da", "168 nyinskrivna deltagare."))
add(Y, Y, UNG_H, "participants_new", "all", 60, Q(645, None, "var 60 deltagare"), "sentence 'Inflödet till Ungdomsteamet i Haninge 2022' starts on line 644")
add(Y, Y, UNG_T, "participants_new", "all", 63, Q(645, "till Ung i", "63 deltagare"))
add(Y, Y, UNG_N, "participants_new", "all", 59, Q(645, "och till Ung", "59 deltagare"))
add(Y, Y, UV, "participants_exited", "all", 175, Q(646))
add(Y, Y, UV, "exit_work_or_studies_rate", "all", 69, Q(646), "'gick till arbete eller studier' continues on line 647")
add(Y, Y, UV, "participants", "all", 313, Q(1020, None, "2022"))
add(Y, Y, UV, "participants", "women", 127, Q(1020))
add(Y, Y, UV, "participants", "men", 185, Q(1020))
add(Y, Y, UV, "participants_new", "all", 182, Q(1022, "Inflodet", "168 2021"), "2022 figure")
add(2021, 2021, UV, "participants_new", "all", 168, Q(1022, "Inflodet", "168 2021"), "2021 figure ('jämfört med 168 2021')")
newtbl = "table 'Nya deltagare 2022 uppdelade på anvisande part', Totalt column (last number)"
add(Y, Y, UNG_H, "participants_new", "all", 60, Q(1031), newtbl)
add(Y, Y, UNG_T, "participants_new", "all", 63, Q(1032), newtbl)
add(Y, Y, UNG_N, "participants_new", "all", 59, Q(1033), newtbl)
add(Y, Y, UV, "participants_new", "all", 182, Q(1034), newtbl + ", Totalt row")
add(Y, Y, UV, "exit_work_or_studies", "all", 121, Q(1036))
add(Y, Y, UV, "exit_work_or_studies_rate", "all", 69, Q(1036))
add(Y, Y, UV, "participants_exited", "all", 175, Q(1036))
# exit table lines 1043-1047: Arbete Studier AnnanInsatsAF SamMA Forts.rehab Sjukdom Övrigt Totalt
ext = "table 'Avslutade deltagare 2022 uppdelade på kommun och avslutsorsaker' (cols Arbete, Studier, Annan insats AF, SamMA, Forts. rehab, Sjukdom, Övrigt, Totalt)"
for ln, inter, vals in ((1044, UNG_H, [26, 11, 5, 1, 4, 0, 8, 55]), (1045, UNG_T, [27, 25, 1, 1, 3, 0, 14, 71]),
                        (1046, UNG_N, [14, 18, 1, 4, 1, 1, 10, 49]), (1047, UV, [67, 54, 7, 6, 8, 1, 32, 175])):
    q = Q(ln)
    add(Y, Y, inter, "exit_work", "all", vals[0], q, ext + ": Arbete")
    add(Y, Y, inter, "exit_studies", "all", vals[1], q, ext + ": Studier")
    add(Y, Y, inter, "exit_other", "all", vals[6], q, ext + ": Övrigt (flytt, föräldraledighet, övrigt, okänd anledning)")
    add(Y, Y, inter, "participants_exited", "all", vals[7], q, ext + ": Totalt")
    add(Y, Y, inter, "exit_employment_service", "all", vals[2], q, ext + ": Annan insats AF (other intervention at Arbetsförmedlingen)")
    add(Y, Y, inter, "exit_other_intervention", "all", vals[3], q, ext + ": SamMA (moved on to SamMA-projektet)")
    add(Y, Y, inter, "exit_continued_rehab", "all", vals[4], q, ext + ": Forts. rehab (continued rehabilitation)")
    add(Y, Y, inter, "exit_illness", "all", vals[5], q, ext + ": Sjukdom (illness)")

# ---------------------------------------------------------------- Vuxteamet i Tyresö
add(Y, Y, VUX_T, "participants", "all", 152, Q(656))
add(Y, Y, VUX_T, "participants", "women", 82, Q(656))
add(Y, Y, VUX_T, "participants", "men", 70, Q(656))
add(Y, Y, VUX_T, "participants_new", "all", 89, Q(657, None, "40 man."))
add(Y, Y, VUX_T, "participants_new", "women", 49, Q(657, None, "40 man."))
add(Y, Y, VUX_T, "participants_new", "men", 40, Q(657, None, "40 man."))
add(Y, Y, VUX_T, "exit_work_or_studies_rate", "all", 43, Q(657, "Under"), "'till arbete eller studier' continues on line 658")

# ---------------------------------------------------------------- Resursrådet
add(Y, Y, RR, "participants", "all", 141, Q(653, None, "under 2022."), "persons who received recommendations from Resursrådet")
rrt = "table 'Antal anmälningar (inflöde) till Resursrådet 2022'; columns (Haninge, Tyresö, Nynäshamn, Totalt) per text line 653-654; last number = Totalt"
add(Y, Y, RR, "participants_new", "women", 87, Q(995), rrt)
add(Y, Y, RR, "participants_new", "men", 54, Q(996), rrt)
add(Y, Y, RR, "participants_new", "all", 141, Q(997), rrt)

# ---------------------------------------------------------------- SamMA-projektet
c141 = "conflict: 141 participants 2022 in summary (lines 97, 638) vs 140 (59 women + 81 men) in annex (line 1083)"
c140 = "conflict: 140 participants 2022 in annex vs 141 in summary (lines 97, 638)"
for a, b, c in ((97, 98, 99), (638, 639, 640)):
    add(Y, Y, SAM, "participants_new", "all", 44, Q(a, None, "2022."))
    add(Y, Y, SAM, "participants", "all", 141, Q(a, "Totalt"), c141)
    add(Y, Y, SAM, "participants_exited", "all", 70, Q(b, "Antalet"))
    add(Y, Y, SAM, "exit_work_or_studies", "all", 35, Q(b, "Antalet"))
    add(Y, Y, SAM, "exit_work_or_studies_rate", "all", 50, Q(c))
add(Y, Y, SAM, "participants", "all", 140, Q(1083, None, "81 méan."), c140)
add(Y, Y, SAM, "participants", "women", 59, Q(1083, None, "81 méan."))
add(Y, Y, SAM, "participants", "men", 81, Q(1083, None, "81 méan."))
add(Y, Y, SAM, "participants_new", "all", 44, Q(1084, "Antalet"))
add(Y, Y, SAM_H, "participants_new", "all", 21, Q(1084, "Antalet"), "'21 från Haninge'")
add(Y, Y, SAM_T, "participants_new", "all", 7, Q(1084, "Antalet"), "'7 från Tyresö' (continues on line 1085)")
add(Y, Y, SAM_N, "participants_new", "all", 16, Q(1085, None, "Nynashamn)."))
snt = "table 'Nya deltagare 2022 uppdelade på anvisande part', last number = Totalt"
add(Y, Y, SAM_H, "participants_new", "all", 21, Q(1091), snt)
add(Y, Y, SAM_T, "participants_new", "all", 7, Q(1092), snt)
add(Y, Y, SAM_N, "participants_new", "all", 16, Q(1093), snt)
add(Y, Y, SAM, "participants_new", "all", 44, Q(1094), snt + ", Totalt row")
add(Y, Y, SAM, "participants_exited", "all", 70, Q(1095))
add(Y, Y, SAM, "exit_work_or_studies", "all", 35, Q(1095))
add(Y, Y, SAM, "exit_work_or_studies_rate", "all", 50, Q(1095))
for ln, inter, ex, ws, rt in ((1096, SAM_H, 27, 15, 56), (1097, SAM_T, 15, 7, 47), (1098, SAM_N, 28, 13, 46)):
    add(Y, Y, inter, "participants_exited", "all", ex, Q(ln))
    add(Y, Y, inter, "exit_work_or_studies", "all", ws, Q(ln))
    add(Y, Y, inter, "exit_work_or_studies_rate", "all", rt, Q(ln))
sxt = "table 'Avslutade deltagare 2022 uppdelade på kommun och avslutsorsaker' (cols Arbete, Studier, DV/Syssels., Ungateamen, Forts. rehab, Sjukdom, Övrigt, Totalt)"
for ln, inter, vals in ((1105, SAM_H, [10, 5, 1, 0, 3, 3, 5, 27]), (1106, SAM_T, [4, 3, 8, 0, 0, 0, 0, 15]),
                        (1107, SAM_N, [7, 6, 6, 1, 3, 1, 4, 28]), (1108, SAM, [21, 14, 15, 1, 6, 4, 9, 70])):
    q = Q(ln)
    add(Y, Y, inter, "exit_work", "all", vals[0], q, sxt + ": Arbete")
    add(Y, Y, inter, "exit_studies", "all", vals[1], q, sxt + ": Studier")
    add(Y, Y, inter, "exit_other", "all", vals[6], q, sxt + ": Övrigt (flytt, föräldraledighet, övrigt, okänd anledning)")
    add(Y, Y, inter, "participants_exited", "all", vals[7], q, sxt + ": Totalt")
    add(Y, Y, inter, "exit_other_intervention", "all", vals[2], q, sxt + ": DV/Syssels. (daglig verksamhet / sysselsättning)",
        skip="second category for exit_other_intervention in the same table; Ungateamen (moved on to another of the association's interventions) kept instead")
    add(Y, Y, inter, "exit_other_intervention", "all", vals[3], q, sxt + ": Ungateamen (moved on to the young-adult teams); column DV/Syssels. (daglig verksamhet/sysselsättning) not recorded, see NOTES.md")
    add(Y, Y, inter, "exit_continued_rehab", "all", vals[4], q, sxt + ": Forts. rehab (continued rehabilitation)")
    add(Y, Y, inter, "exit_illness", "all", vals[5], q, sxt + ": Sjukdom (illness)")
# whole project period March 2020 - October 2022
P0 = 2020
add(P0, Y, SAM, "participants", "all", 214, Q(1134, None, "125 méan."), "whole project period mars 2020 - oktober 2022")
add(P0, Y, SAM, "participants", "women", 89, Q(1134, None, "125 méan."), "whole project period")
add(P0, Y, SAM, "participants", "men", 125, Q(1134, None, "125 méan."), "whole project period")
add(P0, Y, SAM, "exit_work_or_studies", "all", 73, Q(1134, "Av dessa"), "whole project period; = 38 work + 35 studies in the Avslutsorsaker table")
cg = ("conflict: text gender split work 13 women + 31 men = 44 and studies 25 women + 20 men = 45 sum to 89, "
      "more than the stated 73 exits to work or studies and inconsistent with table totals 38 work / 35 studies (line 1168); whole project period")
add(P0, Y, SAM, "exit_work", "women", 13, Q(1134, "Av dessa"), cg)
add(P0, Y, SAM, "exit_work", "men", 31, Q(1135, None, "31 man)"), cg)
add(P0, Y, SAM, "exit_studies", "women", 25, Q(1135, None, "20 mén)"), cg)
add(P0, Y, SAM, "exit_studies", "men", 20, Q(1135, None, "20 mén)"), cg)
add(P0, Y, SAM, "exit_work_or_studies_rate", "all", 49, Q(1135), "whole project period; percent of those who exited")
ptt = "table 'Antal deltagare i projektet totalt' (whole project period, by referring party), last number = Totalt"
add(P0, Y, SAM_H, "participants", "all", 80, Q(1143), ptt + "; note the row's referral cells sum to 78")
add(P0, Y, SAM_T, "participants", "all", 63, Q(1144), ptt)
add(P0, Y, SAM_N, "participants", "all", 71, Q(1145), ptt)
add(P0, Y, SAM, "participants", "all", 214, Q(1146), ptt + ", Totalt row; referral cells sum to 212")
pat = ("table 'Avslutsorsaker' for the whole project period; column headers lost in OCR: first two columns read as Arbete, Studier "
       "(38 + 35 = 73 as in text line 1134)")
for ln, inter, w, s in ((1165, SAM_H, 18, 11), (1166, SAM_T, 11, 9), (1167, SAM_N, 9, 15), (1168, SAM, 38, 35)):
    add(P0, Y, inter, "exit_work", "all", w, Q(ln), pat + ": Arbete")
    add(P0, Y, inter, "exit_studies", "all", s, Q(ln), pat + ": Studier")

# ---------------------------------------------------------------- MIA Vidare (regional)
add(Y, Y, MIA, "participants_new", "all", 633, Q(105, None, "633 nya deltagare"), "county-wide (regional) project")
add(Y, Y, MIA, "participants_share", "women", 58, Q(105), "share of the 633 new participants 2022")
add(Y, Y, MIA, "participants_share", "men", 39, Q(106), "share of the 633 new participants 2022")
add(Y, Y, MIA, "participants_new", "all", 633, Q(1195, "Under 2022"), "regional project, eight delprojekt")
add(Y, Y, MIA, "participants_share", "women", 58, Q(1196, None, "39 procent man."), "share of the 633 new participants 2022")
add(Y, Y, MIA, "participants_share", "men", 39, Q(1196, None, "39 procent man."), "share of the 633 new participants 2022")
M0 = 2020  # project start June 2020
pp = "since project start (June 2020)"
add(M0, Y, MIA, "participants", "all", 1723, Q(1197), pp)
add(M0, Y, MIA, "participants", "women", 985, Q(1197), pp)
add(M0, Y, MIA, "participants", "men", 694, Q(1197), pp + "; 'män' on line 1198")
add(M0, Y, MIA, "participants_share", "women", 57, Q(1197), pp)
add(M0, Y, MIA, "participants_share", "men", 40, Q(1197), pp)
at = "table 'Anvisande parter' (Kvinnor, Män, Samtliga), row Totalt Antal; since project start"
add(M0, Y, MIA, "participants", "women", 985, Q(1220), at)
add(M0, Y, MIA, "participants", "men", 694, Q(1220), at)
add(M0, Y, MIA, "participants", "all", 1723, Q(1220), at)
add(M0, Y, MIA, "participants_exited", "all", 1345, Q(1222, None, "projekttiden"), "exited during project period")
add(M0, Y, MIA, "exit_work_or_studies_rate_goal", "all", 25, Q(1223, "Malet"), "goal: 25 % of participants start work or studies at exit")
add(M0, Y, MIA, "exit_work_or_studies_rate", "women", 19, Q(1224, "Resultatet"), "project period")
add(M0, Y, MIA, "exit_work_or_studies_rate", "men", 20, Q(1225, None, "mannen."), "project period")
add(M0, Y, MIA, "exit_employment_service_rate", "women", 34, Q(1226, "vidare till"),
    "work-preparatory programmes at Arbetsförmedlingen or municipality; women; project period", skip="mixed category: ordinary programmes at Arbetsförmedlingen OR municipality (= sum of two table rows mapped to exit_employment_service_rate and exit_other_intervention_rate)")
add(M0, Y, MIA, "exit_employment_service_rate", "men", 37, Q(1227, None, "mannen"),
    "work-preparatory programmes at Arbetsförmedlingen or municipality; men; project period", skip="mixed category: ordinary programmes at Arbetsförmedlingen OR municipality (= sum of two table rows mapped to exit_employment_service_rate and exit_other_intervention_rate)")
art = "table 'Deltagarnas avslutsorsaker' (Kvinnor, Män, Samtliga), hela MIA Vidare, project period; percent of exited"
for g, i in (("women", 0), ("men", 1), ("all", 2)):
    add(M0, Y, MIA, "exit_work_rate", g, [14, 16, 15][i], Q(1237), art)
    add(M0, Y, MIA, "exit_studies_rate", g, [5, 4, 5][i], Q(1238), art)
    add(M0, Y, MIA, "exit_other_rate", g, [7, 10, 8][i], Q(1243), art + "; reason Övrigt")
    add(M0, Y, MIA, "participants_exited", g, [751, 564, 1345][i], Q(1244), art + "; row 'Totalt antal'")
    add(M0, Y, MIA, "exit_other_intervention_rate", g, [16, 20, 17][i], Q(1239), art + "; row Deltar i ord. på kommunen (ordinary municipal programme)")
    add(M0, Y, MIA, "exit_employment_service_rate", g, [18, 17, 18][i], Q(1240), art + "; row Deltar i ord. på Arbetsförmedlingen (ordinary AF programme)")
    add(M0, Y, MIA, "exit_continued_rehab_rate", g, [29, 26, 28][i], Q(1241), art + "; row Fortsatt rehabilitering")
    add(M0, Y, MIA, "exit_illness_rate", g, [11, 8, 9][i], Q(1242), art + "; row Sjukdom")
gt = "goal table (Mål / Resultat), project period"
add(M0, Y, MIA, "participants_goal", "all", 1900, Q(1264, None, "1723 (91 %)"), gt + "; original participant goal")
add(M0, Y, MIA, "participants", "all", 1723, Q(1264, None, "1723 (91 %)"), gt)
add(M0, Y, MIA, "participants_goal", "all", 1771, Q(1264, "I december"),
    "conflict: participant goal revised in December 2021 from 1 900 to 1 771 (both stated; not an error)")
add(M0, Y, MIA, "participants", "women", 985, Q(1266, None, "(57 %)"), gt)
add(M0, Y, MIA, "participants_share", "women", 57, Q(1266, None, "(57 %)"), gt)
add(M0, Y, MIA, "participants", "men", 694, Q(1267), gt)
add(M0, Y, MIA, "participants_share", "men", 40, Q(1267), gt)
add(M0, Y, MIA, "exit_work_or_studies_rate_goal", "all", 25, Q(1268, None, "kvinnor"), gt)
add(M0, Y, MIA, "exit_work_or_studies_rate", "women", 19, Q(1268, None, "kvinnor"), gt)
add(M0, Y, MIA, "exit_work_or_studies_rate", "men", 20, Q(1269, None, "an"), gt)
add(M0, Y, MIA, "exit_employment_service_rate", "women", 34, Q(1271, None, "kvinnor"), gt + "; ordinary work-preparatory programmes (goal 30 %)", skip="mixed category: ordinary programmes at Arbetsförmedlingen OR municipality (= sum of two table rows mapped to exit_employment_service_rate and exit_other_intervention_rate)")
add(M0, Y, MIA, "exit_employment_service_rate", "men", 37, Q(1272, None, "37 % mén"), gt + "; ordinary work-preparatory programmes", skip="mixed category: ordinary programmes at Arbetsförmedlingen OR municipality (= sum of two table rows mapped to exit_employment_service_rate and exit_other_intervention_rate)")

# ---------------------------------------------------------------- MIA Vidare Östra Södertörn (local delprojekt)
add(Y, Y, MIAOS, "participants_new", "all", 81, Q(649))
add(Y, Y, MIAOS, "participants_new", "women", 50, Q(650, None, "27 man."))
add(Y, Y, MIAOS, "participants_new", "men", 27, Q(650, None, "27 man."))
add(Y, Y, MIAOS, "participants_exited", "all", 87, Q(650, "87"))
add(Y, Y, MIAOS, "exit_work_or_studies_rate", "all", 26, Q(650, "87"))
add(Y, Y, MIAOS, "exit_work_or_studies", "all", 23, Q(651, None, "(23 deltagare)"))
add(Y, Y, MIAOS, "exit_employment_service_rate", "all", 20, Q(651), "work-preparatory programmes at AF or municipality", skip="mixed category: ordinary programmes at Arbetsförmedlingen OR municipality (= sum of two table columns (9 + 9) mapped to exit_employment_service_rate and exit_other_intervention_rate)")
add(Y, Y, MIAOS, "exit_employment_service", "all", 18, Q(652), "work-preparatory programmes at AF or municipality", skip="mixed category: ordinary programmes at Arbetsförmedlingen OR municipality (= sum of two table columns (9 + 9) mapped to exit_employment_service_rate and exit_other_intervention_rate)")
add(M0, Y, MIAOS, "participants", "all", 305, Q(1288, "Delprojektets"), "whole project period (June 2020 - Dec 2022)")
add(M0, Y, MIAOS, "participants", "women", 178, Q(1288, "Delprojektets"), "whole project period")
add(M0, Y, MIAOS, "participants", "men", 114, Q(1288, "Delprojektets"), "whole project period")
add(M0, Y, MIAOS, "participants", "unknown", 13, Q(1288, "Delprojektets"), "whole project period; '13 har ej uppgett kön'")
add(M0, Y, MIAOS, "participants_exited", "all", 217, Q(1289), "whole project period")
add(Y, Y, MIAOS, "participants_new", "all", 81, Q(1293))
add(Y, Y, MIAOS, "participants_new", "women", 50, Q(1293))
add(Y, Y, MIAOS, "participants_new", "men", 27, Q(1293))
add(Y, Y, MIAOS, "participants_new", "unknown", 4, Q(1293), "'ej angett kön'")
add(Y, Y, MIAOS, "participants_new", "all", 81, Q(1300), "table 'Nya deltagare 2022 uppdelade på anvisande part', Totalt row, last number")
add(Y, Y, MIAOS, "participants_exited", "all", 87, Q(1301))
add(Y, Y, MIAOS, "exit_work_or_studies_rate", "all", 26, Q(1301))
add(Y, Y, MIAOS, "exit_work_or_studies", "all", 23, Q(1301))
add(Y, Y, MIAOS, "exit_employment_service_rate", "all", 20, Q(1301), "work-preparatory programmes at AF or municipality", skip="mixed category: ordinary programmes at Arbetsförmedlingen OR municipality (= sum of two table columns (9 + 9) mapped to exit_employment_service_rate and exit_other_intervention_rate)")
add(Y, Y, MIAOS, "exit_employment_service", "all", 18, Q(1302), "work-preparatory programmes at AF or municipality", skip="mixed category: ordinary programmes at Arbetsförmedlingen OR municipality (= sum of two table columns (9 + 9) mapped to exit_employment_service_rate and exit_other_intervention_rate)")
mxt = ("table 'Avslutade deltagare 2022 uppdelade på kommun och avslutsorsaker', Totalt row (cols Arbete, Studier, "
       "Arbetsinriktad rehab Af, Arbetsinriktad rehab Kommunen, Forts. rehab, Sjukdom, Övrigt, Totalt)")
q = Q(1312)
add(Y, Y, MIAOS, "exit_work", "all", 16, q, mxt + ": Arbete")
add(Y, Y, MIAOS, "exit_studies", "all", 7, q, mxt + ": Studier")
add(Y, Y, MIAOS, "exit_other", "all", 4, q, mxt + ": reason Övrigt")
add(Y, Y, MIAOS, "participants_exited", "all", 87, q, mxt + ": Totalt")
add(Y, Y, MIAOS, "exit_employment_service", "all", 9, q, mxt + ": Arbetsinriktad rehab Af (programme at Arbetsförmedlingen)")
add(Y, Y, MIAOS, "exit_other_intervention", "all", 9, q, mxt + ": Arbetsinriktad rehab Kommunen (municipal programme)")
add(Y, Y, MIAOS, "exit_continued_rehab", "all", 26, q, mxt + ": Forts. rehab")
add(Y, Y, MIAOS, "exit_illness", "all", 16, q, mxt + ": Sjukdom")
add(M0, Y, MIAOS, "exit_work_or_studies_rate_goal", "all", 25, Q(1317), "project goal (whole project period)")
add(M0, Y, MIAOS, "exit_work_or_studies_rate", "all", 22, Q(1323, "Resultatet"), "whole project period; percent of exited")
add(M0, Y, MIAOS, "exit_work_rate", "all", 15, Q(1323, "Resultatet"), "whole project period")
add(M0, Y, MIAOS, "exit_studies_rate", "all", 7, Q(1323, "Resultatet"), "whole project period ('7 procent till studier', continues on line 1324)")
add(M0, Y, MIAOS, "exit_work_or_studies_rate", "women", 19, Q(1324, "19 procent"), "whole project period")
add(M0, Y, MIAOS, "exit_work_or_studies_rate", "men", 26, Q(1324, "19 procent"), "whole project period")
add(M0, Y, MIAOS, "exit_work_or_studies_rate_goal", "all", 25, Q(1325), "project goal")
mpt = ("table 'Avslutsorsaker samtliga deltagare i MIA Vidare Östra Södertörn', Totalt row (cols Arbete, Studier, "
       "Arbetsinriktad rehab Af, Arbetsinriktad rehab Kommunen, Forts. rehab, Sjukdom, Övrigt); whole project period")
q = Q(1338)
add(M0, Y, MIAOS, "exit_work_rate", "all", 15, q, mpt + ": Arbete")
add(M0, Y, MIAOS, "exit_studies_rate", "all", 7, q, mpt + ": Studier")
add(M0, Y, MIAOS, "exit_other_rate", "all", 7, q, mpt + ": reason Övrigt")
add(M0, Y, MIAOS, "exit_employment_service_rate", "all", 13, q, mpt + ": Arbetsinriktad rehab Af (programme at Arbetsförmedlingen)")
add(M0, Y, MIAOS, "exit_other_intervention_rate", "all", 14, q, mpt + ": Arbetsinriktad rehab Kommunen (municipal programme)")
add(M0, Y, MIAOS, "exit_continued_rehab_rate", "all", 30, q, mpt + ": Forts. rehab")
add(M0, Y, MIAOS, "exit_illness_rate", "all", 15, q, mpt + ": Sjukdom")
add(M0, Y, MIAOS, "exit_employment_service_rate", "all", 27, Q(1340), "whole project period; ordinary programmes at AF or municipalities (goal 30 %)", skip="mixed category: ordinary programmes at Arbetsförmedlingen OR municipality (= sum of two table columns (13 + 14) mapped to exit_employment_service_rate and exit_other_intervention_rate)")

# ---------------------------------------------------------------- interventions
INTS = [
    # name, aliases, kind, target_group, first, last, note
    (RR, "Resursradet;Resursraden", "individual", "persons who need all parties' perspectives to find the next step towards work, studies or self-support (multi-agency team)", "", "", "myndighetsgemensamt team (AF, FK, region, municipalities)"),
    (UV, "Samverkansteam for unga vuxna;Samverkansteamen for unga vuxna;samverkansteamen for unga vuxna;teamen for unga vuxna;ungavuxna-teamen;unga vuxna-teamen", "individual", "young adults aged 16-24", "2010", "", "umbrella for Ungdomsteamet i Haninge, Ung i Tyresö and Ung i Nynäs; 'sedan 2010'"),
    (UNG_H, "Ungdomsteamet", "individual", "young adults aged 16-24 in Haninge", "", "", "part of Samverkansteam för unga vuxna"),
    (UNG_T, "Ung i Tyreso;Ung i Tyresd;Ung i Tyrest;ung i Tyreso;Ung 1 Tyreso", "individual", "young adults aged 16-24 in Tyresö", "", "", "part of Samverkansteam för unga vuxna"),
    (UNG_N, "Ung i Nynds;Ung i Nynas;Ung i Nynashamn;Ung 1 Nynés", "individual", "young adults aged 16-24 in Nynäshamn", "", "", "part of Samverkansteam för unga vuxna; budget line 'Ung i Nynashamn'"),
    (VUX_H, "Vuxteam Haninge;Vuxteamen i Haninge", "individual", "", "", "", "listed as 'Vuxteamen i Haninge och Tyresö kommuner'"),
    (VUX_T, "Vuxteam Tyreso;Vuxteamet i Tyreso;Vuxteamet Tyres6", "individual", "", "", "", "listed as 'Vuxteamen i Haninge och Tyresö kommuner'"),
    (MIA, "Det regionala MIA Vidare;MIA Vidare — ett regionalt projekt;det lansgemensamma MIA Vidare", "individual", "women and men far from the labour market needing coordinated support (Stockholm county, eight delprojekt)", "2020", "2022", "ESF project; Östra Södertörn is projektägare; started June 2020 as continuation of the earlier MIA project"),
    (MIAF, "MIA Vidare forlangning", "individual", "", "", "", "extension period of MIA Vidare, separate line in the budget table"),
    (MIAOS, "MIA Vidare Ostra Sédertorn;MIA Vidare Ostra Sédertdrn;MIA Vidare Ostra Sodertérn;MIA Vidare Ostra Sodertdrn;MIA Vidare Ostra S6dertorn;MIA Vidare Ostra Sodert6rn;MIA Ostra Sodertorn", "individual", "persons far from the labour market needing individually adapted coordinated support", "2020", "2022", "local delprojekt of MIA Vidare (June 2020 - 31 Dec 2022); ESF"),
    (SAM, "SamMA;SamMA-projektet", "individual", "persons aged 16-35 with disabilities needing reinforced coordinated support towards work or studies", "2020", "2022", "ESF; granted 2019, participants from 1 March 2020 to 31 October 2022"),
    (SAMF, "SamMA forlangning", "individual", "", "", "", "extension period of SamMA, separate line in the budget table"),
    (SAM_H, "SamMA-Haninge", "individual", "as SamMA-projektet (Haninge)", "2020", "2022", "local team of SamMA-projektet"),
    (SAM_T, "SamMA-Tyreso;SamMA-Tyresd;SamMA-Tyres6", "individual", "as SamMA-projektet (Tyresö)", "2020", "2022", "local team of SamMA-projektet"),
    (SAM_N, "SamMA-Nynas;SamMA-Nynés;SamMA-Nyn&s", "individual", "as SamMA-projektet (Nynäshamn)", "2020", "2022", "local team of SamMA-projektet"),
    ("NNS", "", "structural", "", "", "", "budget line 'NNS' (national association of coordination associations; the report also lists 'Tjänstepersonstöd till NNS' from August 2022)"),
    ("GDPR", "", "structural", "", "", "", "budget line"),
    ("Tjänstedesign", "Tjanstedesign", "structural", "", "", "", "budget line; not carried out in 2022 (utfall 0)"),
    ("Gemensamma aktiviteter med andra förbund", "Gemensamma aktiviteter med andra forb", "structural", "", "", "", "budget line; not carried out in 2022 (utfall 0)"),
    ("Informationsinsatser", "", "structural", "", "", "", "budget line"),
    ("Insatskatalogen", "", "structural", "", "", "", "budget line"),
    ("Verktyg (Insurvey)", "", "structural", "", "", "", "budget line"),
    ("Frukostmöten/seminarier", "Frukostmdoten/seminarier;Kunskaps- och frukostseminarier", "structural", "", "", "", "budget line"),
    ("Summa insatser", "Insatser", "individual", "", "", "", "aggregate: sum of all individual and structural interventions (budget table 'Summa insatser', Not 3 'Insatser')"),
    ("Individinsatser", "Individ insatser", "individual", "", "", "", "aggregate of individual interventions (Kostnadsfördelning)"),
    ("Strukturella insatser", "", "structural", "", "", "", "aggregate of structural interventions (Kostnadsfördelning)"),
    ("Administration", "", "administration", "", "", "", "Kostnadsfördelning: administration (kansli + styrelse excl. depreciation)"),
    ("Kansli", "", "administration", "", "", "", "budget line"),
    ("Styrelse", "", "administration", "", "", "", "budget line"),
    ("Kansli och styrelse", "Summa kansli och styrelse", "administration", "", "", "", "budget table subtotal"),
]

OBS = "source_id,association_id,period_start,period_end,intervention,metric,gender,value,unit,quote,note".split(",")
INT = "association_id,intervention,aliases,kind,target_group,first_year,last_year,note".split(",")
used = {r["intervention"] for r in rows} - {"ALL"}
names = [i[0] for i in INTS]
assert used <= set(names), used - set(names)
with open(OUT / "observations.csv", "w", encoding="utf-8", newline="") as f:
    w = csv.DictWriter(f, fieldnames=OBS)
    w.writeheader()
    w.writerows(rows)
# AMENDMENT 1: the former side file observations_extra_exit_other.csv is merged into observations.csv
(OUT / "observations_extra_exit_other.csv").unlink(missing_ok=True)
with open(OUT / "interventions.csv", "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f)
    w.writerow(INT)
    for n, a, k, t, fy_, ly, note in INTS:
        w.writerow([AID, n, a, k, t, fy_, ly, note])
print(len(rows), "rows,", len(skipped), "skipped rows (NOTES.md),", len(INTS), "interventions")
for r in skipped:
    print("  skipped:", r["period"], r["intervention"], r["metric"], r["gender"], r["value"], "|", r["quote"], "|", r["reason"])
