"""Scorer numbers checked against small hand-computed examples."""
import pytest

from pipeline.scoring import lenient_pairs, prf, score, validate


def span(s, e, label, **kw):
    return {"start": s, "end": e, "label": label, "text": "x" * (e - s), **kw}


GOLD = {"d": {"lang": "fr", "spans": [span(0, 5, "ORG", canonical="A"), span(10, 14, "DATE", value="2021"),
                                      span(20, 25, "QUANTITY", value=100, unit=None, counted="client"),
                                      span(30, 33, "PERCENT", value=30, unit=None)],
              "facts": [{"span": [20, 25], "org": "A", "date": "2021"}, {"span": [30, 33], "org": "A", "date": None}]}}
PRED = {"d": {"spans": [span(0, 5, "ORG", canonical="A"), span(10, 16, "DATE", value="2021"),
                        span(20, 25, "QUANTITY", value=100.05, unit=None, counted="famille"),
                        span(30, 33, "QUANTITY", value=30, unit=None), span(40, 42, "MONEY", value=1, unit="EUR")],
              "facts": [{"span": [20, 25], "org": "A", "date": "2021"}, {"span": [30, 33], "org": "B", "date": None}]}}


def test_exact_counts():
    """Exact: ORG and QUANTITY match; DATE partial overlap and label confusion are fp+fn."""
    r = score(GOLD, PRED)["exact"]
    assert r["micro"]["tp"] == 2 and r["micro"]["fp"] == 3 and r["micro"]["fn"] == 2
    assert r["micro"]["precision"] == pytest.approx(2 / 5)
    assert r["micro"]["recall"] == pytest.approx(2 / 4)
    assert r["labels"]["PERCENT"]["fn"] == 1 and r["labels"]["QUANTITY"]["fp"] == 1
    # macro over labels present: ORG 1, DATE 0, QUANTITY 2/3, MONEY 0, PERCENT 0
    assert r["macro_f1"] == pytest.approx((1 + 0 + 2 / 3 + 0 + 0) / 5)


def test_lenient_counts():
    """Lenient: the overlapping DATE counts; a label confusion still does not."""
    r = score(GOLD, PRED)["lenient"]
    assert r["labels"]["DATE"]["tp"] == 1
    assert r["micro"]["tp"] == 3 and r["micro"]["fp"] == 2 and r["micro"]["fn"] == 1


def test_normalisation_and_facts():
    """Values within 0.1 % agree; counted compared where gold has one; facts as triples."""
    r = score(GOLD, PRED)
    assert r["normalisation"]["value"]["accuracy"] == 1.0
    assert r["normalisation"]["counted"]["accuracy"] == 0.0
    assert r["normalisation"]["canonical"]["accuracy"] == 1.0
    assert r["facts"]["tp"] == 1 and r["facts"]["fp"] == 1 and r["facts"]["fn"] == 1


def test_prf_edge_cases():
    """No predictions and no gold give zeros, not errors."""
    assert prf(0, 0, 0)["f1"] == 0.0
    assert prf(1, 1, 0)["precision"] == 0.5


def test_lenient_is_one_to_one():
    """One prediction cannot match two gold spans."""
    gold = [span(0, 4, "ORG"), span(5, 9, "ORG")]
    pred = [span(0, 9, "ORG")]
    assert len(lenient_pairs(gold, pred)) == 1


def test_validate_finds_problems():
    """The gold validator reports offsets, overlaps and dangling facts."""
    text = "Proximus a 300 clients"
    rec = {"spans": [{"start": 0, "end": 8, "label": "ORG", "text": "Proximus", "canonical": "Proximus"},
                     {"start": 11, "end": 14, "label": "QUANTITY", "text": "301", "value": 300, "unit": None}],
           "facts": [{"span": [11, 14], "org": "Orange", "date": None}]}
    problems = validate(rec, text)
    assert any("text[11:14]" in p for p in problems)
    assert any("Orange" in p for p in problems)
