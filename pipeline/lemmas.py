"""Lemmas on demand: the pipeline runs without spaCy's lemmatizer component.

Only a handful of tokens per document need a lemma (counted nouns, governing
verbs), so lemmatising every token costs far more than it gives. The model's
own lemmatizer is kept (disabled) and called for those tokens only; the
result is the same as with the component enabled.
"""
from __future__ import annotations

_LEMMATIZERS: dict[str, object] = {}


def register(lang: str, lemmatizer) -> None:
    _index_as_sets(lemmatizer)
    _LEMMATIZERS[lang] = lemmatizer


def _index_as_sets(lemmatizer) -> None:
    """The models ship `lemma_index` as lists (up to 66,000 French nouns), and the rule
    lemmatizer tests `form in index`: a linear scan, about 1 ms per French token.
    Sets give the same answers."""
    lookups = getattr(lemmatizer, "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return
    table = lookups.get_table("lemma_index")
    for key, forms in list(table.items()):
        if isinstance(forms, list):
            table[key] = frozenset(forms)


def lemma(tok) -> str:
    """The token's lemma, computed once with the model's lemmatizer."""
    if tok.lemma_:
        return tok.lemma_
    lemmatizer = _LEMMATIZERS.get(tok.doc.lang_)
    if lemmatizer is None:
        return tok.text
    forms = lemmatizer.lemmatize(tok)
    tok.lemma_ = forms[0] if forms else tok.text
    return tok.lemma_


def _lookup_table(lang: str, name: str):
    """The model lemmatizer's lookup table `name` ("lemma_index", "lemma_lookup"), or None."""
    lookups = getattr(_LEMMATIZERS.get(lang), "lookups", None)
    return lookups.get_table(name) if lookups is not None and lookups.has_table(name) else None


def _in_lemma_index(lang: str, word: str, parts: tuple[str, ...]) -> bool:
    """`word` (lower case, or with a plural s/x) is listed under one of `parts` in the model's
    lemma tables; False when the model has none."""
    index = _lookup_table(lang, "lemma_index")
    if index is None:
        return False
    return any(word in forms or word.rstrip("sx") in forms for pos in parts if (forms := index.get(pos)))


def is_common_noun(lang: str, word: str) -> bool:
    """`word` (lower case) is a noun of the model's lemma tables: "carbon", "environnement".
    A name ending in one is not a person's ("Crowley Carbon", "Chamois Environnement")."""
    return _in_lemma_index(lang, word, ("noun",))


def is_common_word(lang: str, word: str) -> bool:
    """`word` (lower case) is a noun, adjective or verb of the model's lemma tables: a shouted
    "GENEROUS" opening a lead is a word, not a name."""
    return _in_lemma_index(lang, word, ("noun", "adj", "verb"))


def is_inflected_verb(lang: str, word: str) -> bool:
    """`word` (lower case) is a conjugated or participle form of a verb in the model's lookup
    table ("rappelons" -> rappeler, "rachetés" -> racheter): a capitalised one opening a
    sentence is a word, not a name."""
    table = _lookup_table(lang, "lemma_lookup")
    if table is None:
        return False
    lemmas = table.get(word)
    lemmas = [lemmas] if isinstance(lemmas, str) else lemmas or []
    return any(lem != word and lem.endswith(("er", "ir", "re")) for lem in lemmas)
