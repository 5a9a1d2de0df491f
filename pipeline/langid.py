"""French or English per document, with lingua-language-detector.

lingua is built for short texts (headlines, captions, one-line posts), where
a stop-word vote fails ("Have a great week!" has the French verb "a"). It is
restricted to the pipeline's languages (data/<lang>/langid.json names each
one). Texts under SHORT characters get its full models (about 0.5 ms, and
they matter on short texts); longer ones its low-accuracy mode (about 0.1 ms,
as accurate there). See README, "Language detection", and
scripts/compare_langid.py. The publication header is not
text and is left out. A text without letters ("9,2321312") is decided by
the number formats only one language writes (data/<lang>/langid.json),
else it gets the default.
"""
from __future__ import annotations

import re
from functools import cache

from .reader import parse_header
from .resources import LANGS, load

SAMPLE = 3000  # characters: the main language of a long document shows in its first pages


SHORT = 120  # characters: below this, lingua's full models (about 0.5 ms) are worth their cost


@cache
def _detector(low_accuracy: bool = True):
    from lingua import Language, LanguageDetectorBuilder

    langs = {getattr(Language, load(code, "langid")["lingua_language"]): code for code in LANGS}
    builder = LanguageDetectorBuilder.from_languages(*langs)
    return (builder.with_low_accuracy_mode() if low_accuracy else builder).build(), langs


@cache
def _letterless() -> list[tuple[str, re.Pattern]]:
    return [(code, re.compile(p)) for code in LANGS for p in load(code, "langid")["letterless_patterns"]]


def detect(text: str, *, default: str = "en") -> str:
    _pub, start = parse_header(text)
    sample = text[start:start + SAMPLE]
    if not any(ch.isalpha() for ch in sample):
        # "9,2321312", "29/2": only the number format can tell
        votes = {code: 0 for code in LANGS}
        for code, pat in _letterless():
            votes[code] += len(pat.findall(sample))
        best = max(votes, key=votes.get)
        return best if votes[best] > max(v for c, v in votes.items() if c != best) else default
    detector, codes = _detector(len(sample) >= SHORT)
    found = detector.detect_language_of(sample)
    return codes.get(found, default)
