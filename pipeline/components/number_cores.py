"""Reading a number: cores in digits, number words and fractions.

A core is a number in digits (language-specific grouping) or in words
(found by text2num), a fraction noun ("la moitié"), a fraction written with
symbols ("¾", "3/4") or an amount glued to a currency code ("USD115"). The
readers at the end complete a number already found: a spoken decimal, a
fraction after "and", the parts of "4 thousand 3 hundred and 21".
"""
from __future__ import annotations

import bisect
import re
import unicodedata

from spacy.attrs import IDX, LIKE_NUM
from spacy.tokens import Doc
from text_to_num import find_numbers

from ..candidates import doc_text
from ..normalize.numbers import parse_number
from .figure_rules import FigureRules, rules_for
from .scales_units import scale_after_fraction

# Unicode vulgar fractions ("½", "¾"): script, not language, so not in the data files
VULGAR = "½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅐⅛⅜⅝⅞⅑⅒"
VULGAR_RE = re.compile(r"(?<![\w/])(?:(?P<whole>\d+)[ \u00a0]?)?(?P<frac>[" + VULGAR + "])")
# "3/4", "2 1/4": a small denominator and a numerator below it (dates such as
# "22/04" or "10/1" have a numerator above the denominator or a third part)
SLASH_FRACTION = re.compile(r"(?<![\w/.,])(?<!\d-)(?:(?P<whole>\d{1,3})[ \u00a0]{1,2})?(?P<num>\d{1,2})/(?P<den>\d{1,2})(?![\d/.,-]?\d)")


class _Tok:
    """Adapter from a spaCy token to text2num's token protocol."""

    __slots__ = ("t",)

    def __init__(self, t):
        self.t = t

    def text(self):
        return self.t.lower_

    def nt_separated(self, previous):
        return False

    def not_a_number_part(self):
        return False


def number_word_windows(doc: Doc, margin: int = 3) -> list[tuple[int, int]]:
    """Token ranges around words that look like numbers: text2num only reads those
    (building a wrapper for every token of the document costs more than the search)."""
    arr = doc.to_array([LIKE_NUM, IDX])
    flags = arr[:, 0].tolist()
    starts = arr[:, 1].tolist()
    text = doc_text(doc)
    # "vingt-quatre", "quatre-vingt-quinze": hyphenated words are one token, not LIKE_NUM
    hyphenated, pos = set(), text.find("-")
    while pos >= 0:
        hyphenated.add(bisect.bisect_right(starts, pos) - 1)
        pos = text.find("-", pos + 1)
    vocab = doc.vocab
    hits = []
    for i in sorted({i for i, like_num in enumerate(flags) if like_num} | hyphenated):
        if i < 0:
            continue
        tok = doc[i]
        if any(ch.isdigit() for ch in tok.text):
            continue
        if flags[i] or any(vocab[part].like_num for part in tok.lower_.split("-") if part):
            hits.append(i)
    windows: list[list[int]] = []
    for i in hits:
        lo, hi = max(0, i - margin), min(len(doc), i + margin + 1)
        if windows and lo <= windows[-1][1]:
            windows[-1][1] = hi
        else:
            windows.append([lo, hi])
    return [(lo, hi) for lo, hi in windows]


def word_cores(doc: Doc, lang: str) -> list[tuple[int, int, float]]:
    """(start, end, value) of numbers written in words, via text2num."""
    r = rules_for(lang)
    out = []
    for lo, hi in number_word_windows(doc):
        toks = [doc[i] for i in range(lo, hi)]
        for occ in find_numbers([_Tok(t) for t in toks], lang, threshold=0):
            first, last = toks[occ.start], toks[occ.end - 1]
            if occ.is_ordinal or any(ch.isdigit() for t in toks[occ.start:occ.end] for ch in t.text):
                continue
            out.append((first.idx, last.idx + len(last.text), float(occ.value)))
    text = doc_text(doc)
    if r.extra_words_re is not None:
        for m in r.extra_words_re.finditer(text):
            out.append((m.start(), m.end(), float(r.extra_words[m.group(0).lower()])))
    for m in r.approx_re.finditer(text):
        out.append((m.start("w"), m.end("w"), float(r.approx[m.group("w").lower()])))
    return out


