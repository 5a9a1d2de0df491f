"""Fact errors sorted by cause, so the next person sees where to push.

A fact is wrong for one reason among a few, and each points at a different
part of the pipeline: the figure was not found (figures), the organisation
was not recognised or got another canonical (organisations), the linker
chose another organisation, abstained, or linked where the text gives the
figure to no one (facts), or the date differs (dates). Gold and predicted
facts on the same figure span are compared as one pair, so a fact with the
wrong organisation counts once, not as a miss plus a false alarm.
"""
from __future__ import annotations

from collections import Counter

FIGURES = ("QUANTITY", "MONEY", "PERCENT")

CAUSES = {
    "figure_missed": "figure missed (gold fact on a figure extract did not find)",
    "no_fact": "no fact made (figure found, linker abstained)",
    "org_not_recognised": "organisation never recognised (gold org has no predicted mention)",
    "other_org": "another organisation (the text names both; the linker chose the other)",
    "canonical_differs": "canonical differs (right organisation, other canonical name)",
    "wrong_date": "wrong date (right organisation)",
    "fact_without_gold": "fact where gold has none (a figure the text gives to no single organisation)",
    "fact_on_non_figure": "fact on a non-figure (the span is no figure in gold)",
}


def _mentions(spans: list[dict]) -> dict[str, set[tuple[int, int]]]:
    out: dict[str, set[tuple[int, int]]] = {}
    for s in spans:
        if s["label"] == "ORG":
            out.setdefault(s.get("canonical") or s["text"], set()).add((s["start"], s["end"]))
    return out


def _overlaps(a: set[tuple[int, int]], b: set[tuple[int, int]]) -> bool:
    return any(s1 < e2 and s2 < e1 for s1, e1 in a for s2, e2 in b)


def _org_cause(gold_org: str, pred_org: str, gold_spans: list[dict], pred_spans: list[dict]) -> str:
    gold_mentions, pred_mentions = _mentions(gold_spans), _mentions(pred_spans)
    mine = gold_mentions.get(gold_org, set())
    if pred_org in pred_mentions and _overlaps(mine, pred_mentions[pred_org]):
        return "canonical_differs"
    if gold_org in pred_mentions or any(_overlaps(mine, m) for m in pred_mentions.values()):
        return "other_org"
    return "org_not_recognised"


def classify(gold: dict, pred: dict) -> list[dict]:
    """One entry per wrong fact pair of one document: cause, span, gold and predicted (org, date)."""
    gold_spans, pred_spans = gold.get("spans", []), pred.get("spans", []) or []
    gold_facts = {tuple(f["span"]): (f["org"], f.get("date")) for f in gold.get("facts", [])}
    pred_facts = {tuple(f["span"]): (f["org"], f.get("date")) for f in pred.get("facts", []) or []}
    pred_figures = {(s["start"], s["end"]) for s in pred_spans if s["label"] in FIGURES}
    gold_figures = {(s["start"], s["end"]) for s in gold_spans if s["label"] in FIGURES}
    out = []
    for span in sorted(gold_facts.keys() | pred_facts.keys()):
        g, p = gold_facts.get(span), pred_facts.get(span)
        if g == p:
            continue
        if g and not p:
            cause = "no_fact" if span in pred_figures else "figure_missed"
        elif p and not g:
            cause = "fact_without_gold" if span in gold_figures else "fact_on_non_figure"
        elif g[0] != p[0]:
            cause = _org_cause(g[0], p[0], gold_spans, pred_spans)
        else:
            cause = "wrong_date"
        out.append({"cause": cause, "span": span, "gold": g, "pred": p})
    return out


def count(errors: list[dict]) -> dict[str, int]:
    counts = Counter(e["cause"] for e in errors)
    return {cause: counts.get(cause, 0) for cause in CAUSES}
