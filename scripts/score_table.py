"""Print the README's score table (markdown) from evaluate's JSON reports.

    python scripts/score_table.py [PRED]

Runs `evaluate gold/ [PRED] --json` three times (as is, `--no-gazetteer`,
`--facts-baseline`) and prints one table: exact F1 per label, micro, lenient
micro, value/unit/counted/canonical accuracy, facts P/R/F1 per language,
the naive linker, ORG without the list and ORG recall in and out of the list,
then the fact error counts by cause. Each call re-runs extract unless PRED
is given (PRED is used for the first and third report; `--no-gazetteer`
always re-runs).
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPLITS = ("real-test", "real-dev", "written-test", "written")
LABELS = ("ORG", "DATE", "QUANTITY", "MONEY", "PERCENT")


def report(*args: str) -> dict:
    evaluate = Path(sys.executable).with_name("evaluate")
    out = subprocess.run([str(evaluate), "gold/", *args, "--json"],
                         cwd=ROOT, capture_output=True, text=True, check=True).stdout
    return json.loads(out)


def pct(x) -> str:
    return "-" if x is None else f"{100 * x:.1f}"


def main() -> int:
    pred = sys.argv[1:2]
    base, no_list = report(*pred), report("--no-gazetteer")
    naive = report(*pred, "--facts-baseline")
    head = "| exact F1 % | " + " | ".join(f"{s} ({base[s]['documents']})" for s in SPLITS) + " |"
    rows = [head, "|---" * (len(SPLITS) + 1) + "|"]

    def row(title, get, bold=False):
        cells = [get(base[s], s) for s in SPLITS]
        if bold:
            title, cells = f"**{title}**", [f"**{c}**" for c in cells]
        rows.append(f"| {title} | " + " | ".join(cells) + " |")

    for lab in LABELS:
        row(lab, lambda r, s, lab=lab: pct(r["exact"]["labels"][lab]["f1"]))
    row("micro", lambda r, s: pct(r["exact"]["micro"]["f1"]), bold=True)
    row("micro P / R", lambda r, s: f"{pct(r['exact']['micro']['precision'])} / {pct(r['exact']['micro']['recall'])}")
    for lg in ("fr", "en"):
        row(f"micro {lg}", lambda r, s, lg=lg: pct(r["per_lang"][lg]["exact"]["micro"]["f1"]))
    row("lenient micro", lambda r, s: pct(r["lenient"]["micro"]["f1"]))
    for attr in ("value", "unit", "counted", "canonical"):
        row(f"{attr} accuracy", lambda r, s, a=attr: pct((r["normalisation"].get(a) or {}).get("accuracy")))
    row("facts F1", lambda r, s: pct(r["facts"]["f1"]), bold=True)
    row("facts P / R", lambda r, s: f"{pct(r['facts']['precision'])} / {pct(r['facts']['recall'])}")
    for lg in ("fr", "en"):
        row(f"facts F1 {lg} (P / R)", lambda r, s, lg=lg: (
            f"{pct(r['facts_per_lang'][lg]['f1'])} ({pct(r['facts_per_lang'][lg]['precision'])} / "
            f"{pct(r['facts_per_lang'][lg]['recall'])})"))
    row("facts F1, naive linker", lambda r, s: pct(naive[s]["facts"]["f1"]))
    row("ORG F1 without the list (`--no-gazetteer`)", lambda r, s: pct(no_list[s]["exact"]["labels"]["ORG"]["f1"]))
    row("ORG recall, names in the list", lambda r, s: (
        f"{pct(r['org_by_list']['listed']['recall'])} (n={r['org_by_list']['listed']['n']})"))
    row("ORG recall, names not in it", lambda r, s: (
        f"{pct(r['org_by_list']['unlisted']['recall'])} (n={r['org_by_list']['unlisted']['n']})"))
    print("\n".join(rows))
    print()
    print("| fact errors by cause | " + " | ".join(SPLITS) + " |")
    print("|---" * (len(SPLITS) + 1) + "|")
    for cause in base[SPLITS[0]]["fact_errors"]:
        print(f"| {cause} | " + " | ".join(str(base[s]["fact_errors"][cause]) for s in SPLITS) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
