"""QUANTITY, MONEY and PERCENT candidates: a number core grown into a figure.

A core is a number in digits (language-specific grouping) or in words
(found by text2num). It is grown to the right (scale word, fraction,
currency, percent sign, unit, greenhouse gas) and to the left (currency,
sign); qualifiers are recorded, never spanned. Each step names its rule.
"""
from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from spacy.attrs import IDX, LIKE_NUM
from spacy.language import Language
from spacy.tokens import Doc
from text_to_num import find_numbers

from ..candidates import Candidate, add_candidates, doc_text
from ..lemmas import lemma
from ..normalize.numbers import digit_pattern, parse_number, tidy
from ..reader import parse_header
from ..resources import load

YEAR = re.compile(r"(?:19|20)\d\d")
PHONE = re.compile(r"(?<![\w+])(?:\+\d{2,3}[ .]?|0)\d{1,3}(?:[ ./-]\d{2,4}){2,}(?!\d)")
LONE_ARTICLES = {"un", "une", "one", "a", "an"}
# Unicode vulgar fractions ("½", "¾"): script, not language, so not in the data files
VULGAR = "½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅐⅛⅜⅝⅞⅑⅒"
VULGAR_RE = re.compile(r"(?<![\w/])(?:(?P<whole>\d+)[ \u00a0]?)?(?P<frac>[" + VULGAR + "])")
# "3/4", "2 1/4": a small denominator and a numerator below it (dates such as
# "22/04" or "10/1" have a numerator above the denominator or a third part)
SLASH_FRACTION = re.compile(r"(?<![\w/.,])(?<!\d-)(?:(?P<whole>\d{1,3})[ \u00a0]{1,2})?(?P<num>\d{1,2})/(?P<den>\d{1,2})(?![\d/.,-]?\d)")
VAGUE_SCALES = {"milliers", "millions", "milliards", "centaines", "dizaines", "thousands",
                "hundreds", "billions", "tens", "dozens", "mille"}


def fold(word: str) -> str:
    """Without accents: plain-text feeds and OCR often drop them ("cinquieme")."""
    return "".join(ch for ch in unicodedata.normalize("NFD", word) if not unicodedata.combining(ch))


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
    currency_form: str | None = None  # the currency as written ("$", "dollars", "M$")


