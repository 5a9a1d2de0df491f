"""The gold set is valid, split, and covers both languages."""
import json

import pytest
from conftest import CORPUS, GOLD

from pipeline.reader import read_document
from pipeline.scoring import load_records, validate

RECORDS = load_records(GOLD)


@pytest.mark.parametrize("doc_id", sorted(RECORDS))
def test_gold_file_is_valid(doc_id):
    """Offsets, labels, attributes, facts and canonicals are consistent with the text."""
    rec = RECORDS[doc_id]
    text = read_document(CORPUS / f"{doc_id}.txt").text
    assert validate(rec, text) == []
    assert rec["source"] == f"corpus/{doc_id}.txt"


def test_corpus_size_and_languages():
    """At least 20 texts per language, each 1,500-4,000 characters, all labelled."""
    texts = sorted(CORPUS.glob("*.txt"))
    assert len([p for p in texts if p.name.startswith("fr-")]) >= 20
    assert len([p for p in texts if p.name.startswith("en-")]) >= 20
    for p in texts:
        assert 1500 <= len(read_document(p).text) <= 4000, p.name
        assert p.stem in RECORDS


def test_split():
    """A test split of at least a quarter of the documents, both languages, disjoint from dev."""
    splits = json.loads((GOLD / "splits.json").read_text())
    assert not set(splits["dev"]) & set(splits["test"])
    assert set(splits["dev"]) | set(splits["test"]) == set(RECORDS)
    assert len(splits["test"]) >= len(RECORDS) / 4
    assert {d[:2] for d in splits["test"]} == {"fr", "en"}
