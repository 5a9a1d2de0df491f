"""Set-based scoring of SPEC records against gold (exact, lenient, values, facts).

Spans are compared as sets of (start, end, label) per document, as spaCy's
Scorer does; lenient matching pairs overlapping spans of the same label
one-to-one, largest overlap first. Micro averages sum counts over labels;
macro averages the per-label F1.
"""
from __future__ import annotations

import json
import math
import re
from collections import Counter, defaultdict
from pathlib import Path

from . import fact_errors

LABELS = ("ORG", "DATE", "QUANTITY", "MONEY", "PERCENT")
FIGURES = ("QUANTITY", "MONEY", "PERCENT")


def prf(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "precision": p, "recall": r, "f1": f}


def values_agree(label: str, gold, pred) -> bool:
    if label == "DATE":
        return gold == pred
    if gold is None or pred is None:
        return gold is None and pred is None
    try:
        g, p = float(gold), float(pred)
    except (TypeError, ValueError):
        return False
    if g == p:
        return True
    return abs(g - p) <= 0.001 * max(abs(g), abs(p))


def lenient_pairs(gold: list[dict], pred: list[dict]) -> list[tuple[int, int]]:
    pairs = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            if g["label"] == p["label"]:
                o = min(g["end"], p["end"]) - max(g["start"], p["start"])
                if o > 0:
                    pairs.append((-o, gi, pi))
    pairs.sort()
    used_g, used_p, out = set(), set(), []
    for _o, gi, pi in pairs:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            out.append((gi, pi))
    return out


class Tally:
    """Counts per (mode, lang, label)."""

    def __init__(self):
        self.c = defaultdict(Counter)

    def add(self, mode: str, lang: str, label: str, kind: str, n: int = 1):
        for lg in (lang, "all"):
            self.c[(mode, lg)][(label, kind)] += n

    def table(self, mode: str, lang: str = "all") -> dict:
        counts = self.c[(mode, lang)]
        per = {lab: prf(counts[(lab, "tp")], counts[(lab, "fp")], counts[(lab, "fn")]) for lab in LABELS}
        tp = sum(v["tp"] for v in per.values())
        fp = sum(v["fp"] for v in per.values())
        fn = sum(v["fn"] for v in per.values())
        present = [lab for lab in LABELS if per[lab]["tp"] + per[lab]["fp"] + per[lab]["fn"]]
        macro = sum(per[lab]["f1"] for lab in present) / len(present) if present else 0.0
        return {"labels": per, "micro": prf(tp, fp, fn), "macro_f1": macro}


