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
from .output import is_special, out_file_name, part_of
from .reader import ReadError, parse_header, read_document
from .scoring import LABELS

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
SPAN_KEY = "csr"
CORE = ("start", "end", "label", "text")
FROM_NAME, TO_NAME = "label", "text"
EXTRACTOR_ONLY_RECORD = ("encoding", "replaced_bytes", "input")
EXTRACTOR_ONLY_SPAN = ("rule", "qualifier")
LABEL_CONFIG = """<View>
  <Labels name="label" toName="text">
{labels}
  </Labels>
  <Text name="text" value="$text"/>
</View>
"""


class UsageError(Exception):
    """Bad arguments or unreadable input: nothing is written (exit 2)."""


class RecordError(Exception):
    """One record or task that cannot be converted: it is skipped (exit 1)."""


# ---- reading SPEC records -----------------------------------------------------

def _json_items(text: str, where: str) -> list:
    """The JSON values of a .json file (an object or a list of them) or of JSON Lines."""
    try:
        value = json.loads(text)
        return value if isinstance(value, list) else [value]
    except ValueError:
        pass
    items = []
    for n, line in enumerate(text.splitlines(), 1):
        if line.strip():
            try:
                items.append(json.loads(line))
            except ValueError as exc:
                raise UsageError(f"{where}, line {n}: not valid JSON ({exc.args[0]})") from exc
    return items


def _read(path: str) -> str:
    if path == "-":
        return sys.stdin.read()
    try:
        return Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"{path}: cannot read ({exc})") from exc


def read_records(inputs: list[str]) -> Iterator[tuple[Path, dict]]:
    """(folder the record came from, record) for SPEC JSON files, JSON Lines files and folders."""
    for inp in inputs:
        p = Path(inp)
        if inp != "-" and p.is_dir():
            files = [f for f in sorted(p.glob("*.json")) if f.name != "splits.json" and not f.name.startswith("_")]
            if not files:
                raise UsageError(f"{inp}: no *.json file in this folder")
        elif inp == "-" or p.is_file():
            files = [p]
        else:
            raise UsageError(f"{inp}: no such file or folder")
        for f in files:
            where = "standard input" if inp == "-" else str(f)
            for item in _json_items(_read(inp if inp == "-" else str(f)), where):
                if not isinstance(item, dict) or not ("spans" in item or "error" in item):
                    raise UsageError(f"{where}: not a SPEC record (no 'spans'); see docs/spec.md")
                yield (Path.cwd() if inp == "-" else f.parent), item


def find_text(rec: dict, base: Path, texts_dir: str | None) -> str:
    """The text of `rec`, read from `--texts DIR`, its `source`, or beside the record's folder;
    RecordError unless every span's text is found at its offsets."""
    src = rec.get("source")
    cands: list[Path] = []
    if texts_dir:
        if src:
            cands.append(Path(texts_dir) / Path(src).name)
        cands.append(Path(texts_dir) / f"{rec.get('id')}.txt")
    if src and src != "-":
        s = Path(src)
        cands += [s, base / s, base.parent / s, base.parent / "corpus" / s.name]
    path = next((c for c in cands if c.is_file()), None)
    if path is None:
        hint = "" if texts_dir else " (give the folder of the texts with --texts DIR)"
        raise RecordError(f"text not found: {src or 'no source'}{hint}")
    try:
        text = read_document(path).text
    except ReadError as exc:
        raise RecordError(f"{path}: {exc}") from exc
    for s in rec.get("spans") or []:
        if text[s["start"]:s["end"]] != s.get("text"):
            raise RecordError(f"{path} does not match the record: text[{s['start']}:{s['end']}] is "
                              f"{text[s['start']:s['end']]!r}, the span says {s.get('text')!r} (changed since?)")
    return text


def _ordered(fields: dict, spans: list[dict]) -> dict:
    """The record with `spans` back in its place: before `facts` (as extract and gold write it)."""
    out: dict = {}
    for k, v in fields.items():
        if k == "facts":
            out["spans"] = spans
        out[k] = v
    out.setdefault("spans", spans)
    return out


def _plain(value):
    """msgpack gives tuples for lists: back to JSON's types."""
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def gold_only(rec: dict) -> dict:
    """--gold: the record without what only the extractor writes (docs/spec.md, 'Gold files')."""
    out = {k: v for k, v in rec.items() if k not in EXTRACTOR_ONLY_RECORD}
    out["spans"] = [{k: v for k, v in s.items() if k not in EXTRACTOR_ONLY_SPAN} for s in rec.get("spans", [])]
    out["facts"] = [{"span": f.get("span"), "org": f.get("org"), "date": f.get("date")} for f in rec.get("facts", [])]
    return _ordered({k: v for k, v in out.items() if k != "spans"}, out["spans"])


# ---- Label Studio -------------------------------------------------------------

def label_config() -> str:
    from .review import COLORS

    return LABEL_CONFIG.format(labels="\n".join(f'    <Label value="{lab}" background="{COLORS[lab]}"/>'
                                                for lab in LABELS))


