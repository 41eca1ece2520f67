#!/usr/bin/env python3
"""Build observations.csv / interventions.csv for bhs-2018.

Every quote is taken programmatically from the source line (whole stripped line by
default, or a substring that is asserted to exist in that line), so OCR characters are
kept byte-exact.
"""
import csv
from pathlib import Path

SID = "bhs-2018"
AID = "bhs"
SRC = Path(f"/work/shared/sources/{SID}.txt")
OUT = Path(__file__).parent
LINES = SRC.read_text(encoding="utf-8").splitlines()

UNITS = {
    "participants": "persons", "participants_new": "persons", "participants_exited": "persons",
    "unique_individuals": "persons", "exit_work": "persons", "exit_studies": "persons",
    "exit_work_or_studies": "persons", "exit_jobseeking": "persons", "exit_other": "persons",
    "participants_share": "percent", "exit_work_or_studies_rate": "percent", "exit_work_rate": "percent",
    "exit_studies_rate": "percent", "exit_jobseeking_rate": "percent", "exit_other_rate": "percent",
    "participants_goal": "persons", "exit_work_or_studies_rate_goal": "percent",
    "cost": "sek", "budget": "sek", "revenue": "sek", "result": "sek", "equity": "sek",
    # AMENDMENT 1 metrics (formerly proposed in NOTES.md)
    "participants_new_goal": "persons", "revenue_members": "sek", "revenue_budget": "sek", "revenue_grants": "sek",
    "followup_work_rate": "percent", "followup_work_or_studies_rate": "percent",
    "exit_employment_service": "persons", "exit_employment_service_rate": "percent",
    "exit_other_intervention": "persons", "exit_other_intervention_rate": "percent",
}
PROPOSED = set()  # all formerly proposed metrics are in AMENDMENT 1

rows = []


def q(line_no, expect=None, sub=None):
    """Return quote from 1-based line number. `expect` must occur in the line (guard);
    `sub` (if given) is the exact substring used as quote."""
    line = LINES[line_no - 1]
    if expect is not None:
        assert expect in line, (line_no, expect, line)
    if sub is not None:
        assert sub in line, (line_no, sub, line)
        return sub
    return line.strip()


def add(line_no, expect, intervention, metric, gender, value, period=2018, note="", period_end=None, sub=None):
    quote = q(line_no, expect, sub)
    ps = period
    pe = period_end if period_end is not None else period
    rows.append(dict(source_id=SID, association_id=AID, period_start=ps, period_end=pe,
                     intervention=intervention, metric=metric, gender=gender, value=value,
                     unit=UNITS[metric], quote=quote, note=note, _line=line_no))


def tkr(x):
    return int(round(x * 1000))


def mkr(x):
    return int(round(x * 1_000_000))


# ---------------------------------------------------------------- names
HUVAS = "HUVAS"
HALSO = "HälsoSam"
LYRA = "Lyra"
MIA = "MIA-projektet"
START = "START"
UPIS = "Ungdomsprojektet i Salem"
SLUSSEN = "Slussen"
MOJL = "Möjliggörarna"
SLHU = "Slussen/HUVAS"
AGG_WORK = "Arbetslivsinriktade insatser (totalt)"
AGG_IND = "Individinriktade insatser (totalt)"
AGG_STR = "Strukturinriktade insatser (totalt)"
AGG_SAMV = "Samverkansinsatser (totalt)"
ASF = "ASF-strateg"
KATALOG = "Insatskatalogen"
KOMP = "Kompetensinsatser"
IPS = "IPS-metodstöd"
NYA = "Nya insatser"
PROC = "Processtöd"
UTV = "Utvärdering"
FRUKOST = "Frukostseminarier"
ADM = "Administration"
LOKAL = "Lokal"
KANSLI = "Kansli"
KOMM = "Kommunikation/information"
REV = "Revision"
STYR = "Styrelse"
OVR = "Övrigt (administration)"

ROUND = "rounding: "  # AMENDMENT 1: less precise restatement of a more precise figure of the same fact
APPROX = "rounding: approximate figure — "

# ================================================================ ALL: participants
add(12, "37 procent arbete", "ALL", "exit_work_or_studies_rate", "all", 37,
    note="chairman's foreword: share of exited participants who got work or started studies")
add(45, "drygt 600 personer", "ALL", "unique_individuals", "all", 600,
    note=APPROX + "'drygt 600' persons reached by individual interventions; exact 601 at line 494")
add(46, "fick 37 %", "ALL", "exit_work_or_studies_rate", "all", 37,
    note="of those who exited a work-oriented rehabilitation intervention")
add(341, "651 deltagare", "ALL", "participants", "all", 651, sub="Totalt hade insatserna 651 deltagare under ar 2018")
add(341, "760", "ALL", "participants", "all", 760, period=2017, sub="(ar 2017 var antalet deltagare 760)")
add(341, "varav 368", "ALL", "participants", "women", 368,
    sub="varav 368", note="continues on line 342: '368 kvinnor (57 %)'")
add(342, "kvinnor (57 %)", "ALL", "participants_share", "women", 57, sub="kvinnor (57 %) och 270 méan (42 %)2")
add(342, "270 méan", "ALL", "participants", "men", 270, sub="kvinnor (57 %) och 270 méan (42 %)2",
    note="trailing '2' is a footnote marker")
add(342, "(42 %)", "ALL", "participants_share", "men", 42, sub="kvinnor (57 %) och 270 méan (42 %)2",
    note="trailing '2' is a footnote marker")
add(342, "ca 600 unika", "ALL", "unique_individuals", "all", 600,
    note=APPROX + "'uppskattningsvis ca 600 unika individer'; exact 601 at line 494")

add(386, "213 deltagare identifierar", "ALL", "participants", "unknown", 13,
    sub="213 deltagare identifierar sig inte med ndgon av de tva angivna konskategorierna och/eller har valt att ej uppge kon.",
    note="footnote 2: '13 deltagare' do not identify with either gender / did not state gender (leading '2' is the footnote marker)")

# Table 1 (lines 357-364): cols = total participants | in work-oriented interventions | started work-oriented | exited work-oriented
T1 = "Table 1 (Deltagarflöden 2018), "
add(360, "Kvinnor 368", "ALL", "participants", "women", 368, note=T1 + "column 'Antal deltagare 2018'")
add(362, "Man 270", "ALL", "participants", "men", 270, note=T1 + "column 'Antal deltagare 2018'")
add(363, "13 13 9 7", "ALL", "participants", "unknown", 13, note=T1 + "column 'Antal deltagare 2018' (Annat/okänd)")
add(364, "Totalt 651", "ALL", "participants", "all", 651, note=T1 + "column 'Antal deltagare 2018'")

add(360, "Kvinnor 368", AGG_WORK, "participants", "women", 270, note=T1 + "column 'Deltagare i arbetslivsinriktade insatser'")
add(362, "Man 270", AGG_WORK, "participants", "men", 216, note=T1 + "column 'Deltagare i arbetslivsinriktade insatser'")
add(363, "13 13 9 7", AGG_WORK, "participants", "unknown", 13, note=T1 + "column 'Deltagare i arbetslivsinriktade insatser' (Annat/okänd)")
add(364, "Totalt 651", AGG_WORK, "participants", "all", 499, note=T1 + "column 'Deltagare i arbetslivsinriktade insatser'")

