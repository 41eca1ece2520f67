#!/usr/bin/env python3
"""Build observations.csv / interventions.csv for uppsala-lan-2014.
Quotes are taken from the source by line number (whole line or a checked substring)."""
import csv
from pathlib import Path

SID, AID = "uppsala-lan-2014", "uppsala-lan"
SRC = Path(f"/work/shared/sources/{SID}.txt")
OUT = Path(__file__).parent
lines = SRC.read_text(encoding="utf-8").splitlines()


def L(n):
    """whole line n (1-based), verbatim"""
    s = lines[n - 1]
    assert s.strip(), n
    return s


def S(n, sub):
    """substring sub of the line near line n (n is an approximate line number; the match
    must be unique within +-3 lines); returns sub after asserting it is verbatim"""
    hits = [k for k in range(max(1, n - 3), min(len(lines), n + 3) + 1) if sub in lines[k - 1]]
    assert len(hits) == 1, (n, sub, hits)
    return sub


def FROM(n, start, end=None):
    """slice of line n from first occurrence of `start` up to and including `end` (or to line end)"""
    s = lines[n - 1]
    i = s.index(start)
    if end is None:
        return s[i:]
    j = s.index(end, i) + len(end)
    return s[i:j]


rows = []


def R(ps, pe, iv, metric, gender, value, quote, note=""):
    unit = {"cost": "sek", "budget": "sek", "revenue": "sek", "result": "sek", "equity": "sek",
            "revenue_members": "sek", "revenue_grants": "sek", "revenue_budget": "sek", "result_budget": "sek"}.get(metric)
    if unit is None:
        unit = "percent" if (metric.endswith("_rate") or metric.endswith("_share") or metric.endswith("_rate_goal")) else "persons"
    rows.append(dict(source_id=SID, association_id=AID, period_start=ps, period_end=pe, intervention=iv,
                     metric=metric, gender=gender, value=value, unit=unit, quote=quote, note=note))


# Rows deliberately dropped are only verified here with S(...) (no R call) and listed in NOTES.md under "skipped".

# ---------------------------------------------------------------- association-wide (ALL)
# participants 2014
R(2014, 2014, "ALL", "participants", "all", 454, S(132, "cirka 1 250 individer, 454 st som statistikförts med personuppgifter"),
  "participants registered with personal data in SUS")
R(2014, 2014, "ALL", "participants", "all", 454, S(385, "Under 2014 har insatser finansierade av förbundet stöttat 454 deltagare"))
# dropped (different population than the 454 registered with personal data; no metric for it):
S(132, "stöttat cirka 1 250 individer"); S(132, "800 st utan personuppgifter"); S(395, "Närmare 800 individer har, utöver ovan beskrivna deltagare")
R(2014, 2014, "ALL", "participants_share", "women", 53, S(387, "53 % kvinnor och 47 % män"), "of the 454 participants 2014")
R(2014, 2014, "ALL", "participants_share", "men", 47, S(387, "53 % kvinnor och 47 % män"), "of the 454 participants 2014")
R(2014, 2014, "ALL", "participants_share", "women", 53, S(253, "under 2014 är 56% yngre än 30 år, 41 % har haft offentlig försörjning i mer än 3 år och 53% är kvinnor"))
R(2014, 2014, "ALL", "participants_exited", "all", 277, S(393, "277 deltagare har registrerats ut från en insats under 2014"))
R(2014, 2014, "ALL", "exit_work_or_studies", "all", 88, S(393, "av dessa har 32 % (88 st) gått ut i arbete, studier eller eget företag"),
  "work, studies or own business")
R(2014, 2014, "ALL", "exit_work_or_studies", "all", 80, S(107, "över 80 personer har börjat arbeta, studera eller startat eget företag"),
  "rounding: approximate ('över 80') restatement of the exact 88 (line 393)")
for ln, q in ((133, "32 % av dem som avslutat en insats under 2014 har gått ut i arbete, studier eller eget företag (29 % av kvinnorna och 34 % av männen)"),
              (393, "av dessa har 32 % (88 st) gått ut i arbete, studier eller eget företag; 29 % av kvinnorna och 34 % av männen")):
    R(2014, 2014, "ALL", "exit_work_or_studies_rate", "all", 32, S(ln, q))
    R(2014, 2014, "ALL", "exit_work_or_studies_rate", "women", 29, S(ln, q))
    R(2014, 2014, "ALL", "exit_work_or_studies_rate", "men", 34, S(ln, q))
# five-year 2010-2014
R(2010, 2014, "ALL", "participants", "all", 1159, S(373, "Insatser finansierade av Samordningsförbundet har stöttat 1 159 deltagare under en femårsperiod, 2010-2014"),
  "registered with personal data in SUS")
# dropped: "drygt 1 500" (line 383) are persons registered without personal data, in addition to the 1 159
S(383, "ytterligare drygt 1 500 individer fått hjälp att hitta rätt stöd i samhället mellan åren 2010 och 2014")
R(2010, 2014, "ALL", "participants_share", "women", 55, S(375, "55 % kvinnor och 45 % män"), "of the 1 159 participants 2010-2014")
R(2010, 2014, "ALL", "participants_share", "men", 45, S(375, "55 % kvinnor och 45 % män"), "of the 1 159 participants 2010-2014")
q381 = S(381, "Av de 981 deltagare som avslutat en insats under perioden 2010-2014 har 34 % (340 st) gått ut i arbete, studier eller eget företag; 32 % av kvinnorna och 37 % av männen")
R(2010, 2014, "ALL", "participants_exited", "all", 981, q381)
R(2010, 2014, "ALL", "exit_work_or_studies", "all", 340, q381, "work, studies or own business")
R(2010, 2014, "ALL", "exit_work_or_studies_rate", "all", 34, q381,
  "conflict: 34 % does not match its counts in the same sentence: 340 of 981 = 34.7 %, which rounds to 35 % (minor; possibly truncated)")
R(2010, 2014, "ALL", "exit_work_or_studies_rate", "women", 32, q381)
R(2010, 2014, "ALL", "exit_work_or_studies_rate", "men", 37, q381)

