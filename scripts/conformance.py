"""Run the external Recognizers-Text conformance suite and print its table.

The suite lives outside the project (../shared/external/ by default): its
cases are written out as texts (with the SPEC date header where they have a
reference date), extracted with our `extract --out-dir`, and scored by the
suite's own `score_external.py`. Verified files and unverified ones are
reported apart, as the suite's README asks.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--external", default=str(ROOT.parent / "shared" / "external"))
    ap.add_argument("--work", help="work folder (default: a temporary one)")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--unverified", action="store_true", help="also score the *.unverified.jsonl files")
    ap.add_argument("--detect", action="store_true",
                    help="let extract detect each case's language instead of passing --lang")
    args = ap.parse_args(argv)
    ext = Path(args.external)
    cases = ext / "recognizers-text"
    if not cases.is_dir():
        # the suite is written and kept outside the project: nothing to run in a clone without it
        print(f"conformance: skipped, the external suite is expected at {cases} (--external DIR)", file=sys.stderr)
        return 0
    work = Path(args.work or tempfile.mkdtemp(prefix="conformance-"))
    texts, pred = work / "texts", work / "pred"
    files = sorted(cases.glob("*.jsonl"))
    verified = [str(f) for f in files if ".unverified." not in f.name]
    unverified = [str(f) for f in files if ".unverified." in f.name]
    py = sys.executable
    subprocess.run([py, str(ext / "texts_from_jsonl.py"), *verified, *unverified, "--out", str(texts)], check=True)
    # each case's language is known (rt-fr-..., rt-en-...): say it, as a user with a
    # one-language archive would with --lang; one-line cases carry too little text to detect it
    for lang in ("fr", "en"):
        forced = [] if args.detect else ["--lang", lang]
        extract = [py, "-m", "pipeline", "extract", str(texts / f"rt-{lang}-*.txt"), *forced,
                   "--out-dir", str(pred), "--quiet", "--workers", str(args.workers)]
        subprocess.run(extract, check=False)
    groups = [("verified", verified)] + ([("unverified", unverified)] if args.unverified else [])
    for name, gold in groups:
        print(f"\n## {name}\n", flush=True)
        subprocess.run([py, str(ext / "score_external.py"), *gold, "--pred", str(pred),
                        "--offsets", str(texts / "_offsets.json"), "--details", str(work / f"misses-{name}.jsonl")],
                       check=True)
    print(f"\nwork folder: {work}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
