"""Maintenance commands.

``python -m finsam.devtools refresh-notebooks`` re-executes the committed notebooks in place with
their default parameters, so nbval's expected outputs match the data. Run it after a deliberate
change of data or analysis, and review the diff of the outputs.

``python -m finsam.devtools golden [notebook …]`` rewrites tests/golden/<lang>/: every table and text
each report view returns, in each language, for every parameter set the data support
(tests/views/test_golden.py compares them). Review the diff: it is every change a reader of the site would see.

``python -m finsam.devtools conflicts-readme`` rewrites the list of conflicts in data/README.md
from the `conflict:` notes of observations.csv (a test fails when the two disagree).

``python -m finsam.devtools data-readme`` rewrites every generated part of data/README.md: the tables
of files, fields, metrics and vocabulary (from finsam/data/fields.py, metrics.csv and vocabulary.csv) and
the list of conflicts (a test fails when the README is not what this writes).

``python -m finsam.devtools environment-yml`` writes environment.yml from requirements.lock, so
conda users install exactly the locked versions (``make lock`` runs it; a test checks it)."""
from __future__ import annotations

import sys

from finsam.core import paths
from finsam.site.kernels import use_project_kernel
from finsam.site.render import clean_metadata
from finsam.views.registry import INTERACTIVE, NOTEBOOKS


def refresh_notebooks(names=None) -> None:
    import nbformat
    from nbclient import NotebookClient
    use_project_kernel()
    for name in names or [*NOTEBOOKS, *INTERACTIVE]:
        path = paths.NOTEBOOKS_DIR / f"{name}.ipynb"
        nb = nbformat.read(path, as_version=4)
        NotebookClient(nb, kernel_name="python3", timeout=600,
                       resources={"metadata": {"path": str(paths.NOTEBOOKS_DIR)}}).execute()
        clean_metadata(nb)
        nbformat.write(nb, path)
        print(f"refreshed {path.relative_to(paths.PROJECT_ROOT)}")


def golden_dir():
    return paths.PROJECT_ROOT / "tests" / "golden"


def write_golden(notebooks=None) -> None:
    """Rewrite tests/golden/<lang>/<report>/ for ``notebooks`` (all when none are named): their
    old files go, so a parameter set the data no longer support leaves no stale folder."""
    import shutil
    from finsam.data.load import load
    from finsam.texts import LANGUAGES
    from finsam.views.registry import choices, report_stem
    from finsam.views.outputs import section_outputs
    tables = load()
    d = golden_dir()
    for notebook in notebooks or NOTEBOOKS:
        if notebook not in NOTEBOOKS:
            raise SystemExit(f"unknown notebook {notebook!r}; choose from {', '.join(NOTEBOOKS)}")
        for lang in LANGUAGES:
            # tests/golden is written only by this command
            for old in (d / lang).glob("*"):
                if old.is_dir() and (old.name == notebook or old.name.startswith(f"{notebook}_")):
                    shutil.rmtree(old)
            for params in choices(notebook, tables):
                target = d / lang / report_stem(notebook, params)
                target.mkdir(parents=True)
                for name, text in section_outputs(tables, notebook, params, lang).items():
                    (target / name).write_text(text, encoding="utf-8")
    print(f"wrote {d.relative_to(paths.PROJECT_ROOT)}")


CONFLICTS_START, CONFLICTS_END = "<!-- conflicts:start -->", "<!-- conflicts:end -->"


def conflicts_markdown(tables) -> str:
    """The known contradictions of each report, one line per fact, from the `conflict:` notes."""
    from finsam.data.fields import CONFLICT_PREFIX
    o = tables.observations.reset_index()
    c = o[o["note"].str.lower().str.startswith(CONFLICT_PREFIX)]
    out = []
    for sid in tables.sources["source_id"].astype(str):
        g = c[c["source_id"].astype(str) == sid]
        if g.empty:
            continue
        out.append(f"\n**{sid}**\n")
        seen = set()
        for r in g.itertuples():
            cat = getattr(r, "category", "")
            key = (r.intervention, r.metric, r.gender, r.period_start, r.period_end, cat)
            if key in seen:
                continue
            seen.add(key)
            period = f"{r.period_start}" + (f"–{r.period_end}" if r.period_end != r.period_start else "")
            note = r.note[len(CONFLICT_PREFIX):].strip().replace("|", "/")
            where = f"{r.dimension} {cat}, " if cat else ""
            out.append(f"- {r.intervention}, `{r.metric}` ({where}{r.gender}, {period}): {note}")
    return "\n".join(out) + "\n"


def readme_with_conflicts(readme: str, tables) -> str:
    head, rest = readme.split(CONFLICTS_START, 1)
    _, tail = rest.split(CONFLICTS_END, 1)
    return f"{head}{CONFLICTS_START}\n{conflicts_markdown(tables)}{CONFLICTS_END}{tail}"