# ---------------------------------------------------------------- income statement, equity, revenue
R(2014, 2014, "ALL", "revenue", "all", 22802353, L(1478), "income statement, Summa verksamhetens intäkter")
R(2013, 2013, "ALL", "revenue", "all", 22000000, L(1478), "income statement, Summa verksamhetens intäkter, 2013 column")
R(2014, 2014, "ALL", "cost", "all", 26372647, L(1486), "income statement, Summa verksamhetens kostnader")
R(2013, 2013, "ALL", "cost", "all", 22056790, L(1486), "income statement, Summa verksamhetens kostnader, 2013 column")
for ln, lab in ((1492, "Resultat efter finansiella poster"), (1493, "ÅRETS RESULTAT"), (1534, "cash-flow statement, Årets resultat")):
    R(2014, 2014, "ALL", "result", "all", -3566125, L(ln), lab)
    R(2013, 2013, "ALL", "result", "all", 290808, L(ln), lab + ", 2013 column")
R(2014, 2014, "ALL", "result", "all", -3566125, L(1519), "balance sheet, Periodens resultat")
R(2013, 2013, "ALL", "result", "all", 290808, L(1519), "balance sheet, Periodens resultat, 2013 column")
R(2013, 2013, "ALL", "result", "all", 290808, L(1518), "balance sheet 2014 column: Redovisat resultat fg år (= 2013 result)")
R(2012, 2012, "ALL", "result", "all", -3017043, L(1518), "balance sheet 2013 column: Redovisat resultat fg år (= 2012 result)")
R(2014, 2014, "ALL", "equity", "all", 13266391, L(1520), "Summa eget kapital 2014-12-31")
R(2013, 2013, "ALL", "equity", "all", 16832516, L(1520), "Summa eget kapital 2013-12-31")
# member contributions (medlemsavgifter / Tilldelning / medlemsintäkter) -> revenue_members (AMENDMENT 1)
R(2014, 2014, "ALL", "revenue_members", "all", 22000000, L(1477), "income statement, Rörelseintäkter (= Not 2 Summa medlemsavgifter)")
R(2013, 2013, "ALL", "revenue_members", "all", 22000000, L(1477), "income statement, Rörelseintäkter (= Not 2 Summa medlemsavgifter), 2013 column")
R(2014, 2014, "ALL", "revenue_members", "all", 22000000, L(1350),
  "Ekonomisk översikt (tkr), 'Intäkter' = member contributions (sidointäkter are netted into Samverkansinsatser, footnote line 1356)")
R(2013, 2013, "ALL", "revenue_members", "all", 22000000, L(1350), "Ekonomisk översikt (tkr), 'Intäkter', Utfall 2013 column")
R(2014, 2014, "ALL", "revenue_members", "all", 22000000, L(1579), "Not 2 Summa medlemsavgifter, Helår 2014")
R(2013, 2013, "ALL", "revenue_members", "all", 22000000, L(1579), "Not 2 Summa medlemsavgifter, Helår 2013")
R(2012, 2012, "ALL", "revenue_members", "all", 22000000, L(1579), "Not 2 Summa medlemsavgifter, Helår 2012")
R(2011, 2011, "ALL", "revenue_members", "all", 21000000, L(1579), "Not 2 Summa medlemsavgifter, Helår 2011")
# Not 2 Summa rörelseintäkter = total revenue for 2012 (no sidointäkter shown) and 2011 (incl. project funds)
R(2012, 2012, "ALL", "revenue", "all", 22000000, L(1582), "Not 2 Summa rörelseintäkter, Helår 2012 (sidointäkter not shown for 2012)")
R(2011, 2011, "ALL", "revenue", "all", 23415486, L(1582), "Not 2 Summa rörelseintäkter, Helår 2011, incl. Försäkringskassan project funds (Vitalis 2 304 666, UNP 110 820)")
R(2014, 2014, "ALL", "revenue_members", "all", 22000000, S(1454, "De totala medlemsavgifterna för 2014 är 22 000 tkr"))
# allocation table 2009-2014 (Tilldelning i tkr = member contributions)
for ln, y, v in ((1365, 2009, 24000000), (1366, 2010, 22000000), (1367, 2011, 21000000), (1368, 2012, 22000000),
                 (1369, 2013, 22000000), (1370, 2014, 22000000)):
    R(y, y, "ALL", "revenue_members", "all", v, L(ln), "Förbrukning i förhållande till medlemsintäkt table, Tilldelning i tkr (member contributions)")
R(2009, 2009, "ALL", "revenue_members", "all", 24000000, S(1458, "När förbundet startades var medlemsintäkterna 24 mkr på årsbasis"),
  "member contributions at start; year 2009 taken from the allocation table (line 1365)")
R(2011, 2011, "ALL", "revenue_members", "all", 21000000, S(1458, "De har successivt minskat till 21 mkr för att år 2012 åter öka till 22 mkr"),
  "year 2011 per allocation table (line 1367)")
R(2012, 2012, "ALL", "revenue_members", "all", 22000000, S(1458, "De har successivt minskat till 21 mkr för att år 2012 åter öka till 22 mkr"))
R(2015, 2015, "ALL", "revenue_budget", "all", 20200000,
  S(1458, "Inför 2015 har den statliga tilldelningen minskat som en följd av överskottet och total medlemsintäkt blir 20,2 mkr"),
  "budgeted income 2015: total member income as set before the year (section Budget 2014)")
# grants: ESF reimbursement of the EU-strateg costs (Not 1); the 632 720 from the other associations is cost sharing, not a grant
R(2014, 2014, "ALL", "revenue_grants", "all", 169633, L(1564), "Not 1 Sidointäkter: ESF grant via Regionförbundet (reimbursement of EU-strateg costs)")

# ---------------------------------------------------------------- aggregates and budget categories
SAM = "Samverkansinsatser"
R(2014, 2014, SAM, "cost", "all", 20440000, L(301), "budget follow-up table (tkr), SUMMA Förbrukning 2014")
R(2014, 2014, SAM, "budget", "all", 25241000, L(301), "budget follow-up table (tkr), SUMMA Budget 2014")
R(2014, 2014, SAM, "cost", "all", 20440000, L(1351), "Ekonomisk översikt (tkr), Utfall 2014")
R(2013, 2013, SAM, "cost", "all", 17141000, L(1351), "Ekonomisk översikt (tkr), Utfall 2013")
q = S(1374, "Samverkansprojekt och övriga insatser har under 2014 förbrukat 20 440 tkr, att jämföra med 17 141 tkr under 2013")
R(2014, 2014, SAM, "cost", "all", 20440000, q)
R(2013, 2013, SAM, "cost", "all", 17141000, q)
R(2014, 2014, SAM, "cost", "all", 20440000, L(1422), "table Samverkansinsatser (tkr), total 2014")
R(2013, 2013, SAM, "cost", "all", 17141000, L(1422), "table Samverkansinsatser (tkr), total 2013")
R(2014, 2014, SAM, "cost", "all", 20000000, S(107, "Under året har vi använt drygt 20 miljoner kronor till insatser"),
  "rounding: approximate ('drygt 20 miljoner') restatement of 20 440 tkr (line 1374)")
