"""Clauses in the dependency parse: which verb a token's clause hangs from, and what governs it.

Shared by the organisation and the date linkers of facts.
"""
from __future__ import annotations


def clause_head(tok):
    """The verb (or root) that heads the clause a token sits in."""
    node = tok
    for _ in range(12):
        if node.pos_ in ("VERB", "AUX") or node.dep_ == "ROOT" or node.head.i == node.i:
            return node
        node = node.head
    return node


def ancestors(tok) -> set[int]:
    out = {tok.i}
    node = tok
    for _ in range(20):
        if node.head.i == node.i:
            break
        node = node.head
        out.add(node.i)
    return out
