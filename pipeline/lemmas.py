"""Lemmas on demand: the pipeline runs without spaCy's lemmatizer component.

Only a handful of tokens per document need a lemma (counted nouns, governing
verbs), so lemmatising every token costs far more than it gives. The model's
own lemmatizer is kept (disabled) and called for those tokens only; the
result is the same as with the component enabled.
"""
from __future__ import annotations

_LEMMATIZERS: dict[str, object] = {}


def register(lang: str, lemmatizer) -> None:
    _LEMMATIZERS[lang] = lemmatizer


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
