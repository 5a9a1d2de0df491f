"""`evaluate`: gold loading, split selection, validation, running extract, report tables."""
from __future__ import annotations

import json
import os
from pathlib import Path

from rich.console import Console
from rich.table import Table

from . import fact_errors
from .reader import read_document
from .resources import NO_GAZETTEER_ENV, listed_names
from .scoring import FIGURES, LABELS, load_records, score, validate


def gold_text_path(gold_dir: Path, rec: dict) -> Path:
    src = Path(rec.get("source") or f"corpus/{rec['id']}.txt")
    for cand in (src, gold_dir.parent / src, gold_dir.parent / "corpus" / src.name):
        if cand.exists():
            return cand
    return src


# Splits stored in gold/splits.json; `real` and `written` are their unions.
STORED_SPLITS = ("dev", "test", "real-dev", "real-test")
UNIONS = {"real": ("real-dev", "real-test"), "written": ("dev", "test")}
SPLITS = (*STORED_SPLITS, *UNIONS, "all")
# Printed side by side when no split is asked for: real press first.
SIDE_BY_SIDE = {"real-test": "real-test", "real-dev": "real-dev", "real": "real",
                "test": "written-test", "written": "written"}


class EvaluateError(Exception):
    """A problem with the gold folder or the predictions, told in one line."""


def split_ids(gold_dir: Path, split: str) -> set[str] | None:
    """Document ids of `split` (None for all)."""
    if split == "all":
        return None
    path = gold_dir / "splits.json"
    if not path.is_file():
        raise EvaluateError(f"--split {split}: {path} does not exist (it lists the documents of each split)")
    try:
        splits = json.loads(path.read_text(encoding="utf-8"))
    except ValueError as exc:
        raise EvaluateError(f"{path}: not valid JSON ({exc})") from exc
    parts = UNIONS.get(split, (split,))
    return {doc for part in parts for doc in splits.get(part, [])}


def load_gold(gold_dir: Path, split: str = "all") -> tuple[dict, dict, dict]:
    """(gold records, texts, paths) for the documents of `split`."""
    gold = load_records(gold_dir)
    wanted = split_ids(gold_dir, split)
    if wanted is not None:
        gold = {k: v for k, v in gold.items() if k in wanted}
    paths = {k: gold_text_path(gold_dir, v) for k, v in gold.items()}
    missing = sorted(str(p) for p in paths.values() if not p.is_file())
    if missing:
        raise EvaluateError(f"{len(missing)} gold source text(s) not found (looked beside {gold_dir} and in "
                            f"its ../corpus/): {', '.join(missing[:3])}{' ...' if len(missing) > 3 else ''}")
    texts = {k: read_document(p).text for k, p in paths.items()}
    return gold, texts, paths


def check_gold(gold: dict, texts: dict) -> dict[str, list[str]]:
    return {k: problems for k in sorted(gold) if (problems := validate(gold[k], texts[k]))}


def predict(paths: dict[str, Path]) -> dict[str, dict]:
    from .work import process_paths

    ids = list(paths)
    recs = process_paths([str(paths[k]) for k in ids])
    return {k: r for k, r in zip(ids, recs, strict=True)}


def run_evaluate(args, err: Console) -> int:
    """The report goes to stdout (pipe it, redirect it); messages go to stderr."""
    out = Console(width=None if Console().is_terminal else 120)
    try:
        return _evaluate(args, err, out)
    except (EvaluateError, ValueError, OSError) as exc:
        err.print(f"[red]evaluate: {exc}[/red]", highlight=False)
        return 2


def _evaluate(args, err: Console, out: Console) -> int:
    gold_dir = Path(args.gold)
    if not gold_dir.is_dir():
        raise EvaluateError(f"{gold_dir} is not a folder")
    if args.pred and not Path(args.pred).exists():
        raise EvaluateError(f"predictions {args.pred}: no such file or folder")
    split = args.split
    if split is None and not (gold_dir / "splits.json").is_file():
        split = "all"  # no splits to set side by side: one report over every document
    gold, texts, paths = load_gold(gold_dir, split or "all")
    problems = check_gold(gold, texts)
    if args.check:
        for doc_id, probs in problems.items():
            for p in probs:
                err.print(f"[red]{doc_id}[/red]: {p}", highlight=False)
        err.print(f"{len(gold)} gold documents, {len(problems)} with problems")
        return 1 if problems else 0
    if args.no_gazetteer:
        os.environ[NO_GAZETTEER_ENV] = "1"
    if args.pred:
        preds = load_records(args.pred)
        covered = len(set(preds) & set(gold))
        if covered < len(gold):
            err.print(f"[yellow]evaluate: the predictions cover {covered} of {len(gold)} gold documents; "
                      "the others are scored as empty[/yellow]", highlight=False)
    else:
        preds = predict(paths)
    if args.facts_baseline:
        from .baseline import naive_facts

        preds = {k: dict(v, facts=naive_facts(v, texts[k])) for k, v in preds.items() if k in texts}
    if getattr(args, "html", None):  # the review page: gold and prediction side by side (pipeline/review_eval.py)
        from .review_eval import write_evaluation_page
        write_evaluation_page(args.html, gold, preds, texts, split=split or "all", console=err)
    if split is None:
        reports = {}
        for name, shown in SIDE_BY_SIDE.items():
            ids = split_ids(gold_dir, name)
            sub = {k: v for k, v in gold.items() if k in ids}
            if sub:
                reports[shown] = dict(score(sub, preds), split=name, org_by_list=org_recall_by_list(sub, preds))
        if args.json:
            print(json.dumps(reports, ensure_ascii=False, indent=1))
        else:
            print_side_by_side(reports, out)
        return 0
    report = score(gold, preds, texts=texts, with_errors=args.errors)
    report["split"] = split
    report["org_by_list"] = org_recall_by_list(gold, preds)
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=1))
    else:
        print_report(report, out)
    if args.errors:
        print_errors(report["errors"], out, args.label)
    return 0


