"""Bad input and faults, round three (issue 27), provoked for real: tables edited to state a part
larger than its whole, output folders with links and other people's files in them, unreadable
files, broken manifests. Each ends with one line naming the file and the problem, a non-zero
exit and no traceback; nothing foreign is replaced."""
from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from conftest import cli, cli_subprocess

Q = "Totalt har Samordningsförbundet haft 836 deltagare/ärenden i tio insatser under året"


def _append(data: Path, *rows: str) -> int:
    """Append observation rows; returns the line number of the first."""
    p = data / "observations.csv"
    text = p.read_text(encoding="utf-8")
    first = text.count("\n") + (0 if text.endswith("\n") else 1) + 1
    p.write_text(text.rstrip("\n") + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return first


# ---------------------------------------------------------------------------- part ≤ whole
@pytest.mark.parametrize("rows,message", [
    # one gender only, larger than everyone: no sum to check, but a part may not exceed its whole
    (["husam-2012,husam,2012,2012,Kugghjulen,unique_individuals,all,48,persons,x,,,",
      "husam-2012,husam,2012,2012,Kugghjulen,unique_individuals,women,50,persons,x,,,"],
     "genders stated exceed everyone for unique_individuals (husam 2012–2012 Kugghjulen): women 50 > all 48"),
    # the unknown gender alone
    (["husam-2012,husam,2012,2012,Kugghjulen,unique_individuals,all,48,persons,x,,,",
      "husam-2012,husam,2012,2012,Kugghjulen,unique_individuals,unknown,49,persons,x,,,"],
     "genders stated exceed everyone"),
    # one category only, larger than the total
    (["husam-2012,husam,2012,2012,Kugghjulen,unique_individuals,all,48,persons,x,,,",
      "husam-2012,husam,2012,2012,Kugghjulen,unique_individuals,all,50,persons,x,,municipality,Haninge"],
     "unique_individuals by municipality does not add up to its total 48"),
])
def test_a_part_larger_than_its_whole_is_refused_whatever_parts_are_present(data_copy, rows, message):
    line = _append(data_copy, *rows)
    code, out, err = cli("validate", "--data", str(data_copy), "--no-provenance", "--quiet")
    assert code == 1 and "Traceback" not in err
    hit = [x for x in err.splitlines() if message in x]
    assert hit, err[-2000:]
    assert re.match(rf".*observations\.csv:{line}: ", hit[0]), hit[0]
