"""Date values in SPEC's ISO style, resolved against the publication date.

Pure functions: a parsed expression (year, month, quarter...) plus the
`published` string in, a value string out. dateparser is used only for
full dates written in words, on the candidate string, never over a text.
"""
from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache


def parse_published(published: str | None) -> tuple[int | None, int | None, int | None]:
    """(year, month, day) of a `YYYY-MM[-DD]` header, None where absent."""
    if not published:
        return None, None, None
    parts = [int(p) for p in published.split("-")]
    parts += [None] * (3 - len(parts))
    return parts[0], parts[1], parts[2]


def expand_year(y: str | int, *, pivot: int | None = None) -> int:
    """Two-digit years ("'23", "FY22") as 20xx; with a `pivot` (the publication
    year), a 20xx more than 20 years after it is read as 19xx ("15.05.99")."""
    y = int(str(y).lstrip("'’"))
    if y < 100:
        if pivot is not None and 2000 + y > pivot + 20:
            return 1900 + y
        return 2000 + y
    return y


def ymd(year: int | None, month: int | None = None, day: int | None = None) -> str | None:
    if year is None:
        return None
    if month is None:
        return f"{year:04d}"
    if day is None:
        return f"{year:04d}-{month:02d}"
    try:
        dt.date(year, month, day)
    except ValueError:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def quarter(year: int | None, q: int) -> str | None:
    return None if year is None or not 1 <= q <= 4 else f"{year:04d}-Q{q}"


def half(year: int | None, h: int) -> str | None:
    return None if year is None or not 1 <= h <= 2 else f"{year:04d}-H{h}"


def period_year(n: int | None, months: int, published: str | None) -> int | None:
    """Year of a quarter or half named without one: the latest such period that has
    started by publication ("fourth quarter" in a February 2024 text is 2023-Q4)."""
    y, m, _d = parse_published(published)
    if y is None or n is None:
        return y
    current = (m - 1) // months + 1 if m else None
    return y - 1 if current is not None and n > current else y


def span_range(a: str | None, b: str | None) -> str | None:
    return None if not a or not b else f"{a}/{b}"


