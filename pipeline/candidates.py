"""The one record every matcher writes: a labelled character span with its rule.

Matchers work on characters (numbers such as "1 500" or "50Go" do not follow
token boundaries), so candidates carry character offsets; the resolver keeps
a non-overlapping subset and mirrors it into `doc.spans` for spaCy users.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

LABELS = ("ORG", "DATE", "QUANTITY", "MONEY", "PERCENT")
FIGURE_LABELS = ("QUANTITY", "MONEY", "PERCENT")
SPAN_KEY = "csr"


@dataclass
class Candidate:
    start: int
    end: int
    label: str
    rule: str
    attrs: dict = field(default_factory=dict)
    priority: int = 1

    @property
    def length(self) -> int:
        return self.end - self.start

    def overlaps(self, other: Candidate) -> bool:
        return self.start < other.end and other.start < self.end


def register_extensions() -> None:
    """Doc/Span extensions used by the components (idempotent)."""
    for name, default in (("csr_candidates", None), ("csr_entities", None), ("csr_facts", None),
                          ("published", None)):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
    for name in ("value", "unit", "counted", "canonical", "mod", "rule", "qualifier"):
        if not Span.has_extension(name):
            Span.set_extension(name, default=None)


def doc_text(doc: Doc) -> str:
    """`doc.text`, built once per document (spaCy rebuilds the string on every access)."""
    text = doc.user_data.get("csr_text")
    if text is None:
        text = doc.user_data["csr_text"] = doc.text
    return text


def add_candidates(doc: Doc, candidates: list[Candidate]) -> None:
    if doc._.csr_candidates is None:
        doc._.csr_candidates = []
    doc._.csr_candidates.extend(candidates)


register_extensions()


class Intervals:
    """Non-overlapping kept spans, sorted, with a logarithmic overlap test."""

    def __init__(self):
        self.starts: list[int] = []
        self.ends: list[int] = []

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self.starts, end)  # spans starting before `end`
        return i > 0 and self.ends[i - 1] > start

    def add(self, start: int, end: int) -> None:
        i = bisect.bisect_left(self.starts, start)
        self.starts.insert(i, start)
        self.ends.insert(i, end)
