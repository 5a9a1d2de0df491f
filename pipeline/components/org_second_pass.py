"""The second pass over names no evidence decided: read from the names that were.

A name coordinated with an accepted one ("une fusion entre Inservet et Chamois
Environnement": `coordinated`), the first word of one ("Chamois" for "Chamois
Environnement": `short_form`), or a typo of one (`spelling_variant`).
"""
from __future__ import annotations

import re

from ..textutil import alternation, one_edit_apart
from .evidence_rules import EvidenceRules

# the second pass reads a name from its neighbours only; a building stays what it is
SECOND_PASS_VETO = {"facility"}
HARD_VETO = {"formula", "title", "unit", "place", "kind"}

# ", and" / ", et": the serial comma of a list ("Tesco, Aldi, Lidl, and Musgraves")
COORD_AFTER = re.compile(r"[ \u00a0]*(?:,[ \u00a0]*(?:et|and|ou|or)|,|et|and|&|ou|or)[ \u00a0]+(?:(?:la|le|les|l['’]|the)[ \u00a0]*)?")
COORD_BEFORE = re.compile(r"(?P<name>[A-ZÀ-Þ][\w’'&.\- ]{1,60}?)[ \u00a0]*(?:,[ \u00a0]*(?:et|and)|,|et|and|&)[ \u00a0]+(?:(?:la|le|les|l['’]|the)[ \u00a0]*)?$")


def second_pass(names: dict, accepted: set[str], text: str, r: EvidenceRules,
                ruled: set[str] = frozenset()) -> list[str]:
    """Names nothing decided, accepted from their neighbours. `ruled`: names the other
    organisation rules found (a head word, a legal suffix, the list), whose first words count too."""
    out = []
    firsts = {a.split()[0] for a in accepted | set(ruled) if " " in a}
    firsts |= {f.upper() for f in firsts}  # "SHARENERGY" for "Sharenergy Co-operative"
    # coordinated with an accepted name or one another rule found ("Tesco, Aldi, Lidl, and Musgraves")
    partners = accepted | {n for n in ruled if len(n) > 2}
    accepted_re = re.compile(alternation(partners)) if partners else None
    for name, ev in names.items():
        word = "common_noun" in ev.against
        if accepted_re is not None and name not in accepted and ev.inside_sentence \
                and not ev.against & (HARD_VETO | SECOND_PASS_VETO | {"ner_place"}) and not ev.ner_person \
                and not all(w.lower() in r.title_words for w in name.split()) \
                and any(listed_with(text, s, e, accepted_re) >= LIST_MIN and not _list_of_places(text, s, r)
                        for s, e in ev.mentions):
            ev.second = "listed"  # "chez Aldi, Auchan, Cactus, Cora, Delhaize": a word too, among names
            out.append(name)
            continue
        if word and (name not in firsts or not ev.inside_sentence):
            continue  # "Food bank staff …": a word, unless a name's first word written as a name ("the Town": `kind`)
        if name in accepted or ev.against & (HARD_VETO | SECOND_PASS_VETO) or not ev.name_like or ev.acting_only \
                or " " in name and (ev.ner_person or "person" in ev.against) or accepted_re is None:
            continue
        if name in firsts and not ev.ner_person and "ner_place" not in ev.against:
            ev.second = "short_form"  # not "Castlebar" for "Castlebar Municipal District": the model's place
            out.append(name)
            continue
        if any(one_edit_apart(name, a) for a in accepted):
            ev.second = "spelling_variant"  # "Saint-Feuillen" beside "Saint-Feuillien": the source's typo
            out.append(name)
            continue
        for s, e in ev.mentions:
            joiner = COORD_AFTER.match(text, e)
            tail = COORD_BEFORE.search(text[max(0, s - 80):s])
            if _list_of_places(text, s, r):
                continue
            if joiner and accepted_re.match(text, joiner.end()) or tail and accepted_re.fullmatch(tail.group("name")):
                ev.second = "coordinated"
                out.append(name)
                break
    return out


LIST_REACH = 8  # names a list is walked back through


def list_before(text: str, start: int) -> tuple[int, list[str]]:
    """(where the list a mention sits in starts, the names before the mention in it): "the islands
    of |Benbecula, Eriskay and South Uist" -> the start of "Benbecula", ["Eriskay", "Benbecula"]."""
    names = []
    for _ in range(LIST_REACH):
        before = COORD_BEFORE.search(text[max(0, start - 80):start])
        if before is None:
            break
        names.append(before.group("name").strip())
        start = max(0, start - 80) + before.start("name")
    return start, names


def _list_of_places(text: str, start: int, r: EvidenceRules) -> bool:
    """The list the name sits in is one of places: it follows a place preposition ("in Killala and
    Moneen", "à Namur et Ciney") or names a known place ("between Dublin and Ratoath")."""
    start, names = list_before(text, start)
    if any(name in r.places for name in names):
        return True
    words = text[max(0, start - 30):start].split()
    return bool(words) and words[-1].lower() in r.place_preps


LIST_MIN = 2  # names a list must hold that other rules accepted
LIST_STOP = re.compile(r"[.;:()\n«»\"“”!?–—]")
SEPARATOR = re.compile(r"[ \u00a0]*(?:,[ \u00a0]*(?:et|and|ou|or)[ \u00a0]+|,[ \u00a0]*|[ \u00a0]+(?:et|and|ou|or|&)[ \u00a0]+)")
ARTICLE = re.compile(r"^(?:(?:la|le|les|the|La|Le|Les|The)[ \u00a0]+|[lL]['’])")
CAPITALISED_RUN = re.compile(r"[A-ZÀ-Þ][\w’'&.\-]*(?:[ \u00a0](?:(?:de|du|des|of|la)[ \u00a0])?[A-ZÀ-Þ][\w’'&.\-]*)*")


def listed_with(text: str, start: int, end: int, accepted_re: re.Pattern) -> int:
    """How many names other rules accepted share a list ("A, B, C et D") with the mention."""
    left = text[max(0, start - 200):start]
    stops = list(LIST_STOP.finditer(left))
    left = left[stops[-1].end():] if stops else left
    right = text[end:end + 200]
    stop = LIST_STOP.search(right)
    right = right[:stop.start()] if stop else right
    members = []
    items = SEPARATOR.split(left)
    if len(items) > 1 and items[-1] == "":
        for item in reversed(items[:-1]):
            run = list(CAPITALISED_RUN.finditer(item))
            if not run or run[-1].end() < len(item.rstrip()):
                break  # "… operates the route and X, …": a clause, not a list's name
            members.append(run[-1].group(0))
            if run[-1].start() > 0 and not ARTICLE.match(item):
                break  # "… pièce chez Aldi": the list's first name ends the item
    items = SEPARATOR.split(right)
    if len(items) > 1 and items[0] == "":
        for item in items[1:]:
            m = CAPITALISED_RUN.match(ARTICLE.sub("", item))
            if not m:
                break
            members.append(m.group(0))
            if m.end() < len(ARTICLE.sub("", item).rstrip()):
                break  # "… et Pallcenter vient": the list's last name ends the item
    return sum(bool(accepted_re.fullmatch(ARTICLE.sub("", n))) for n in members)