TID = "Tidiga och samordnade insatser med syfte att motverka behovet av omfattande rehabilitering"
SEN = "Sena och samordnade insatser som syftar till att rehabilitera individer som står långt ifrån arbetsmarknaden"
R(2014, 2014, TID, "cost", "all", 1391000, L(296), "budget follow-up table (tkr), Förbrukning 2014")
R(2014, 2014, TID, "budget", "all", 665000, L(296), "budget follow-up table (tkr), Budget 2014")
R(2014, 2014, SEN, "cost", "all", 18225000, L(297), "budget follow-up table (tkr), Förbrukning 2014")
R(2014, 2014, SEN, "budget", "all", 20951000, L(297), "budget follow-up table (tkr), Budget 2014")
R(2014, 2014, "Sociala företag", "budget", "all", 1000000, L(298), "budget follow-up table (tkr), Budget 2014")
R(2014, 2014, "Övriga utvecklingsinsatser", "cost", "all", 545000, L(299), "budget follow-up table (tkr), Förbrukning 2014")
R(2014, 2014, "Övriga utvecklingsinsatser", "budget", "all", 1228000, L(299), "budget follow-up table (tkr), Budget 2014")
R(2014, 2014, "Beslutsutrymme för samverkansinsatser", "budget", "all", 1397000, L(300),
  "budget follow-up table (tkr): budgeted but not allocated to categories")
EXT, OVS = "Externa projekt", "Övriga samverkansinsatser"
R(2014, 2014, EXT, "cost", "all", 19615497, L(1480), "income statement, Kostnader för externa projekt")
R(2013, 2013, EXT, "cost", "all", 15123612, L(1480), "income statement, Kostnader för externa projekt, 2013 column")
R(2014, 2014, EXT, "cost", "all", 19615497, L(1610), "Not 3 total")
R(2013, 2013, EXT, "cost", "all", 15123612, L(1610), "Not 3 total, 2013 column")
R(2014, 2014, OVS, "cost", "all", 382199, L(1481), "income statement, Kostnader för övriga samverkansinsatser")
R(2013, 2013, OVS, "cost", "all", 1669528, L(1481), "income statement, 2013 column")
R(2014, 2014, OVS, "cost", "all", 382199, L(1624), "Not 4 total")
R(2013, 2013, OVS, "cost", "all", 1669528, L(1624), "Not 4 total, 2013 column")

# administration
for ln, lab in ((1352, "Ekonomisk översikt (tkr)"),):
    R(2014, 2014, "Förtroendevalda", "cost", "all", 702000, L(ln), lab + ", Utfall 2014")
    R(2013, 2013, "Förtroendevalda", "cost", "all", 1038000, L(ln), lab + ", Utfall 2013")
    R(2014, 2014, "Förvaltning", "cost", "all", 4424000, L(1353), lab + ", Utfall 2014")
    R(2013, 2013, "Förvaltning", "cost", "all", 3531000, L(1353), lab + ", Utfall 2013")
q = S(1428, "Utgifterna för förtroendemannastyrningen uppgick till 702 tkr för 2014, vilket är lägre än 2013 (1 038 tkr) och jämfört med budget (1 480 tkr)")
R(2014, 2014, "Förtroendevalda", "cost", "all", 702000, q)
R(2013, 2013, "Förtroendevalda", "cost", "all", 1038000, q)
R(2014, 2014, "Förtroendevalda", "budget", "all", 1480000, q)
R(2014, 2014, "Förtroendevalda", "cost", "all", 702000, L(1435), "table Kostnad förtroendevalda och förvaltning, Förbrukning 2014")
R(2013, 2013, "Förtroendevalda", "cost", "all", 1038000, L(1435), "same table, Förbrukning 2013")
R(2014, 2014, "Förtroendevalda", "budget", "all", 1480000, L(1435), "same table, Budget 2014")
R(2014, 2014, "Förvaltning", "cost", "all", 4424000, L(1437), "table Kostnad förtroendevalda och förvaltning, Förbrukning 2014")
R(2013, 2013, "Förvaltning", "cost", "all", 3531000, L(1437), "same table, Förbrukning 2013")
R(2014, 2014, "Förvaltning", "budget", "all", 4260000, L(1437), "same table, Budget 2014")

# ---------------------------------------------------------------- intervention costs: Not 3 (kr, exact)
NOT3 = {  # cost-line label -> intervention
    "Hikikomori 2": "Hikikomori 2",
    "Hikikomori 140401-150930": "Hikikomori",
    "Tierpsmodellen 2": "Tierpsmodellen 2.0",
    "Tierpsmodellen 140901-141231": "Tierpsmodellen 140901-141231",
    "3.4.4 tom 131231": "3.4.4 tom 131231",
    "3.4.4 140101-151231": "3.4.4",
    "Växthuset 2": "Växthuset II",
    "Impl samv fd Växth": "Samordnad arbetslivsinriktad insats med behovsanpassat stöd, Älvkarleby kommun",
    "Sara förl 131130": "Sara förl 131130",
    "Sara förl 151130": "SARA",
    "United Action förl 130228": "United Action förl 130228",
    "United Action förl 130531": "United Action förl 130531",
    "United Action förl 141231": "United Action / UA 2.0",
    "Stig": "Stig",
    "Stig förl 141231": "Stig 2",
    "Grön rehab": "Grön Rehab",
    "Grön rehab förl 131215": "Grön rehab förl 131215",
    "Grön rehab förl 150131": "Grön rehab förl 150131",
    "Jobbstudion": "Jobbstudion",
    "Jobbstudion 140101-140630": "Jobbstudion 140101-140630",
    "Romane buca": "Romane Buca",
    "Athena": "Athena",
    "Enter": "ENTER",
    "Isamverkan 140101-141231": "ISAmverkan",
    "Impuls 140301-150228": "Impuls",
    "LÄS OCD kartl": "LÄS OCD kartl",
}


def parse_num(s):
    s = s.strip().replace(" ", "").replace("\u00a0", "")
    return None if s == "" else abs(int(s))


for n in range(1584, 1610):
    cells = lines[n - 1].split("\t")
    lab = cells[0]
    iv = NOT3[lab]
    v14, v13 = parse_num(cells[1]), parse_num(cells[2])
    nn = f"Not 3, cost line '{lab}'" if iv != lab else "Not 3"
    if v14 is not None:
        R(2014, 2014, iv, "cost", "all", v14, L(n), nn + ", 2014 column")
    if v13 is not None:
        R(2013, 2013, iv, "cost", "all", v13, L(n), nn + ", 2013 column")
