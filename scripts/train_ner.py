"""Fine-tune the model's NER on the gold's development texts (ORG), keep its other labels.

    python scripts/train_ner.py LANG [--epochs N] [--holdout FRACTION] [--out DIR]

Why: the statistical NER was trained on other text (OntoNotes news, WikiNER)
and misses the names CSR press is full of (councils, charities, cooperatives,
intercommunales). The gold labels every ORG of its texts, so those texts can
correct the model's ORG decisions, while the model's own predictions for its
other labels (persons, places, dates) are replayed as they are so that it
does not forget them (pseudo-rehearsal).

Trains only on the splits `dev` and `real-dev` (never on `test` or
`real-test`). `--holdout 0.3` keeps a random 30 % of those documents out of
training and prints their ORG scores per epoch (model alone), which is how
the number of epochs is chosen. Without `--holdout` it trains on all of them
and writes the NER component to `pipeline/models/LANG/ner` (or `--out`), which
`pipeline/nlp.py` then loads over the model's own (CSR_BASE_NER=1 turns it off).
Deterministic: same data, same seed, same bytes (8 epochs, batch 4, dropout 0.2;
epochs chosen on a 30 % hold-out of the development texts).

Only English ships a tuned NER: on texts it never saw (real-test, a fresh batch)
the English one raised ORG F1 by 3 to 4.5 points, the French one by nothing
(fr_core_news_md, with vectors, is already the stronger model), so French keeps
the model's own (README, "A fine-tuned English NER").
"""
from __future__ import annotations

import argparse
import importlib
import json
import random
import sys
from pathlib import Path

import spacy
from spacy.tokens import Span
from spacy.training import Example
from spacy.util import filter_spans, minibatch

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.evaluation import gold_text_path  # noqa: E402
from pipeline.nlp import MODELS  # noqa: E402
from pipeline.reader import read_document  # noqa: E402

TRAIN_SPLITS = ("dev", "real-dev")
SEED = 20261202


def documents(lang: str) -> list[tuple[str, str, list[tuple[int, int]]]]:
    """(id, text, gold ORG char spans) of the development documents in `lang`."""
    splits = json.loads((ROOT / "gold" / "splits.json").read_text(encoding="utf-8"))
    out = []
    for split in TRAIN_SPLITS:
        for doc_id in splits[split]:
            rec = json.loads((ROOT / "gold" / f"{doc_id}.json").read_text(encoding="utf-8"))
            if rec.get("lang") != lang:
                continue
            text = read_document(gold_text_path(ROOT / "gold", rec)).text
            orgs = [(s["start"], s["end"]) for s in rec["spans"] if s["label"] == "ORG"]
            out.append((doc_id, text, orgs))
    return out


def example(nlp, text: str, orgs: list[tuple[int, int]]) -> Example:
    """Gold ORGs as ORG; the model's other entities kept where they touch no gold ORG; the rest O."""
    predicted = nlp(text)
    reference = nlp.make_doc(text)
    gold = [reference.char_span(s, e, label="ORG", alignment_mode="contract") for s, e in orgs]
    gold = [g for g in gold if g is not None]
    taken = {i for g in gold for i in range(g.start, g.end)}
    replay = [Span(reference, e.start, e.end, label=e.label_) for e in predicted.ents
              if e.label_ != "ORG" and not taken.intersection(range(e.start, e.end))]
    reference.ents = filter_spans(gold + replay)
    return Example(nlp.make_doc(text), reference)


def org_scores(nlp, docs) -> tuple[float, float, float]:
    tp = fp = fn = 0
    for _, text, orgs in docs:
        doc = nlp(text)
        pred = {(e.start_char, e.end_char) for e in doc.ents if e.label_ == "ORG"}
        gold = set(orgs)
        tp += len(pred & gold)
        fp += len(pred - gold)
        fn += len(gold - pred)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("lang", choices=sorted(MODELS))
    ap.add_argument("--epochs", type=int, default=8)
    ap.add_argument("--holdout", type=float, default=0.0)
    ap.add_argument("--dropout", type=float, default=0.2)
    ap.add_argument("--out", type=Path)
    args = ap.parse_args(argv)

    random.seed(SEED)
    spacy.util.fix_random_seed(SEED)
    nlp = importlib.import_module(MODELS[args.lang]).load()
    docs = documents(args.lang)
    random.shuffle(docs)
    n_held = round(len(docs) * args.holdout)
    held, train = docs[:n_held], docs[n_held:]
    examples = [example(nlp, text, orgs) for _, text, orgs in train]
    print(f"{args.lang}: {len(train)} training documents, {len(held)} held out", file=sys.stderr)
    if held:
        print("held out:", " ".join(sorted(d for d, _, _ in held)), file=sys.stderr)
        print("epoch 0 held-out ORG P/R/F1: {:.3f} {:.3f} {:.3f}".format(*org_scores(nlp, held)), file=sys.stderr)
    other = [p for p in nlp.pipe_names if p != "ner"]
    with nlp.select_pipes(disable=other):
        optimizer = nlp.resume_training()
        for epoch in range(1, args.epochs + 1):
            random.shuffle(examples)
            losses: dict = {}
            for batch in minibatch(examples, size=4):
                nlp.update(batch, drop=args.dropout, sgd=optimizer, losses=losses)
            line = f"epoch {epoch} loss {losses.get('ner', 0):.1f}"
            if held:
                line += " held-out ORG P/R/F1: {:.3f} {:.3f} {:.3f}".format(*org_scores(nlp, held))
            print(line, file=sys.stderr)
    if args.out or not held:
        out = args.out or ROOT / "pipeline" / "models" / args.lang / "ner"
        out.parent.mkdir(parents=True, exist_ok=True)
        nlp.get_pipe("ner").to_disk(out, exclude=["vocab"])  # the vocab (vectors) is the model's own
        print(f"wrote {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
