"""statement_kinds: the Arrow (RE2) path for many quotes answers as Python's re does."""
from __future__ import annotations

import random
import re
import sys

import pytest

from finsam.data import frames


def _ranges(pattern: str) -> list[tuple[int, int]]:
    r = re.compile(pattern)
    out: list[list[int]] = []
    for c in range(sys.maxunicode + 1):
        if 0xD800 <= c <= 0xDFFF or not r.match(chr(c)):
            continue
        if out and out[-1][1] == c - 1:
            out[-1][1] = c
        else:
            out.append([c, c])
    return [tuple(x) for x in out]


@pytest.mark.parametrize("pattern, ranges", [(r"\s", frames.PY_SPACE), (r"\d", frames.PY_DIGIT)])
def test_the_classes_given_to_re2_are_pythons(pattern, ranges):
    assert list(ranges) == _ranges(pattern)


TRICKY = [
    "Deltagare kvinnor 2014 hela förbundet: 39 personer",
    "TOTALT 651 368 270", "TOTALT 651 368 270 ", "TOTALT 651 368 270\n", "TOTALT 651 368\n270",
    "Män\u00a012\u00a034\u00a056", "Män\u202f12\u202f34\u202f5", "Män\u200912 34 56 st", "a 1 2", "a 1 2 3",
    "a\t1", "a | b", "|", "\t", "", " 1 2 3", "x ١٢ ٣ ٤", "x \u0661 \u0662 \u0663", "x \uff11 \uff12 \uff13",
    "x 1 2 3 \u3000", "x 1 2 3 \x1c", "x 1  2  3", "x 1,5 2 3", "x 1 2,5 3", "x 12 34 56 kr", "x 1\n2\n3",
    "x 1 2 3 \n\n", "x\u00851\u00852\u00853", "år 2019 2020 2021", "23 st (12 kvinnor, 11 män) 2019 2020 4",
    "x \U00011f50 \U00011f51 \U00011f52",  # Kawi digits: RE2's Unicode tables know them, Python 3.11's do not
]


def test_arrow_and_python_agree_on_tricky_quotes():
    assert frames._kinds_arrow(TRICKY) == ["table" if frames._TABLE_MARK.search(q) else "text" for q in TRICKY]
    assert "table" in frames._kinds_arrow(TRICKY) and "text" in frames._kinds_arrow(TRICKY)


def test_arrow_and_python_agree_on_random_quotes():
    rng = random.Random(28)
    alphabet = list("0123456789 ab|,.\t\n") + ["\u00a0", "\u202f", "\u2009", "\u0663", "\uff15", "\x1d", "å"]
    quotes = ["".join(rng.choices(alphabet, weights=[6] * 10 + [12, 2, 2, 1, 1, 1, 1, 1] + [2] * 7,
                                  k=rng.randint(0, 14))) for _ in range(20_000)]
    python = ["table" if frames._TABLE_MARK.search(q) else "text" for q in quotes]
    assert frames._kinds_arrow(quotes) == python
    assert frames.statement_kinds(quotes) == python  # len >= ARROW_FROM: the Arrow path
    assert 0.05 < python.count("table") / len(python) < 0.95


def test_a_quote_arrow_cannot_hold_falls_back_to_python():
    quotes = ["a 1 2 3", "x\ud800 1 2 3"] + ["text"] * frames.ARROW_FROM
    assert frames.statement_kinds(quotes)[:3] == ["table", "table", "text"]