def fraction_cores(text: str, r: FigureRules, starts: set) -> list:
    """Fraction nouns without a numeral: "la moitié" -> `moitié`, "a third of" -> `third`."""
    out = []
    for m in r.fraction_word_re.finditer(text):
        word = m.group(0).lower()
        before = text[max(0, m.start() - 12):m.start()].lower()
        article = re.search(r"(?:^|\W)(?:la|une|a|an)[ \u00a0]+$", before)
        scaled = scale_after_fraction(text, m.end(), r) is not None  # "quarter million", "demi-million"
        if word in r.need_numeral and not article and not scaled:
            continue
        if r.fraction_needs_determiner and not scaled and not re.search(
                r"(?:^|\W)(?:la|le|les|l['’]|un|une|d['’]|de|des|du|ce|cette|leur|sa|son)[ \u00a0]*$", before):
            continue  # "au tiers investisseur": an adjective; "un tiers", "la moitié", "d'un tiers": a figure
        if word in r.fraction_adjectives and not scaled and re.match(
                r"[ \u00a0]+(?!(?:de|des|du|d['’]|of)\b)[a-zà-ÿ]", text[m.end():m.end() + 4]):
            continue  # "un mécanisme de tiers investisseur": a noun follows, the fraction word is its adjective
        prev = re.search(r"(\w+)[ \u00a0-]+$", before)
        if not scaled and prev and prev.group(1) in r.fraction_not_after:
            continue  # "first half", "la seconde moitié": a part, not a figure ("deux tiers": a numeral core)
        if not scaled and (text[m.end():m.end() + 1] == "-" or text[m.end():m.end() + 5] in (" year", " time")):
            continue  # half-year, half time
        out.append((m.start(), m.end(), r.fractions[word] / 1.0, True, "fraction"))
    return [c for c in out if c[0] not in starts]


def symbol_fraction_cores(text: str) -> list:
    """"¾", "2½", "3/4", "2 1/4": fractions written with symbols or a slash."""
    out = []
    for m in VULGAR_RE.finditer(text):
        value = unicodedata.numeric(m.group("frac")) + (int(m.group("whole")) if m.group("whole") else 0)
        out.append((m.start(), m.end(), value, False, "fraction_symbol"))
    for m in SLASH_FRACTION.finditer(text):
        num, den = int(m.group("num")), int(m.group("den"))
        if 0 < num < den <= 10:
            value = num / den + (int(m.group("whole")) if m.group("whole") else 0)
            out.append((m.start(), m.end(), value, False, "fraction_slash"))
    return out


def code_glued_cores(text: str, r: FigureRules) -> list:
    """Amounts glued to a currency code ("USD115", "nzd$15"): the digits after the code."""
    out = []
    for m in r.code_glued_re.finditer(text):
        d = r.digits_at.match(text, m.end())
        if d:
            value = parse_number(d.group(0), r.lang)
            if value is not None:
                out.append((d.start(), d.end(), value, False, "digits"))
    return out


def word_core_at(text: str, pos: int, lang: str):
    """The longest run of words at `pos` that text2num reads as one number."""
    from text_to_num import text2num
    words = list(re.finditer(r"[^\W\d_][\w-]*", text[pos:pos + 60]))
    run = []
    for w in words:
        if run and text[pos + run[-1].end():pos + w.start()].strip(" \u00a0"):
            break
        if not run and w.start() != 0:
            break
        run.append(w)
    for k in range(len(run), 0, -1):
        try:
            value = float(text2num(text[pos:pos + run[k - 1].end()].lower(), lang))
        except ValueError:
            continue
        return [(pos, pos + run[k - 1].end(), value)]
    return []


def number_at(text: str, pos: int, r: FigureRules, word_at: dict):
    """(end, value) of a number in digits or words starting at `pos`, else None."""
    d = r.digits_at.match(text, pos)
    if d and (pos == 0 or not text[pos - 1].isdigit()):
        value = parse_number(d.group(0), r.lang)
        return (d.end(), value) if value is not None else None
    if pos in word_at:
        return word_at[pos]
    found = word_core_at(text, pos, r.lang)
    return (found[0][1], found[0][2]) if found else None