add(360, "Kvinnor 368", AGG_WORK, "participants_new", "women", 126, note=T1 + "column 'påbörjat arbetslivsinriktad insats'")
add(362, "Man 270", AGG_WORK, "participants_new", "men", 110, note=T1 + "column 'påbörjat arbetslivsinriktad insats'")
add(363, "13 13 9 7", AGG_WORK, "participants_new", "unknown", 9, note=T1 + "column 'påbörjat arbetslivsinriktad insats' (Annat/okänd)")
add(364, "Totalt 651", AGG_WORK, "participants_new", "all", 245, note=T1 + "column 'påbörjat arbetslivsinriktad insats'")

add(360, "Kvinnor 368", AGG_WORK, "participants_exited", "women", 134,
    note="conflict: " + T1 + "column 'avslutat arbetslivsinriktad insats' says 134 women exited, but Table 2 (line 722) women's exit reasons sum to 127 and Diagram 11 (line 712) gives n=127")
add(362, "Man 270", AGG_WORK, "participants_exited", "men", 105,
    note="conflict: " + T1 + "column 'avslutat arbetslivsinriktad insats' says 105 men exited, but Table 2 (line 723) men's exit reasons sum to 115 and Diagram 11 (line 713) gives n=115")
add(363, "13 13 9 7", AGG_WORK, "participants_exited", "unknown", 7,
    note="conflict: " + T1 + "column 'avslutat arbetslivsinriktad insats' says 7 (Annat/okänd) exited, but Table 2 'Ej angivet' row (line 724) sums to 4")
add(364, "Totalt 651", AGG_WORK, "participants_exited", "all", 246, note=T1 + "column 'avslutat arbetslivsinriktad insats'")

# Goal table (lines 488-517)
add(494, "601 (624)", "ALL", "unique_individuals", "all", 601, note="goal table 'Övergripande mål för finansierade insatser', result 2018")
add(494, "601 (624)", "ALL", "unique_individuals", "all", 624, period=2017, note="goal table, 2017 result in parentheses")
add(497, "30 % av deltagarna", "ALL", "exit_work_or_studies_rate_goal", "all", 30,
    note="goal: 30 % of participants work/study at exit (result on line 499)")
add(499, "37 % (39 %)", "ALL", "exit_work_or_studies_rate", "all", 37, note="goal table result 2018: arbetar/studerar vid avslut")
add(499, "37 % (39 %)", "ALL", "exit_work_or_studies_rate", "all", 39, period=2017, note="goal table, 2017 result in parentheses")
add(503, "33 % (11 %)", "ALL", "exit_jobseeking_rate", "all", 33, note="goal table result 2018: arbetssökande vid avslut")
add(503, "33 % (11 %)", "ALL", "exit_jobseeking_rate", "all", 11, period=2017, note="goal table, 2017 result in parentheses")
add(506, "78 % (54 %)", "ALL", "followup_work_rate", "all", 78,
    note="goal table: share working 12 months after exit (long-term follow-up, 41 persons in Lyra and START, footnote 6)")
add(506, "78 % (54 %)", "ALL", "followup_work_rate", "all", 54, period=2017, note="goal table, 2017 result in parentheses")

# Breakfast seminars
add(50, "770 besdkare", FRUKOST, "participants", "all", 770,
    note=APPROX + "'mer än 770' visitors to breakfast seminars; exact 772 at lines 533/575")
add(533, "772 besokare", FRUKOST, "participants", "all", 772, note="visitors to the breakfast seminars (besökare)")
add(575, "772 deltagare", FRUKOST, "participants", "all", 772, sub="deltog 772 deltagare pa arets nio frukostmoéten",
    note="visitors at the year's nine breakfast seminars")
add(575, "726 deltagare", FRUKOST, "participants", "all", 726, period=2017, sub="(jmf 726 deltagare ar 2017)",
    note="visitors to breakfast seminars 2017")
add(579, "772 besokare", FRUKOST, "participants", "all", 772, note="footnote 7: total visitors")
add(1223, "772 deltagare", FRUKOST, "participants", "all", 772, note="Bilaga 1: nine breakfast meetings")

# 1.4.2 footnote 8
add(688, "37 % gar till arbete/studier", "ALL", "exit_work_or_studies_rate", "all", 37,
    sub="8 37 % gar till arbete/studier i insatser finansierade av Samordningsforbundet Botkyrka Huddinge Salem",
    note="footnote 8 (national comparison 33 % not recorded: other scope)")

# 1.4.2.1 exit reasons (work-oriented interventions)
add(695, "246 deltagare", AGG_WORK, "participants_exited", "all", 246, sub="Under aret avslutade 246 deltagare en arbetslivsinriktad insats")
add(695, "296", AGG_WORK, "participants_exited", "all", 296, period=2017, sub="(ar 2017 avslutades 296")
add(696, "90 personer", AGG_WORK, "exit_work_or_studies", "all", 90,
    note="exited to work or studies ('arbetade eller studerade ... i någon omfattning')")
add(696, "motsvarande 37", AGG_WORK, "exit_work_or_studies_rate", "all", 37, note="'37 procent' (word 'procent' on next line)")
add(697, "39 %", AGG_WORK, "exit_work_or_studies_rate", "all", 39, period=2017)
add(698, "81 personer", AGG_WORK, "exit_jobseeking", "all", 81)
add(698, "33 procent", AGG_WORK, "exit_jobseeking_rate", "all", 33)

# Diagram 11 n's
add(712, "(n=127)", AGG_WORK, "participants_exited", "women", 127,
    note="conflict: Diagram 11 legend 'Kvinnor (n=127)' (matches Table 2 sum) vs Table 1 women exited 134 (line 360)")
add(713, "(n=115)", AGG_WORK, "participants_exited", "men", 115,
    note="conflict: Diagram 11 legend 'Män (n=115)' (matches Table 2 sum) vs Table 1 men exited 105 (line 362)")

# Table 2 (lines 718-725): Arbete | Studier | Arbetssökande | Annan avslutsanledning
T2 = "Table 2 (Antal deltagare per avslutsanledning 2018), column "
for ln, lab, g, vals in [(722, "Kvinnor 34", "women", (34, 10, 47, 36)),
                         (723, "Main 33", "men", (33, 12, 33, 37)),
                         (724, "Ej angivet 1", "unknown", (1, 0, 1, 2)),
                         (725, "Totalt 68", "all", (68, 22, 81, 75))]:
    w, s, j, o = vals
    add(ln, lab, AGG_WORK, "exit_work", g, w, note=T2 + "'Arbete'")
    add(ln, lab, AGG_WORK, "exit_studies", g, s, note=T2 + "'Studier'")
    add(ln, lab, AGG_WORK, "exit_jobseeking", g, j, note=T2 + "'Arbetssökande'")
    add(ln, lab, AGG_WORK, "exit_other", g, o, note=T2 + "'Annan avslutsanledning' (remainder; the table does not split it — text lines 727-734: mostly continued rehabilitation, also illness)")

# 1.4.2.3 long-term follow-up
add(831, "78 % (32 av 41 svarande)", "ALL", "followup_work_rate", "all", 78,
    note="share working 12 months after exit, 32 of 41 respondents (START and Lyra)")

# ================================================================ finance (association-wide)
add(75, "21,1 miljoner", "ALL", "cost", "all", mkr(21.1),
    note=ROUND + "21,1 mkr = 21 089,7 tkr (income statement line 1012)")
