"""`convert`: SPEC records <-> Label Studio tasks and spaCy DocBin, lossless both ways."""
import json
from pathlib import Path

import pytest
from conftest import GOLD, ROOT

from pipeline.convert import convert_main
from pipeline.convert_formats import (
    _blank,
    _tokens,
    doc_to_record,
    gold_only,
    label_config,
    record_to_doc,
    record_to_task,
    task_to_record,
)
from pipeline.scoring import load_records

GOLD_FILES = sorted(p for p in GOLD.glob("*.json") if p.name != "splits.json" and not p.name.startswith("_"))

# Offsets that do not fall on spaCy's token boundaries, astral characters, CRLF, a span
# starting at a space, None values, an unknown attribute: everything must come back.
TEXT = " date 2024-01 😀𝔘 Acme a 50Go,\r\n soit +12 % en 2023 (x) et 3€ à 1.500 clients."


def _span(sub, label, n=1, **attrs):
    start = -1
    for _ in range(n):
        start = TEXT.index(sub, start + 1)
    return {"start": start, "end": start + len(sub), "label": label, "text": sub, **attrs}


def tricky_record(source):
    spans = [_span("Acme", "ORG", rule="orgs:ner", canonical="Acme"),
             _span("50", "QUANTITY", rule="figures:digits", value=50, unit="GB", counted=None),
             _span("Go", "ORG", canonical="Go"),
             _span("12 %", "PERCENT", rule="figures:pct", value=12.0, unit=None, qualifier="plus de"),
             _span("2023", "DATE", value="2023", mod=None, extra_note={"k": [1, 2]}),
             _span(" (x", "ORG", canonical="x"),
             _span("3", "MONEY", n=2, value=3, unit="EUR"),
             _span("€", "ORG", canonical="€"),
             _span("1.500 ", "QUANTITY", value=1500, unit=None, counted="client")]
    facts = [{"span": [spans[1]["start"], spans[1]["end"]], "org": "Acme", "date": "2023",
              "link": {"org": "subject", "date": "same_clause"}, "sentence": "Acme a 50Go", "value": 50}]
    return {"schema_version": "1.0", "id": "tricky", "source": source, "lang": "fr", "published": "2024-01",
            "encoding": "utf-8-sig", "spans": spans, "facts": facts, "input": "sha256:00"}


@pytest.fixture
def tricky(tmp_path):
    src = tmp_path / "tricky.txt"
    src.write_bytes(TEXT.encode("utf-8"))
    rec = tricky_record(str(src))
    for s in rec["spans"]:
        assert TEXT[s["start"]:s["end"]] == s["text"]
    return rec


def _text(rec):
    return (ROOT / rec["source"]).read_bytes().decode("utf-8-sig")


def _same(a: dict, b: dict):
    assert a == b
    assert list(a) == list(b)
    assert [list(s) for s in a["spans"]] == [list(s) for s in b["spans"]]


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.stem)
def test_gold_labelstudio_round_trip(path):
    rec = json.loads(path.read_text(encoding="utf-8"))
    task = json.loads(json.dumps(record_to_task(rec, _text(rec))))  # as a file would hold it
    assert "annotations" in task and task["data"]["id"] == rec["id"]
    _same(task_to_record(task), rec)


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.stem)
def test_gold_docbin_round_trip(path):
    from spacy.tokens import DocBin

    rec = json.loads(path.read_text(encoding="utf-8"))
    db = DocBin(store_user_data=True)
    db.add(record_to_doc(rec, _text(rec)))
    doc = next(DocBin().from_bytes(db.to_bytes()).get_docs(_blank("xx").vocab))
    assert len(doc.spans["csr"]) == len(rec["spans"]) == len(doc.ents)
    _same(doc_to_record(doc), rec)


