"""The notebooks' contract: a `parameters` cell of literals, parameters validated by the
package right after it, and a direct papermill run with bad parameters failing at that cell."""
import ast

import nbformat
import papermill as pm
import pytest
from papermill.exceptions import PapermillExecutionError

from finsam.views.registry import INTERACTIVE, NOTEBOOKS

from conftest import ROOT

NB_DIR = ROOT / "notebooks"


def cells(name):
    return nbformat.read(NB_DIR / f"{name}.ipynb", as_version=4).cells


@pytest.mark.parametrize("name", list(NOTEBOOKS))
def test_parameters_cell_holds_only_literals_and_is_checked_next(name):
    code = [c for c in cells(name) if c.cell_type == "code"]
    tagged = [c for c in code if "parameters" in c.metadata.get("tags", [])]
    assert len(tagged) == 1, "exactly one cell tagged 'parameters'"
    assert code[0] is tagged[0], "the parameters cell is the first code cell"
    tree = ast.parse(tagged[0].source)
    names = set()
    for stmt in tree.body:
        assert isinstance(stmt, ast.Assign), ast.dump(stmt)
        ast.literal_eval(stmt.value)  # raises for anything but a literal
        names |= {t.id for t in stmt.targets}
    assert set(NOTEBOOKS[name].params) <= names and "figures_dir" in names
    assert f'finsam.check_parameters("{name}"' in code[1].source


@pytest.mark.parametrize("name", [*NOTEBOOKS, *INTERACTIVE])
def test_notebooks_keep_their_outputs_for_nbval(name):
    code = [c for c in cells(name) if c.cell_type == "code" and "parameters" not in c.metadata.get("tags", [])]
    assert all(c.get("outputs") for c in code[:1]), "run `make notebooks` to store outputs"
    for c in code:
        for o in c.get("outputs", []):
            assert o.output_type != "error"
            assert not (o.output_type == "stream" and o.name == "stderr"), o.get("text")


def test_notebooks_have_ids_and_a_python3_kernel():
    for path in NB_DIR.glob("*.ipynb"):
        nb = nbformat.read(path, as_version=4)
        assert nb.metadata["kernelspec"]["name"] == "python3"
        nbformat.validate(nb)


@pytest.mark.parametrize("params,message", [
    (dict(association="atlantis", year=2018), "unknown association 'atlantis' for gender_outcomes"),
    (dict(association="bhs", year=1999), "year 1999 is not available for bhs in gender_outcomes; valid: 2017, 2018"),
    (dict(association="bhs", year="2018"), "parameter year must be a whole number"),
])
def test_direct_papermill_run_with_bad_parameters_fails_at_the_check(tmp_path, params, message):
    out = tmp_path / "out.ipynb"
    with pytest.raises(PapermillExecutionError) as e:
        pm.execute_notebook(str(NB_DIR / "gender_outcomes.ipynb"), str(out), parameters=params,
                            kernel_name="python3", progress_bar=False, cwd=str(NB_DIR))
    assert e.value.ename == "ParameterError"
    assert message in e.value.evalue
    executed = nbformat.read(out, as_version=4)
    failed = [c for c in executed.cells if c.cell_type == "code" and any(o.output_type == "error" for o in c.outputs)]
    assert "check_parameters" in failed[0].source  # the first cell after the parameters


def test_direct_papermill_run_of_yearly_trend_rejects_unknown_metric(tmp_path):
    with pytest.raises(PapermillExecutionError) as e:
        pm.execute_notebook(str(NB_DIR / "yearly_trend.ipynb"), str(tmp_path / "o.ipynb"),
                            parameters=dict(association="bhs", metric="happiness"), kernel_name="python3",
                            progress_bar=False, cwd=str(NB_DIR))
    assert "metric 'happiness' is not available for bhs in yearly_trend; valid: cost" in e.value.evalue


def test_parameters_are_values_never_code(tmp_path):
    # papermill writes parameters as Python literals; a string that looks like code stays a string
    evil = 'bhs"; raise SystemExit("injected") #'
    with pytest.raises(PapermillExecutionError) as e:
        pm.execute_notebook(str(NB_DIR / "gender_outcomes.ipynb"), str(tmp_path / "o.ipynb"),
                            parameters=dict(association=evil, year=2018), kernel_name="python3",
                            progress_bar=False, cwd=str(NB_DIR))
    assert e.value.ename == "ParameterError" and "unknown association" in e.value.evalue
