"""Line breaks end sentences: press texts put headings, paragraphs and quotes on
their own lines, and the parser otherwise runs sentences across them."""
from __future__ import annotations

import bisect
import re

from spacy.attrs import IDX
from spacy.language import Language
from spacy.tokens import Doc

from ..candidates import doc_text

LINE_START = re.compile(r"\n\s*(?=\S)")


@Language.component("csr_paragraphs")
def paragraph_boundaries(doc: Doc) -> Doc:
    starts = doc.to_array([IDX]).tolist()
    for m in LINE_START.finditer(doc_text(doc)):
        i = bisect.bisect_left(starts, m.end())
        if 0 < i < len(starts) and starts[i] == m.end():
            doc[i].is_sent_start = True
    return doc