# summary table (tkr): only cells without an exact Not 3/Not 4 counterpart
R(2014, 2014, "Jobbstudion", "cost", "all", 0, L(1400), "table Samverkansinsatser (tkr), 2014 column (Not 3 leaves this cell empty)")

# Not 4 (kr, exact)
NOT4 = {
    "Startbidrag till sociala företag": "Sociala företag",
    "Utvärdering övergripande förbundet": "Utvärdering förbundet",
    "Socioekonomiska bokslut": "Socioekonomiska bokslut",
    "KUR-projektet": "KUR-projektet",
    "Granskning uppdrag": "Granskning uppdrag",
    "Storytelling": "Storytelling",
    "Föreläsning, seminarier, FK mm": "Föreläs, seminarier, FK mm",
    "Projektledare utbildning": "Projektledare utbildning",
}
for n in range(1616, 1624):
    cells = lines[n - 1].split("\t")
    iv = NOT4[cells[0]]
    R(2014, 2014, iv, "cost", "all", parse_num(cells[1]), L(n), "Not 4, 2014 column")
    R(2013, 2013, iv, "cost", "all", parse_num(cells[2]), L(n), "Not 4, 2013 column")
# summary-table-only lines (tkr)
for n, iv in ((1412, "Ekonomi projektstöd"), (1413, "ESF-resurs"), (1420, "Hälsa i Uppland, statistik RF")):
    cells = lines[n - 1].split("\t")
    R(2014, 2014, iv, "cost", "all", parse_num(cells[1]) * 1000, L(n), "table Samverkansinsatser (tkr), 2014 column")
    R(2013, 2013, iv, "cost", "all", parse_num(cells[2]) * 1000, L(n), "table Samverkansinsatser (tkr), 2013 column")
# EU-strateg cost reimbursements (sidointäkter)
R(2014, 2014, "ESF-resurs", "revenue", "all", 802353, L(1566),
  "Not 1 Summa sidointäkter = cost reimbursements for the EU-strateg (ESF via Regionförbundet 169 633 + shared cost from 5 associations 632 720)")
R(2013, 2013, "ESF-resurs", "revenue", "all", 0, L(1566), "Not 1 Summa sidointäkter, 2013 column")
R(2014, 2014, "ESF-resurs", "revenue", "all", 802353, L(1476), "income statement, Sidointäkter (EU-strateg reimbursements, Not 1)")
R(2013, 2013, "ESF-resurs", "revenue", "all", 0, L(1476), "income statement, Sidointäkter, 2013 column")

# ---------------------------------------------------------------- structural activities (Främjande av samverkan)
R(2014, 2014, "Granskning uppdrag", "participants", "all", 60, S(315, "Totalt deltog ca 60 medarbetare från våra medlemmar"),
  "approximate (ca); staff of member organisations")
R(2014, 2014, "Mingelträffar KUR", "participants", "all", 15, S(321, "ca 15 chefer från parterna Försäkringskassan, Arbetsförmedlingen, Uppsala kommun och Landstinget (psykiatri) i januari deltagit i ett mingelmöte"),
  "approximate (ca); managers")
R(2014, 2014, "KUR-projektet", "participants", "all", 25, S(325, "Cirka 25 medarbetare deltog i utbildningsdagarna"),
  "approximate (cirka); section KUR 2014-2015, two training days in Tierp")
R(2014, 2014, "Spridningsseminarier", "participants", "all", 380, S(338, "Totalt har ovanstående seminarier lockat drygt 380 personer"),
  "approximate (drygt); attendees of six dissemination seminars")
R(2014, 2014, "Spridningsseminarier", "participants", "all", 380, S(135, "spridningsseminarier där drygt 380 deltagare har fått nya erfarenheter"),
  "approximate (drygt)")
R(2014, 2014, "Finsamkonferens Uppsala 2014", "participants", "all", 400, S(344, "Totalt deltog 400 personer från hela landet"), "conference attendees")
R(2014, 2014, "Finsamkonferens Uppsala 2014", "participants", "all", 400, S(265, "85 % av de 400 deltagarna var nöjda eller mycket nöjda med konferensen"), "conference attendees")

# ---------------------------------------------------------------- individual interventions
# SARA (lines 412-465)
R(2013, 2015, "SARA", "participants_exited_goal", "all", 50, S(429, "50 personer ska skrivas ut under perioden 131201-151130"),
  "goal: number of persons discharged (utskrivna) 131201-151130")
R(2013, 2015, "SARA", "exit_work_or_studies_rate_goal", "all", 35, S(430, "35 % av de utskrivna får en anställning, börjar studera eller startar eget företag."))
R(2013, 2014, "SARA", "participants_exited", "all", 33, S(435, "33 deltagare har skrivits ut sedan 131201."), "since 2013-12-01")
R(2009, 2014, "SARA", "participants_exited", "all", 131, S(435, "(Sedan start har 131 personer skrivits ut)"), "since project start 2009-12-01")
R(2013, 2014, "SARA", "exit_work_or_studies_rate", "all", 42, S(436, "42 % har skrivits ut till arbete, studier eller eget företag."),
  "outcome row for the 131201-151130 goal; work, studies or own business")
R(2013, 2014, "SARA", "exit_other_rate", "all", 3, L(441), "Bortfall (dropout); base and period not stated")

# United Action / UA 2.0 (lines 467-532)
UA = "United Action / UA 2.0"
R(2013, 2014, UA, "participants_goal", "all", 80, S(480, "Projektet ska under perioden 20130601—20141231 arbeta med minst 80 deltagare"))
R(2013, 2014, UA, "participants", "all", 103, S(480, "103 deltagare under projekt-tiden"))
R(2013, 2014, UA, "exit_work_or_studies_rate_goal", "all", 70, S(483, "minst 70% av målgruppen 20-64 år ha påbörjat arbete inom 90 dagar eller studier vid närmast påföljande termin"),
  "goal for age group 20-64, of those who completed")
R(2013, 2014, UA, "exit_work_or_studies_rate", "all", 73.9, S(483, "73,9%"),
  "conflict: 73,9% (age group 20-64) does not equal 51 of 77 exited (66%) stated in the same row; it matches 51/69, i.e. excluding the 8 dropouts aged 20-64 (line 493)")
R(2013, 2014, UA, "participants_exited", "all", 77, S(483, "77 personer har skrivits ut under projekt-tidens gång"),
  "stated in the row for the 20-64 age-group goal")
