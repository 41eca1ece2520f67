"""Maintenance commands: ``python -m finsam.devtools refresh-notebooks`` re-executes the committed
notebooks in place with their default parameters, so nbval's expected outputs match the data.
Run it after a deliberate change of data or analysis, and review the diff of the outputs."""
from __future__ import annotations

import sys

from . import paths
from .kernels import use_project_kernel
from .params import INTERACTIVE, NOTEBOOKS


def clean_metadata(nb) -> None:
    """Drop execution timestamps and papermill bookkeeping, which would differ on every run."""
    nb.metadata.pop("papermill", None)
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
        cell.metadata.pop("papermill", None)


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


if __name__ == "__main__":
    if sys.argv[1:2] != ["refresh-notebooks"]:
        sys.exit("usage: python -m finsam.devtools refresh-notebooks [NAME ...]")
    refresh_notebooks(sys.argv[2:] or None)
