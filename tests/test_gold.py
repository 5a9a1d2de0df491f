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


SPLITS = json.loads((GOLD / "splits.json").read_text())
REAL = set(SPLITS.get("real-dev", [])) | set(SPLITS.get("real-test", []))
WRITTEN = set(SPLITS["dev"]) | set(SPLITS["test"])


def test_corpus_size_and_languages():
    """At least 20 texts per language, each labelled; written texts 1,500-4,000 characters."""
    texts = sorted(CORPUS.glob("*.txt"))
    assert len([p for p in texts if p.name.startswith("fr-")]) >= 20
    assert len([p for p in texts if p.name.startswith("en-")]) >= 20
    for p in texts:
        assert p.stem in RECORDS
        if p.stem in WRITTEN:
            assert 1500 <= len(read_document(p).text) <= 4000, p.name
        else:
            assert 400 <= len(read_document(p).text) <= 6000, p.name


def test_split():
    """Written texts split dev/test, real press real-dev/real-test: disjoint, complete, both languages."""
    parts = ["dev", "test", "real-dev", "real-test"]
    seen: set[str] = set()
    for name in parts:
        ids = set(SPLITS[name])
        assert not ids & seen, name
        seen |= ids
        assert {d[:2] for d in ids} == {"fr", "en"}, name
    assert seen == set(RECORDS)
    assert len(SPLITS["test"]) >= len(WRITTEN) / 4
    assert len(SPLITS["real-test"]) >= len(REAL) * 0.4


def test_real_press_size():
    """At least 40 real published texts, at least 20 per language."""
    assert len(REAL) >= 40
    for lang in ("fr", "en"):
        assert len([d for d in REAL if d.startswith(lang)]) >= 20
