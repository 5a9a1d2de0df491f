"""Line breaks end sentences: press texts put headings, paragraphs and quotes on
their own lines, and the parser otherwise runs sentences across them."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("csr_paragraphs")
def paragraph_boundaries(doc: Doc) -> Doc:
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if "\n" in prev.text or "\n" in prev.whitespace_:
            tok.is_sent_start = True
    return doc
