"""Whole-word search without a regex per word.

Names and head words change with every document, so `re.finditer(rf"\\b{name}\\b")`
compiles a new pattern each time (Python keeps only 512). These give the same
answers as those patterns (`tests/test_textutil.py` checks it against `re`).
"""
from __future__ import annotations

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
