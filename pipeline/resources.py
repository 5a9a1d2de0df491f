"""Per-language data files, loaded from package resources (never by path)."""
from __future__ import annotations

import json
from functools import cache
from importlib import resources

LANGS = ("fr", "en")
DATA_FILES = ("figures", "dates", "orgs", "facts", "langid", "gazetteer")


@cache
def load(lang: str, name: str) -> dict:
    """The parsed `data/<lang>/<name>.json` shipped with the package."""
    path = resources.files("pipeline") / "data" / lang / f"{name}.json"
    return json.loads(path.read_text(encoding="utf-8"))
