"""Property tests: any text gives a valid record; normalisers never raise."""
import math
import re

from conftest import CORPUS
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.normalize.dates import parse_full_date
from pipeline.normalize.numbers import parse_number
from pipeline.scoring import ISO_DATE

SENTENCES = [s for p in sorted(CORPUS.glob("*.txt"))[:10]
             for s in re.split(r"(?<=[.!?])\s+", p.read_text(encoding="utf-8")) if s.strip()]
TEXTS = st.one_of(
    st.text(max_size=300),
    st.text(alphabet=st.sampled_from(list("0123456789 .,'%€$£-–/:\u00a0\u202fkMmtbn")), max_size=80),
    st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=5).map(" ".join),
    st.tuples(st.sampled_from(["", " date 2022-11 ", " date 2023-03-14 "]), st.text(max_size=100)).map("".join),
)


def valid(rec, text):
    prev = 0
    for s in rec["spans"]:
        assert 0 <= s["start"] < s["end"] <= len(text)
        assert text[s["start"]:s["end"]] == s["text"]
        assert s["start"] >= prev
        prev = s["end"]
        if s["label"] == "DATE":
            assert s["value"] is None or ISO_DATE.match(s["value"])
        elif s["label"] != "ORG":
            assert isinstance(s["value"], (int, float)) and math.isfinite(s["value"])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXTS, lang=st.sampled_from(["fr", "en", None]))
def test_extraction_never_raises(text, lang):
    """Arbitrary text, digits and shuffled corpus sentences give valid records."""
    from pipeline import extract_text
    rec = extract_text(text, lang=lang)
    valid(rec, text)


@given(st.text(max_size=40), st.sampled_from(["fr", "en"]))
def test_parse_number_total(text, lang):
    """parse_number returns None or a finite number for any string."""
    v = parse_number(text, lang)
    assert v is None or math.isfinite(v)


@given(st.integers(min_value=0, max_value=10**12))
def test_number_round_trip(n):
    """Numbers formatted the French/Belgian/Swiss and English ways parse back."""
    en = f"{n:,}"
    assert parse_number(en, "en") == n
    for sep in (".", " ", "\u00a0", "\u202f", "'"):
        assert parse_number(en.replace(",", sep), "fr") == n


@given(st.floats(min_value=0, max_value=1e6, allow_nan=False).map(lambda x: round(x, 2)))
def test_decimal_round_trip(x):
    """Decimals with ',' (fr) and '.' (en) parse back."""
    assert parse_number(f"{x:.2f}", "en") == float(f"{x:.2f}")
    assert parse_number(f"{x:.2f}".replace(".", ","), "fr") == float(f"{x:.2f}")


@settings(max_examples=30, deadline=None)
@given(st.text(max_size=30), st.sampled_from(["fr", "en"]))
def test_parse_full_date_total(text, lang):
    """The dateparser wrapper never raises."""
    v = parse_full_date(text, lang)
    assert v is None or re.match(r"^\d{4}-\d{2}-\d{2}$", v)
