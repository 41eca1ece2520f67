"""What the model sees of each number: the words around it, its line, the headings above it, and
for a flattened table row the table's header line, the column it sits in and the row's label;
and the number's own shape (unit, decimals, size, where it sits in its run of digit groups).

Everything here describes text generically (what a heading, a table row or a header line looks
like); no report's wording is listed. :func:`document_tokens` turns a document into one row per
number reading with these fields as plain text, which is also what the shipped training set holds
(so the model can be trained without the report texts).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

from .numbers import Token, money_unit_words, tokens

#: characters of context kept on each side of a number
WINDOW = 80
#: how far up a heading is looked for
HEADING_REACH = 60
#: how far up a money unit word ("Belopp i tkr") is looked for
UNIT_REACH = 60
#: headings kept for naming an intervention, and how far up they are looked for
HEADINGS = 6
SECTION_REACH = 300

_RUNS = re.compile(r"[-\u2212\u2013]?\d+(?:[,.]\d+)?(?:[ \u00a0\u202f\u2009]\d+(?:[,.]\d+)?)*")
_SECTION = re.compile(r"^\s*(?:#+\s*)?(\d+(?:\.\d+)*\.?)\s+\S")
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
_WORDS = re.compile(r"[^\W\d_]+", re.UNICODE)

#: the columns of document_tokens(): where the reading is, what it is, and the raw text around it
TOKEN_COLUMNS = ("line", "start", "end", "unit_end", "text", "number", "unit_class", "scale", "word", "cell",
                 "table_row", "col_left", "col_right", "shape", "line_text", "prev_text", "next_text", "heading",
                 "heading2", "header", "column", "rowlabel", "headings")
#: what the model reads (model_inputs): character windows, positional words, context words, shape
MODEL_FIELDS = ("left", "right", "near", "context", "table", "shape", "lex_near", "lex_clause", "lex_column", "lex_rowlabel",
                "lex_headings")


def mask(text: str) -> str:
    """Digits replaced by '#' (each run of digit groups one '#'), lower case, spaces squeezed."""
    return re.sub(r"\s+", " ", _RUNS.sub("#", text)).strip().lower()


def words(text: str) -> list[str]:
    return _WORDS.findall(text.lower())


@dataclass
class LineInfo:
    heading: str  #: the nearest heading-like line above (or this line's own heading)
    heading_line: int  #: its index, -1 for none
    heading2: str  #: the heading before that
    table_row: bool  #: a flattened table row: two or more numbers, few words
    header: str  #: for a table row: the header line(s) above its block of rows (' | ' between lines)
    header_lines: list[int]  #: indices of those header lines (the row's columns are aligned with each)
    rowlabel: str  #: for a table row: the text before its first number
    headings: list[str]  #: the headings above, nearest first (at most HEADINGS, within SECTION_REACH lines)
    money_unit: float  #: scale of the nearest money unit word printed on its own above (tkr: 1000), 0 for none


def is_heading(lines: list[str], i: int) -> bool:
    """Whether line i looks like a heading: markdown '#', or a short line that does not end a
    sentence, starts with a capital letter or a section number, and stands apart (a blank line
    around it, or a section number)."""
    s = lines[i].strip()
    if not s:
        return False
    if s.startswith("#"):
        return True
    if len(s) > 90 or len(s) < 3 or s[-1] in ".,;:!?" or "\t" in s:
        return False
    if not (s[0].isupper() or s[0].isdigit()):
        return False
    section = _SECTION.match(s)
    plain = re.sub(r"^\s*\d+(?:\.\d+)*\.?\s*", "", s)
    if not words(plain) or numeric_share(plain) >= 0.3:
        return False
    around = (i == 0 or not lines[i - 1].strip()) or (i + 1 >= len(lines) or not lines[i + 1].strip())
    return bool(section) or around


_NUMERIC = re.compile(r"[-\u2212\u2013=(]?\d+(?:[,.]\d+)?%?\)?")


def numeric_share(line: str) -> float:
    """The share of a line's space-separated pieces that are numbers."""
    pieces = line.split()
    return sum(1 for p in pieces if _NUMERIC.fullmatch(p)) / len(pieces) if pieces else 0.0


