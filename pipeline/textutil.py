"""Whole-word search without a regex per word.

Names and head words change with every document, so `re.finditer(rf"\\b{name}\\b")`
compiles a new pattern each time (Python keeps only 512). These give the same
answers as those patterns (`tests/test_textutil.py` checks it against `re`).
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator


def is_word_char(ch: str) -> bool:
    """What `\\w` matches in a str pattern."""
    return ch.isalnum() or ch == "_"


def whole_matches(text: str, needle: str, not_after: str = "") -> Iterator[tuple[int, int]]:
    """Non-overlapping (start, end) of `needle` in `text`, as `(?<![\\w{not_after}])needle(?!\\w)` finds them."""
    if not needle:
        return
    size, pos = len(needle), 0
    while True:
        i = text.find(needle, pos)
        if i < 0:
            return
        before = text[i - 1] if i else ""
        after = text[i + size] if i + size < len(text) else ""
        if (not before or not (is_word_char(before) or before in not_after)) \
                and (not after or not is_word_char(after)):
            yield i, i + size
            pos = i + size
        else:
            pos = i + 1


def has_word(text: str, word: str) -> bool:
    """`re.search(rf"\\b{re.escape(word)}\\b", text) is not None`."""
    if not word:
        return False
    first, last = is_word_char(word[0]), is_word_char(word[-1])
    size, pos = len(word), 0
    while True:
        i = text.find(word, pos)
        if i < 0:
            return False
        before = is_word_char(text[i - 1]) if i else False
        after = is_word_char(text[i + size]) if i + size < len(text) else False
        if before != first and after != last:
            return True
        pos = i + 1


# a pattern that opens with one negative lookbehind on a single character: `(?<![\w#@])`, `(?<!\d)`
_LEADING_LOOKBEHIND = re.compile(r"\(\?<!(\[(?:\\.|[^\]\\])*\]|\\[wd])\)")
# what follows starts with a digit (after group openings): sre can then skip to digits
_DIGIT_START = re.compile(r"(?:\(\?P<\w+>|\(\?:)*(?:\\d|\[\d|\d)")


def finditer_fast(pattern: re.Pattern):
    """A `pattern.finditer(text, pos, endpos)` that is quicker for lookbehind-then-digit patterns.

    Python's regex engine cannot skip ahead to a pattern's first character when
    the pattern opens with a lookbehind, so "(?<![\\w/])(?:19|20)\\d\\d" is tried at
    every position of the text. Searching "(?:19|20)\\d\\d" and checking the
    character before each hit in Python finds the same matches three to four
    times faster. Other patterns get their own `finditer`.
    """
    lead = _LEADING_LOOKBEHIND.match(pattern.pattern)
    if lead is None or not _DIGIT_START.match(pattern.pattern, lead.end()):
        return pattern.finditer
    bad_before = re.compile(lead.group(1), pattern.flags)
    rest = re.compile(pattern.pattern[lead.end():], pattern.flags)

    def finditer(text: str, pos: int = 0, endpos: int | None = None) -> Iterator[re.Match]:
        end = len(text) if endpos is None else endpos
        while True:
            m = rest.search(text, pos, end)
            if m is None:
                return
            start = m.start()
            if start and bad_before.match(text, start - 1, start):
                pos = start + 1
                continue
            yield m
            pos = m.end() if m.end() > start else start + 1

    return finditer


def alternation(words) -> str:
    """A regex group matching any of `words` literally, longest first (so that "de la" wins
    over "de"); a group that matches nothing when `words` is empty."""
    items = sorted(set(words), key=len, reverse=True)
    return "(?:" + "|".join(re.escape(w) for w in items) + ")" if items else "(?!)"


def alternation_trie(words, *, ignorecase: bool = False) -> str:
    """The regex of `alternation(words)`, written as a prefix tree: same matches, much faster scan.

    `alternation` tries its words one after the other at every position of the text
    (about 2 ms a document for a gazetteer of 2,000 names); here each character is
    compared once per branch point ("Banque (?:de France|Postale)"). The words that can
    match at a position are all prefixes of the text there, so both patterns try them
    longest first and agree, also when what follows the group fails and backtracks.

    `ignorecase=True` is for a pattern compiled with IGNORECASE (a str pattern): the tree
    then branches on what each character matches under IGNORECASE, as `re` decides it
    ("M" and "m" share a branch). When that cannot be worked out (another Python) or two
    branches would match a common character, the plain `alternation` is returned.
    """
    words = set(words)
    if not words:
        return "(?!)"
    key = _case_key if ignorecase else str
    if key is None:
        return alternation(words)
    root: dict = {}
    for word in sorted(words):  # sorted: the same pattern text in every process
        node = root
        for ch in word:
            node = node.setdefault(key(ch), (ch, {}))[1]
        node[_END] = None  # a word ends here
    if ignorecase and _overlapping_branches(root):
        return alternation(words)

    def emit(node: dict) -> str:
        # a word ending here is shorter than every word going on: it is tried last
        branches = sorted((value for k, value in node.items() if k is not _END), key=lambda v: v[0])
        parts = [re.escape(ch) + emit(child) for ch, child in branches]
        if _END in node:
            parts.append("")
        return parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"

    tree = emit(root)
    return tree if tree.startswith("(?:") and _one_group(tree) else "(?:" + tree + ")"  # a group, as `alternation` gives


def _one_group(pattern: str) -> bool:
    """`pattern` is a single "(?:...)" group (its first parenthesis closes at its end)."""
    depth, i = 0, 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                return i == len(pattern) - 1
        i += 1
    return False


_END = object()  # the key that marks the end of a word in a tree node


def _ignorecase_tables():
    """What re's compiler uses to match a character under IGNORECASE (CPython), else None."""
    try:
        import _sre

        try:
            from re import _compiler
            fixes = _compiler._EXTRA_CASES
        except (ImportError, AttributeError):  # Python 3.10
            import sre_compile
            fixes = sre_compile._ignorecase_fixes
        return _sre.unicode_iscased, _sre.unicode_tolower, fixes
    except (ImportError, AttributeError):
        return None


