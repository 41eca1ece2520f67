"""Finding the numbers of one line of report text, and reading them as values: rules, not learning.

A Swedish report prints ``1 009`` (a space, no-break space or thin space groups thousands),
``10,7`` (decimal comma), ``40 %`` / ``40 procent``, ``10,7 mkr`` / ``1 009 tkr`` / ``2,1 miljoner
kronor``, and now and then a number as a word (``tio``). A flattened table prints its cells with
spaces between them too, so ``651 368 270`` may be one number or three: every reading whose
groups could be thousands (the first group any length, each later one exactly three digits) is
offered as a token of its own, with where it sits in its run of digit groups, and the model
decides which reading states a fact (:mod:`finsam.extract.features` describes the run to it).

The value of a token is the number as printed (``10,7 mkr`` is 10.7 with scale 1 000 000); the
unit *codes* come from data/vocabulary.csv by their class (percent, money), never from here.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

#: vocabulary.csv's unit class of a percentage (semantics.PERCENT_CLASS; tests/extract/test_extract_numbers.py
#: checks they agree): named here so the rule-based reader imports nothing of the package
PERCENT_CLASS = "percent"  # not a vocabulary code

#: characters that group thousands in Swedish print: space, no-break space, narrow no-break
#: space, thin space
GROUP = " \u00a0\u202f\u2009"
_ATOM = r"\d+(?:[,.]\d+)?"
#: a run of digit groups: atoms separated by single grouping characters
_RUN = re.compile(rf"{_ATOM}(?:[{GROUP}]{_ATOM})*")
_MINUS = "-\u2212\u2013"  # hyphen-minus, minus sign, en dash

#: unit words after a number: (pattern, unit class, scale). Longest first; matched case-insensitively
#: after optional spaces. "procentenheter" (percentage points) is a difference, not a percentage.
_UNITS: list[tuple[str, str, float]] = [
    (r"procentenheter\b", "points", 1),
    (r"%-?enheter\b", "points", 1),
    (r"procent\b", PERCENT_CLASS, 1),
    (r"%", PERCENT_CLASS, 1),
    (r"miljoner\s+kronor\b", "money", 1e6),
    (r"miljarder\s+kronor\b", "money", 1e9),
    (r"milj(?:oner|\.)?\s*kr\b", "money", 1e6),
    (r"miljoner\b", "money_scale", 1e6),
    (r"tusen\s+kronor\b", "money", 1e3),
    (r"(?:mkr|mnkr|msek|mkronor)\b", "money", 1e6),
    (r"(?:tkr|tsek|tkronor)\b", "money", 1e3),
    (r"(?:kr|kronor|sek)\b", "money", 1),
]
_UNIT = re.compile(r"[ \u00a0\u202f\u2009]?(?:" + "|".join(f"(?P<u{i}>{p})" for i, (p, _, _) in enumerate(_UNITS)) + ")",
                   re.IGNORECASE)

#: number words whose value is certain ("en"/"ett" are also articles, so they are left out)
NUMBER_WORDS = {
    "två": 2, "tre": 3, "fyra": 4, "fem": 5, "sex": 6, "sju": 7, "åtta": 8, "nio": 9, "tio": 10,
    "elva": 11, "tolv": 12, "tretton": 13, "fjorton": 14, "femton": 15, "sexton": 16, "sjutton": 17,
    "arton": 18, "nitton": 19, "tjugo": 20, "trettio": 30, "fyrtio": 40, "femtio": 50, "sextio": 60,
    "sjuttio": 70, "åttio": 80, "nittio": 90, "hundra": 100,
}
_WORD = re.compile(r"(?<![\w-])(" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")(?![\w-])",
                   re.IGNORECASE)


_MONEY_WORD = re.compile(r"(?<![\w])(?:" + "|".join(f"(?P<m{i}>{p})" for i, (p, c, _) in enumerate(_UNITS)
                                                    if c == "money") + ")", re.IGNORECASE)


def money_unit_words(line: str) -> list[float]:
    """The scales of the money unit words a line prints on their own, not after a number (a table's
    "Belopp i tkr", "(mkr)", a header's "kr"): 1, 1e3 or 1e6, in order."""
    out = []
    for m in _MONEY_WORD.finditer(line):
        before = line[: m.start()].rstrip()
        if before[-1:].isdigit():
            continue
        k = next(int(g[1:]) for g, v in m.groupdict().items() if v is not None)
        out.append(_UNITS[k][2])
    return out


@dataclass(frozen=True)
class Token:
    """One reading of a number printed in a line."""

    start: int  #: where the number starts in the line (its sign included)
    end: int  #: where its digits end (the unit is not part of it)
    text: str  #: the number as printed, e.g. "-1 992,8"
    value: float  #: the number as printed, unscaled: "10,7" -> 10.7
    unit_class: str = ""  #: from a unit word right after it: percent, points, money, money_scale or ""
    scale: float = 1.0  #: from that unit word: 1, 1e3 (tkr), 1e6 (mkr)
    unit_text: str = ""  #: the unit word as printed
    unit_end: int = 0  #: where the unit word ends (= end without one)
    word: bool = False  #: written as a word ("tio")
    groups: int = 1  #: digit groups joined into this reading
    run_groups: int = 1  #: digit groups in the run it comes from
    run_index: int = 0  #: index of its first group in the run
    decimals: int = 0  #: digits after the decimal comma

    @property
    def whole_run(self) -> bool:
        return self.groups == self.run_groups


def _atom_value(atom: str) -> tuple[float, int] | None:
    """'10,7' -> (10.7, 1); '1.5' -> (1.5, 1); None for what is not a number."""
    if "," in atom or "." in atom:
        head, _, tail = atom.replace(",", ".").partition(".")
        return float(f"{head}.{tail}"), len(tail)
    return float(atom), 0


def _unit_after(line: str, end: int) -> tuple[str, float, str, int]:
    m = _UNIT.match(line, end)
    if not m:
        return "", 1.0, "", end
    for i, (_, cls, scale) in enumerate(_UNITS):
        if m.group(f"u{i}") is not None:
            return cls, scale, m.group(f"u{i}"), m.end()
    return "", 1.0, "", end  # pragma: no cover (one group always matched)


def _sign_start(line: str, start: int) -> int:
    """The start of a number with its minus sign: '-253', '−1 992,8' (not the hyphen of 'SE-123')."""
    if start > 0 and line[start - 1] in _MINUS:
        before = line[start - 2] if start > 1 else " "
        if not (before.isalnum() or before in _MINUS):
            return start - 1
    return start


def tokens(line: str) -> list[Token]:
    """Every reading of every number in ``line``, in order of position (the longer readings of a
    run first)."""
    out: list[Token] = []
    for m in _RUN.finditer(line):
        s, e = m.start(), m.end()
        # digits glued to letters ("2x", "a1", "H3") are codes, not numbers; a preceding digit
        # group separated by a comma ("1,2,3") is not ours to join
        if (s > 0 and (line[s - 1].isalpha() or line[s - 1] in "_/")) or (e < len(line) and line[e].isalpha()
                                                                           and not _UNIT.match(line, e)):
            if not (e < len(line) and line[e] == "%"):
                continue
        atoms, pos = [], s
        for a in re.split(f"[{GROUP}]", m.group()):
            atoms.append((pos, a))
            pos += len(a) + 1
        n = len(atoms)
        for i in range(n):
            for j in range(n, i, -1):
                group = atoms[i:j]
                # thousands: later groups exactly three digits, only the last with decimals
                if j - i > 1 and not all(re.fullmatch(r"\d{3}", a) for _, a in group[1:-1]):
                    continue
                if j - i > 1 and not re.fullmatch(r"\d{3}(?:[,.]\d+)?", group[-1][1]):
                    continue
                if j - i > 1 and not group[0][1].isdigit():
                    continue
                if re.match(r"0\d", group[0][1]):  # "047", "000": the middle of a number, or a date's "01"
                    continue
                digits = "".join(a for _, a in group)
                parsed = _atom_value(digits)
                if parsed is None:
                    continue
                value, decimals = parsed
                start = group[0][0]
                end = group[-1][0] + len(group[-1][1])
                signed = _sign_start(line, start)
                if signed < start:
                    value = -value
                if j == n:
                    cls, scale, utext, uend = _unit_after(line, end)
                else:
                    cls, scale, utext, uend = "", 1.0, "", end
                out.append(Token(signed, end, line[signed:end], value, cls, scale, utext, uend, False,
                                 j - i, n, i, decimals))
    for m in _WORD.finditer(line):
        cls, scale, utext, uend = _unit_after(line, m.end())
        out.append(Token(m.start(), m.end(), m.group(), float(NUMBER_WORDS[m.group().lower()]), cls, scale,
                         utext, uend, True))
    out.sort(key=lambda t: (t.start, -(t.end - t.start)))
    return out


def printed(value: float, scale: float = 1.0) -> str:
    """A value as the model and the output print it: no exponent, no trailing '.0'."""
    v = value * scale
    return f"{v:.6f}".rstrip("0").rstrip(".") if v != int(v) else str(int(v))