def test_extractor_fields_round_trip(tricky, tmp_path):
    """rule, qualifier, None values, unknown attributes, facts' link: all come back, in order."""
    task = json.loads(json.dumps(record_to_task(tricky, TEXT)))
    assert "predictions" in task  # extractor output: pre-annotations
    region = task["predictions"][0]["result"][3]
    assert region["value"] == {"start": tricky["spans"][3]["start"], "end": tricky["spans"][3]["end"],
                               "text": "12 %", "labels": ["PERCENT"]}
    assert region["meta"] == {"rule": "figures:pct", "value": 12.0, "unit": None, "qualifier": "plus de"}
    _same(task_to_record(task), tricky)
    doc = record_to_doc(tricky, TEXT)
    assert doc.text == TEXT
    assert [(s.start_char, s.end_char) for s in doc.spans["csr"]] == [(s["start"], s["end"]) for s in tricky["spans"]]
    assert doc.spans["csr"][1]._.unit == "GB" and doc.spans["csr"][0]._.rule == "orgs:ner"
    out = tmp_path / "t.spacy"
    from pipeline.convert import read_docbin, write_docbin

    write_docbin([doc], str(out))
    _same(doc_to_record(next(read_docbin(str(out)))), tricky)


def test_tokens_follow_every_span_boundary():
    nlp = _blank("fr")
    spans = tricky_record("x")["spans"]
    doc = _tokens(nlp, TEXT, spans)
    assert doc.text == TEXT
    for s in spans:
        assert doc.char_span(s["start"], s["end"], alignment_mode="strict") is not None


def test_labelstudio_edits_come_back(tricky):
    """What an annotator does in Label Studio: remove, relabel, draw; UTF-16 offsets; lost meta."""
    task = json.loads(json.dumps(record_to_task(tricky, TEXT, as_="annotations")))
    result = task["annotations"][0]["result"]
    del result[1]  # the figure of the fact: the fact goes too
    result[0]["value"]["labels"] = ["DATE"]
    del result[2]["meta"]  # a tool that dropped the meta: the original span's attributes
    start = TEXT.index("clients")
    result.append({"id": "new", "type": "labels", "from_name": "label", "to_name": "text",
                   "value": {"start": start, "end": start + 7, "text": "clients", "labels": ["ORG"]}})
    s16 = len(TEXT[:start].encode("utf-16-le")) // 2  # an older Label Studio: UTF-16 units
    result.append({"id": "new2", "type": "labels", "value": {"start": s16 - 6, "end": s16 - 1, "text": "1.500",
                                                             "labels": ["QUANTITY"]}})
    task["annotations"].insert(0, {"result": [], "was_cancelled": True})
    warnings = []
    rec = task_to_record(task, warn=warnings.append)
    assert rec["facts"] == []
    by_text = {s["text"]: s for s in rec["spans"]}
    assert by_text["Acme"]["label"] == "DATE" and by_text["Acme"]["canonical"] == "Acme"
    assert by_text["12 %"]["qualifier"] == "plus de"
    assert by_text["clients"] == {"start": start, "end": start + 7, "label": "ORG", "text": "clients",
                                  "canonical": "clients"}
    assert by_text["1.500"]["start"] == start - 6
    assert [s["start"] for s in rec["spans"]] == sorted(s["start"] for s in rec["spans"])
    assert any("fact" in w for w in warnings) and any("without value" in w for w in warnings)
    task["annotations"][1]["result"][0]["value"]["text"] = "nope"
    with pytest.raises(Exception, match="the region says"):
        task_to_record(task)


def test_plain_labelstudio_task():
    """A task made in Label Studio from a bare text: a record all the same."""
    text = " date 2023-05 Proximus compte 300 salariés."
    task = {"id": 7, "data": {"text": text}, "predictions": [{"result": [
        {"type": "labels", "value": {"start": 14, "end": 22, "text": "Proximus", "labels": ["ORG"]}}]}]}
    rec = task_to_record(task)
    assert (rec["id"], rec["lang"], rec["published"], rec["source"]) == ("7", "fr", "2023-05", None)
    assert rec["spans"] == [{"start": 14, "end": 22, "label": "ORG", "text": "Proximus", "canonical": "Proximus"}]


def test_gold_only(tricky):
    g = gold_only(tricky)
    assert "input" not in g and "encoding" not in g and list(g)[-1] == "facts"
    assert all("rule" not in s and "qualifier" not in s for s in g["spans"])
    assert g["facts"] == [{"span": tricky["facts"][0]["span"], "org": "Acme", "date": "2023"}]


def test_label_config():
    cfg = label_config()
    assert '<Labels name="label" toName="text">' in cfg and '<Text name="text" value="$text"/>' in cfg
    assert cfg.count("<Label ") == 5