R(2013, 2014, UA, "exit_work_or_studies", "all", 51, S(483, "51 personer har gått till arbete eller studier under samma tid"),
  "stated in the row for the 20-64 age-group goal")
q = S(485, "Vi har jobbat med 27 ungdomar. 7 har börjat studera, 9 har börjat arbeta och två har flyttat.")
R(2013, 2014, UA, "exit_studies", "all", 7, q, "age group 16-19 only (27 youths)")
R(2013, 2014, UA, "exit_work", "all", 9, q, "age group 16-19 only (27 youths)")
R(2013, 2014, UA, "exit_studies_rate", "all", 26, S(485, "Vi bedömer att 26% av ungdomarna har börjat studera"), "age group 16-19 only; goal was 50%")
R(2013, 2014, UA, "exit_work_rate", "all", 33, S(485, "33% (9 st) av deltagarna från denna åldergrupp börjat arbeta"), "age group 16-19 only")
R(2013, 2014, UA, "exit_work", "all", 9, S(485, "33% (9 st) av deltagarna från denna åldergrupp börjat arbeta"), "age group 16-19 only")
# dropped (age group 16-19 only; would share the key of the 73,9 % for ages 20-64):
S(485, "totalt har 59% av gruppen 16-19 år kommit vidare mot arbetslivet"); S(487, "hänsyn till bortfallet (2 st) så blir utfallet 64%.")
R(2013, 2014, UA, "exit_other_rate", "all", 10, L(491), "Bortfall (dropout), whole project")
R(2013, 2014, UA, "exit_other", "all", 8, L(493), "Bortfall (dropout), age group 20-64 only (whole-project Bortfall is 10 %, line 491)")
# dropped: "2 st, 16-19 år" (line 495, the two youths who moved, line 485) - other age group, same key as the 8
L(495)

# Tierpsmodellen 2.0 (lines 536-589)
TM = "Tierpsmodellen 2.0"
R(2014, 2014, TM, "participants_goal", "all", 40, S(555, "Projektet har tillhandahållit upp till 40 deltagarplatser per år"), "participant places per year")
R(2012, 2014, TM, "exit_work_or_studies_rate_goal", "all", 50, S(557, "Minst 50% av deltagarna har efter avslut i projektet gått vidare till studier, anställning på hel- eller deltid eller start av egen verksamhet"))
R(2012, 2014, TM, "participants", "all", 80, S(561, "80 deltagare sedan augusti 2012 (56 % kvinnor)."), "since August 2012")
R(2012, 2014, TM, "participants_share", "women", 56, S(561, "80 deltagare sedan augusti 2012 (56 % kvinnor)."))
# dropped: the parts of the Bortfall, 6 moved + 1 ended at own request (line 563); both are exit_other, the total 7 is kept
S(563, "6 personer har flyttat till annan kommun"); S(563, "1 person har avbrutit sitt deltagande på egen begäran")
R(2012, 2014, TM, "exit_other", "all", 7, L(569), "Bortfall (dropout): 6 moved to another municipality + 1 ended at own request (line 563)")
R(2012, 2014, TM, "exit_work_or_studies_rate", "all", 27, S(565, "27 % av deltagarna gick vidare till studier eller anställning eller start av egen verksamhet."),
  "percent of participants")
R(2012, 2014, TM, "exit_other_intervention_rate", "all", 25, S(565, "25 % av deltagarna fortsatte in i den nya permanentade verksamheten."),
  "continued into the new permanent municipal activity (arbetsmarknadsenhet, line 366); percent of participants")

# Stig 2 (lines 593-643)
R(2013, 2014, "Stig 2", "participants_goal", "all", 60, S(605, "Målet är att ha haft 60 inskrivna deltagare"))
R(2013, 2014, "Stig 2", "exit_work_or_studies_rate_goal", "all", 50, S(607, "Minst 50% av deltagarna har efter avslut i projektet gått vidare till studier, anställning på hel- eller deltid eller start av egen verksamhet"))
R(2013, 2014, "Stig 2", "participants", "all", 48, S(612, "Totalt 48 personer har varit inskrivna varav 17 st kvinnor"))
R(2013, 2014, "Stig 2", "participants", "women", 17, S(612, "Totalt 48 personer har varit inskrivna varav 17 st kvinnor"))
R(2013, 2014, "Stig 2", "exit_work_or_studies", "all", 11, S(614, "11 st arbetar eller studerar 31/12-14"), "working or studying at 2014-12-31")
R(2013, 2014, "Stig 2", "exit_other", "all", 4, S(619, "Bortfall: 4 st"), "Bortfall (dropout)")
R(2013, 2014, "Stig 2", "exit_illness_rate", "all", 20, S(624, "20% av deltagarna har gått till Aktivitetsersättning/sjukskrivning/sjukbidrag"),
  "went to activity compensation / sick leave / sickness benefit; percent of participants")

# Jobbstudion (lines 645-702)
R(2011, 2013, "Jobbstudion", "participants_goal", "all", 50, S(658, "Målsättningen är att projektet skall omfatta 50 personer under två år."), "original project 2011-12-01 - 2013-12-31")
R(2014, 2014, "Jobbstudion", "participants_new_goal", "all", 13, S(658, "Förlängningen på 6 månader motsvarar ca 13 ytterligare deltagare"),
  "approximate (ca); additional (new) participants in the 6-month extension 2014-01-01 - 2014-06-30")
R(2011, 2014, "Jobbstudion", "participants_goal", "all", 63, S(658, "totalt 63 personer"), "original project plus extension")
R(2011, 2014, "Jobbstudion", "exit_work_or_studies_rate_goal", "all", 60, S(662, "Minst 60% av dessa 90% går vidare till arbete eller studier senast 3 månader efter avslutat projekt."),
  "60% of the 90% who complete the project")
R(2011, 2014, "Jobbstudion", "participants", "all", 64, S(668, "64 deltagare (36% kvinnor)"))
R(2011, 2014, "Jobbstudion", "participants_share", "women", 36, S(668, "64 deltagare (36% kvinnor)"))
R(2011, 2014, "Jobbstudion", "exit_work_or_studies_rate", "all", 70, S(672, "70%, 45 st, vid projektavslut, dvs ej 3 mån efter avslut."), "at project end, not 3 months after")
R(2011, 2014, "Jobbstudion", "exit_work_or_studies", "all", 45, S(672, "70%, 45 st, vid projektavslut, dvs ej 3 mån efter avslut."), "at project end, not 3 months after")
R(2011, 2014, "Jobbstudion", "exit_other_rate", "all", 2, L(682), "Bortfall (dropout)")

