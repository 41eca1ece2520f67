"""Golden tables: every table and text each report view returns, for every parameter set the data
support, compared with tests/golden/ (written by `python -m finsam.devtools golden` and reviewed
in the diff). A change anywhere a reader would see it fails here until it is looked at."""
import pytest

import finsam
from finsam.devtools import golden_dir
from finsam.texts import LANGUAGES
from finsam.views.registry import NOTEBOOKS, choices, report_stem
from finsam.views.outputs import section_outputs

CASES = [(nb, p, lang) for nb in NOTEBOOKS for p in choices(nb, finsam.load()) for lang in LANGUAGES]


def test_every_parameter_set_has_golden_outputs_and_no_stale_ones():
    expected = {f"{lang}/{report_stem(nb, p)}" for nb, p, lang in CASES}
    present = {f"{lang.name}/{d.name}" for lang in golden_dir().iterdir() if lang.is_dir()
               for d in lang.iterdir() if d.is_dir()}
    assert present == expected, "run `python -m finsam.devtools golden` and review the diff"


@pytest.mark.parametrize("notebook,params,lang", CASES, ids=[f"{lang}-{report_stem(nb, p)}" for nb, p, lang in CASES])
def test_view_outputs_match_the_golden_files(notebook, params, lang):
    d = golden_dir() / lang / report_stem(notebook, params)
    got = section_outputs(finsam.load(), notebook, params, lang)
    assert sorted(got) == sorted(f.name for f in d.iterdir())
    for name, text in got.items():
        assert text == (d / name).read_text(encoding="utf-8"), f"{d.name}/{name} changed"
