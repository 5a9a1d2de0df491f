"""Command line: `extract` and `evaluate`. Thin: arguments, progress, exit codes.

stdout carries data only; progress bars, tables and messages go to stderr.
Exit status: 0 all inputs succeeded, 1 some failed, 2 usage error.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from pathlib import Path

from rich.console import Console

from . import SCHEMA_VERSION, __version__

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2

err = Console(stderr=True)


class UsageError(Exception):
    pass


# ---- extract ----------------------------------------------------------------

def build_extract_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(
        prog="extract",
        description="Extract organisations, figures, dates and facts from CSR press texts "
                    "(records as JSON, described in docs/spec.md).",
        epilog="examples:\n"
               "  extract corpus/*.txt > out.jsonl\n"
               "  extract corpus/ -o out.jsonl --facts-csv facts.csv\n"
               "  extract corpus/ --out-dir out/ --resume --workers 2\n"
               "  extract --lang fr archive/*.txt\n"
               "  extract corpus/ -o out.jsonl --html review.html   plus a review page\n\n"
               "exit codes: 0 every input done, 1 some inputs gave an error record, 2 usage error",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("inputs", nargs="*", help="text files, folders (their *.txt), globs, or - for standard input")
    ap.add_argument("--lang", choices=["fr", "en"], help="force the language of every document")
    ap.add_argument("-o", "--output", help="write JSON Lines to FILE (default: stdout)")
    ap.add_argument("--out-dir", help="write one pretty JSON per input into DIR")
    ap.add_argument("--facts-csv", help="also write a flat CSV table of facts to FILE")
    ap.add_argument("--html", metavar="FILE",
                    help="also write a review page: one self-contained HTML file of every document, "
                         "its highlighted spans and its facts")
    ap.add_argument("--workers", type=int, default=1, help="processes to use (default 1)")
    ap.add_argument("--batch-size", type=int, default=16, help="documents per nlp.pipe batch")
    ap.add_argument("--resume", action="store_true",
                    help="with -o FILE or --out-dir: reuse the records of inputs done and unchanged since "
                         "(FILE.part first), process the rest")
    ap.add_argument("--dask", metavar="SCHEDULER", help="distribute over a Dask cluster ('local' for a LocalCluster)")
    ap.add_argument("--schema", action="store_true", help="print the output JSON Schema and exit")
    ap.add_argument("-q", "--quiet", action="store_true", help="no progress bar, no summary")
    ap.add_argument("--version", action="version", version=f"%(prog)s {__version__} (schema {SCHEMA_VERSION})")
    return ap


def extract_main(argv: list[str] | None = None) -> int:
    ap = build_extract_parser()
    try:
        args = ap.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0) if exc.code in (0, None) else EXIT_USAGE
    if args.schema:
        from .schema import output_schema
        print(json.dumps(output_schema(), indent=1))
        return EXIT_OK
    from .inputs import expand_inputs
    from .output import OutputError, check_writable

    try:
        if not args.inputs:
            raise UsageError("give at least one input file, folder, glob or - (standard input)")
        if args.output and args.out_dir:
            raise UsageError("use either -o/--output or --out-dir, not both")
        if args.workers < 1:
            raise UsageError("--workers must be at least 1")
        if args.batch_size < 1:
            raise UsageError("--batch-size must be at least 1")
        if args.resume and not (args.out_dir or (args.output and args.output != "-")):
            raise UsageError("--resume needs -o FILE or --out-dir DIR")
        if args.dask and importlib.util.find_spec("distributed") is None:
            raise UsageError("--dask needs the Dask extra: pip install 'csr-facts[dask]'")
        if args.dask and args.dask != "local":
            from .distributed import check_scheduler
            check_scheduler(args.dask)
        check_writable(args.output, "-o")
        check_writable(args.facts_csv, "--facts-csv")
        check_writable(args.html, "--html")
        if args.html and (args.html == "-" or args.html in (args.output, args.facts_csv)):
            raise UsageError("--html needs a file of its own (not -, not the -o or --facts-csv file)")
        if args.out_dir and Path(args.out_dir).exists() and not Path(args.out_dir).is_dir():
            raise UsageError(f"--out-dir {args.out_dir}: not a folder")
    except (UsageError, OutputError, RuntimeError) as exc:
        err.print(f"[red]extract: {exc}[/red]", highlight=False)
        return EXIT_USAGE
    inputs = expand_inputs(args.inputs)
    for problem in inputs.problems:
        err.print(f"[red]error[/red] {problem}", highlight=False)
    clashes = sorted({i for i in inputs.ids if "/" in i})
    if clashes and not args.quiet:
        err.print(f"[yellow]inputs share a file name: ids and --out-dir names use their folders "
                  f"({', '.join(clashes[:4])}{' ...' if len(clashes) > 4 else ''})[/yellow]", highlight=False)
    if not inputs.paths:
        return EXIT_FAILED if inputs.problems else EXIT_USAGE
    from .runner import run_paths
    code = run_paths(inputs.paths, inputs.ids, args, err)
    return EXIT_FAILED if inputs.problems and code == EXIT_OK else code


def extract_entry() -> None:
    sys.exit(extract_main())


# ---- evaluate ---------------------------------------------------------------

def build_evaluate_parser() -> argparse.ArgumentParser:
    from .evaluation import SPLITS

    ap = argparse.ArgumentParser(
        prog="evaluate", description="Score predictions against the gold set (scoring rules: docs/spec.md).",
        epilog="examples:\n"
               "  evaluate gold/                       real and written splits side by side\n"
               "  evaluate gold/ --split real-test     one split in detail\n"
               "  evaluate gold/ out.jsonl --errors --label ORG\n"
               "  evaluate gold/ --no-gazetteer        organisations from document evidence alone\n"
               "  evaluate gold/ --check               validate the gold files\n"
               "  evaluate gold/ out.jsonl --html eval.html   gold and prediction side by side\n\n"
               "exit codes: 0 scored (or gold valid), 1 gold problems found by --check, 2 usage error",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold", help="gold folder (one SPEC JSON per document)")
    ap.add_argument("pred", nargs="?", help="predictions: a JSONL file or a folder from extract "
                                             "(default: run extract on the gold's source texts)")
    ap.add_argument("--split", choices=SPLITS, default=None,
                    help="documents to score (gold/splits.json; real = real-dev + real-test, written = dev + test); "
                         "default: real and written splits side by side")
    ap.add_argument("--json", action="store_true", help="print the report as JSON on stdout")
    ap.add_argument("--errors", action="store_true", help="list every false positive and negative")
    ap.add_argument("--label", type=str.upper, choices=["ORG", "DATE", "QUANTITY", "MONEY", "PERCENT", "FACT"],
                    help="with --errors: only this label")
    ap.add_argument("--check", action="store_true", help="only validate the gold files")
    ap.add_argument("--facts-baseline", action="store_true", help="score the naive fact linker instead of ours")
    ap.add_argument("--version", action="version", version=f"%(prog)s {__version__} (schema {SCHEMA_VERSION})")
    ap.add_argument("--html", metavar="FILE",
                    help="also write a review page: gold and prediction of every document side by side, "
                         "errors marked, per-label scores at the top")
    ap.add_argument("--no-gazetteer", action="store_true",
                    help="run extract without the built-in list of organisations (ORG from evidence alone)")
    return ap


def evaluate_main(argv: list[str] | None = None) -> int:
    ap = build_evaluate_parser()
    try:
        args = ap.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0) if exc.code in (0, None) else EXIT_USAGE
    from .evaluation import run_evaluate
    from .output import OutputError, check_writable

    try:
        if args.html == "-":
            raise OutputError("--html needs a file name (the report goes to stdout)")
        check_writable(args.html, "--html")
    except OutputError as exc:
        err.print(f"[red]evaluate: {exc}[/red]", highlight=False)
        return EXIT_USAGE
    return run_evaluate(args, err)


def evaluate_entry() -> None:
    sys.exit(evaluate_main())
