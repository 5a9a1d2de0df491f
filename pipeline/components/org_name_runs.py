"""Candidate names: runs of capitalised tokens, and an owner's possessive inside them.

Every capitalised name of a document is a candidate for `org_evidence`, which
decides each one from the whole text; these runs are where the candidates come
from, besides the model's entities and quoted names.
"""
from __future__ import annotations

import re

from spacy.tokens import Doc

from .evidence_rules import EvidenceRules
from .orgs import rules_for

# a capitalised word of these kinds at a sentence start is a word, not a name ("Actuellement", "Cette")
FUNCTION_POS = {"ADV", "DET", "ADP", "PRON", "VERB", "AUX", "CCONJ", "SCONJ", "ADJ", "INTJ", "PART", "NUM"}
POSSESSIVE_TOKENS = {"'s", "’s"}
POSSESSIVE_INSIDE = re.compile(r"['’]s[ \u00a0]+(?=[A-ZÀ-Þ])")


def name_runs(doc: Doc, r: EvidenceRules) -> list[tuple[int, int]]:
    """Runs of capitalised tokens, with link words inside ("Fonds de solidarité" stops at the lower case)."""
    toks = list(doc)  # one Token object per token, not one per look
    n = len(toks)
    caps = [_capitalised(t) for t in toks]
    texts = [t.text for t in toks]
    lowers = [t.lower_ for t in toks]
    spaced = [bool(t.whitespace_) for t in toks]
    fund_re = rules_for(r.lang).fund_re
    runs, i = [], 0
    while i < n:
        if not caps[i]:
            i += 1
            continue
        j = i + 1
        while j < n:
            if caps[j] and toks[j].is_sent_start and texts[j - 1][-1] in ".!?" and spaced[j - 1]:
                break  # "… 3 M€. Valdor Énergie": a name does not run across sentences
            if caps[j] or (texts[j] in "-–" and not spaced[j - 1] and not spaced[j]):
                j += 1
            elif texts[j - 1] in "-–" and not spaced[j - 1] and toks[j].is_alpha and len(texts[j]) <= 3:
                j += 1  # "Co-op" (but not "AEX-listed")
            elif lowers[j] in r.links and j + 1 < n and caps[j + 1] and not toks[j + 1].is_sent_start:
                j += 1
            elif j == i + 1 and texts[j] in POSSESSIVE_TOKENS and not spaced[j - 1] and j + 1 < n and caps[j + 1]:
                j += 1  # "Stafford's Bakery": a founder's name and a head word (kept below only with one)
            else:
                break
        while j > i + 1 and (lowers[j - 1] in r.links or texts[j - 1] in "-–"):
            j -= 1
        if j > i + 2 and texts[i + 1] in POSSESSIVE_TOKENS and (
                lowers[j - 1] not in r.body_words and lowers[j - 1] not in r.descriptors or fund_re.search(texts[j - 1])):
            runs.append((i, i + 1))  # "Ireland's Tesco", "Scotland's … Fund": an owner and what it owns
            i += 2
            continue
        k = i
        while k < j - 1 and toks[k].is_sent_start and toks[k].pos_ in FUNCTION_POS:
            k += 1  # "Selon Tervandis", "Now Wester Derry": a capitalised word that only starts the sentence
        runs.append((k, j))
        i = j
    return runs


def _capitalised(t) -> bool:
    s = t.text
    return bool(s) and (s[0].isupper() or (s[0].isdigit() and any(c.isupper() for c in s))) and not t.is_punct \
        and not t.like_num and "\n" not in s


def owner_and_owned(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """"South West Water’s Exmoor Mires": the owner and what it owns are two names (a one-word
    owner is a founder's brand: "Hartley’s Farm Foods", "Richard’s House")."""
    poss = POSSESSIVE_INSIDE.search(text, start, end)
    if poss and " " in text[start:poss.start()].strip():
        return [(start, poss.start()), (poss.end(), end)]
    return [(start, end)]