def is_table_row(line: str) -> bool:
    """Two or more numbers and little prose: a row of a table (tab-separated or flattened)."""
    pieces = line.split()
    numeric = sum(1 for p in pieces if _NUMERIC.fullmatch(p))
    if numeric < 2:
        return False
    return "\t" in line.strip() or numeric / len(pieces) >= 0.35


def line_infos(lines: list[str]) -> list[LineInfo]:
    out: list[LineInfo] = []
    headings: list[int] = []
    rows = [is_table_row(ln) for ln in lines]
    unit, unit_line = 0.0, -10 ** 9
    for i, line in enumerate(lines):
        here = money_unit_words(line)
        context_unit = unit if i - unit_line <= UNIT_REACH else 0.0  # the unit words above this line
        if here:
            unit, unit_line = here[-1], i
        if is_heading(lines, i) and not rows[i]:
            headings.append(i)
        near = [h for h in headings[-2:] if i - h <= HEADING_REACH]
        h1 = near[-1] if near else -1
        h2 = near[-2] if len(near) > 1 else -1
        header, header_lines, rowlabel = "", [], ""
        if rows[i]:
            j = i - 1
            while j >= 0 and i - j <= 40 and (rows[j] or not lines[j].strip()):  # the block of rows above
                j -= 1
            got = []
            while j >= 0 and len(got) < 2 and lines[j].strip() and not rows[j]:
                got.append(j)
                j -= 1
            if got:
                header_lines = list(reversed(got))
                header = " | ".join(lines[k].strip() for k in header_lines)
            m = _RUNS.search(line)
            rowlabel = line[: m.start()].strip() if m else ""
        above = [lines[h].strip().lstrip("#").strip() for h in reversed(headings[-HEADINGS:])
                 if i - h <= SECTION_REACH]
        out.append(LineInfo(lines[h1].strip().lstrip("#").strip() if h1 >= 0 else "", h1,
                            lines[h2].strip().lstrip("#").strip() if h2 >= 0 else "", rows[i], header,
                            header_lines, rowlabel, above, context_unit))
    return out


def _tab_cells(line: str) -> list[tuple[int, int]]:
    """Spans of a tab-separated line's cells."""
    spans, pos = [], 0
    for cell in line.split("\t"):
        spans.append((pos, pos + len(cell)))
        pos += len(cell) + 1
    return spans


def column_labels(line: str, headers: list[str], tok: Token) -> tuple[str, int, int]:
    """column_label() against each header line, the labels joined by ' / '."""
    got = [column_label(line, h, tok) for h in headers] or [column_label(line, "", tok)]
    return " / ".join(g[0] for g in got if g[0]), got[0][1], got[0][2]


def column_label(line: str, header: str, tok: Token) -> tuple[str, int, int]:
    """(the header's label of the token's column, column index from the left, from the right).
    Tab-separated rows are aligned with a tab-separated header cell by cell; a flattened row's
    numbers are aligned with the header's words from the right (the label of the last number is
    the header's last word)."""
    if "\t" in line:
        tabbed = _tab_cells(line)
        idx = next((k for k, (a, b) in enumerate(tabbed) if a <= tok.start < b + 1), len(tabbed) - 1)
        hcells = header.split("\t") if header else []
        label = hcells[idx].strip() if idx < len(hcells) else ""
        return label, idx, len(tabbed) - 1 - idx
    spans = cells(line)
    idx = next((k for k, (a, b) in enumerate(spans) if a <= tok.start < b), 0)
    right = max(0, len(spans) - 1 - idx)
    hwords = header.split() if header else []
    hwords = [w for w in hwords if not _RUNS.fullmatch(w) or _YEAR.fullmatch(w)]
    label = hwords[len(hwords) - 1 - right] if 0 <= len(hwords) - 1 - right < len(hwords) else ""
    return label, idx, right


