"""Compare language identifiers on the conformance suite's texts and on corpus/.

    python scripts/compare_langid.py [--external ../shared/external]

Candidates: the stop-word vote the project used before (data/<lang>/langid.json
stopwords), lingua-language-detector in low-accuracy mode (what langid.py uses)
and in its full mode. Prints accuracy and mean time per document.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import time
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


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--external", default=str(ROOT.parent / "shared" / "external"))
    args = ap.parse_args()
    data = samples(Path(args.external))
    from pipeline.langid import detect as used

    candidates = {"stop-word vote (before)": stopword_vote, "lingua, low accuracy": lingua(True),
                  "lingua, full": lingua(False), "lingua, full below 120 characters, + number formats (langid.py)": used}
    print("| identifier | " + " | ".join(f"{k} accuracy (n={len(v)})" for k, v in data.items()) + " | ms per text |")
    print("|---|" + "---|" * (len(data) + 1))
    for name, detect in candidates.items():
        cells, spent, count = [], 0.0, 0
        for items in data.values():
            t0 = time.perf_counter()
            right = sum(detect(text) == lang for text, lang in items)
            spent += time.perf_counter() - t0
            count += len(items)
            cells.append(f"{100 * right / len(items):.1f}" if items else "-")
        print(f"| {name} | " + " | ".join(cells) + f" | {1000 * spent / count:.3f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