@pytest.mark.slow
def test_cli_round_trips(tmp_path, capsys):
    """The four commands on gold/, as in the README; exit 0 and the same records."""
    gold = load_records(GOLD)
    tasks, back, spacy_file, back2 = (tmp_path / "tasks.json", tmp_path / "back", tmp_path / "train.spacy",
                                      tmp_path / "back.jsonl")
    assert convert_main(["to-labelstudio", str(GOLD), "-o", str(tasks)]) == 0
    assert convert_main(["from-labelstudio", str(tasks), "-o", f"{back}/"]) == 0
    assert load_records(back) == gold
    assert convert_main(["to-docbin", str(GOLD), "-o", str(spacy_file)]) == 0
    assert convert_main(["from-docbin", str(spacy_file), "-o", str(back2)]) == 0
    assert load_records(back2) == gold
    assert convert_main(["from-docbin", str(spacy_file)]) == 0  # JSON Lines on stdout
    out = capsys.readouterr()
    assert len(out.out.splitlines()) == len(gold)
    assert "document(s) written" in out.err


def test_cli_errors(tmp_path, capsys, tricky):
    """One clear line per problem; 2 for usage, 1 when some records could not be converted."""
    assert convert_main([]) == 2
    assert convert_main(["to-labelstudio", str(tmp_path / "missing.jsonl")]) == 2
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": 1}\nnot json\n', encoding="utf-8")
    assert convert_main(["to-labelstudio", str(bad)]) == 2
    assert convert_main(["to-docbin", str(GOLD), "-o", str(tmp_path / "x.txt")]) == 2
    assert convert_main(["to-docbin", str(GOLD), "-o", "/no/such/dir/x.spacy"]) == 2
    assert convert_main(["from-docbin", str(bad), "-o", str(tmp_path / "o.jsonl")]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and "line 2: not valid JSON" in err and "not a spaCy DocBin" in err
    # a record whose text is missing or changed: skipped, named, exit 1; the others written
    lost = dict(tricky, id="lost", source=str(tmp_path / "gone.txt"))
    changed = tmp_path / "changed.txt"
    changed.write_text(TEXT.replace("Acme", "Acmé"), encoding="utf-8")
    inp = tmp_path / "in.jsonl"
    inp.write_text("".join(json.dumps(r) + "\n" for r in (tricky, lost, dict(tricky, id="chg", source=str(changed)),
                                                           {"source": "b.txt", "id": "b", "error": "binary"})),
                   encoding="utf-8")
    out = tmp_path / "tasks.json"
    assert convert_main(["to-labelstudio", str(inp), "-o", str(out)]) == 1
    assert [t["data"]["id"] for t in json.loads(out.read_text(encoding="utf-8"))] == ["tricky"]
    err = capsys.readouterr().err
    assert "lost: text not found" in err and "chg:" in err and "does not match" in err
    assert "1 error record(s) skipped" in err
    # several records cannot go to one .json file
    assert convert_main(["from-labelstudio", str(out), "-o", str(tmp_path / "one.json")]) == 0
    two = tmp_path / "two.json"
    two.write_text(json.dumps(json.loads(out.read_text(encoding="utf-8")) * 2), encoding="utf-8")
    assert convert_main(["from-labelstudio", str(two), "-o", str(tmp_path / "x.json")]) == 2


def test_cli_help(capsys):
    assert convert_main(["--help"]) == 0
    text = capsys.readouterr().out
    for cmd in ("to-labelstudio", "from-labelstudio", "to-docbin", "from-docbin", "exit codes"):
        assert cmd in text
    assert convert_main(["from-labelstudio", "--help"]) == 0
    assert "convert from-labelstudio export.json -o gold/" in capsys.readouterr().out


def test_texts_folder(tmp_path, tricky):
    """--texts DIR: texts found by the source's file name when the source path is elsewhere."""
    (tmp_path / "texts").mkdir()
    Path(tricky["source"]).rename(tmp_path / "texts" / "tricky.txt")
    inp = tmp_path / "r.json"
    inp.write_text(json.dumps(tricky), encoding="utf-8")
    assert convert_main(["to-docbin", str(inp), "-o", str(tmp_path / "a.spacy")]) == 1
    assert convert_main(["to-docbin", str(inp), "-o", str(tmp_path / "a.spacy"), "--texts", str(tmp_path / "texts")]) == 0
