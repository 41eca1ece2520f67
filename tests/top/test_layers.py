"""The package in layers: imports only go down (core < data < stats < texts < views < site < cli;
extract and release above data and stats, below cli), no import cycles, at most 8 import levels.

The import graph is read from the source with ast (nothing is imported), counting imports inside
functions too, the way ../shared/tools/layers.py reads it.
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
MAX_LEVELS = 8
LOW = ("core", "data", "stats")
#: layer -> the layers its modules may import (itself included)
MAY_IMPORT = {
    "core": {"core"},
    "data": {"core", "data"},
    "stats": {*LOW},
    "extract": {*LOW, "extract"},
    "release": {*LOW, "release"},
    "texts": {*LOW, "texts"},
    "views": {*LOW, "texts", "views"},
    "site": {*LOW, "texts", "views", "site"},
}
#: modules directly in finsam/ (cli, __main__, devtools, the package's own API): the top, may import any layer
TOP = "top"


def import_graph(package: Path) -> dict[str, set[str]]:
    """module -> the package's modules it imports, for every .py file under ``package``."""
    root = package.parent
    mods = {}
    for f in package.rglob("*.py"):
        name = ".".join(f.relative_to(root).with_suffix("").parts)
        mods[name.removesuffix(".__init__")] = f

    def resolve(target: str) -> str:
        while target and target not in mods:
            target = target.rsplit(".", 1)[0] if "." in target else ""
        return target

    graph: dict[str, set[str]] = {m: set() for m in mods}
    for m, f in mods.items():
        base = m if f.name == "__init__.py" else m.rsplit(".", 1)[0]
        for node in ast.walk(ast.parse(f.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    parts = base.split(".")[: len(base.split(".")) - (node.level - 1)]
                    head = ".".join(parts + ([node.module] if node.module else []))
                else:
                    head = node.module or ""
                targets = [head] + [f"{head}.{a.name}" for a in node.names]
            else:
                continue
            for t in map(resolve, targets):
                if t and t != m and t != package.name:
                    graph[m].add(t)
    return graph


def layer(module: str) -> str:
    """The layer folder of ``module`` (``finsam.data`` and ``finsam.data.load`` are in data), or TOP."""
    parts = module.split(".")
    return parts[1] if len(parts) > 2 or (len(parts) == 2 and parts[1] in MAY_IMPORT) else TOP


def upward_imports(graph: dict[str, set[str]]) -> list[str]:
    problems = []
    for m, targets in sorted(graph.items()):
        here = layer(m)
        if here == TOP:
            continue
        allowed = MAY_IMPORT.get(here)
        if allowed is None:
            problems.append(f"{m}: in folder {here!r}, which is no layer (add it to MAY_IMPORT)")
            continue
        problems += [f"{m} ({here}) imports {t} ({layer(t)})" for t in sorted(targets) if layer(t) not in allowed]
    return problems


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    found = []

    def visit(v):
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                found.append(sorted(comp))
    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def longest_chain(graph: dict[str, set[str]]) -> list[str]:
    """The longest chain of imports (on a graph without cycles)."""
    memo: dict[str, list[str]] = {}

    def chain(v):
        if v not in memo:
            memo[v] = [v] + max((chain(w) for w in sorted(graph[v])), key=len, default=[])
        return memo[v]
    return max((chain(v) for v in sorted(graph)), key=len, default=[])


@pytest.fixture(scope="module")
def graph():
    return import_graph(ROOT / "finsam")


def test_imports_only_go_down(graph):
    assert not upward_imports(graph), "\n".join(upward_imports(graph))


def test_no_import_cycles(graph):
    assert cycles(graph) == []


def test_at_most_eight_levels(graph):
    chain = longest_chain(graph)
    assert len(chain) <= MAX_LEVELS, " -> ".join(chain)


def _package(tmp_path: Path, files: dict[str, str]) -> Path:
    pkg = tmp_path / "finsam"
    for name, text in {"__init__.py": "", **files}.items():
        (pkg / name).parent.mkdir(parents=True, exist_ok=True)
        (pkg / name).write_text(text, encoding="utf-8")
    return pkg


def test_the_checks_catch_an_upward_import_a_cycle_and_a_long_chain(tmp_path):
    pkg = _package(tmp_path, {
        "core/__init__.py": "", "core/errors.py": "",
        "data/__init__.py": "", "data/load.py": "def f():\n    from finsam.views import base\n",
        "views/__init__.py": "", "views/base.py": "from finsam.data import load\n",
        "stats/__init__.py": "", "stats/a.py": "from . import b\n", "stats/b.py": "from finsam.stats import a\n",
        "cli.py": "import finsam.views.base\n",
    })
    g = import_graph(pkg)
    assert upward_imports(g) == ["finsam.data.load (data) imports finsam.views (views)",
                                 "finsam.data.load (data) imports finsam.views.base (views)"]
    assert sorted(cycles(g)) == [["finsam.data.load", "finsam.views.base"], ["finsam.stats.a", "finsam.stats.b"]]
    chain = {f"core/m{i}.py": f"from finsam.core import m{i + 1}\n" for i in range(MAX_LEVELS)}
    long = import_graph(_package(tmp_path / "long", {"core/__init__.py": "", **chain,
                                                      f"core/m{MAX_LEVELS}.py": ""}))
    assert len(longest_chain(long)) == MAX_LEVELS + 1
