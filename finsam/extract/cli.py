"""``finsam extract``: the command line of the extractor (finsam/cli.py only registers it)."""
from __future__ import annotations

import io
import sys
import time
from pathlib import Path

from finsam.data import csvio
from finsam.core.errors import FinsamError, ParameterError

HELP = "propose candidate rows for a new annual report (text or PDF); --apply adds the reviewed ones to the data"


def add_parser(sub, parents) -> None:
    e = sub.add_parser("extract", parents=parents, help=HELP, description=HELP + ". See README: Adding a new "
                       "annual report.")
    e.add_argument("report", metavar="REPORT", help="the report: a UTF-8 text file or a PDF (a scan is read "
                   "with Tesseract's Swedish model)")
    e.add_argument("--association", help="association_id of the report (default: the association whose name the "
                   "report prints); its interventions' names are used")
    e.add_argument("--year", type=int, help="the year the report covers (default: from its title)")
    e.add_argument("--output", help="write the candidates CSV here (default: standard output)")
    e.add_argument("--text", help="also write the report's text (the lines the candidates' line numbers refer to)")
    e.add_argument("--training", help="train the model on this training set (built by python -m "
                   "finsam.extract.training --data DIR --output FILE; default: the one shipped with finsam)")
    e.add_argument("--threshold", type=float, help="propose candidates with at least this confidence "
                   "(default: the one the benchmark chose)")
    e.add_argument("--apply", metavar="REVIEWED.csv", help="add the accepted rows of this reviewed candidates CSV "
                   "to the data, register the report, validate, and write only if everything passes")
    e.add_argument("--source-id", help="with --apply: the report's source_id, <association_id>-<year>")
    e.add_argument("--title", help="with --apply: the report's title (default: Årsredovisning YEAR – NAME)")
    e.add_argument("--origin", help="with --apply: where the report came from (e.g. its address), recorded in "
                   "sources.csv")
    e.add_argument("--text-quality", choices=("clean", "ocr"), help="with --apply: override the text quality "
                   "(default: ocr for OCR'd text or text without Swedish letters, else clean)")
    e.set_defaults(func=run)


def run(args) -> int:
    from .text import read_document
    if args.apply:
        if not args.source_id:
            raise ParameterError("finsam extract --apply needs --source-id <association_id>-<year>")
        return _apply(args, read_document(args.report))
    if args.source_id or args.title or args.origin or args.text_quality:
        raise ParameterError("--source-id, --title, --origin and --text-quality go with --apply")
    return _extract(args, read_document(args.report))


def _extract(args, doc) -> int:
    from .curated import tables
    from .extractor import extract, guess_association, guess_year, trained_model, vocabulary
    from .candidates import THRESHOLD
    shown = csvio._display(Path(args.report))
    data = tables(args.data)
    year = args.year or guess_year(doc)
    if year is None:
        raise FinsamError(f"{shown}: no report year found in the text: give --year")
    if not 1990 <= year <= 2100:
        raise ParameterError(f"--year {year}: outside 1990-2100")
    association = args.association or guess_association(doc, data["associations"])
    if args.association and args.association not in set(data["associations"]["association_id"]):
        print(f"finsam extract: association {args.association!r} is not in associations.csv: intervention names "
              "are left as the report writes them", file=sys.stderr)
    t0 = time.perf_counter()
    training_file = None
    if args.training:
        training_file = Path(args.training)
        if not training_file.is_file():
            raise FinsamError(f"{csvio._display(training_file)}: training set not found")
    try:
        model = trained_model(data, training_file=training_file)
    except (OSError, ValueError, KeyError, EOFError) as e:
        raise FinsamError(f"{csvio._display(training_file)}: not a training set of finsam extract ({e})")
    t1 = time.perf_counter()
    out, secs = extract(doc, year, vocabulary(data, association), model,
                        THRESHOLD if args.threshold is None else args.threshold)
    buf = io.StringIO()
    out.to_csv(buf, index=False, lineterminator="\n")
    if args.output:
        target = Path(args.output)
        if target.resolve() == Path(args.report).resolve():
            raise ParameterError("--output is the report itself: choose another file")
        from finsam.core.files import write_atomic
        write_atomic(target, buf.getvalue().encode("utf-8"))
    else:
        sys.stdout.write(buf.getvalue())
    if args.text:
        target = Path(args.text)
        if target.resolve() == Path(args.report).resolve():
            raise ParameterError("--text is the report itself: choose another file")
        from finsam.core.files import write_atomic
        write_atomic(target, doc.text.encode("utf-8"))
    print(f"finsam extract: {shown}: {len(doc.lines)} lines ({doc.method}, {doc.text_quality}), year {year}, "
          f"association {association or 'unknown'}: {len(out)} candidates in {secs['tokens'] + secs['predict']:.1f} s "  # not a vocabulary code
          f"(model ready in {t1 - t0:.1f} s)", file=sys.stderr)
    return 0


def _apply(args, doc) -> int:
    from .apply import apply
    r = apply(Path(args.apply), doc, args.source_id, args.data, args.sources, title=args.title,
              origin=args.origin, text_quality=args.text_quality)
    for w in r.warnings:
        print(w, file=sys.stderr)
    parts = [f"{r.added} row(s) added to observations.csv", f"{r.skipped} already there",
             f"{r.rejected} rejected in review"]
    if r.source_registered:
        parts.append(f"{args.source_id} registered in sources.csv")
    if r.interventions:
        parts.append(f"new intervention(s): {', '.join(r.interventions)}")
    if r.text_written:
        parts.append(f"text written to {csvio._display(r.text_written)}")
    print("finsam extract --apply: " + "; ".join(parts) + "; validated", file=sys.stderr)
    return 0
