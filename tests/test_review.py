"""Review pages (`extract --html`, `evaluate --html`) without a browser: data, escaping, CLI hooks.

The browser checks are in test_review_browser.py."""
import json
import re

import pytest
from conftest import CORPUS

from pipeline.cli import evaluate_main, extract_main
from pipeline.review import (
    COLORS,
    ReviewPage,
    extract_doc,
    pieces,
    script_json,
    spans_fit,
    write_extract_page,
)
from pipeline.review_eval import evaluation_doc, fact_errors, mark_spans, write_evaluation_page

TEXT = " date 2023-03 😀 Proximus a investi 5 millions d'euros en 2022 <script>x</script>."


def _span(text, sub, label, **attrs):
    start = text.index(sub)
    return {"start": start, "end": start + len(sub), "label": label, "text": sub, **attrs}


def _record(doc_id="doc", text=TEXT, source=None):
    spans = [_span(text, "Proximus", "ORG", rule="orgs:gazetteer", canonical="Proximus"),
             _span(text, "5 millions d'euros", "MONEY", rule="figures:x", value=5000000, unit="EUR"),
             _span(text, "2022", "DATE", rule="dates:year", value="2022")]
    facts = [{"span": [spans[1]["start"], spans[1]["end"]], "org": "Proximus", "date": "2022",
              "link": {"org": "subject", "date": "same_clause"}, "sentence": "Proximus a investi ...",
              "value": 5000000, "unit": "EUR"}]
    return {"schema_version": "1.0", "id": doc_id, "source": source, "lang": "fr", "published": "2023-03",
            "spans": spans, "facts": facts}


def _docs_json(html: str) -> list[dict]:
    body = re.search(r'<script id="csr-docs" type="application/json">(.*?)</script>', html, re.S).group(1)
    return [json.loads(line) for line in body.split("\n") if line]


def test_palette_is_displacys():
    from spacy.displacy.render import DEFAULT_LABEL_COLORS

    assert all(COLORS[lab] == DEFAULT_LABEL_COLORS[lab] for lab in COLORS)


def test_script_json_cannot_close_the_script():
    """`</script>`, `<!--` and `&` inside texts are escaped; the JSON still means the same."""
    value = {"t": "a </script><script>alert(1)</script> <!-- & \u2028 é 😀"}
    out = script_json(value)
    assert "<" not in out and ">" not in out and "&" not in out and "\u2028" not in out
    assert "\\u003c/script\\u003e" in out
    assert json.loads(out) == value


def test_pieces_use_code_points():
    """Astral characters before a span: pieces are cut at Python offsets."""
    rec = _record()
    parts = pieces(TEXT, rec["spans"])
    assert len(parts) == 2 * len(rec["spans"]) + 1
    assert "".join(parts) == TEXT
    assert parts[1::2] == [s["text"] for s in rec["spans"]]
    assert spans_fit(TEXT, rec["spans"])
    assert not spans_fit(TEXT.replace("Proximus", "Proximos"), rec["spans"])
    assert not spans_fit(TEXT, list(reversed(rec["spans"])))


def test_extract_doc_and_fallback():
    rec = _record()
    doc = extract_doc(rec, TEXT, "")
    assert doc["text"]["t"][1] == "Proximus" and "text" not in doc["text"]["s"][0]
    assert doc["text"]["s"][1]["value"] == 5000000 and doc["text"]["s"][1]["rule"] == "figures:x"
    fact = doc["facts"][0]  # its figure by index; the span's attributes are not repeated
    assert fact == {"i": 1, "org": "Proximus", "date": "2022", "link": "org: subject; date: same_clause", "s": 0}
    assert doc["sentences"] == ["Proximus a investi ..."]
    # no text (standard input, or the file changed): the spans alone, with their text and a note
    lost = extract_doc(rec, None, "standard input")
    assert lost["text"]["t"] is None and lost["text"]["note"] == "standard input"
    assert [s["text"] for s in lost["text"]["s"]] == [s["text"] for s in rec["spans"]]
    err = extract_doc({"id": "bad", "source": "bad.txt", "error": "binary data"}, None, "")
    assert err["error"] == "binary data" and "text" not in err