def cells(line: str, toks: list[Token] | None = None) -> list[tuple[int, int]]:
    """The number cells of a flattened table row: each run of digit groups read greedily as the
    longest thousands-grouped numbers ("22 802 353 22 000 000" is two cells, "34 10 47 36" four)."""
    out, taken = [], -1
    for t in tokens(line) if toks is None else toks:  # by start, the longest reading first
        # a first group of four or more digits is not followed by thousands ("1665 154": two cells)
        if t.groups > 1 and len(re.match(r"\D*(\d+)", t.text).group(1)) > 3:
            continue
        if not t.word and t.start >= taken:
            out.append((t.start, t.end))
            taken = t.end
    return out


# ------------------------------------------------------------------------------------ table structure
#: at most this many ways of cutting a row's digit groups into numbers are compared
SEGMENTATIONS = 256


def _sums(values: list[float]) -> bool:
    """Whether the numbers of a row add up: one is the sum of all the others, or three neighbours
    a, b, c have a + b = c or a - b = c (budget, outcome, difference)."""
    if len(values) < 3:
        return False
    total = sum(values)
    if any(abs(2 * v - total) < 0.5 and v != 0 for v in values):
        return True
    return any(abs(a + b - c) < 0.5 or abs(a - b - c) < 0.5
               for a, b, c in zip(values, values[1:], values[2:]) if c != 0)


@lru_cache(maxsize=8192)
def row_segments(line: str, header_counts: tuple[int, ...]) -> tuple[tuple[int, int, float], ...]:
    """The cells of a table row, (start, end, value) each: of the ways to cut its runs of digit
    groups into numbers (every reading a cut may use is a token of :func:`tokens`), the one whose
    numbers add up (:func:`_sums`) and whose count is a header line's count of column words, else
    one of the two, else the greedy cells of :func:`cells`. A parsing rule: which cut is a row's
    is decided by arithmetic and the header, never by the words of a report."""
    toks = [t for t in tokens(line) if not t.word]
    atoms = sorted({t.start for t in toks if t.groups == 1})
    by_start: dict[int, list] = {}
    for t in toks:
        by_start.setdefault(t.start, []).append(t)
    if not atoms or len(atoms) > 40:
        return ()
    found: list[list] = []

    def walk(k: int, acc: list) -> None:
        if len(found) >= SEGMENTATIONS:
            return
        if k >= len(atoms):
            found.append(list(acc))
            return
        for t in by_start.get(atoms[k], []):
            nxt = k + 1
            while nxt < len(atoms) and atoms[nxt] < t.end:
                nxt += 1
            acc.append(t)
            walk(nxt, acc)
            acc.pop()
        if atoms[k] not in by_start:
            walk(k + 1, acc)

    walk(0, [])
    greedy = [(a, b) for a, b in cells(line, toks)]
    best, best_score = None, (-1, -1, -1)
    for seg in found:
        values = [t.value for t in seg]
        score = (int(_sums(values)), int(len(seg) in header_counts), int([(t.start, t.end) for t in seg] == greedy))
        if score > best_score:
            best, best_score = seg, score
    if best is None:
        return ()
    return tuple((t.start, t.end, t.value) for t in best)


def _header_words(header_line: str) -> list[str]:
    return [w for w in header_line.split() if not _RUNS.fullmatch(w) or _YEAR.fullmatch(w)]


