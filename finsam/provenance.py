"""Provenance: every observation's quote occurs verbatim on one line of its source text, and
the quote prints the observation's value (thousands separated by spaces, decimal comma, and
tkr/mkr scaling allowed). Built to stay fast at a million rows: quotes are de-duplicated, looked
up through an index of the text's fixed-length prefixes, and value checks are vectorised with a
per-row fallback only for values that are not simply printed as whole numbers."""
from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import numpy as np
import pandas as pd

from . import csvio
from .errors import Problem

_K = 8  # prefix length of the quote index


class SourceText:
    """A source document with a prefix index for fast verbatim look-ups of single-line quotes."""

    def __init__(self, text: str):
        self.text = text
        self._index: dict[str, list[int]] | None = None

    def _build(self) -> dict[str, list[int]]:
        idx: dict[str, list[int]] = defaultdict(list)
        t = self.text
        for i in range(len(t) - _K + 1):
            idx[t[i:i + _K]].append(i)
        return idx

    def contains(self, quote: str) -> bool:
        if "\n" in quote:
            return False
        if len(quote) < _K:
            return quote in self.text
        if self._index is None:
            self._index = self._build()
        return any(self.text.startswith(quote, p) for p in self._index.get(quote[:_K], ()))


def read_source(path: Path) -> str:
    text, problems = csvio.decode(path, path.read_bytes())
    if text is None:
        raise UnicodeError(str(problems[0]))
    return text


def printed_forms(v: float) -> set[str]:
    """Digit strings under which ``v`` may be printed (scaled by 1, 1 000 or 1 000 000; 0–2 decimals)."""
    out = set()
    for scale in (1, 1000, 1_000_000):
        x = abs(v) / scale
        for nd in (0, 1, 2):
            s = f"{x:.{nd}f}"
            if (nd == 0 and abs(x - round(x)) > 1e-6) or (nd and abs(float(s) - x) > 1e-9):
                continue
            out.add(re.sub(r"\D", "", s))
            if nd:
                out.add(re.sub(r"\D", "", s.rstrip("0").rstrip(".")))
    return {o for o in out if o}


_RUN = re.compile(r"\d+(?:[.,]\d+)?(?:[ \u00a0\u202f]\d+(?:[.,]\d+)?)*")
_GROUP = re.compile(r"[ \u00a0\u202f]")


def printed_numbers(quote: str) -> set[str]:
    """Digit strings of every number the quote may print. A flattened table row such as
    "TOTALT 651 368 270" is ambiguous (one number with thousands separators, or several), so
    every contiguous run of space-separated digit groups counts: 651, 368, 651368, 651368270 …
    A digit inside a longer number does not count: 0 is not printed in "30"."""
    out = set()
    for run in _RUN.findall(quote):
        groups = [g.replace(",", "").replace(".", "") for g in _GROUP.split(run)]
        for i in range(len(groups)):
            acc = ""
            for g in groups[i:]:
                acc += g
                out.add(acc)
    return out


def value_in_quote(values: pd.Series, quotes: pd.Series) -> pd.Series:
    """Whether each value is printed in its quote as a whole number token (see printed_numbers)."""
    v = values.to_numpy(dtype=float)
    q = quotes.to_numpy(dtype=object)
    ok = np.zeros(len(v), dtype=bool)
    forms_of: dict[float, set[str]] = {}
    numbers_of: dict[str, set[str]] = {}
    for i in range(len(v)):
        x = v[i]
        if not np.isfinite(x):
            continue
        forms = forms_of.get(x)
        if forms is None:
            forms = forms_of[x] = printed_forms(x)
        nums = numbers_of.get(q[i])
        if nums is None:
            nums = numbers_of[q[i]] = printed_numbers(q[i])
        ok[i] = not forms.isdisjoint(nums)
    return pd.Series(ok, index=values.index)


def check_provenance(data_dir: Path, sources_dir: Path, sources: pd.DataFrame,
                     obs: pd.DataFrame) -> list[Problem]:
    src_shown = csvio._display(Path(data_dir) / "sources.csv")
    obs_shown = csvio._display(Path(data_dir) / "observations.csv")
    if not sources_dir.is_dir():
        return [Problem(csvio._display(sources_dir), 0, "source texts folder not found: set FINSAM_SOURCES "
                        "(or --sources) to the folder holding the report texts")]
    problems: list[Problem] = []
    texts: dict[str, SourceText] = {}
    for line, r in sources.iterrows():
        p = sources_dir / r["document"]
        if not p.is_file():
            problems.append(Problem(src_shown, int(line), f"source document {r['document']!r} of "
                                    f"{r['source_id']} not found in {csvio._display(sources_dir)}"))
            continue
        try:
            texts[r["source_id"]] = SourceText(read_source(p))
        except UnicodeError as e:
            problems.append(Problem(src_shown, int(line), f"source document is unreadable: {e}"))
    have = obs["source_id"].astype(str).isin(texts.keys())
    # verbatim quotes: one look-up per distinct (source, quote)
    pairs = obs.loc[have, ["source_id", "quote"]].astype(str).drop_duplicates()
    found = {(s, q): texts[s].contains(q) for s, q in zip(pairs["source_id"], pairs["quote"])}
    keys = list(zip(obs["source_id"].astype(str), obs["quote"].astype(str)))
    quote_ok = np.fromiter((found.get(k, False) for k in keys), dtype=bool, count=len(keys))
    value_ok = value_in_quote(obs["value"], obs["quote"].astype(str)).to_numpy()
    doc = sources.set_index("source_id")["document"]
    sids = obs["source_id"].astype(str).to_numpy()
    quotes = obs["quote"].astype(str).to_numpy()
    for i in np.flatnonzero(have.to_numpy() & ~(quote_ok & value_ok)):  # only rows that failed
        line, sid, q = int(obs.index[i]), sids[i], quotes[i]
        if not quote_ok[i]:
            problems.append(Problem(obs_shown, line, f"quote not found verbatim on one line of "
                                    f"{doc.get(sid, sid)}: {q[:80]!r}"))
        else:
            problems.append(Problem(obs_shown, line, f"value {obs['value'].iloc[i]:.10g} does not appear in its "
                                    f"quote {q[:80]!r}"))
    return problems
