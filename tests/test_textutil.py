"""Whole-word search agrees with the regexes it replaces."""
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.textutil import has_word, whole_matches

ALPHABET = "ab_ é1#@-'’ .\n"
texts = st.text(alphabet=ALPHABET, max_size=30)
needles = st.text(alphabet=ALPHABET, min_size=1, max_size=4)


@given(texts, needles)
def test_whole_matches_is_the_regex(text, needle):
    expected = [m.span() for m in re.finditer(rf"(?<![\w#@]){re.escape(needle)}(?![\w])", text)]
    assert list(whole_matches(text, needle, not_after="#@")) == expected


@given(texts, needles)
def test_has_word_is_the_regex(text, needle):
    assert has_word(text, needle) == bool(re.search(rf"\b{re.escape(needle)}\b", text))


@pytest.mark.parametrize("text,needle,expected", [
    ("Lumio Pay and Lumio Pay SRL", "Lumio Pay", [(0, 9), (14, 23)]),
    ("#Lumio and @Lumio and Lumio", "Lumio", [(22, 27)]),
    ("Lumiorama", "Lumio", []),
    ("Électrabel, Électrabel", "Électrabel", [(0, 10), (12, 22)]),
])
def test_whole_matches_examples(text, needle, expected):
    assert list(whole_matches(text, needle, not_after="#@")) == expected


@pytest.mark.parametrize("text,word,expected", [
    ("green alliance for climate", "alliance", True),
    ("alliances", "alliance", False),
    ("l'alliance", "alliance", True),
    ("", "alliance", False),
])
def test_has_word_examples(text, word, expected):
    assert has_word(text, word) is expected