def update_conflicts_readme() -> None:
    from finsam.data.load import load
    path = paths.PROJECT_ROOT / "data" / "README.md"
    path.write_text(readme_with_conflicts(path.read_text(encoding="utf-8"), load()), encoding="utf-8")
    print(f"updated {path.relative_to(paths.PROJECT_ROOT)}")


def _replace_table(text: str, header: str, rows: list[str]) -> str:
    """``text`` with the Markdown table that starts with ``header`` replaced by ``header`` and ``rows``."""
    a = text.index(header)
    b = text.index("\n\n", a)
    return text[:a] + "\n".join([header, *rows]) + text[b:]


def readme_with_tables(readme: str, data_dir) -> str:
    """data/README.md with its generated tables rewritten from the schema (finsam/data/fields.py) and
    from metrics.csv and vocabulary.csv: the files, the fields, the metrics and the vocabulary."""
    import csv
    from pathlib import Path
    from finsam.data.fields import FIELDS, TABLES
    data_dir = Path(data_dir)

    def read(name):
        with open(data_dir / name, encoding="utf-8", newline="") as f:
            return list(csv.DictReader(f))
    s = _replace_table(readme, "| file | columns | primary key | what a row is |\n|---|---|---|---|", [
        f"| `{t.filename}` | " + ", ".join(f"`{c}`" for c in t.fields)
        + f" | {', '.join(t.primary_key) or '— (see fact key)'} | {t.description} |" for t in TABLES.values()])
    s = _replace_table(s, "| field | type | required | unit | meaning |\n|---|---|---|---|---|", [
        f"| `{f.name}` | {f.dtype} | {'yes' if f.required else 'no'} | {f.unit} | {f.description} |"
        for f in FIELDS.values()])
    rows = []
    for m in read("metrics.csv"):
        rel = " / ".join(x for x in (m["numerator"] and f"`{m['numerator']}`",
                                     m["denominator_metric"] and f"÷ `{m['denominator_metric']}`",
                                     m["goal_of"] and f"goal of `{m['goal_of']}`") if x)
        oc = f"{m['outcome']} ({m['timing']})" if m["outcome"] else (m["timing"] and f"({m['timing']})")
        rows.append(f"| `{m['metric']}` | {m['metric_kind']} | {m['unit']} | {oc} | {rel} | "
                    f"{m['label_en']} / {m['label_sv']} |")
    s = _replace_table(s, "| metric | kind | unit | outcome (timing) | numerator / denominator / goal of | "
                          "label (en / sv) |\n|---|---|---|---|---|---|", rows)
    rows = []
    for v in read("vocabulary.csv"):
        noun = f"{v['noun_en']} / {v['noun_sv']}" if v["noun_en"] else ""
        rows.append(f"| {v['vocabulary']} | `{v['code']}` | {v['class']} | {v['label_en']} / {v['label_sv']} | "
                    f"{noun} | {v['people']} | {v['description_en']} |")
    return _replace_table(s, "| vocabulary | code | class | label (en / sv) | noun (en / sv) | counts people | "
                             "meaning |\n|---|---|---|---|---|---|---|", rows)


def update_data_readme() -> None:
    """Rewrite every generated part of data/README.md: its tables and its list of conflicts."""
    from finsam.data.load import load
    path = paths.PROJECT_ROOT / "data" / "README.md"
    text = readme_with_tables(path.read_text(encoding="utf-8"), path.parent)
    path.write_text(readme_with_conflicts(text, load()), encoding="utf-8")
    print(f"updated {path.relative_to(paths.PROJECT_ROOT)}")


def environment_yml(lock: str) -> str:
    """environment.yml for conda: Python and pip from conda-forge, then every package of the lock
    (requirements.lock, environment markers kept) at its locked version through pip."""
    pins = [line.strip() for line in lock.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    out = ["# Generated from requirements.lock by `make lock` (python -m finsam.devtools environment-yml);",
           "# do not edit: tests/top/test_environment.py checks that the two agree.",
           "#   conda env create -f environment.yml && conda activate finsam && pip install --no-deps -e .",
           "name: finsam", "channels:", "  - conda-forge", "dependencies:", "  - python>=3.11,<3.14", "  - pip",
           "  - pip:"]
    out += [f'      - "{p}"' for p in pins]
    return "\n".join(out) + "\n"


def write_environment_yml() -> None:
    root = paths.PROJECT_ROOT
    (root / "environment.yml").write_text(environment_yml((root / "requirements.lock").read_text()))
    print("updated environment.yml")


COMMANDS = {"refresh-notebooks": lambda args: refresh_notebooks(args or None),
            "conflicts-readme": lambda args: update_conflicts_readme(),
            "data-readme": lambda args: update_data_readme(),
            "golden": lambda args: write_golden(args or None),
            "environment-yml": lambda args: write_environment_yml()}

if __name__ == "__main__":
    if sys.argv[1:2] == [] or sys.argv[1] not in COMMANDS:
        sys.exit(f"usage: python -m finsam.devtools {{{','.join(COMMANDS)}}} [NAME ...]")
    COMMANDS[sys.argv[1]](sys.argv[2:])
