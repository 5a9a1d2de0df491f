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
