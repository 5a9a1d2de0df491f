"""Line breaks end sentences: press texts put headings, paragraphs and quotes on
their own lines, and the parser otherwise runs sentences across them. A single break
inside a sentence (a word in lower case after a line that ends without punctuation)
is a text wrapped at a fixed width, not a boundary. And no sentence starts right after
a word on the same line: the French parser otherwise cuts "La coopérative Solvéo |
Énergie développe …" before a capital, which loses the clause's subject."""
from __future__ import annotations

import bisect
import re

from spacy.attrs import IDX
from spacy.language import Language
from spacy.tokens import Doc

from ..candidates import doc_text
from ..reader import parse_header

LINE_START = re.compile(r"\n\s*(?=\S)")


@Language.component("csr_paragraphs")
def paragraph_boundaries(doc: Doc) -> Doc:
    starts = doc.to_array([IDX]).tolist()
    text = doc_text(doc)
    for m in LINE_START.finditer(text):
        if text[m.end()].islower() and m.start() > 0 and text[m.start() - 1] not in ".!?:;»\"”)" \
                and "\n" not in m.group(0)[1:]:
            continue  # a text wrapped at a fixed width ("… a dévoilé sa vision de\ndéveloppement"): one sentence
        i = bisect.bisect_left(starts, m.end())
        if 0 < i < len(starts) and starts[i] == m.end():
            doc[i].is_sent_start = True
    # the publication header (" date 2021-05 ") is metadata: the text's first sentence starts after it
    _published, body = parse_header(text)
    first = bisect.bisect_left(starts, body) if body else 0
    if 0 < first < len(starts):
        doc[first].is_sent_start = True
    for i in range(1, len(doc)):
        prev = doc[i - 1]
        if i >= 2 and UNIT_WITH_STOP.fullmatch(prev.text) and doc[i - 2].like_num and prev.whitespace_ \
                and doc[i].text[:1].isupper():
            doc[i].is_sent_start = True  # "… were €2.9m. In 2021, …": the tokenizer keeps the stop on the unit
        elif doc[i].is_sent_start is None and prev.text[-1:].isalnum() and "\n" not in prev.whitespace_ + doc[i].text:
            doc[i].is_sent_start = False
    return doc


# a unit or scale glued to its full stop after a number ("€2.9m.", "2,5 M€.", "40 km."), not "a.m."
UNIT_WITH_STOP = re.compile(r"[A-Za-zÀ-ÿ€$£%²³]{1,4}\.")
