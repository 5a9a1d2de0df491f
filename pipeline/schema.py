"""The SPEC contract: version and a JSON Schema for every record `extract` writes."""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

SCHEMA_VERSION = "1.0"


@lru_cache(maxsize=1)
def output_schema() -> dict:
    return json.loads((resources.files("pipeline") / "data" / "output.schema.json").read_text("utf-8"))
