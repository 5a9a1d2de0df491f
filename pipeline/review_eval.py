"""`evaluate ... --html FILE`: gold and prediction side by side, every difference marked.

Each document shows the gold text and the predicted text next to each other;
a span found on both sides with the same offsets and label is a true
positive (`tp`), a gold span the prediction lacks a false negative (`fn`),
a predicted span the gold lacks a false positive (`fp`). A true positive
whose value, unit, counted noun, canonical name or mod differ is flagged as
a mismatch; a false positive that overlaps a false negative of the same
label (a boundary error) names its counterpart. Fact errors are listed per
document: missing, extra, wrong org, wrong date (or both). Per-label scores
(the same `score` as the text report) head the page.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from markupsafe import Markup
from rich.console import Console

from .review import COLORS, org_names, render_page, script_json, text_part
from .scoring import FIGURES, LABELS, lenient_pairs, score, values_agree

STATUS_TEXT = {"tp": "true positive", "fp": "false positive (predicted, not in gold)",
               "fn": "false negative (in gold, not predicted)"}


def mismatches(g: dict, p: dict) -> list[list]:
    """[attribute, gold, predicted] for every attribute of a matched span that differs."""
    label, out = g["label"], []
    if label == "ORG":
        if g.get("canonical") != p.get("canonical"):
            out.append(["canonical", g.get("canonical"), p.get("canonical")])
    elif label == "DATE":
        if not values_agree(label, g.get("value"), p.get("value")):
            out.append(["value", g.get("value"), p.get("value")])
        if (g.get("mod") or p.get("mod")) and g.get("mod") != p.get("mod"):
            out.append(["mod", g.get("mod"), p.get("mod")])
    elif label in FIGURES:
        if not values_agree(label, g.get("value"), p.get("value")):
            out.append(["value", g.get("value"), p.get("value")])
        if (g.get("unit") or None) != (p.get("unit") or None):
            out.append(["unit", g.get("unit"), p.get("unit")])
        if g.get("counted") and g.get("counted") != p.get("counted"):
            out.append(["counted", g.get("counted"), p.get("counted")])
    return out


def mark_spans(gspans: list[dict], pspans: list[dict]) -> tuple[list[dict], list[dict], Counter]:
    """Copies of both span lists with `status`, `mismatch` and `overlaps` added; counts."""
    gkey = {(s["start"], s["end"], s["label"]): i for i, s in enumerate(gspans)}
    pkey = {(s["start"], s["end"], s["label"]): i for i, s in enumerate(pspans)}
    gout = [dict(s, status="tp" if (s["start"], s["end"], s["label"]) in pkey else "fn") for s in gspans]
    pout = [dict(s, status="tp" if (s["start"], s["end"], s["label"]) in gkey else "fp") for s in pspans]
    counts = Counter()
    for g in gout:
        counts[g["status"]] += 1
        if g["status"] == "tp":
            p = pout[pkey[(g["start"], g["end"], g["label"])]]
            mm = mismatches(g, p)
            if mm:
                g["mismatch"] = p["mismatch"] = mm
                counts["mismatch"] += 1
    counts["fp"] = sum(1 for p in pout if p["status"] == "fp")
    for gi, pi in lenient_pairs(gspans, pspans):
        g, p = gout[gi], pout[pi]
        if g["status"] == "fn" and p["status"] == "fp":
            g["overlaps"] = f"predicted {p['text']!r} [{p['start']}:{p['end']}]"
            p["overlaps"] = f"gold {g['text']!r} [{g['start']}:{g['end']}]"
    return gout, pout, counts


def fact_errors(gold: dict, pred: dict, spans_text: dict) -> tuple[list[dict], int]:
    """(errors, number of correct facts) for one document.

    Facts are compared per figure: same (org, date) is correct; the rest pair up
    as wrong date (same org), wrong org (same date), wrong org and date; what is
    left over is missing (gold only) or extra (predicted only)."""
    by_span: dict[tuple, tuple[list, list]] = {}
    for side, rec in ((0, gold), (1, pred)):
        for f in rec.get("facts") or []:
            key = tuple(f.get("span") or ())
            by_span.setdefault(key, ([], []))[side].append((f.get("org"), f.get("date")))
    errors, correct = [], 0
    for key in sorted(by_span, key=lambda k: (k or (0, 0))):
        gl, pl = by_span[key]
        common = Counter(gl) & Counter(pl)
        correct += sum(common.values())
        gl = list((Counter(gl) - common).elements())
        pl = list((Counter(pl) - common).elements())
        for kind, same in (("wrong date", 0), ("wrong org", 1), ("wrong org and date", None)):
            for g in list(gl):
                match = next((p for p in pl if same is None or p[same] == g[same]), None)
                if match is not None:
                    gl.remove(g)
                    pl.remove(match)
                    errors.append(_fact_error(kind, key, spans_text, g, match))
        errors.extend(_fact_error("missing", key, spans_text, g, None) for g in gl)
        errors.extend(_fact_error("extra", key, spans_text, None, p) for p in pl)
    return errors, correct


def _fact_error(kind, key, spans_text, g, p) -> dict:
    return {"kind": kind, "start": key[0] if key else None, "end": key[1] if len(key) > 1 else None,
            "figure": spans_text.get(key), "gold": None if g is None else {"org": g[0], "date": g[1]},
            "pred": None if p is None else {"org": p[0], "date": p[1]}}


def evaluation_doc(doc_id: str, gold: dict, pred: dict | None, text: str | None) -> tuple[dict, dict]:
    """(page data, index row) for one gold document."""
    missing = pred is None
    pred = pred or {"spans": [], "facts": []}
    gspans, pspans = gold.get("spans") or [], pred.get("spans") or []
    gmarked, pmarked, counts = mark_spans(gspans, pspans)
    spans_text = {(s["start"], s["end"]): s.get("text") for s in (*gspans, *pspans)}
    errors, correct = fact_errors(gold, pred, spans_text)
    note = "no prediction for this document: every gold span is a false negative" if missing else None
    data = {"id": doc_id, "source": gold.get("source"), "lang": gold.get("lang"),
            "published": gold.get("published"), "note": note,
            "gold": text_part(text, gmarked, "the gold spans do not fit the text; listed without it"),
            "pred": text_part(text, pmarked, "the predicted spans do not fit the gold's text; listed without it"),
            "fact_errors": errors, "facts_ok": correct}
    row = {"id": doc_id, "lang": gold.get("lang"), "published": gold.get("published"),
           "tp": counts["tp"], "fp": counts["fp"], "fn": counts["fn"], "mismatch": counts["mismatch"],
           "facts_ok": correct, "fact_errors": len(errors), "missing": missing,
           "orgs": org_names(gspans, pspans)}
    return data, row


def _pct(x) -> str:
    return "–" if x is None else f"{100 * x:.1f}"


def write_evaluation_page(path: str, gold: dict[str, dict], preds: dict[str, dict], texts: dict[str, str],
                          split: str | None = None, console: Console | None = None, quiet: bool = False) -> None:
    """The review page of an evaluation: scores, then every gold document against its prediction."""
    console = console or Console(stderr=True)
    ids = sorted(gold)
    report = score({k: gold[k] for k in ids}, preds)
    rows = [dict(evaluation_doc(k, gold[k], preds.get(k), texts.get(k))[1], i=i) for i, k in enumerate(ids)]

    def lines() -> Iterator[str]:
        for k in ids:
            yield script_json(evaluation_doc(k, gold[k], preds.get(k), texts.get(k))[0])

    score_rows = []
    for lab in (*LABELS, "micro"):
        v = report["exact"]["micro"] if lab == "micro" else report["exact"]["labels"][lab]
        score_rows.append({"label": lab, "p": _pct(v["precision"]), "r": _pct(v["recall"]), "f": _pct(v["f1"]),
                           "tp": v["tp"], "fp": v["fp"], "fn": v["fn"], "n": v["tp"] + v["fn"]})
    facts = report["facts"]
    extra = [("lenient micro F1", _pct(report["lenient"]["micro"]["f1"])),
             ("facts P / R / F1", f"{_pct(facts['precision'])} / {_pct(facts['recall'])} / {_pct(facts['f1'])}"
                                  f" (tp {facts['tp']}, fp {facts['fp']}, fn {facts['fn']})")]
    for attr in ("value", "unit", "counted", "canonical", "mod"):
        v = report["normalisation"].get(attr)
        if v:
            extra.append((f"{attr} accuracy", f"{_pct(v['accuracy'])} (n={v['n']})"))
    context = {"mode": "evaluate", "title": "csr-facts evaluation",
               "subtitle": f"{len(ids)} gold documents" + (f", split {split}" if split else ""),
               "docs": rows, "scores": score_rows, "extra_scores": extra, "status_text": STATUS_TEXT,
               "meta_json": Markup(script_json({"mode": "evaluate", "colors": COLORS, "status": STATUS_TEXT}))}
    render_page(path, "evaluate.html.j2", context, lines(), len(ids), console, quiet, "evaluation page")
    if not quiet:
        console.print(f"evaluation page: {path} ({len(ids)} documents)", highlight=False)