class FigureRules:
    """Compiled patterns for one language (built once per language)."""

    def __init__(self, lang: str):
        self.lang = lang
        d = load(lang, "figures")
        self.data = d
        self.digits = re.compile(r"(?<![\w.,'’/&])" + digit_pattern(lang) + r"(?![\d])")
        self.scales = d["scales"]
        self.scale_re = re.compile(r"[ \u00a0\u202f]?(?P<w>" + _alt(self.scales) + ")")
        self.iso_codes = set(d["iso_codes"])
        self.glued_cur = dict(d["currency_glued_scale"])
        for prefix, mult in d["code_scale_prefixes"].items():  # "48.5 MGBP", "kEUR 500"
            for code in self.iso_codes:
                self.glued_cur.setdefault(prefix + code, [code, mult])
        self.glued_cur_re = re.compile(r"[ \u00a0\u202f]?(?P<w>" + _alt(self.glued_cur) + ")")
        self.cur_suffix = d["currency_suffix"]
        linkers = "|".join(re.escape(x) for x in d["scale_linkers"])
        # ISO 4217 codes in any case ("20 usd"); the list leaves out codes that are words (TRY, MAD)
        self.cur_suffix_re = re.compile(
            r"[ \u00a0\u202f]?(?P<link>(?:" + linkers + r"))?(?P<w>" + _alt(list(self.cur_suffix) + list(self.iso_codes)) + ")",
            re.IGNORECASE)
        self.cur_prefix = d["currency_prefix"]
        codes = _alt(self.iso_codes, boundary=False)
        self.cur_prefix_re = re.compile(
            "(?P<w>" + _alt(self.cur_prefix, boundary=False) + "|(?i:" + codes + r")\$?)[ \u00a0\u202f]?$")
        # a code glued to its amount: "USD115", "nzd$15"
        self.code_glued_re = re.compile(r"(?<![\w$])(?i:" + codes + r")\$?(?=\d)")
        self.digits_at = re.compile(digit_pattern(lang) + r"(?![\d])")
        self.currencies = set(self.cur_prefix.values()) | set(self.cur_suffix.values()) | self.iso_codes
        minor = _alt(d["minor_units"])
        ands = _alt(d["and_words"])
        # "3 dollars 50 cents", "treize euros et quarante-cinq cents"
        self.minor_re = re.compile(r"(?:,?[ \u00a0]+" + ands + r")?[ \u00a0]+(?P<n>[\w-]+(?:[ \u00a0-][\w]+)?)[ \u00a0]+" + minor,
                                   re.IGNORECASE)
        self.and_re = re.compile(r"[ \u00a0]+" + ands + r"[ \u00a0]+", re.IGNORECASE)
        self.sign_word_re = re.compile(r"(?:^|(?<=\W))" + _alt(d["sign_words"]) + r"[ \u00a0]+$", re.IGNORECASE) \
            if d["sign_words"] else None
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
        # "net zero", "zero-emission buses", "Race to Zero": a label, not a figure
        self.not_figure_res = [re.compile(x) for x in d["not_figure_phrases"]]
        self.qualifier_re = re.compile("(?P<w>" + _alt(d["qualifiers"]) + r")[ \u00a0]+$", re.IGNORECASE)
        self.fractions = dict(d["fractions"])
        self.fractions.update({fold(k): v for k, v in d["fractions"].items()})
        self.need_numeral = set(d["fractions_need_numeral"]) | {fold(k) for k in d["fractions_need_numeral"]}
        self.fraction_re = re.compile(r"[ \u00a0\u202f-]?(?P<w>" + _alt(self.fractions) + ")", re.IGNORECASE)
        self.fraction_word_re = re.compile(r"(?<![\w-])" + _alt(self.fractions), re.IGNORECASE)
        self.ratio_re = re.compile(r"[ \u00a0]+(?:" + _alt(d["ratio_between"]) + r")[ \u00a0]+")
        self.scale_after_fraction_re = re.compile(
            r"(?:[ \u00a0-]|[ \u00a0]+(?:" + linkers + r")?(?:a |an |un |une )?)(?P<w>" + _alt(self.scales) + ")")
        self.mult_before_re = re.compile("(?:" + _alt(d["multiplier_before"]) + r")[ \u00a0]+$", re.IGNORECASE)
        self.mult_after_re = re.compile(
            "(?:" + "|".join(re.escape(x) for x in d["multiplier_after"]) + r")\b") if d["multiplier_after"] else None
        self.vague_re = re.compile(_alt(d["vague_numbers"]) + "$", re.IGNORECASE)
        self.time_re = re.compile(r"\d{1,2}(?:[h:]\d{2}\b|h\b|[ \u00a0]?(?:am|pm|a\.m\.|p\.m\.)(?!\w))")
        self.extra_words = d["number_words_extra"]
        # "une dizaine de bénévoles" -> `dizaine` 10; plural "des dizaines" stays vague
        self.approx = {k.lower(): v for k, v in d["approximate_numbers"].items()}
        self.approx_re = re.compile(r"(?<!\w)" + _alt(d["approximate_number_articles"]) + r"[ \u00a0]+(?P<w>"
                                    + _alt(self.approx) + r")(?!\w)", re.IGNORECASE)
        self.extra_words_re = re.compile(r"(?<!\w)" + _alt(self.extra_words), re.IGNORECASE) if self.extra_words else None
        self.digit_words = d["digit_words"]
        digit_alt = _alt(self.digit_words)
        # "two hundred point seventy-one", "nought point five": digit words one by one, or one number below 100
        self.point_re = re.compile(r"[ \u00a0]+" + _alt(d["decimal_point_words"]) + r"[ \u00a0]+(?P<digits>"
                                   + digit_alt + r"(?:[ \u00a0]+" + digit_alt + r")*(?![\w-]))?", re.IGNORECASE)
        self.zero_point_re = re.compile(r"(?<![\w-])(?:nought|naught|zéro|zero)(?=" + self.point_re.pattern + ")", re.IGNORECASE)
        self.hundred_and = set(d["hundred_and_words"])
        self.compound_join = re.compile(r"[ \u00a0]+(?:(?P<and>" + _alt(d["and_words"]) + r")[ \u00a0]+)?", re.IGNORECASE)
        hints = d["currency_country_hints"]
        self.dollar_default = hints["default"]
        self.dollar_min_mentions = hints["min_mentions"]
        self.dollar_forms = {f.lower() for f in hints["ambiguous_forms"]}
        self.country_hints = {
            code: re.compile(r"(?<![\w.])" + _alt(words, boundary=False) + r"(?![\w-])")
            for code, words in hints["countries"].items()}