def score(gold_docs: dict[str, dict], pred_docs: dict[str, dict], *, texts: dict[str, str] | None = None,
          with_errors: bool = False) -> dict:
    """Scores for the documents of `gold_docs` (missing predictions count as empty)."""
    tally = Tally()
    norm = defaultdict(Counter)
    facts = Counter()
    facts_lang = defaultdict(Counter)
    fact_causes = Counter()
    errors = []
    for doc_id, gold in gold_docs.items():
        pred = pred_docs.get(doc_id) or {"spans": [], "facts": []}
        lang = gold.get("lang", "?")
        gspans, pspans = gold.get("spans", []), pred.get("spans", []) or []
        gset = {(s["start"], s["end"], s["label"]): s for s in gspans}
        pset = {(s["start"], s["end"], s["label"]): s for s in pspans}
        for key in gset.keys() | pset.keys():
            kind = "tp" if key in gset and key in pset else ("fn" if key in gset else "fp")
            tally.add("exact", lang, key[2], kind)
            if with_errors and kind != "tp":
                s = gset.get(key) or pset.get(key)
                errors.append(_error(doc_id, kind, s, texts.get(doc_id) if texts else None))
        pairs = lenient_pairs(gspans, pspans)
        matched_g = {g for g, _p in pairs}
        matched_p = {p for _g, p in pairs}
        for gi, _pi in pairs:
            tally.add("lenient", lang, gspans[gi]["label"], "tp")
        for gi, s in enumerate(gspans):
            if gi not in matched_g:
                tally.add("lenient", lang, s["label"], "fn")
        for pi, s in enumerate(pspans):
            if pi not in matched_p:
                tally.add("lenient", lang, s["label"], "fp")
        for key in gset.keys() & pset.keys():
            g, p = gset[key], pset[key]
            label = key[2]
            if label == "ORG":
                _norm_add(norm, "canonical", g.get("canonical") == p.get("canonical"))
            elif label == "DATE":
                _norm_add(norm, "value", values_agree(label, g.get("value"), p.get("value")), label)
                if g.get("mod") or p.get("mod"):
                    _norm_add(norm, "mod", g.get("mod") == p.get("mod"))
            else:
                _norm_add(norm, "value", values_agree(label, g.get("value"), p.get("value")), label)
                _norm_add(norm, "unit", (g.get("unit") or None) == (p.get("unit") or None), label)
                if g.get("counted"):
                    _norm_add(norm, "counted", g.get("counted") == p.get("counted"), label)
        gf = {(f["span"][0], f["span"][1], f["org"], f.get("date")) for f in gold.get("facts", [])}
        pf = {(f["span"][0], f["span"][1], f["org"], f.get("date")) for f in pred.get("facts", []) or []}
        for counter in (facts, facts_lang[lang]):
            counter["tp"] += len(gf & pf)
            counter["fp"] += len(pf - gf)
            counter["fn"] += len(gf - pf)
        doc_fact_errors = fact_errors.classify(gold, pred)
        fact_causes.update(e["cause"] for e in doc_fact_errors)
        if with_errors:
            for e in doc_fact_errors:
                (s, end), shown = e["span"], e["gold"] or e["pred"]
                errors.append({"doc": doc_id, "kind": e["cause"], "label": "FACT", "start": s, "end": end,
                               "text": (texts.get(doc_id) or "")[s:end] if texts else "",
                               "gold": e["gold"], "pred": e["pred"], "value": shown,
                               "sentence": _sentence(texts.get(doc_id), s) if texts else ""})
    langs = sorted({g.get("lang", "?") for g in gold_docs.values()})
    report = {
        "documents": len(gold_docs),
        "exact": tally.table("exact"),
        "lenient": tally.table("lenient"),
        "per_lang": {lg: {"exact": tally.table("exact", lg), "lenient": tally.table("lenient", lg)} for lg in langs},
        "normalisation": {k: {"n": v["n"], "correct": v["ok"], "accuracy": v["ok"] / v["n"] if v["n"] else None}
                          for k, v in sorted(norm.items())},
        "facts": prf(facts["tp"], facts["fp"], facts["fn"]),
        "facts_per_lang": {lg: prf(c["tp"], c["fp"], c["fn"]) for lg, c in sorted(facts_lang.items())},
        "fact_errors": {cause: fact_causes.get(cause, 0) for cause in fact_errors.CAUSES},
    }
    if with_errors:
        report["errors"] = errors
    return report


def _norm_add(norm, attr: str, ok: bool, label: str | None = None):
    keys = [attr] if label is None else [attr, f"{attr}:{label}"]
    if attr == "value" and label:
        keys.append("value:DATE" if label == "DATE" else "value:figures")
    for k in dict.fromkeys(keys):
        norm[k]["n"] += 1
        norm[k]["ok"] += int(ok)


def _sentence(text: str | None, pos: int) -> str:
    if not text:
        return ""
    left = max(text.rfind(". ", 0, pos), text.rfind("\n", 0, pos))
    right_candidates = [i for i in (text.find(". ", pos), text.find("\n", pos)) if i != -1]
    right = min(right_candidates) if right_candidates else len(text)
    return re.sub(r"\s+", " ", text[left + 1:right + 1]).strip()


def _error(doc_id, kind, s, text) -> dict:
    return {"doc": doc_id, "kind": kind, "label": s["label"], "start": s["start"], "end": s["end"],
            "text": s.get("text", ""), "value": s.get("value", s.get("canonical")),
            "sentence": _sentence(text, s["start"])}