def table_context(line: str, start: int, end: int, header: str, rowlabel: str) -> list[str]:
    """Feature words of a table row's number: whether it is a cell of the row's cut, whether the row adds up and whether this number is the sum or a part of it, and
    the header words at its column counted from the right and from the left (and their
    neighbours), for each header line."""
    headers = [h for h in header.split(" | ") if h.strip()] if header else []
    counts = tuple(len(_header_words(h)) for h in headers)
    segs = row_segments(line, counts)
    idx = next((k for k, (a, b, _) in enumerate(segs) if a == start and b == end), None)
    if idx is None:
        return ["tcell=0"]
    n = len(segs)
    right = n - 1 - idx
    values = [v for *_, v in segs]
    me = values[idx]
    f = ["tcell=1"]  # its index and the row's count as words of their own: lower leave-one-out accuracy
    if _sums(values):
        f.append("tsums")
        total = sum(values)
        if abs(2 * me - total) < 0.5 and me != 0:
            f.append("tsum_of_rest")
        elif any(abs(2 * v - total) < 0.5 and v != 0 for v in values):
            f.append("tpart_of_sum")
    if idx >= 2 and abs(me - sum(values[:idx])) < 0.5 and me != 0:
        f.append("tsum_before")
    first = words(fold(rowlabel))[:1]
    if first:
        f.append(f"trowR={first[0][:5]}@{min(right, 5)}")
    for h in headers:
        hw = [fold(w) for w in _header_words(h)]
        m = len(hw)
        if not m:
            continue
        f.append(f"thdiff={max(-3, min(3, m - n))}")
        for off in (-1, 0, 1):
            k = m - 1 - right + off
            if 0 <= k < m:
                f += [f"thR{off}={w[:5]}" for w in words(hw[k])]
        if idx < m:
            f += [f"thL={w[:5]}" for w in words(hw[idx])]
        if m == n:
            f += [f"thE={w[:5]}" for w in words(hw[idx])]
    return f


def _bucket(v: float) -> str:
    a = abs(v)
    if a == 0:
        return "zero"
    for limit, name in ((10, "1"), (100, "10"), (1000, "100"), (10_000, "1k"), (100_000, "10k"), (1_000_000, "100k")):
        if a < limit:
            return name
    return "1m+"


def shape(line: str, tok: Token, info: LineInfo, col: tuple[str, int, int], cell: bool, ncells: int) -> str:
    """The token's shape as space-separated feature words."""
    f = [f"cell={int(cell)}", f"ctxunit={info.money_unit:g}", f"unit={tok.unit_class or 'none'}", f"mag={_bucket(tok.value)}", f"dec={min(tok.decimals, 2)}",
         f"neg={int(tok.value < 0)}", f"groups={min(tok.groups, 4)}", f"rungroups={min(tok.run_groups, 5)}",
         f"whole={int(tok.whole_run)}", f"runstart={int(tok.run_index == 0)}",
         f"runend={int(tok.run_index + tok.groups == tok.run_groups)}", f"word={int(tok.word)}",
         f"row={int(info.table_row)}", f"tab={int(chr(9) in line)}", f"cells={min(ncells, 8)}",
         f"colL={min(col[1], 8)}", f"colR={min(col[2], 8)}", f"header={int(bool(info.header))}"]
    v = tok.value
    if v == int(v) and 1990 <= v <= 2100 and not tok.unit_class and tok.groups == 1:
        f.append("yearlike")
    before = line[max(0, tok.start - 2):tok.start]
    after = line[tok.end:tok.end + 2]
    if "(" in before:
        f.append("paren_open")
    if ")" in after:
        f.append("paren_close")
    if after[:1] in ("-", "\u2013") and after[1:2].isdigit():
        f.append("range_start")
    if before[-1:] in ("-", "\u2013") and tok.start >= 2 and line[tok.start - 2].isdigit():
        f.append("range_end")
    if re.match(r"\s*(?:av|of)\s", line[tok.unit_end:tok.unit_end + 5]):
        f.append("x_of_y")
    if tok.start <= 2:
        f.append("line_start")
    if _SECTION.match(line) and tok.start < 8:
        f.append("section_number")
    return " ".join(f)


def document_tokens(lines: list[str]) -> pd.DataFrame:
    """One row per number reading of the document: where it is, what it is, and the raw text around
    it (its line, the lines before and after, the headings above, and for a table row its header,
    column label and row label). :func:`model_inputs` turns these into what the model reads."""
    infos = line_infos(lines)
    rows = []
    for i, line in enumerate(lines):
        toks = tokens(line)
        if not toks:
            continue
        info = infos[i]
        spans = set(cells(line, toks))
        prev = lines[i - 1] if i > 0 else ""
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        headers = [lines[k] for k in info.header_lines]
        for t in toks:
            col = column_labels(line, headers, t) if info.table_row else ("", 0, 0)
            cell = (t.start, t.end) in spans
            rows.append({
                "line": i + 1, "start": t.start, "end": t.end, "unit_end": t.unit_end, "text": t.text,
                "number": t.value, "unit_class": t.unit_class, "scale": t.scale, "word": t.word, "cell": cell,
                "table_row": info.table_row, "col_left": col[1], "col_right": col[2],
                "shape": shape(line, t, info, col, cell, len(spans)),
                "line_text": line, "prev_text": prev, "next_text": nxt,
                "heading": info.heading, "heading2": info.heading2, "header": info.header,
                "column": col[0], "rowlabel": info.rowlabel, "headings": "\x1f".join(info.headings),
            })
    return pd.DataFrame(rows, columns=TOKEN_COLUMNS)