# ENTER (lines 704-774)
R(2013, 2015, "ENTER", "participants_new_goal", "all", 80, S(724, "Minst 80 personer ska påbörja steg 2 under perioden 1/11 2013 till 31/8 2015"), "goal: persons starting step 2")
R(2013, 2015, "ENTER", "exit_work_or_studies_rate_goal", "all", 40, L(726),
  "of those completing step 3; includes going on to vocational rehabilitation via Arbetsförmedlingen")
R(2013, 2014, "ENTER", "participants", "all", 59, S(736, "Steg 1-2: 59 personer"), "persons in steps 1-2 (outcome for the step-2 goal)")
R(2013, 2014, "ENTER", "participants", "all", 59, S(742, "59 personer 150114"), "as of 2015-01-14")
R(2013, 2014, "ENTER", "exit_other_rate", "all", 7, S(750, "Bortfall: ca 7 %"), "approximate (ca); Bortfall (dropout)")

# Växthuset II (lines 778-852)
VH = "Växthuset II"
R(2012, 2014, VH, "exit_work_or_studies_rate_goal", "all", 35, S(792, "Minst 35% av deltagarna har gått till anställning/ eget företag eller utbildning."))
R(2012, 2014, VH, "exit_work_or_studies", "all", 25, S(802, "25 st, dvs 43%"), "employment/own business or education")
R(2012, 2014, VH, "exit_work_or_studies_rate", "all", 43, S(802, "25 st, dvs 43%"), "percent of participants (25 of 58)")
q = S(822, "Totalt har 58 personer deltagit, fördelat på 20 kvinnor och 38 män")
R(2012, 2014, VH, "participants", "all", 58, q)
R(2012, 2014, VH, "participants", "women", 20, q)
R(2012, 2014, VH, "participants", "men", 38, q)
R(2012, 2014, VH, "exit_other", "all", 8, S(826, "Bortfall: 8 personer, 14%"), "Bortfall (dropout)")
R(2012, 2014, VH, "exit_other_rate", "all", 14, S(826, "Bortfall: 8 personer, 14%"), "Bortfall (dropout)")

# Samordnad arbetslivsinriktad insats ... Älvkarleby (lines 854-901)
IMP = "Samordnad arbetslivsinriktad insats med behovsanpassat stöd, Älvkarleby kommun"
R(2014, 2016, IMP, "participants_goal", "all", 70, S(870, "per den 31 december 2016 har minst 70 individer av målgruppen tagit del av Samordnad arbetslivsinriktad insats med behovsanpassat stöd"))
R(2014, 2016, IMP, "exit_work_or_studies_rate_goal", "all", 35, S(872, "Av dessa har minst 35 % gått vidare till arbete/studier under minst fyra månader vid mätning 10 månader efter start i insatsen."))
q = S(876, "Per den 2015-01-23 deltar 26 personer, fördelat på 14 män och 12 kvinnor.")
R(2014, 2015, IMP, "participants", "all", 26, q, "snapshot per 2015-01-23 (activity started 2014-09-01)")
R(2014, 2015, IMP, "participants", "men", 14, q, "snapshot per 2015-01-23")
R(2014, 2015, IMP, "participants", "women", 12, q, "snapshot per 2015-01-23")
R(2014, 2015, IMP, "exit_other_rate", "all", 10, L(880), "Bortfall (dropout); base not stated")

# ISAmverkan (lines 903-968)
ISA = "ISAmverkan"
R(2013, 2014, ISA, "participants_goal", "all", 50, S(915, "50 personer skall under projekttiden* ha erhållit stöd enligt IPS-metoden"),
  "project period of 2 years, started early 2013 (footnote line 968)")
R(2013, 2014, ISA, "exit_work_or_studies_rate_goal", "all", 30, S(917, "30 % av de som fullföljer projektet skall vid projektets avslut ha kommit ut i arbete alternativt påbörjat kompetenshöjande studier"))
R(2013, 2014, ISA, "participants", "all", 43, S(929, "43 personer har skrivits in i projektet sedan projektstarten"), "enrolled since project start (early 2013)")
R(2013, 2014, ISA, "exit_work_or_studies_rate", "all", 30, S(931, "30 % arbetar eller studerar"), "base not stated (participants working or studying)")
R(2013, 2014, ISA, "participants_exited", "all", 5, S(943, "5 deltagare har avslutat sin medverkan"))

# Hikikomori (lines 972-1039)
R(2014, 2014, "Hikikomori", "exit_other", "all", 8, S(1004, "Bortfall: 8 av 30 (27%)"), "Bortfall (dropout); period not stated")
R(2014, 2014, "Hikikomori", "exit_other_rate", "all", 27, S(1004, "Bortfall: 8 av 30 (27%)"), "Bortfall (dropout); period not stated")
R(2014, 2014, "Hikikomori", "participants", "all", 30, S(1004, "Bortfall: 8 av 30 (27%)"),
  "denominator of the dropout figure, read as number of participants; period not stated")

# 3.4.4 (lines 1043-1095)
R(2014, 2015, "3.4.4", "participants_goal", "all", 240, S(1055, "Ca 240 unika personer beräknas ha fått stöd under den period projektet pågår."),
  "approximate (ca); unique persons over 2014-2015 (60 simultaneous contact-person places)")
q = S(1063, "Under 2014 har projektet arbetat med 89 unika personer.")
R(2014, 2014, "3.4.4", "participants", "all", 89, q)
R(2014, 2014, "3.4.4", "unique_individuals", "all", 89, q)
R(2014, 2014, "3.4.4", "participants_new", "all", 65, S(1063, "65 nya personer har tillkommit under året."))
# dropped: "Den 31/12 2014 är 56 deltagare aktuella" - year-end snapshot, not the 89 persons during 2014
S(1063, "Den 31/12 2014 är 56 deltagare aktuella.")

# Grön Rehab (lines 1097-1179)
GR = "Grön Rehab"
R(2014, 2014, GR, "participants_goal", "all", 100, S(1118, "Projektet har tillhandahållit upp till 100 deltagarplatser per år"), "participant places per year")
R(2011, 2015, GR, "exit_work_or_studies_rate_goal", "all", 50, S(1122, "Minst 50% av deltagarna har ett år efter avslut i projektet gått vidare till studier, anställning eller start av egen verksamhet"),
  "one year after ending")