add(77, "15,4 miljoner", "ALL", "revenue_members", "all", mkr(15.4), note="medlemsbidrag (member contributions) total")
add(79, "5,5 mnkr", "ALL", "equity", "all", mkr(5.5), period=2017,
    note=ROUND + "assets at start of 2018 from earlier surpluses (= equity end 2017, 5 523,3 tkr at line 1029)")
add(80, "ca 5 mnkr", "ALL", "equity", "all", mkr(5),
    note=APPROX + "'kvarvarande överskott på ca 5 mnkr' at end of 2018; exact 5 062,6 tkr at line 1029")
add(77, "5,2 mnkr i riktade projektbidrag", "ALL", "revenue_grants", "all", mkr(5.2),
    sub="5,2 mnkr i riktade projektbidrag till MIA-",
    note="targeted project grants to MIA-projektet (ESF) and Möjliggörarna (MUCF), total as printed (income statement lines 1010-1011: 5 115,9 + 113,0 tkr, no printed total)")
add(117, "ca 15,4 miljoner", "ALL", "revenue_members", "all", mkr(15.4), note="rounding: approximate (ca) restatement of 15 400,0 tkr (line 1009); årets tilldelning från ägarna")
add(940, "15,4 miljoner", "ALL", "revenue_members", "all", mkr(15.4), note="bidrag från parterna")
add(941, "5,2 miljoner", "ALL", "revenue_grants", "all", mkr(5.2), sub="5,2 miljoner kronor i riktade projektbidrag till MIA-projektet och Mojliggérarna",
    note="targeted project grants to MIA-projektet and Möjliggörarna, total as printed")
add(942, "5,5 miljoner", "ALL", "equity", "all", mkr(5.5), period=2017,
    note=ROUND + "ingående överskott from 2017 (= equity end 2017, 5 523,3 tkr at line 1029)")
add(943, "21,09 miljoner", "ALL", "cost", "all", mkr(21.09), sub="Kostnaderna for 2018 har uppgatt till 21,09 miljoner kronor",
    note=ROUND + "21,09 mkr = 21 089,7 tkr (line 1012)")
add(943, "20,45 mKr", "ALL", "cost", "all", mkr(20.45), period=2017, sub="(2017: 20,45 mKr)",
    note=ROUND + "20,45 mkr = 20 449,2 tkr (line 1012)")
add(944, "ca 5 miljoner", "ALL", "equity", "all", mkr(5),
    note=APPROX + "'eget kapital på ca 5 miljoner kronor'; exact 5 062,6 tkr at line 1029")

# Table 4 (lines 953-960): Utfall 2018 | Aktuell budget 2018 | Avvikelse | Bokslut 2017 (tkr)
T4 = "Table 4 (Sammanställning ekonomiskt utfall 2018, tkr), "
add(957, "Nettokostnad -21 090", "ALL", "cost", "all", tkr(21090), note=ROUND + T4 + "Nettokostnad utfall 2018; 21 089,7 tkr at line 1012")
add(957, "Nettokostnad -21 090", "ALL", "budget", "all", tkr(24552), note=T4 + "Nettokostnad, aktuell budget 2018")
add(957, "Nettokostnad -21 090", "ALL", "cost", "all", tkr(20449), period=2017, note=ROUND + T4 + "Nettokostnad bokslut 2017; 20 449,2 tkr at line 1012")
add(958, "Bidrag/intakt 20 629", "ALL", "revenue", "all", tkr(20629), note=T4 + "Bidrag/intäkt utfall 2018")
add(958, "Bidrag/intakt 20 629", "ALL", "revenue_budget", "all", tkr(20900), note=T4 + "Bidrag/intäkt, aktuell budget 2018")
add(958, "Bidrag/intakt 20 629", "ALL", "revenue", "all", tkr(20087), period=2017, note=T4 + "Bidrag/intäkt bokslut 2017")
add(959, "Resultat -461 -362", "ALL", "result", "all", -tkr(461), note=ROUND + T4 + "Resultat 2018; -460,8 tkr at line 1018")
add(959, "Resultat -461 -362", "ALL", "result", "all", -tkr(362), period=2017, note=T4 + "Resultat bokslut 2017")
add(960, "Utgaende eget kapital 5062 5523", "ALL", "equity", "all", tkr(5062), note=ROUND + T4 + "utgående eget kapital 2018; 5 062,6 tkr at line 1029")
add(960, "Utgaende eget kapital 5062 5523", "ALL", "equity", "all", tkr(5523), period=2017, note=ROUND + T4 + "utgående eget kapital 2017; 5 523,3 tkr at line 1029")

# 1.6.2
add(975, "5 miljoner", "ALL", "equity", "all", mkr(5),
    note=APPROX + "'Överskottet har nu minskat till 5 miljoner kronor'; exact 5 062,6 tkr at line 1029")

# 1.6.3 cost distribution text + Diagram 18 legend
add(990, "knappt 19 miljoner", AGG_SAMV, "cost", "all", mkr(19),
    note="approximate (knappt 19 mkr); cost of financing collaboration interventions (individual + structural)")
add(991, "ca 17.5 mnkr", AGG_SAMV, "cost", "all", mkr(17.5), period=2017, note="approximate (ca); 2017 cost of collaboration interventions")
add(993, "17,15 mkr", AGG_IND, "cost", "all", mkr(17.15), note=ROUND + "17,15 mkr = 17 155 tkr (line 1140)")
add(994, "1,77 mnkr", AGG_STR, "cost", "all", mkr(1.77), note=ROUND + "structural interventions and evaluation; 1 767 tkr at line 1148")
add(998, "administration 2,17", ADM, "cost", "all", mkr(2.17), note=ROUND + "Diagram 18 legend; 2 168 tkr at line 1132")
add(1000, "strukturinriktade insatser 1,77 mkr", AGG_STR, "cost", "all", mkr(1.77), note=ROUND + "Diagram 18 legend; 1 767 tkr at line 1148")
add(1001, "2,17 mnkr", ADM, "cost", "all", mkr(2.17), sub="2,17 mnkr (motsvarande 10 % av totala",
    note=ROUND + "administrative costs 2,17 mnkr; 2 168 tkr at line 1132")
add(1001, "individinriktade insatser 17,15 mkr", AGG_IND, "cost", "all", mkr(17.15), sub="individinriktade insatser 17,15 mkr",
    note=ROUND + "Diagram 18 legend; 17 155 tkr at line 1140")

# Income statement (lines 1005-1018), tkr, columns 2018 | 2017
IS = "income statement (Resultaträkning, tkr), "
add(1009, "Verksamhetens medlemsavgifter 1 15 400,0", "ALL", "revenue_members", "all", tkr(15400), note=IS + "2018 column ('1' is the note number)")
add(1009, "Verksamhetens medlemsavgifter 1 15 400,0", "ALL", "revenue_members", "all", tkr(16008), period=2017, note=IS + "2017 column")
add(1010, "Intikter ESF 51159", MIA, "revenue_grants", "all", 5115900,
    note=IS + "ESF income 2018 (OCR '51159' = 5 115,9 tkr); ESF grant is for MIA-projektet")
add(1010, "Intikter ESF 51159", MIA, "revenue_grants", "all", 3057200, period=2017, note=IS + "ESF income 2017 column")
add(1011, "Ovriga intikter (MUCF) 1130", MOJL, "revenue_grants", "all", tkr(113),
    note=IS + "other income (MUCF) 2018, OCR '1130' = 113,0 tkr; MUCF grant is for Möjliggörarna")
