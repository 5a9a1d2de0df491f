"""Runs `extract` over many files: streaming, batching, workers, errors, summary.

Records come out in input order whatever the engine (one process, a process
pool, or Dask). A file that fails gives an error record and a line on
stderr; the batch goes on.
"""
from __future__ import annotations

import os
import signal
import threading
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from .output import Writer, previous_records
from .reader import fingerprint
from .review import review_for
from .work import batches, process_paths


def records_local(paths, lang, batch_size, ids) -> Iterator[dict]:
    for batch, batch_ids in zip(batches(paths, batch_size), batches(ids, batch_size), strict=True):
        yield from process_paths(batch, lang, batch_size, batch_ids)


def _pool_work(args):
    batch, lang, batch_size, ids = args
    return process_paths(batch, lang, batch_size, ids)


def records_pool(paths, lang, batch_size, workers, ids) -> Iterator[dict]:
    """N fresh processes, one BLAS thread each (N processes x N threads would oversubscribe
    the cores); `imap` keeps the input order while later batches are already running."""
    import multiprocessing as mp

    for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, "1")
    ctx = mp.get_context("spawn")
    jobs = ((b, lang, batch_size, i) for b, i in zip(batches(paths, batch_size), batches(ids, batch_size), strict=True))
    with ctx.Pool(workers) as pool:
        for recs in pool.imap(_pool_work, jobs):
            yield from recs


def records_dask(paths, lang, batch_size, address, ids) -> Iterator[dict]:
    from .distributed import records_dask as run

    yield from run(paths, lang, batch_size, address, ids)


def _still_valid(path: str, rec: dict) -> bool:
    """A record from an earlier run is reused only if its input has not changed since."""
    try:
        return path != "-" and fingerprint(Path(path).read_bytes()) == rec.get("input")
    except OSError:
        return False


def _follow_long_texts(progress: Progress, paths: list[str], args) -> None:
    """One process reading texts longer than a piece: a second bar counts characters parsed,
    so that a 3 MB report shows progress instead of minutes of silence."""
    from . import extract

    if args.dask or args.workers > 1 or progress.disable:
        return
    sizes = [os.path.getsize(p) if p != "-" and os.path.isfile(p) else 0 for p in paths]
    long_total = sum(s for s in sizes if s > extract.CHUNK_CHARS)
    if long_total:
        chars = progress.add_task("characters of long texts", total=long_total)
        extract.chunk_progress = lambda n: progress.advance(chars, n)


def _sigterm(_signum, _frame):
    raise KeyboardInterrupt  # the same clean stop as Ctrl-C: previous outputs kept


def run_paths(paths: list[str], ids: list[str], args, err: Console) -> int:
    reused: dict[int, dict] = {}
    if args.resume:
        previous = previous_records(args.output, args.out_dir)
        for i, path in enumerate(paths):
            rec = previous.get(path)
            if rec is not None and rec.get("id") == ids[i] and _still_valid(path, rec):
                reused[i] = rec
        if reused and not args.quiet:
            err.print(f"resume: {len(reused)} of {len(paths)} input(s) already done and unchanged")
    todo = [i for i in range(len(paths)) if i not in reused]
    todo_paths, todo_ids = [paths[i] for i in todo], [ids[i] for i in todo]
    if args.dask:
        fresh = records_dask(todo_paths, args.lang, args.batch_size, args.dask, todo_ids)
    elif args.workers > 1:
        fresh = records_pool(todo_paths, args.lang, args.batch_size, args.workers, todo_ids)
    else:
        fresh = records_local(todo_paths, args.lang, args.batch_size, todo_ids)
    writer = Writer(args.output, args.out_dir, args.facts_csv)
    review = review_for(args, err)  # --html: the review page, written once the run is complete
    show_progress = not args.quiet and err.is_terminal and len(paths) > 1
    labels: Counter = Counter()
    failed = done = n_facts = 0
    interrupted = False
    progress = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                        console=err, disable=not show_progress)
    old_term = signal.signal(signal.SIGTERM, _sigterm) if threading.current_thread() is threading.main_thread() else None
    try:
        with progress:
            task = progress.add_task("extract", total=len(paths))
            _follow_long_texts(progress, todo_paths, args)
            for i, path in enumerate(paths):
                rec = reused[i] if i in reused else next(fresh)
                writer.write(rec)
                if review:
                    review.add(path, rec)
                done += 1
                if "error" in rec:
                    failed += 1
                    err.print(f"[red]error[/red] {path}: {rec['error']}", highlight=False)
                else:
                    labels.update(s["label"] for s in rec["spans"])
                    n_facts += len(rec["facts"])
                progress.advance(task)
        writer.commit()
    except (KeyboardInterrupt, Exception) as exc:
        interrupted = True
        kept = writer.keep_partial()
        what = "interrupted" if isinstance(exc, KeyboardInterrupt) else f"stopped by an error ({type(exc).__name__}: {exc})"
        err.print(f"[yellow]{what}: {done} of {len(paths)} document(s) done; previous outputs left as they were"
                  + (f"; partial output kept in {', '.join(kept)} (rerun with --resume to continue)" if kept else "")
                  + "[/yellow]", highlight=False)
    finally:
        if old_term is not None:
            signal.signal(signal.SIGTERM, old_term)
    page_failed = review is not None and not review.finish(complete=not interrupted)
    if not args.quiet:
        table = Table(title="extract summary")
        table.add_column("documents")
        table.add_column("errors")
        for lab in ("ORG", "DATE", "QUANTITY", "MONEY", "PERCENT"):
            table.add_column(lab)
        table.add_column("facts")
        table.add_row(str(done), str(failed), *(str(labels[lab]) for lab in
                                                  ("ORG", "DATE", "QUANTITY", "MONEY", "PERCENT")), str(n_facts))
        err.print(table)
    return 1 if failed or interrupted or page_failed else 0
