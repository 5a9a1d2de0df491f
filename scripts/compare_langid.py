"""Compare language identifiers on the conformance suite's texts and on corpus/.

    python scripts/compare_langid.py [--external ../shared/external]

Candidates: the stop-word vote the project used before (data/<lang>/langid.json
stopwords), lingua-language-detector alone in its low-accuracy and full modes,
and langid.py (lingua weighed against number formats and number words). Prints
accuracy and mean time per document, then the suite's ceiling: texts that
carry no language evidence (langid.evidence_free) and texts that the suite
lists under both labels (the same text, spaces aside, as a French and as an
English case). A deterministic identifier misses one label of each such pair
whatever it does, so these misses bound the accuracy any identifier can reach.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.reader import parse_header, read_document  # noqa: E402
from pipeline.resources import LANGS, load  # noqa: E402

WORD = re.compile(r"[a-zà-ÿ']+")


def stopword_vote(text: str, default: str = "en") -> str:
    words = WORD.findall(text[:5000].lower())
    scores = {lang: sum(1 for w in words if w in set(load(lang, "langid")["stopwords"])) for lang in LANGS}
    scores["fr"] += 0.5 * len(re.findall(r"[éèêàçùûôî]", text[:5000].lower()))
    best = max(scores, key=scores.get)
    return best if scores[best] > 0 else default


def lingua(low: bool):
    from lingua import Language, LanguageDetectorBuilder

    codes = {getattr(Language, load(c, "langid")["lingua_language"]): c for c in LANGS}
    builder = LanguageDetectorBuilder.from_languages(*codes)
    detector = (builder.with_low_accuracy_mode() if low else builder).build()

    def detect(text: str, default: str = "en") -> str:
        if not any(ch.isalpha() for ch in text):
            return default
        return codes.get(detector.detect_language_of(text[:3000]), default)
    return detect


def samples(external: Path) -> dict[str, list[tuple[str, str]]]:
    out = {"conformance": [], "corpus": []}
    for f in sorted((external / "recognizers-text").glob("*.jsonl")):
        if ".unverified." in f.name:
            continue
        for line in f.read_text(encoding="utf-8").splitlines():
            case = json.loads(line)
            out["conformance"].append((case["text"], case["lang"]))
    for p in sorted((ROOT / "corpus").glob("*.txt")):
        text = read_document(p).text
        out["corpus"].append((text[parse_header(text)[1]:], p.name[:2]))
    return out


def ceiling(items: list[tuple[str, str]]) -> None:
    """Print how many suite texts no identifier can get right, and why."""
    from pipeline.langid import evidence_free

    labels: dict[str, Counter] = defaultdict(Counter)
    for text, lang in items:
        labels[" ".join(text.split())][lang] += 1
    free = [text for text, _ in items if evidence_free(text)]
    both = {t: c for t, c in labels.items() if len(c) > 1}
    both_free = {t: c for t, c in both.items() if evidence_free(t)}
    unavoidable = sum(min(c.values()) for c in both.values())
    n = len(items)
    print(f"\nconformance texts with no language evidence (they get the default): {len(free)} of {n}")
    print(f"texts listed under both labels: {sum(sum(c.values()) for c in both.values())} cases "
          f"({len(both)} distinct texts), of which with no language evidence: "
          f"{sum(sum(c.values()) for c in both_free.values())} cases ({len(both_free)} texts)")
    print(f"misses no identifier can avoid (the smaller label of each such text): {unavoidable}; "
          f"ceiling {100 * (n - unavoidable) / n:.1f} %")
    print("  " + ", ".join(f"{t!r} {dict(c)}" for t, c in both.items()))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--external", default=str(ROOT.parent / "shared" / "external"))
    args = ap.parse_args()
    data = samples(Path(args.external))
    from pipeline.langid import detect as used

    candidates = {"stop-word vote (before lingua)": stopword_vote, "lingua, low accuracy": lingua(True),
                  "lingua, full": lingua(False),
                  "langid.py: lingua (full below 120 characters) + formats and number words": used}
    print("| identifier | " + " | ".join(f"{k} accuracy (n={len(v)}) | {k} ms per text" for k, v in data.items())
          + " | ms per text, all |")
    print("|---|" + "---|" * (2 * len(data) + 1))
    for name, detect in candidates.items():
        for text in ("Le groupe a réduit ses émissions de 12 %.", "Have a great week!", "1 234,5"):
            detect(text)  # models load once per process: not a cost per text
        cells, spent, count = [], 0.0, 0
        for items in data.values():
            t0 = time.perf_counter()
            right = sum(detect(text) == lang for text, lang in items)
            took = time.perf_counter() - t0
            spent += took
            count += len(items)
            cells += [f"{100 * right / len(items):.1f}", f"{1000 * took / len(items):.3f}"] if items else ["-", "-"]
        print(f"| {name} | " + " | ".join(cells) + f" | {1000 * spent / max(count, 1):.3f} |")
    if data["conformance"]:
        ceiling(data["conformance"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