add(1011, "Ovriga intikter (MUCF) 1130", MOJL, "revenue_grants", "all", tkr(1022), period=2017,
    note=IS + "other income (MUCF) 2017, OCR '10220' = 1 022,0 tkr")
add(1012, "Verksamhetens kostnader -21 089,7", "ALL", "cost", "all", 21089700, note=IS + "Verksamhetens kostnader 2018")
add(1012, "Verksamhetens kostnader -21 089,7", "ALL", "cost", "all", 20449200, period=2017,
    note=IS + "Verksamhetens kostnader 2017 (OCR '-20 4492' = -20 449,2)")
add(1018, "Arets resultat -460,8", "ALL", "result", "all", -460800, note=IS + "Årets resultat 2018")
add(1018, "Arets resultat -460,8", "ALL", "result", "all", -362000, period=2017, note=IS + "Årets resultat 2017")
# Balance sheet
add(1029, "Eget kapital 5062,6", "ALL", "equity", "all", 5062600, note="balance sheet 2018 (tkr)")
add(1029, "Eget kapital 5062,6", "ALL", "equity", "all", 5523300, period=2017, note="balance sheet 2017 (OCR '55233' = 5 523,3 tkr)")
# Cash-flow statement
add(1038, "Arets resultat -460,8", "ALL", "result", "all", -460800, note="cash-flow statement (Kassaflödesanalys), 2018")
add(1038, "Arets resultat -460,8", "ALL", "result", "all", -362000, period=2017, note="cash-flow statement, 2017 column")
# Note 1 total
add(1067, "Summa 15 400,0 16 008,0", "ALL", "revenue_members", "all", tkr(15400), note="Not 1 (medlemsavgifter) total 2018")
add(1067, "Summa 15 400,0 16 008,0", "ALL", "revenue_members", "all", tkr(16008), period=2017, note="Not 1 total 2017")

# Tilläggsupplysningar (lines 1119-1150): Utfall 2018 | Budget 2018 | Avvikelse (tkr)
TU = "Tilläggsupplysningar table (utfall/budget 2018, tkr)"
add(1122, "Verksamhetens medlemsavgifter 15400", "ALL", "revenue_members", "all", tkr(15400), note=TU + ", utfall")
add(1123, "Intdkter ESF 5116 5500", MIA, "revenue_grants", "all", tkr(5116), note=ROUND + TU + ", ESF income utfall (MIA-projektet); 5 115,9 tkr at line 1010")
add(1123, "Intdkter ESF 5116 5500", MIA, "revenue_budget", "all", tkr(5500), note=TU + ", ESF income budget (MIA-projektet)")
add(1124, "Ovriga intikter 113 0", MOJL, "revenue_grants", "all", tkr(113), note=TU + ", other income (MUCF, Möjliggörarna) utfall")
add(1124, "Ovriga intikter 113 0", MOJL, "revenue_budget", "all", 0, note=TU + ", other income budget 0")
add(1125, "Summa intikter 20629 20900", "ALL", "revenue", "all", tkr(20629), note=TU + ", Summa intäkter utfall")
add(1125, "Summa intikter 20629 20900", "ALL", "revenue_budget", "all", tkr(20900), note=TU + ", Summa intäkter budget")
tu_lines = [
    (1126, "Lokal 242 225", LOKAL, 242, 225),
    (1127, "Kansli 1511 1665", KANSLI, 1511, 1665),
    (1128, "Kommunikation/information 114 40", KOMM, 114, 40),
    (1129, "Revision 69 73", REV, 69, 73),
    (1130, "Styrelse 177 125", STYR, 177, 125),
    (1131, "Ovrigt 55 96", OVR, 55, 96),
    (1132, "Summa administration 2168 2224", ADM, 2168, 2224),
    (1133, "HélsoSam 1291 1326", HALSO, 1291, 1326),
    (1134, "Lyra 1941 2302", LYRA, 1941, 2302),
    (1135, "MIA-projektet 8903 10 725", MIA, 8903, 10725),
    (1136, "Mojliggérarna 531 580", MOJL, 531, 580),
    (1137, "Slussen/HUVAS 1862 2 415", SLHU, 1862, 2415),
    (1138, "Start 1225 1300", START, 1225, 1300),
    (1139, "Ungi Salem 1402 1400", UPIS, 1402, 1400),
    (1140, "Summa individinriktade insatser 17 155 20048", AGG_IND, 17155, 20048),
    (1141, "ASF-strateg 721 890", ASF, 721, 890),
    (1142, "Insatskatalog 325 340", KATALOG, 325, 340),
    (1143, "Kompetensinsatser 122 150", KOMP, 122, 150),
    (1144, "Metodstod IPS 151 200", IPS, 151, 200),
    (1145, "Nya insatser 0 500", NYA, 0, 500),
    (1146, "Processtod 95 100", PROC, 95, 100),
    (1147, "Utvardering 353 100", UTV, 353, 100),
    (1148, "Summa strukturinriktade insatser 1767 2280", AGG_STR, 1767, 2280),
]
for ln, lab, iv, c, b in tu_lines:
    cn = TU + ", utfall"
    if iv == MOJL:
        cn = "conflict: " + TU + " gives utfall 531 tkr, but the Möjliggörarna section (line 2276) says utfall 499 tkr"
    add(ln, lab, iv, "cost", "all", tkr(c), note=cn)
    add(ln, lab, iv, "budget", "all", tkr(b), note=TU + ", budget")
add(1149, "Summa kostnader 21090 24 552", "ALL", "cost", "all", tkr(21090), note=ROUND + TU + ", Summa kostnader utfall; 21 089,7 tkr at line 1012")
add(1149, "Summa kostnader 21090 24 552", "ALL", "budget", "all", tkr(24552), note=TU + ", Summa kostnader budget")
add(1150, "Resultat -461", "ALL", "result", "all", -tkr(461), note=ROUND + TU + "; -460,8 tkr at line 1018")

# Bilaga 1
add(1178, "ca 600 unika deltagare", "ALL", "unique_individuals", "all", 600,
    note=APPROX + "Bilaga 1: 'ca 600 unika deltagare'; exact 601 at line 494")

# ================================================================ Bilaga 2 goal table (lines 1245-1333)
B2 = "Bilaga 2 goal table (Sammanställning av måluppfyllelse), "
add(1258, "100 personer fram till dec", HUVAS, "participants_goal", "all", 100, period=2018, period_end=2019,
    note=B2 + "HUVAS goal: 100 persons until Dec 2019 (OCR '20109' on next line)")
add(1267, "46 inskrivna deltagare 2018", HUVAS, "participants", "all", 46, note=B2 + "HUVAS result")
add(1279, "Halsosam 80 nya deltagare", HALSO, "participants_new_goal", "all", 80, note=B2 + "HälsoSam goal, expressed as NEW participants (80 nya deltagare)")
add(1279, "97 nya deltagare", HALSO, "participants_new", "all", 97, note=B2 + "HälsoSam result")
add(1286, "42 % (5 av 12) i arbete/studier", LYRA, "followup_work_or_studies_rate", "all", 42,
    note=B2 + "Lyra: goal '50 % når studier/arbete 1 år efter insats', result 42 % (5 of 12)")
