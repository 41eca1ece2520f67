"""finsam: validate the curated Finsam tables and render the analysis reports.

User mistakes (bad data, bad parameters, unwritable folders) end with a message and a non-zero
exit status, never a traceback: 1 for data problems and failed reports, 2 for usage errors,
130 when interrupted."""
from __future__ import annotations

import argparse
import os
import sys

from finsam.core.cores import usable_cores
from finsam.core.errors import FinsamError


#: the exit status a command has settled on before it prints its listing: a reader that stops
#: reading (`finsam validate | head -1`) must not turn a failure into success
_pending = [0]


def _cmd_validate(args) -> int:
    from finsam.data.validate import validate
    from finsam.core import paths
    result = validate(args.data, args.sources, provenance=not args.no_provenance)
    _pending[0] = 0 if result.ok else 1
    for p in result.errors:
        print(p, file=sys.stderr)
    if result.conflicts and not args.quiet:
        print(f"known conflicts in the reports ({len(result.conflicts)}), explained in notes:")
        for p in result.conflicts:
            print(f"  {p}")
    rows = sum(len(t) for t in result.tables.values())
    where = paths.data_dir(args.data)
    status = "OK" if result.ok else "FAILED"
    # say which checks ran: validate() stops before the consistency and provenance checks when
    # the tables cannot be read, and the provenance check needs the source texts
    if not result.tables:
        done = "tables not readable; consistency and provenance not checked"
    elif args.no_provenance:
        done = "provenance not checked (--no-provenance)"
    elif not paths.sources_dir(args.sources).is_dir():
        done = f"provenance not checked: source texts not found at {paths.sources_dir(args.sources)}"
    else:
        done = f"provenance checked against {paths.sources_dir(args.sources)}"
    print(f"validate {status}: {where}: {rows} rows in {len(result.tables)} tables, {len(result.errors)} error(s), "
          f"{len(result.conflicts)} known conflict(s); {done}")
    return 0 if result.ok else 1


def _cmd_render(args) -> int:
    from finsam.site.render import render
    return render(notebooks=args.notebook, associations=args.association, years=args.year, jobs=args.jobs,
                  output=args.output, data_dir=args.data, sources_dir=args.sources,
                  progress=not args.no_progress, notebooks_dir=args.notebooks_dir, metrics=args.metric,
                  languages=args.language, force=args.force, verbose=args.verbose, pdf=args.pdf,
                  release_dir=args.release)


def _cmd_export(args) -> int:
    from finsam.release.export import export
    s = export(args.output, data_dir=args.data, sources_dir=args.sources, formats_=tuple(args.formats), jobs=args.jobs)
    size = sum(s.files.values())
    print(f"export OK: {s.output}: release {s.layout.version}, data version {s.layout.data_version}; "
          f"{len(s.rows)} tables, {sum(s.rows.values())} rows; CSV, {', '.join(s.formats) + ', ' if s.formats else ''}"
          f"datapackage.json, README.md, CITATION.cff; {len(s.files)} files, {size / 2**20:.1f} MiB; "
          f"download: {s.output / s.layout.zip}")
    return 0


def _formats(text: str) -> list[str]:
    from finsam.release.export import FORMATS
    chosen = [f.strip() for f in text.split(",") if f.strip()]
    unknown = [f for f in chosen if f not in FORMATS]
    if unknown:
        raise argparse.ArgumentTypeError(f"unknown format {', '.join(unknown)}; choose from {', '.join(FORMATS)}")
    return chosen


def _cmd_choices(args) -> int:
    from finsam.data.load import load
    from finsam.views.registry import select_reports
    filters = dict(association=args.association, year=args.year, metric=args.metric)
    for nb, c in select_reports(load(), args.notebook, filters):
        print(nb, " ".join(f"{k}={v}" for k, v in c.items()))
    return 0


def _jobs(text: str) -> int:
    """Reports rendered in parallel: at least 1, at most the usable cores (each report runs a
    CPU-bound kernel; more workers than cores only add memory and switching)."""
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}")
    if n < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    cores = usable_cores()
    if n > cores:
        print(f"finsam: --jobs {n} is more than the {cores} usable core(s); using {cores}", file=sys.stderr)
        return cores
    return n


def _year(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"a year is a whole number such as 2018, not {text!r}")


