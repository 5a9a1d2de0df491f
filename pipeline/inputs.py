"""What the user named on the command line, as a list of inputs: never aborts the batch.

A folder gives its text files (any case of `.txt`), a glob its matches, `-`
standard input. An argument that gives nothing (an empty folder, a glob
without matches, an empty string) becomes a problem reported with the
others at the end, and the other inputs are still processed.
"""
from __future__ import annotations

import glob
import os
from dataclasses import dataclass
from pathlib import Path


@dataclass
class Inputs:
    paths: list[str]
    problems: list[str]  # one line each: the argument and why it gave no input
    ids: list[str]  # document ids, unique within the batch


def expand_inputs(args: list[str]) -> Inputs:
    paths: list[str] = []
    problems: list[str] = []
    for arg in args:
        if arg == "-":
            paths.append("-")
        elif arg == "":
            problems.append("'' (an empty argument): not a file name")
        elif any(ch in arg for ch in "*?[") and not os.path.exists(arg):
            hits = sorted(glob.glob(arg, recursive=True))
            if not hits:
                problems.append(f"{arg!r}: no file matches")
            paths.extend(hits)
        elif os.path.isdir(arg) and Path(arg).suffix.lower() == ".txt":
            paths.append(arg)  # a folder named like a file: an input that gives an error record
        elif os.path.isdir(arg):
            hits = sorted(str(p) for p in Path(arg).rglob("*") if p.suffix.lower() == ".txt" and p.is_file())
            if not hits:
                problems.append(f"{arg!r}: folder holds no .txt file")
            paths.extend(hits)
        else:
            paths.append(arg)  # missing, unreadable or a folder named x.txt: an error record
    seen: set[str] = set()
    unique = []
    for p in paths:  # the same file named twice (a folder and a glob) is read once
        key = p if p == "-" else os.path.realpath(p)
        if key not in seen:
            seen.add(key)
            unique.append(p)
    return Inputs(unique, problems, unique_ids(unique))


def unique_ids(paths: list[str]) -> list[str]:
    """File stems, unless two inputs share one ("a/report.txt", "b/report.txt"): then the path
    without its suffix, from the deepest folder they do not share ("a/report", "b/report")."""
    stems = [("stdin" if p == "-" else Path(p).stem) for p in paths]
    clash = {s for s in stems if stems.count(s) > 1}
    if not clash:
        return stems
    out = []
    for p, s in zip(paths, stems, strict=True):
        if s not in clash or p == "-":
            out.append(s)
            continue
        same = [Path(q) for q, t in zip(paths, stems, strict=True) if t == s and q != "-"]
        common = Path(os.path.commonpath([str(q.resolve().parent) for q in same]))
        rel = Path(p).resolve().with_suffix("").relative_to(common)
        out.append(rel.as_posix())
    return out