def org_recall_by_list(gold: dict, preds: dict) -> dict:
    """ORG recall (exact) for gold names in the built-in list and for the others."""
    counts = {"listed": [0, 0], "unlisted": [0, 0]}
    for doc_id, g in gold.items():
        listed = listed_names(g.get("lang", "en"))
        found = {(s["start"], s["end"]) for s in (preds.get(doc_id) or {}).get("spans", []) or []
                 if s["label"] == "ORG"}
        for s in g.get("spans", []):
            if s["label"] != "ORG":
                continue
            key = "listed" if s["text"] in listed or s.get("canonical") in listed else "unlisted"
            counts[key][0] += (s["start"], s["end"]) in found
            counts[key][1] += 1
    return {k: {"found": f, "n": n, "recall": f / n if n else None} for k, (f, n) in counts.items()}


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
    by_list = report.get("org_by_list")
    if by_list:
        console.print("ORG recall (exact), names in the built-in list: "
                      f"{_pct(by_list['listed']['recall'])} (n={by_list['listed']['n']}); "
                      f"not in it: {_pct(by_list['unlisted']['recall'])} (n={by_list['unlisted']['n']})")
    t = Table(title="facts (span, org, date)")
    for c in ("", "P", "R", "F1", "tp", "fp", "fn"):
        t.add_column(c, justify="right")
    rows = [("all", report["facts"]), *report["facts_per_lang"].items()]
    for name, v in rows:
        t.add_row(name, _pct(v["precision"]), _pct(v["recall"]), _pct(v["f1"]), str(v["tp"]), str(v["fp"]), str(v["fn"]))
    console.print(t)
    t = Table(title="fact errors by cause (`--errors --label FACT` lists them)")
    t.add_column("cause")
    t.add_column("n", justify="right")
    for cause, n in report["fact_errors"].items():
        t.add_row(fact_errors.CAUSES[cause], str(n))
    console.print(t)


def print_side_by_side(reports: dict[str, dict], console: Console) -> None:
    """Exact F1 per label, values and facts for real and written texts in one table."""
    t = Table(title="exact F1 % by split (real press first; `--split NAME` for details)")
    t.add_column("")
    for name, r in reports.items():
        t.add_column(f"{name} ({r['documents']})", justify="right")

    def row(title, get):
        t.add_row(title, *(get(r) for r in reports.values()))

    for lab in LABELS:
        row(lab, lambda r, lab=lab: _pct(r["exact"]["labels"][lab]["f1"]))
    row("micro", lambda r: _pct(r["exact"]["micro"]["f1"]))
    for lg in ("fr", "en"):
        row(f"micro {lg}", lambda r, lg=lg: _pct(r["per_lang"][lg]["exact"]["micro"]["f1"])
            if lg in r["per_lang"] else "-")
    row("ORG R listed", lambda r: _pct(r["org_by_list"]["listed"]["recall"]))
    row("ORG R unlisted", lambda r: _pct(r["org_by_list"]["unlisted"]["recall"]))
    for attr in ("value", "unit", "counted", "canonical"):
        row(f"{attr} acc.", lambda r, a=attr: _pct((r["normalisation"].get(a) or {}).get("accuracy")))
    row("facts F1", lambda r: _pct(r["facts"]["f1"]))
    for lg in ("fr", "en"):
        row(f"facts F1 {lg}", lambda r, lg=lg: _pct(r["facts_per_lang"][lg]["f1"]) if lg in r["facts_per_lang"] else "-")
    console.print(t, width=max(console.width, 110))


def print_errors(errors: list[dict], console: Console, label: str | None = None) -> None:
    by_label: dict[str, list[dict]] = {}
    for e in errors:
        if label and e["label"] != label.upper():
            continue
        by_label.setdefault(e["label"], []).append(e)
    for lab in LABELS:
        items = by_label.get(lab, [])
        if not items:
            continue
        console.rule(f"{lab}: {len(items)} errors")
        for e in sorted(items, key=lambda e: (e["doc"], e["start"])):
            console.print(f"[{'red' if 'fp' in e['kind'] else 'yellow'}]{e['kind']}[/] {e['doc']} "
                          f"[{e['start']}:{e['end']}] {e['text']!r} {e.get('value', '')}"
                          f"\n    {e['sentence']}", highlight=False)
    _print_fact_errors(by_label.get("FACT", []), console)


def _fact(fact) -> str:
    return f"{fact[0]} | {fact[1]}" if fact else "-"


def _print_fact_errors(items: list[dict], console: Console) -> None:
    """Fact errors grouped by cause (pipeline/fact_errors.py), largest group first."""
    if not items:
        return
    groups: dict[str, list[dict]] = {}
    for e in items:
        groups.setdefault(e["kind"], []).append(e)
    console.rule(f"FACT: {len(items)} errors by cause")
    for cause in sorted(groups, key=lambda c: -len(groups[c])):
        console.print(f"  {len(groups[cause]):4d}  {fact_errors.CAUSES[cause]}", highlight=False)
    for cause in sorted(groups, key=lambda c: -len(groups[c])):
        console.rule(f"FACT {cause}: {len(groups[cause])}")
        for e in sorted(groups[cause], key=lambda e: (e["doc"], e["start"])):
            console.print(f"{e['doc']} [{e['start']}:{e['end']}] {e['text']!r}  gold: {_fact(e['gold'])}  "
                          f"pred: {_fact(e['pred'])}\n    {e['sentence']}", highlight=False)


__all__ = ["run_evaluate", "FIGURES"]
