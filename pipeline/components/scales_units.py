"""Scales, currencies, percent, units and greenhouse gases after a number.

Readers for what follows a number core ("million", "M€", "euros", "%",
"tCO2e") and for the money context a bare "m"/"b" needs. The `*_after`
functions are steps of `figure_growth.grow`: each one, when its pattern
matches at `pos`, completes the figure in place and returns True.
"""
from __future__ import annotations

import re

from ..normalize.numbers import parse_number
from .figure_rules import Figure, FigureRules


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


def scale_after_fraction(text: str, pos: int, r: FigureRules):
    """(end, scale) of "million" in "half a million", "three quarters billion", "demi-million"."""
    m = r.scale_after_fraction_re.match(text, pos)
    if m and len(m.group("w")) > 2:
        return pos + m.end() - m.start(), r.scales[m.group("w")]
    return None


def scale_ok(text: str, start: int, pos: int, m: re.Match, r: FigureRules) -> bool:
    """A lone "m"/"b" after a number is metres or bytes unless money is around it;
    glued to the digits in capitals ("10M", "1.2b") it is a scale."""
    w = m.group("w")
    if w not in ("m", "M", "b", "B"):
        return True
    if money_context(text, start, pos + m.end(), r):
        return True
    unit = r.unit_bare_re.match(text, pos + m.end(), pos + m.end() + 30)
    if unit and unit.group(0).strip() not in ("m", "M", "b", "B"):
        return True  # "6m km": a unit follows, so the letter is a scale
    glued = m.start("w") == 0 and text[start].isdigit()
    return glued and w in ("M", "b", "B") and not text[pos + m.end():pos + m.end() + 1].isalnum()


def _has_key(table: dict, found: str) -> bool:
    return found in table or any(k.lower() == found.lower() for k in table)


def _key(table: dict, found: str) -> str:
    if found in table:
        return found
    low = found.lower()
    return next(k for k in table if k.lower() == low)


def money_context(text: str, start: int, end: int, r: FigureRules) -> bool:
    """A currency just before `start` or just after `end`: "$10m" is money, "10 m" metres."""
    before = text[max(0, start - 5):start]
    if r.cur_prefix_re.search(before):
        return True
    return bool(r.cur_suffix_re.match(text[end:end + 30]))


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


# the mass units a greenhouse gas can follow, and the unit they become
GHG_UNITS = {"t": "tCO2e", "kt": "ktCO2e", "Mt": "MtCO2e", "kg": "kgCO2e"}


def glued_currency_after(text: str, pos: int, fig: Figure, value: float, r: FigureRules) -> bool:
    """"10 M€", "5 k€", "48.5 MGBP": the scale is glued to the currency, so one match
    gives both and closes the figure (no scale word can follow)."""
    m = r.glued_cur_re.match(text[pos:pos + 60])
    if not m:
        return False
    cur, mult = r.glued_cur[m.group("w")]
    fig.value, fig.unit, fig.label = value * mult, cur, "MONEY"
    fig.currency_form = m.group("w")
    fig.end = pos + m.end()
    fig.rules += ("currency_glued",)
    return True


def currency_after(text: str, pos: int, fig: Figure, r: FigureRules) -> bool:
    """"euros", "d'euros", "€", "CHF", "USD million": a currency after the number makes
    money. A linked currency ("millions d'euros") needs a scale before it, and a code
    may still take a scale ("75 USD million") and cents ("3 dollars 50 cents")."""
    m = r.cur_suffix_re.match(text[pos:pos + 60])
    if not (m and (m.group("link") is None or fig.has_scale)):
        return False
    w = m.group("w")
    if w.lower() in r.weight_currency and _weighs(text, pos + m.end(), r):
        return False
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
    return True


def _weighs(text: str, pos: int, r: FigureRules) -> bool:
    """"48 pounds of food", "500 livres de nourriture": "of" and a noun that is no money noun."""
    m = re.match(r"[ \u00a0]+(?:of|de|d['’])[ \u00a0]*(?P<n>\w+)", text[pos:pos + 40])
    return bool(m) and m.group("n").lower() not in r.money_nouns


def percent_after(text: str, pos: int, fig: Figure, r: FigureRules) -> bool:
    """"%", "pour cent", "points de pourcentage": a percent, or percentage points ("pp");
    a bare "points" never makes percentage points (it is a score)."""
    rest = text[pos:pos + 60]
    m = r.points_re.match(rest)
    if m and not (m.group("w") == "points" and "pourcentage" not in rest and "percentage" not in rest):
        if m.group("w") != "points":
            fig.label, fig.unit, fig.end = "PERCENT", "pp", pos + m.end()
            fig.rules += ("percent_points",)
            return True
    m = r.percent_re.match(rest)
    if m:
        fig.label, fig.unit, fig.end = "PERCENT", None, pos + m.end()
        fig.rules += ("percent",)
        return True
    return False


def unit_after(text: str, pos: int, fig: Figure, r: FigureRules, *, is_word: bool) -> bool:
    """A unit ("km", "tonnes", "MWh"), then a greenhouse gas after a mass ("t CO2e").

    Not a one-letter unit after the word "one" (an article), nor a letter before
    "-digits" ("L-202" is a code); after a scale, linkers may come first ("de tonnes")."""
    rest = text[pos:pos + 60]
    m = (r.unit_re if fig.has_scale else r.unit_bare_re).match(rest)
    if not m or (is_word and fig.value == 1 and m.group(0).strip() in ("m", "l", "t")) \
            or re.match(r"-\d", rest[m.end():m.end() + 2]):
        return False
    idx = next(i for i, g in enumerate(m.groups()) if g is not None)
    unit = r.unit_symbols[idx]
    if unit == "Mt" and m.group(0).lstrip().startswith(("million", "millions")):
        # "1,2 million de tonnes" is already scaled: keep tonnes
        unit = "t"
    pos += m.end()
    fig.unit, fig.end = unit, pos
    fig.rules += ("unit",)
    if unit in GHG_UNITS:
        g = r.ghg_re.match(text, pos, pos + 60)
        if g and g.end() > pos:
            fig.unit = GHG_UNITS[unit]
            fig.end = g.end()
            fig.rules += ("ghg",)
    return True


def measure_after(text: str, pos: int, fig: Figure, r: FigureRules) -> bool:
    """"8 degrés", "28,000 sq. ft", "a 24-acre site": a measure SPEC gives no symbol keeps its
    words in the span, with the measured thing as its counted noun and no unit."""
    m = r.measure_re.match(text, pos, pos + 40)
    if not m:
        return False
    idx = next(i for i, g in enumerate(m.groups()) if g is not None)
    fig.end, fig.counted = m.end(), r.measure_counted[idx]
    fig.rules += ("measure",)
    return True
