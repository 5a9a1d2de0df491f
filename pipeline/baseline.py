"""The naive fact linker the issue measures against, kept to report the gain.

Nearest organisation before the figure in its sentence, else the document's
most-mentioned organisation; the first date of the sentence.
"""
from __future__ import annotations

import re
from collections import Counter

SENTENCE_END = re.compile(r"[.!?](?=\s)|\n")


def sentence_bounds(text: str, pos: int) -> tuple[int, int]:
    starts = [m.end() for m in SENTENCE_END.finditer(text, 0, pos)]
    left = starts[-1] if starts else 0
    m = SENTENCE_END.search(text, pos)
    return left, (m.end() if m else len(text))


def naive_facts(record: dict, text: str) -> list[dict]:
    spans = record.get("spans", [])
    orgs = [s for s in spans if s["label"] == "ORG"]
    counts = Counter(s.get("canonical") for s in orgs)
    main = counts.most_common(1)[0][0] if counts else None
    facts = []
    for s in spans:
        if s["label"] not in ("QUANTITY", "MONEY", "PERCENT"):
            continue
        lo, hi = sentence_bounds(text, s["start"])
        before = [o for o in orgs if lo <= o["start"] and o["end"] <= s["start"]]
        org = before[-1].get("canonical") if before else main
        if org is None:
            continue
        dates = [d for d in spans if d["label"] == "DATE" and lo <= d["start"] and d["end"] <= hi]
        facts.append({"span": [s["start"], s["end"]], "org": org, "date": dates[0].get("value") if dates else None})
    return facts
