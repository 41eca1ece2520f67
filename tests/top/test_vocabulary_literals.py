"""Vocabulary declared once: the metric, gender and unit codes of data/ are typed only in the
vocabulary layer (finsam/data), and the names finsam/data/semantics.py gives them agree with the
role data/ declares for each.

A string that happens to spell a code but means something else (a folder name, an English word)
carries ``# not a vocabulary code`` on its line, which says why it is not one.
"""
from __future__ import annotations

import ast
from pathlib import Path

import pandas as pd
import pytest

from finsam.data import semantics

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "finsam"
DATA = ROOT / "data"
MARK = "# not a vocabulary code"


def _declared() -> dict[str, str]:
    """code -> what it is (metric, gender, unit), from the shipped data/ tables."""
    metrics = pd.read_csv(DATA / "metrics.csv", dtype=str)
    vocabulary = pd.read_csv(DATA / "vocabulary.csv", dtype=str)
    found = {m: "metric" for m in metrics["metric"]}
    for kind in ("gender", "unit"):
        found.update({c: kind for c in vocabulary.loc[vocabulary["vocabulary"] == kind, "code"]})
    return found


def literals(source: str, codes: dict[str, str]) -> list[tuple[int, str, str]]:
    """(line, kind, code) of every string constant in ``source`` that is a code, except on lines
    marked as not being one. Docstrings are text, and are skipped."""
    tree = ast.parse(source)
    lines = source.splitlines()
    docstrings = {id(n.body[0].value) for n in ast.walk(tree)
                  if isinstance(n, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
                  and n.body and isinstance(n.body[0], ast.Expr) and isinstance(n.body[0].value, ast.Constant)}
    found = []
    for node in ast.walk(tree):
        if (isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value in codes
                and id(node) not in docstrings and MARK not in lines[node.lineno - 1]):
            found.append((node.lineno, codes[node.value], node.value))
    return sorted(found)


def test_no_vocabulary_literals_outside_the_vocabulary_layer():
    codes = _declared()
    problems = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.relative_to(PACKAGE).parts[0] == "data":
            continue
        for line, kind, code in literals(path.read_text(encoding="utf-8"), codes):
            problems.append(f"{path.relative_to(ROOT)}:{line}: {kind} code {code!r} typed as a literal; "
                            "use its name in finsam/data/semantics.py")
    assert not problems, "\n".join(problems)


def test_the_check_finds_a_typed_code_and_respects_the_mark():
    codes = _declared()
    source = ('x = rates[rates["gender"] == "women"]\n'
              'y = facts["metric"].isin(["participants_exited"])\n'
              'z = f"{a}/{b}"\n'
              'folder = "all"  # not a vocabulary code: a folder\n'
              'def f():\n    """Counts of "men" in a docstring are words."""\n    return "sek"\n')
    assert literals(source, codes) == [(1, "gender", "women"), (2, "metric", "participants_exited"),
                                       (7, "unit", "sek")]


def _tables():
    return (pd.read_csv(DATA / "metrics.csv", dtype=str, keep_default_na=False),
            pd.read_csv(DATA / "vocabulary.csv", dtype=str, keep_default_na=False))


def test_gender_names_agree_with_their_class_in_vocabulary_csv():
    _, vocabulary = _tables()
    cls = semantics.vocabulary_column(vocabulary, "gender", "class")
    assert list(semantics.GENDERS) == list(cls)
    assert [g for g, c in cls.items() if c == "everyone"] == [semantics.EVERYONE]
    assert tuple(semantics.compared_genders(vocabulary)) == semantics.COMPARED == (semantics.WOMEN, semantics.MEN)
    assert [g for g, c in cls.items() if c == "not_stated"] == [semantics.NOT_STATED]


def test_unit_names_agree_with_their_class_in_vocabulary_csv():
    _, vocabulary = _tables()
    cls = semantics.unit_classes(vocabulary)
    assert cls[semantics.PERCENT] == semantics.PERCENT_CLASS
    assert [u for u, c in cls.items() if c == semantics.MONEY_CLASS] == [semantics.SEK]
    assert cls[semantics.PERSONS] == semantics.COUNT_CLASS and semantics.counts_people(vocabulary, semantics.PERSONS)
    assert set(cls.values()) == {semantics.COUNT_CLASS, semantics.PERCENT_CLASS, semantics.MONEY_CLASS}


def test_metric_names_agree_with_their_role_in_metrics_csv():
    metrics, _ = _tables()
    row = metrics.set_index("metric")
    names = {v for k, v in vars(semantics).items() if k.isupper() and isinstance(v, str)}
    for m in names & set(row.index):
        assert row.loc[m, "unit"] in semantics.unit_classes(_tables()[1]), m
    assert semantics.denominator(metrics) == semantics.EXITED
    assert semantics.outcome_metric(metrics, semantics.SUM_OUTCOME) == semantics.WORK_OR_STUDIES
    assert semantics.sum_parts(metrics) == [semantics.WORK, semantics.STUDIES]
    assert list(semantics.WORK_OR_STUDIES_COUNTS) == semantics.work_or_studies_counts(metrics)
    ws_rate = next(o.rate for o in semantics.outcomes(metrics) if o.outcome == semantics.SUM_OUTCOME)
    assert ws_rate == semantics.WORK_OR_STUDIES_RATE
    assert semantics.goal_for(metrics, ws_rate) == semantics.WORK_OR_STUDIES_RATE_GOAL
    ref = row.loc[semantics.NATIONAL_WORK_OR_STUDIES_RATE]
    assert (ref["metric_kind"], ref["outcome"]) == ("reference", semantics.SUM_OUTCOME)
    assert row.loc[semantics.COST, "unit"] == semantics.SEK
    for m in (semantics.PARTICIPANTS, semantics.PARTICIPANTS_NEW, semantics.UNIQUE_INDIVIDUALS,
              semantics.PERSONS_REACHED):
        assert (row.loc[m, "metric_kind"], row.loc[m, "unit"]) == ("count", semantics.PERSONS), m
    assert row.loc[semantics.PARTICIPANTS_SHARE, "denominator_metric"] == semantics.PARTICIPANTS


def test_goals_come_from_goal_of():
    metrics, _ = _tables()
    goals = semantics.goals(metrics)
    assert goals == {m: of for m, of in zip(metrics["metric"], metrics["goal_of"]) if of}
    assert set(semantics.count_goals(metrics).values()) == {semantics.PARTICIPANTS, semantics.PARTICIPANTS_NEW,
                                                            semantics.EXITED}
    made_up = pd.concat([metrics, pd.DataFrame([{**{c: "" for c in metrics}, "metric": "target_of_exits",
                                                  "metric_kind": "goal", "goal_of": semantics.EXITED}])])
    assert semantics.goals(made_up)["target_of_exits"] == semantics.EXITED  # found by goal_of, not by a suffix
    with pytest.raises(KeyError):
        semantics.goal_for(metrics, semantics.COST)
