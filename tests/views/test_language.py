"""A Swedish reader finds no English on a Swedish page, and an English reader no Swedish on an
English page: every text and table of every view, for every parameter set, in both languages.

What the reports write stays as they write it (names of associations and interventions, category
labels, verbatim quotes) and is taken out before the words are checked; so are the curators'
notes, which are English and shown on English pages only. The word lists hold words that belong
to one language only (not 'men', which is Swedish for 'but', nor 'by', 'all' or 'per')."""
import re

import pytest

import finsam
from finsam.devtools import golden_dir
from finsam.views.registry import NOTEBOOKS, choices, report_stem

TABLES = finsam.load()
PAGES = [(nb, p) for nb in NOTEBOOKS for p in choices(nb, TABLES)]

ENGLISH = {"the", "and", "of", "with", "from", "to", "for", "are", "women", "rate", "rates", "interval", "participants",
           "participant", "report", "reports", "year", "years", "exited", "exits", "studies", "difference",
           "between", "which", "this", "that", "not", "no", "only", "than", "there", "these", "where", "when",
           "would", "could", "has", "have", "was", "were", "or", "on", "gender", "outcome", "outcomes", "cost",
           "costs", "group", "groups", "share", "work", "none", "yes", "funnel", "goal", "goals", "reported",
           "derived", "conflict", "caveats", "figure", "table", "points", "percentage", "people", "persons",
           "cases", "participations", "unknown", "everyone", "limits", "within", "outside", "above", "below",
           "value", "values", "source", "counts", "count", "evidence", "detectable", "power", "pooled", "tested",
           "odds", "squared", "exact", "about", "chance", "headline", "national", "heterogeneity", "weighted",
           "target", "degrees", "freedom"}
SWEDISH = {"och", "av", "för", "med", "som", "inte", "är", "till", "kvinnor", "män", "deltagare", "andel", "år",
           "eller", "från", "har", "den", "det", "utfall", "avslutade", "rapporten", "uppgift", "uppgifter",
           "skillnad", "ingen", "inga", "kostnad", "kostnader", "insats", "insatser", "förbundet", "samtliga",
           "procentenheter", "arbete", "studier", "också", "mellan", "över", "efter", "enligt", "insatserna",
           "sammanvägda", "uppfyllt", "belägg"}


def _data_texts(tables) -> list[str]:
    """Text the pages show as the reports or the curators wrote it, longest first."""
    texts = set()
    texts.update(tables.associations["name"].astype(str))
    i = tables.interventions
    texts.update(i["intervention"].astype(str))
    for aliases in i["aliases"].dropna().astype(str):
        texts.update(a for a in aliases.split(";") if a)
    texts.update(i["note"].dropna().astype(str))
    texts.update(i["target_group"].dropna().astype(str))
    o = tables.observations
    texts.update(o["quote"].astype(str))
    texts.update(o["note"].astype(str))
    # the curators' explanations of contradicted figures, as the pages cut them from the notes
    from finsam.data.conflicts import resolve
    from finsam.stats.findings import contradictions
    texts.update(c.note for c in contradictions(resolve(o)))
    texts.update(o["intervention"].astype(str))
    c = tables.categories
    texts.update(c["label_sv"].astype(str))
    texts.update(c["category"].astype(str))
    texts.update(tables.sources["title"].astype(str))
    return sorted((t for t in texts if t.strip()), key=len, reverse=True)


DATA_TEXTS = _data_texts(TABLES)
#: the curated descriptions of metrics in each language (metrics.csv description_sv/_en): a page shows
#: its own language's, whose words may look like the other language's ("tidpunkt i not", a footnote)
OWN_DESCRIPTIONS = {lang: sorted(TABLES.metrics[f"description_{lang}"].dropna().astype(str), key=len, reverse=True)
                    for lang in ("sv", "en")}


def foreign_words(text: str, lang: str) -> set[str]:
    """Words of the other language left in ``text`` once data text, and text marked as written in
    another language (``<span lang="en">``: a screen reader reads it in that language), is taken out."""
    text = re.sub(r'<(\w+) lang="(?!' + lang + r'")[\w-]+">.*?</\1>', " ", text, flags=re.S)
    for t in DATA_TEXTS + OWN_DESCRIPTIONS.get(lang, []):
        if t in text:
            text = text.replace(t, " ")
    text = re.sub(r"\\(.)", r"\1", text)  # Markdown escapes
    words = set(re.findall(r"[^\W\d_]+", text.lower()))
    return words & (ENGLISH if lang == "sv" else SWEDISH)


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("notebook,params", PAGES, ids=[report_stem(nb, p) for nb, p in PAGES])
def test_a_page_speaks_one_language(notebook, params, lang):
    # the page's texts and tables as tests/golden holds them (test_golden checks they are what the
    # views return today), so the views are not run a second time
    d = golden_dir() / lang / report_stem(notebook, params)
    out = {f.name: f.read_text(encoding="utf-8") for f in sorted(d.iterdir())}
    assert out, d
    found = {name: sorted(foreign_words(text, lang)) for name, text in out.items()}
    found = {k: v for k, v in found.items() if v}
    assert not found, f"{lang} page {report_stem(notebook, params)} has words of the other language: {found}"


def test_the_check_finds_words_of_the_other_language():
    assert foreign_words("Andelen kvinnor som gick till arbete, 95 % interval", "sv") == {"interval"}
    assert foreign_words("Share of women who left för work", "en") == {"för"}
    # words marked as the other language are not the page's; unmarked ones or ones marked as the page's are
    assert foreign_words('Anteckning: <span lang="en">the interval</span>', "sv") == set()
    assert foreign_words('Anteckning: <span lang="sv">the interval</span>', "sv") == {"the", "interval"}
    name = str(TABLES.associations["name"].iloc[0])
    assert foreign_words(f"{name} och", "en") == {"och"} and not foreign_words(name, "en")


def test_no_text_key_is_written_twice():
    """A key written twice in a texts module is a dict literal's silent override: the first text
    never shows (the index's "Om siffrorna och intervallen" heading was lost that way)."""
    import ast
    from pathlib import Path

    import finsam.texts
    twice = []
    for path in sorted(Path(finsam.texts.__file__).parent.glob("*.py")):
        # every text key of the module (dotted: "index.about"), over TEXT = {…} and each TEXT.update({…})
        keys = [k.value for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))) if isinstance(node, ast.Dict)
                for k in node.keys if isinstance(k, ast.Constant) and isinstance(k.value, str) and "." in k.value]
        twice += [f"{path.name}: {k}" for k in sorted(set(keys)) if keys.count(k) > 1]
    assert not twice, twice
