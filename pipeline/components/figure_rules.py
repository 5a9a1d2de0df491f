"""Figure rules for one language, compiled from its `figures.json` data file.

`FigureRules` holds every pattern the figure steps read (scales, currencies,
units, fractions, qualifiers...), built once per language by `rules_for`;
`Figure` is the span being grown. Nothing here reads a text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..normalize.numbers import digit_pattern
from ..resources import load
from ..textutil import alternation_trie, fold


def _alt(words, *, boundary=True) -> str:
    """Regex alternation, longest first, escaped unless the entry is already a regex."""
    items = sorted(set(words), key=len, reverse=True)
    body = "|".join(re.escape(w) for w in items)
    return f"(?:{body})" + (r"(?![\w²³])" if boundary else "")


def _alt_ci(words, *, boundary=True) -> str:
    """`_alt` for words matched under IGNORECASE, as a prefix tree (textutil.alternation_trie):
    the same matches, a faster scan of a whole text."""
    if not words:
        return _alt(words, boundary=boundary)
    return alternation_trie(words, ignorecase=True) + (r"(?![\w²³])" if boundary else "")


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
    counted: str | None = None  # what a measure with no unit symbol measures ("8 degrés": degré)


class FigureRules:
    """Compiled patterns for one language (built once per language)."""

    def __init__(self, lang: str):
        self.lang = lang
        d = load(lang, "figures")
        self.data = d
        self.digits = re.compile(r"(?<![\w.,'’/&])" + digit_pattern(lang) + r"(?![\d])")
        self.scales = d["scales"]
        links = _alt(d["range_connectors"], boundary=False)
        self.range_link_re = re.compile(rf"^[ \u00a0]*(?:{links})[ \u00a0]*$", re.IGNORECASE)
        self.range_and = {w for w in d["range_connectors"] if w.isalpha() and len(w) > 1 and w not in ("to", "au")}
        self.range_opener_re = re.compile(rf"(?:^|\W)(?:{_alt(d['range_openers'], boundary=False)})[ \u00a0]*$",
                                          re.IGNORECASE)
        # "1,5 million", "£3.5bn", "$250-thousand": a space, nothing or a hyphen before a scale word
        self.money_nouns = {w.lower() for w in d["money_nouns"]}
        money = _alt(sorted(d["money_nouns"], key=len, reverse=True))
        self.money_noun_re = re.compile(
            rf"(?i:\b(?:{money}))[ \u00a0]+(?:de|d['’]|of)[ \u00a0]*(?:(?i:près d['’]|près de|environ|plus de|about|nearly|almost|over|some)[ \u00a0]*)?$")
        self.time_nouns = set(d["time_nouns"])
        self.body_nouns = set(load(lang, "facts")["body_nouns"])  # "3 millions du gouvernement": a payer
        self.scale_re = re.compile(r"(?:[ \u00a0\u202f]|-(?=[^\W\d_]{3}))?(?P<w>" + _alt(self.scales) + ")")
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
        codes = _alt_ci(self.iso_codes, boundary=False)  # only ever inside (?i:...)
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
        # "12,4 millions l'an dernier": an elided article is no litre
        # "a 34-megawatt farm": a hyphen may join the number to a unit of two letters or more
        self.unit_re = re.compile(r"(?:[ \u00a0\u202f]|-(?=[^\W\d_]{2}))?(?:" + linkers + r")?(?:" + alt
                                  + r")(?![\w²³]|['’]\w)")
        self.unit_bare_re = re.compile(r"(?:[ \u00a0\u202f]|-(?=[^\W\d_]{2}))?(?:" + alt + r")(?![\w²³]|['’]\w)")
        self.weight_currency = set(d["currency_also_weight"])
        measures = d["measure_words"]
        self.measure_re = re.compile(r"(?:[ \u00a0\u202f]|(?=-))?(?:" + "|".join(f"(?P<m{i}>{pat})" for i, (pat, _c) in enumerate(measures))
                                     + r")(?![\w²³])")
        self.measure_counted = [c for _pat, c in measures]
        self.ghg_re = re.compile(r"[ \u00a0\u202f]?(?:" + "|".join(d["ghg_after_mass"]) + ")")
        # "pendant deux ans", "a 40-year partnership": a duration, not a count
        # "25,581 a year earlier" is a count per year, not a duration: no article before the unit
        self.duration_re = re.compile(r"(?:[ \u00a0\u202f]+(?:(?!(?:a|an|per|par|un|une|each|every|chaque)\b)\w+[ \u00a0])?|-)"
                                      + _alt(d["duration_units"]), re.IGNORECASE)
        # "trois à quatre mois", "six ou sept ans": the first member of a range of durations;
        # "in the next month or two": a number after a duration and "or"
        self.range_then_word_re = re.compile(rf"[ \u00a0]*(?:{links})[ \u00a0]*(?:\d[\d.,]*|[^\W\d_]+)", re.IGNORECASE)
        self.duration_or_re = re.compile(rf"(?i:\b{_alt(d['duration_units'], boundary=False)})[ \u00a0]+"
                                         rf"{_alt(d['alternative_connectors'], boundary=False)}[ \u00a0]+$")
        self.fraction_not_after = set(d["fraction_not_after"])
        self.code_words_capitalised = set(d["code_words_capitalised"])
        self.age_before_re = re.compile(d["age_before"], re.IGNORECASE)
        self.fraction_needs_determiner = bool(d["fractions_need_determiner"])
        self.fraction_adjectives = set(d["fraction_adjectives"])
        self.code_words = set(d["code_words"])
        # "net zero", "zero-emission buses", "Race to Zero": a label, not a figure
        self.not_figure_res = [re.compile(x) for x in d["not_figure_phrases"]]
        self.qualifier_re = re.compile("(?P<w>" + _alt(d["qualifiers"]) + r")[ \u00a0]+$", re.IGNORECASE)
        self.fractions = dict(d["fractions"])
        self.fractions.update({fold(k): v for k, v in d["fractions"].items()})
        self.need_numeral = set(d["fractions_need_numeral"]) | {fold(k) for k in d["fractions_need_numeral"]}
        self.fraction_re = re.compile(r"[ \u00a0\u202f-]?(?P<w>" + _alt(self.fractions) + ")", re.IGNORECASE)
        self.fraction_word_re = re.compile(r"(?<![\w-])" + _alt_ci(self.fractions), re.IGNORECASE)
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


@cache
def rules_for(lang: str) -> FigureRules:
    return FigureRules(lang)
