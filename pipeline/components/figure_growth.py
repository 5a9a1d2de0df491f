"""Growing a number core rightwards into a figure: `grow` and its steps.

The steps run in a fixed order, each reading where the one before stopped
(`Growth.pos`): a spoken decimal, a fraction noun's scale, a fraction after
number words, a ratio, a glued currency, a fraction after "and", a scale
word, then a currency, percent or unit that closes the figure. The order is
the grammar: "three quarters billion" is a fraction before its scale,
"3 million and a half" a scale before its fraction.
"""
from __future__ import annotations

from dataclasses import dataclass

from .figure_context import ratio_denominator_ok
from .figure_rules import Figure, FigureRules
from .number_cores import (
    and_fraction,
    compound_tail,
    core_scale,
    number_at,
    point_decimal,
    split_and,
)
from .scales_units import (
    currency_after,
    glued_currency_after,
    measure_after,
    percent_after,
    scale_after_fraction,
    scale_ok,
    unit_after,
)


@dataclass
class Growth:
    """What `grow` knows while it reads rightwards from a core.

    `value` and `end` are the core's own (a spoken decimal included): the steps
    that multiply or divide the core use them, not the figure grown so far."""

    text: str
    r: FigureRules
    fig: Figure
    start: int
    end: int
    value: float
    is_word: bool
    word_at: dict
    pos: int
    # a fraction already took its scale ("half a million"): no ratio, glued
    # currency, "and a half" or second scale may follow
    scaled_fraction: bool = False

    @property
    def rest(self) -> str:
        """The stretch the next step's patterns read, anchored at `pos`."""
        return self.text[self.pos:self.pos + 60]


def grow(text: str, start: int, end: int, value: float, r: FigureRules, *, is_word: bool,
         word_at: dict | None = None) -> Figure | None:
    """Grow a number core into a figure, or None when the core is not a figure."""
    g = _begin(text, start, end, value, r, is_word=is_word, word_at=word_at or {})
    _fraction_noun_scale(g)
    if _fraction_after_numeral(g) or _ratio(g):
        return g.fig
    if not g.scaled_fraction:
        if glued_currency_after(text, g.pos, g.fig, g.value, r):
            return g.fig
        _fraction_after_and(g)
        _scale_word(g)
    if currency_after(text, g.pos, g.fig, r) or percent_after(text, g.pos, g.fig, r) \
            or measure_after(text, g.pos, g.fig, r) or unit_after(text, g.pos, g.fig, r, is_word=is_word):
        return g.fig
    if g.fig.value == 1 and is_word and g.fig.end == g.end:
        return None  # lone "un", "one": an article far more often than a number
    return g.fig


def _begin(text: str, start: int, end: int, value: float, r: FigureRules, *, is_word: bool,
           word_at: dict) -> Growth:
    """The figure of the bare core. A spoken decimal ("two point five") is read first:
    its digits belong to the core, so every later step scales the decimal value."""
    fig = Figure(start, end, value, rules=("number_words" if is_word else "digits",))
    if is_word and text[start:end].split()[-1].lower() in r.scales:
        fig.has_scale = True  # "un milliard" (d'euros): the scale is inside the number words
    point = point_decimal(text, end, r) if is_word and value == int(value) else None
    if point:
        value = fig.value = value + point[1]
        end = fig.end = point[0]
        fig.rules += ("point_decimal",)
    return Growth(text, r, fig, start, end, value, is_word, word_at, pos=end)


def _fraction_noun_scale(g: Growth) -> None:
    """"half a million", "quarter million": a fraction noun as the core takes the scale
    after it; the figure is then a scaled amount, not a ratio, and no other scale follows."""
    if not (g.is_word and g.text[g.start:g.end].lower() in g.r.fractions):
        return
    scale = scale_after_fraction(g.text, g.end, g.r)
    if scale:
        g.fig.value, g.fig.end, g.fig.has_scale, g.scaled_fraction = g.value * scale[1], scale[0], True, True
        g.fig.rules += ("scale",)
        g.pos = g.fig.end


def _fraction_after_numeral(g: Growth) -> bool:
    """"deux tiers", "three quarters": a fraction word after number words makes a ratio.

    True when that closes the figure; False when there is no fraction, or when a
    scale follows it ("three quarters billion"), which makes it an amount that a
    currency or unit may still complete."""
    m = g.r.fraction_re.match(g.rest)
    if not (m and g.is_word):
        return False
    fig, r = g.fig, g.r
    frac = r.fractions[m.group("w").lower()]
    split = split_and(g.text[g.start:g.end], r)
    if split:  # "cent et trois quarts" = 100 + 3/4, "six millions et deux tiers"
        head, tail, scale = split
        fig.value, fig.end = head + tail * frac * scale, g.pos + m.end()
        fig.rules += ("and_fraction",)
        return True
    fig.value, fig.unit, fig.end = g.value * frac, "ratio", g.pos + m.end()
    fig.rules += ("fraction",)
    scale = scale_after_fraction(g.text, fig.end, r)
    if scale is None:
        return True
    fig.value, fig.unit, fig.end, fig.has_scale = fig.value * scale[1], None, scale[0], True
    fig.rules += ("scale",)
    g.pos, g.scaled_fraction = fig.end, True
    return False


def _ratio(g: Growth) -> bool:
    """"trois sur dix", "one in five", "1 over 20": the core over the number after it
    is a ratio, which closes the figure (True); not after a scaled fraction."""
    m = None if g.scaled_fraction else g.r.ratio_re.match(g.rest)
    if not m:
        return False
    after = g.pos + m.end()
    found = number_at(g.text, after, g.r, g.word_at)
    if found and ratio_denominator_ok(g.text, after, found, g.value, g.r):
        g.fig.value, g.fig.unit, g.fig.end = g.value / found[1], "ratio", found[0]
        g.fig.rules += ("ratio",)
        return True
    return False


def _fraction_after_and(g: Growth) -> None:
    """"five and a half (million)", "cent trois et deux tiers": the fraction adds to the
    core at the scale its number words end with ("one million and a half")."""
    add = and_fraction(g.text, g.pos, g.r, g.word_at)
    if add:
        g.fig.value += add[1] * (core_scale(g.text[g.start:g.end], g.r) if g.is_word else 1)
        g.pos = g.fig.end = add[0]
        g.fig.rules += ("and_fraction",)


def _scale_word(g: Growth) -> None:
    """"1,5 million", "£3.5bn": a scale word multiplies the figure. A fraction after it
    counts at that scale ("3 million and a half"); after digits, smaller scales may
    complete it ("4 thousand 3 hundred and 21")."""
    text, r, fig = g.text, g.r, g.fig
    m = r.scale_re.match(g.rest)
    if not (m and scale_ok(text, g.start, g.pos, m, r)):
        return
    mult = r.scales[m.group("w")]
    fig.value *= mult
    fig.has_scale = True
    g.pos += m.end()
    fig.end = g.pos
    fig.rules += ("scale",)
    add = and_fraction(text, g.pos, r, g.word_at)  # "3 million and a half", "un million et demi"
    if add:
        fig.value += add[1] * mult
        g.pos = fig.end = add[0]
        fig.rules += ("and_fraction",)
    elif not g.is_word and m.group("w").isalpha() and len(m.group("w")) > 2:
        tail = compound_tail(text, g.pos, mult, r, g.word_at)
        if tail:
            fig.value += tail[1]
            g.pos = fig.end = tail[0]
            fig.rules += ("compound",)
