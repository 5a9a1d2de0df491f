"""`evaluate`: split selection, the side-by-side report, ORG recall by list, running without the list."""
import json

import pytest

from pipeline.cli import evaluate_main
from pipeline.evaluation import org_recall_by_list, split_ids
from pipeline.extract import extract_text
from pipeline.resources import NO_GAZETTEER_ENV


def _doc(doc_id, lang, text, spans, facts=()):
    return {"schema_version": "1.0", "id": doc_id, "source": f"corpus/{doc_id}.txt", "lang": lang,
            "published": None, "spans": spans, "facts": list(facts)}


@pytest.fixture
def project(tmp_path):
    """A small project: two written and two real documents, gold equal to a prediction file."""
    (tmp_path / "corpus").mkdir()
    gold = tmp_path / "gold"
    gold.mkdir()
    texts = {"fr-a": "Proximus compte 1.500 employés.", "en-b": "Acme Widgets Ltd employs 300 people.",
             "fr-real-c": "La coopérative Vents du Nord a 200 membres.", "en-real-d": "Foodbank Trust fed 4,000 families."}
    preds = []
    for doc_id, text in texts.items():
        (tmp_path / "corpus" / f"{doc_id}.txt").write_text(text, encoding="utf-8")
        org_end = text.index(" ") if doc_id != "fr-real-c" else None
        spans = []
        if org_end:
            spans.append({"start": 0, "end": org_end, "label": "ORG", "text": text[:org_end], "canonical": text[:org_end]})
        rec = _doc(doc_id, doc_id[:2], text, spans)
        (gold / f"{doc_id}.json").write_text(json.dumps(rec), encoding="utf-8")
        preds.append(rec)
    (gold / "splits.json").write_text(json.dumps(
        {"dev": ["fr-a"], "test": ["en-b"], "real-dev": ["fr-real-c"], "real-test": ["en-real-d"]}))
    pred = tmp_path / "pred.jsonl"
    pred.write_text("\n".join(json.dumps(p) for p in preds) + "\n", encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("split, ids", [
    ("dev", {"fr-a"}), ("real-test", {"en-real-d"}), ("real", {"fr-real-c", "en-real-d"}),
    ("written", {"fr-a", "en-b"}), ("all", None)])
def test_split_ids(project, split, ids):
    assert split_ids(project / "gold", split) == ids


def test_side_by_side_report_by_default(project, capsys):
    assert evaluate_main([str(project / "gold"), str(project / "pred.jsonl"), "--json"]) == 0
    reports = json.loads(capsys.readouterr().out)
    assert list(reports) == ["real-test", "real-dev", "real", "written-test", "written"]
    assert reports["real"]["documents"] == 2 and reports["written"]["documents"] == 2
    assert reports["real-test"]["exact"]["micro"]["f1"] == 1.0


def test_one_split_report(project, capsys):
    assert evaluate_main([str(project / "gold"), str(project / "pred.jsonl"), "--split", "real", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["split"] == "real" and report["documents"] == 2


def test_org_recall_split_by_list():
    """A gold name in the built-in list counts as listed, any other name as unlisted."""
    text = "Proximus et la coopérative Vents du Nord."
    gold = {"d": _doc("d", "fr", text, [
        {"start": 0, "end": 8, "label": "ORG", "text": "Proximus", "canonical": "Proximus"},
        {"start": 27, "end": 40, "label": "ORG", "text": "Vents du Nord", "canonical": "Vents du Nord"}])}
    pred = {"d": {"spans": [dict(gold["d"]["spans"][0])]}}
    r = org_recall_by_list(gold, pred)
    assert r["listed"] == {"found": 1, "n": 1, "recall": 1.0}
    assert r["unlisted"] == {"found": 0, "n": 1, "recall": 0.0}


def test_no_gazetteer_switches_the_list_off(monkeypatch):
    """Without the list, no span comes from it; with it, a listed name is found by it."""
    text = " date 2022-11 En 2021, Ackermans & van Haaren a investi 3 millions d'euros."
    rules = {s["rule"] for s in extract_text(text, lang="fr")["spans"] if s["label"] == "ORG"}
    assert "orgs:gazetteer" in rules
    monkeypatch.setenv(NO_GAZETTEER_ENV, "1")
    rules = {s["rule"] for s in extract_text(text, lang="fr")["spans"] if s["label"] == "ORG"}
    assert "orgs:gazetteer" not in rules