def fold(text: str) -> str:
    """Lower case without diacritics: clean text ("män", "förbundet") and OCR text that lost its
    Swedish letters ("man", "forbundet", "mén") read alike."""
    s = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in s if not unicodedata.combining(c))


def _prefixes(text: str, tag: str, n: int = 5) -> list[str]:
    return [f"{tag}={w[:n]}" for w in words(fold(text)) if len(w) > 1]


_CLAUSE_END = re.compile(r"(?<!\d)[.;!?](?!\d)|\s[-\u2013]\s|\(|\)")


def _clause(line: str, start: int, end: int) -> str:
    """The part of the line between the punctuation around the number."""
    a = max((m.end() for m in _CLAUSE_END.finditer(line, 0, start)), default=0)
    m = _CLAUSE_END.search(line, end)
    return line[a: m.start() if m else len(line)]


def _inputs(r) -> dict:
    line, start, unit_end = r["line_text"], int(r["start"]), int(r["unit_end"])
    table = str(r["table_row"]) == "True"
    left_raw, right_raw = line[:start], line[unit_end:]
    if not table and len(left_raw) < WINDOW:
        left_raw = r["prev_text"] + " " + left_raw
    if not table and len(right_raw) < WINDOW:
        right_raw = right_raw + " " + r["next_text"]
    unit = line[int(r["end"]):unit_end]
    left, right = mask(fold(left_raw)), mask(fold(unit + right_raw))
    lw, rw = words(left)[-4:], words(right)[:4]
    near = [f"L{len(lw) - k}={w}" for k, w in enumerate(lw)] + [f"R{k + 1}={w}" for k, w in enumerate(rw)]
    near += [f"L{len(lw) - k}p={w[:5]}" for k, w in enumerate(lw)] + [f"R{k + 1}p={w[:5]}" for k, w in enumerate(rw)]
    near += [f"Lw={w[:5]}" for w in lw] + [f"Rw={w[:5]}" for w in rw]
    context = (_prefixes(_clause(line, start, unit_end), "clause") + _prefixes(r["heading"], "h1")
               + _prefixes(r["heading2"], "h2") + _prefixes(r["header"], "hdr") + _prefixes(r["column"], "col")
               + _prefixes(r["rowlabel"], "row"))
    table_words = table_context(line, start, int(r["end"]), r["header"], r["rowlabel"]) if table else []
    return {"left": left[-WINDOW:], "right": right[:WINDOW], "near": " ".join(near), "context": " ".join(context),
            "table": " ".join(table_words),
            "shape": r["shape"], "lex_near": " ".join(lw + rw), "lex_clause": _clause(line, start, unit_end),
            "lex_column": r["column"], "lex_rowlabel": r["rowlabel"],
            "lex_headings": " ".join(str(r["headings"]).split("\x1f")[:2]) + " " + r["header"]}


def model_inputs(df: pd.DataFrame) -> pd.DataFrame:
    """What the model reads of each token row (of document_tokens or the training set)."""
    cols = ["line_text", "prev_text", "next_text", "start", "end", "unit_end", "table_row", "heading",
            "heading2", "header", "column", "rowlabel", "shape", "headings"]
    recs = [_inputs(dict(zip(cols, vals))) for vals in zip(*(df[c].astype(str) if c not in ("start", "end", "unit_end")
                                                             else df[c] for c in cols))]
    return pd.DataFrame(recs, index=df.index, columns=list(MODEL_FIELDS))
