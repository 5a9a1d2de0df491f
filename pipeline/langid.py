"""French or English per document, by stop-word counts (data/<lang>/langid.json)."""
from __future__ import annotations

import re

from .resources import LANGS, load

WORD = re.compile(r"[a-zà-ÿ']+")


def detect(text: str, *, default: str = "en") -> str:
    words = WORD.findall(text[:5000].lower())
    scores = {}
    for lang in LANGS:
        stop = set(load(lang, "langid")["stopwords"])
        scores[lang] = sum(1 for w in words if w in stop)
    # accents are a strong French signal on short texts with few stop words
    scores["fr"] += 0.5 * len(re.findall(r"[éèêàçùûôî]", text[:5000].lower()))
    best = max(scores, key=scores.get)
    return best if scores[best] > 0 else default
