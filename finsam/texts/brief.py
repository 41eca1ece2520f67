"""Texts of "I korthet / In brief", the few sentences every page opens with, and of the closed
section "Så har vi räknat / How we calculated" that holds the method. Plain words: no test names,
"inte statistiskt säkerställd" where Swedish readers expect it."""

TEXT = {
    "brief.heading": {"sv": "## I korthet", "en": "## In brief"},
    "brief.method": {"sv": "Så har vi räknat", "en": "How we calculated"},
    # ------------------------------------------------------------------ one association and year
    "brief.rate_counts": {
        "sv": "Under {year} avslutades {n} {noun}; {k} av dem ({rate}) gick vidare till arbete eller studier.",
        "en": "In {year}, {n} {noun} ended; {k} of them ({rate}) went on to work or studies.",
    },
    "brief.rate_reported": {
        "sv": "Under {year} gick {rate} av de avslutade vidare till arbete eller studier, enligt rapporten.",
        "en": "In {year}, {rate} of those who ended went on to work or studies, as the report states.",
    },
    "brief.conflict": {
        "sv": " Rapporten anger siffrorna på olika sätt, därför visas alla värden den tillåter.",
        "en": " The report states the figures in different ways, so every value it allows is shown.",
    },
    "brief.group": {"sv": " Siffrorna gäller {group}.", "en": " The figures are for {group}."},
    "brief.no_rate": {
        "sv": "Rapporten för {year} anger inte hur många som gick vidare till arbete eller studier.",
        "en": "The report for {year} does not state how many went on to work or studies.",
    },
    "brief.goal_above": {
        "sv": "Målet var {goal}; utfallet låg {diff} över målet.",
        "en": "The goal was {goal}; the outcome was {diff} above it.",
    },
    "brief.goal_below": {
        "sv": "Målet var {goal}; utfallet låg {diff} under målet.",
        "en": "The goal was {goal}; the outcome was {diff} below it.",
    },
    "brief.goal_met": {"sv": "Målet var {goal}, och det nåddes.", "en": "The goal was {goal}, and it was met."},
    "brief.goal": {"sv": "Målet var {goal}.", "en": "The goal was {goal}."},
    "brief.national": {
        "sv": "I hela landet var andelen {national}, enligt rapporten.",
        "en": "Nationally the share was {national}, as the report quotes it.",
    },
    "brief.gap.significant": {
        "sv": "Kvinnor: {women}, män: {men}; skillnaden mellan kvinnor och män är statistiskt säkerställd.",
        "en": "Women: {women}, men: {men}; the difference between women and men is statistically significant.",
    },
    "brief.gap.not_significant": {
        "sv": "Kvinnor: {women}, män: {men}; skillnaden mellan kvinnor och män är inte statistiskt säkerställd.",
        "en": "Women: {women}, men: {men}; the difference between women and men is not statistically "
              "significant.",
    },
    "brief.gap.depends": {
        "sv": "Kvinnor: {women}, män: {men}; om skillnaden är statistiskt säkerställd beror på vilka av "
              "rapportens siffror som gäller.",
        "en": "Women: {women}, men: {men}; whether the difference is statistically significant depends on "
              "which of the report's figures hold.",
    },
    "brief.gap.none": {
        "sv": "Rapporten ger inte utfallet för kvinnor och män var för sig med antal som går att jämföra.",
        "en": "The report does not give the outcome for women and men separately with counts that can be "
              "compared.",
    },
    "brief.not_people": {
        "sv": "Siffrorna räknar {noun}, inte personer: samma person kan räknas mer än en gång.",
        "en": "The figures count {noun}, not people: the same person may be counted more than once.",
    },
    # ------------------------------------------------------------------ page-specific
    "brief.interventions": {
        "sv": "Sidan jämför {m} insatser; högst andel hade {high} ({high_rate}), lägst {low} ({low_rate}).",
        "en": "The page compares {m} interventions; the highest share was {high} ({high_rate}), the lowest "
              "{low} ({low_rate}).",
    },
    "brief.profile": {
        "sv": "Rapporten delar upp deltagarna efter {dimensions}.",
        "en": "The report breaks the participants down by {dimensions}.",
    },
    "brief.profile.none": {
        "sv": "Rapporten för {year} delar inte upp deltagarna efter kännetecken.",
        "en": "The report for {year} does not break the participants down by characteristics.",
    },
    "brief.overview": {
        "sv": "Sidan visar {n} förbund, vart och ett det år som dess senaste rapport gäller ({years}).",
        "en": "The page shows {n} associations, each in the year of its latest report ({years}).",
    },
    "brief.overview.range": {
        "sv": "Andelen som gick vidare till arbete eller studier var från {low} ({low_name}) till {high} "
              "({high_name}).",
        "en": "The share who went on to work or studies ranged from {low} ({low_name}) to {high} ({high_name}).",
    },
    "brief.overview.significant": {
        "sv": "Skillnaden mellan förbunden är statistiskt säkerställd, men förbunden räknar på olika sätt: "
              "tabellen är ingen rangordning.",
        "en": "The difference between the associations is statistically significant, but they count in "
              "different ways: the table is not a ranking.",
    },
    "brief.overview.not_significant": {
        "sv": "Skillnaden mellan förbunden är inte statistiskt säkerställd, och förbunden räknar på olika sätt: "
              "tabellen är ingen rangordning.",
        "en": "The difference between the associations is not statistically significant, and they count in "
              "different ways: the table is not a ranking.",
    },
    "brief.overview.no_rates": {
        "sv": "Inget förbund anger hur många som gick vidare till arbete eller studier.",
        "en": "No association states how many went on to work or studies.",
    },
    "brief.gaps": {
        "sv": "I {groups} grupper går andelen kvinnor och män som gick vidare till arbete eller studier att "
              "jämföra. I {evidence} av dem är skillnaden statistiskt säkerställd; i {depends} beror det på vilka "
              "av rapportens siffror som gäller.",
        "en": "In {groups} groups the shares of women and men who went on to work or studies can be compared. "
              "In {evidence} of them the difference is statistically significant; in {depends} it depends on "
              "which of the report's figures hold.",
    },
    "brief.gaps.no_depends": {
        "sv": "I {groups} grupper går andelen kvinnor och män som gick vidare till arbete eller studier att "
              "jämföra. I {evidence} av dem är skillnaden statistiskt säkerställd.",
        "en": "In {groups} groups the shares of women and men who went on to work or studies can be compared. "
              "In {evidence} of them the difference is statistically significant.",
    },
    "brief.gaps.no_evidence": {
        "sv": "I {groups} grupper går andelen kvinnor och män som gick vidare till arbete eller studier att "
              "jämföra. I ingen av dem är skillnaden statistiskt säkerställd.",
        "en": "In {groups} groups the shares of women and men who went on to work or studies can be compared. "
              "In none of them is the difference statistically significant.",
    },
    "brief.gaps.none": {
        "sv": "Inga rapporter ger utfall för kvinnor och män med antal som går att jämföra.",
        "en": "No report gives outcomes for women and men with counts that can be compared.",
    },
    # the groups without evidence: the difference they could have detected (finsam.stats.brief.Gaps)
    "brief.gaps.small": {
        "sv": "En skillnad som inte är statistiskt säkerställd kan ändå finnas: grupper av de här storlekarna "
              "upptäcker med 80 % sannolikhet bara skillnader på omkring {detectable} procentenheter.",
        "en": "A difference that is not statistically significant may still exist: groups of these sizes detect "
              "with 80 % probability only differences of about {detectable} percentage points.",
    },
    # many comparisons at once: how many would be significant by chance alone (no correction is made)
    "brief.gaps.chance": {
        "sv": "Med {groups} jämförelser väntas omkring {chance} statistiskt säkerställda skillnader av ren slump, "
              "även om kvinnor och män i själva verket hade samma andel.",
        "en": "With {groups} comparisons, about {chance} statistically significant differences are expected by "
              "chance alone, even if women and men in fact had the same share.",
    },
}
