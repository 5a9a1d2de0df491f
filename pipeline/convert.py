"""`convert`: SPEC records to and from Label Studio tasks and spaCy DocBin files, losslessly.

Records do not contain their text: converting out reads it again from the
record's `source` (or `--texts DIR`) and checks that every span's `text` is
`text[start:end]`. Converting back gives the same records (same fields, same
values, same key order), so annotations can go out to a tool and come back
as gold files.

Label Studio: one task per record. `data.text` is the text; the record's
other fields (id, source, lang, published, facts, and any other) are the
other keys of `data`, with a copy of the original spans in `data.csr_spans`.
The spans are regions (`type: labels`, value {start, end, text, labels}) of
a prediction (extractor output) or an annotation (gold), and each region's
`meta` holds the span's other fields (value, unit, counted, canonical, mod,
rule, qualifier). Offsets are Unicode code points, as in Label Studio's
exports; offsets counted in UTF-16 units (older versions, emoji) are
recognised and converted.

spaCy: one Doc per record, tokenised by the blank pipeline of its language
and cut further wherever a span starts or ends inside a token, so that every
span is a token span. Spans go to `doc.spans["csr"]` with the span
extensions the pipeline registers (`span._.value`, `._.unit`, `._.counted`,
`._.canonical`, `._.mod`, `._.rule`, `._.qualifier`) and to `doc.ents`
where they do not overlap; the record's other fields are in
`doc.user_data["csr_record"]`.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path

from . import __version__
from .convert_formats import (  # noqa: F401  (re-exported: the conversions live there)
    CORE,
    EXTRACTOR_ONLY_RECORD,
    EXTRACTOR_ONLY_SPAN,
    LABEL_CONFIG,
    SPAN_KEY,
    RecordError,
    UsageError,
    _atomic_bytes,
    _json_items,
    _read,
    doc_to_record,
    find_text,
    gold_only,
    label_config,
    read_docbin,
    read_records,
    record_to_doc,
    record_to_task,
    task_to_record,
    write_docbin,
)
from .output import is_special, out_file_name

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2

def _atomic_text(path: str, text: str) -> None:
    _atomic_bytes(path, text.encode("utf-8"))


def _is_folder_target(out: str) -> bool:
    return out.endswith(("/", os.sep)) or Path(out).is_dir() or (not Path(out).suffix and not is_special(out))


def check_output(out: str | None, kinds: tuple[str, ...]) -> None:
    """Fail before any work: the output's kind (by suffix) and its folder."""
    if not out or out == "-" or is_special(out):
        return
    if "dir" in kinds and _is_folder_target(out):
        parent = Path(out.rstrip("/" + os.sep) or ".").parent
        if not Path(out).is_dir() and not parent.is_dir():
            raise UsageError(f"-o {out}: folder {parent} does not exist")
        target = Path(out) if Path(out).is_dir() else parent
        if not os.access(target, os.W_OK):
            raise UsageError(f"-o {out}: folder {target} is not writable")
        return
    suffix = "".join(Path(out).suffixes[-1:]).lower()
    if suffix not in kinds:
        raise UsageError(f"-o {out}: expected {' or '.join(k if k != 'dir' else 'a folder' for k in kinds)}")
    folder = Path(out).parent
    if not folder.is_dir():
        raise UsageError(f"-o {out}: folder {folder} does not exist")
    if not os.access(folder, os.W_OK):
        raise UsageError(f"-o {out}: folder {folder} is not writable")


def write_records(records: list[dict], out: str | None) -> str:
    """Records to stdout (JSON Lines), a .jsonl file, a .json file (one record) or a folder."""
    if not out or out == "-":
        for rec in records:
            sys.stdout.write(json.dumps(rec, ensure_ascii=False) + "\n")
        return "standard output"
    if _is_folder_target(out) and not is_special(out):
        folder = Path(out)
        folder.mkdir(exist_ok=True)
        names = [out_file_name(str(rec.get("id"))) for rec in records]
        for rec, name in zip(records, names, strict=True):
            _atomic_text(str(folder / name), json.dumps(rec, ensure_ascii=False, indent=1) + "\n")
        return f"{folder}/ ({len(records)} files)"
    if out.lower().endswith(".json"):
        if len(records) != 1:
            raise UsageError(f"-o {out}: {len(records)} records do not fit one SPEC JSON file; "
                             "give a folder (-o DIR/) or a .jsonl file")
        _atomic_text(out, json.dumps(records[0], ensure_ascii=False, indent=1) + "\n")
        return out
    _atomic_text(out, "".join(json.dumps(rec, ensure_ascii=False) + "\n" for rec in records))
    return out