# ---- loading and validation -------------------------------------------------

def load_records(path: str | Path) -> dict[str, dict]:
    """Records by id from a folder of JSON files or a JSON Lines file.

    A file that is not valid JSON raises ValueError naming the file (and line)."""
    path = Path(path)
    out = {}
    if path.is_dir():
        for p in sorted(path.glob("*.json")):
            if p.name in ("splits.json",) or p.name.startswith("_"):
                continue
            try:
                rec = json.loads(p.read_text(encoding="utf-8"))
            except ValueError as exc:
                raise ValueError(f"{p}: not valid JSON ({exc})") from exc
            if isinstance(rec, dict) and "spans" in rec:
                out[rec.get("id") or p.stem] = rec
    else:
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                try:
                    rec = json.loads(line)
                except ValueError as exc:
                    raise ValueError(f"{path}, line {n}: not valid JSON ({exc})") from exc
                if isinstance(rec, dict) and "spans" in rec:
                    out[rec["id"]] = rec
    return out


ISO_DATE = re.compile(r"^\d{4}(-(\d{2}|Q[1-4]|H[12]))?(-\d{2})?(/\d{4}(-(\d{2}|Q[1-4]|H[12]))?(-\d{2})?)?$")


def validate(record: dict, text: str) -> list[str]:
    """Problems with one gold record against its text (empty when valid)."""
    problems = []
    spans = record.get("spans", [])
    prev_end = -1
    canon = set()
    figure_offsets = set()
    date_values = set()
    for i, s in enumerate(spans):
        where = f"span {i} {s.get('text')!r}"
        if s.get("label") not in LABELS:
            problems.append(f"{where}: bad label {s.get('label')}")
            continue
        if text[s["start"]:s["end"]] != s.get("text"):
            problems.append(f"{where}: text[{s['start']}:{s['end']}] is {text[s['start']:s['end']]!r}")
        if s["start"] < prev_end:
            problems.append(f"{where}: overlaps or is out of order")
        prev_end = max(prev_end, s["end"])
        label = s["label"]
        if label == "ORG":
            if not s.get("canonical"):
                problems.append(f"{where}: ORG without canonical")
            canon.add(s.get("canonical"))
        elif label == "DATE":
            v = s.get("value")
            if v is not None and not ISO_DATE.match(str(v)):
                problems.append(f"{where}: DATE value {v!r} is not ISO")
            if s.get("mod") not in (None, "START", "MID", "END"):
                problems.append(f"{where}: bad mod {s.get('mod')}")
            date_values.add(v)
        else:
            v = s.get("value")
            if not isinstance(v, (int, float)) or isinstance(v, bool) or not math.isfinite(v):
                problems.append(f"{where}: value {v!r} is not a finite number")
            figure_offsets.add((s["start"], s["end"]))
            if label == "MONEY" and not re.fullmatch(r"[A-Z]{3}", str(s.get("unit"))):
                problems.append(f"{where}: MONEY unit {s.get('unit')!r} is not ISO 4217")
            if label == "PERCENT" and s.get("unit") not in (None, "pp"):
                problems.append(f"{where}: PERCENT unit {s.get('unit')!r}")
    canon_by_name = defaultdict(set)
    for s in spans:
        if s.get("label") == "ORG":
            canon_by_name[s["text"]].add(s.get("canonical"))
    for name, cs in canon_by_name.items():
        if len(cs) > 1:
            problems.append(f"ORG {name!r} has several canonicals {sorted(map(str, cs))}")
    for f in record.get("facts", []):
        if tuple(f["span"]) not in figure_offsets:
            problems.append(f"fact {f['span']}: not a figure span")
        if f.get("org") not in canon:
            problems.append(f"fact {f['span']}: org {f.get('org')!r} is no ORG canonical")
        if f.get("date") is not None and f["date"] not in date_values:
            problems.append(f"fact {f['span']}: date {f['date']!r} is no DATE value")
    return problems
