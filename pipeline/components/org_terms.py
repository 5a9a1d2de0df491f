"""Names that are terms, not bodies: programmes, policies, labels and technical acronyms.

The statistical NER tags capitalised terms as organisations ("Combined Heat and Power
(CHP)", "the Housing for All initiative", "du plan France Relance", "le GNL (gaz naturel
liquéfié)"). What the text writes around them says what they are: a programme noun
next to every mention, or an acronym the text spells out in plain words. These are
evidence against, which any evidence for a body outweighs (`org_evidence.decide`).
"""
from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Span

from ..resources import load
from ..textutil import alternation, fold, whole_matches
from .canonicals import ELISION, LINK_WORDS
from .org_second_pass import list_before

ACRONYM = re.compile(r"[A-Z][A-Za-z]{1,5}")
DEFINITION_AFTER = re.compile(r"[ \u00a0]*\(([^()]{3,80})\)")
WORDS = re.compile(r"[^\s()\[\],;:«»\"“”]+")


@cache
def _programme_words(lang: str) -> tuple[frozenset[str], frozenset[str]]:
    d = load(lang, "org_evidence")
    return frozenset(w.lower() for w in d["programme_after"]), frozenset(w.lower() for w in d["programme_before"])


def in_programme_context(tok: Span, lang: str) -> bool:
    """A programme noun right before the mention ("du programme X", "les prêts Green Health"),
    or after it, past a parenthesised acronym and up to three content words ("Green Public
    Procurement (GPP) policy", "Upstream Thinking catchment management programme")."""
    after, before = _programme_words(lang)
    doc = tok.doc
    if tok.start > 0 and doc[tok.start - 1].lower_ in before:
        return True
    k = tok.end
    if k < len(doc) and doc[k].text == "(":  # "(GPP)"
        close = next((j for j in range(k + 1, min(k + 5, len(doc))) if doc[j].text == ")"), None)
        k = close + 1 if close is not None else k
    for j in range(k, min(k + 4, len(doc))):
        t = doc[j]
        if t.lower_ in after:
            return True
        if not (t.text.islower() and t.pos_ in ("NOUN", "ADJ") and not t.is_stop):
            return False
    return False


def _initials(words: list[str]) -> str:
    content = [ELISION.sub("", w) for w in words if w.lower() not in LINK_WORDS]
    return fold("".join(w[0] for w in content if w)).upper()


def plain_terms(text: str, names: dict) -> set[str]:
    """Acronyms the text defines in plain lower-case words, before or after them
    ("certificats d'économie d'énergie (CEE)", "le GNL (gaz naturel liquéfié)"). A definition
    in capitals says nothing: "Combined Heat and Power (CHP)" and "Capital Regional District
    (CRD)" are both plain words. A lower-case definition with a body's head word names a kind
    of body ("entreprise adaptée (EA)"), as the acronym rules read "société d'économie mixte
    (SEM)"; the rare body written so ("the UK green investment bank (GIB)") is lost with it."""
    terms = set()
    for acr in [n for n in names if ACRONYM.fullmatch(n) and sum(ch.isupper() for ch in n) >= 2]:
        letters = fold(acr).upper()
        for s, e in whole_matches(text, acr):
            defined = None
            if text[e:e + 1] == ")" and text[s - 1:s] == "(":
                words = WORDS.findall(text[max(0, s - 160):s - 1])
                for k in range(len(words) - 1, max(-1, len(words) - 4 * len(letters)), -1):
                    if _initials(words[k:]) == letters:
                        defined = words[k:]
                        break
            else:
                m = DEFINITION_AFTER.match(text, e)
                if m and _initials(m.group(1).split()) == letters:
                    defined = m.group(1).split()
            if not defined:
                continue
            if all(w.islower() for w in defined):
                terms.add(acr)
                break
    return terms


@cache
def _hosting(lang: str) -> tuple[re.Pattern | None, re.Pattern | None, re.Pattern | None]:
    d = load(lang, "org_evidence")
    if not d["hosting_heads"] or not d["hosting_before"]:
        return None, None, None
    bodies = [h for h in load(lang, "orgs")["named_heads"] if h not in d["hosting_heads"]]
    return (re.compile(r"(?:^|[ \u00a0])" + alternation(d["hosting_heads"]) + "$"),
            re.compile(d["hosting_before"], re.IGNORECASE),
            re.compile(r"(?<![\w])" + alternation(bodies) + r"(?![\w])"))


def hosted_sites(text: str, names: set[str], lang: str) -> set[str]:
    """Buildings named where equipment goes ("charging points installed at Craigavon Area Hospital",
    "LED lighting at Rhayader Leisure Centre", "at Antrim Area Hospital, Ulster Hospital and …"):
    a name ending in a hosting head, every mention of which follows a hosting preposition, or
    sits in a list that does, is a site and not the body that runs it."""
    head_re, before_re, body_re = _hosting(lang)
    if head_re is None:
        return set()
    sites = set()
    for name in names:
        head = head_re.search(name)
        if not head or body_re.search(name[:head.start()]):
            continue  # "Saskatoon Food Bank & Learning Centre": a body's head inside, a body
        starts = [s for s, _e in whole_matches(text, name)]
        if starts and all(_hosted_at(text, s, before_re) for s in starts):
            sites.add(name)
    return sites


def _hosted_at(text: str, start: int, before_re: re.Pattern) -> bool:
    """A hosting preposition right before the mention, or before the list it sits in."""
    if before_re.search(text[max(0, start - 40):start]):
        return True
    list_start = list_before(text, start)[0]
    return list_start < start and bool(before_re.search(text[max(0, list_start - 40):list_start]))

