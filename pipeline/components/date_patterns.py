"""Per-language DATE patterns: (rule name, regex) pairs built from `dates.json`.

Month, weekday, ordinal, relative and modifier words come from the language's
data file; each rule's regex is assembled here once per language, and the
context words the matcher checks (prepositions, range joins) are compiled
alongside. `dates.py` runs the patterns; this module only builds them.
"""
from __future__ import annotations

import re
from functools import cache

from ..resources import load
from ..textutil import alternation_trie, finditer_fast


def _alt(words) -> str:
    """Any of `words`, longest first, as a prefix tree: every date regex is compiled with
    IGNORECASE, and the tree scans faster than a list of words (textutil.alternation_trie)."""
    return alternation_trie(words, ignorecase=True)


Y = r"(?:19|20)\d\d"
SP = r"[ \u00a0]+"


class DateRules:
    """Compiled (rule name, regex) pairs for one language."""

    def __init__(self, lang: str):
        self.lang = lang
        d = load(lang, "dates")
        self.data = d
        self.months = {k.lower(): v for k, v in d["months"].items()}
        self.weekdays = d["weekdays"]
        self.ordinals = d["ordinals"]
        self.relative = {k.lower(): v for k, v in d["relative"].items()}
        self.mods = d["mods"]
        self.prepositions = {p.lower() for p in d["prepositions"]}
        self.weekday_words = {w.lower() for w in self.weekdays}
        # "every Christmas", "a Christmas card campaign": a holiday that recurs is no date
        self.habitual_after = set(d["habitual_holiday"]["after"])
        self.habitual_before_re = re.compile(
            r"(?:^|\W)(?:" + "|".join(map(re.escape, d["habitual_holiday"]["before"])) + r")[ \u00a0]+$", re.IGNORECASE)
        M = "(?P<m>" + _alt(self.months) + r")(?!\w)"
        M1, M2 = M.replace("?P<m>", "?P<m1>"), M.replace("?P<m>", "?P<m2>")
        WD = "(?P<wd>" + _alt(self.weekdays) + r")"
        ORD = "(?P<ord>" + _alt(self.ordinals) + ")"
        self.day_words = {k.lower(): v for k, v in d["day_words"].items()}
        self.day_words.update({k.lower(): v for k, v in d["day_words_after_month"].items()})
        DW = r"|(?<![\w-])" + _alt(d["day_words"]) + r"(?![\w-])" if d["day_words"] else ""
        DWM = r"|(?<![\w-])" + _alt(d["day_words_after_month"]) + r"(?![\w-])" if d["day_words_after_month"] else ""
        if lang == "fr":
            D = r"(?P<d>(?<![\d.,])(?:[12]\d|3[01]|0?[1-9])(?:er)?(?!\d)" + DW + ")"
        else:
            D = r"(?P<d>(?<![\d.,])(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d)" + DW + ")"
        DM = D[:-1] + DWM + ")"  # after a month, cardinal words too ("May twenty nine")
        # a day in words right after a month ends the clause: "May twenty nine." but not
        # "in May twenty firms" nor "March first quarter"
        DMW = "(?P<d>" + (DW + DWM)[1:] + r")(?=[ \u00a0]*(?:[.,;:!?)]|$))"
        D1, D2 = D.replace("?P<d>", "?P<d1>"), D.replace("?P<d>", "?P<d2>")
        # a year spelled out ("nineteen seventy two", "two thousand and five"), read
        # only after a month: alone, such words are a count far more often
        yw = _alt(d["year_words"])
        YW = (r"(?P<yw>(?<![\w-])" + yw + r"(?:(?:[ \u00a0-]+(?:" + _alt(d["year_words_and"]) + r"[ \u00a0]+)?)"
              + yw + r"){0,6})(?![\w-])")
        dto = _alt(d["day_range_to"])
        YY = r"(?P<y>" + Y + r")(?![\d\w])"
        YX = rf"(?:{YY}|{YW})"  # a year in digits or in words
        # a two-digit year above 31 cannot be a day: "juillet 98", "April of 87"
        YYS = r"(?P<ys>['’]\d\d|3[2-9]|[4-9]\d)(?![\d\w]|[ \u00a0]?%|[.,]\d)"
        hol = "(?P<hol>" + _alt(d["holidays"]) + ")"
        mod_words = "(?P<mod>" + _alt(self.mods) + ")"
        to_words = _alt([w for w in d["range_words"]["to"] if w.isalpha()])
        qw, hw = _alt(d["quarter_words"]), _alt(d["half_words"])
        qa, ha = _alt(d["quarter_abbrev"]), _alt(d["half_abbrev"])
        yl = "(?:" + "|".join(re.escape(x) + r"[ \u00a0]+" for x in d["year_link"] if x) + ")?"
        fiscal = _alt(d["fiscal_words"])
        rel = "(?P<rel>" + _alt(self.relative) + r")(?!\w)"
        mrel = _alt(d["month_relative"])
        rel_year = "(?P<rel>" + _alt(k for k, v in self.relative.items() if v[0] == "year") + r")(?!\w)"
        self.holidays = {k.lower(): v for k, v in d["holidays"].items()}
        self.wd_before = {k.lower(): v for k, v in d["weekday_relative_before"].items()}
        self.wd_after = {k.lower(): v for k, v in d["weekday_relative_after"].items()}
        self.demo_outside = [w.lower() for w in d["weekday_demonstratives_outside"]]
        self.today_state_verbs = set(d["today_state_verbs"])
        demo = _alt(d["month_demonstratives"])
        from_w = _alt(d["range_words"]["from"])
        SEP = r"[-/]"
        pats = []
        if lang == "fr":
            pats += [
                ("full_date", rf"(?:{WD}{SP})?{D}{SP}{M}{SP}(?:(?:de|à|en){SP})?{YX}"),
                ("full_date", rf"{M}{SP}{DM}{SP}(?:de{SP})?{YX}"),
                ("full_date", rf"(?:{WD}{SP})?{D}{SP}{M}{SP}(?:de{SP})?{YYS}"),
                ("day_range", rf"{D1}[ \u00a0]*(?P<to>{dto})[ \u00a0]*{D2}{SP}(?:de{SP})?{M}(?:{SP}{YY})?"),
                ("day_month", rf"(?:{WD}{SP})?{D}{SP}{M}(?!{SP}{Y})"),
                ("day_month", rf"{M}{SP}{DMW}"),
                ("month_range", rf"{M1}{SP}(?:{to_words}){SP}{M2}{SP}{YY}"),
                ("month_year", rf"{M}{SP}(?:de l'année{SP}|de l’année{SP})?{YX}"),
                ("month_year", rf"{M}{SP}{YYS}"),
                ("holiday_relative", rf"(?<!\w){hol}{SP}(?P<hra>{_alt(d['holiday_relative_after'])})(?!\w)"),
                ("day_month_relative", rf"{D}{SP}{M}{SP}(?P<mrel>{mrel})(?!\w)"),  # "le 9 août dernier"
                ("month_relative", rf"{M}{SP}(?P<mrel>{mrel})(?!\w)"),
                ("quarter_words", rf"{ORD}{SP}{qw}(?:{SP}{yl}{YY})?"),
                ("half_words", rf"{ORD}{SP}{hw}(?:{SP}{yl}{YY})?"),
                ("fiscal_year", rf"(?P<fw>{fiscal})(?:{SP}fiscal)?{SP}{YY}"),
                ("decade", rf"années{SP}(?P<dec>(?:19|20)\d0)(?!\d)"),
            ]
        else:
            pats += [
                ("full_date", rf"(?:{WD},?{SP})?{M}[ \u00a0]*{DM}[ \u00a0]?,?{SP}(?:of{SP}|in{SP})?{YX}"),
                ("full_date", rf"(?:{WD},?{SP})?{D}{SP}(?:day{SP})?(?:of{SP})?{M},?{SP}(?:of{SP}|in{SP})?{YX}"),
                ("full_date", rf"(?:{WD},?{SP})?{D}{SP}(?:of{SP})?{M},?{SP}(?:of{SP})?{YYS}"),
                ("day_range", rf"{M}{SP}{D1}[ \u00a0]*(?P<to>{dto})[ \u00a0]*{D2}(?:,?{SP}{YY})?(?![\d\w/])"),
                ("day_range", rf"{D1}[ \u00a0]*(?P<to>{dto})[ \u00a0]*{D2}{SP}(?:of{SP})?{M}(?:,?{SP}{YY})?"),
                # "on May 29, the Foundation": a comma before a space ends the date; before a digit it groups thousands
                ("day_month", rf"(?:{WD},?{SP})?{M}{SP}{D}(?!,?{SP}{Y})(?!\d|,\d|\.\d)"),
                ("day_month", rf"(?:{WD},?{SP})?{M}{SP}{DMW}"),
                ("day_month", rf"(?:{WD},?{SP})?{D}{SP}(?:day{SP})?(?:of{SP})?{M}(?!,?{SP}{Y})"),
                ("weekday_day", rf"{WD},?{SP}the{SP}{D}(?![\w-]|{SP}(?:day{SP})?of)"),
                ("month_range", rf"{M1}{SP}(?:{to_words}){SP}{M2},?{SP}{YY}"),
                ("month_year", rf"{M},?{SP}(?:of{SP})?{YX}"),
                ("month_year", rf"{M},?{SP}(?:of{SP})?{YYS}"),
                ("holiday_relative", rf"(?<!\w)(?P<hrb>{_alt(d['holiday_relative_before'])}){SP}{hol}(?!\w)"),
                ("month_relative", rf"(?P<mrel>{mrel}){SP}{M}"),
                ("quarter_words", rf"{ORD}{SP}{qw}(?:{SP}{yl}[ \u00a0]*(?:the{SP})?(?:fiscal{SP}(?:year{SP})?)?{YY})?"),
                ("half_words", rf"{ORD}{SP}{hw}(?:{SP}of{SP}(?:(?:the{SP}year)|{YY}))"),
                ("fiscal_year", rf"(?P<fw>{fiscal})[ \u00a0]?(?:(?P<y>{Y})|(?P<yy>\d\d))(?![\d\w])"),
                ("fiscal_year", rf"{YY}{SP}(?P<fw>fiscal|financial){SP}year"),
                ("decade", r"(?P<dec>(?:19|20)\d0)['’]?s(?!\w)"),
            ]
        pats += [
            ("month_range", rf"{M1}[ \u00a0]?[-–][ \u00a0]?{M2},?{SP}{YY}"),
            ("month_range_yearless", rf"(?<!\w)(?:{from_w}{SP}|d['’])(?P<body>{M1}{SP}(?:{to_words}){SP}{M2})(?!,?{SP}(?:\d|de{SP}\d|of{SP}\d))"),
            ("month_relative_year", rf"{M}{SP}(?:(?:of|de|d['’])[ \u00a0]*)?{rel_year}"),
            ("month_demonstrative", rf"(?<!\w){demo}{SP}{M}"),
            # "ce vendredi" -> `vendredi` (gold/README): the demonstrative stays outside the span
            *([("weekday_relative", rf"(?<!\w)(?P<wb>{_alt(self.demo_outside)}){SP}(?P<body>{WD})(?!\w)")]
              if self.demo_outside else []),
            ("weekday_relative", rf"(?<!\w)(?P<wb>{_alt(set(self.wd_before) - set(self.demo_outside)) if set(self.wd_before) - set(self.demo_outside) else '(?!)'}){SP}{WD}(?!\w)"),
            ("weekday_relative", rf"(?<!\w){WD}{SP}(?P<wa>{_alt(self.wd_after)})(?!\w)"),
            ("mod_month_year", rf"{mod_words}[ \u00a0-]?{M}{SP}{YY}"),
            ("mod_month", rf"{mod_words}[ \u00a0-]?{M}(?!{SP}(?:de{SP}|of{SP})?\d)"),
            ("month_name_numeric", rf"(?<![\w/-]){D}{SEP}{M}{SEP}{YY}"),
            ("month_name_numeric", rf"(?<![\w/-]){YY}{SEP}{M}{SEP}{D}(?![\w/-])"),
            ("month_name_numeric", rf"(?<![\w/-]){M}{SEP}{D}{SEP}{YY}"),
            ("month_name_numeric", rf"(?<![\w/-]){M}{SEP}{YY}"),
            ("month_name_numeric", rf"(?<![\w/-]){M}/{D}(?![\w/-])"),
            ("quarter_year_first", rf"(?<![\w#@/.,:-]){YY}[ \u00a0]?-?[ \u00a0]?(?P<qa>{qa})(?P<q>[1-4])(?![\w-])"),
            ("half_year_first", rf"(?<![\w#@/.,:-]){YY}[ \u00a0]?-?[ \u00a0]?(?P<qa>{ha})(?P<h>[12])(?![\w-])"),
            ("year_month_numeric", r"(?<![\w/.,-])(?P<y>(?:19|20)\d\d)-(?P<mm>0?[1-9]|1[0-2])(?![\d\w-])"),
            ("year_month_numeric", r"(?<![\w/.,-])(?P<mm>0?[1-9]|1[0-2])[-/](?P<y>(?:19|20)\d\d)(?![\d\w-])"),
            ("numeric_date_yy", r"(?<![\d/.])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<yy>\d\d)(?![\d/])"),
            ("numeric_date_yy", r"(?<![\d/.])(?P<a>\d\d)\.(?P<b>\d\d)\.(?P<yy>\d\d)(?![\d.]\d)"),
            ("numeric_yearless", r"(?<![\w/.,-])(?P<a>\d{1,2})/(?P<b>\d{1,2})(?![\w/]|[.,]\d)"),
            ("mod_year", rf"{mod_words}[ \u00a0-]?(?:(?:de l'année|de l’année|d'année|d’année|de){SP})?{YY}"),
            # "end of this month", "early next year", "fin de cette année", "début de l'année prochaine"
            ("mod_relative", rf"{mod_words}[ \u00a0]+(?:(?:of|de|d['’])[ \u00a0]*)?(?P<rel>{_alt(self.relative)})(?![\w'’])"),
            ("quarter_abbrev", rf"(?<![\w-])(?P<qa>{qa})(?P<q>[1-4])(?:(?:{SP}|[ \u00a0]?[-/][ \u00a0]?){YY}|[ \u00a0]?['’](?P<yy>\d\d))?(?![\w-])"),
            ("quarter_abbrev", rf"(?<![\w-])(?P<q>[1-4])(?P<qa>Q|T)[ \u00a0]?(?:{YY}|(?P<yy>\d\d))(?![\w-])"),
            ("half_abbrev", rf"(?<![\w-])(?P<qa>{ha})(?P<h>[12])(?:(?:{SP}|[ \u00a0]?[-/][ \u00a0]?){YY}|[ \u00a0]?['’](?P<yy>\d\d))?(?![\w-])"),
            ("year_range", rf"(?<![\w#@/.,:-])(?P<y1>{Y})[ \u00a0]?[-–—/][ \u00a0]?(?P<y2>{Y}|\d\d)(?![\d\w-])"),
            ("year_range_words", rf"(?<![\w#@/.,:-])(?P<y1>{Y}){SP}(?P<to>{to_words}){SP}(?P<y2>{Y})(?![\d\w-])"),
            *([("year_range", rf"(?<![\w#@/.,:-])(?P<y1>{Y})[ \u00a0]?[-–—/][ \u00a0]?(?P<y2>{Y}|\d\d){SP}"
                              rf"(?i:{_alt(d['fiscal_after_range'])})(?![\w-])")] if d["fiscal_after_range"] else []),
            ("relative", rf"(?<![\w'’]){rel}"),
            ("ago", d["ago"]["pattern"]),
            ("period_no_value", d["periods_without_value"]),
            ("numeric_date", r"(?<![\d/.])(?P<a>\d{1,2})[/.](?P<b>\d{1,2})[/.](?P<y>(?:19|20)\d\d)(?!\d)"),
            ("iso_date", r"(?<![\d-])(?P<y>(?:19|20)\d\d)-(?P<mm>0[1-9]|1[0-2])-(?P<dd>[0-3]\d)(?!\d)"),
            # "02 04 2009", "2016 10 16": numbers apart by one space, a 4-digit year at one end
            ("numeric_date_spaced", r"(?<![\w.,/])(?<!\d )(?P<a>\d{1,2}) (?P<b>\d{1,2}) (?P<y>(?:19|20)\d\d)(?![\w/]|[.,]\d| \d)"),
            ("iso_date_spaced", r"(?<![\w.,/])(?<!\d )(?P<y>(?:19|20)\d\d) (?P<mm>0[1-9]|1[0-2]) (?P<dd>[0-3]\d)(?![\w/]|[.,]\d| \d)"),
            ("holiday", rf"(?<!\w)(?P<hol>{_alt(self.holidays)})(?:{SP}(?:of{SP}|de{SP})?{YY})?(?!\w)"),
            ("weekday", rf"(?<!\w){WD}(?!\w)"),
            ("month_alone", rf"(?<!\w){M}"),
            ("year", rf"(?<![\w#@/.,:°’'-]){YY}(?!-\w|[.,]\d|[ \u00a0]?%)"),
        ]
        self.patterns = [(name, re.compile(p, re.IGNORECASE)) for name, p in pats]
        self.finders = [finditer_fast(pat) for _name, pat in self.patterns]
        # patterns that cannot match unless one of these words is in the text
        weekdays = [w.lower() for w in self.weekdays]
        mods = [w.lower() for w in self.mods]
        self.required_words = {
            "quarter_words": [w.lower() for w in d["quarter_words"]],
            "half_words": [w.lower() for w in d["half_words"]],
            "weekday_day": weekdays, "weekday_relative": weekdays, "weekday": weekdays,
            "mod_year": mods, "mod_month": mods, "mod_month_year": mods, "mod_relative": mods,
            "holiday": [h.lower() for h in d.get("holidays", {})],
            "relative": list(self.relative),
            "ago": [w.lower() for w in d["ago"]["required"]],
        }
        month_alt = _alt(self.months)
        self.month_re = re.compile(r"(?<!\w)" + month_alt + r"(?!\w)", re.IGNORECASE)
        # patterns that cannot match without a month name only look near month names
        self.needs_month = {name for name, p in pats if "(?P<m>" + month_alt in p or "(?P<m1>" + month_alt in p}
        self.from_words = re.compile(r"(?:^|\W)" + _alt(d["range_words"]["from"]) + r"[ \u00a0]+$", re.IGNORECASE)
        self.month_prep = re.compile(
            r"(?:^|\W)(?:en|dès|depuis|d'ici|d’ici|jusqu'en|jusqu’en|fin|début|mi-|mois d'|mois de|in|since|by|until|during|from|early|late|mid-|end of|through|of|à partir d'|à partir de|to|till|à|au|et|and|after|before|après|avant)[ \u00a0]*$",
            re.IGNORECASE)
        self.event_verbs = tuple(d["today_event_verbs"])
        joins = [w for w in d["range_words"]["to"]]
        self.range_join = re.compile(
            r"[ \u00a0]*(?:(?P<and>et|and)|" + "|".join(re.escape(w) for w in joins if w not in ("et", "and")) + r"|~|jusqu'à|jusqu’à|till)[ \u00a0]*",
            re.IGNORECASE)
        self.nowadays = tuple(x.lower() for x in d["today_nowadays_context"])
        self.yearless_context = re.compile(
            r"(?:(?:^|\W)" + _alt(d["yearless_date_context"] + list(self.weekdays)) + r"[ \u00a0]+|^\s*|\d[-–][ \u00a0]?|,[ \u00a0]*)$", re.IGNORECASE)
        self.weekday_date_join = re.compile(r"[ \u00a0]*[,(-]?[ \u00a0]*")


@cache
def rules_for(lang: str) -> DateRules:
    return DateRules(lang)