add(1288, "18 nya deltagare", LYRA, "participants_new_goal", "all", 18, note=B2 + "Lyra goal, expressed as NEW participants (18 nya deltagare)")
add(1288, "10 nya deltagare", LYRA, "participants_new", "all", 10, note=B2 + "Lyra result")
add(1289, "Ca 200 nya deltagare", MIA, "participants_new_goal", "all", 200, note=B2 + "MIA goal, expressed as NEW participants per year; approximate (ca 200)")
add(1289, "127 nya deltagare 2018", MIA, "participants_new", "all", 127, note=B2 + "MIA result")
add(1290, "30 % till arbete/studier", MIA, "exit_work_or_studies_rate_goal", "all", 30, note=B2 + "MIA goal")
add(1290, "23 % (27 av 119)", MIA, "exit_work_or_studies_rate", "all", 23, note=B2 + "MIA result")
add(1290, "23 % (27 av 119)", MIA, "exit_work_or_studies", "all", 27, note=B2 + "MIA result (27 of 119 exited)")
add(1290, "23 % (27 av 119)", MIA, "participants_exited", "all", 119, note=B2 + "MIA: denominator '27 av 119' = exited")
add(1292, "35 % (41 av 119)", MIA, "exit_employment_service_rate", "all", 35,
    note=B2 + "MIA: exited to ordinary labour-market programme ('ordinarie arbetsmarknadsinsats'); the annex flow table (line 1418) puts the same 41 in 'Arbetssökande vid avslut'")
add(1292, "35 % (41 av 119)", MIA, "exit_employment_service", "all", 41,
    note=B2 + "MIA: 41 of 119 to ordinary labour-market programme ('ordinarie arbetsmarknadsinsats'); annex table column 'Arbetssökande vid avslut' = 41")
add(1294, "START 30 nya deltagare", START, "participants_new_goal", "all", 30, note=B2 + "START goal, expressed as NEW participants (30 nya deltagare)")
add(1294, "35 nya deltagare", START, "participants_new", "all", 35,
    note="conflict: " + B2 + "START result 35 new (also annex line 1419), but START section (line 1896) says 34 enrolled in 2018")
add(1295, "50 % i arbete/studier", START, "exit_work_or_studies_rate_goal", "all", 50, note=B2 + "START goal")
add(1295, "67 % till arbete/studier", START, "exit_work_or_studies_rate", "all", 67,
    note="conflict: " + B2 + "START result 67 % (12 of 18, arithmetically correct) vs 63 % in START section (lines 1890, 1899)")
add(1295, "(12 av", START, "exit_work_or_studies", "all", 12, note=B2 + "START '12 av 18' (OCR '1g)' on next line)")
add(1299, "UPIS 30 deltagare", UPIS, "participants_goal", "all", 30,
    note="conflict: " + B2 + "UPIS goal 30 participants vs goal '28 deltagare' in UPIS section (line 1982)")
add(1299, "33 nya", UPIS, "participants_new_goal", "all", 33, note=B2 + "UPIS goal '30 deltagare, 33 nya' (as printed)")
add(1299, "51 deltagare, 29 nya", UPIS, "participants", "all", 51, note=B2 + "UPIS result")
add(1299, "51 deltagare, 29 nya", UPIS, "participants_new", "all", 29,
    note="conflict: " + B2 + "UPIS 29 new (also annex line 1420) vs UPIS section (line 1994) '27 av dessa skrevs in under 2018'")
add(1300, "55 % i arbete/studier", UPIS, "exit_work_or_studies_rate_goal", "all", 55, note=B2 + "UPIS goal")
add(1300, "77 % i arbete/studier (27 av 35)", UPIS, "exit_work_or_studies_rate", "all", 77, note=B2 + "UPIS result")
add(1300, "77 % i arbete/studier (27 av 35)", UPIS, "exit_work_or_studies", "all", 27,
    note="conflict: " + B2 + "UPIS 27 of 35 to work/studies (also annex line 1420) vs UPIS section (line 1999) 'Totalt påbörjade 29 personer studier eller arbete'")
add(1300, "77 % i arbete/studier (27 av 35)", UPIS, "participants_exited", "all", 35, note=B2 + "UPIS: denominator '27 av 35' = exited")
add(1314, "60 % i arbete/studier", SLUSSEN, "exit_work_or_studies_rate_goal", "all", 60,
    note=B2 + "Slussen goal (OCR column order jumbled between Möjliggörarna and Slussen rows; same goal as Slussen section line 2182)")
add(1318, "37 % (23 av 62)", SLUSSEN, "exit_work_or_studies_rate", "all", 37, note=B2 + "Slussen result (rows jumbled by OCR)")
add(1318, "37 % (23 av 62)", SLUSSEN, "exit_work_or_studies", "all", 23, note=B2 + "Slussen result 23 of 62")

# ================================================================ Annex flow table (lines 1406-1424)
# cols: aktuella totalt | varav kvinnor | varav män | annat/ej angivet | nya | avslutade | till arbete/studier | arbetssökande vid avslut
AN = "annex flow table (Sammanfattning av deltagarflöden 2018), "
annex = [
    (1414, "HUVAS 46 25 20 1 46 0 0 0", HUVAS, (46, 25, 20, 1, 46, 0, 0, 0)),
    (1416, "HalsoSam 97 75 22 0 97 86", HALSO, (97, 75, 22, 0, 97, 86, None, None)),
    (1417, "Lyra 22 10 10 2 10 12 1 4", LYRA, (22, 10, 10, 2, 10, 12, 1, 4)),
    (1418, "MIA-projektet 261 162 90 9 127 119 27 41", MIA, (261, 162, 90, 9, 127, 119, 27, 41)),
    (1419, "START 57 22 35 0 35 18 12 4", START, (57, 22, 35, 0, 35, 18, 12, 4)),
    (1420, "UPIS 51 19 31 1 29 35 27 4", UPIS, (51, 19, 31, 1, 29, 35, 27, 4)),
    (1422, "Mojliggorarna 55 23 32 0 55 55", MOJL, (55, 23, 32, 0, 55, 55, None, None)),
    (1423, "Slussen 62 32 30 0 0 62 23 28", SLUSSEN, (62, 32, 30, 0, 0, 62, 23, 28)),
    (1424, "TOTALT 651 368 270 13 399 387 90 81", "ALL", (651, 368, 270, 13, 399, 387, 90, 81)),
]
conf = {
    (HUVAS, "participants", "women"): "conflict: " + AN + "HUVAS 25 women vs HUVAS section (line 1472) '26 kvinnor och 20 män'",
    (START, "participants_new", "all"): "conflict: " + AN + "START 35 new vs START section (line 1896) '34 av dessa skrevs in under 2018'",
    (UPIS, "participants_new", "all"): "conflict: " + AN + "UPIS 29 new vs UPIS section (line 1994) '27 av dessa skrevs in under 2018'",
    (UPIS, "exit_work_or_studies", "all"): "conflict: " + AN + "UPIS 27 to work/studies vs UPIS section (line 1999) '29 personer studier eller arbete'",
    (SLUSSEN, "exit_jobseeking", "all"): "conflict: " + AN + "Slussen 28 job seeking vs Slussen section (line 2194) '48 % (30 av 62) var arbetssökande'",
    (LYRA, "participants", "women"): None,
}
for ln, lab, iv, v in annex:
    tot, w, m, u, new, ex, ws, js = v
    items = [("participants", "all", tot, "'Antal aktuella deltagare totalt 2018'"),
             ("participants", "women", w, "'Varav kvinnor'"),
             ("participants", "men", m, "'Varav män'"),
             ("participants", "unknown", u, "'Annat/ej angivet'"),
             ("participants_new", "all", new, "'Antal nya deltagare 2018'"),
             ("participants_exited", "all", ex, "'Antal avslutade deltagare 2018'")]
    if ws is not None:
        items.append(("exit_work_or_studies", "all", ws, "'Till arbete/studier'"))
    if js is not None:
        items.append(("exit_jobseeking", "all", js, "'Arbetssökande vid avslut'"))
    for met, g, val, col in items:
        note = conf.get((iv, met, g)) or (AN + "column " + col)
        if iv == MIA and met == "exit_jobseeking":
            note = AN + "column 'Arbetssökande vid avslut' (Bilaga 2 line 1292 and MIA section line 1795 describe these 41 as exits to ordinary labour-market programme, recorded there as exit_employment_service; not additional exits)"
        add(ln, lab, iv, met, g, val, note=note)