# ---- command line -------------------------------------------------------------

EPILOG = """examples:
  convert to-labelstudio out.jsonl -o tasks.json        extractor output as pre-annotations
  convert to-labelstudio gold/ -o tasks.json --as annotations
  convert labelstudio-config > config.xml               the labelling interface to paste in Label Studio
  convert from-labelstudio export.json -o gold/ --gold  one gold file per task
  convert to-docbin gold/ -o train.spacy                spaCy training data
  convert from-docbin train.spacy -o back.jsonl

Texts are read from each record's `source` (or --texts DIR). Converting out and back
gives the same records.

exit codes: 0 everything converted, 1 some records or tasks could not be (each named on
stderr; the others are written), 2 usage error (bad arguments, unreadable input, nothing written)"""


def build_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(
        prog="convert", description="Convert SPEC records (docs/spec.md) to and from Label Studio tasks "
                                    "and spaCy DocBin files, losslessly.",
        epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = ap.add_subparsers(dest="command", metavar="COMMAND", required=True)
    fmt = argparse.RawDescriptionHelpFormatter

    a = sub.add_parser("to-labelstudio", help="SPEC JSON/JSONL -> Label Studio JSON tasks", formatter_class=fmt,
                       epilog="example:\n  convert to-labelstudio out.jsonl -o tasks.json")
    a.add_argument("inputs", nargs="+", help="SPEC JSON files, JSON Lines files, folders of JSON files, or -")
    a.add_argument("-o", "--output", help="tasks file to write (.json; default: stdout)")
    a.add_argument("--as", dest="as_", choices=["auto", "predictions", "annotations"], default="auto",
                   help="where the spans go (auto: predictions for extractor output, annotations for gold)")
    a.add_argument("--texts", metavar="DIR", help="folder of the texts (default: each record's source)")

    b = sub.add_parser("from-labelstudio", help="Label Studio JSON export -> SPEC JSON/JSONL", formatter_class=fmt,
                       epilog="examples:\n  convert from-labelstudio export.json -o gold/ --gold\n"
                              "  convert from-labelstudio export.json -o corrected.jsonl")
    b.add_argument("input", help="a Label Studio JSON export (a list of tasks), or -")
    b.add_argument("-o", "--output", help="a folder (one SPEC JSON per task), a .jsonl file, a .json file "
                                          "(one task) or - (default: JSON Lines on stdout)")
    b.add_argument("--use", choices=["auto", "annotations", "predictions"], default="auto",
                   help="which result to read (auto: the latest annotation, else the last prediction)")
    b.add_argument("--gold", action="store_true",
                   help="write gold records: drop what only the extractor writes (rule, qualifier, input, "
                        "encoding, and facts' link, sentence and figure copies)")

    c = sub.add_parser("to-docbin", help="SPEC JSON/JSONL -> spaCy DocBin (.spacy)", formatter_class=fmt,
                       epilog="example:\n  convert to-docbin gold/ -o train.spacy")
    c.add_argument("inputs", nargs="+", help="SPEC JSON files, JSON Lines files, folders of JSON files, or -")
    c.add_argument("-o", "--output", required=True, help="the .spacy file to write")
    c.add_argument("--texts", metavar="DIR", help="folder of the texts (default: each record's source)")

    d = sub.add_parser("from-docbin", help="spaCy DocBin (.spacy) -> SPEC JSON/JSONL", formatter_class=fmt,
                       epilog="example:\n  convert from-docbin train.spacy -o back.jsonl")
    d.add_argument("input", help="a .spacy file")
    d.add_argument("-o", "--output", help="a folder (one SPEC JSON per document), a .jsonl file, a .json file "
                                          "(one document) or - (default: JSON Lines on stdout)")
    d.add_argument("--gold", action="store_true", help="write gold records (as for from-labelstudio)")

    sub.add_parser("labelstudio-config", help="print the Label Studio labelling configuration (XML)",
                   formatter_class=fmt, epilog="example:\n  convert labelstudio-config > config.xml")
    return ap


class Report:
    def __init__(self):
        self.failed = 0
        self.skipped = 0

    def fail(self, what: str, msg: str) -> None:
        self.failed += 1
        print(f"convert: {what}: {msg}", file=sys.stderr)

    def note(self, msg: str) -> None:
        print(f"convert: {msg}", file=sys.stderr)


def _records_with_texts(args, report: Report) -> Iterator[tuple[dict, str]]:
    for base, rec in read_records(args.inputs):
        if "error" in rec:
            report.skipped += 1
            continue
        try:
            yield rec, find_text(rec, base, args.texts)
        except RecordError as exc:
            report.fail(str(rec.get("id")), str(exc))


def run(args) -> int:
    report = Report()
    if args.command == "labelstudio-config":
        sys.stdout.write(label_config())
        return EXIT_OK
    if args.command == "to-labelstudio":
        check_output(args.output, (".json",))
        tasks = [record_to_task(rec, text, args.as_) for rec, text in _records_with_texts(args, report)]
        out = json.dumps(tasks, ensure_ascii=False, indent=1) + "\n"
        if args.output and args.output != "-":
            _atomic_text(args.output, out)
        else:
            sys.stdout.write(out)
        where, n = args.output or "standard output", len(tasks)
    elif args.command == "to-docbin":
        check_output(args.output, (".spacy",))
        docs = []
        for rec, text in _records_with_texts(args, report):
            try:
                docs.append(record_to_doc(rec, text))
            except RecordError as exc:
                report.fail(str(rec.get("id")), str(exc))
        write_docbin(docs, args.output)
        where, n = args.output, len(docs)
    elif args.command == "from-labelstudio":
        check_output(args.output, ("dir", ".json", ".jsonl"))
        tasks = _json_items(_read(args.input), args.input)
        records = []
        for i, task in enumerate(tasks):
            name = f"task {task.get('id', i + 1) if isinstance(task, dict) else i + 1}"
            if isinstance(task, dict) and isinstance(task.get("data"), dict) and task["data"].get("id"):
                name += f" ({task['data']['id']})"
            try:
                if not isinstance(task, dict):
                    raise RecordError("not a Label Studio task (an object with 'data')")
                rec = task_to_record(task, args.use, warn=lambda m, name=name: report.note(f"{name}: {m}"))
                records.append(gold_only(rec) if args.gold else rec)
            except RecordError as exc:
                report.fail(name, str(exc))
        where, n = write_records(records, args.output), len(records)
    else:  # from-docbin
        check_output(args.output, ("dir", ".json", ".jsonl"))
        records = [doc_to_record(doc, i) for i, doc in enumerate(read_docbin(args.input))]
        if args.gold:
            records = [gold_only(r) for r in records]
        where, n = write_records(records, args.output), len(records)
    if report.skipped:
        report.note(f"{report.skipped} error record(s) skipped (inputs extract could not read: no text to convert)")
    print(f"convert: {n} document(s) written to {where}"
          + (f"; {report.failed} could not be converted" if report.failed else ""), file=sys.stderr)
    return EXIT_FAILED if report.failed else EXIT_OK


def convert_main(argv: list[str] | None = None) -> int:
    ap = build_parser()
    try:
        args = ap.parse_args(argv)
    except SystemExit as exc:
        return EXIT_OK if exc.code in (0, None) else EXIT_USAGE
    try:
        return run(args)
    except UsageError as exc:
        print(f"convert: {exc}", file=sys.stderr)
        return EXIT_USAGE


def convert_entry() -> None:
    sys.exit(convert_main())
