"""finsam: validate the curated Finsam tables and render the analysis reports.

User mistakes (bad data, bad parameters, unwritable folders) end with a message and a non-zero
exit status, never a traceback: 1 for data problems and failed reports, 2 for usage errors,
130 when interrupted."""
from __future__ import annotations

import argparse
import os
import sys

from .errors import FinsamError


def _cmd_validate(args) -> int:
    from .validate import validate
    from . import paths
    result = validate(args.data, args.sources, provenance=not args.no_provenance)
    for p in result.errors:
        print(p, file=sys.stderr)
    if result.conflicts and not args.quiet:
        print(f"known conflicts in the reports ({len(result.conflicts)}), explained in notes:")
        for p in result.conflicts:
            print(f"  {p}")
    rows = sum(len(t) for t in result.tables.values())
    where = paths.data_dir(args.data)
    status = "OK" if result.ok else "FAILED"
    print(f"validate {status}: {where}: {rows} rows in {len(result.tables)} tables, {len(result.errors)} error(s), "
          f"{len(result.conflicts)} known conflict(s)"
          + ("" if args.no_provenance else f"; provenance checked against {paths.sources_dir(args.sources)}"))
    return 0 if result.ok else 1


def _cmd_render(args) -> int:
    from .render import render
    return render(notebooks=args.notebook, associations=args.association, years=args.year, jobs=args.jobs,
                  output=args.output, data_dir=args.data, sources_dir=args.sources,
                  progress=not args.no_progress, notebooks_dir=args.notebooks_dir,
                  force=args.force, verbose=args.verbose)  # issue 15


def _cmd_choices(args) -> int:
    from .params import NOTEBOOKS, choices
    for nb in args.notebook or list(NOTEBOOKS):
        for c in choices(nb):
            print(nb, " ".join(f"{k}={v}" for k, v in c.items()))
    return 0


def _positive(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}")
    if n < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return n


def _year(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"a year is a whole number such as 2018, not {text!r}")


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="finsam", description=__doc__.splitlines()[0])
    sub = p.add_subparsers(dest="command", required=True)
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--data", help="folder of the curated tables (default: the project's data/ or $FINSAM_DATA)")
    common.add_argument("--sources", help="folder of the source report texts (default: $FINSAM_SOURCES)")
    v = sub.add_parser("validate", parents=[common], help="check the curated tables; exit 1 on any error")
    v.add_argument("--no-provenance", action="store_true", help="skip checking quotes against the source texts")
    v.add_argument("--quiet", action="store_true", help="do not list the known conflicts")
    v.set_defaults(func=_cmd_validate)
    r = sub.add_parser("render", parents=[common], help="run the notebooks and write HTML reports with an index")
    r.add_argument("--notebook", action="append", help="only this notebook (repeatable)")
    r.add_argument("--association", action="append", help="only this association (repeatable)")
    r.add_argument("--year", action="append", type=_year, help="only this year (repeatable)")
    r.add_argument("--jobs", type=_positive, default=os.cpu_count() or 1, help="notebooks run in parallel "
                   "(default: number of cores)")
    r.add_argument("--output", help="output folder (default: reports/)")
    r.add_argument("--no-progress", action="store_true", help="no progress bar")
    r.add_argument("--notebooks-dir", help="folder of the notebooks to run (default: the project's notebooks/)")
    r.add_argument("--force", action="store_true", help="render every selected report, even those whose "
                   "notebook, code, parameters and data are unchanged since the last render")  # issue 15
    r.add_argument("--verbose", action="store_true", help="say why each report is re-rendered")  # issue 15
    r.set_defaults(func=_cmd_render)
    c = sub.add_parser("choices", help="list every parameter set each notebook supports")
    c.add_argument("--notebook", action="append")
    c.set_defaults(func=_cmd_choices)
    return p


def main(argv=None) -> int:
    args = parser().parse_args(argv)
    for var, value in (("FINSAM_DATA", getattr(args, "data", None)), ("FINSAM_SOURCES", getattr(args, "sources", None))):
        if value:  # exported so that kernels started by render see the same folders
            os.environ[var] = os.path.abspath(value)
    try:
        return args.func(args)
    except FinsamError as e:
        print(f"finsam: {e}", file=sys.stderr)
        return e.exit_code
    except KeyboardInterrupt:
        print("finsam: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 1


if __name__ == "__main__":
    sys.exit(main())