# ================================================================ HUVAS section
add(1458, "100 deltagare 46 deltagare", HUVAS, "participants_goal", "all", 100, period=2018, period_end=2019,
    note="HUVAS goal table: 100 participants during project period April 2018 - Dec 2019")
add(1458, "100 deltagare 46 deltagare", HUVAS, "participants", "all", 46, note="HUVAS goal table, result 2018")
add(1471, "haft 46 deltagare", HUVAS, "participants", "all", 46)
add(1472, "26 kvinnor", HUVAS, "participants", "women", 26,
    note="conflict: HUVAS section says 26 women, annex flow table (line 1414) says 25 women (+1 not stated)")
add(1472, "20 méan", HUVAS, "participants", "men", 20)
add(1501, "1 815 tkr", HUVAS, "budget", "all", tkr(1815), note="granted funds (beviljades medel)")
add(1502, "1 370 tkr rekvirerades", HUVAS, "cost", "all", tkr(1370), note="funds requisitioned (rekvirerades) = outcome")

# ================================================================ HälsoSam section
add(1549, "80 nya deltagare 97 96", HALSO, "participants_new_goal", "all", 80, note="HälsoSam goal table: goal, expressed as NEW participants (80 nya deltagare)")
add(1549, "80 nya deltagare 97 96", HALSO, "participants_new", "all", 97, note="HälsoSam goal table: result 2018")
add(1549, "80 nya deltagare 97 96", HALSO, "participants_new", "all", 96, period=2017, note="HälsoSam goal table: result 2017")
add(1563, "Totalt startade 97 deltagare", HALSO, "participants_new", "all", 97)
add(1563, "75 kvinnor", HALSO, "participants_new", "women", 75)
add(1563, "och 22", HALSO, "participants_new", "men", 22, note="'22 män' (män on next line)")
add(1564, "86 deltagare", HALSO, "participants_exited", "all", 86,
    note="86 completed the whole programme ('fullföljde'); annex table counts 86 as exited")
add(1581, "(fran 28 % till", HALSO, "participants_share", "men", 28, period=2017, note="share of men fell from 28 % (2017)")
add(1582, "21 %)", HALSO, "participants_share", "men", 21,
    note="conflict: share of men stated as 21 % in 2018, but counts 22 men of 97 (lines 1416, 1563) give 22.7 %")
add(1613, "1 326 tkr", HALSO, "budget", "all", tkr(1326))
add(1614, "1 291 tkr", HALSO, "cost", "all", tkr(1291))

# ================================================================ Lyra section
add(1658, ".50 % har efter 33 %", LYRA, "exit_other_intervention_rate", "all", 33,
    note="Lyra goal table: result 33 % of exited went on to another more suitable intervention ('fortsatt ... lämplig insats'; text line 1687 'annan mer lämplig rehabiliteringsinsats')")
add(1660, "(4av12)", LYRA, "exit_other_intervention", "all", 4, note="Lyra goal table: 4 of 12 exited went to another more suitable intervention")
add(1663, "42 %", LYRA, "followup_work_or_studies_rate", "all", 42,
    note="Lyra goal table: in work/studies 1 year after exit, result 2018 (label on lines 1663-1665)")
add(1664, "(5av12) 15 %", LYRA, "followup_work_or_studies_rate", "all", 15, period=2017,
    note="Lyra goal table: in work/studies 1 year after exit, result 2017 column")
add(1669, "10 nya deltagare", LYRA, "participants_new", "all", 10)
add(1670, "22 deltagare", LYRA, "participants", "all", 22)
add(1671, "50 % kvinnor", LYRA, "participants_share", "women", 50,
    note="conflict: 50 % women stated, but annex (line 1417) has 10 women, 10 men, 2 not stated of 22 (45 %)")
add(1671, "50 % méan", LYRA, "participants_share", "men", 50,
    note="conflict: 50 % men stated, but annex (line 1417) has 10 men of 22 (45 %), 2 not stated")
add(1671, "och 12", LYRA, "participants_exited", "all", 12, note="'12 deltagare har avslutats' (continues next line)")
add(1680, "42 % som avslutades 2017", LYRA, "followup_work_or_studies_rate", "all", 42,
    note="share of those exited in 2017 in work or studies one year after (measured 2018)")
add(1690, "33 % till annan mer", LYRA, "exit_other_intervention_rate", "all", 33, note="exited to another more suitable measure ('annan mer lämplig åtgärd')")
add(1716, "2 302 tkr", LYRA, "budget", "all", tkr(2302))
add(1718, "1941 tkr", LYRA, "cost", "all", tkr(1941))

# ================================================================ MIA section
add(1767, "30 % till egen 23 % 31%", MIA, "exit_work_or_studies_rate_goal", "all", 30, note="MIA goal table: goal")
add(1767, "30 % till egen 23 % 31%", MIA, "exit_work_or_studies_rate", "all", 23, note="MIA goal table: result 2018")
add(1767, "30 % till egen 23 % 31%", MIA, "exit_work_or_studies_rate", "all", 31, period=2017, note="MIA goal table: result 2017")
add(1769, "(27 av 119)", MIA, "exit_work_or_studies", "all", 27, note="MIA goal table: 27 of 119")
add(1775, "350 27 %", MIA, "exit_employment_service_rate", "all", 35,
    note="MIA goal table: 'deltar i ordinarie arbetsförberedande insats' result 2018, OCR '350' read as 35 % (cf. line 1795); counted as job seeking in annex table")
add(1775, "350 27 %", MIA, "exit_employment_service_rate", "all", 27, period=2017,
    note="MIA goal table: 'deltar i ordinarie arbetsförberedande insats' result 2017")
add(1789, "261 deltagare", MIA, "participants", "all", 261)
add(1790, "(162 kvinnor", MIA, "participants", "women", 162)
add(1790, "90 méan", MIA, "participants", "men", 90)
add(1790, "9 ej angivit", MIA, "participants", "unknown", 9)
add(1791, "skrev 127 deltagare", MIA, "participants_new", "all", 127)
add(1794, "119 deltagare avslutats", MIA, "participants_exited", "all", 119)
add(1794, "varav 23 %", MIA, "exit_work_or_studies_rate", "all", 23)
add(1795, "35 % har avslutats", MIA, "exit_employment_service_rate", "all", 35,
    note="exited to take part in ordinary work-preparatory programmes; annex table counts these as 'Arbetssökande vid avslut'")
add(1830, "10 725 tkr", MIA, "budget", "all", tkr(10725))
add(1832, "8 903", MIA, "cost", "all", tkr(8903), note="total project cost 2018 ('tkr' on next line)")
add(1833, "5 116", MIA, "revenue_grants", "all", tkr(5116), note=ROUND + "ESF financing ('tkr' on next line); 5 115,9 tkr at line 1010")

