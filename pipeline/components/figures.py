"""QUANTITY, MONEY and PERCENT candidates: a number core grown into a figure.

A core is a number in digits (language-specific grouping) or in words
(found by text2num). It is grown to the right (scale word, fraction,
currency, percent sign, unit, greenhouse gas) and to the left (currency,
sign); qualifiers are recorded, never spanned. Each step names its rule.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc
from text_to_num import find_numbers

from ..candidates import Candidate, add_candidates
from ..normalize.numbers import digit_pattern, parse_number, tidy
from ..reader import parse_header
from ..resources import load

YEAR = re.compile(r"(?:19|20)\d\d")
PHONE = re.compile(r"(?<![\w+])(?:\+\d{2,3}[ .]?|0)\d{1,3}(?:[ ./-]\d{2,4}){2,}(?!\d)")
LONE_ARTICLES = {"un", "une", "one", "a", "an"}
VAGUE_SCALES = {"milliers", "millions", "milliards", "centaines", "dizaines", "thousands",
                "hundreds", "billions", "tens", "dozens", "mille"}


def _alt(words, *, boundary=True) -> str:
    """Regex alternation, longest first, escaped unless the entry is already a regex."""
    items = sorted(set(words), key=len, reverse=True)
    body = "|".join(re.escape(w) for w in items)
    return f"(?:{body})" + (r"(?![\w²³])" if boundary else "")


@dataclass
class Figure:
    start: int
    end: int
    value: float
    label: str = "QUANTITY"
    unit: str | None = None
    rules: tuple = ()
    has_scale: bool = False


class FigureRules:
    """Compiled patterns for one language (built once per language)."""

    def __init__(self, lang: str):
        self.lang = lang
        d = load(lang, "figures")
        self.data = d
        self.digits = re.compile(r"(?<![\w.,'’/&])" + digit_pattern(lang) + r"(?![\d])")
        self.scales = d["scales"]
        self.scale_re = re.compile(r"[ \u00a0\u202f]?(?P<w>" + _alt(self.scales) + ")")
        self.glued_cur = d["currency_glued_scale"]
        self.glued_cur_re = re.compile(r"[ \u00a0\u202f]?(?P<w>" + _alt(self.glued_cur) + ")")
        self.cur_suffix = d["currency_suffix"]
        linkers = "|".join(re.escape(x) for x in d["scale_linkers"])
        self.cur_suffix_re = re.compile(
            r"[ \u00a0\u202f]?(?P<link>(?:" + linkers + r"))?(?P<w>" + _alt(self.cur_suffix) + ")",
            re.IGNORECASE if lang == "fr" else 0)
        self.cur_prefix = d["currency_prefix"]
        self.cur_prefix_re = re.compile("(?P<w>" + _alt(self.cur_prefix, boundary=False) + r")[ \u00a0\u202f]?$")
        self.percent_re = re.compile(r"[ \u00a0\u202f]?(?P<w>" + _alt(d["percent_words"]) + r"|%)")
        self.points_re = re.compile(r"[ \u00a0\u202f]?(?P<w>" + _alt(d["points_words"]) + ")")
        units = d["units"]
        alt = "|".join(f"(?P<u{i}>{pat})" for i, (pat, _sym) in enumerate(units))
        self.unit_symbols = [sym for _pat, sym in units]
        self.unit_re = re.compile(r"[ \u00a0\u202f]?(?:" + linkers + r")?(?:" + alt + r")(?![\w²³])")
        self.unit_bare_re = re.compile(r"[ \u00a0\u202f]?(?:" + alt + r")(?![\w²³])")
        self.ghg_re = re.compile(r"[ \u00a0\u202f]?(?:" + "|".join(d["ghg_after_mass"]) + ")")
        self.duration_re = re.compile(r"[ \u00a0\u202f]+(?:\w+[ \u00a0])?" + _alt(d["duration_units"]), re.IGNORECASE)
        self.code_words = set(d["code_words"])
        self.qualifier_re = re.compile("(?P<w>" + _alt(d["qualifiers"]) + r")[ \u00a0]+$", re.IGNORECASE)
        self.fractions = d["fractions"]
        self.fraction_re = re.compile(r"[ \u00a0\u202f-]?(?P<w>" + _alt(self.fractions) + ")", re.IGNORECASE)
        self.fraction_word_re = re.compile(r"(?<![\w-])" + _alt(self.fractions), re.IGNORECASE)
        self.ratio_re = re.compile(r"[ \u00a0]+(?:" + _alt(d["ratio_between"]) + r")[ \u00a0]+")
        self.mult_before_re = re.compile("(?:" + _alt(d["multiplier_before"]) + r")[ \u00a0]+$", re.IGNORECASE)
        self.mult_after_re = re.compile(
            "(?:" + "|".join(re.escape(x) for x in d["multiplier_after"]) + r")\b") if d["multiplier_after"] else None
        self.vague_re = re.compile(_alt(d["vague_numbers"]) + "$", re.IGNORECASE)
        self.time_re = re.compile(r"\d{1,2}(?:[h:]\d{2}\b|h\b|[ \u00a0]?(?:am|pm|a\.m\.|p\.m\.)(?!\w))")
        self.extra_words = d["number_words_extra"]


@cache
def rules_for(lang: str) -> FigureRules:
    return FigureRules(lang)


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


def word_cores(doc: Doc, lang: str) -> list[tuple[int, int, float]]:
    """(start, end, value) of numbers written in words, via text2num."""
    r = rules_for(lang)
    out = []
    toks = [t for t in doc]
    for occ in find_numbers([_Tok(t) for t in toks], lang, threshold=0):
        first, last = toks[occ.start], toks[occ.end - 1]
        if occ.is_ordinal or any(ch.isdigit() for ch in first.text):
            continue
        if any(ch.isdigit() for t in toks[occ.start:occ.end] for ch in t.text):
            continue
        out.append((first.idx, last.idx + len(last.text), float(occ.value)))
    for t in toks:
        if t.lower_ in r.extra_words:
            out.append((t.idx, t.idx + len(t.text), float(r.extra_words[t.lower_])))
    return out


def fraction_cores(text: str, r: FigureRules, starts: set) -> list:
    """Fraction nouns without a numeral: "la moitié" -> `moitié`, "a third of" -> `third`."""
    out = []
    need = set(r.data["fractions_need_numeral"])
    for m in r.fraction_word_re.finditer(text):
        word = m.group(0).lower()
        before = text[max(0, m.start() - 12):m.start()].lower()
        article = re.search(r"(?:^|\W)(?:la|une|a|an)[ \u00a0]+$", before)
        if word in need and not article:
            continue
        if re.search(r"(?:\w+)[ \u00a0-]+$", before) and not re.search(r"(?:^|\W)(?:la|une|a|an|de|of|d'|d’|than|about|over|nearly|almost|près de|plus de|moins de)[ \u00a0]*$", before):
            continue  # "first half", "deux tiers" (a numeral core handles it)
        if text[m.end():m.end() + 1] == "-" or text[m.end():m.end() + 5] in (" year", " time"):
            continue  # half-year, half time
        out.append((m.start(), m.end(), r.fractions[word] / 1.0, True))
    return [c for c in out if c[0] not in starts]


def grow(text: str, start: int, end: int, value: float, r: FigureRules, *, is_word: bool) -> Figure | None:
    """Grow a number core into a figure, or None when the core is not a figure."""
    fig = Figure(start, end, value, rules=("number_words" if is_word else "digits",))
    pos = end
    rest = text[pos:pos + 60]
    # fraction after a numeral: "deux tiers", "three quarters"
    m = r.fraction_re.match(rest)
    if m and is_word:
        frac = r.fractions[m.group("w").lower()]
        fig.value, fig.unit, fig.end = value * frac, "ratio", pos + m.end()
        fig.rules += ("fraction",)
        return fig
    # ratio: "trois sur dix", "one in five"
    m = r.ratio_re.match(rest)
    if m:
        after = pos + m.end()
        m2 = r.digits.match(text, after)
        denom = parse_number(m2.group(0), r.lang) if m2 else None
        end2 = m2.end() if m2 else None
        if denom is None:
            for _ws, we, wv in _word_core_at(text, after, r.lang):
                denom, end2 = wv, we
        if denom and denom > 0 and value <= denom and end2 is not None:
            fig.value, fig.unit, fig.end = value / denom, "ratio", end2
            fig.rules += ("ratio",)
            return fig
    # glued currency with scale: "10 M€", "5 k€"
    m = r.glued_cur_re.match(rest)
    if m:
        cur, mult = r.glued_cur[m.group("w")]
        fig.value, fig.unit, fig.label = value * mult, cur, "MONEY"
        fig.end = pos + m.end()
        fig.rules += ("currency_glued",)
        return fig
    # scale word: "1,5 million", "£3.5bn"
    m = r.scale_re.match(rest)
    if m:
        w = m.group("w")
        # a lone "m" after a number is metres unless money follows or precedes
        if not (w in ("m", "M", "b", "B") and not _money_context(text, start, pos + m.end(), r)):
            fig.value *= r.scales[w]
            fig.has_scale = True
            pos += m.end()
            fig.end = pos
            fig.rules += ("scale",)
            rest = text[pos:pos + 60]
    # currency after: "euros", "d'euros", "€", "CHF"
    m = r.cur_suffix_re.match(rest)
    if m and (m.group("link") is None or fig.has_scale):
        fig.unit, fig.label, fig.end = r.cur_suffix[_key(r.cur_suffix, m.group("w"))], "MONEY", pos + m.end()
        fig.rules += ("currency_suffix",)
        return fig
    # percent and percentage points
    m = r.points_re.match(rest)
    if m and not (m.group("w") == "points" and "pourcentage" not in rest and "percentage" not in rest):
        if m.group("w") != "points":
            fig.label, fig.unit, fig.end = "PERCENT", "pp", pos + m.end()
            fig.rules += ("percent_points",)
            return fig
    m = r.percent_re.match(rest)
    if m:
        fig.label, fig.unit, fig.end = "PERCENT", None, pos + m.end()
        fig.rules += ("percent",)
        return fig
    # unit, then greenhouse gas
    m = (r.unit_re if fig.has_scale else r.unit_bare_re).match(rest)
    if m and not (is_word and fig.value == 1 and m.group(0).strip() in ("m", "l", "t")):
        idx = next(i for i, g in enumerate(m.groups()) if g is not None)
        unit = r.unit_symbols[idx]
        if unit == "Mt" and m.group(0).lstrip().startswith(("million", "millions")):
            # "1,2 million de tonnes" is already scaled: keep tonnes
            unit = "t"
        pos += m.end()
        fig.unit, fig.end = unit, pos
        fig.rules += ("unit",)
        if unit in ("t", "kt", "Mt", "kg"):
            g = r.ghg_re.match(text, pos, pos + 60)
            if g and g.end() > pos:
                fig.unit = {"t": "tCO2e", "kt": "ktCO2e", "Mt": "MtCO2e", "kg": "kgCO2e"}[unit]
                fig.end = g.end()
                fig.rules += ("ghg",)
        return fig
    if fig.value == 1 and is_word:
        return None  # lone "un", "one": an article far more often than a number
    return fig


def _key(table: dict, found: str) -> str:
    if found in table:
        return found
    low = found.lower()
    return next(k for k in table if k.lower() == low)


def _money_context(text: str, start: int, end: int, r: FigureRules) -> bool:
    before = text[max(0, start - 5):start]
    if r.cur_prefix_re.search(before):
        return True
    return bool(r.cur_suffix_re.match(text[end:end + 30]))


def _word_core_at(text: str, pos: int, lang: str):
    m = re.match(r"[\w-]+", text[pos:pos + 30])
    if not m:
        return []
    from text_to_num import text2num
    try:
        return [(pos, pos + m.end(), float(text2num(m.group(0).lower(), lang)))]
    except ValueError:
        return []


def extend_left(text: str, fig: Figure, r: FigureRules, header_end: int) -> dict:
    """Currency prefix and sign go into the span; a qualifier only into attrs."""
    attrs = {}
    before = text[max(header_end, fig.start - 12):fig.start]
    if fig.label in ("QUANTITY", "MONEY") and fig.unit in (None, "EUR", "USD", "GBP", "CHF", "CAD"):
        m = r.cur_prefix_re.search(before)
        if m:
            # "$" glued to letters is part of a code ("US$" handled as a prefix)
            new_start = fig.start - (len(before) - m.start())
            if new_start == header_end or not text[new_start - 1].isalnum():
                cur = r.cur_prefix[m.group("w")]
                if fig.label == "QUANTITY" or fig.unit == cur:
                    fig.label, fig.unit, fig.start = "MONEY", cur, new_start
                    fig.rules += ("currency_prefix",)
    if fig.start - 1 >= header_end and text[fig.start - 1] in "-−+" and (
            fig.start - 1 == header_end or not text[fig.start - 2].isalnum()):
        fig.start -= 1
        if text[fig.start] in "-−":
            fig.value = -fig.value
        fig.rules += ("sign",)
    q = r.qualifier_re.search(text[max(header_end, fig.start - 30):fig.start])
    if q:
        attrs["qualifier"] = q.group("w").lower()
    m = r.mult_before_re.search(text[max(header_end, fig.start - 30):fig.start])
    if m and fig.label == "QUANTITY" and fig.unit is None:
        fig.unit = "ratio"
        fig.rules += ("multiplier",)
    return attrs


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
    if word_before and word_before.group(1).lower() in r.code_words:
        return True
    two_before = re.search(r"([\w.&]+[ \u00a0]+[\w.&]+)[ \u00a0]*$", text[max(0, start - 30):start])
    if two_before and two_before.group(1).lower() in r.code_words:
        return True
    if r.vague_re.search(text[max(0, start - 25):end]):
        return True
    if is_word and core.lower() in VAGUE_SCALES:
        return True
    if r.duration_re.match(text, end) and not r.unit_bare_re.match(text, end):
        return True
    return False


def is_year(text: str, fig: Figure) -> bool:
    core = text[fig.start:fig.end]
    return bool(YEAR.fullmatch(core)) and fig.unit is None and fig.label == "QUANTITY"


def glued_letters(text: str, end: int) -> bool:
    """A digit core followed by letters that no rule took: ordinal or code."""
    return end < len(text) and (text[end].isalpha() or text[end] in "°ᵉ")


def find_figures(doc: Doc, lang: str) -> list[Candidate]:
    text = doc.text
    r = rules_for(lang)
    _published, header_end = parse_header(text)
    cores = [(m.start(), m.end(), parse_number(m.group(0), lang), False) for m in r.digits.finditer(text)]
    cores += [(s, e, v, True) for s, e, v in word_cores(doc, lang)]
    cores += fraction_cores(text, r, {c[0] for c in cores})
    out = []
    taken_until = -1
    for start, end, value, is_word in sorted(cores):
        if value is None or start < taken_until:
            continue
        if rejected(text, start, end, r, header_end, is_word=is_word):
            continue
        if is_word and text[start:end].lower() in LONE_ARTICLES:
            nxt = text[end:end + 40]
            if not (r.fraction_re.match(nxt) or r.unit_bare_re.match(nxt) or r.ratio_re.match(nxt)):
                continue
        fig = grow(text, start, end, value, r, is_word=is_word)
        if fig is None:
            continue
        if is_word and text[start:end].lower() in r.fractions:
            fig.unit = "ratio"
            fig.rules += ("fraction",)
        if not is_word and fig.end == end and glued_letters(text, end):
            continue
        if is_year(text, fig):
            continue
        if r.mult_after_re and fig.label == "QUANTITY" and fig.unit is None:
            if r.mult_after_re.match(text, fig.end):
                fig.unit = "ratio"
                fig.rules += ("multiplier",)
        attrs = extend_left(text, fig, r, header_end)
        attrs.update(value=tidy(fig.value), unit=fig.unit)
        if fig.label == "QUANTITY" and fig.unit is None:
            attrs["counted"] = counted_lemma(doc, fig.end, r)
        out.append(Candidate(fig.start, fig.end, fig.label, "figures:" + "+".join(fig.rules), attrs, priority=2))
        taken_until = fig.end
    return out


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
        if t.lower_ in skip or t.pos_ in ("ADJ", "DET", "ADP", "NUM"):
            continue
        return None
    return None


def _noun_lemma(t) -> str:
    while t.dep_ == "compound" and t.head.i > t.i:
        t = t.head
    return (t.lemma_ or t.text).lower()


@Language.factory("csr_figures", default_config={})
def make_figures(nlp: Language, name: str):
    return FigureMatcher(nlp.lang)


class FigureMatcher:
    """Writes figure candidates to `doc._.csr_candidates`."""

    def __init__(self, lang: str):
        self.lang = lang
        rules_for(lang)

    def __call__(self, doc: Doc) -> Doc:
        add_candidates(doc, find_figures(doc, self.lang))
        return doc