_TABLES = _ignorecase_tables()


def _case_key_impl(ch: str):
    """What a pattern character matches under IGNORECASE: itself if it has no case, else every
    character whose lower case is its lower case or one of that letter's extra forms ("ſ" for "s")."""
    iscased, tolower, _fixes = _TABLES
    c = ord(ch)
    return ("=", c) if not iscased(c) else ("~", tolower(c))


_case_key = _case_key_impl if _TABLES else None


def _lower_forms(key) -> set:
    kind, c = key
    return {c} if kind == "=" else {c, *_TABLES[2].get(c, ())}


def _overlapping_branches(node: dict) -> bool:
    """Two branches of one node that a single character of the text could both take."""
    keys = [k for k in node if k is not _END]
    seen: set = set()
    for k in keys:
        forms = _lower_forms(k)
        if seen & forms:
            return True
        seen |= forms
    return any(_overlapping_branches(value[1]) for k, value in node.items() if k is not _END)


def fold(word: str) -> str:
    """Without accents: plain-text feeds and OCR often drop them ("cinquieme"); acronyms drop
    them from the initials they take ("MERN")."""
    return "".join(ch for ch in unicodedata.normalize("NFD", word) if not unicodedata.combining(ch))


def one_edit_apart(a: str, b: str, min_len: int = 7) -> bool:
    """"Saint-Feuillen" and "Saint-Feuillien": one letter added, dropped or changed in a name of
    `min_len` letters or more, the first letter kept: a typo of the same name, not another name."""
    if a == b or min(len(a), len(b)) < min_len or abs(len(a) - len(b)) > 1 or a[0] != b[0]:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i + (len(a) == len(b)):] == b[i + 1:]
