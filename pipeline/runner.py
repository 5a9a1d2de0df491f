"""Runs `extract` over many files: streaming, batching, workers, errors, summary.

Records come out in input order whatever the engine (one process, a process
pool, or Dask). A file that fails gives an error record and a line on
stderr; the batch goes on.
"""
from __future__ import annotations

import csv
import os
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from .reader import ReadError, read_document

FACT_COLUMNS = ["document", "org", "date", "value", "unit", "counted", "qualifier", "text", "sentence"]


def error_record(path: str, message: str) -> dict:
    return {"source": path, "id": Path(path).stem, "error": message}


def process_paths(paths: list[str], lang: str | None = None, batch_size: int = 16) -> list[dict]:
    """Records for a list of paths, in order (the unit of work of every engine)."""
    from .extract import process_texts

    slots: list[dict | None] = [None] * len(paths)
    items = []
    for i, path in enumerate(paths):
        try:
            doc = read_document(path)
        except ReadError as exc:
            slots[i] = error_record(path, str(exc))
            continue
        except Exception as exc:  # noqa: BLE001  any unreadable input is an error record, never a traceback
            slots[i] = error_record(path, f"cannot read: {exc}")
            continue
        items.append((i, doc.text, {"id": Path(path).stem, "source": path, "encoding": doc.encoding}))
    try:
        results = list(process_texts([(t, m) for _i, t, m in items], lang=lang, batch_size=batch_size))
        for (i, _t, _m), rec in zip(items, results, strict=True):
            slots[i] = rec
    except Exception:  # noqa: BLE001  isolate the failing document, keep the others
        for i, text, meta in items:
            try:
                slots[i] = next(process_texts([(text, meta)], lang=lang))
            except Exception as exc:  # noqa: BLE001
                slots[i] = error_record(paths[i], f"processing failed: {type(exc).__name__}: {exc}")
    return slots


def _batches(paths: list[str], size: int) -> list[list[str]]:
    return [paths[i:i + size] for i in range(0, len(paths), size)]


def records_local(paths, lang, batch_size) -> Iterator[dict]:
    for batch in _batches(paths, batch_size):
        yield from process_paths(batch, lang, batch_size)


def _pool_work(args):
    batch, lang, batch_size = args
    return process_paths(batch, lang, batch_size)


def records_pool(paths, lang, batch_size, workers) -> Iterator[dict]:
    """N fresh processes, one BLAS thread each (N processes x N threads would oversubscribe
    the cores); `imap` keeps the input order while later batches are already running."""
    import multiprocessing as mp

    for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, "1")
    ctx = mp.get_context("spawn")
    jobs = ((b, lang, batch_size) for b in _batches(paths, batch_size))
    with ctx.Pool(workers) as pool:
        for recs in pool.imap(_pool_work, jobs):
            yield from recs


def records_dask(paths, lang, batch_size, address) -> Iterator[dict]:
    from .distributed import records_dask as run

    yield from run(paths, lang, batch_size, address)


def run_paths(paths: list[str], args, err: Console) -> int:
    from .cli import Writer

    writer = Writer(args.output, args.out_dir)
    csv_fh = open(args.facts_csv, "w", newline="", encoding="utf-8") if args.facts_csv else None
    csv_writer = csv.writer(csv_fh) if csv_fh else None
    if csv_writer:
        csv_writer.writerow(FACT_COLUMNS)
    if args.dask:
        records = records_dask(paths, args.lang, args.batch_size, args.dask)
    elif args.workers > 1:
        records = records_pool(paths, args.lang, args.batch_size, args.workers)
    else:
        records = records_local(paths, args.lang, args.batch_size)
    show_progress = not args.quiet and err.is_terminal and len(paths) > 1
    labels: Counter = Counter()
    failed = done = n_facts = 0
    interrupted = False
    progress = Progress(TextColumn("extract"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                        console=err, disable=not show_progress)
    try:
        with progress:
            task = progress.add_task("extract", total=len(paths))
            for path, rec in zip(paths, records, strict=False):
                writer.write(path, rec)
                done += 1
                if "error" in rec:
                    failed += 1
                    err.print(f"[red]error[/red] {path}: {rec['error']}", highlight=False)
                else:
                    labels.update(s["label"] for s in rec["spans"])
                    n_facts += len(rec["facts"])
                    if csv_writer:
                        _write_fact_rows(csv_writer, rec)
                progress.advance(task)
    except KeyboardInterrupt:
        interrupted = True
        err.print(f"[yellow]interrupted: {done} document(s) written, {len(paths) - done} remaining[/yellow]")
    finally:
        writer.close()
        if csv_fh:
            csv_fh.close()
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
    return 1 if failed or interrupted else 0


def _write_fact_rows(writer, rec: dict) -> None:
    text_by_span = {(s["start"], s["end"]): s["text"] for s in rec["spans"]}
    for f in rec["facts"]:
        writer.writerow([rec["id"], f["org"], f.get("date") or "", f.get("value", ""), f.get("unit") or "",
                         f.get("counted") or "", f.get("qualifier") or "",
                         text_by_span.get(tuple(f["span"]), ""), f.get("sentence", "")])