def dollar_currency(text: str, r: FigureRules) -> str | None:
    """The currency a bare dollar stands for in this document, None for the default.

    "$", "dollars", "M$" mean CAD in a text from Quebec or Canada: the country
    whose place and demonym words occur most often wins, and only when it
    outnumbers the default's own words (a US text that names Toronto once stays
    USD) and is named at least `min_mentions` times (not "le canadien Enbridge"
    in a European text).
    """
    counts = {code: len(pat.findall(text)) for code, pat in r.country_hints.items()}
    best = max(counts, key=lambda c: (counts[c], c == r.dollar_default))
    if best == r.dollar_default or counts[best] <= counts.get(r.dollar_default, 0) \
            or counts[best] < r.dollar_min_mentions:
        return None
    return best


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
        scaled = _scale_after_fraction(text, m.end(), r) is not None  # "quarter million", "demi-million"
        if word in r.need_numeral and not article and not scaled:
            continue
        if not scaled and re.search(r"(?:\w+)[ \u00a0-]+$", before) and not re.search(r"(?:^|\W)(?:la|une|a|an|de|of|d'|d’|than|about|over|nearly|almost|près de|plus de|moins de)[ \u00a0]*$", before):
            continue  # "first half", "deux tiers" (a numeral core handles it)
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


def _scale_after_fraction(text: str, pos: int, r: FigureRules):
    """(end, scale) of "million" in "half a million", "three quarters billion", "demi-million"."""
    m = r.scale_after_fraction_re.match(text, pos)
    if m and len(m.group("w")) > 2:
        return pos + m.end() - m.start(), r.scales[m.group("w")]
    return None


def _number_at(text: str, pos: int, r: FigureRules, word_at: dict):
    """(end, value) of a number in digits or words starting at `pos`, else None."""
    d = r.digits_at.match(text, pos)
    if d and (pos == 0 or not text[pos - 1].isdigit()):
        value = parse_number(d.group(0), r.lang)
        return (d.end(), value) if value is not None else None
    if pos in word_at:
        return word_at[pos]
    found = _word_core_at(text, pos, r.lang)
    return (found[0][1], found[0][2]) if found else None


def _and_fraction(text: str, pos: int, r: FigureRules, word_at: dict):
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
        found = _number_at(text, p, r, word_at)
        if found:
            p, num = found
    f = r.fraction_re.match(text, p)
    if not f:
        return None
    frac = r.fractions[f.group("w").lower()]
    end = p + f.end() - f.start()
    if frac != 0.5 and re.match(r"[ \u00a0]+[^\W\d]", text[end:end + 3]) and not _scale_after_fraction(text, end, r):
        return None
    return end, num * frac


def _split_and(core: str, r: FigureRules):
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
    return head, tail, _core_scale(head_text, r)