def and_fraction(text: str, pos: int, r: FigureRules, word_at: dict):
    """(end, value) of "and a half", "et demi", "and two thirds" after a number, else None.

    Halves always count; other fraction words must not be followed by a noun,
    since "and a third site" is an ordinal.
    """
    m = r.and_re.match(text, pos)
    if not m:
        return None
    p, num = m.end(), 1.0
    art = re.match(r"(?:a|an|one|un|une)[ \u00a0]+", text[p:p + 5], re.IGNORECASE)
    if art:
        p += art.end()
    else:
        found = number_at(text, p, r, word_at)
        if found:
            p, num = found
    f = r.fraction_re.match(text, p)
    if not f:
        return None
    frac = r.fractions[f.group("w").lower()]
    end = p + f.end() - f.start()
    if frac != 0.5 and re.match(r"[ \u00a0]+[^\W\d]", text[end:end + 3]) and not scale_after_fraction(text, end, r):
        return None
    return end, num * frac


def split_and(core: str, r: FigureRules):
    """(head, tail, scale) of a word number joined by "and"/"et" before a fraction.

    text2num reads "cent et trois" as 103, but before "quarts" the "et" joins a
    whole number and a fraction: 100 + 3/4. `scale` is the head's scale word
    ("six millions et deux tiers" = 6e6 + 2/3 * 1e6)."""
    from text_to_num import text2num
    joins = list(r.and_re.finditer(core))
    if not joins:
        return None
    head_text, tail_text = core[:joins[-1].start()], core[joins[-1].end():]
    try:
        head = float(text2num(head_text.lower(), r.lang))
        tail = float(text2num(tail_text.lower(), r.lang))
    except ValueError:
        return None
    return head, tail, core_scale(head_text, r)


def core_scale(core: str, r: FigureRules) -> float:
    """The scale a word number ends with, from a million up ("two million"), else 1."""
    words = core.split()
    scale = r.scales.get(words[-1].lower(), 1.0) if words else 1.0
    return scale if scale >= 1e6 else 1.0


def point_decimal(text: str, pos: int, r: FigureRules) -> tuple[int, float] | None:
    """(end, fraction) of "point seventy-one" (.71), "point nought three" (.03), "virgule cinq".

    Spoken and transcribed figures say the decimal mark as a word; the digits
    after it are read one by one, or as one number below 100 ("point eleven")."""
    m = r.point_re.match(text, pos)
    if not m:
        return None
    if m.group("digits"):
        digits = "".join(str(r.digit_words[w.lower()]) for w in m.group("digits").split())
        return m.end(), float("0." + digits)
    found = word_core_at(text, m.end(), r.lang)
    if found and 0 < found[0][2] < 100 and found[0][2] == int(found[0][2]):
        return found[0][1], float("0." + str(int(found[0][2])))
    return None


def compound_tail(text: str, pos: int, last_scale: float, r: FigureRules, word_at: dict):
    """(end, value) of what completes "4 thousand" in "4 thousand 3 hundred and 21".

    Each part is a number with a smaller scale word than the one before; a
    bare number closes it only after "hundred and" (English says "three hundred
    and one"; "1 million and 200 sites" stays two figures)."""
    total, end = 0.0, None
    while True:
        j = r.compound_join.match(text, pos)
        found = number_at(text, j.end(), r, word_at) if j else None
        if not found or found[1] is None or found[1] <= 0:
            break
        s = r.scale_re.match(text, found[0])
        if s and s.group("w").isalpha() and len(s.group("w")) > 2 and found[1] * r.scales[s.group("w")] < last_scale:
            last_scale = r.scales[s.group("w")]
            total += found[1] * last_scale
            pos = end = s.end()
            continue
        if j.group("and") and last_scale == 100 and found[1] < 100 and not r.unit_bare_re.match(text, found[0]) \
                and not r.percent_re.match(text, found[0]) and not r.cur_suffix_re.match(text, found[0]):
            total += found[1]
            end = found[0]
        break
    return (end, total) if end else None
