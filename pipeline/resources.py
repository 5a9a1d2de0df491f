"""Per-language data files, loaded from package resources (never by path)."""
from __future__ import annotations

import json
import os
from functools import cache
from importlib import resources

LANGS = ("fr", "en")
DATA_FILES = ("figures", "dates", "orgs", "org_evidence", "places", "facts", "langid", "gazetteer")
# Set to "1" to run without the list of well-known organisations, so that
# ORG recognition can be measured on evidence alone (`evaluate --no-gazetteer`).
# An environment variable, so that worker processes inherit it.
NO_GAZETTEER_ENV = "CSR_FACTS_NO_GAZETTEER"


def gazetteer_enabled() -> bool:
    return os.environ.get(NO_GAZETTEER_ENV, "") in ("", "0")


def load(lang: str, name: str) -> dict:
    """The parsed `data/<lang>/<name>.json` shipped with the package."""
    if name == "gazetteer" and not gazetteer_enabled():
        return {"organisations": []}
    return _load(lang, name)


@cache
def _load(lang: str, name: str) -> dict:
    path = resources.files("pipeline") / "data" / lang / f"{name}.json"
    return json.loads(path.read_text(encoding="utf-8"))


@cache
def listed_names(lang: str) -> frozenset[str]:
    """Every name and alias of the built-in list, whether or not it is switched on."""
    try:
        entries = _load(lang, "gazetteer")["organisations"]
    except FileNotFoundError:
        return frozenset()
    return frozenset(form for e in entries for form in (e["name"], *e.get("aliases", [])))


@cache
def place_names(lang: str) -> frozenset[str]:
    """data/<lang>/places.json as a set, built once per process (35,000 names)."""
    return frozenset(_load(lang, "places")["places"])


@cache
def first_names() -> frozenset[str]:
    """data/first_names.json as a set: given names, one list for both languages."""
    path = resources.files("pipeline") / "data" / "first_names.json"
    return frozenset(json.loads(path.read_text(encoding="utf-8"))["first_names"])
