"""Record <-> Label Studio task and record <-> spaCy Doc conversions (the formats behind `convert`)."""
from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path

from . import __version__
from .output import is_special, part_of
from .reader import ReadError, parse_header, read_document
from .scoring import LABELS

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
