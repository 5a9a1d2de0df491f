"""DATE candidates from per-language patterns; values resolved by normalize.dates.

Each pattern is a named rule; its regex is assembled from the language's
`dates.json` (month, weekday, relative and modifier words). Spans start at
the date expression itself, so leading prepositions stay outside.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from ..candidates import Candidate, Intervals, add_candidates, doc_text
from ..lemmas import lemma
from ..normalize import dates as nd
from ..reader import parse_header
from .date_patterns import DateRules, rules_for

__all__ = ["DateMatcher", "DateRules", "find_dates", "rules_for"]


def _num(g: str | None) -> int | None:
    return int(re.sub(r"\D", "", g)) if g and re.search(r"\d", g) else None


def resolve(name: str, m: re.Match, r: DateRules, published: str | None) -> tuple[str | None, str | None]:
    """(value, mod) of a match of rule `name`."""
    g = m.groupdict()
    py, _pm, _pd = nd.parse_published(published)
    year = int(g["y"]) if g.get("y") else None
    if g.get("yw"):
        year = nd.year_from_words(g["yw"], r.lang)
    elif g.get("ys"):
        year = nd.expand_year(g["ys"], pivot=1999)  # above 31 only: 19xx
    month = r.months.get((g.get("m") or "").lower().rstrip(",")) or r.months.get((g.get("m") or "").lower().rstrip(",."))
    if name == "full_date":
        if g.get("yw") and year is None:
            return None, None
        day = _day(g.get("d"), r)
        value = nd.ymd(year, month, day) or nd.parse_full_date(m.group(0), r.lang, published)
        return value, None
    if name == "weekday_day":
        _py, pm, _pd = nd.parse_published(published)
        return (nd.ymd(py, pm, _day(g.get("d"), r)) if pm else None), None
    if name == "holiday_relative":
        off = r.data["holiday_relative_before"][g["hrb"].lower()] if g.get("hrb") \
            else r.data["holiday_relative_after"][g["hra"].lower()]
        return nd.holiday_relative(r.holidays[g["hol"].lower()], off, published), None
    if name == "day_month":
        day = _day(g.get("d"), r)
        return nd.ymd(py, month, day) if py else None, None
    if name in ("month_range", "month_range_yearless"):
        m1, m2 = r.months[g["m1"].lower().rstrip(".")], r.months[g["m2"].lower().rstrip(".")]
        y2 = year or py
        y1 = y2 - 1 if y2 and m1 > m2 else y2  # "Nov-Feb 2017" starts in 2016
        return nd.span_range(nd.ymd(y1, m1), nd.ymd(y2, m2)), None
    if name == "day_range":
        d1, d2 = _num(g["d1"]), _num(g["d2"])
        y = year or py
        if d1 is None or d2 is None or d1 >= d2:
            return None, None
        return nd.span_range(nd.ymd(y, month, d1), nd.ymd(y, month, d2)), None
    if name == "month_relative_year":
        unit, off = r.relative[g["rel"].lower()]
        return (nd.ymd(py + off, month) if py else None), None
    if name == "month_demonstrative":
        return nd.month_in_context(month, published), None
    if name == "weekday_relative":
        mode, off = r.wd_before[g["wb"].lower()] if g.get("wb") else r.wd_after[g["wa"].lower()]
        return nd.weekday_relative(r.weekdays[g["wd"].lower()], mode, off, published), None
    if name == "mod_month":
        return nd.month_in_context(month, published), r.mods[_mod_key(r, g["mod"])]
    if name == "month_name_numeric":
        day = _num(g.get("d"))
        return nd.ymd(year or py, month, day) if (year or py) else None, None
    if name == "quarter_year_first":
        return nd.quarter(year, int(g["q"])), None
    if name == "half_year_first":
        return nd.half(year, int(g["h"])), None
    if name == "year_month_numeric":
        return nd.ymd(year, int(g["mm"])), None
    if name in ("numeric_date_yy", "numeric_yearless"):
        a, b = int(g["a"]), int(g["b"])
        day, mon = (a, b) if (r.lang == "fr" or a > 12) else (b, a)
        y = nd.expand_year(g["yy"], pivot=py) if g.get("yy") else py
        return nd.ymd(y, mon, day), None
    if name == "month_year":
        return (nd.ymd(year, month) if year and 1000 <= year <= 2999 else None), None
    if name == "month_relative":
        return nd.month_relative(month, r.data["month_relative"][g["mrel"].lower()], published), None
    if name == "day_month_relative":
        return nd.day_month_relative(month, _day(g.get("d"), r), r.data["month_relative"][g["mrel"].lower()], published), None
    if name in ("quarter_words", "half_words"):
        n = r.ordinals.get(g["ord"].lower())
        if name == "quarter_words":
            return nd.quarter(year or nd.period_year(n, 3, published), n), None
        h = 2 if n and n > 1 else n
        return nd.half(year or nd.period_year(h, 6, published), h), None
    if name == "fiscal_year":
        y = year if year else (nd.expand_year(g["yy"]) if g.get("yy") else None)
        return nd.ymd(y), None
    if name == "decade":
        dec = int(g["dec"])
        return f"{dec}/{dec + 9}", None
    if name == "mod_month_year":
        return nd.ymd(year, month), r.mods[_mod_key(r, g["mod"])]
    if name == "mod_year":
        return nd.ymd(year), r.mods[_mod_key(r, g["mod"])]
    if name == "quarter_abbrev":
        y = year or (nd.expand_year(g["yy"]) if g.get("yy") else nd.period_year(int(g["q"]), 3, published))
        return nd.quarter(y, int(g["q"])), None
    if name == "half_abbrev":
        y = year or (nd.expand_year(g["yy"]) if g.get("yy") else nd.period_year(int(g["h"]), 6, published))
        return nd.half(y, int(g["h"])), None
    if name in ("year_range", "year_range_words"):
        y1, y2 = g["y1"], g["y2"]
        if len(y2) == 2:
            y2 = y1[:2] + y2
        if int(y2) <= int(y1):
            return None, None
        return nd.span_range(y1, y2), None
    if name == "relative":
        unit, off = r.relative[g["rel"].lower()]
        return nd.relative(unit, off, published), None
    if name == "mod_relative":
        unit, off = r.relative[g["rel"].lower()]
        return nd.relative(unit, off, published), r.mods[_mod_key(r, g["mod"])]
    if name == "period_no_value":
        return None, None  # a week or a season has no value form (docs/spec.md 6.1)
    if name == "ago":
        unit = r.data["ago"]["units"][g["u"].lower()]
        n = _count(g["n"], r.lang)
        return (nd.relative(unit, -n, published) if unit != "week" and n else None), None
    if name in ("numeric_date", "numeric_date_spaced"):
        a, b = int(g["a"]), int(g["b"])
        day, mon = (a, b) if (r.lang == "fr" or a > 12) else (b, a)
        return nd.ymd(year, mon, day), None
    if name in ("iso_date", "iso_date_spaced"):
        return nd.ymd(year, int(g["mm"]), int(g["dd"])), None
    if name == "holiday":
        return nd.holiday(r.holidays[g["hol"].lower()], year or py), None
    if name == "weekday":
        return nd.weekday(r.weekdays[g["wd"].lower()], published), None
    if name == "month_alone":
        return nd.month_in_context(month, published), None
    if name == "year":
        return nd.ymd(year), None
    return None, None


def _day(g: str | None, r: DateRules) -> int | None:
    """The day of the month in digits ("23", "1er", "4th") or words ("premier", "fourth", "vingt-cinq")."""
    if not g:
        return None
    word = re.sub(r"[ \u00a0]+", " ", g.lower())
    return r.day_words[word] if word in r.day_words else _num(g)


def _mod_key(r: DateRules, found: str) -> str:
    low = found.lower()
    return next(k for k in r.mods if k.lower() == low)


def keep(name: str, m: re.Match, text: str, r: DateRules, header_end: int) -> bool:
    """Context checks that patterns cannot express."""
    start = m.start()
    if start < header_end:
        return False
    before = text[max(header_end, start - 40):start]
    word_before = re.search(r"([\w'’&.-]+)[ \u00a0]*$", before)
    prev = re.sub(r"^\w['’]", "", word_before.group(1)) if word_before else ""
    if name in ("year", "year_range", "fiscal_year") and prev:
        # "Agenda 2030", "Plan 2025", "Vision 2030": a year after a capitalised
        # word that is not a date word belongs to a name
        low = prev.lower().strip("'’")
        if prev[0].isupper() and low not in r.prepositions and low not in r.months \
                and not low.endswith(("'", "’")) and not prev.isupper():
            return False
        if prev.isupper() and len(prev) > 1 and low not in r.prepositions:
            return False  # "COP 2030", "ISO 2019"
        if prev.lower() in ("n°", "no.", "iso", "scope", "cop", "covid", "sdg", "odd"):
            return False
        if before.rstrip().endswith((":", "#", "n°")):
            return False
    if name in ("quarter_words", "half_words") and not m.group("y") \
            and m.group("ord").lower() in ("last", "final") and not re.search(r"\bthe[ \u00a0]+$", before, re.IGNORECASE):
        return False  # "last quarter" is the previous quarter, "the last quarter" the fourth
    if name == "day_range" and m.group("to").lower() in ("et", "and") and not r.from_words.search(before) \
            and not re.search(r"(?:^|\W)(?:les|ces|the|on)[ \u00a0]+$", before, re.IGNORECASE):
        return False  # "ces 15 et 16 mars", "on 3 and 4 May" are one date; "2 et 5 mars" alone may be counts
    if name == "numeric_yearless" and not r.yearless_context.search(before):
        return False  # "3/4", "24/7" outside a date context are not dates
    if name == "year_range_words":
        to = m.group("to").lower()
        if to in ("et", "and") and not r.from_words.search(before):
            return False
    if r.lang == "en" and "may" in ((m.groupdict().get("m") or ""), (m.groupdict().get("m1") or ""), (m.groupdict().get("m2") or "")):
        return False  # the modal verb
    if name == "month_alone":
        word = m.group(0)
        if r.lang == "en" and not word[0].isupper():
            return False
        if r.lang == "fr" and word[0].isupper() and not re.search(r"[.!?]\s*$|^\s*$", before):
            return False
        if not r.month_prep.search(before):
            return False
    if name == "relative" and m.group("rel").lower() in ("aujourd'hui", "aujourd’hui", "today"):
        around = text[max(header_end, start - 60):m.end() + 60].lower()
        if any(p in around for p in r.nowadays):
            return False
        sentence_initial = re.search(r"(?:^|[.!?:]\s*|\n\s*)$", text[max(header_end, start - 5):start])
        if sentence_initial and text[m.end():m.end() + 1] == "," and not any(v in around for v in r.event_verbs):
            return False  # "Aujourd'hui, 30 % de ..." means nowadays
    if name == "weekday" and r.lang == "fr" and m.group(0)[0].isupper() and prev:
        return False
    if name == "relative" and r.data["duration_before_relative"] and prev.lower() in r.data["duration_before_relative"] \
            and m.group("rel").lower().startswith(("last", "past")):
        return False  # "in the last year", "over the last year": a duration
    if name == "period_no_value":
        nxt = re.match(r"[ \u00a0]+([\w]+)", text[m.end():m.end() + 20])
        if prev.lower() in ("of", "de") or nxt and nxt.group(1).lower() in r.weekday_words:
            return False  # "this week Monday", "tuesday of next week": the weekday's date, read by its own rule
    if name == "holiday" and not m.groupdict().get("y"):
        after = re.match(r"[ \u00a0]+([\w-]+)", text[m.end():m.end() + 30])
        if after and after.group(1).lower() in r.habitual_after or r.habitual_before_re.search(before):
            return False  # "every Christmas", "a Christmas card campaign": habitual, no date
    return True


def windows(text: str, anchor_re: re.Pattern, before: int = 40, after: int = 60) -> list[tuple[int, int]]:
    """Stretches of text around date anchors, ending at whitespace so no word is cut."""
    spans: list[list[int]] = []
    for m in anchor_re.finditer(text):
        start = max(0, m.start() - before)
        end = min(len(text), m.end() + after)
        if spans and start <= spans[-1][1]:
            spans[-1][1] = max(spans[-1][1], end)
        else:
            spans.append([start, end])
    out = []
    for start, end in spans:
        while end < len(text) and not text[end].isspace():
            end += 1
        out.append((start, end))
    return out


def find_dates(doc: Doc, lang: str) -> list[Candidate]:
    text = doc_text(doc)
    r = rules_for(lang)
    published, header_end = parse_header(text)
    found = []
    # month names are rare enough to scan near them only; other anchors (digits, "year") are
    # everywhere in a press text, so those patterns scan the whole text
    month_regions = windows(text, r.month_re, before=40, after=60)
    lower = text.lower()
    for (name, pat), finditer in zip(r.patterns, r.finders, strict=True):
        needed = r.required_words.get(name)
        if needed is not None and not any(w in lower for w in needed):
            continue
        if name in r.needs_month:
            matches = (m for start, end in month_regions for m in finditer(text, start, end))
        else:
            matches = finditer(text)
        for m in matches:
            if not keep(name, m, text, r, header_end):
                continue
            value, mod = resolve(name, m, r, published)
            if value is None and (name in ("year_range", "day_range", "numeric_date_yy", "numeric_yearless",
                                           "year_month_numeric", "month_name_numeric", "numeric_date_spaced",
                                           "iso_date_spaced") or m.groupdict().get("yw") or m.groupdict().get("ys")):
                continue  # the shape matched but the date is impossible ("2015-32", "31/02")
            attrs = {"value": value}
            if mod:
                attrs["mod"] = mod
            # a rule may match a leading preposition to be sure; the span is its "body" then
            start, end = m.span("body") if "body" in pat.groupindex else m.span()
            found.append(Candidate(start, end, "DATE", "dates:" + name, attrs, priority=2))
    # longest first; among equals, the earlier rule in the list wins
    found.sort(key=lambda c: (-c.length, c.start))
    kept: list[Candidate] = []
    taken = Intervals()
    for c in found:
        if not taken.overlaps(c.start, c.end):
            kept.append(c)
            taken.add(c.start, c.end)
    kept = [c for c in kept if not _nowadays(doc, c, text, r)]
    return merge_ranges(text, merge_weekday_dates(text, sorted(kept, key=lambda c: c.start), r), r)


TODAY_WORDS = {"aujourd'hui", "aujourd’hui", "today"}


def _nowadays(doc: Doc, c: Candidate, text: str, r: DateRules) -> bool:
    """'Nous employons aujourd'hui 78 personnes', 'sont aujourd'hui actifs': 'today' with a
    verb of state in the present means nowadays (data/<lang>/dates.json today_state_verbs);
    with a past or future verb, an announcing verb or any other verb it names the day."""
    if text[c.start:c.end].lower() not in TODAY_WORDS:
        return False
    span = doc.char_span(c.start, c.end, alignment_mode="expand")
    if span is None:
        return False
    head = span.root.head
    while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i and head.dep_ != "ROOT":
        head = head.head
    if head.pos_ not in ("VERB", "AUX"):
        # "sont aujourd'hui actifs": the copula hangs under the adjective
        cop = [ch for ch in head.children if ch.dep_ == "cop"]
        if not cop:
            return False
        head = cop[0]
    tense = head.morph.get("Tense")
    auxes = [ch for ch in head.children if ch.dep_.startswith("aux") and ch.dep_ != "aux:pass"]
    finite = [v for v in (head, *auxes) if "Fin" in v.morph.get("VerbForm")]
    if not finite or head.tag_ in ("VB", "VBG"):
        return False  # "to run errands at lunchtime today", "suggesting times today": the day
    if not auxes and ("Past" in tense or head.tag_ in ("VBD", "VBN")) or "Fut" in tense or head.tag_ == "MD":
        return False  # "said today", "financés aujourd'hui": the day of a past event
    if lemma(head).lower() in r.today_state_verbs or head.lower_ in r.today_state_verbs:
        return True
    if auxes and r.data["today_perfect_is_event"] and span.root.head.i == head.i:
        return False  # "has won … today", "has today approved": the day's event in English news
    if {p for v in finite for p in v.morph.get("Person")} & {"1", "2"}:
        return False  # "Je reviendrai aujourd'hui" (a future the parser may read as present): the day
    # present or perfect: the day only for what is announced or done that day ("annonce aujourd'hui",
    # "has today announced", "a remis aujourd'hui"), else by now ("a aujourd'hui franchi toutes les
    # étapes", "17 communes ont adhéré", "qui permettent aujourd'hui")
    sent = span.sent
    around = text[max(sent.start_char, c.start - 60):min(sent.end_char, c.end + 60)].lower()
    return not (lemma(head).lower().startswith(r.event_verbs) or any(v in around for v in r.event_verbs))


WEEKDAY_RULES = ("dates:weekday", "dates:weekday_relative")


def merge_weekday_dates(text: str, dates: list[Candidate], r: DateRules) -> list[Candidate]:
    """A weekday right before a day-precise date names that date: "friday 5/12",
    "this Friday (15/06)", "jeudi, 12/03". The date gives the value; the weekday,
    resolved alone from the publication date, would point to another day."""
    out: list[Candidate] = []
    for c in dates:
        prev = out[-1] if out else None
        value = c.attrs.get("value") or ""
        if prev is not None and prev.rule in WEEKDAY_RULES and len(value) == 10 \
                and r.weekday_date_join.fullmatch(text[prev.end:c.start]):
            end = c.end + 1 if "(" in text[prev.end:c.start] and text[c.end:c.end + 1] == ")" else c.end
            out[-1] = Candidate(prev.start, end, "DATE", "dates:weekday_date", {"value": value}, priority=2)
            continue
        out.append(c)
    return out


def merge_ranges(text: str, dates: list[Candidate], r: DateRules) -> list[Candidate]:
    """Two dates joined by a range word ("Jan-Feb 2017", "10/1/2018 - 10/7/2018") form one range."""
    out: list[Candidate] = []
    for c in dates:
        prev = out[-1] if out else None
        if prev is not None and prev.attrs.get("value") and c.attrs.get("value") and "/" not in prev.attrs["value"] \
                and "/" not in c.attrs["value"] and not prev.attrs.get("mod") and not c.attrs.get("mod"):
            between = text[prev.end:c.start]
            joined = r.range_join.fullmatch(between)
            if joined and (not joined.group("and") or r.from_words.search(text[max(0, prev.start - 12):prev.start])):
                a, b = _range_start(prev, c), c.attrs["value"]
                if len(a) == len(b) and a < b:
                    out[-1] = Candidate(prev.start, c.end, "DATE", "dates:range", {"value": f"{a}/{b}"}, priority=2)
                    continue
        out.append(c)
    return out


YEARLESS_RULES = ("dates:day_month", "dates:numeric_yearless", "dates:month_alone")


def _range_start(prev: Candidate, c: Candidate) -> str:
    """The start of a range takes the year written at its end: "26 June to 28 June 2020",
    "du 3 mars au 5 avril 2021" (a yearless start would take the publication year)."""
    a, b = prev.attrs["value"], c.attrs["value"]
    if prev.rule in YEARLESS_RULES and c.rule not in YEARLESS_RULES and len(a) >= 7 and len(a) == len(b):
        a = b[:4] + a[4:]
        if a >= b:
            a = f"{int(b[:4]) - 1:04d}" + a[4:]
    return a


@Language.factory("csr_dates", default_config={})
def make_dates(nlp: Language, name: str):
    return DateMatcher(nlp.lang)


class DateMatcher:
    """Writes DATE candidates to `doc._.csr_candidates`."""

    def __init__(self, lang: str):
        self.lang = lang
        rules_for(lang)

    def __call__(self, doc: Doc) -> Doc:
        add_candidates(doc, find_dates(doc, self.lang))
        return doc


def _count(word: str, lang: str) -> int | None:
    """'two' -> 2, 'a' -> 1, '200' -> 200 (text2num reads the words)."""
    if word.isdigit():
        return int(word)
    if word.lower() in ("a", "an", "un", "une"):
        return 1
    from text_to_num import text2num
    try:
        return int(text2num(word.lower(), lang))
    except ValueError:
        return None