def record_to_task(rec: dict, text: str, as_: str = "auto") -> dict:
    """A Label Studio task: the text, the record's fields in `data`, the spans as regions."""
    spans = rec.get("spans") or []
    if as_ == "auto":
        as_ = "predictions" if rec.get("input") or any("rule" in s for s in spans) else "annotations"
    result = []
    for i, s in enumerate(spans):
        region = {"id": f"s{i}", "from_name": FROM_NAME, "to_name": TO_NAME, "type": "labels",
                  "value": {"start": s["start"], "end": s["end"], "text": s["text"], "labels": [s["label"]]}}
        meta = {k: v for k, v in s.items() if k not in CORE}
        if meta:
            region["meta"] = meta
        result.append(region)
    data = {"text": text, **{k: v for k, v in rec.items() if k != "spans"}, "csr_spans": spans}
    if as_ == "predictions":
        return {"data": data, "predictions": [{"model_version": f"csr-facts {__version__}", "result": result}]}
    return {"data": data, "annotations": [{"result": result}]}


def _utf16_to_cp(text: str, offset: int) -> int | None:
    """A UTF-16 code unit offset as a code point offset (None if it splits a character)."""
    units = 0
    for i, ch in enumerate(text):
        if units == offset:
            return i
        units += 2 if ord(ch) > 0xFFFF else 1
        if units > offset:
            return None
    return len(text) if units == offset else None


def _chosen_result(task: dict, use: str) -> tuple[list, str]:
    anns = [a for a in task.get("annotations") or [] if isinstance(a, dict) and not a.get("was_cancelled")]
    preds = [p for p in task.get("predictions") or [] if isinstance(p, dict)]
    if use in ("auto", "annotations") and anns:
        latest = max(enumerate(anns), key=lambda x: (str(x[1].get("updated_at") or x[1].get("created_at") or ""), x[0]))
        return latest[1].get("result") or [], "annotation"
    if use == "annotations":
        raise RecordError("no annotation (use --use predictions or --use auto)")
    if preds:
        return preds[-1].get("result") or [], "prediction"
    if use == "predictions":
        raise RecordError("no prediction")
    return [], "nothing"


def task_to_record(task: dict, use: str = "auto", warn=None) -> dict:
    """The SPEC record of a Label Studio task (an export or what `to-labelstudio` wrote)."""
    warn = warn or (lambda _m: None)
    data = task.get("data")
    if not isinstance(data, dict) or not isinstance(data.get("text"), str):
        raise RecordError("the task has no data.text")
    text = data["text"]
    result, _what = _chosen_result(task, use)
    originals = {(s["start"], s["end"]): s for s in data.get("csr_spans") or [] if isinstance(s, dict)}
    spans, bare = [], 0
    for item in result:
        if not isinstance(item, dict) or item.get("type") != "labels":
            continue
        value = item.get("value") or {}
        labels = value.get("labels") or []
        start, end = value.get("start"), value.get("end")
        if not labels or not isinstance(start, int) or not isinstance(end, int):
            warn(f"region {item.get('id')}: no label or offsets, skipped")
            continue
        if len(labels) > 1:
            warn(f"region {item.get('id')}: several labels {labels}, {labels[0]} kept")
        said = value.get("text")
        if said is not None and text[start:end] != said:
            s16, e16 = _utf16_to_cp(text, start), _utf16_to_cp(text, end)
            if s16 is None or e16 is None or text[s16:e16] != said:
                raise RecordError(f"region {item.get('id')}: text[{start}:{end}] is {text[start:end]!r}, "
                                  f"the region says {said!r}")
            start, end = s16, e16
        span = {"start": start, "end": end, "label": labels[0], "text": text[start:end]}
        meta = item.get("meta")
        if isinstance(meta, dict) and meta:
            span.update((k, v) for k, v in meta.items() if k not in CORE)
        elif (start, end) in originals:  # Label Studio dropped the region's meta: the original span's
            span.update((k, v) for k, v in originals[(start, end)].items() if k not in CORE)
        else:  # a region drawn in Label Studio
            if labels[0] == "ORG":
                span["canonical"] = span["text"]
            else:
                bare += 1
        spans.append(span)
    if bare:
        warn(f"{bare} new region(s) without value/unit: fill them in (`evaluate GOLD --check` lists them)")
    spans.sort(key=lambda s: (s["start"], s["end"]))
    fields = {k: v for k, v in data.items() if k not in ("text", "csr_spans")}
    if "id" not in fields:
        fields = {"schema_version": "1.0", "id": str(task.get("id", "task")), "source": None,
                  "lang": _lang(text), "published": parse_header(text)[0], "facts": []}
    offsets = {(s["start"], s["end"]) for s in spans}
    facts = fields.get("facts") or []
    kept = [f for f in facts if tuple(f.get("span") or ()) in offsets]
    if len(kept) < len(facts):
        warn(f"{len(facts) - len(kept)} fact(s) dropped: their figure is no longer a span")
        fields["facts"] = kept
    return _ordered(fields, spans)


def _lang(text: str) -> str:
    from .langid import detect

    return detect(text)


# ---- spaCy DocBin -------------------------------------------------------------