def _core_scale(core: str, r: FigureRules) -> float:
    """The scale a word number ends with, from a million up ("two million"), else 1."""
    words = core.split()
    scale = r.scales.get(words[-1].lower(), 1.0) if words else 1.0
    return scale if scale >= 1e6 else 1.0


def _minor_units(text: str, pos: int, r: FigureRules):
    """(end, value) of the cents in "3 dollars 50 cents", "13 euros et 45 cents", else None."""
    m = r.minor_re.match(text, pos)
    if not m:
        return None
    n = m.group("n")
    value = parse_number(n, r.lang)
    if value is None:
        from text_to_num import text2num
        try:
            value = float(text2num(n.lower(), r.lang))
        except ValueError:
            return None
    return (pos + m.end() - m.start(), value / 100) if 0 < value < 100 else None


def grow(text: str, start: int, end: int, value: float, r: FigureRules, *, is_word: bool,
         word_at: dict | None = None) -> Figure | None:
    """Grow a number core into a figure, or None when the core is not a figure."""
    word_at = word_at or {}
    fig = Figure(start, end, value, rules=("number_words" if is_word else "digits",))
    if is_word and text[start:end].split()[-1].lower() in r.scales:
        fig.has_scale = True  # "un milliard" (d'euros): the scale is inside the number words
    point = _point_decimal(text, end, r) if is_word and value == int(value) else None
    if point:
        value = fig.value = value + point[1]
        end = fig.end = point[0]
        fig.rules += ("point_decimal",)
    pos = end
    rest = text[pos:pos + 60]
    scaled_fraction = False
    # a fraction noun before a scale: "half a million", "quarter million"
    scale = _scale_after_fraction(text, end, r) if is_word and text[start:end].lower() in r.fractions else None
    if scale:
        fig.value, fig.end, fig.has_scale, scaled_fraction = value * scale[1], scale[0], True, True
        fig.rules += ("scale",)
        pos, rest = fig.end, text[fig.end:fig.end + 60]
    # fraction after a numeral: "deux tiers", "three quarters" (and "three quarters billion")
    m = r.fraction_re.match(rest)
    if m and is_word:
        frac = r.fractions[m.group("w").lower()]
        split = _split_and(text[start:end], r)
        if split:  # "cent et trois quarts" = 100 + 3/4, "six millions et deux tiers"
            head, tail, scale = split
            fig.value, fig.end = head + tail * frac * scale, pos + m.end()
            fig.rules += ("and_fraction",)
            return fig
        fig.value, fig.unit, fig.end = value * frac, "ratio", pos + m.end()
        fig.rules += ("fraction",)
        scale = _scale_after_fraction(text, fig.end, r)
        if scale is None:
            return fig
        fig.value, fig.unit, fig.end, fig.has_scale = fig.value * scale[1], None, scale[0], True
        fig.rules += ("scale",)
        pos, rest, scaled_fraction = fig.end, text[fig.end:fig.end + 60], True
    # ratio: "trois sur dix", "one in five", "1 over 20"
    m = None if scaled_fraction else r.ratio_re.match(rest)
    if m:
        after = pos + m.end()
        found = _number_at(text, after, r, word_at)
        if found and _ratio_denominator_ok(text, after, found, value, r):
            fig.value, fig.unit, fig.end = value / found[1], "ratio", found[0]
            fig.rules += ("ratio",)
            return fig
    # glued currency with scale: "10 M€", "5 k€", "48.5 MGBP"
    m = r.glued_cur_re.match(rest)
    if m and not scaled_fraction:
        cur, mult = r.glued_cur[m.group("w")]
        fig.value, fig.unit, fig.label = value * mult, cur, "MONEY"
        fig.currency_form = m.group("w")
        fig.end = pos + m.end()
        fig.rules += ("currency_glued",)
        return fig
    # "five and a half (million)", "cent trois et deux tiers"
    if not scaled_fraction:
        add = _and_fraction(text, pos, r, word_at)
        if add:
            fig.value += add[1] * (_core_scale(text[start:end], r) if is_word else 1)  # "one million and a half"
            pos = fig.end = add[0]
            rest = text[pos:pos + 60]
            fig.rules += ("and_fraction",)
    # scale word: "1,5 million", "£3.5bn"
    m = None if scaled_fraction else r.scale_re.match(rest)
    if m and _scale_ok(text, start, pos, m, r):
        mult = r.scales[m.group("w")]
        fig.value *= mult
        fig.has_scale = True
        pos += m.end()
        fig.end = pos
        fig.rules += ("scale",)
        add = _and_fraction(text, pos, r, word_at)  # "3 million and a half", "un million et demi"
        if add:
            fig.value += add[1] * mult
            pos = fig.end = add[0]
            fig.rules += ("and_fraction",)
        elif not is_word and m.group("w").isalpha() and len(m.group("w")) > 2:
            tail = _compound_tail(text, pos, mult, r, word_at)
            if tail:
                fig.value += tail[1]
                pos = fig.end = tail[0]
                fig.rules += ("compound",)
        rest = text[pos:pos + 60]
    # currency after: "euros", "d'euros", "€", "CHF", "USD million"
    m = r.cur_suffix_re.match(rest)
    if m and (m.group("link") is None or fig.has_scale):
        w = m.group("w")
        fig.unit = r.cur_suffix[_key(r.cur_suffix, w)] if _has_key(r.cur_suffix, w) else w.upper()
        fig.label, fig.end = "MONEY", pos + m.end()
        fig.currency_form = w
        fig.rules += ("currency_suffix",)
        s = r.scale_re.match(text, fig.end, fig.end + 20)
        if s and not fig.has_scale and len(s.group("w")) > 1 and w.upper() in r.iso_codes:
            fig.value *= r.scales[s.group("w")]  # "75 USD million"
            fig.end = s.end()
            fig.rules += ("scale",)
        cents = _minor_units(text, fig.end, r)
        if cents and not fig.has_scale:
            fig.value += cents[1]
            fig.end = cents[0]
            fig.rules += ("minor_units",)
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
    if m and not (is_word and fig.value == 1 and m.group(0).strip() in ("m", "l", "t")) \
            and not re.match(r"-\d", rest[m.end():m.end() + 2]):  # "L-202" is a code
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
    if fig.value == 1 and is_word and fig.end == end:
        return None  # lone "un", "one": an article far more often than a number
    return fig