def test_extract_page_file(tmp_path):
    """One self-contained file: no external resource, the docs as one JSON line each, escaped."""
    src = tmp_path / "doc.txt"
    src.write_text(TEXT, encoding="utf-8")
    page = tmp_path / "review.html"
    recs = [(str(src), _record(source=str(src))), ("-", _record("stdin")),
            (str(tmp_path / "bin.txt"), {"source": "bin.txt", "id": "bin", "error": "binary data (NUL bytes)"})]
    write_extract_page(str(page), recs)
    html = page.read_text(encoding="utf-8")
    assert not (tmp_path / "review.html.part").exists()
    assert html.count("</script>") == 3  # the page's own three script elements, none from a text
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", html)
    assert "default-src 'none'" in html  # nothing can be fetched, even by mistake
    docs = _docs_json(html)
    assert [d["id"] for d in docs] == ["doc", "stdin", "bin"]
    assert "".join(docs[0]["text"]["t"]) == TEXT
    assert docs[1]["text"]["t"] is None
    assert docs[2]["error"].startswith("binary")
    assert 'class="row extract error"' in html and "binary data (NUL bytes)" in html
    assert 'data-orgs="proximus"' in html


def test_changed_text_is_not_drawn(tmp_path):
    src = tmp_path / "doc.txt"
    src.write_text(TEXT, encoding="utf-8")
    rec = dict(_record(source=str(src)), input="sha256:0000")
    page = tmp_path / "p.html"
    write_extract_page(str(page), [(str(src), rec)])
    doc = _docs_json(page.read_text(encoding="utf-8"))[0]
    assert doc["text"]["t"] is None and "changed" in doc["text"]["note"]


def test_unfinished_run_leaves_the_old_page(tmp_path):
    page = tmp_path / "p.html"
    page.write_text("old", encoding="utf-8")
    review = ReviewPage(str(page), quiet=True)
    review.add("-", _record())
    assert review.finish(complete=False)
    assert page.read_text(encoding="utf-8") == "old"


def test_mark_spans_and_fact_errors():
    text = "Acme a 300 salariés et 20 sites en 2022, soit 5 %."
    gold = [_span(text, "Acme", "ORG", canonical="Acme SA"), _span(text, "300", "QUANTITY", value=300, unit=None),
            _span(text, "20 sites", "QUANTITY", value=20, unit=None), _span(text, "2022", "DATE", value="2022")]
    pred = [_span(text, "Acme", "ORG", canonical="Acme"), _span(text, "300", "QUANTITY", value=300, unit=None),
            _span(text, "20", "QUANTITY", value=20, unit=None), _span(text, "5 %", "PERCENT", value=5, unit=None)]
    g, p, counts = mark_spans(gold, pred)
    assert [s["status"] for s in g] == ["tp", "tp", "fn", "fn"]
    assert [s["status"] for s in p] == ["tp", "tp", "fp", "fp"]
    assert g[0]["mismatch"] == [["canonical", "Acme SA", "Acme"]] and "mismatch" not in g[1]
    assert "20" in g[2]["overlaps"] and "20 sites" in p[2]["overlaps"]
    assert (counts["tp"], counts["fp"], counts["fn"], counts["mismatch"]) == (2, 2, 2, 1)
    s300, s20, s5 = (gold[1]["start"], gold[1]["end"]), (pred[2]["start"], pred[2]["end"]), (pred[3]["start"], pred[3]["end"])
    g_rec = {"facts": [{"span": list(s300), "org": "Acme SA", "date": "2022"},
                       {"span": [gold[2]["start"], gold[2]["end"]], "org": "Acme SA", "date": None}]}
    p_rec = {"facts": [{"span": list(s300), "org": "Acme SA", "date": None},
                       {"span": list(s20), "org": "Acme", "date": None},
                       {"span": list(s5), "org": "Acme", "date": "2022"}]}
    errors, ok = fact_errors(g_rec, p_rec, {s300: "300", s20: "20", s5: "5 %"})
    assert ok == 0
    kinds = sorted((e["kind"], e["figure"]) for e in errors)
    assert kinds == [("extra", "20"), ("extra", "5 %"), ("missing", None), ("wrong date", "300")]
    same_org = {"facts": [{"span": list(s300), "org": "Other", "date": "2022"}]}
    assert fact_errors(g_rec, same_org, {})[0][0]["kind"] == "wrong org"


