"""Command line: `extract` and `evaluate`. Thin: arguments, progress, exit codes.

stdout carries data only; progress bars, tables and messages go to stderr.
Exit status: 0 all inputs succeeded, 1 some failed, 2 usage error.
"""
from __future__ import annotations

import argparse
import glob
import json
import os
import sys
from pathlib import Path

from rich.console import Console

from . import SCHEMA_VERSION, __version__

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
TEXT_SUFFIXES = {".txt", ".text", ".md", ".html", ".htm", ""}

err = Console(stderr=True)


class UsageError(Exception):
    pass


# ---- inputs -----------------------------------------------------------------

def expand_inputs(args: list[str]) -> list[str]:
    """Files from paths, folders (their *.txt) and globs, in the order given."""
    out: list[str] = []
    for arg in args:
        if any(ch in arg for ch in "*?[") and not os.path.exists(arg):
            hits = sorted(glob.glob(arg, recursive=True))
            if not hits:
                raise UsageError(f"no file matches {arg!r}")
            out.extend(hits)
        elif os.path.isdir(arg):
            hits = sorted(str(p) for p in Path(arg).rglob("*.txt"))
            if not hits:
                raise UsageError(f"folder {arg!r} holds no .txt file")
            out.extend(hits)
        else:
            out.append(arg)  # missing or unreadable files become error records
    return out


def out_name(path: str) -> str:
    return Path(path).stem + ".json"


# ---- writers ----------------------------------------------------------------

def _is_special(path: str) -> bool:
    """/dev/null, a FIFO, /dev/stdout: written in place, never replaced by a rename."""
    p = Path(path)
    return p.exists() and not p.is_file()


class Writer:
    """Streams records to stdout / a JSONL file / one pretty JSON per input, atomically."""

    def __init__(self, output: str | None, out_dir: str | None):
        self.out_dir = Path(out_dir) if out_dir else None
        self.output = output
        self._tmp = None
        self._fh = None
        if self.out_dir:
            self.out_dir.mkdir(parents=True, exist_ok=True)
        elif output and output != "-" and not _is_special(output):
            self._tmp = Path(output).with_name(Path(output).name + ".part")
            self._fh = self._tmp.open("w", encoding="utf-8")
        elif output and output != "-":
            self._fh = open(output, "w", encoding="utf-8")  # a device or pipe: no rename
        else:
            self._fh = sys.stdout

    def write(self, path: str, record: dict):
        if self.out_dir:
            target = self.out_dir / out_name(path)
            tmp = target.with_name(target.name + ".part")
            tmp.write_text(json.dumps(record, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
            os.replace(tmp, target)
        else:
            self._fh.write(json.dumps(record, ensure_ascii=False) + "\n")
            self._fh.flush()

    def close(self):
        if self._tmp is not None:
            self._fh.close()
            os.replace(self._tmp, self.output)
        elif self._fh is not None and self._fh is not sys.stdout:
            self._fh.close()


def done_already(out_dir: str | None, path: str) -> bool:
    """--resume: an output exists, parses, and has spans or an error."""
    if not out_dir:
        return False
    target = Path(out_dir) / out_name(path)
    try:
        rec = json.loads(target.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(rec, dict) and ("spans" in rec or "error" in rec)


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
               "  extract --lang fr archive/*.txt\n\n"
               "exit codes: 0 every input done, 1 some inputs gave an error record, 2 usage error",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("inputs", nargs="*", help="text files, folders (their *.txt) or globs")
    ap.add_argument("--lang", choices=["fr", "en"], help="force the language of every document")
    ap.add_argument("-o", "--output", help="write JSON Lines to FILE (default: stdout)")
    ap.add_argument("--out-dir", help="write one pretty JSON per input into DIR")
    ap.add_argument("--facts-csv", help="also write a flat CSV table of facts to FILE")
    ap.add_argument("--workers", type=int, default=1, help="processes to use (default 1)")
    ap.add_argument("--batch-size", type=int, default=16, help="documents per nlp.pipe batch")
    ap.add_argument("--resume", action="store_true", help="with --out-dir: skip inputs whose output is complete")
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
    try:
        if not args.inputs:
            raise UsageError("give at least one input file, folder or glob")
        if args.output and args.out_dir:
            raise UsageError("use either -o/--output or --out-dir, not both")
        if args.resume and not args.out_dir:
            raise UsageError("--resume needs --out-dir")
        if args.workers < 1:
            raise UsageError("--workers must be at least 1")
        paths = expand_inputs(args.inputs)
    except UsageError as exc:
        err.print(f"[red]extract: {exc}[/red]")
        return EXIT_USAGE
    if args.resume:
        skipped = [p for p in paths if done_already(args.out_dir, p)]
        paths = [p for p in paths if p not in set(skipped)]
        if skipped and not args.quiet:
            err.print(f"resume: {len(skipped)} input(s) already done")
    from .runner import run_paths
    return run_paths(paths, args, err)


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
               "  evaluate gold/ --check               validate the gold files\n\n"
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
    ap.add_argument("--label", help="with --errors: only this label (ORG, DATE, ..., FACT)")
    ap.add_argument("--check", action="store_true", help="only validate the gold files")
    ap.add_argument("--facts-baseline", action="store_true", help="score the naive fact linker instead of ours")
    ap.add_argument("--version", action="version", version=f"%(prog)s {__version__} (schema {SCHEMA_VERSION})")
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
    return run_evaluate(args, err)


def evaluate_entry() -> None:
    sys.exit(evaluate_main())
