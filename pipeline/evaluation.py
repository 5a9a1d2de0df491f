"""`evaluate`: gold loading, split selection, validation, running extract, report tables."""
from __future__ import annotations

import json
from pathlib import Path

from rich.console import Console
from rich.table import Table

from .reader import read_document
from .scoring import FIGURES, LABELS, load_records, score, validate


def gold_text_path(gold_dir: Path, rec: dict) -> Path:
    src = Path(rec.get("source") or f"corpus/{rec['id']}.txt")
    for cand in (src, gold_dir.parent / src, gold_dir.parent / "corpus" / src.name):
        if cand.exists():
            return cand
    return src


def load_gold(gold_dir: Path, split: str = "all") -> tuple[dict, dict, dict]:
    """(gold records, texts, paths) for the documents of `split`."""
    gold = load_records(gold_dir)
    if split != "all":
        splits = json.loads((gold_dir / "splits.json").read_text(encoding="utf-8"))
        wanted = set(splits[split])
        gold = {k: v for k, v in gold.items() if k in wanted}
    paths = {k: gold_text_path(gold_dir, v) for k, v in gold.items()}
    texts = {k: read_document(p).text for k, p in paths.items()}
    return gold, texts, paths


def check_gold(gold: dict, texts: dict) -> dict[str, list[str]]:
    return {k: problems for k in sorted(gold) if (problems := validate(gold[k], texts[k]))}


def predict(paths: dict[str, Path]) -> dict[str, dict]:
    from .runner import process_paths

    ids = list(paths)
    recs = process_paths([str(paths[k]) for k in ids])
    return {k: r for k, r in zip(ids, recs, strict=True)}


def run_evaluate(args, err: Console) -> int:
    gold_dir = Path(args.gold)
    if not gold_dir.is_dir():
        err.print(f"[red]evaluate: {gold_dir} is not a folder[/red]")
        return 2
    gold, texts, paths = load_gold(gold_dir, args.split)
    problems = check_gold(gold, texts)
    if args.check:
        for doc_id, probs in problems.items():
            for p in probs:
                err.print(f"[red]{doc_id}[/red]: {p}", highlight=False)
        err.print(f"{len(gold)} gold documents, {len(problems)} with problems")
        return 1 if problems else 0
    if args.pred:
        preds = load_records(args.pred)
    else:
        preds = predict(paths)
    if args.facts_baseline:
        from .baseline import naive_facts

        preds = {k: dict(v, facts=naive_facts(v, texts[k])) for k, v in preds.items() if k in texts}
    report = score(gold, preds, texts=texts, with_errors=args.errors)
    report["split"] = args.split
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=1))
    else:
        print_report(report, err)
    if args.errors:
        print_errors(report["errors"], err, args.label)
    return 0


def _pct(x) -> str:
    return "-" if x is None else f"{100 * x:.1f}"


def print_report(report: dict, console: Console) -> None:
    console.print(f"[bold]{report['documents']} documents, split {report['split']}[/bold]")
    langs = ["all", *report["per_lang"].keys()]
    for mode in ("exact", "lenient"):
        t = Table(title=f"spans, {mode} match (P / R / F1 %)")
        t.add_column("label")
        for lg in langs:
            t.add_column(lg, justify="right")
        for lab in (*LABELS, "micro", "macro F1"):
            row = [lab]
            for lg in langs:
                table = report[mode] if lg == "all" else report["per_lang"][lg][mode]
                if lab == "macro F1":
                    row.append(_pct(table["macro_f1"]))
                    continue
                v = table["micro"] if lab == "micro" else table["labels"][lab]
                row.append(f"{_pct(v['precision'])} / {_pct(v['recall'])} / {_pct(v['f1'])}  (n={v['tp'] + v['fn']})")
            t.add_row(*row)
        console.print(t)
    t = Table(title="normalisation on exactly matched spans")
    t.add_column("attribute")
    t.add_column("n", justify="right")
    t.add_column("accuracy %", justify="right")
    for k, v in report["normalisation"].items():
        t.add_row(k, str(v["n"]), _pct(v["accuracy"]))
    console.print(t)
    t = Table(title="facts (span, org, date)")
    for c in ("", "P", "R", "F1", "tp", "fp", "fn"):
        t.add_column(c, justify="right")
    rows = [("all", report["facts"]), *report["facts_per_lang"].items()]
    for name, v in rows:
        t.add_row(name, _pct(v["precision"]), _pct(v["recall"]), _pct(v["f1"]), str(v["tp"]), str(v["fp"]), str(v["fn"]))
    console.print(t)


def print_errors(errors: list[dict], console: Console, label: str | None = None) -> None:
    by_label: dict[str, list[dict]] = {}
    for e in errors:
        if label and e["label"] != label.upper():
            continue
        by_label.setdefault(e["label"], []).append(e)
    for lab in (*LABELS, "FACT"):
        items = by_label.get(lab, [])
        if not items:
            continue
        console.rule(f"{lab}: {len(items)} errors")
        for e in sorted(items, key=lambda e: (e["doc"], e["start"])):
            console.print(f"[{'red' if 'fp' in e['kind'] else 'yellow'}]{e['kind']}[/] {e['doc']} "
                          f"[{e['start']}:{e['end']}] {e['text']!r} {e.get('value', '') if lab != 'FACT' else ''}"
                          f"\n    {e['sentence']}", highlight=False)


__all__ = ["run_evaluate", "FIGURES"]