def _point_decimal(text: str, pos: int, r: FigureRules) -> tuple[int, float] | None:
    """(end, fraction) of "point seventy-one" (.71), "point nought three" (.03), "virgule cinq".

    Spoken and transcribed figures say the decimal mark as a word; the digits
    after it are read one by one, or as one number below 100 ("point eleven")."""
    m = r.point_re.match(text, pos)
    if not m:
        return None
    if m.group("digits"):
        digits = "".join(str(r.digit_words[w.lower()]) for w in m.group("digits").split())
        return m.end(), float("0." + digits)
    found = _word_core_at(text, m.end(), r.lang)
    if found and 0 < found[0][2] < 100 and found[0][2] == int(found[0][2]):
        return found[0][1], float("0." + str(int(found[0][2])))
    return None


def _compound_tail(text: str, pos: int, last_scale: float, r: FigureRules, word_at: dict):
    """(end, value) of what completes "4 thousand" in "4 thousand 3 hundred and 21".

    Each part is a number with a smaller scale word than the one before; a
    bare number closes it only after "hundred and" (English says "three hundred
    and one"; "1 million and 200 sites" stays two figures)."""
    total, end = 0.0, None
    while True:
        j = r.compound_join.match(text, pos)
        found = _number_at(text, j.end(), r, word_at) if j else None
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


def _scale_ok(text: str, start: int, pos: int, m: re.Match, r: FigureRules) -> bool:
    """A lone "m"/"b" after a number is metres or bytes unless money is around it;
    glued to the digits in capitals ("10M", "1.2b") it is a scale."""
    w = m.group("w")
    if w not in ("m", "M", "b", "B"):
        return True
    if _money_context(text, start, pos + m.end(), r):
        return True
    glued = m.start("w") == 0 and text[start].isdigit()
    return glued and w in ("M", "b", "B") and not text[pos + m.end():pos + m.end() + 1].isalnum()