def relative(unit: str, offset: int, published: str | None) -> str | None:
    """'last year' (year, -1), 'le mois dernier' (month, -1)... from `published`."""
    y, m, d = parse_published(published)
    if y is None:
        return None
    if unit == "year":
        return ymd(y + offset)
    if m is None:
        return None
    if unit == "month":
        total = y * 12 + (m - 1) + offset
        return ymd(total // 12, total % 12 + 1)
    if unit == "quarter":
        q = (m - 1) // 3 + offset
        return quarter(y + q // 4, q % 4 + 1)
    if unit == "day":
        if d is None:
            return None
        return (dt.date(y, m, d) + dt.timedelta(days=offset)).isoformat()
    return None


def month_relative(month: int, offset: int, published: str | None) -> str | None:
    """'avril dernier' = the last April before publication; 'next April' the next one."""
    y, m, _d = parse_published(published)
    if y is None or m is None:
        return None
    if offset < 0:
        year = y if month < m else y - 1
    elif offset > 0:
        year = y if month > m else y + 1
    else:
        year = y
    return ymd(year, month)


def day_month_relative(month: int, day: int | None, offset: int, published: str | None) -> str | None:
    """'le 13 décembre dernier' = the last 13 December before publication: in the header's own
    month, the day decides ("13 décembre dernier" under 17 December 2024 is 2024-12-13)."""
    y, m, d = parse_published(published)
    if y is None or m is None:
        return None
    if day is None or month != m or d is None or offset == 0:
        ym = month_relative(month, offset, published)
        return f"{ym}-{day:02d}" if ym and day else ym
    year = (y if day < d else y - 1) if offset < 0 else (y if day > d else y + 1)
    return ymd(year, month, day)


def month_in_context(month: int, published: str | None) -> str | None:
    """A month without a year takes the publication year."""
    y, _m, _d = parse_published(published)
    return ymd(y, month) if y else None


def weekday(wd: int, published: str | None) -> str | None:
    """A weekday names the latest such day on or before a day-precise publication date."""
    y, m, d = parse_published(published)
    if d is None:
        return None
    pub = dt.date(y, m, d)
    delta = (pub.weekday() - wd) % 7
    return (pub - dt.timedelta(days=delta)).isoformat()


def weekday_relative(wd: int, mode: str, offset: int, published: str | None) -> str | None:
    """A weekday with "next"/"last"/"ce"/"dernier", from a day-precise publication date.

    mode "week": the day `wd` of the week `offset` weeks from the publication's
    week (weeks start on Monday: "next Friday", "lundi prochain"); mode
    "latest": the nearest such day strictly before (offset -1) or after (+1)
    publication ("mardi dernier" in French press is the most recent Tuesday).
    """
    y, m, d = parse_published(published)
    if d is None:
        return None
    pub = dt.date(y, m, d)
    if mode == "week":
        monday = pub - dt.timedelta(days=pub.weekday())
        return (monday + dt.timedelta(days=7 * offset + wd)).isoformat()
    if offset < 0:
        delta = (pub.weekday() - wd) % 7 or 7
        return (pub - dt.timedelta(days=delta)).isoformat()
    delta = (wd - pub.weekday()) % 7 or 7
    return (pub + dt.timedelta(days=delta)).isoformat()


def easter(year: int) -> dt.date:
    """Western Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month = (h + l_ - 7 * m + 114) // 31
    day = (h + l_ - 7 * m + 114) % 31 + 1
    return dt.date(year, month, day)


def holiday(rule: str, year: int | None) -> str | None:
    """A holiday's date in `year`: "12-25" (fixed), "easter+1", "thanksgiving+1"
    (the day after the fourth Thursday of November)."""
    if year is None:
        return None
    if "+" in rule or rule.startswith(("easter-", "thanksgiving-")):
        base, sign, off = re.match(r"(\w+)([+-])(\d+)", rule).groups()
        if base == "easter":
            start = easter(year)
        else:
            nov1 = dt.date(year, 11, 1)
            start = nov1 + dt.timedelta(days=(3 - nov1.weekday()) % 7 + 21)
        return (start + dt.timedelta(days=int(off) * (1 if sign == "+" else -1))).isoformat()
    month, day = (int(x) for x in rule.split("-"))
    return ymd(year, month, day)


@lru_cache(maxsize=4096)
def parse_full_date(text: str, lang: str, published: str | None = None) -> str | None:
    """A day-month-year string in words or digits, through dateparser (cached)."""
    import dateparser

    settings = {"PREFER_DAY_OF_MONTH": "first", "REQUIRE_PARTS": ["day", "month", "year"]}
    if lang == "fr":
        settings["DATE_ORDER"] = "DMY"
    y, m, d = parse_published(published)
    if y:
        settings["RELATIVE_BASE"] = dt.datetime(y, m or 1, d or 1)
    try:
        parsed = dateparser.parse(text, languages=[lang], settings=settings)
    except Exception:  # dateparser raises many types on odd strings; a miss is a null value
        return None
    return parsed.date().isoformat() if parsed else None


def year_from_words(words: str, lang: str) -> int | None:
    """A year spelled out: "two thousand and five" (one number), "nineteen seventy
    two" / "dix neuf soixante douze" (century and year read apart), else None."""
    from text_to_num import text2num

    def read(s: str) -> int | None:
        try:
            return int(text2num(s.replace("-", " ").strip().lower(), lang))
        except ValueError:
            return None

    if words.split()[0].lower() in ("hundred", "thousand", "cent", "cents", "mille"):
        return None  # "October two thousand": the day took "two", the rest is no year
    whole = read(words)
    if whole is not None and 1000 <= whole <= 2999:
        return whole
    parts = words.replace("-", " ").split()
    for k in range(1, len(parts)):
        head, tail = read(" ".join(parts[:k])), " ".join(parts[k:])
        low = read(tail[3:]) if tail.lower().startswith("oh ") else read(tail)  # "nineteen oh five"
        if head is not None and 10 <= head <= 29 and low is not None and 0 <= low <= 99:
            return head * 100 + low
    return None


def holiday_relative(rule: str, offset: int, published: str | None) -> str | None:
    """"last Easter", "Noël prochain": the holiday's nearest date before (offset -1)
    or after (+1) publication, or in its year (0); by year alone without a day."""
    y, m, d = parse_published(published)
    if y is None:
        return None
    if offset == 0 or m is None:
        return holiday(rule, y + offset)
    pub = dt.date(y, m, d or 1).isoformat()
    this = holiday(rule, y)
    if offset < 0:
        return this if this and this < pub else holiday(rule, y - 1)
    return this if this and this > pub else holiday(rule, y + 1)