def parser() -> argparse.ArgumentParser:
    from finsam import __version__
    p = argparse.ArgumentParser(prog="finsam", description=__doc__.splitlines()[0])
    p.add_argument("--version", action="version", version=f"finsam {__version__}")
    sub = p.add_subparsers(dest="command", required=True)
    data = argparse.ArgumentParser(add_help=False)
    data.add_argument("--data", help="folder of the curated tables (default: $FINSAM_DATA, else the data "
                      "finsam was built with)")
    sources = argparse.ArgumentParser(add_help=False)
    sources.add_argument("--sources", help="folder of the source report texts, for the provenance check "
                         "(default: $FINSAM_SOURCES)")
    # filters: one per notebook parameter (``finsam choices`` lists the values there are)
    select = argparse.ArgumentParser(add_help=False)
    select.add_argument("--notebook", action="append", help="only this notebook (repeatable)")
    # which notebooks take each parameter is the registry's to say (`finsam choices` lists them)
    select.add_argument("--association", action="append", help="only this association (repeatable; "
                        "notebooks with an association parameter)")
    select.add_argument("--year", action="append", type=_year, help="only this year (repeatable; notebooks with "
                        "a year parameter)")
    select.add_argument("--metric", action="append", help="only this metric (repeatable; notebooks with a metric "
                        "parameter)")
    v = sub.add_parser("validate", parents=[data, sources], help="check the curated tables; exit 1 on any error")
    v.add_argument("--no-provenance", action="store_true", help="skip checking quotes against the source texts")
    v.add_argument("--quiet", action="store_true", help="do not list the known conflicts")
    v.set_defaults(func=_cmd_validate)
    r = sub.add_parser("render", parents=[data, sources, select],
                       help="run the notebooks and write HTML reports with an index")
    r.add_argument("--jobs", type=_jobs, default=None, help="notebooks run in parallel "
                   "(default and maximum: the number of usable cores)")
    r.add_argument("--language", action="append", choices=("sv", "en"),
                   help="only this language, sv or en (repeatable; default: both)")
    r.add_argument("--output", help="output folder (default: ./reports of the current directory)")
    r.add_argument("--no-progress", action="store_true", help="no progress bar")
    r.add_argument("--notebooks-dir", help="folder of the notebooks to run (default: the notebooks finsam "
                   "was built with)")
    r.add_argument("--force", action="store_true", help="render every selected report, even those whose "
                   "notebook, code, parameters, language and data are unchanged since the last render")
    r.add_argument("--verbose", action="store_true", help="say why each report is re-rendered")
    r.add_argument("--pdf", action="store_true", help="also print a PDF per association and language with "
                   "headless Chromium (a note, not a failure, when there is none)")
    r.add_argument("--release", metavar="DIR", help="the data release folder `finsam export` wrote; its zip is "
                   "copied into the site and linked from the indexes and the about page (default: ./release "
                   "when it holds a release)")
    r.set_defaults(func=_cmd_render)
    e = sub.add_parser("export", parents=[data, sources],
                       help="write a versioned release of the tables: datapackage.json, CSV, Parquet, SQLite, .xlsx, "
                            "README, CITATION.cff and a zip")
    e.add_argument("--output", help="release folder: new, empty, or an earlier release (default: ./release)")
    e.add_argument("--formats", type=_formats, default=["parquet", "sqlite", "xlsx"],
                   help="comma-separated, from parquet,sqlite,xlsx (default: all; the CSV files and their "
                        "descriptions are always written)")
    e.add_argument("--jobs", type=_jobs, default=None, help="processes for a large release (default and maximum: "
                   "the number of usable cores)")
    e.set_defaults(func=_cmd_export)
    c = sub.add_parser("choices", parents=[data, select],
                       help="list every parameter set each notebook supports (with the filters: those selected)")
    c.set_defaults(func=_cmd_choices)
    from .extract.cli import add_parser as add_extract
    add_extract(sub, [data, sources])
    return p


def main(argv=None) -> int:
    from finsam.core import paths
    for stream in (sys.stdout, sys.stderr):  # a file name that is not UTF-8 is printed escaped, not a traceback
        try:
            stream.reconfigure(errors="backslashreplace")
        except (AttributeError, ValueError, OSError):
            pass
    args = parser().parse_args(argv)
    _pending[0] = 0
    for opt in ("data", "sources", "output", "notebooks_dir"):
        if getattr(args, opt, None) is not None and not str(getattr(args, opt)).strip():
            # an empty --data would silently mean the default (the shipped data)
            print(f"finsam: --{opt.replace('_', '-')} is empty: give a folder", file=sys.stderr)
            return 2
    # exported as absolute paths so that kernels started by render (which run in the notebooks'
    # folder) see the same folders
    if getattr(args, "data", None) or os.environ.get(paths.ENV_DATA):
        os.environ[paths.ENV_DATA] = str(paths.data_dir(getattr(args, "data", None)))
    if getattr(args, "sources", None) or os.environ.get(paths.ENV_SOURCES):
        os.environ[paths.ENV_SOURCES] = str(paths.sources_dir(getattr(args, "sources", None)))
    try:
        code = args.func(args)
        sys.stdout.flush()  # a closed pipe shows here, not in the interpreter's exit handlers
        return code
    except FinsamError as e:
        print(f"finsam: {e}", file=sys.stderr)
        return e.exit_code
    except KeyboardInterrupt:
        print("finsam: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # the reader stopped reading (`finsam validate | head -1`): what it wanted it has, so this is
        # not an error. Point stdout at /dev/null so the exit-time flush does not fail again.
        # (https://docs.python.org/3/library/signal.html#note-on-sigpipe)
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            os.close(devnull)
        except (OSError, ValueError):  # stdout is not a real file (e.g. captured in tests)
            pass
        return _pending[0]


if __name__ == "__main__":
    sys.exit(main())
