"""Date value resolution against the publication date (pure functions)."""
import pytest

from pipeline.normalize import dates as nd


@pytest.mark.parametrize("unit,offset,published,value", [
    ("year", -1, "2022-11", "2021"), ("year", 0, "2022-11", "2022"), ("year", 1, "2022-11", "2023"),
    ("month", -1, "2022-11", "2022-10"), ("month", -1, "2023-01", "2022-12"), ("month", 1, "2022-12", "2023-01"),
    ("quarter", -1, "2023-02", "2022-Q4"), ("quarter", 0, "2023-05", "2023-Q2"),
    ("day", 0, "2023-03-14", "2023-03-14"), ("day", -1, "2023-03-01", "2023-02-28"), ("day", 0, "2023-03", None),
    ("year", -1, None, None),
])
def test_relative(unit, offset, published, value):
    """'last year', 'le mois dernier', 'today' resolve from `published`."""
    assert nd.relative(unit, offset, published) == value


@pytest.mark.parametrize("month,offset,published,value", [
    (4, -1, "2022-11", "2022-04"), (12, -1, "2023-02", "2022-12"), (3, 1, "2022-11", "2023-03"), (4, -1, None, None),
])
def test_month_relative(month, offset, published, value):
    """'avril dernier' is the last April before publication."""
    assert nd.month_relative(month, offset, published) == value


@pytest.mark.parametrize("month,day,offset,published,value", [
    (12, 13, -1, "2024-12-17", "2024-12-13"),  # "13 décembre dernier" in the header's own month, before its day
    (12, 20, -1, "2024-12-17", "2023-12-20"),  # after the header's day: the year before
    (11, 24, -1, "2024-12-17", "2024-11-24"), (1, 10, -1, "2024-12-17", "2024-01-10"),
    (12, 20, 1, "2024-12-17", "2024-12-20"), (12, 10, 1, "2024-12-17", "2025-12-10"),  # "next 20 December"
    (12, 13, -1, "2024-12", "2023-12-13"),  # no day in the header: the month decides, as for "décembre dernier"
    (12, 13, -1, None, None),
])
def test_day_month_relative(month, day, offset, published, value):
    """'le 13 décembre dernier' is the last 13 December before publication."""
    assert nd.day_month_relative(month, day, offset, published) == value


@pytest.mark.parametrize("wd,published,value", [(3, "2022-11-17", "2022-11-17"), (0, "2023-03-14", "2023-03-13"), (0, "2023-03", None)])
def test_weekday(wd, published, value):
    """A weekday is pinned only by a day-precise publication date."""
    assert nd.weekday(wd, published) == value


def test_shapes():
    """Quarters, halves and ranges use SPEC's ISO style."""
    assert nd.quarter(2023, 1) == "2023-Q1"
    assert nd.half(2023, 2) == "2023-H2"
    assert nd.span_range("2019", "2021") == "2019/2021"
    assert nd.ymd(2023, 2, 30) is None
    assert nd.expand_year("'23") == 2023


@pytest.mark.parametrize("text,lang,value", [("15 mars 2023", "fr", "2023-03-15"), ("March 15, 2023", "en", "2023-03-15")])
def test_full_date_through_dateparser(text, lang, value):
    """Full dates in words go through dateparser on the candidate string only."""
    assert nd.parse_full_date(text, lang) == value


@pytest.mark.parametrize("wd,mode,offset,published,value", [
    (4, "week", 1, "2019-01-31", "2019-02-08"), (2, "week", -1, "2019-01-31", "2019-01-23"),
    (4, "week", 0, "2019-01-31", "2019-02-01"), (1, "latest", -1, "2022-11-17", "2022-11-15"),
    (3, "latest", -1, "2022-11-17", "2022-11-10"), (0, "latest", 1, "2022-11-17", "2022-11-21"), (0, "week", 1, "2022-11", None),
])
def test_weekday_relative(wd, mode, offset, published, value):
    """'next Friday' is in the next week; 'mardi dernier' is the latest Tuesday before publication."""
    assert nd.weekday_relative(wd, mode, offset, published) == value


@pytest.mark.parametrize("yy,pivot,year", [("99", 2016, 1999), ("18", 2016, 2018), ("35", 2016, 2035), ("40", 2016, 1940),
                                           ("23", None, 2023)])
def test_two_digit_years(yy, pivot, year):
    """A two-digit year more than 20 years after publication is in the 1900s."""
    assert nd.expand_year(yy, pivot=pivot) == year


@pytest.mark.parametrize("rule,year,value", [("12-25", 2022, "2022-12-25"), ("easter+0", 2018, "2018-04-01"),
                                             ("easter+1", 2019, "2019-04-22"), ("easter-2", 2024, "2024-03-29"),
                                             ("thanksgiving+1", 2010, "2010-11-26"), ("12-25", None, None)])
def test_holidays(rule, year, value):
    """Fixed and movable holidays (Easter, Thanksgiving) in a given year."""
    assert nd.holiday(rule, year) == value


@pytest.mark.parametrize("words,lang,year", [
    ("two thousand and five", "en", 2005), ("nineteen seventy two", "en", 1972), ("seventeen hundred thirty three", "en", 1733),
    ("nineteen oh five", "en", 1905), ("dix neuf soixante douze", "fr", 1972), ("deux mille vingt", "fr", 2020),
    ("thousand and five", "en", None), ("twenty", "en", None),
])
def test_year_from_words(words, lang, year):
    """Years spelled out: one number, or century and year read apart."""
    assert nd.year_from_words(words, lang) == year


@pytest.mark.parametrize("rule,offset,published,value", [
    ("easter+0", -1, "2019-06-05", "2019-04-21"), ("easter+0", -1, "2019-03-01", "2018-04-01"),
    ("easter+0", 1, "2019-06-05", "2020-04-12"), ("01-01", 1, "2019-06-05", "2020-01-01"),
    ("12-25", -1, "2019-06", "2018-12-25"), ("12-25", 0, "2019-06", "2019-12-25"), ("12-25", -1, None, None),
])
def test_holiday_relative(rule, offset, published, value):
    """"last Easter" is the latest one before publication, "next" the first after."""
    assert nd.holiday_relative(rule, offset, published) == value


@pytest.mark.parametrize("n,months,published,year", [
    (4, 3, "2024-02", 2023), (1, 3, "2024-02", 2024), (2, 6, "2023-03", 2022), (1, 6, "2023-03", 2023), (3, 3, None, None),
])
def test_period_year(n, months, published, year):
    """A quarter or half without a year is the latest one started by publication."""
    assert nd.period_year(n, months, published) == year