R(2011, 2015, GR, "participants", "all", 239, S(1126, "239 deltagare (sep 2011 – jan 2015, 75% kvinnor)"))
R(2011, 2015, GR, "participants_share", "women", 75, S(1126, "239 deltagare (sep 2011 – jan 2015, 75% kvinnor)"))
R(2011, 2015, GR, "participants_new", "all", 239, S(1142, "slutligen påbörjade 239 personer projektet"), "of 819 offered and 301 who accepted")
R(2011, 2015, GR, "exit_continued_rehab", "all", 192, S(1128, "80% eller 192 personer (sep 2011 –jan 2015)"),
  "went on to vocational rehabilitation (arbetslivsriktad rehabilitering; goal 70%, line 1120)")
R(2011, 2015, GR, "exit_continued_rehab_rate", "all", 80, S(1128, "80% eller 192 personer (sep 2011 –jan 2015)"),
  "went on to vocational rehabilitation (arbetslivsriktad rehabilitering; goal 70%, line 1120)")
R(2011, 2013, GR, "followup_work_or_studies_rate", "all", 22, S(1130, "22% eller 29 av målet 55 personer (sep 2011 – nov 2013"),
  "12 months after ending (studies, employment or own business); 55 = goal number of persons")
R(2011, 2013, GR, "exit_work_or_studies", "all", 29, S(1130, "22% eller 29 av målet 55 personer (sep 2011 – nov 2013"),
  "status 12 months after ending (follow-up count; no follow-up count metric); studies, employment or own business")
R(2011, 2015, GR, "exit_other", "all", 47, S(1134, "Bortfall: 20% eller 47 personer (sep 2011 – jan 2015)"), "Bortfall (dropout)")
R(2011, 2015, GR, "exit_other_rate", "all", 20, S(1134, "Bortfall: 20% eller 47 personer (sep 2011 – jan 2015)"), "Bortfall (dropout)")
R(2011, 2013, GR, "exit_continued_rehab", "all", 62, S(1138, "Fortsatt arbetslivsriktad rehabilitering ett år efter projektavslut: 48% eller 62 personer (sep 2011 – nov 2013)"),
  "status 12 months after ending (follow-up): in continued vocational rehabilitation")
R(2011, 2013, GR, "exit_continued_rehab_rate", "all", 48, S(1138, "Fortsatt arbetslivsriktad rehabilitering ett år efter projektavslut: 48% eller 62 personer (sep 2011 – nov 2013)"),
  "status 12 months after ending (follow-up): in continued vocational rehabilitation")

# Romane Buca (lines 1224-1266)
q = S(1250, "25 deltagare har gått ut i praktik, studier eller någon form av anställning, 60 % kvinnor och 40 % män")
R(2011, 2014, "Romane Buca", "exit_work_or_studies", "all", 25, q, "internship (praktik), studies or some form of employment")
R(2011, 2014, "Romane Buca", "participants_share", "women", 60, q, "share among the 25 who went to internship/studies/employment")
R(2011, 2014, "Romane Buca", "participants_share", "men", 40, q, "share among the 25 who went to internship/studies/employment")

# Athena (lines 1268-1311)
R(2012, 2014, "Athena", "participants_goal", "all", 90, S(1281, "- 90 deltagare ska ha genomgått projektet vid projektavslut"))
R(2012, 2014, "Athena", "participants", "all", 91, S(1281, "91 deltagare"))
R(2012, 2014, "Athena", "exit_work_or_studies_rate_goal", "all", 40, S(1286, "40% av deltagarna ska komma ut i egen försörjning genom arbete eller studier."))
R(2012, 2014, "Athena", "exit_work_rate", "all", 46, S(1286, "46% hade någon form av anställning"), "percent of participants with some form of employment")

# ---------------------------------------------------------------- write
OBS = "source_id,association_id,period_start,period_end,intervention,metric,gender,value,unit,quote,note".split(",")
with open(OUT / "observations.csv", "w", encoding="utf-8", newline="") as f:
    w = csv.DictWriter(f, OBS)
    w.writeheader()
    for r in rows:
        w.writerow(r)

