"""The context of a figure: what is left of it, what it counts, what rules it out.

`rejected` turns away cores that are not figures (years, codes, URLs, phone
numbers, durations, vague amounts); `extend_left` takes in a currency prefix
and a sign and records a qualifier; `counted_lemma` names the counted noun.
"""
from __future__ import annotations

import re

from spacy.tokens import Doc

from ..lemmas import lemma
from .figure_rules import Figure, FigureRules

YEAR = re.compile(r"(?:19|20)\d\d")
PHONE = re.compile(r"(?<![\w+])(?:\+\d{2,3}[ .]?|0)\d{1,3}(?:[ ./-]\d{2,4}){2,}(?!\d)")
LONE_ARTICLES = {"un", "une", "one", "a", "an"}
VAGUE_SCALES = {"milliers", "millions", "milliards", "centaines", "dizaines", "thousands",
                "hundreds", "billions", "tens", "dozens", "mille"}


def ratio_denominator_ok(text: str, after: int, found: tuple, value: float, r: FigureRules) -> bool:
    """"3 sur 10", "one in five": not "2 over 2019" (a year) nor "5 over 10 years" (a duration)."""
    end, denom = found
    if not denom or denom <= 0 or value > denom:
        return False
    if YEAR.fullmatch(text[after:end]):
        return False
    return not (r.duration_re.match(text, end) and not r.unit_bare_re.match(text, end))


def extend_left(text: str, fig: Figure, r: FigureRules, header_end: int) -> dict:
    """Currency prefix and sign go into the span; a qualifier only into attrs."""
    attrs = {}
    before = text[max(header_end, fig.start - 12):fig.start]
    if fig.label in ("QUANTITY", "MONEY") and (fig.unit is None or fig.unit in r.currencies):
        m = r.cur_prefix_re.search(before)
        if m:
            # "$" glued to letters is part of a code ("US$" handled as a prefix)
            new_start = fig.start - (len(before) - m.start())
            if new_start == header_end or not text[new_start - 1].isalnum():
                w = m.group("w")
                cur = r.cur_prefix[w] if w in r.cur_prefix else w.rstrip("$").upper()
                if fig.label == "QUANTITY" or fig.unit == cur:
                    fig.label, fig.unit, fig.start = "MONEY", cur, new_start
                    fig.currency_form = fig.currency_form or w
                    fig.rules += ("currency_prefix",)
    if fig.start - 1 >= header_end and text[fig.start - 1] in "-−+" and (
            fig.start - 1 == header_end or not text[fig.start - 2].isalnum()):
        fig.start -= 1
        if text[fig.start] in "-−":
            fig.value = -fig.value
        fig.rules += ("sign",)
    s = r.sign_word_re.search(text[max(header_end, fig.start - 12):fig.start]) if r.sign_word_re else None
    if s and fig.value > 0:  # "minus five", "negative one"
        fig.start -= len(s.group(0))
        fig.value = -fig.value
        fig.rules += ("sign_word",)
    q = r.qualifier_re.search(text[max(header_end, fig.start - 30):fig.start])
    if q:
        attrs["qualifier"] = q.group("w").lower()
    m = r.mult_before_re.search(text[max(header_end, fig.start - 30):fig.start])
    if m and fig.label == "QUANTITY" and fig.unit is None:
        fig.unit = "ratio"
        fig.rules += ("multiplier",)
    return attrs


AGE_AFTER_NAME = re.compile(r"\b[A-ZÀ-Þ][a-zà-ÿ'’\-]+,[ \u00a0]$")