def test_evaluation_doc_without_prediction():
    rec = _record()
    data, row = evaluation_doc("doc", rec, None, TEXT)
    assert row["missing"] and row["fn"] == 3 and row["tp"] == 0
    assert data["note"].startswith("no prediction")
    assert [s["status"] for s in data["gold"]["s"]] == ["fn"] * 3
    assert [e["kind"] for e in data["fact_errors"]] == ["missing"]


def test_evaluation_page_file(tmp_path):
    gold = {"doc": _record()}
    pred = {"doc": dict(_record(), spans=_record()["spans"][:2])}
    page = tmp_path / "e.html"
    write_evaluation_page(str(page), gold, pred, {"doc": TEXT}, split="all", quiet=True)
    html = page.read_text(encoding="utf-8")
    assert "false negative" in html and "value mismatch" in html  # the legend
    assert re.search(r"<th scope=\"row\"><b[^>]*>DATE</b></th>\s*<td>0\.0</td><td>0\.0</td>", html)  # tp 0, fn 1
    doc = _docs_json(html)[0]
    assert [s["status"] for s in doc["gold"]["s"]] == ["tp", "tp", "fn"]
    assert [s["status"] for s in doc["pred"]["s"]] == ["tp", "tp"]


@pytest.mark.slow
def test_extract_html_every_output_mode(tmp_path, capsys):
    """--html next to stdout, -o and --out-dir; one page, the same documents."""
    fr, en = str(CORPUS / "fr-telecom-tarif-social.txt"), str(CORPUS / "en-retail-tesco-food-waste.txt")
    for i, mode in enumerate(([], ["-o", str(tmp_path / "o.jsonl")], ["--out-dir", str(tmp_path / "d")])):
        page = tmp_path / f"p{i}.html"
        assert extract_main(["--quiet", fr, en, *mode, "--html", str(page)]) == 0
        docs = _docs_json(page.read_text(encoding="utf-8"))
        assert [d["id"] for d in docs] == ["fr-telecom-tarif-social", "en-retail-tesco-food-waste"]
        assert all(d["text"]["t"] is not None and d["facts"] for d in docs)
    out = capsys.readouterr().out  # stdout mode: records on stdout, the page beside
    assert len([line for line in out.splitlines() if line.strip()]) == 2


def test_html_usage_errors(tmp_path, capsys):
    fr = str(CORPUS / "fr-telecom-tarif-social.txt")
    assert extract_main([fr, "--html", "/no/such/dir/r.html"]) == 2
    assert evaluate_main([str(tmp_path), "--html", "/no/such/dir/e.html"]) == 2
    assert extract_main([fr, "--html", "-"]) == 2
    assert extract_main([fr, "-o", str(tmp_path / "x"), "--html", str(tmp_path / "x")]) == 2
    assert evaluate_main([str(tmp_path), "--html", "-"]) == 2
    err = capsys.readouterr().err
    assert err.count("does not exist") == 2 and err.count("--html needs a file") == 3
    assert "Traceback" not in err and not (tmp_path / "x").exists()


def test_evaluate_html(tmp_path, capsys):
    """evaluate GOLD PRED --html: the page beside the usual report."""
    (tmp_path / "corpus").mkdir()
    gold_dir = tmp_path / "gold"
    gold_dir.mkdir()
    (tmp_path / "corpus" / "doc.txt").write_text(TEXT, encoding="utf-8")
    rec = dict(_record(source="corpus/doc.txt"))
    (gold_dir / "doc.json").write_text(json.dumps(rec), encoding="utf-8")
    pred = tmp_path / "pred.jsonl"
    pred.write_text(json.dumps(dict(rec, spans=rec["spans"][1:])) + "\n", encoding="utf-8")
    page = tmp_path / "eval.html"
    assert evaluate_main([str(gold_dir), str(pred), "--html", str(page)]) == 0
    doc = _docs_json(page.read_text(encoding="utf-8"))[0]
    assert [s["status"] for s in doc["gold"]["s"]] == ["fn", "tp", "tp"]
    assert "evaluation page" in capsys.readouterr().err
