"""Start-up: the compiled form of a model's very large tokenizer regex, kept on disk.

spaCy's French tokenizer matches words such as "faux-vampire" or
"saut-de-ski" with one 1.4-million-character regex (`token_match`). Python
compiles it every time `spacy.lang.fr` is imported: about 2.3 s of the 4.5 s
it takes to load `fr_core_news_md`, paid by every `extract` process and every
worker. The compiled program of a pattern is a list of integers that only
depends on the pattern, its flags and the Python version, so it is written
once to the user's cache folder and, in later processes, put into `re`'s own
cache of compiled patterns before the model loads: spaCy's `re.compile` then
finds it there. The pattern object is the one `re.compile` would build from
the same program (`_sre.compile`, which also checks the program); nothing
else changes.

The cache folder is `$CSR_FACTS_CACHE` if set, else `$XDG_CACHE_HOME/csr-facts`
or `~/.cache/csr-facts`; `CSR_FACTS_CACHE=off` turns the cache off. A file that
is missing, unreadable, damaged or from another Python version is ignored (the
pattern is then compiled as usual); a folder that cannot be written is skipped
silently. This relies on CPython's `re` internals (`re._cache`,
`_sre.compile`): on an interpreter without them the module does nothing.
"""
from __future__ import annotations

import array
import hashlib
import json
import os
import re
import sys
import tempfile
from pathlib import Path

try:  # CPython 3.11+
    from re import _compiler as _sre_compiler
    from re import _parser as _sre_parser
except ImportError:  # CPython 3.10
    import sre_compile as _sre_compiler  # type: ignore[no-redef]
    import sre_parse as _sre_parser  # type: ignore[no-redef]

try:
    import _sre
except ImportError:  # not CPython
    _sre = None

ENV = "CSR_FACTS_CACHE"
FORMAT = b"csr-facts compiled regex 1\n"
MIN_CHARS = 20_000  # patterns shorter than this compile fast enough to be left alone

_loaded: dict[tuple[str, int], dict] = {}  # (pattern, flags) -> entry, from the cache file
_primed = False


def _supported() -> bool:
    return (_sre is not None and sys.implementation.name == "cpython" and isinstance(getattr(re, "_cache", None), dict)
            and hasattr(_sre_compiler, "_code") and hasattr(_sre_parser, "parse"))


def cache_file() -> Path | None:
    """This interpreter's cache file, or None when the cache is off."""
    folder = os.environ.get(ENV, "")
    if folder.lower() in ("off", "0", "no", "false"):
        return None
    if not folder:
        base = os.environ.get("XDG_CACHE_HOME")
        if not base:
            home = os.path.expanduser("~")
            if home.startswith("~"):  # no home folder known: no cache rather than one in the working folder
                return None
            base = os.path.join(home, ".cache")
        folder = os.path.join(base, "csr-facts")
    tag = f"{sys.implementation.cache_tag}-sre{_sre.MAGIC}-{_sre.CODESIZE}" if _sre else "none"
    return Path(folder) / f"regex-{tag}.bin"


def _code_array() -> array.array:
    typecode = next(t for t in ("I", "L") if array.array(t).itemsize == _sre.CODESIZE)
    return array.array(typecode)


def _read(path: Path) -> dict[tuple[str, int], dict]:
    """Entries of a cache file; {} if it is missing or not exactly what this module writes."""
    try:
        data = path.read_bytes()
    except OSError:
        return {}
    head_end = data.find(b"\n", len(FORMAT))
    if not data.startswith(FORMAT) or head_end < 0:
        return {}
    try:
        head = json.loads(data[len(FORMAT):head_end])
    except ValueError:
        return {}
    blob = data[head_end + 1:]
    out = {}
    try:
        if head["tag"] != path.stem or _digest(head["entries"], blob) != head["sha256"]:
            return {}
        for entry in head["entries"]:
            code = _code_array()
            code.frombytes(blob[entry["offset"]:entry["offset"] + entry["size"]])
            out[(entry["pattern"], entry["flags"])] = dict(entry, code=code)
    except (KeyError, TypeError, ValueError, AttributeError):
        return {}
    return out