_BLANK: dict = {}


def _blank(lang: str | None):
    import spacy

    key = lang if lang in ("fr", "en") else "xx"
    if key not in _BLANK:
        _BLANK[key] = spacy.blank(key)
    return _BLANK[key]


def _tokens(nlp, text: str, spans: list[dict]):
    """A Doc of `text` whose token boundaries include every span boundary."""
    from spacy.tokens import Doc

    starts = {s["start"] for s in spans}
    ends = {s["end"] for s in spans}
    cuts = starts | ends
    words, spaces = [], []
    for tok in nlp.make_doc(text):
        start = tok.idx
        end = start + len(tok.text)
        full = end + len(tok.whitespace_)
        bounds = sorted({start, end} | {c for c in cuts if start < c < end})
        for a, b in zip(bounds, bounds[1:], strict=False):
            words.append(text[a:b])
            spaces.append(False)
        if tok.whitespace_:
            if end in starts or full in ends:  # a span starts at, or ends after, the space itself
                words.append(text[end:full])
                spaces.append(False)
            else:
                spaces[-1] = True
    doc = Doc(nlp.vocab, words=words, spaces=spaces)
    if doc.text != text:  # cannot happen: the words are the text cut in pieces
        raise RecordError("tokenisation changed the text")
    return doc


def record_to_doc(rec: dict, text: str):
    """A spaCy Doc: spans in doc.spans['csr'] and doc.ents, the other fields in doc.user_data."""
    from spacy.tokens import Span
    from spacy.util import filter_spans

    from .candidates import register_extensions

    register_extensions()
    spans = rec.get("spans") or []
    doc = _tokens(_blank(rec.get("lang")), text, spans)
    group, keys, extra = [], [], {}
    for i, s in enumerate(spans):
        span = doc.char_span(s["start"], s["end"], label=s["label"], alignment_mode="strict")
        if span is None:
            raise RecordError(f"span {s['start']}:{s['end']} does not fall on token boundaries")
        attrs = [k for k in s if k not in CORE]
        for k in attrs:
            if Span.has_extension(k):
                span._.set(k, s[k])
            else:
                extra.setdefault(str(i), {})[k] = s[k]
        keys.append(attrs)
        group.append(span)
    doc.spans[SPAN_KEY] = group
    doc.ents = filter_spans(group)
    doc.user_data["csr_record"] = {k: v for k, v in rec.items() if k != "spans"}
    doc.user_data["csr_span_keys"] = keys
    doc.user_data["csr_span_extra"] = extra
    return doc


def doc_to_record(doc, n: int = 0) -> dict:
    """The SPEC record of a Doc written by `to-docbin` (or any Doc with spans or entities)."""
    from spacy.tokens import Span

    from .candidates import register_extensions

    register_extensions()
    fields = _plain(doc.user_data.get("csr_record"))
    keys = _plain(doc.user_data.get("csr_span_keys"))
    extra = _plain(doc.user_data.get("csr_span_extra")) or {}
    group = list(doc.spans[SPAN_KEY]) if SPAN_KEY in doc.spans else list(doc.ents)
    if keys is None or len(keys) != len(group):
        keys = [[k for k in ("rule", "canonical", "value", "unit", "counted", "mod", "qualifier")
                 if Span.has_extension(k) and span._.get(k) is not None] for span in group]
    spans = []
    for i, (span, attrs) in enumerate(zip(group, keys, strict=True)):
        s = {"start": span.start_char, "end": span.end_char, "label": span.label_, "text": span.text}
        own = extra.get(str(i), {})  # attributes spaCy has no extension for
        for k in attrs:
            s[k] = own[k] if k in own else _plain(span._.get(k)) if Span.has_extension(k) else None
        spans.append(s)
    if not isinstance(fields, dict):
        text = doc.text
        fields = {"schema_version": "1.0", "id": f"doc{n}", "source": None,
                  "lang": doc.lang_ if doc.lang_ in ("fr", "en") else _lang(text),
                  "published": parse_header(text)[0], "facts": []}
    return _ordered(fields, spans)


def write_docbin(docs, path: str) -> None:
    from spacy.tokens import DocBin

    db = DocBin(store_user_data=True)
    for doc in docs:
        db.add(doc)
    _atomic_bytes(path, db.to_bytes())


def read_docbin(path: str) -> Iterator:
    import spacy
    from spacy.tokens import DocBin

    try:
        db = DocBin().from_bytes(Path(path).read_bytes())
    except OSError as exc:
        raise UsageError(f"{path}: cannot read ({exc})") from exc
    except Exception as exc:  # noqa: BLE001  msgpack/zlib errors: not a DocBin
        raise UsageError(f"{path}: not a spaCy DocBin file ({type(exc).__name__})") from exc
    return db.get_docs(spacy.blank("xx").vocab)


# ---- writing ------------------------------------------------------------------

def _atomic_bytes(path: str, data: bytes) -> None:
    if is_special(path):
        with open(path, "wb") as fh:
            fh.write(data)
        return
    part = part_of(path)
    part.write_bytes(data)
    os.replace(part, path)


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
