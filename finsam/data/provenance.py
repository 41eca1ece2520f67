"""Provenance: every observation's quote occurs verbatim on one line of its source text, and
the quote prints the observation's value (thousands separated by spaces, decimal comma kept in
its place, scaled by the unit the quote prints after it: kr, tkr, mkr, %, st). Built to stay fast at a million rows: the distinct quotes of each
source are found in one pass over its text with an Aho–Corasick automaton, and a value that
stands alone in its quote is accepted without the full analysis of number runs.
"""
from __future__ import annotations

import hashlib
import re
from pathlib import Path

import numpy as np
import pandas as pd

from finsam.data import csvio
from finsam.core.errors import Problem

_SEPARATORS = ",.\u00a0\u202f"  # decimal comma/point and the spaces that only group digits


def _cuts_number(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` starts or ends inside a number of ``text``: "5 av dem" cut
    out of "705 av dem", or "till 70" out of "till 705" or "till 70,5"."""
    q = text[start:end]
    if q[:1].isdigit() and start > 0:
        before = text[start - 1]
        if before.isdigit() or (before in _SEPARATORS and start > 1 and text[start - 2].isdigit()):
            return True
    if q[-1:].isdigit() and end < len(text):
        after = text[end]
        if after.isdigit() or (after in _SEPARATORS and end + 1 < len(text) and text[end + 1].isdigit()):
            return True
    return False


class SourceText:
    """A source document; ``find`` reports which of many quotes occur in it, in one pass."""

    def __init__(self, text: str):
        self.text = text

    def find(self, quotes) -> set[str]:
        """The quotes that occur verbatim on one line at least once without cutting a number."""
        return self.find_all(quotes)[0]

    def find_all(self, quotes) -> tuple[set[str], set[str]]:
        """(quotes found, quotes that occur only as a cut through a number of the text)."""
        import ahocorasick
        automaton = ahocorasick.Automaton()
        for q in quotes:
            if q and "\n" not in q:
                automaton.add_word(q, q)
        if len(automaton) == 0:
            return set(), set()
        automaton.make_automaton()
        found, cut = set(), set()
        text = self.text
        for last, q in automaton.iter(text):
            if q in found:
                continue
            if _cuts_number(text, last + 1 - len(q), last + 1):
                cut.add(q)
            else:
                found.add(q)
        return found, cut - found


def read_source(path: Path, raw: bytes | None = None) -> str:
    text, problems = csvio.decode(path, path.read_bytes() if raw is None else raw)
    if text is None:
        raise UnicodeError(str(problems[0]))
    return text


#: the units a quote may print right after a number, and what they multiply it by: the value of an
#: observation is the printed number times this (money in kronor; percent and counts as printed)
QUOTE_UNITS = {"mdkr": 1e9, "mkr": 1e6, "mnkr": 1e6, "miljoner kronor": 1e6, "miljoner": 1e6, "miljon": 1e6,
               "tkr": 1e3, "tusen kronor": 1e3, "kkr": 1e3, "kr": 1.0, "kronor": 1.0, "sek": 1.0, "%": 1.0,
               "procent": 1.0, "st": 1.0}
#: the scales a money figure printed without a unit may be in (tables headed "tkr" or "mkr")
_UNSTATED_MONEY_SCALES = (1.0, 1e3, 1e6)
_UNIT_AFTER = re.compile(r"[ \u00a0\u202f]*(" + "|".join(sorted(map(re.escape, QUOTE_UNITS), key=len, reverse=True))
                         + r")(?![A-Za-zÅÄÖåäö])", re.IGNORECASE)
_RUN = re.compile(r"\d+(?:[.,]\d+)?(?:[ \u00a0\u202f]\d+(?:[.,]\d+)?)*")
_GROUP = re.compile(r"[ \u00a0\u202f]")


def printed_numbers(quote: str) -> set[str]:
    """Digit strings of every number the quote may print. A flattened table row such as
    "TOTALT 651 368 270" is ambiguous (one number with thousands separators, or several), so
    every contiguous run of space-separated digit groups counts: 651, 368, 651368, 651368270 …
    A digit inside a longer number does not count: 0 is not printed in "30"."""
    return {digits for digits, _, _ in _numbers(quote)}


def _numbers(quote: str) -> list[tuple[str, float, str | None]]:
    """Every number the quote may print, as (digit string, value, the unit printed right after it
    or None). Each contiguous run of space-separated digit groups counts (see printed_numbers);
    only the last group of a number may carry a decimal comma (or point), and it keeps its place:
    "20,2" is 20.2, never 202."""
    out = []
    for m in _RUN.finditer(quote):
        groups = _GROUP.split(m.group())
        u = _UNIT_AFTER.match(quote, m.end())
        unit = u.group(1).lower() if u else None
        for i in range(len(groups)):
            for j in range(i, len(groups)):
                part = groups[i:j + 1]
                if any(not g.isdigit() for g in part[:-1]):  # a decimal inside: not one number
                    break
                last = part[-1].replace(".", ",")
                whole, _, frac = last.partition(",")
                digits = "".join(part[:-1]) + whole + frac
                value = float("".join(part[:-1]) + whole + ("." + frac if frac else ""))
                out.append((digits, value, unit if j == len(groups) - 1 else None))
    return out


def _matches(v: float, quote: str, money: bool) -> bool:
    """Whether ``v`` equals a number ``quote`` prints times the scale of the unit printed after it
    (QUOTE_UNITS); a money figure printed without a unit may be in kronor, tkr or mkr."""
    target = abs(v)
    for _, x, unit in _numbers(quote):
        scales = (QUOTE_UNITS[unit],) if unit else (_UNSTATED_MONEY_SCALES if money else (1.0,))
        if any(abs(x * s - target) <= 1e-9 * max(1.0, target) for s in scales):
            return True
    return False


def _stands_alone(quote: str, s: str) -> bool:
    """``s`` occurs in ``quote`` as a number of its own: no digit, and no separator followed
    (or preceded) by a digit, on either side, and no scaling unit (tkr, mkr …) after it. Then it
    is certainly a number the quote prints, as it is."""
    n, pos = len(quote), quote.find(s)
    while pos != -1:
        end = pos + len(s)
        before = quote[pos - 1] if pos else ""
        after = quote[end] if end < n else ""
        if not (before.isdigit() or (before in " ,.\u00a0\u202f" and pos > 1 and quote[pos - 2].isdigit())
                or after.isdigit() or (after in " ,.\u00a0\u202f" and end + 1 < n and quote[end + 1].isdigit())):
            u = _UNIT_AFTER.match(quote, end)
            if not u or QUOTE_UNITS[u.group(1).lower()] == 1.0:
                return True
        pos = quote.find(s, pos + 1)
    return False


#: a note's reading of a number OCR garbled by dropping its decimal comma or a thousands space:
#: "OCR '51159' = 5 115,9 tkr". Accepted only where the quote prints the garbled text and the
#: reading has exactly its digits (only the separators differ); the value must equal the reading.
_OCR_READING = re.compile(r"OCR '([^']+)' = (-?\d[\d \u00a0,.]*\d(?:[ \u00a0]?(?:tkr|mkr|kr|%))?)")


def ocr_reading_holds(value: float, quote: str, note: str, money: bool) -> bool:
    """Whether ``note`` reads a garbled number of ``quote`` (see _OCR_READING) as ``value``."""
    for printed, reading in _OCR_READING.findall(note if isinstance(note, str) else ""):
        if printed in quote and re.sub(r"\D", "", printed) == re.sub(r"\D", "", reading) \
                and _matches(value, reading, money):
            return True
    return False


def value_in_quote(values: pd.Series, quotes: pd.Series, money: pd.Series | None = None) -> pd.Series:
    """Whether each value equals a number its quote prints, read with the quote's own unit: "20,2 mkr"
    is 20 200 000 (not 202 000 000, 2 020 000 or 202), "73,9%" is 73.9 (not 7.39). ``money``
    (default: every row) marks the rows whose unit is money: only their numbers printed without a
    unit may be in tkr or mkr (a table headed "tkr")."""
    v = values.to_numpy(dtype=float)
    q = quotes.to_numpy(dtype=object)
    m = np.ones(len(v), dtype=bool) if money is None else money.to_numpy(dtype=bool)
    ok = np.zeros(len(v), dtype=bool)
    finite = np.isfinite(v)
    whole = finite & (v == np.round(v))
    plain = np.where(whole, np.abs(np.where(finite, v, 0)).astype(np.int64).astype(str), "")
    for i in range(len(v)):
        if not finite[i]:
            continue
        if whole[i] and _stands_alone(q[i], plain[i]):
            ok[i] = True
            continue
        ok[i] = _matches(v[i], q[i], bool(m[i]))
    return pd.Series(ok, index=values.index)


def sources_folder_problem(sources_dir: Path) -> Problem | None:
    """Why the sources folder cannot be used, or None."""
    shown = csvio._display(sources_dir)
    try:
        if sources_dir.is_dir():
            next(iter(sources_dir.iterdir()), None)  # readable?
            return None
        if sources_dir.exists():
            return Problem(shown, 0, "the source texts folder is not a folder: set FINSAM_SOURCES (or --sources) "
                                     "to the folder holding the report texts")
    except OSError as e:
        return Problem(shown, 0, f"cannot read the source texts folder: {e.strerror or e}")
    return Problem(shown, 0, "source texts folder not found: set FINSAM_SOURCES "
                             "(or --sources) to the folder holding the report texts")


def check_provenance(data_dir: Path, sources_dir: Path, sources: pd.DataFrame,
                     obs: pd.DataFrame, money_units=None) -> list[Problem]:
    """Problems of the quotes (verbatim on one line of their report) and values (printed in the
    quote, in its unit). ``money_units``: the units of class money (vocabulary.csv); default: all."""
    src_shown = csvio._display(Path(data_dir) / "sources.csv")
    obs_shown = csvio._display(Path(data_dir) / "observations.csv")
    problem = sources_folder_problem(sources_dir)
    if problem:
        return [problem]
    problems: list[Problem] = []
    texts: dict[str, SourceText] = {}
    root = sources_dir.resolve()
    for line, r in sources.iterrows():
        p = sources_dir / r["document"]
        try:
            if not p.resolve().is_relative_to(root):  # e.g. a symbolic link out of the folder
                problems.append(Problem(src_shown, int(line), f"source document {r['document']!r} of "
                                        f"{r['source_id']} lies outside the sources folder {csvio._display(root)}"))
                continue
            if not p.is_file():
                problems.append(Problem(src_shown, int(line), f"source document {r['document']!r} of "
                                        f"{r['source_id']} not found in {csvio._display(sources_dir)}"))
                continue
            raw = p.read_bytes()
            digest = hashlib.sha256(raw).hexdigest()
            if "sha256" in r and digest != r["sha256"]:
                problems.append(Problem(src_shown, int(line), f"source document {r['document']!r} of "
                                        f"{r['source_id']} has changed: its SHA-256 is {digest}, sources.csv says "
                                        f"{r['sha256']}"))
            texts[r["source_id"]] = SourceText(read_source(p, raw))
        except UnicodeError as e:
            problems.append(Problem(src_shown, int(line), f"source document is unreadable: {e}"))
        except OSError as e:
            problems.append(Problem(src_shown, int(line), f"cannot read source document {r['document']!r} "
                                    f"of {r['source_id']}: {e.strerror or e}"))
    sids = obs["source_id"].astype(str).to_numpy(dtype=object)
    quotes = obs["quote"].astype(str).to_numpy(dtype=object)
    codes, names = pd.factorize(sids)  # hash-based: sorting a million strings would dominate
    have = np.isin(codes, [i for i, n in enumerate(names) if n in texts])
    # verbatim quotes: each source's distinct quotes found in one pass over its text
    quote_ok = np.zeros(len(obs), dtype=bool)
    quote_cut = np.zeros(len(obs), dtype=bool)
    order = np.argsort(codes, kind="stable")
    bounds = np.flatnonzero(np.r_[True, codes[order][1:] != codes[order][:-1], True])
    for a, b in zip(bounds[:-1], bounds[1:]):
        idx = order[a:b]
        if not len(idx):  # no observations at all
            continue
        sid = names[codes[idx[0]]]
        if sid not in texts:
            continue
        qs = quotes[idx]
        found, cut = texts[sid].find_all(set(qs))
        quote_ok[idx] = [q in found for q in qs]
        quote_cut[idx] = [q in cut for q in qs]
    money = None if money_units is None else obs["unit"].astype(str).isin(set(money_units))
    value_ok = value_in_quote(obs["value"], pd.Series(quotes, index=obs.index), money).to_numpy().copy()
    notes = obs["note"].astype(str).to_numpy(dtype=object) if "note" in obs else None
    for i in np.flatnonzero(~value_ok) if notes is not None else ():
        value_ok[i] = ocr_reading_holds(float(obs["value"].iloc[i]), quotes[i], notes[i],
                                        True if money is None else bool(money.iloc[i]))
    doc = sources.set_index("source_id")["document"]
    for i in np.flatnonzero(have & ~(quote_ok & value_ok)):  # only rows that failed
        line, sid, q = int(obs.index[i]), sids[i], quotes[i]
        if quote_cut[i]:
            problems.append(Problem(obs_shown, line, f"quote starts or ends inside a number of "
                                    f"{doc.get(sid, sid)} (cut out of a longer number): {q[:80]!r}"))
        elif not quote_ok[i]:
            problems.append(Problem(obs_shown, line, f"quote not found verbatim on one line of "
                                    f"{doc.get(sid, sid)}: {q[:80]!r}"))
        else:
            problems.append(Problem(obs_shown, line, f"value {obs['value'].iloc[i]:.10g} does not appear in its "
                                    f"quote {q[:80]!r}"))
    return problems