def _digest(entries: list, blob: bytes) -> str:
    """Checksum of the whole content: each program with the pattern it was compiled from."""
    return hashlib.sha256(json.dumps(entries, ensure_ascii=False, sort_keys=True).encode("utf-8") + blob).hexdigest()


def _write(path: Path, entries: dict[tuple[str, int], dict]) -> None:
    blob = bytearray()
    listed = []
    for entry in entries.values():
        code = entry["code"].tobytes()
        listed.append({k: v for k, v in entry.items() if k != "code"} | {"offset": len(blob), "size": len(code)})
        blob += code
    head = {"tag": path.stem, "sha256": _digest(listed, bytes(blob)), "entries": listed}
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=path.name, suffix=".part", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(FORMAT + json.dumps(head, ensure_ascii=False).encode("utf-8") + b"\n" + bytes(blob))
        os.replace(tmp, path)  # atomic: a concurrent reader sees the old file or the new one
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _build(entry: dict) -> re.Pattern:
    """The pattern object `re.compile` makes from this program (`_sre.compile` validates it)."""
    return _sre.compile(entry["pattern"], entry["compiled_flags"], entry["code"].tolist(), entry["groups"],
                        entry["groupindex"], tuple(entry["indexgroup"]))


def prime() -> None:
    """Put the cached patterns into `re`'s cache (once per process), before a model loads."""
    global _primed
    if _primed or not _supported():
        return
    _primed = True
    path = cache_file()
    if path is None:
        return
    _loaded.update(_read(path))
    for (pattern, flags), entry in _loaded.items():
        key = (str, pattern, flags)
        if key in re._cache:
            continue
        try:
            re._cache[key] = _build(entry)
        except Exception:  # noqa: BLE001  a program this interpreter rejects: compiled as usual
            continue


def _entry(pattern: str, flags: int) -> dict:
    """The compiled program of `pattern`, as `re.compile` computes it (the slow part)."""
    parsed = _sre_parser.parse(pattern, flags)
    code = _code_array()
    code.extend(_sre_compiler._code(parsed, flags))
    groupindex = dict(parsed.state.groupdict)
    indexgroup = [None] * parsed.state.groups
    for name, i in groupindex.items():
        indexgroup[i] = name
    return {"pattern": pattern, "flags": flags, "compiled_flags": flags | parsed.state.flags, "code": code,
            "groups": parsed.state.groups - 1, "groupindex": groupindex, "indexgroup": indexgroup}


def remember(patterns) -> None:
    """Add these compiled patterns (the long ones, not yet cached) to the cache file.

    Run once per Python version: the first process pays the compilation a second time."""
    if not _supported():
        return
    path = cache_file()
    if path is None:
        return
    new = {}
    for p in patterns:
        if isinstance(p, re.Pattern) and isinstance(p.pattern, str) and len(p.pattern) >= MIN_CHARS:
            flags = _given_flags(p)
            key = (p.pattern, flags)
            if flags is not None and key not in _loaded and key not in new:
                try:
                    new[key] = _entry(*key)
                except Exception:  # noqa: BLE001  a cache is never worth a failed run
                    continue
    if not new:
        return
    try:
        _write(path, _read(path) | new)
    except Exception:  # noqa: BLE001  a folder that cannot be written, a pattern JSON cannot hold
        return
    _loaded.update(new)


def _given_flags(p: re.Pattern) -> int | None:
    """The flags `re.compile` was given for `p` (its key in `re`'s cache; spaCy writes its
    flags inside the pattern, "(?iu)...", so that is 0), or None if `re` no longer holds it."""
    for (kind, pattern, flags), cached in list(re._cache.items()):
        if cached is p and kind is str and pattern == p.pattern:
            return flags
    return None


def tokenizer_patterns(nlp) -> list:
    """The regexes of a pipeline's tokenizer and of its language defaults (compiled on import)."""
    found = []
    for owner in (nlp.tokenizer, type(nlp).Defaults):
        for name in ("token_match", "url_match"):
            func = getattr(owner, name, None)
            pattern = getattr(func, "__self__", None)
            if isinstance(pattern, re.Pattern):
                found.append(pattern)
    return found
