"""From text to the SPEC record: reading, language, spaCy, and the record shape.

Long texts are split at paragraph (else sentence, else word) boundaries into
chunks below spaCy's `max_length`; offsets are shifted back so they index
the whole text.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from . import langid
from .nlp import get_nlp
from .reader import Document, ReadError, parse_header, read_document
from .schema import SCHEMA_VERSION

CHUNK_CHARS = 25_000  # characters per Doc: a long input is parsed in pieces (memory about 0.9 GB for 1 MB)
# set by the runner (one process only): called with the characters of each piece of a long text parsed
chunk_progress = None
# Docs per nlp.pipe batch: the models run faster on larger batches (raw spaCy is measured
# with 16), but the pieces of a long input are big, so a batch also stops at PIPE_CHARS
# characters (four full pieces, which bounds memory on long inputs)
PIPE_BATCH = 16
PIPE_CHARS = 100_000


def split_chunks(text: str, limit: int | None = None) -> list[tuple[int, str]]:
    """(offset, chunk) pieces covering `text` exactly, cut at the best boundary: a paragraph,
    else a sentence, else a space away from any figure ("3 millions d'euros" stays whole)."""
    limit = limit or CHUNK_CHARS
    if len(text) <= limit:
        return [(0, text)]
    out, pos = [], 0
    while pos < len(text):
        if len(text) - pos <= limit:
            out.append((pos, text[pos:]))
            break
        window = text[pos:pos + limit]
        cut = None
        for pattern in (r"\n\s*\n", r"[.!?][\"»”)]?\s+", r"\s+"):
            hits = [m.end() for m in re.finditer(pattern, window)]
            hits = [h for h in hits if h > limit // 2]
            if pattern == r"\s+":
                clear = [h for h in hits if not re.search(r"\d", window[max(0, h - 25):h + 3])]
                hits = clear or hits
            if hits:
                cut = hits[-1]
                break
        cut = cut or limit
        out.append((pos, text[pos:pos + cut]))
        pos += cut
    return out


def _record(doc_id: str, source: str | None, lang: str, published: str | None,
            spans: list[dict], facts: list[dict], meta: dict) -> dict:
    rec = {"schema_version": SCHEMA_VERSION, "id": doc_id, "source": source, "lang": lang,
           "published": published, "spans": spans, "facts": facts}
    if meta.get("encoding") and meta["encoding"] != "utf-8":
        rec["encoding"] = meta["encoding"]
    if meta.get("replaced"):
        rec["replaced_bytes"] = meta["replaced"]  # undecodable bytes shown as U+FFFD
    if meta.get("input"):
        rec["input"] = meta["input"]
    return rec


def _span_dict(text: str, c, shift: int) -> dict:
    out = {"start": c.start + shift, "end": c.end + shift, "label": c.label,
           "text": text[c.start + shift:c.end + shift], "rule": c.rule}
    if c.label == "ORG":
        out["canonical"] = c.attrs.get("canonical")
    elif c.label == "DATE":
        out["value"] = c.attrs.get("value")
        if c.attrs.get("mod"):
            out["mod"] = c.attrs["mod"]
    else:
        out["value"] = c.attrs.get("value")
        out["unit"] = c.attrs.get("unit")
        if c.label == "QUANTITY" and c.attrs.get("counted"):
            out["counted"] = c.attrs["counted"]
        if c.attrs.get("qualifier"):
            out["qualifier"] = c.attrs["qualifier"]
    return out


def _fact_dict(f: dict, shift: int, figure: dict) -> dict:
    out = {"span": [f["span"][0] + shift, f["span"][1] + shift], "org": f["org"], "date": f["date"],
           "link": f["link"], "sentence": f["sentence"]}
    if f.get("predicate"):
        out["predicate"] = f["predicate"]
    for key in ("value", "unit", "counted", "qualifier"):
        if figure.get(key) is not None:
            out[key] = figure[key]
    return out


def process_texts(items: Iterable[tuple[str, dict]], *, lang: str | None = None,
                  batch_size: int = 16) -> Iterator[dict]:
    """Records for (text, meta) pairs, in input order, batching through nlp.pipe.

    meta: {"id", "source", "encoding"} (all optional).
    """
    pending: list[tuple[str, dict, str]] = []
    for text, meta in items:
        doc_lang = lang or langid.detect(text)
        pending.append((text, meta, doc_lang))
        if len(pending) >= batch_size:
            yield from _run_batch(pending)
            pending = []
    if pending:
        yield from _run_batch(pending)


def _docs(nlp, jobs):
    """Docs carrying their own text: components read it instead of rebuilding `doc.text`."""
    for _i, _offset, chunk in jobs:
        doc = nlp.make_doc(chunk)
        doc.user_data["csr_text"] = chunk
        yield doc


def pipe_groups(jobs: list, max_docs: int | None = None, max_chars: int | None = None) -> list[list]:
    """`jobs` (tuples ending with their text), in order, cut into nlp.pipe batches of at most
    `max_docs` texts and `max_chars` characters (a single larger text is a batch of its own)."""
    max_docs, max_chars = max_docs or PIPE_BATCH, max_chars or PIPE_CHARS
    groups: list[list] = []
    size = 0
    for job in jobs:
        if not groups or len(groups[-1]) >= max_docs or size + len(job[-1]) > max_chars:
            groups.append([])
            size = 0
        groups[-1].append(job)
        size += len(job[-1])
    return groups


def _run_batch(batch: list[tuple[str, dict, str]]) -> Iterator[dict]:
    results: dict[int, list] = {}
    by_lang: dict[str, list[tuple[int, int, str]]] = {}
    for i, (text, _meta, lang) in enumerate(batch):
        for offset, chunk in split_chunks(text):
            by_lang.setdefault(lang, []).append((i, offset, chunk))
    for lang, jobs in by_lang.items():
        nlp = get_nlp(lang)
        # a Doc is turned into plain records as soon as it is done, so that a long text's
        # chunks are not all held at once (memory stays flat with the size of one input)
        done = ((job, doc) for group in pipe_groups(jobs)
                for job, doc in zip(group, nlp.pipe(_docs(nlp, group), batch_size=len(group)), strict=True))
        for (i, offset, _chunk), doc in done:
            text = batch[i][0]
            if len(text) > CHUNK_CHARS and chunk_progress is not None:
                chunk_progress(len(_chunk))  # a long single text: characters done, for the progress bar
            chunk_spans = [_span_dict(text, c, offset) for c in (doc._.csr_entities or [])]
            by_start = {s["start"]: s for s in chunk_spans}
            chunk_facts = [_fact_dict(f, offset, by_start.get(f["span"][0] + offset, {})) for f in doc._.csr_facts or []]
            results.setdefault(i, []).append((offset, chunk_spans, chunk_facts))
            del doc
    for i, (text, meta, lang) in enumerate(batch):
        published, _ = parse_header(text)
        spans, facts = [], []
        for _offset, chunk_spans, chunk_facts in sorted(results.get(i, []), key=lambda x: x[0]):
            spans.extend(chunk_spans)
            facts.extend(chunk_facts)
        yield _record(meta.get("id", "text"), meta.get("source"), lang, published, spans, facts, meta)


def extract_text(text: str, *, doc_id: str = "text", lang: str | None = None,
                 source: str | None = None) -> dict:
    """The SPEC record for one text."""
    return next(process_texts([(text, {"id": doc_id, "source": source})], lang=lang))


def extract_file(path: str | Path, *, lang: str | None = None, doc_id: str | None = None) -> dict:
    """The SPEC record for one file; raises ReadError when it cannot be read."""
    doc: Document = read_document(path)
    path = Path(path)
    return next(process_texts([(doc.text, {"id": doc_id or path.stem, "source": str(path),
                                           "encoding": doc.encoding})], lang=lang))


__all__ = ["extract_text", "extract_file", "process_texts", "split_chunks", "ReadError"]
