"""QUANTITY, MONEY and PERCENT candidates: a number core grown into a figure.

A core is a number in digits (language-specific grouping) or in words
(found by text2num). It is grown to the right (scale word, fraction,
currency, percent sign, unit, greenhouse gas) and to the left (currency,
sign); qualifiers are recorded, never spanned. Each step names its rule.

The steps live in sibling modules, each importing only those above it:
`figure_rules` (data) <- `scales_units` <- `number_cores` <- `figure_context`
<- `figure_growth` (`grow`) <- this module (`find_figures`, the `csr_figures`
factory). The public names of those modules are re-exported here.
"""
from __future__ import annotations

import re
from collections import Counter

from spacy.language import Language
from spacy.tokens import Doc

from ..candidates import Candidate, add_candidates, doc_text
from ..normalize.numbers import parse_number, tidy
from ..reader import parse_header
from .figure_context import (
    LONE_ARTICLES,
    PHONE,
    VAGUE_SCALES,
    YEAR,
    counted_lemma,
    extend_left,
    glued_letters,
    is_year,
    lone_number_ok,
    rejected,
)
from .figure_growth import grow
from .figure_rules import Figure, FigureRules, fold, rules_for
from .number_cores import (
    SLASH_FRACTION,
    VULGAR,
    VULGAR_RE,
    code_glued_cores,
    fraction_cores,
    number_word_windows,
    symbol_fraction_cores,
    word_cores,
)
from .scales_units import dollar_currency

__all__ = [
    "LONE_ARTICLES", "PHONE", "SLASH_FRACTION", "VAGUE_SCALES", "VULGAR", "VULGAR_RE", "YEAR",
    "Figure", "FigureMatcher", "FigureRules", "code_glued_cores", "counted_lemma", "dollar_currency",
    "extend_left", "find_figures", "fold", "fraction_cores", "glued_letters", "grow", "is_year",
    "make_figures", "number_word_windows", "rejected", "rules_for", "symbol_fraction_cores",
    "word_cores",
]


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
        if is_word and text[start:end].lower() in LONE_ARTICLES and not lone_number_ok(text, start, end, r):
            continue
        if is_word and text[start].isupper() and MID_SENTENCE.search(text, max(0, start - 3), start):
            continue  # "said Thirteen", "NatWest lends Thirteen £30m": a capitalised number word inside a sentence names
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
            attrs["counted"] = fig.counted or counted_lemma(doc, fig.end, r)
        out.append(Candidate(fig.start, fig.end, fig.label, "figures:" + "+".join(fig.rules), attrs, priority=2))
        taken_until = fig.end
    inherit_range_units(text, out, r, lang)
    inherit_currency(text, out, r)
    return out


# the end of a lower-case word or a comma right before: inside a sentence, not after its start or a heading's word
MID_SENTENCE = re.compile(r"[a-zà-ÿ,][ \u00a0]+$")
THOUSANDS = re.compile(r"\d[ \u00a0.,'’]\d{3}(?!\d)")
CURRENCY_REACH = 250  # characters: an amount this far after a sum in the same paragraph shares its currency


def inherit_currency(text: str, figures: list[Candidate], r: FigureRules) -> None:
    """"10,5 millions d'euros en 2017, contre 9,5 millions en 2016": a scaled amount that counts
    nothing, shortly after a sum, is a sum in the same currency (SPEC: an amount that omits the
    currency just given is MONEY)."""
    units = Counter(c.attrs.get("unit") for c in figures if c.label == "MONEY" and c.attrs.get("unit"))
    usual = units.most_common(1)[0][0] if units else None
    last_money = None
    for c in figures:
        if c.label == "MONEY":
            last_money = c
            continue
        counted = c.attrs.get("counted")
        # "42,2 millions du gouvernement du Québec": what follows is who pays, not what is counted
        from_body = counted in r.body_nouns and re.match(r"[ \u00a0]+(?:du|de la|de l['’]|des|de|from|of)\b", text[c.end:c.end + 8])
        if c.label != "QUANTITY" or c.attrs.get("unit") or counted and counted not in r.time_nouns and not from_body:
            continue
        scaled = r.scale_re.search(text, c.start, c.end)
        if last_money is not None and c.start - last_money.end <= CURRENCY_REACH \
                and "\n\n" not in text[last_money.end:c.start] and scaled:
            unit, rule = last_money.attrs.get("unit"), "+currency_inherited"
        elif usual and (scaled or THOUSANDS.search(text, c.start, c.end)) \
                and r.money_noun_re.search(text, max(0, c.start - 60), c.start):
            unit, rule = usual, "+money_noun"  # "un prêt de 250 millions", "an investment of 2 million"
        else:
            continue
        c.label = "MONEY"
        c.attrs["unit"] = unit
        c.attrs.pop("counted", None)
        c.rule += rule


def inherit_range_units(text: str, figures: list[Candidate], r: FigureRules, lang: str) -> None:
    """"20 à 25%", "entre 3 et 5 millions d'euros", "8,000 to 9,000 MW": the bare first number of a
    range is what the second is (SPEC: a unit is inherited)."""
    for a, b in zip(figures, figures[1:], strict=False):
        if a.label != "QUANTITY" or a.attrs.get("unit") or b.label == "QUANTITY" and not b.attrs.get("unit"):
            continue
        link = text[a.end:b.start]
        if not r.range_link_re.match(link):
            continue
        if link.strip().lower() in r.range_and and not r.range_opener_re.search(text[max(0, a.start - 12):a.start]):
            continue  # "40 percent and $100,000" is two figures; "entre 3 et 5 millions" is one range
        scale = 1
        first = r.digits.search(text, b.start, b.end)
        core = parse_number(first.group(0), lang) if first else None
        if core and (b.attrs.get("value") or 0) > core and parse_number(text[a.start:a.end], lang) == a.attrs["value"]:
            scale = b.attrs["value"] / core  # "3 et 5 millions": the scale is written once
        a.label = b.label
        a.attrs.update(value=tidy(a.attrs["value"] * scale), unit=b.attrs.get("unit"))
        a.attrs.pop("counted", None)
        a.rule += "+range"


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
