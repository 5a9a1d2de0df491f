"""The fact linker's rules per language, compiled once from `data/<lang>/facts.json` (and the
date and evidence data they share), and the document's main organisation."""
from __future__ import annotations

import re
from collections import Counter
from functools import cache

from ..candidates import Candidate
from ..reader import parse_header
from ..resources import load, place_names
from .evidence_rules import evidence_rules

LEAD_BONUS = 2
# a news lead: the headline and first paragraph (real-dev with the tuned NER: 300 and 600 both
# give facts 63.3, no limit 60.3; a store named in the ninth sentence is not what the text is about)
LEAD_CHARS = 600
SENTENCE_END = re.compile(r"[.!?](?=\s)|\n")


class FactRules:
    def __init__(self, lang: str):
        f = load(lang, "facts")
        d = load(lang, "dates")
        self.self_ref = {w.lower() for w in f["self_reference"]}
        self.carried_pronouns = {w.lower() for w in f["carried_pronouns"]}
        self.places = place_names(lang)
        self.source_re = re.compile(
            "(?:" + "|".join(re.escape(w) for w in f["source_markers"]) + r")[ \u00a0]+(?:\w+[ \u00a0]+){0,3}(?:[ldLD]['’])?$",
            re.IGNORECASE)
        # "la présidente de l'Assemblée Nationale", "junior minister at the Department of …": the roles
        # that name an employer for org evidence, in one pattern, so the 60 characters before a name
        # are read once
        ev = evidence_rules(lang)
        self.affiliation_re = re.compile(f"(?:{ev.employer_of_re.pattern})|(?:{ev.employer_at_re.pattern})")
        self.group_re = re.compile("(?:" + "|".join(re.escape(w) for w in f["group_markers"]) + ")", re.IGNORECASE)
        self.equiv_re = re.compile(
            "(?:" + "|".join([re.escape(w) for w in f["equivalence_markers"]] + [f["equivalence_pattern"]])
            + r")[ \u00a0]+(?:[^\s.;:,]+[ \u00a0]+){0,6}$", re.IGNORECASE)
        self.baseline_re = re.compile(
            "(?:" + "|".join(re.escape(w) for w in d["baseline_markers"]) + r")[ \u00a0]*(?:l'|l’|the |le |la |du |de |d'|d’|en |in |levels? |niveaux? |of )*$",
            re.IGNORECASE)
        # "Since the launch in 2016, 45,000 trees …": the start of what is counted
        self.baseline_event_re = re.compile(
            "(?:" + "|".join(re.escape(w) for w in d["baseline_event_markers"]) + r")[ \u00a0]+(?:[\w'’\-]+[ \u00a0]+){1,4}?(?:in|en|of|de)[ \u00a0]+$",
            re.IGNORECASE)
        self.target_re = re.compile(
            "(?:" + "|".join(re.escape(w) for w in d["target_markers"]) + r")[ \u00a0]*(?:l'|l’|the |le |la |à |end of |fin )*$",
            re.IGNORECASE)
        self.respectively = tuple(w.lower() for w in f["respectively"])
        self.reporting = set(f["reporting_verbs"])
        # "The Town of X will receive $1.2m (from FCM)": the subject is a beneficiary, the figure the giver's
        self.receive = set(f["receive_verbs"])
        self.org_kinds = set(f["organisation_nouns"])
        self.generic_agents = set(f["generic_agents"])
        self.anaphoric = set(f["anaphoric_determiners"])
        self.body_nouns = set(f["body_nouns"])
        self.money_source_re = re.compile(
            r"^[^.;:,!?\n]{0,60}?\b(?:" + "|".join(re.escape(w) for w in sorted(f["money_source_markers"], key=len, reverse=True))
            + r")[ \u00a0]+(?:the[ \u00a0]+|la[ \u00a0]+|le[ \u00a0]+|l['’]|les[ \u00a0]+)?$", re.IGNORECASE)
        roles = load(lang, "org_evidence")["person_titles"]
        self.role_before_re = re.compile(
            r"(?i:\b(?:" + "|".join(re.escape(w) for w in sorted(roles, key=len, reverse=True)) + r"))"
            r"(?:[ \u00a0][\w\-’']+){0,3}?[ \u00a0]+(?:de la|de l['’]|du|des|de|d['’]|of|at|for|chez)[ \u00a0]*(?:the[ \u00a0]+)?$")
        # "… signe une entente avec le SDED 52": a partner named in the lead, not its subject
        self.lead_partner_re = re.compile(
            r"(?i)\b(?:" + "|".join(re.escape(w) for w in f["lead_partner_markers"]) + r")\b(?:[ \u00a0]+\S+){0,2}[ \u00a0]*$")
        self.giver_re = re.compile(
            "(?:" + "|".join(re.escape(w) for w in sorted(f["giver_markers"], key=len, reverse=True)) + r")[ \u00a0]*(?:the[ \u00a0]+)?$",
            re.IGNORECASE)

    def named_as_source(self, text: str, start: int, floor: int = 0) -> bool:
        """"selon Finn", "according to X": the organisation at `start` reports, it does not act."""
        return bool(self.source_re.search(text[max(floor, start - 40):start]))


@cache
def rules_for(lang: str) -> FactRules:
    return FactRules(lang)


def main_org(orgs: list[Candidate], text: str, r: FactRules | None = None) -> str | None:
    """The document's main organisation: most mentioned, ties to the first, with a bonus for the
    lead's organisations except partners and givers ("avec le SDED 52"). A body named only as
    a person's affiliation ("La présidente de l'Assemblée Nationale à l'inauguration …") or as
    a source ("selon Statbel") is who came or who counted, not what the text is about: it is the
    main organisation only if no other is named."""
    if not orgs:
        return None
    # the organisations of the lead sentence are what the text is about (dev: +2 is best)
    end = SENTENCE_END.search(text, orgs[0].start)  # a headline ends at its line break
    _pub, body = parse_header(text)
    in_lead = orgs[0].start - body <= LEAD_CHARS
    if r is not None:
        acting = {o.attrs.get("canonical") for o in orgs
                  if not r.affiliation_re.search(text, max(0, o.start - 60), o.start)
                  and not r.named_as_source(text, o.start)}
        orgs = [o for o in orgs if o.attrs.get("canonical") in acting] or orgs
    counts = Counter(o.attrs.get("canonical") for o in orgs)
    # the first organisation named deep in the text: no lead names one
    lead_end = (end.start() if end else -1) if in_lead else 0
    # once per organisation: "X (ACRONYM)" in the lead is one organisation named there, not two
    lead = [o for o in orgs if lead_end == -1 or o.start < lead_end]
    if r is not None:
        lead = [o for o in lead if not r.lead_partner_re.search(text, max(0, o.start - 40), o.start)]
    for canonical in {o.attrs.get("canonical") for o in lead}:
        counts[canonical] += LEAD_BONUS
    first = {}
    for o in orgs:
        first.setdefault(o.attrs.get("canonical"), o.start)
    return max(counts, key=lambda c: (counts[c], -first[c]))
