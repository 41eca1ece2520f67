"""Texts of the gender_gaps page (finsam/views/gender_gaps.py): the difference women − men per group with
its interval and the smallest detectable difference, the pooled odds ratio and the exit-reason test.

"No evidence of a difference" is never written as "no difference", in either language."""

TEXT = {
    "gender_gaps.heading": {
        "sv": "# Skillnader mellan kvinnor och män, med osäkerhet",
        "en": "# Gender gaps with their uncertainty"},
    "gender_gaps.about": {
        "sv": "Varje grupp i data (förbund, period, insats) vars rapport anger andelen kvinnor och andelen män som "
              "gick till arbete eller studier: skillnaden kvinnor − män med sitt 95 % konfidensintervall (Newcombes metod) och den "
              "minsta skillnad som gruppernas storlek skulle kunna upptäcka (med ett tvåsidigt test på 5 %-nivån och "
              "80 % styrka), en sammanvägd oddskvot enligt "
              "Mantel–Haenszel över grupperna med ett test av om skillnaden varierar mellan dem, och ett test av "
              "hela tabellen över avslutsanledningar där rapporten anger den per kön. Där en rapport bara anger en "
              "avrundad procentsats förs varje antal som stämmer med avrundningen med, och resultaten visas som "
              "intervall av möjliga värden.",
        "en": "Every group in the data (association, period, intervention) whose report gives the share of women "
              "and of men who left for work or studies: the difference women − men with its 95 % interval (Newcombe's method) and the "
              "smallest difference the group sizes could detect (by a two-sided test at the 5 % level with 80 % power), a Mantel–Haenszel pooled odds ratio over the "
              "groups with a test of whether the gap differs between them, and a test over the full exit-reason "
              "table where the report gives it by gender. Where a report gives only a rounded percentage, every "
              "count consistent with the rounding is carried and results are shown as ranges."},
    "gender_gaps.section.intervals": {
        "sv": "## Kvinnor − män, grupp för grupp\n\n"
              "Skillnaden i andelen avslutade deltagare som gick till arbete eller studier, i procentenheter, med "
              "95 % konfidensintervall; *upptäckbar* är den minsta skillnad som de här gruppernas storlek "
              "räcker för att påvisa (⚠: rapporten anger en "
              "uppgift med olika värden; varje version visas).",
        "en": "## Women − men, group by group\n\n"
              "Difference in the share of exited participants who left for work or studies, in percentage points, "
              "with its 95 % interval; *detectable* is the smallest difference groups of these sizes "
              "suffice to show (⚠: the report states a figure with two values; every "
              "version is shown)."},
    "gender_gaps.section.pooled": {"sv": "## Sammanvägt över grupperna", "en": "## Pooled over the groups"},
    "gender_gaps.section.exit_reasons": {"sv": "## Alla avslutsanledningar, inte bara arbete eller studier",
                                         "en": "## All exit reasons, not only work or studies"},
    # group labels: 'association, period, intervention' (views_gaps.group_label); the names stay as written
    "gender_gaps.all_interventions": {"sv": "alla insatser", "en": "all interventions"},
    # the table of intervals
    "gender_gaps.col.group": {"sv": "Grupp", "en": "Group"},
    "gender_gaps.col.women": {"sv": "Kvinnor", "en": "Women"},
    "gender_gaps.col.men": {"sv": "Män", "en": "Men"},
    "gender_gaps.col.difference": {"sv": "Kvinnor − män (procentenheter)", "en": "Women − men (pp)"},
    "gender_gaps.col.ci": {"sv": "95 % KI (procentenheter)", "en": "95 % CI (pp)"},
    "gender_gaps.col.detectable": {"sv": "Upptäckbar med 80 % styrka (procentenheter)",
                                   "en": "Detectable at 80 % power (pp)"},
    "gender_gaps.col.excludes_zero": {"sv": "Intervallet utesluter 0", "en": "Interval excludes 0"},
    "gender_gaps.col.conflict": {"sv": "Olika värden", "en": "Conflict"},
    "gender_gaps.cell.rounded": {"sv": "{pct} av {n} (avrundat)", "en": "{pct} of {n} (rounded)"},
    "gender_gaps.cell.yes": {"sv": "ja", "en": "yes"},
    "gender_gaps.cell.no": {"sv": "nej", "en": "no"},
    "gender_gaps.cell.depends": {"sv": "beror på avrundningen", "en": "depends on rounding"},
    # the intervals in words
    "gender_gaps.none": {
        "sv": "Ingen grupp i data anger avslut till arbete eller studier för både kvinnor och män med sina nämnare, "
              "så skillnaden mellan könen kan inte skattas.",
        "en": "No group in the data gives exits to work or studies for both women and men with their "
              "denominators, so no gender gap can be estimated."},
    "gender_gaps.interval": {
        "sv": "**{label}**: kvinnor − män {difference} procentenheter, 95 % konfidensintervall {ci}",
        "en": "**{label}**: women − men {difference} percentage points, 95 % interval {ci}"},
    "gender_gaps.evidence": {"sv": ": belägg för en skillnad på 5 %-nivån.", "en": ": evidence of a difference."},
    "gender_gaps.depends": {
        "sv": ": om intervallet utesluter 0 beror på vilken av rapportens uppgifter eller avrundningar som stämmer.",
        "en": ": whether the interval excludes 0 depends on which of the report's figures or roundings is right."},
    "gender_gaps.no_evidence": {
        "sv": ": inga belägg för en skillnad — vilket inte är belägg för att skillnaden saknas. Uppgifterna är "
              "förenliga med skillnader från {low} till {high} procentenheter, och med de här gruppstorlekarna "
              "skulle en skillnad upptäckas med 80 % styrka först om den är omkring {detectable} procentenheter "
              "eller större.",
        "en": ": no evidence of a difference — which is not evidence of no difference. The data are compatible "
              "with gaps from {low} to {high} points, and these group sizes would detect a gap only of about "
              "{detectable} points or more with 80 % power."},
    "gender_gaps.versions": {"sv": " ({n} versioner av rapportens motstridiga uppgifter.)",
                             "en": " ({n} versions of the report's conflicting figures.)"},
    "gender_gaps.small_n": {
        "sv": " Få avslutade: {women} kvinnor och {men} män (färre än {small} i en grupp gör andelen osäker).",
        "en": " Few exits: {women} women and {men} men (fewer than {small} in a group make its rate uncertain)."},
    # participations are not persons (finsam.stats.persons, the rule of the gender-outcomes page)
    "gender_gaps.persons": {
        "sv": " Avsluten räknas i {noun}, inte i personer, och intervallet ovan behandlar vart och ett som en egen "
              "person; det blir därför för smalt. Rapporten anger {persons} unika personer bakom {participations} "
              "{noun}, så kvinnornas {n_women} och männens {n_men} avslut är minst {m_women} respektive {m_men} "
              "personer. Räknat på så få personer är 95 % konfidensintervallet {ci} procentenheter (ett försiktigt "
              "intervall).",
        "en": " The exits count {noun}, not persons, and the interval above treats each as a person of its own; it "
              "is therefore too narrow. The report states {persons} unique persons behind {participations} {noun}, "
              "so the women's {n_women} and the men's {n_men} exits are at least {m_women} and {m_men} persons. "
              "Counting only that many persons, the 95 % interval is {ci} percentage points (a cautious interval)."},
    "gender_gaps.no_persons": {
        "sv": " Avsluten räknas i {noun}, inte i personer: en person som avslutat flera insatser räknas en gång för "
              "varje, och intervallet ovan behandlar vart och ett som en egen person, så det är för smalt. "
              "Rapporten anger inte hur många personer det är, så hur mycket bredare det borde vara går inte att "
              "säga.",
        "en": " The exits count {noun}, not persons: a person who ended several interventions counts once for each, "
              "and the interval above treats each as a person of its own, so it is too narrow. The report does not "
              "state how many persons these are, so how much wider it should be cannot be said."},
    # pooled over the groups
    "gender_gaps.pooled_too_few": {
        "sv": "En sammanvägning kräver minst två grupper med antal per kön; data har {n}.",
        "en": "Pooling needs at least two groups with counts by gender; the data hold {n}."},
    "gender_gaps.pooled": {
        "sv": "Sammanvägd oddskvot enligt Mantel–Haenszel (kvinnor jämfört med män, för att gå till arbete eller "
              "studier) över {strata} grupper: {odds_ratio}, 95 % konfidensintervall {ci} (över alla versioner och "
              "avrundningar); test av en gemensam oddskvot på 1: p {p}. Breslow–Day-testet av om skillnaden "
              "varierar mellan grupperna: p {homogeneity_p}",
        "en": "Mantel–Haenszel odds ratio (women vs men, of leaving for work or studies) pooled over {strata} "
              "groups: {odds_ratio}, 95 % interval {ci} (over every version and rounding); test of a common odds "
              "ratio of 1: p {p}. Breslow–Day test of whether the gap differs between the groups: p "
              "{homogeneity_p}"},
    "gender_gaps.heterogeneous": {
        "sv": " — skillnaden varierar mellan grupperna, så en sammanvägd siffra beskriver inte alla.",
        "en": " — the gap differs between groups, so one pooled figure does not describe them all."},
    "gender_gaps.homogeneous": {
        "sv": " — inga belägg för att skillnaden varierar mellan grupperna (få grupper ger testet liten styrka).",
        "en": " — no evidence that the gap differs between the groups (with few groups this test has little "
              "power)."},
    # Breslow–Day is undefined where a group's table has an empty row or column (finsam.stats.inference.pooled_gap)
    "gender_gaps.homogeneity_undefined": {
        "sv": " — testet kan inte göras här: i minst en grupp är en rad eller kolumn i tabellen tom (till exempel "
              "ingen av ena könet som gick till arbete eller studier), och då är testet inte definierat. Om "
              "skillnaden varierar mellan grupperna går alltså inte att säga.",
        "en": " — the test cannot be made here: in at least one group a row or column of the table is empty (for "
              "instance no one of one gender left for work or studies), where the test is undefined. Whether the "
              "gap differs between the groups cannot be said."},
    "gender_gaps.combination": {
        "sv": " En kombination av antal analyserades: rapporternas egna antal; inget antal har hittats på.",
        "en": " One combination of counts was analysed: the reports' own counts; no count was invented."},
    "gender_gaps.combinations": {
        "sv": " {n} kombinationer av antal analyserades: varje antal som stämmer med rapporternas avrundade "
              "procentsatser och varje version av deras motstridiga uppgifter; inget antal har hittats på.",
        "en": " {n} combinations of counts were analysed: every count consistent with the reports' rounded "
              "percentages and every version of their conflicting figures; no count was invented."},
    "gender_gaps.pooled_groups_differ": {
        "sv": " Grupperna skiljer sig åt i förbund, period och målgrupp; sammanvägningen frågar bara om kvinnor "
              "och män går till arbete eller studier i samma grad inom varje grupp.",
        "en": " The groups differ in association, period and target group; pooling asks only whether women and "
              "men fare alike within each."},
    # exit reasons
    "gender_gaps.no_exit_reasons": {
        "sv": "Ingen grupp anger antal för flera avslutsanledningar för både kvinnor och män.",
        "en": "No group gives counts of several exit reasons for both women and men."},
    # more groups than finsam.stats.gaps.LISTED_IN_FULL: only the notable ones are worded
    "gender_gaps.listed": {
        "sv": "Av {groups} grupper beskrivs här bara de {listed} där skillnaden är statistiskt säkerställd eller "
              "beror på vilka av rapportens siffror som gäller; av ren slump väntas omkring {chance} statistiskt "
              "säkerställda skillnader bland så många grupper. Varje grupp finns i tabellen ovan och i dess "
              "nedladdningsbara filer.",
        "en": "Of {groups} groups, only the {listed} whose difference is statistically significant, or depends on "
              "which of the report's figures hold, are described here; among so many groups about {chance} "
              "significant differences are expected by chance alone. Every group is in the table above and its "
              "downloads."},
    "gender_gaps.exit_reasons_listed": {
        "sv": "{groups} grupper anger avslutsorsaker för kvinnor och män, och i {tested} av dem går ett test att "
              "göra. Här beskrivs bara de {listed} där kvinnors och mäns avslutsorsaker skiljer sig statistiskt "
              "säkerställt i någon version av rapportens siffror; av ren slump väntas omkring {chance} sådana.",
        "en": "{groups} groups give exit reasons for women and men, and {tested} of them can be tested. Only the "
              "{listed} where the exit reasons of women and men differ significantly in some version of the "
              "report's figures are described here; about {chance} such are expected by chance alone."},
    "gender_gaps.multiplicity": {
        "sv": "Flera intervall bedöms här på en gång: med 95 %-intervall utesluter i genomsnitt ett av tjugo noll "
              "av ren slump, och ingen korrektion för flera jämförelser görs.",
        "en": "Several intervals are judged here at once: with 95 % intervals, on average one in twenty excludes "
              "zero by chance alone, and no correction for multiple comparisons is made."},
    "gender_gaps.within_none": {
        "sv": "Där kvinnor och män deltar i olika insatser kan skillnaden mellan dem bero på insatsernas blandning. "
              "Skillnaden inom insatserna (Mantel–Haenszel över insatserna i ett förbund och år) kräver kvinnors "
              "och mäns avslut och utfall för minst två insatser som inte överlappar; inget förbund och år i data "
              "anger det, så den kan inte ställas bredvid den råa skillnaden.",
        "en": "Where women and men take part in different interventions, the gap between them may reflect the mix "
              "of interventions. The gap within interventions (Mantel–Haenszel over the interventions of one "
              "association and year) needs women's and men's exits and outcomes for at least two interventions "
              "that do not overlap; no association-year in the data gives them, so it cannot be set beside the "
              "crude gap."},
    "gender_gaps.within": {
        "sv": "**{label}** ({n} insatser): rå skillnad kvinnor − män {crude} procentenheter; inom insatserna "
              "(Mantel–Haenszel) {within} procentenheter; insatsernas blandning ensam förutsäger {mix} "
              "procentenheter.",
        "en": "**{label}** ({n} interventions): crude gap women − men {crude} percentage points; within the "
              "interventions (Mantel–Haenszel) {within} points; the mix of interventions alone predicts {mix} "
              "points."},
    "gender_gaps.exit_reasons": {
        "sv": "**{label}** (kvinnor/män: {rows}): {test}, X² = {statistic} med {dof} frihetsgrader, {p} — ",
        "en": "**{label}** (women/men: {rows}): {test}, X² = {statistic} on {dof} degrees of freedom, {p} — "},
    "gender_gaps.exit_reasons_untestable": {
        "sv": "**{label}** (kvinnor/män: {rows}): inget test är möjligt, eftersom bara en avslutsorsak eller bara "
              "det ena könet har avslutade.",
        "en": "**{label}** (women/men: {rows}): no test is possible, because only one exit reason or only one "
              "gender has anyone who ended."},
    "gender_gaps.exit_reasons_differ": {"sv": "kvinnor och män avslutar av olika anledningar.",
                                        "en": "women and men end for different reasons."},
    "gender_gaps.exit_reasons_no_evidence": {
        "sv": "inga belägg för att kvinnor och män avslutar av olika anledningar (vilket inte är belägg för att "
              "de avslutar av samma).",
        "en": "no evidence that women and men end for different reasons (not evidence that they do not)."},
    "gender_gaps.exit_reasons_versions": {
        "sv": "**{label}** (kvinnor/män: {rows}): rapporten anger några av de här antalen med olika värden, och "
              "{n} kombinationer av dem stämmer med rapportens egna delar och summor; var och en testas: {test}, "
              "X² = {statistic} med {dof} frihetsgrader, {p} — ",
        "en": "**{label}** (women/men: {rows}): the report states some of these counts with different values, and "
              "{n} combinations of them fit the report's own parts and totals; each is tested: {test}, "
              "X² = {statistic} on {dof} degrees of freedom, {p} — "},
    "gender_gaps.exit_reasons_versions_disagree": {
        "sv": "om kvinnor och män avslutar av olika anledningar beror på vilken version av siffrorna som stämmer: "
              "p-värdet hamnar på båda sidor om 0,05.",
        "en": "whether women and men end for different reasons depends on which version of the figures is true: "
              "p falls on either side of 0.05."},
    "gender_gaps.exit_reasons_ruled_out": {
        "sv": " Används inte, eftersom rapportens egna delar och summor utesluter det: ",
        "en": " Not used, because the report's own parts and totals rule it out: "},
    "gender_gaps.exit_reasons_rounded": {
        "sv": "**{label}** (kvinnor/män, procent av {n_women}/{n_men} avslutade: {rows}): rapporten anger "
              "avslutsanledningarna bara som avrundade procentsatser. Över alla {tables} tabeller med antal som "
              "stämmer med avrundningen och där anledningarna summerar till de avslutade av varje kön: {test}, "
              "X² = {statistic} med {dof} frihetsgrader, {p} — ",
        "en": "**{label}** (women/men, percent of {n_women}/{n_men} exited: {rows}): the report gives the exit "
              "reasons only as rounded percentages. Over all {tables} tables of counts consistent with the rounding "
              "whose reasons add up to each gender's exits: {test}, X² = {statistic} on {dof} degrees of freedom, "
              "{p} — "},
    "gender_gaps.exit_reasons_not_determinable": {
        "sv": "om kvinnor och män avslutar av olika anledningar går inte att avgöra ur de avrundade siffrorna: "
              "p-värdet hamnar på båda sidor om 0,05 beroende på vilka antal som ligger bakom procentsatserna.",
        "en": "whether women and men end for different reasons cannot be determined from the rounded figures: p "
              "falls on either side of 0.05 depending on the counts behind the percentages."},
    "gender_gaps.exit_reasons_rounded_untested": {
        "sv": "**{label}**: avslutsanledningarna anges bara som avrundade procentsatser, och {why}; inget test.",
        "en": "**{label}**: the exit reasons are given only as rounded percentages, and {why}; no test."},
    "gender_gaps.exit_reasons_why.no_table": {
        "sv": "inga antal som stämmer med avrundningen summerar till de avslutade (anledningarna täcker inte alla)",
        "en": "no counts consistent with the rounding add up to those who exited (the reasons do not cover "
              "everyone)"},
    "gender_gaps.exit_reasons_why.small_expected": {
        "sv": "några av tabellerna kan ha förväntade antal under 5, där ett annat test än χ²-testet skulle väljas",
        "en": "some of the tables may have expected counts below 5, where a test other than the chi-squared test "
              "would be chosen"},
}

# Swedish puts a space between a number and its percent sign; make it a no-break space (as
# finsam.views.fmt does) so that "80 %" never breaks across lines.
for _text in TEXT.values():
    _text["sv"] = _text["sv"].replace(" %", "\u00a0%")
