"""The on-disk cache of compiled long regexes gives the pattern re.compile would build, and
is ignored when it is off, damaged or cannot be written."""
import re

import pytest

from pipeline import regex_cache

pytestmark = pytest.mark.skipif(not regex_cache._supported(), reason="needs CPython's re internals")

WORDS = [f"mot{i}[-‐]?(?:tiret|trait)s?" for i in range(3000)]
SAMPLES = ["mot12-tiret", "MOT2999traits", "mot3000tiret", "Mot7‐trait", "mot", "", "xmot1tiret", "mot45tirets"]


def long_pattern(tag: str) -> str:
    return f"(?iu)^(?:{tag}|" + "|".join(WORDS) + ")$"


@pytest.fixture
def fresh(monkeypatch, tmp_path):
    """An empty cache folder and a module that has not read any cache yet."""
    monkeypatch.setenv(regex_cache.ENV, str(tmp_path / "cache"))
    monkeypatch.setattr(regex_cache, "_loaded", {})
    monkeypatch.setattr(regex_cache, "_primed", False)
    return tmp_path / "cache"


def forget(pattern: str) -> None:
    re._cache.pop((str, pattern, 0), None)


def test_round_trip_gives_the_same_pattern(fresh):
    pattern = long_pattern("roundtrip")
    compiled = re.compile(pattern)
    regex_cache.remember([compiled])
    assert regex_cache.cache_file().is_file()
    forget(pattern)
    regex_cache._loaded.clear()
    regex_cache._primed = False
    regex_cache.prime()
    cached = re._cache[(str, pattern, 0)]
    assert cached is not compiled and re.compile(pattern) is cached
    assert (cached.pattern, cached.flags, cached.groups, cached.groupindex) == \
        (compiled.pattern, compiled.flags, compiled.groups, compiled.groupindex)
    assert [bool(cached.match(s)) for s in SAMPLES] == [bool(compiled.match(s)) for s in SAMPLES]
    assert [bool(cached.match(s)) for s in SAMPLES] == [True, True, False, True, False, False, False, True]


def test_short_patterns_are_not_cached(fresh):
    regex_cache.remember([re.compile(r"(?i)short|pattern")])
    assert not regex_cache.cache_file().exists()


@pytest.mark.parametrize("damage", ["truncate", "flip", "garbage", "other_tag", "other_pattern"])
def test_damaged_file_is_ignored(fresh, damage):
    pattern = long_pattern("damaged-" + damage)
    regex_cache.remember([re.compile(pattern)])
    path = regex_cache.cache_file()
    data = bytearray(path.read_bytes())
    if damage == "truncate":
        data = data[:len(data) // 2]
    elif damage == "flip":
        data[-5] ^= 0xFF
    elif damage == "garbage":
        data = bytearray(b"not a cache\n" * 10)
    elif damage == "other_tag":
        data = data.replace(path.stem.encode(), path.stem.replace("cpython", "pypy").encode(), 1)
    else:  # the program no longer belongs to the pattern named with it
        data = data.replace(b"mot2999", b"mot2998", 1)
    path.write_bytes(bytes(data))
    forget(pattern)
    regex_cache._loaded.clear()
    regex_cache._primed = False
    regex_cache.prime()
    assert regex_cache._loaded == {}
    assert (str, pattern, 0) not in re._cache
    assert re.compile(pattern).match("mot5tiret")  # compiled as usual


def test_off(monkeypatch):
    monkeypatch.setenv(regex_cache.ENV, "off")
    assert regex_cache.cache_file() is None
    regex_cache.remember([re.compile(long_pattern("off"))])  # nothing to write, no error


def test_unwritable_folder_is_skipped(monkeypatch, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv(regex_cache.ENV, str(blocker / "cache"))
    monkeypatch.setattr(regex_cache, "_loaded", {})
    regex_cache.remember([re.compile(long_pattern("unwritable"))])
    assert not (blocker / "cache").exists()


def test_no_home_no_cache(monkeypatch):
    for var in (regex_cache.ENV, "XDG_CACHE_HOME", "HOME"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setattr(regex_cache.os.path, "expanduser", lambda path: path)
    assert regex_cache.cache_file() is None


def test_default_folder(monkeypatch, tmp_path):
    monkeypatch.delenv(regex_cache.ENV, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert regex_cache.cache_file().parent == tmp_path / "csr-facts"
