"""The unit of work every engine runs: a batch of paths in, records out, in order.

Below the runner, the Dask engine and `evaluate`, so that each of them can
import it without importing the others.
"""
from __future__ import annotations

from pathlib import Path

from .reader import ReadError, read_document


def error_record(path: str, message: str, doc_id: str | None = None) -> dict:
    return {"source": path, "id": doc_id or Path(path).stem, "error": message}


def batches(paths: list, size: int) -> list[list]:
    return [paths[i:i + size] for i in range(0, len(paths), size)]


def process_paths(paths: list[str], lang: str | None = None, batch_size: int = 16,
                  ids: list[str] | None = None) -> list[dict]:
    """Records for a list of paths, in order. `ids`: document ids when file stems clash."""
    from .extract import process_texts

    ids = ids or [Path(p).stem for p in paths]
    slots: list[dict | None] = [None] * len(paths)
    items = []
    for i, path in enumerate(paths):
        try:
            doc = read_document(path)
        except ReadError as exc:
            slots[i] = error_record(path, str(exc), ids[i])
            continue
        except Exception as exc:  # noqa: BLE001  any unreadable input is an error record, never a traceback
            slots[i] = error_record(path, f"cannot read: {exc}", ids[i])
            continue
        meta = {"id": ids[i], "source": path, "encoding": doc.encoding, "input": doc.fingerprint}
        if doc.replaced:
            meta["replaced"] = doc.replaced
        items.append((i, doc.text, meta))
    try:
        results = list(process_texts([(t, m) for _i, t, m in items], lang=lang, batch_size=batch_size))
        for (i, _t, _m), rec in zip(items, results, strict=True):
            slots[i] = rec
    except Exception:  # noqa: BLE001  isolate the failing document, keep the others
        for i, text, meta in items:
            try:
                slots[i] = next(process_texts([(text, meta)], lang=lang))
            except Exception as exc:  # noqa: BLE001
                slots[i] = error_record(paths[i], f"processing failed: {type(exc).__name__}: {exc}", ids[i])
    return slots
