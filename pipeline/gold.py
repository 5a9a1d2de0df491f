"""`gold`: author gold files. A draft lists spans by their text, in document order; `anchor`
turns it into a gold record with character offsets, refusing what it cannot place for sure.

Draft: {"id", "lang", "published", "spans": [{"text", "label", ...attributes,
optional "nth": k (the k-th occurrence after the previous span, from 1), or
"at": offset for a span glued to other characters that no word boundary finds ("10x10"),
optional "fact": {"org", "date"}}]} (docs/spec.md, "Gold files").
"""
from __future__ import annotations

import argparse
import itertools
import json
import re
import sys
from pathlib import Path

from . import __version__
from .reader import ReadError, read_document
from .scoring import LABELS, validate


class DraftError(ValueError):
    """A draft span that cannot be placed, or placed in more than one way."""


def _pattern(needle: str) -> re.Pattern:
    pat = re.escape(needle)
    if needle[:1].isalnum():
        pat = r"(?<!\w)" + pat
    if needle[-1:].isalnum():
        pat += r"(?!\w)"
    return re.compile(pat)


def _where(text: str, pos: int) -> str:
    line = text.count("\n", 0, pos) + 1
    return f"line {line}, near {text[max(0, pos - 20):pos + 20]!r}"


def anchor(text: str, draft: dict, source: str) -> dict:
    """The gold record for `draft` over `text`; DraftError lists every problem found."""
    spans, facts, problems = [], [], []
    pos = 0
    items = draft.get("spans", [])
    for i, item in enumerate(items):
        item = dict(item)
        needle, label = item.pop("text", None), item.pop("label", None)
        nth = int(item.pop("nth", 1))
        fact = item.pop("fact", None)
        if not needle or label not in LABELS:
            problems.append(f"span {i + 1}: needs a non-empty 'text' and a label in {', '.join(LABELS)}")
            continue
        at = item.pop("at", None)
        if at is not None:  # a span glued to other characters ("10x10"): placed by its offset
            if text[at:at + len(needle)] != needle or at < pos:
                problems.append(f"span {i + 1} {needle!r} ({label}): not at offset {at} after {_where(text, pos)}")
                continue
            spans.append({"start": at, "end": at + len(needle), "label": label, "text": needle, **item})
            if fact is not None:
                facts.append({"span": [at, at + len(needle)], "org": fact.get("org"), "date": fact.get("date")})
            pos = at + len(needle)
            continue
        pat = _pattern(needle)
        hits = list(itertools.islice(pat.finditer(text, pos), nth + 1))
        if len(hits) < nth:
            problems.append(f"span {i + 1} {needle!r} ({label}): not found after {_where(text, pos)}")
            continue
        m = hits[nth - 1]
        if "nth" not in items[i] and len(hits) > nth:
            # another occurrence before the next span's own place: the labeller must say which
            nxt = next((s for s in items[i + 1:] if s.get("text")), None)
            limit = len(text)
            if nxt is not None:
                later = _pattern(nxt["text"]).search(text, m.end())
                limit = later.start() if later else len(text)
            if hits[nth].start() < limit and nxt is not None and nxt["text"] != needle:
                problems.append(f"span {i + 1} {needle!r} ({label}): ambiguous, it also occurs at "
                                f"{_where(text, hits[nth].start())} before the next span; add \"nth\": 1 "
                                "to keep the first one, or label the other occurrence too")
        out = {"start": m.start(), "end": m.end(), "label": label, "text": needle, **item}
        spans.append(out)
        if fact is not None:
            facts.append({"span": [m.start(), m.end()], "org": fact.get("org"), "date": fact.get("date")})
        pos = m.end()
    if problems:
        raise DraftError("\n".join(problems))
    record = {"schema_version": "1.0", "id": draft.get("id") or Path(source).stem, "source": source,
              "lang": draft.get("lang"), "published": draft.get("published"), "spans": spans, "facts": facts}
    invalid = validate(record, text)
    if invalid:
        raise DraftError("\n".join(invalid))
    return record


def _source_name(path: Path) -> str:
    parts = path.as_posix().split("/")
    return "/".join(parts[parts.index("corpus"):]) if "corpus" in parts else path.as_posix()


def gold_main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="gold", description="Author gold files (docs/spec.md, 'Gold files').",
        epilog="examples:\n  gold anchor corpus/fr-x.txt drafts/fr-x.json -o gold/fr-x.json\n\n"
               "exit codes: 0 written, 1 the draft has problems (listed), 2 usage or unreadable input",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = ap.add_subparsers(dest="command", required=True)
    a = sub.add_parser("anchor", help="turn a draft (spans by text, in order) into a gold file with offsets")
    a.add_argument("text", help="the corpus text file")
    a.add_argument("draft", help="the draft JSON")
    a.add_argument("-o", "--output", help="gold file to write (default: stdout)")
    try:
        args = ap.parse_args(argv)
    except SystemExit as exc:
        return 0 if exc.code in (0, None) else 2
    try:
        text = read_document(args.text).text
        draft = json.loads(Path(args.draft).read_text(encoding="utf-8"))
    except (OSError, ValueError, ReadError) as exc:
        print(f"gold: cannot read input: {exc}", file=sys.stderr)
        return 2
    try:
        record = anchor(text, draft, _source_name(Path(args.text)))
    except DraftError as exc:
        print(f"gold: {args.draft}:\n{exc}", file=sys.stderr)
        return 1
    out = json.dumps(record, ensure_ascii=False, indent=1) + "\n"
    if args.output:
        Path(args.output).write_text(out, encoding="utf-8")
    else:
        sys.stdout.write(out)
    return 0


def gold_entry() -> None:
    sys.exit(gold_main())
