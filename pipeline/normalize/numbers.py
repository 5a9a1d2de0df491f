"""Digit strings in French/Belgian/Swiss and English conventions to numbers.

The same string can mean different things by language ("1.500" is 1500 in a
Belgian text and 1.5 in an English one), so every function takes the
document's language.
"""
from __future__ import annotations

import math
import re

GROUP_SEPARATORS = {
    "fr": ".\u00a0\u202f '\u2019",
    "en": ",",
}
DECIMAL_SEPARATOR = {"fr": ",", "en": "."}


def digit_pattern(lang: str) -> str:
    """Regex (no groups) for one number written in digits in `lang`."""
    dec = re.escape(DECIMAL_SEPARATOR.get(lang, "."))
    if lang == "en":
        # thousands grouped by commas, or by spaces as European-trained writers do ("5 680 litres")
        grouped = r"\d{1,3}(?:(?:,\d{3})+|(?:[ \u00a0\u202f]\d{3})+(?![\d,]))(?:\.\d+)?"
        plain = r"\d+(?:\.\d+)?"
        # decimals with a comma ("1,5") also occur in English text from Europe;
        # a bare decimal part (".08") is how prices and rates are often written
        return rf"(?:{grouped}|{plain}|\.\d+)"
    grouped = r"\d{1,3}(?:(?:\.\d{3})+|(?:[ \u00a0\u202f]\d{3})+|(?:['\u2019]\d{3})+)(?:" + dec + r"\d+)?"
    plain = r"\d+(?:" + dec + r"\d+|\.\d{1,2}(?!\d))?"
    return rf"(?:{grouped}|{plain}|{dec}\d+)"


def parse_number(text: str, lang: str) -> float | None:
    """Value of a digit string, or None when it is not a number.

    French: '.', spaces and apostrophes group thousands, ',' is the decimal
    mark; a '.' followed by one or two digits is read as a decimal mark
    ("1.5 million" happens in Belgian press). English: ',' (or a space) groups, '.' is
    the decimal mark, and a lone ',' followed by one or two digits is a
    decimal comma.
    """
    s = text.strip().replace("\u2212", "-").replace("\u2013", "-")
    sign = 1.0
    if s and s[0] in "+-":
        sign = -1.0 if s[0] == "-" else 1.0
        s = s[1:].strip()
    if re.fullmatch(r"[.,]\d+", s):
        s = "0" + s  # a bare decimal part: ".08", ",5"
    if not s or not s[0].isdigit():
        return None
    if lang == "en":
        if re.fullmatch(r"\d{1,3}(?:(?:,\d{3})+|(?:[ \u00a0\u202f]\d{3})+)(?:\.\d+)?", s):
            s = re.sub(r"[, \u00a0\u202f]", "", s)
        elif re.fullmatch(r"\d+,\d{1,2}", s):
            s = s.replace(",", ".")
        elif not re.fullmatch(r"\d+(?:\.\d+)?", s):
            return None
    else:
        s = re.sub(r"[ \u00a0\u202f'\u2019]", "", s)
        if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", s):
            s = s.replace(".", "").replace(",", ".")
        elif re.fullmatch(r"\d+,\d+", s):
            s = s.replace(",", ".")
        elif not re.fullmatch(r"\d+(?:\.\d+)?", s):
            return None
    try:
        value = sign * float(s)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def tidy(value: float) -> float | int:
    """Integers as int, other values rounded to 4 decimals (JSON-friendly);
    values below 1 keep 4 significant digits ("a trillionth" is not 0)."""
    if value is None:
        return None
    if abs(value - round(value)) < 1e-9 and abs(value) < 1e18 and (value == 0 or abs(value) >= 0.5):
        return int(round(value))
    if abs(value) < 1:
        return float(f"{value:.4g}")
    return round(value, 4)
