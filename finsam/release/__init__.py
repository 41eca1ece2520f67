"""A versioned, citable release of the curated tables (``finsam export``).

    finsam.release.export("release")   # ./release: datapackage.json, CSV, Parquet, SQLite, .xlsx, README,
                                       # CITATION.cff, LICENSE, datasette.json and a zip of them all

Modules, in the order data flows: meta (what each column is, from the field dictionary),
derived (the facts and outcome rates finsam computes from the tables), formats (the files),
describe (datapackage.json, README, CITATION.cff, Datasette metadata), folder (writing the
release whole or not at all), export (the steps, in one process or several) and worker (the
worker processes of a large export).
"""
from .export import DEFAULT_OUTPUT, FORMATS, Summary, export
from .errors import ReleaseError

__all__ = ["DEFAULT_OUTPUT", "FORMATS", "ReleaseError", "Summary", "export"]
