"""A faster stand-in for a model's AttributeRuler, with the same rules and the same result.

The English model maps tags to POS and morphology with an AttributeRuler of
179 rules. spaCy runs them through a Matcher and then sets attributes match
by match in Python, which costs about as much as the parser (about 15 ms
per English press text here). Almost all of those rules look at one token
only (its tag, lower form, dependency, whether it is a space), so here a
token's attributes are looked up once per distinct (tag, dep, is_space and
the lower form if a rule names it) and cached; only the few rules that
cannot be indexed that way (multi-token patterns) still go through a
Matcher.

The semantics are the AttributeRuler's: every matching rule applies, in the
order the rules were added, so a later rule wins on the attribute it sets.
`tests/test_attributes.py` checks POS, MORPH and LEMMA against the model's
own ruler.
"""
from __future__ import annotations

import re

from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.tokens._retokenize import normalize_token_attrs, set_token_attrs

# token attributes a single-token rule may test on the fast path
FAST_KEYS = ("TAG", "LOWER", "DEP", "IS_SPACE")
# distinct (tag, lower, dep, is_space) kept; past this the cache starts again, so memory stays flat
CACHE_SIZE = 100_000


def _value_test(value):
    """A predicate for one Matcher pattern value, or None if it is not supported here."""
    if not isinstance(value, dict):
        return lambda v, want=value: v == want
    if len(value) != 1:
        return None
    (op, arg), = value.items()
    if op == "IN":
        members = frozenset(arg)
        return lambda v: v in members
    if op == "NOT_IN":
        members = frozenset(arg)
        return lambda v: v not in members
    if op == "REGEX":
        rx = re.compile(arg)
        return lambda v: isinstance(v, str) and rx.search(v) is not None
    return None


def _token_test(pattern_token: dict):
    """A predicate on token features (FAST_KEYS order), or None if the pattern is not supported here."""
    tests = []
    for key, value in pattern_token.items():
        if key not in FAST_KEYS:
            return None
        test = _value_test(value)
        if test is None:
            return None
        tests.append((FAST_KEYS.index(key), test))
    return lambda features: all(test(features[i]) for i, test in tests)


class FastAttributeRuler:
    """Applies AttributeRuler patterns (the `patterns` property's format)."""

    def __init__(self, nlp: Language, name: str = "csr_attributes"):
        self.name = name
        self.vocab = nlp.vocab
        self.attrs: list[dict] = []
        self.single: list[tuple[int, object]] = []  # (rule id, test on token features)
        self.matcher = Matcher(nlp.vocab)
        self.indices: dict[str, tuple[int, int]] = {}  # matcher key -> (rule id, token index)
        self._lowers: set[str] = set()  # every lower form a rule names (==, IN, NOT_IN)
        self._lower_regexes: list[re.Pattern] = []
        self._cache: dict[tuple, tuple] = {}
        self._lower_keys: dict[int, object] = {}  # LOWER hash -> _lower_key

    def add_patterns(self, patterns) -> None:
        for rule in patterns:
            rule_id = len(self.attrs)
            self.attrs.append(normalize_token_attrs(self.vocab, rule["attrs"]))
            index = rule.get("index", 0)
            slow = []
            for pattern in rule["patterns"]:
                compiled = _token_test(pattern[0]) if len(pattern) == 1 and index in (0, -1) else None
                if compiled is None:
                    slow.append(pattern)
                else:
                    self.single.append((rule_id, compiled))
                for token in pattern:
                    self._note_lower(token.get("LOWER"))
            if slow:
                key = f"csr_attr_{rule_id}"
                self.matcher.add(key, slow)
                self.indices[key] = (rule_id, index)
        self._cache.clear()
        self._lower_keys.clear()

    def _note_lower(self, value) -> None:
        if isinstance(value, str):
            self._lowers.add(value)
        elif isinstance(value, dict):
            for op, arg in value.items():
                if op == "REGEX":
                    self._lower_regexes.append(re.compile(arg))
                elif op in ("IN", "NOT_IN"):
                    self._lowers.update(arg)

    def _merged(self, rule_ids) -> dict:
        merged: dict = {}
        for rule_id in sorted(rule_ids):
            merged.update(self.attrs[rule_id])
        return merged

    def _lower_key(self, lower: str):
        """What of a lower form any rule can see: the form if a rule names it, else its regex results.

        Keeps the cache to a few thousand keys however many words go through.
        """
        if lower in self._lowers:
            return lower
        return tuple(rx.search(lower) is not None for rx in self._lower_regexes)

    def _rules(self, tag: int, lower: int, dep: int, is_space: int) -> tuple:
        """(rule ids, merged attributes) for a token's TAG, LOWER, DEP and IS_SPACE values
        (`Doc.to_array` integers: string hashes, 0 for an unset tag or dependency)."""
        lower_keys = self._lower_keys
        lower_key = lower_keys.get(lower)
        if lower_key is None:
            if len(lower_keys) >= CACHE_SIZE:
                lower_keys.clear()
            lower_key = lower_keys[lower] = self._lower_key(self.vocab.strings[lower])
        key = (tag, lower_key, dep, is_space)
        cache = self._cache
        found = cache.get(key)
        if found is None:
            if len(cache) >= CACHE_SIZE:
                cache.clear()
            strings = self.vocab.strings
            features = (strings[tag], strings[lower], strings[dep], bool(is_space))
            rule_ids = tuple(rule_id for rule_id, test in self.single if test(features))
            found = cache[key] = (rule_ids, self._merged(rule_ids))
        return found

    def __call__(self, doc: Doc) -> Doc:
        extra: dict[int, list[int]] = {}
        if self.indices:
            strings = self.vocab.strings
            for match_id, start, end in self.matcher(doc, allow_missing=True):
                rule_id, index = self.indices[strings[match_id]]
                extra.setdefault(doc[start:end][index].i, []).append(rule_id)
        # the token features as integers, read once: no Token object and no string per token
        rules = self._rules
        for i, (tag, lower, dep, is_space) in enumerate(doc.to_array([TAG, LOWER, DEP, IS_SPACE]).tolist()):
            rule_ids, attrs = rules(tag, lower, dep, is_space)
            if i in extra:
                set_token_attrs(doc[i], self._merged(rule_ids + tuple(extra[i])))
            elif attrs:
                set_token_attrs(doc[i], attrs)
        return doc


@Language.factory("csr_attributes")
def make_fast_attribute_ruler(nlp: Language, name: str) -> FastAttributeRuler:
    return FastAttributeRuler(nlp, name)


def replace_attribute_ruler(nlp: Language, name: str = "attribute_ruler") -> None:
    """Swap the model's AttributeRuler for the fast one, same rules, same place."""
    if name not in nlp.pipe_names:
        return
    ruler = nlp.get_pipe(name)
    fast = nlp.add_pipe("csr_attributes", after=name)
    fast.add_patterns(ruler.patterns)
    nlp.disable_pipe(name)
