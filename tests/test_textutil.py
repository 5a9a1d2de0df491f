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


from conftest import CORPUS  # noqa: E402

from pipeline.textutil import finditer_fast  # noqa: E402


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_fast_finditer_finds_what_finditer_finds(lang):
    from pipeline.components.dates import rules_for
    rules = rules_for(lang)
    texts = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))[::4]]
    for (_name, pat), finditer in zip(rules.patterns, rules.finders, strict=True):
        for text in texts:
            assert [m.span() for m in finditer(text)] == [m.span() for m in pat.finditer(text)]
            window = (len(text) // 3, 2 * len(text) // 3)
            assert [m.span() for m in finditer(text, *window)] == [m.span() for m in pat.finditer(text, *window)]


def test_fast_path_taken_only_for_lookbehind_then_digit():
    year = re.compile(r"(?<![\w/])(?P<y>(?:19|20)\d\d)(?!\d)")
    assert finditer_fast(year) is not year.finditer
    word = re.compile(r"(?<!\w)(?:next|last) year")
    assert finditer_fast(word) == word.finditer


@given(st.text(alphabet="12/a -09", max_size=25))
def test_fast_finditer_on_random_text(text):
    pat = re.compile(r"(?<![\w/-])(?P<a>\d{1,2})/(?P<b>\d{1,2})(?![\w/])")
    assert [m.span() for m in finditer_fast(pat)(text)] == [m.span() for m in pat.finditer(text)]


from pipeline.textutil import alternation, alternation_trie  # noqa: E402

# few letters, so that words are often prefixes of one another; regex metacharacters escaped
WORD_ALPHABET = "ab.(é"
words = st.lists(st.text(alphabet=WORD_ALPHABET, min_size=1, max_size=4), max_size=10)


@given(words, st.text(alphabet=WORD_ALPHABET + " -x", max_size=30))
def test_alternation_trie_matches_as_alternation(ws, text):
    """Same spans in every context: bare, between word boundaries, and before a lookahead
    that fails and makes the group backtrack to a shorter word."""
    for before, after in (("", ""), (r"(?<![\w#@])", r"(?![\w])"), ("", r"(?=[ .-])"), ("", "b")):
        expected = [m.span() for m in re.finditer(before + alternation(ws) + after, text)]
        assert [m.span() for m in re.finditer(before + alternation_trie(ws) + after, text)] == expected


# letters whose cases re matches in unusual ways: "ſ" and "s", the Kelvin sign and "k",
# dotless and dotted i, sharp s and its capital
CASE_ALPHABET = "aAsSſkK\u212aiIıİßẞé.("
case_words = st.lists(st.text(alphabet=CASE_ALPHABET, min_size=1, max_size=3), max_size=10)


@given(case_words, st.text(alphabet=CASE_ALPHABET + " x", max_size=25))
def test_alternation_trie_ignorecase_matches_as_alternation(ws, text):
    for before, after in (("", ""), (r"(?<!\w)", r"(?!\w)"), ("", "a")):
        expected = [m.span() for m in re.finditer(before + alternation(ws) + after, text, re.IGNORECASE)]
        found = re.finditer(before + alternation_trie(ws, ignorecase=True) + after, text, re.IGNORECASE)
        assert [m.span() for m in found] == expected


def test_alternation_trie_ignorecase_shares_branches():
    """"Mars", "MARS" and "mai" share their first branch under IGNORECASE; a case-sensitive
    tree keeps "M" and "m" apart."""
    assert alternation_trie(["Mars", "MARS", "mai"], ignorecase=True) == "(?:MA(?:RS|i))"
    assert alternation_trie(["Mars", "mai"]) == "(?:Mars|mai)"
    assert alternation_trie(["quarter"]) == "(?:quarter)"  # always a group, as `alternation` gives
    assert alternation_trie([]) == "(?!)" == alternation_trie([], ignorecase=True)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_gazetteer_trie_finds_what_the_alternation_finds(lang):
    from pipeline.components.orgs import rules_for
    rules = rules_for(lang)
    plain = re.compile(r"(?<![\w#@])" + alternation(rules.gazetteer) + r"(?![\w])")
    for path in sorted(CORPUS.glob(f"{lang}-*.txt")):
        text = path.read_text(encoding="utf-8")
        assert [m.span() for m in rules.gazetteer_re.finditer(text)] == [m.span() for m in plain.finditer(text)]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_date_patterns_as_trees_find_what_word_lists_find(lang, monkeypatch):
    """Every date rule finds the same matches (spans and groups) with its word lists written
    as prefix trees as with plain alternations."""
    from pipeline.components import date_patterns
    trees = date_patterns.DateRules(lang)
    monkeypatch.setattr(date_patterns, "_alt", alternation)
    lists = date_patterns.DateRules(lang)
    assert [name for name, _p in trees.patterns] == [name for name, _p in lists.patterns]
    assert trees.needs_month == lists.needs_month
    texts = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob(f"{lang}-*.txt"))]
    for (_name, tree), (_name2, plain) in zip(trees.patterns, lists.patterns, strict=True):
        for text in texts:
            assert [(m.span(), m.groupdict()) for m in tree.finditer(text)] == \
                [(m.span(), m.groupdict()) for m in plain.finditer(text)]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_figure_word_lists_as_trees_find_what_word_lists_find(lang):
    """The figure patterns that scan a whole text with a prefix tree find what the word lists find."""
    from pipeline.components.figure_rules import FigureRules, _alt
    rules = FigureRules(lang)
    codes = _alt(rules.iso_codes, boundary=False)
    plain = {"code_glued_re": re.compile(r"(?<![\w$])(?i:" + codes + r")\$?(?=\d)"),
             "cur_prefix_re": re.compile("(?P<w>" + _alt(rules.cur_prefix, boundary=False) + "|(?i:" + codes
                                         + r")\$?)[ \u00a0\u202f]?$"),
             "fraction_word_re": re.compile(r"(?<![\w-])" + _alt(rules.fractions), re.IGNORECASE)}
    for path in sorted(CORPUS.glob(f"{lang}-*.txt")):
        text = path.read_text(encoding="utf-8")
        for name, pat in plain.items():
            tree = getattr(rules, name)
            assert [m.span() for m in tree.finditer(text)] == [m.span() for m in pat.finditer(text)]
            if name == "cur_prefix_re":  # searched in the few characters before a figure
                for end in range(0, len(text), 7):
                    before = text[max(0, end - 12):end]
                    assert _span(tree.search(before)) == _span(pat.search(before))


def _span(m):
    return m.span() if m else None


@pytest.mark.parametrize("a,b,same", [
    ("Saint-Feuillen", "Saint-Feuillien", True),
    ("Hydro-Magog", "Hydro Magog", True),
    ("Proximus", "Proximis", True),
    ("Engie", "Engi", False),  # too short to call a typo
    ("Abcdefgh", "Abcdefhg", False),  # two letters swapped: two edits
    ("Caritas", "Karitas", False),  # another first letter
])
def test_one_edit_apart(a, b, same):
    from pipeline.textutil import one_edit_apart
    assert one_edit_apart(a, b) is same
