"""Number strings in both languages' conventions."""
import pytest

from pipeline.normalize.numbers import parse_number, tidy


@pytest.mark.parametrize("text,lang,value", [
    ("1.131.110", "fr", 1131110), ("160.000", "fr", 160000), ("1 500", "fr", 1500),
    # English written with space-grouped thousands, as in European-trained copy
    ("5 680", "en", 5680), ("11\u00a0227", "en", 11227), ("1 250 000", "en", 1250000), ("2 500.5", "en", 2500.5),
    ("1\u00a0500", "fr", 1500), ("1\u202f500", "fr", 1500), ("2,5", "fr", 2.5),
    ("40'000", "fr", 40000), ("40’000", "fr", 40000), ("1.234,5", "fr", 1234.5),
    ("12 400,75", "fr", 12400.75), ("1.5", "fr", 1.5), ("-30", "fr", -30), ("0,3", "fr", 0.3),
    ("1,234.5", "en", 1234.5), ("1.2", "en", 1.2), ("12,500", "en", 12500),
    ("1,000,000", "en", 1000000), ("3.5", "en", 3.5), ("7", "en", 7), ("-4.2", "en", -4.2),
    ("2,5", "en", 2.5), (".08", "en", 0.08), (",5", "fr", 0.5),
])
def test_parse_number(text, lang, value):
    """Grouping and decimal marks follow the document's language."""
    assert parse_number(text, lang) == pytest.approx(value)


@pytest.mark.parametrize("text,lang", [("abc", "fr"), ("", "en"), ("1,2,3", "en"), ("..", "fr"), ("-", "en")])
def test_parse_number_rejects(text, lang):
    """Strings that are not numbers give None, never an exception."""
    assert parse_number(text, lang) is None


@pytest.mark.parametrize("value,out", [(3.0, 3), (0.333333, 0.3333), (1500000.0, 1500000), (2.5, 2.5), (1e-12, 1e-12),
                                       (0.00826446, 0.008264)])
def test_tidy(value, out):
    """Integers come out as int, others rounded to 4 decimals (4 significant digits below 1)."""
    assert tidy(value) == out
