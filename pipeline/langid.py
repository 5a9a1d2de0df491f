"""French or English per document: lingua-language-detector, and on short texts the evidence it lacks.

lingua is built for short texts (headlines, captions, one-line posts), where
a stop-word vote fails ("Have a great week!" has the French verb "a"). It is
restricted to the pipeline's languages (data/<lang>/langid.json names each
one). The publication header is not text and is left out; a long document is
read on its first SAMPLE characters (its main language shows there).

- SHORT characters or more: lingua's low-accuracy mode, as accurate as its
  full models there and cheaper (about 0.4 ms per 1,000 characters).
- Shorter texts: lingua's full models, whose confidence
  (`compute_language_confidence_values`) is weighed against evidence that
  lingua does not read, because it reads letters only: the number, time
  and ordinal formats that only one language writes (data/<lang>/langid.json
  `evidence_patterns`: decimal comma "2,33", thousands grouped by spaces
  "1 234 567", "16h30", "3e" against "1,674.5", "6 pm", "3rd"), and number
  words that only one language's reader (text2num) takes ("seize", "vingt"
  against "seven", "hundred") and that the other language's data does not
  list as its own word (month names, weekdays, scale words, minor currency
  units: "sept" is also September, "billion" and "cent" are English too).
  When that evidence names one language and lingua is not CONFIDENT, the
  evidence decides; otherwise lingua's reading stands.
- A text with fewer than MIN_LETTERS letters in words has no language in it
  for lingua (letters glued to digits are codes and units: "q1-2019",
  "scp-173m", "10k"; a letter alone is a unit or a symbol; three letters
  are an abbreviation or a code as often as a word: "Tel", "usd"). The
  evidence above decides, with `wordless_patterns` added (day-first dates,
  which British English writes too, tell only where nothing else does);
  without any, the default, deterministically, rather than lingua's guess
  on a few letters ("1", "3/4", "100%", "usd$ 15": `evidence_free`).

About 0.1 ms per short text, 1 ms per corpus document (scripts/compare_langid.py;
README, "Language detection").
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache, lru_cache

from .reader import parse_header
from .resources import LANGS, load

SAMPLE = 1000  # characters: the main language of a document shows in its lead; lingua's cost grows with the sample
SHORT = 120  # characters: below this, lingua's full models are worth their cost
CONFIDENT = 0.9  # lingua's confidence above which its reading stands against format and number-word evidence
MIN_LETTERS = 4  # fewer letters in words than this: nothing for lingua to read

# Words the pipeline's data lists as belonging to a language: a number word of
# the other language that is also one of these is no evidence ("sept", "cent").
_OWN_WORDS = (("dates", "months"), ("dates", "weekdays"), ("figures", "scales"), ("figures", "minor_units"))
_LETTERS = re.compile(r"[^\W\d_]+")


@cache
def _detector(low_accuracy: bool = True):
    from lingua import Language, LanguageDetectorBuilder

    langs = {getattr(Language, load(code, "langid")["lingua_language"]): code for code in LANGS}
    builder = LanguageDetectorBuilder.from_languages(*langs)
    return (builder.with_low_accuracy_mode() if low_accuracy else builder).build(), langs


@cache
def _patterns(key: str) -> list[tuple[str, re.Pattern]]:
    return [(code, re.compile(p)) for code in LANGS for p in load(code, "langid")[key]]


@cache
def _own_words(code: str) -> frozenset[str]:
    return frozenset(w.lower().rstrip(".") for name, key in _OWN_WORDS for w in load(code, name)[key])


def _words(text: str) -> Iterator[str]:
    """Runs of two letters or more not glued to a digit.

    Letters glued to digits are codes, units and formats ("q1", "10k",
    "m212", "16h"); a letter alone is a unit, a symbol or an initial ("m",
    "L", "k") as often as a word.
    """
    for m in _LETTERS.finditer(text):
        before = text[m.start() - 1] if m.start() else " "
        after = text[m.end()] if m.end() < len(text) else " "
        if m.end() - m.start() > 1 and not (before.isdigit() or after.isdigit()):
            yield m.group()


def _readable(text: str) -> bool:
    """At least MIN_LETTERS letters in words: something for lingua to read (stops as soon as known)."""
    seen = 0
    for word in _words(text):
        seen += len(word)
        if seen >= MIN_LETTERS:
            return True
    return False


@lru_cache(maxsize=8192)
def _number_word(word: str, code: str) -> bool:
    from text_to_num import text2num

    try:
        text2num(word, code)
    except ValueError:
        return False
    return True


def evidence(text: str, *, wordless: bool = False) -> dict[str, int]:
    """Votes per language from what lingua does not read: formats and number words.

    wordless: also the formats one language only writes more often (day-first
    dates), for a text where nothing else tells.
    """
    votes = {code: 0 for code in LANGS}
    for key in ("evidence_patterns", "wordless_patterns") if wordless else ("evidence_patterns",):
        for code, pat in _patterns(key):
            votes[code] += len(pat.findall(text))
    for word in _words(text):
        w = word.lower()
        readers = [code for code in LANGS if _number_word(w, code)]
        if len(readers) == 1 and not any(w in _own_words(c) for c in LANGS if c != readers[0]):
            votes[readers[0]] += 1
    return votes


def _winner(votes: dict[str, int]) -> str | None:
    best = max(votes, key=votes.get)
    return best if votes[best] > max(v for c, v in votes.items() if c != best) else None


# markup is no language: scripts and styles with their content, tags, character entities, addresses
MARKUP = re.compile(r"<(script|style)\b.*?(?:</\1\s*>|$)|<!--.*?(?:-->|$)|</?[A-Za-z][^>]{0,300}>|&#?\w{1,10};"
                    r"|\bhttps?://\S+|\bwww\.\S+", re.IGNORECASE | re.DOTALL)


def _sample(text: str) -> str:
    _pub, start = parse_header(text)
    return MARKUP.sub(" ", text[start:start + SAMPLE])


def evidence_free(text: str) -> bool:
    """True for a text with no language in it: too few letters in words for
    lingua, and no format or number word of one language ("1", "3/4",
    "100%", "usd$ 15", "scp-173m"). Such a text gets the default."""
    sample = _sample(text)
    return not _readable(sample) and not any(evidence(sample, wordless=True).values())


def detect(text: str, *, default: str = "en") -> str:
    sample = _sample(text)
    if not _readable(sample):
        return _winner(evidence(sample, wordless=True)) or default
    if len(sample) >= SHORT:
        detector, codes = _detector(True)
        return codes.get(detector.detect_language_of(sample), default)
    detector, codes = _detector(False)
    values = detector.compute_language_confidence_values(sample)
    # all zero when the letters are of neither language ("北京市"): lingua has no reading
    top = codes.get(values[0].language) if values and values[0].value > 0 else None
    if top and values[0].value >= CONFIDENT:
        return top
    return _winner(evidence(sample)) or top or default
