"""Where records go: stdout, one JSON Lines file, or one JSON per input; plus the facts CSV.

Never lose a user's data: a file output is written to `FILE.part` and moved
over `FILE` only when the run has completed, so an interrupt, a crash or
`kill -9` leaves the previous complete output as it was, and what was done
in `FILE.part`. `--resume` reads back what is there (the `.part` first) and
reuses every record whose input has not changed since (same `input`
fingerprint), so a resumed run writes exactly what an uninterrupted one does.
"""
from __future__ import annotations

import csv
import json
import os
import re
import sys
from pathlib import Path

FACT_COLUMNS = ["document", "org", "date", "value", "unit", "counted", "qualifier", "text", "sentence"]


class OutputError(Exception):
    """An output that cannot be written (a missing folder, no permission)."""


def is_special(path: str) -> bool:
    """/dev/null, a FIFO, /dev/stdout: written in place, never replaced by a rename."""
    p = Path(path)
    return p.exists() and not p.is_file()


def part_of(path: str) -> Path:
    return Path(path).with_name(Path(path).name + ".part")


def check_writable(path: str | None, what: str) -> None:
    """Fail before any work, with one clear line, when an output cannot be created."""
    if not path or path == "-" or is_special(path):
        return
    folder = Path(path).parent
    if not folder.is_dir():
        raise OutputError(f"{what} {path}: folder {folder} does not exist")
    if not os.access(folder, os.W_OK):
        raise OutputError(f"{what} {path}: folder {folder} is not writable")


def out_file_name(doc_id: str) -> str:
    """One JSON per document in --out-dir; ids with folders ("a/report") stay unique."""
    return re.sub(r"[/\\]", "__", doc_id) + ".json"


class AtomicFile:
    """A text file written to FILE.part and moved over FILE by `commit` only."""

    def __init__(self, path: str, newline: str | None = None):
        self.path = path
        self.special = is_special(path)
        self.part = Path(path) if self.special else part_of(path)
        self.fh = open(self.part, "w", encoding="utf-8", newline=newline)

    def commit(self) -> None:
        self.fh.close()
        if not self.special:
            os.replace(self.part, self.path)

    def keep_partial(self, empty_size: int = 0) -> str | None:
        """After an interrupt: close, leave FILE untouched, say where the partial output is
        (a .part with nothing in it is removed rather than left behind)."""
        self.fh.close()
        if self.special:
            return None
        if self.part.stat().st_size <= empty_size:
            self.part.unlink()
            return None
        return str(self.part)


class Writer:
    """Streams records, in input order, to stdout, a JSONL file or --out-dir, and the facts CSV."""

    def __init__(self, output: str | None, out_dir: str | None, facts_csv: str | None = None):
        self.out_dir = Path(out_dir) if out_dir else None
        self._file = None
        if self.out_dir:
            self.out_dir.mkdir(parents=True, exist_ok=True)
            self._fh = None
        elif output and output != "-":
            self._file = AtomicFile(output)
            self._fh = self._file.fh
        else:
            self._fh = sys.stdout
        self._csv_file = AtomicFile(facts_csv, newline="") if facts_csv else None
        self._csv = csv.writer(self._csv_file.fh) if self._csv_file else None
        self._csv_header_size = 0
        if self._csv:
            self._csv.writerow(FACT_COLUMNS)
            self._csv_file.fh.flush()
            self._csv_header_size = self._csv_file.part.stat().st_size

    def write(self, record: dict) -> None:
        if self.out_dir:
            target = self.out_dir / out_file_name(record["id"])
            tmp = part_of(str(target))
            tmp.write_text(json.dumps(record, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
            os.replace(tmp, target)
        else:
            self._fh.write(json.dumps(record, ensure_ascii=False) + "\n")
            self._fh.flush()
        if self._csv and "error" not in record:
            write_fact_rows(self._csv, record)

    def commit(self) -> None:
        """The run completed: the outputs replace the previous ones."""
        for f in (self._file, self._csv_file):
            if f is not None:
                f.commit()

    def keep_partial(self) -> list[str]:
        """The run stopped early: previous outputs stay; the partial ones are named."""
        kept = []
        if self._file is not None and (p := self._file.keep_partial()):
            kept.append(p)
        if self._csv_file is not None and (p := self._csv_file.keep_partial(self._csv_header_size)):
            kept.append(p)
        return kept


def write_fact_rows(writer, rec: dict) -> None:
    text_by_span = {(s["start"], s["end"]): s["text"] for s in rec["spans"]}
    for f in rec["facts"]:
        writer.writerow([rec["id"], f["org"], f.get("date") or "", f.get("value", ""), f.get("unit") or "",
                         f.get("counted") or "", f.get("qualifier") or "",
                         text_by_span.get(tuple(f["span"]), ""), f.get("sentence", "")])


def previous_records(output: str | None, out_dir: str | None) -> dict[str, dict]:
    """--resume: complete records already written, by source path (the .part wins over the file)."""
    found: dict[str, dict] = {}
    if out_dir:
        for p in sorted(Path(out_dir).glob("*.json")):
            rec = _load(p.read_text(encoding="utf-8", errors="replace"))
            if rec is not None:
                found[rec["source"]] = rec
        return found
    if not output or output == "-" or is_special(output):
        return found
    for p in (Path(output), part_of(output)):  # the .part is newer: read it last
        if p.is_file():
            for line in p.read_text(encoding="utf-8", errors="replace").splitlines():
                rec = _load(line)
                if rec is not None:
                    found[rec["source"]] = rec
    return found


def _load(line: str) -> dict | None:
    """A record worth reusing: it parses, has spans (an error is retried) and a fingerprint."""
    try:
        rec = json.loads(line)
    except ValueError:
        return None
    if isinstance(rec, dict) and "spans" in rec and rec.get("input") and rec.get("source"):
        return rec
    return None
