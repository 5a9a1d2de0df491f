"""Shared fixtures and the inline markup used by component tests.

Markup: spans are written `[text]` inside the sentence; offsets are computed,
never typed. `marked("Il y a [1.500] clients")` -> ("Il y a 1.500 clients", [(7, 12)]).
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
GOLD = ROOT / "gold"


def marked(markup: str) -> tuple[str, list[tuple[int, int]]]:
    text, spans, pos = [], [], 0
    for m in re.finditer(r"\[([^\]]+)\]", markup):
        text.append(markup[pos:m.start()])
        start = sum(len(t) for t in text)
        text.append(m.group(1))
        spans.append((start, start + len(m.group(1))))
        pos = m.end()
    text.append(markup[pos:])
    return "".join(text), spans


@pytest.fixture(scope="session")
def nlp_fr():
    from pipeline.nlp import get_nlp
    return get_nlp("fr")


@pytest.fixture(scope="session")
def nlp_en():
    from pipeline.nlp import get_nlp
    return get_nlp("en")


@pytest.fixture(scope="session")
def nlps(nlp_fr, nlp_en):
    return {"fr": nlp_fr, "en": nlp_en}
