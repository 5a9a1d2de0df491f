"""Whether a name is a person's: the tests `org_evidence` runs on the model's person votes.

A person's name is a given name and a surname (`data/first_names.json`); a title followed by a body
("Président du SMIAGE") is no one's name, whatever the model says.
"""
from __future__ import annotations

import re

from ..lemmas import is_common_word
from ..resources import first_names
from .evidence_rules import EvidenceRules

TITLE_OF = re.compile(r"[ \u00a0](?:of|de|du|des|d['’])[ \u00a0]?(?=[A-ZÀ-Þ])")


def opens_with_given_name(name: str) -> bool:
    """The first word is a given name, each part of a hyphenated one too ("Jean-Pierre Raffarin"); a
    first word that is none ("Hesbaye Frost", "Balfour Beatty") weakens the model's person vote."""
    return all(part in first_names() for part in name.split()[0].split("-"))


def lone_word_no_person(name: str, person_names: set[str]) -> bool:
    """One word the model votes a person that is no given name and ends no person's name of the
    document ("Alfaset vise l’inclusion", "Irizar, qui croit …"): a surname is written in full once
    before it stands alone, so this is a body's or a brand's name the model does not know."""
    return " " not in name and "-" not in name and name not in first_names() \
        and not any(p.endswith(" " + name) or p.endswith("-" + name) for p in person_names)


def title_of_body(text: str, r: EvidenceRules) -> bool:
    """A model's person that is a title and the body it heads ("Président du SMIAGE"): no one's name."""
    m = TITLE_OF.search(text)
    return bool(m) and all(w.lower() in r.title_words for w in text[:m.start()].split())


def given_name_pair(name: str, lang: str, r: EvidenceRules) -> bool:
    """A given name and a surname that is no common word, place or organisation head ("Scott
    Inskeep", not "Lourdes Fund", "Dale Farm" or "Victoria Park")."""
    words = name.split()
    if len(words) != 2 or words[0] not in first_names():
        return False
    last = words[1]
    low = last.lower()
    forms = {low, low[:-1] if low.endswith("s") else low, low[:-3] + "y" if low.endswith("ies") else low}
    return bool(re.fullmatch(r"[A-ZÀ-Þ][a-zà-ÿ'’\-]*[a-zà-ÿ]", last)) and last not in r.places \
        and not any(is_common_word(lang, f) for f in forms) and low not in r.body_words  # "Brittany Ferries"


def capitalised_pair(text: str, start: int, end: int) -> bool:
    """A first name and a surname: two capitalised words."""
    return bool(re.fullmatch(r"[A-ZÀ-Þ][a-zà-ÿ'’\-]+[ \u00a0][A-ZÀ-Þ][a-zà-ÿ'’\-]+", text[start:end]))