def _ratio_denominator_ok(text: str, after: int, found: tuple, value: float, r: FigureRules) -> bool:
    """"3 sur 10", "one in five": not "2 over 2019" (a year) nor "5 over 10 years" (a duration)."""
    end, denom = found
    if not denom or denom <= 0 or value > denom:
        return False
    if YEAR.fullmatch(text[after:end]):
        return False
    return not (r.duration_re.match(text, end) and not r.unit_bare_re.match(text, end))


def _has_key(table: dict, found: str) -> bool:
    return found in table or any(k.lower() == found.lower() for k in table)


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
    if is_word:
        window_start = max(0, start - 12)
        for pat in r.not_figure_res:
            for m in pat.finditer(text, window_start, min(len(text), end + 25)):
                if m.start() <= start and end <= m.end():
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
    text = doc_text(doc)
    r = rules_for(lang)
    _published, header_end = parse_header(text)
    cores = [(m.start(), m.end(), parse_number(m.group(0), lang), False, "digits") for m in r.digits.finditer(text)]
    words = word_cores(doc, lang)
    word_at = {s: (e, v) for s, e, v in words}
    cores += [(s, e, v, True, "words") for s, e, v in words]
    cores += fraction_cores(text, r, {c[0] for c in cores})
    cores += symbol_fraction_cores(text) + code_glued_cores(text, r)
    cores += [(m.start(), m.end(), 0.0, True, "words") for m in r.zero_point_re.finditer(text)]
    local_dollar = dollar_currency(text, r)
    out = []
    taken_until = -1
    # at one start, the longest core first ("3/4" before "3")
    for start, end, value, is_word, kind in sorted(cores, key=lambda c: (c[0], -c[1])):
        if value is None or start < taken_until:
            continue
        if rejected(text, start, end, r, header_end, is_word=is_word):
            continue
        if is_word and text[start:end].lower() in LONE_ARTICLES and not _lone_number_ok(text, start, end, r):
            continue
        fig = grow(text, start, end, value, r, is_word=is_word, word_at=word_at)
        if fig is None:
            continue
        if kind == "fraction" and not fig.has_scale:
            fig.unit = "ratio"
            fig.rules += ("fraction",)
        if kind.startswith("fraction_"):
            fig.rules = (kind,) + fig.rules[1:]
            if fig.unit is None and fig.value < 1:
                fig.unit = "ratio"
        if not is_word and fig.end == end and glued_letters(text, end):
            continue
        if is_year(text, fig):
            continue
        if "and_fraction" in fig.rules and fig.label == "QUANTITY" and fig.unit is None \
                and r.duration_re.match(text, fig.end) and not r.unit_bare_re.match(text, fig.end):
            continue  # "two and a half years" is a duration
        if r.mult_after_re and fig.label == "QUANTITY" and fig.unit is None:
            if r.mult_after_re.match(text, fig.end):
                fig.unit = "ratio"
                fig.rules += ("multiplier",)
        attrs = extend_left(text, fig, r, header_end)
        if local_dollar and fig.label == "MONEY" and (fig.currency_form or "").lower() in r.dollar_forms:
            fig.unit = local_dollar
            fig.rules += ("currency_country_hint",)
        attrs.update(value=tidy(fig.value), unit=fig.unit)
        if fig.label == "QUANTITY" and fig.unit is None:
            attrs["counted"] = counted_lemma(doc, fig.end, r)
        out.append(Candidate(fig.start, fig.end, fig.label, "figures:" + "+".join(fig.rules), attrs, priority=2))
        taken_until = fig.end
    return out


def _lone_number_ok(text: str, start: int, end: int, r: FigureRules) -> bool:
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
    return lemma(t).lower()


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