def rejected(text: str, start: int, end: int, r: FigureRules, header_end: int, *, is_word: bool) -> bool:
    """Cores that are not figures: years, codes, ordinals, durations, times, phone numbers."""
    core = text[start:end]
    prev = text[start - 1] if start > 0 else " "
    if start < header_end:
        return True
    ws = max(text.rfind(" ", 0, start), text.rfind("\n", 0, start)) + 1
    if re.match(r"\S*(?:://|www\.|%[0-9A-F]{2})", text[ws:end + 4]):
        return True  # inside a URL
    if not is_word:
        if prev == "-" and start >= 2 and text[start - 2].isalnum():
            return True  # covid-19, 2019-2021
        if core[0] == "0" and len(core) > 1 and core[1].isdigit():
            return True  # phone numbers, codes
        if r.time_re.match(text, start):
            return True
        for m in PHONE.finditer(text, max(0, start - 20), min(len(text), end + 20)):
            if m.start() <= start and end <= m.end():
                return True
    word_before = re.search(r"([\w.&°]+)[ \u00a0]*$", text[max(0, start - 25):start])
    if word_before and word_before.group(1).lower() in r.code_words \
            and word_before.group(1) not in r.code_words_capitalised:  # "will fund 40 nurses" (but "Fund 3")
        return True
    two_before = re.search(r"([\w.&]+[ \u00a0]+[\w.&]+)[ \u00a0]*$", text[max(0, start - 30):start])
    if two_before and two_before.group(1).lower() in r.code_words:
        return True
    if r.vague_re.search(text[max(0, start - 25):end]):
        return True
    if r.age_before_re.search(text[max(0, start - 25):start]) or AGE_AFTER_NAME.search(text[max(0, start - 30):start]) \
            and text[end:end + 1] == ",":
        return True  # "aged 17", "Dorothy Philips, 77, who …": an age
    window_start = max(0, start - 40)
    for pat in r.not_figure_res:  # "net zero", "24 heures sur 24", "Fontaine-Française (21)"
        for m in pat.finditer(text, window_start, min(len(text), end + 25)):
            if m.start() <= start and end <= m.end():
                return True
    if is_word and core.lower() in VAGUE_SCALES:
        return True
    if r.duration_re.match(text, end) and not r.unit_bare_re.match(text, end):
        return True
    other = r.range_then_word_re.match(text, end)
    if other and r.duration_re.match(text, other.end()) and not r.unit_bare_re.match(text, other.end()):
        return True  # "trois à quatre mois", "six ou sept ans"
    return bool(r.duration_or_re.search(text, max(0, start - 30), start))  # "the next month or two"


def is_year(text: str, fig: Figure) -> bool:
    core = text[fig.start:fig.end]
    return bool(YEAR.fullmatch(core)) and fig.unit is None and fig.label == "QUANTITY"


def glued_letters(text: str, end: int) -> bool:
    """A digit core followed by letters that no rule took: ordinal or code."""
    return end < len(text) and (text[end].isalpha() or text[end] in "°ᵉ")


def lone_number_ok(text: str, start: int, end: int, r: FigureRules) -> bool:
    """A lone "un"/"one" is a number only with a fraction, unit, ratio, currency or sign word."""
    nxt = text[end:end + 40]
    if r.fraction_re.match(nxt) or r.unit_bare_re.match(nxt) or r.ratio_re.match(nxt):
        return True
    if text[start:end].lower() in ("un", "une", "one"):
        if r.and_re.match(nxt) and r.fraction_word_re.search(nxt[:25]):
            return True  # "one and a half", "un et un quart"
        c = r.cur_suffix_re.match(nxt)
        if c and c.group("link") is None:
            return True
    return bool(r.sign_word_re and r.sign_word_re.search(text[max(0, start - 12):start]))


COUNTED_LINKS = {"de", "d'", "d’", "des", "du", "of"}


def counted_lemma(doc: Doc, end: int, r: FigureRules) -> str | None:
    """Lemma of the counted noun: the head noun right after the figure."""
    span = doc.char_span(end - 1, end, alignment_mode="expand")
    if span is None:
        return None
    tok = span[-1]
    skip = set(r.data["counted_skip"])
    head = tok.head
    if head.i > tok.i and head.pos_ in ("NOUN", "PROPN") and head.i - tok.i <= 4:
        return _noun_lemma(head)
    for t in doc[tok.i + 1: tok.i + 5]:
        if t.is_punct or t.is_digit:
            return None
        if t.pos_ in ("NOUN", "PROPN") and t.lower_ not in skip:
            return _noun_lemma(t)
        if t.lower_ in skip or t.pos_ in ("ADJ", "DET", "NUM") or t.pos_ == "ADP" and t.lower_ in COUNTED_LINKS:
            continue  # "2 millions de tonnes", not "250 millions à la Société"
        return None
    return None


def _noun_lemma(t) -> str:
    while t.dep_ == "compound" and t.head.i > t.i:
        t = t.head
    return lemma(t).lower()
