"""`gold anchor`: drafts become gold files with offsets; missing and ambiguous spans are refused."""
import json

import pytest
from conftest import CORPUS, GOLD

from pipeline.gold import DraftError, anchor, gold_main
from pipeline.reader import read_document

DRAFTS = sorted((GOLD / "drafts").glob("*-real-*.draft.json"))


@pytest.mark.parametrize("draft", DRAFTS, ids=lambda p: p.stem)
def test_real_drafts_anchor_to_their_gold_file(draft):
    """The committed gold of every real text is exactly what its draft anchors to."""
    doc_id = draft.name.removesuffix(".draft.json")
    text = read_document(CORPUS / f"{doc_id}.txt").text
    record = anchor(text, json.loads(draft.read_text(encoding="utf-8")), f"corpus/{doc_id}.txt")
    assert record == json.loads((GOLD / f"{doc_id}.json").read_text(encoding="utf-8"))


TEXT = "Proximus a investi 3 millions d'euros en 2021. Proximus compte 11.000 employés."


def test_anchor_places_spans_in_order():
    draft = {"id": "x", "lang": "fr", "published": None, "spans": [
        {"text": "Proximus", "label": "ORG", "canonical": "Proximus"},
        {"text": "3 millions d'euros", "label": "MONEY", "value": 3000000, "unit": "EUR",
         "fact": {"org": "Proximus", "date": "2021"}},
        {"text": "2021", "label": "DATE", "value": "2021"},
        {"text": "Proximus", "label": "ORG", "canonical": "Proximus"},
        {"text": "11.000", "label": "QUANTITY", "value": 11000, "unit": None, "counted": "employé"}]}
    rec = anchor(TEXT, draft, "corpus/x.txt")
    assert [(s["start"], s["end"]) for s in rec["spans"]] == [(0, 8), (19, 37), (41, 45), (47, 55), (63, 69)]
    assert rec["facts"] == [{"span": [19, 37], "org": "Proximus", "date": "2021"}]


def test_missing_text_is_refused():
    draft = {"spans": [{"text": "Orange", "label": "ORG", "canonical": "Orange"}]}
    with pytest.raises(DraftError, match="not found"):
        anchor(TEXT, draft, "corpus/x.txt")


def test_ambiguous_text_is_refused_unless_nth_is_given():
    """Only the second 'Proximus' labelled, but the first one comes before it: say which."""
    draft = {"spans": [{"text": "Proximus", "label": "ORG", "canonical": "Proximus"},
                       {"text": "11.000", "label": "QUANTITY", "value": 11000, "unit": None}]}
    with pytest.raises(DraftError, match="ambiguous"):
        anchor(TEXT, draft, "corpus/x.txt")
    draft["spans"][0]["nth"] = 2
    assert anchor(TEXT, draft, "corpus/x.txt")["spans"][0]["start"] == 47


def test_invalid_attributes_are_refused():
    draft = {"spans": [{"text": "2021", "label": "DATE", "value": "the year 2021"}]}
    with pytest.raises(DraftError):
        anchor(TEXT, draft, "corpus/x.txt")


def test_command_line(tmp_path, capsys):
    text = tmp_path / "corpus" / "fr-x.txt"
    text.parent.mkdir()
    text.write_text(TEXT, encoding="utf-8")
    draft = tmp_path / "d.json"
    draft.write_text(json.dumps({"id": "fr-x", "lang": "fr", "spans": [
        {"text": "Proximus", "label": "ORG", "canonical": "Proximus", "nth": 1}]}), encoding="utf-8")
    out = tmp_path / "g.json"
    assert gold_main(["anchor", str(text), str(draft), "-o", str(out)]) == 0
    assert json.loads(out.read_text())["source"] == "corpus/fr-x.txt"
    draft.write_text(json.dumps({"spans": [{"text": "Orange", "label": "ORG"}]}), encoding="utf-8")
    assert gold_main(["anchor", str(text), str(draft)]) == 1
    assert "not found" in capsys.readouterr().err
    assert gold_main(["anchor", str(tmp_path / "none.txt"), str(draft)]) == 2


def test_a_glued_span_is_placed_by_its_offset():
    """"10x10 m": no word boundary finds either 10, so the draft gives their offsets."""
    text = "un congélateur de 10x10 m pour Proximus."
    draft = {"spans": [{"text": "10", "label": "QUANTITY", "value": 10, "unit": "m", "at": 18},
                       {"text": "10 m", "label": "QUANTITY", "value": 10, "unit": "m", "at": 21},
                       {"text": "Proximus", "label": "ORG", "canonical": "Proximus"}]}
    rec = anchor(text, draft, "corpus/x.txt")
    assert [(s["start"], s["end"]) for s in rec["spans"]] == [(18, 20), (21, 25), (31, 39)]
    with pytest.raises(DraftError, match="not at offset"):
        anchor(text, {"spans": [{"text": "10", "label": "QUANTITY", "value": 10, "unit": "m", "at": 17}]}, "corpus/x.txt")