# ================================================================ START section
add(1890, "50 % i arbete/ 63 % 61%", START, "exit_work_or_studies_rate_goal", "all", 50, note="START goal table: goal")
add(1890, "50 % i arbete/ 63 % 61%", START, "exit_work_or_studies_rate", "all", 63,
    note="conflict: START goal table result 2018 63 %, but 12 of 18 = 67 % as stated in Bilaga 2 (line 1295)")
add(1890, "50 % i arbete/ 63 % 61%", START, "exit_work_or_studies_rate", "all", 61, period=2017, note="START goal table: result 2017")
add(1891, "(12 av 18)", START, "exit_work_or_studies", "all", 12, note="START goal table")
add(1891, "(12 av 18)", START, "participants_exited", "all", 18, note="START goal table: denominator '12 av 18' = exited")
add(1895, "totalt 57", START, "participants", "all", 57)
add(1896, "22 kvinnor", START, "participants", "women", 22)
add(1896, "35 mén", START, "participants", "men", 35)
add(1896, "34 av dessa", START, "participants_new", "all", 34,
    note="conflict: START section says 34 enrolled 2018, annex (line 1419) and Bilaga 2 (line 1294) say 35 new")
add(1897, "18 personer", START, "participants_exited", "all", 18)
add(1898, "10 personer till", START, "exit_work", "all", 10)
add(1899, "2 till studier", START, "exit_studies", "all", 2)
add(1899, "(totalt 63 %)", START, "exit_work_or_studies_rate", "all", 63,
    note="conflict: 10 work + 2 studies of 18 exited = 67 % (as in Bilaga 2 line 1295), text says 63 %")
add(1934, "1 300 tkr", START, "budget", "all", tkr(1300))
add(1935, "1 225 tkr", START, "cost", "all", tkr(1225), note="funds requisitioned (rekvirerats) = outcome")

# ================================================================ UPIS section
add(1982, "28 deltagare 51 44", UPIS, "participants_goal", "all", 28,
    note="conflict: UPIS goal table goal 28 participants vs Bilaga 2 (line 1299) goal 30 participants")
add(1982, "28 deltagare 51 44", UPIS, "participants", "all", 51, note="UPIS goal table: result 2018")
add(1982, "28 deltagare 51 44", UPIS, "participants", "all", 44, period=2017, note="UPIS goal table: result 2017")
add(1984, "55 % till", UPIS, "exit_work_or_studies_rate_goal", "all", 55, note="UPIS goal table: goal (2018 result OCR-garbled '(277;//;5)')")
add(1984, "78 %", UPIS, "exit_work_or_studies_rate", "all", 78, period=2017, note="UPIS goal table: result 2017")
add(1993, "totalt 51 deltagare", UPIS, "participants", "all", 51)
add(1994, "(19 kvinnor", UPIS, "participants", "women", 19)
add(1994, "31 mén", UPIS, "participants", "men", 31)
add(1994, "1 ej angiven", UPIS, "participants", "unknown", 1)
add(1994, "27 av dessa", UPIS, "participants_new", "all", 27,
    note="conflict: UPIS section says 27 enrolled 2018, annex (line 1420) and Bilaga 2 (line 1299) say 29 new")
add(1995, "totalt 35 personer", UPIS, "participants_exited", "all", 35)
add(1999, "Totalt paboérjade 29", UPIS, "exit_work_or_studies", "all", 29,
    note="conflict: UPIS section says 29 went to studies or work at exit, annex (line 1420) and Bilaga 2 (line 1300) say 27 (77 % of 35 = 27)")
add(2001, "77 %", UPIS, "exit_work_or_studies_rate", "all", 77, note="'gått till självförsörjning' = work/studies")
add(2027, "1 400 tkr", UPIS, "budget", "all", tkr(1400))
add(2028, "1 402 tkr", UPIS, "cost", "all", tkr(1402))

# ================================================================ IPS, Insatskatalogen
add(2079, "200 tkr", IPS, "budget", "all", tkr(200))
add(2083, "151 tkr", IPS, "cost", "all", tkr(151))
add(2142, "340 tkr", KATALOG, "budget", "all", tkr(340))
add(2143, "325 tkr", KATALOG, "cost", "all", tkr(325))

# ================================================================ Slussen section
add(2182, "60 % i arbete/ 37 % 85%", SLUSSEN, "exit_work_or_studies_rate_goal", "all", 60, note="Slussen goal table: goal")
add(2182, "60 % i arbete/ 37 % 85%", SLUSSEN, "exit_work_or_studies_rate", "all", 37, note="Slussen goal table: result 2018")
add(2182, "60 % i arbete/ 37 % 85%", SLUSSEN, "exit_work_or_studies_rate", "all", 85, period=2017, note="Slussen goal table: result 2017")
add(2183, "(23 av62)", SLUSSEN, "exit_work_or_studies", "all", 23, note="Slussen goal table")
add(2187, "62 deltagare (32", SLUSSEN, "participants", "all", 62)
add(2187, "62 deltagare (32", SLUSSEN, "participants", "women", 32, note="'(32 kvinnor' continues on next line")
add(2188, "30 man", SLUSSEN, "participants", "men", 30)
add(2188, "varav inga", SLUSSEN, "participants_new", "all", 0,
    note="'varav inga påbörjades' = no new participants (value written as word 'inga'; digits in quote are other numbers)")
add(2192, "Alla 62 deltagare avslutades", SLUSSEN, "participants_exited", "all", 62)
add(2192, "37% (23 av", SLUSSEN, "exit_work_or_studies_rate", "all", 37)
add(2192, "37% (23 av", SLUSSEN, "exit_work_or_studies", "all", 23, note="'23 av 62' went on to studies or work")
add(2193, "48 %", SLUSSEN, "exit_jobseeking_rate", "all", 48,
    note="48 % (30 of 62) job seeking at exit; consistent with 30 but not with annex count 28 (line 1423)")
add(2194, "(30 av 62) var arbetssokande", SLUSSEN, "exit_jobseeking", "all", 30,
    note="conflict: Slussen section says 30 of 62 job seeking at exit, annex flow table (line 1423) says 28")
add(2223, "600 tkr", SLUSSEN, "budget", "all", tkr(600))
add(2224, "492 tkr", SLUSSEN, "cost", "all", tkr(492))

# ================================================================ Möjliggörarna section
add(2260, "55 personer", MOJL, "participants", "all", 55,
    note="of 174 individuals contacted, 55 received support to contact interventions (= participants per annex table)")
add(2261, "(42 % kvinnor", MOJL, "participants_share", "women", 42)
add(2261, "58 % man", MOJL, "participants_share", "men", 58)
add(2275, "580 tkr", MOJL, "budget", "all", tkr(580), note="additional funds granted by the association")
add(2276, "499 tkr", MOJL, "cost", "all", tkr(499),
    note="conflict: Möjliggörarna section says utfall 499 tkr, Tilläggsupplysningar table (line 1136) says 531 tkr")

# ================================================================ ASF-strateg
add(2332, "890 tkr", ASF, "budget", "all", tkr(890))
add(2333, "721 tkr", ASF, "cost", "all", tkr(721))

