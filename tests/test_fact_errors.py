"""Fact errors by cause (evaluate --errors --label FACT)."""
import pytest

from pipeline import fact_errors


def org(start, end, text, canonical=None):
    return {"start": start, "end": end, "label": "ORG", "text": text, "canonical": canonical or text}


def fig(start, end):
    return {"start": start, "end": end, "label": "QUANTITY", "text": "x", "value": 1}


GOLD = {"spans": [org(0, 10, "Tesco Ireland"), org(20, 25, "Asda"), fig(30, 32), fig(40, 42), fig(50, 52)],
        "facts": [{"span": [30, 32], "org": "Tesco Ireland", "date": "2022"}]}


@pytest.mark.parametrize("pred_spans,pred_facts,cause", [
    ([], [], "figure_missed"),
    ([fig(30, 32)], [], "no_fact"),
    ([fig(30, 32), org(0, 5, "Tesco", "Tesco")], [{"span": [30, 32], "org": "Tesco", "date": "2022"}],
     "canonical_differs"),
    ([fig(30, 32), org(0, 10, "Tesco Ireland"), org(20, 25, "Asda")],
     [{"span": [30, 32], "org": "Asda", "date": "2022"}], "other_org"),
    ([fig(30, 32), org(20, 25, "Asda")], [{"span": [30, 32], "org": "Asda", "date": "2022"}],
     "org_not_recognised"),
    ([fig(30, 32), org(0, 10, "Tesco Ireland")], [{"span": [30, 32], "org": "Tesco Ireland", "date": None}],
     "wrong_date"),
])
def test_a_wrong_gold_fact_has_one_cause(pred_spans, pred_facts, cause):
    errors = fact_errors.classify(GOLD, {"spans": pred_spans, "facts": pred_facts})
    assert [e["cause"] for e in errors] == [cause]


@pytest.mark.parametrize("span,cause", [((40, 42), "fact_without_gold"), ((60, 62), "fact_on_non_figure")])
def test_a_fact_gold_does_not_have(span, cause):
    pred = {"spans": GOLD["spans"], "facts": GOLD["facts"] + [{"span": list(span), "org": "Asda", "date": None}]}
    assert [e["cause"] for e in fact_errors.classify(GOLD, pred)] == [cause]


def test_right_facts_are_no_errors_and_counts_list_every_cause():
    assert fact_errors.classify(GOLD, GOLD) == []
    assert fact_errors.count([]) == dict.fromkeys(fact_errors.CAUSES, 0)


def test_evaluate_prints_fact_errors_by_cause(tmp_path):
    from pipeline.scoring import score
    report = score({"d": GOLD}, {"d": {"spans": [fig(30, 32)], "facts": []}}, texts={"d": "x" * 60},
                   with_errors=True)
    assert report["fact_errors"]["no_fact"] == 1
    assert [e["kind"] for e in report["errors"] if e["label"] == "FACT"] == ["no_fact"]