I = lambda *a: dict(zip("association_id,intervention,aliases,kind,target_group,first_year,last_year,note".split(","), (AID,) + a))
INTS = [
    I("SARA", "Sara förl 151130;Projekt SARA", "individual", "people aged 20-55 in Enköping/Håbo with complex problems needing coordinated rehabilitation", 2009, 2015,
      "cost line 'Sara förl 151130' (current period 131201-151130); original project 091201-121130"),
    I("Sara förl 131130", "", "individual", "", 2012, 2013, "cost line of the SARA extension year 121201-131130"),
    I("United Action / UA 2.0", "United Action;UA 2.0;United Action förl 141231", "individual", "unemployed people aged 16-64 in Östhammar at risk of long-term exclusion", 2010, 2014,
      "cost line 'United Action förl 141231' (period 2013-06-01 - 2014-12-31); mainly financed by Arbetsförmedlingen project funds"),
    I("United Action förl 130228", "", "individual", "", 2012, 2013, "cost line of United Action extension 2012-09-01 - 2013-02-28"),
    I("United Action förl 130531", "", "individual", "", 2013, 2013, "cost line of United Action extension (insatsperiod line 528: 2013-03-01 - 2013-05-01; label says 130531)"),
    I("Tierpsmodellen 2.0", "Tierpsmodellen;Tierpsmodellen 2", "individual", "unemployed young adults aged 18-35 in Tierp", 2010, 2014,
      "cost line 'Tierpsmodellen 2'; insatsperiod augusti 2010 - december 2014, participants counted since August 2012"),
    I("Tierpsmodellen 140901-141231", "", "individual", "", 2014, 2014, "cost line of the Tierpsmodellen extension 2014-09-01 - 2014-12-31"),
    I("Stig 2", "Stig förl 141231;Stig i Heby", "individual", "people aged 18-55 in Heby at risk of long-term exclusion", 2013, 2014,
      "cost line 'Stig förl 141231'; implemented from 2015-01-01"),
    I("Stig", "", "individual", "", 2011, 2012, "original project Stig (januari 2011 - december 2012); cost line 'Stig'"),
    I("Jobbstudion", "", "individual", "young people aged 18-30 in Knivsta outside work and education", 2011, 2014,
      "original project 2011-12-01 - 2013-12-31 (cost line 'Jobbstudion'); extension to 2014-06-30 has its own cost line"),
    I("Jobbstudion 140101-140630", "", "individual", "", 2014, 2014, "cost line of the Jobbstudion extension 2014-01-01 - 2014-06-30"),
    I("ENTER", "Enter", "individual", "young adults aged 19-29 with activity compensation (aktivitetsersättning)", 2013, 2015, ""),
    I("Växthuset II", "Växthuset 2;VÄXTHUSET II", "individual", "people aged 16-40 in Älvkarleby with benefit dependence or ill health", 2012, 2014,
      "Projekt Växthuset II 2012-08-01 - 2014-08-31; original Projekt Växthuset 2010-01-01 - 2012-07-31"),
    I(IMP, "Impl samv fd Växth;Implementerad samverkan Älvkarleby kommun (fd Växthuset);Implementerad samverkan Älvkarleby", "individual",
      "residents of Älvkarleby from age 16 needing coordinated vocational rehabilitation", 2014, 2016, "implementation of Växthuset from 2014-09-01, co-financed"),
    I(ISA, "ISamverkan;Isamverkan 140101-141231;IPS-arbetscoacher", "individual",
      "people aged 18-65 in Uppsala with psychiatric and/or neuropsychiatric disability (IPS method)", 2013, 2014,
      "started 2013 financed by Socialstyrelsen; financed by the association in 2014; co-financed 2015-2016 (IPS-arbetscoacher)"),
    I("Hikikomori", "Hikikomori 140401-150930", "individual", "isolated adults from 18 in Uppsala avoiding contact with authorities", 2010, 2015,
      "cost line 'Hikikomori 140401-150930' (current period april 2014 - september 2015)"),
    I("Hikikomori 2", "", "individual", "", 2012, 2014, "cost line of Hikikomori period april 2012 - mars 2014"),
    I("3.4.4", "3.4.4 140101-151231", "individual", "people in Uppsala and Heby needing a contact person to get into coordinated vocational rehabilitation", 2009, 2015,
      "cost line '3.4.4 140101-151231'; project since 2009, individual support since 2010"),
    I("3.4.4 tom 131231", "", "individual", "", "", 2013, "cost line of 3.4.4 up to 2013-12-31"),
    I("Grön Rehab", "Grön rehab", "individual", "people on sickness insurance with mental ill health or pain, far from the labour market", 2011, 2015,
      "original period 110901-130901 = cost line 'Grön rehab'; extensions have their own cost lines"),
    I("Grön rehab förl 131215", "", "individual", "", 2013, 2013, "cost line of Grön Rehab extension 130902-131215"),
    I("Grön rehab förl 150131", "", "individual", "", 2013, 2015, "cost line of Grön Rehab extension 131216-150130"),
    I("Impuls", "Impuls 140301-150228", "individual", "people on sick leave receiving social assistance (no sickness-benefit qualifying income)", 2014, 2015, ""),
    I("Romane Buca", "Romane buca", "individual", "Roma people aged 16-65 without own income", 2011, 2014, "ESF project; the association financed the project manager"),
    I("Athena", "", "individual", "long-term unemployed women, especially of foreign background", 2012, 2014, "ESF project; the association co-financed"),
    I("LÄS OCD kartl", "", "individual", "", 2014, "",
      "cost line only; probably the mapping project 'Livet är skönt' (LÄS) for young people with BDD/OCD (line 364) - not confirmed by the report"),
    I("Sociala företag", "Startbidrag till sociala företag", "structural", "work-integrating social enterprises (start grants)", "", "", ""),
    I("Ekonomi projektstöd", "", "structural", "", "", "", "Övriga utvecklingsinsatser"),
    I("ESF-resurs", "ESF;EU-strateg", "structural", "", 2013, "", "shared ESF resource (EU-strateg) with four other associations; Övriga utvecklingsinsatser"),
    I("Utvärdering förbundet", "Utvärdering övergripande förbundet;Utvärdering av förbundet", "structural", "", "", "", "evaluation of the whole association (Sweco/Pay-Off)"),
    I("Socioekonomiska bokslut", "", "structural", "", "", "", ""),
    I("Föreläs, seminarier, FK mm", "Föreläsning, seminarier, FK mm", "structural", "", "", "", ""),
    I("KUR-projektet", "KUR 2014-2015;KUR", "structural", "staff of member organisations (knowledge on rehabilitation for people with mental ill health)", "", "",
      "participants row from section 'KUR 2014-2015'"),
    I("Mingelträffar KUR", "", "structural", "managers of member organisations", "", "", "follow-up of the 2012 KUR project"),
    I("Granskning uppdrag", "Granskning Uppdrag", "structural", "staff of member organisations", "", "", ""),
    I("Storytelling", "", "structural", "", "", "", ""),
    I("Hälsa i Uppland, statistik RF", "", "structural", "", "", "", ""),
    I("Projektledare utbildning", "", "structural", "", "", "", ""),
    I("Spridningsseminarier", "", "structural", "", "", "", "dissemination seminars held by six interventions in 2014"),
    I("Finsamkonferens Uppsala 2014", "Finsam-konferensen", "structural", "", 2014, 2014, "national Finsam conference co-arranged in Uppsala 1-2 April 2014"),
    I(SAM, "Samverkansinsatser totalt", "structural", "", "", "",
      "aggregate of all joint interventions (individual and structural), incl. EU-strateg reimbursements netted; not a single intervention"),
    I(EXT, "Kostnader för externa projekt", "individual", "", "", "", "aggregate: income-statement line / Not 3 total of all external projects"),
    I(OVS, "Kostnader för övriga samverkansinsatser", "structural", "", "", "", "aggregate: income-statement line / Not 4 total"),
    I(TID, "", "individual", "", "", "", "budget category (aggregate) in the 2014 budget follow-up table"),
    I(SEN, "", "individual", "", "", "", "budget category (aggregate) in the 2014 budget follow-up table"),
    I("Övriga utvecklingsinsatser", "", "structural", "", "", "", "budget category (aggregate)"),
    I("Beslutsutrymme för samverkansinsatser", "", "structural", "", "", "", "budget reserve not allocated to categories"),
    I("Förtroendevalda", "förtroendemannastyrningen", "administration", "", "", "", "board / elected representatives"),
    I("Förvaltning", "Kansliet", "administration", "", "", "", "the association's office"),
]
with open(OUT / "interventions.csv", "w", encoding="utf-8", newline="") as f:
    w = csv.DictWriter(f, "association_id,intervention,aliases,kind,target_group,first_year,last_year,note".split(","))
    w.writeheader()
    for i in INTS:
        w.writerow(i)
print(len(rows), "rows,", len(INTS), "interventions")
used = {r["intervention"] for r in rows} - {"ALL"}
print("interventions without rows:", sorted({i["intervention"] for i in INTS} - used))
print("rows with unknown intervention:", sorted(used - {i["intervention"] for i in INTS}))