# ================================================================ write
proposed = [r for r in rows if r["metric"] in PROPOSED]
rows = [r for r in rows if r["metric"] not in PROPOSED]
import io
pf = io.StringIO()
if True:
    pf.write("| line | period | intervention | proposed metric | gender | value | unit | quote | note |\n|---|---|---|---|---|---|---|---|---|\n")
    for r in sorted(proposed, key=lambda r: r["_line"]):
        per = str(r["period_start"]) if r["period_start"] == r["period_end"] else f"{r['period_start']}-{r['period_end']}"
        pf.write(f"| {r['_line']} | {per} | {r['intervention']} | {r['metric']} | {r['gender']} | {r['value']} | {r['unit']} | `{r['quote'].replace('|', chr(92) + '|')}` | {r['note']} |\n")
OBS = "source_id,association_id,period_start,period_end,intervention,metric,gender,value,unit,quote,note".split(",")
with open(OUT / "observations.csv", "w", encoding="utf-8", newline="") as f:
    w = csv.DictWriter(f, fieldnames=OBS, extrasaction="ignore")
    w.writeheader()
    for r in sorted(rows, key=lambda r: r["_line"]):
        w.writerow(r)

INTS = [
    # intervention, aliases, kind, target_group, first_year, last_year, note
    (HUVAS, "HUVAS - Huddinge Utbildning Vägledning Arbete i Samverkan;HUVAS- Huddinge Utbildning Vigledning Arbete i Samverkan", "individual",
     "people aged 20-55 with low education far from the labour market who need coordinated support to start and complete studies (Supported Education)",
     2018, 2019, "started April 2018; project period April 2018 - Dec 2019; cost line shared with Slussen in Tilläggsupplysningar ('Slussen/HUVAS')"),
    (HALSO, "HalsoSam;HilsoSam;HélsoSam;Hilsosam;Halsosam;HdlsoSam", "individual",
     "men and women from 18 who need support and motivation for better health and activity (group health programme, 8-10 weeks)",
     2011, "", "started February 2011"),
    (LYRA, "", "individual",
     "young adults 18-29 with mental ill-health and complex problems, incomplete schooling and/or no work experience",
     2008, "", "project from 2008; fully financed by the association since 2013"),
    (MIA, "MIA;Mia-projektet;MIA-projektet HBS;Mia HBS", "individual",
     "people far from the labour market (Case Management and Supported Employment); ESF-funded regional project",
     2016, 2020, "analysis phase from Dec 2016, implementation from April 2017, runs until summer 2020 (planned)"),
    (START, "Start;START - Stöd till arbete;START - Stod till arbete", "individual",
     "people up to 35 with mild intellectual disability, autism or acquired brain injury (Supported Employment)",
     2012, "", "project 2012-2014, implemented since 2015"),
    (UPIS, "UPIS;Upis;Ungi Salem", "individual",
     "young people 16-29 who dropped out of school, lack upper-secondary education, are unemployed and cannot support themselves",
     2014, "", "'Ungi Salem' is the (OCR) label in the Tilläggsupplysningar cost table"),
    (SLUSSEN, "", "individual",
     "unemployed young adults 16-24 needing coordinated support not available in ordinary services",
     2009, 2018, "started 2009 as part of ESF project Grenverket Södertörn; ended March 2018"),
    (MOJL, "Mojliggorarna;Mojliggérarna;Méjliggorarna;Méjliggérarna;Moéijliggorarna", "individual",
     "outreach to young adults (NEET, 'hemmasittare') not enrolled with any authority",
     2017, 2018, "started Feb 2017 with MUCF grant; ended June 2018 (heading list, Bilaga 2) / July 2018 (section text)"),
    (SLHU, "", "individual", "", "", "",
     "combined cost/budget line 'Slussen/HUVAS' in the Tilläggsupplysningar table (Slussen 492 + HUVAS 1 370 = 1 862 tkr)"),
    (AGG_WORK, "arbetslivsinriktade insatser", "individual", "", "", "",
     "aggregate, not a single intervention: work-oriented interventions HUVAS, Lyra, MIA-projektet, Slussen, START, UPIS (footnote 3); used for Table 1 columns 2-4, Table 2 and 1.4.2.1 exit figures"),
    (AGG_IND, "Summa individinriktade insatser;individinriktade insatser", "individual", "", "", "",
     "aggregate line 'Summa individinriktade insatser' of the cost/budget table"),
    (AGG_STR, "Summa strukturinriktade insatser;strukturinriktade insatser", "structural", "", "", "",
     "aggregate line 'Summa strukturinriktade insatser' (structural interventions and evaluation)"),
    (AGG_SAMV, "samverkansinsatser", "individual", "", "", "",
     "aggregate: cost of financing collaboration interventions (individual + structural), text section 1.6.3"),
    (ASF, "ASF-strategen;Samarbete med Arbetsintegrerande Sociala Företag;Verksamhetsutvecklare för ASF", "structural",
     "collaboration between authorities and work-integrating social enterprises (ASF)", 2017, 2018,
     "strategist employed Aug 2017; assignment ended at the turn of the year 2018/2019"),
    (KATALOG, "Insatskatalog;[nsatskatalogen;insatskatalogen", "structural",
     "staff of member authorities (digital catalogue of local rehabilitation interventions)", 2017, "",
     "bought in autumn 2017; launched January 2018"),
    (KOMP, "", "structural", "", "", "", "cost line in Tilläggsupplysningar table"),
    (IPS, "Metodstöd IPS;Metodstod IPS;IPS-metodstod;[PS-metodstod;Metodstéd Individual Placement and Support (IPS)", "structural",
     "staff in municipal social psychiatry (Individual Placement and Support method support)", "", "", ""),
    (NYA, "", "structural", "", "", "", "budget reserve for new interventions (cost line in Tilläggsupplysningar table)"),
    (PROC, "Processtod", "structural", "", "", "", "cost line in Tilläggsupplysningar table"),
    (UTV, "Utvardering", "structural", "", "", "", "evaluation; cost line in Tilläggsupplysningar table"),
    (FRUKOST, "frukostseminarier;frukostmöten;frukostmoéten", "structural",
     "staff of member authorities and other collaborating actors", "", "",
     "breakfast seminars arranged by the association; 'participants' = visitors"),
    (ADM, "Summa administration;administration;administrativa kostnader", "administration", "", "", "",
     "total administration (Summa administration)"),
    (LOKAL, "", "administration", "", "", "", "premises; administration cost line"),
    (KANSLI, "", "administration", "", "", "", "secretariat; administration cost line"),
    (KOMM, "", "administration", "", "", "", "administration cost line"),
    (REV, "", "administration", "", "", "", "audit; administration cost line"),
    (STYR, "", "administration", "", "", "", "board; administration cost line"),
    (OVR, "Ovrigt", "administration", "", "", "", "'Övrigt' line under administration in Tilläggsupplysningar"),
]
INT = "association_id,intervention,aliases,kind,target_group,first_year,last_year,note".split(",")
used = {r["intervention"] for r in rows} - {"ALL"}
names = {i[0] for i in INTS}
assert used <= names, used - names
with open(OUT / "interventions.csv", "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f)
    w.writerow(INT)
    for i in INTS:
        w.writerow([AID, *i])
notes = OUT / "NOTES.md"
if notes.exists():
    t = notes.read_text(encoding="utf-8")
    a, b = "<!-- PROPOSED-START -->", "<!-- PROPOSED-END -->"
    if a in t and b in t:
        t = t[:t.index(a) + len(a)] + "\n" + pf.getvalue() + t[t.index(b):]
        notes.write_text(t, encoding="utf-8")
print(len(rows), "rows;", len(proposed), "proposed-metric rows (in NOTES.md);", len(INTS), "interventions")
