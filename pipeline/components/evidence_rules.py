"""The per-language evidence patterns of `org_evidence`, compiled once from the data files.

Everything a language says about names (organisation verbs, descriptors, titles, the words
before a source, a beneficiary or an employer) lives in `data/<lang>/org_evidence.json` and
`orgs.json`; this module only turns them into regular expressions and sets.
"""
from __future__ import annotations

import re
from functools import cache

from ..resources import LANGS, load, place_names
from ..textutil import alternation
from .org_rules import ADJECTIVE_WORD
from .orgs import CAP_WORD, employer_title_link, rules_for


class EvidenceRules:
    def __init__(self, lang: str):
        d = load(lang, "org_evidence")
        orgs = load(lang, "orgs")
        self.lang = lang
        self.verbs = set(d["org_verbs"])
        self.titles = set(d["person_titles"])
        # "Les Serres Lacoste ont investi …": an article a person's name never follows
        dets = [w for w in orgs["articles"] if w not in d["articles_before_persons"]]
        self.no_person_before_re = re.compile(r"(?i:(?:^|(?<=[^\w'’]))(?:(?:" + alternation([w for w in dets if w[-1] not in "'’"])
                                              + r")[ \u00a0]+|(?:" + alternation([w for w in dets if w[-1] in "'’"]) + r")))$")
        self.links = {w.lower() for w in d["chunk_links"]}
        self.not_name = [re.compile(p) for p in d["not_name_patterns"]]
        self.facility_name = re.compile(d["facility_name_pattern"]) if d.get("facility_name_pattern") else None
        self.places = place_names(lang)
        bodies = alternation(d["lower_case_bodies"])
        # "la commune de Mathod met le toit à disposition": a body only when it acts (decided below)
        # "the government of Nova Scotia": a place of two capitalised words too
        self.body_re = re.compile(
            rf"(?<![\w])(?:{bodies})[ \u00a0](?:de la|des|de|du|d['’]|of)[ \u00a0]?{CAP_WORD}(?:-{CAP_WORD})*(?:[ \u00a0]{CAP_WORD})?")
        # "le ministère des Ressources naturelles et de la Faune du Québec", "l’université de Poitiers"
        link = r"(?:de la|de l['’]|des|du|de|d['’])"
        complement = rf"{link}[ \u00a0]?{CAP_WORD}(?:[ \u00a0]{ADJECTIVE_WORD})?"
        self.institution_re = re.compile(
            rf"(?<![\w])(?:{alternation(d['lower_case_institutions'])})[ \u00a0]{complement}"
            rf"(?:(?:,[ \u00a0]|[ \u00a0]et[ \u00a0]|[ \u00a0])(?={link}[ \u00a0]?[A-ZÀ-ÖØ-Þ]){complement})*")
        # "la Région wallonne", "la Communauté française": a capitalised kind and its place's adjective
        kinds = alternation([w[:1].upper() + w[1:] for w in d["lower_case_bodies_before_name"]])
        self.body_adjective_re = re.compile(
            rf"(?<![\w])(?:{kinds})[ \u00a0](?:{alternation(d['place_adjectives'])})(?![\w\-])")
        # "la région Normandie", "de la Région Pays de la Loire": lower case or capitalised
        direct = alternation([v for w in d["lower_case_bodies_before_name"] for v in (w, w[:1].upper() + w[1:])])
        # "Hauts-de-France", "Provence-Alpes-Côte d’Azur": a place name's hyphens may hold link words
        hyphened = rf"{CAP_WORD}(?:-(?:(?:de|du|des|la|le|sur|sous|en|et)-)?{CAP_WORD})*"
        # "la communauté de communes Val de Canche et d'Authie", "la région Normandie" (not "… et Bpifrance")
        self.body_direct_re = re.compile(
            rf"(?<![\w])(?:{direct})[ \u00a0]{hyphened}"
            rf"(?:[ \u00a0](?:(?:de la|de|du|des|et d['’]|d['’])[ \u00a0]?)?{hyphened})*")
        self.beneficiary_re = re.compile(d["beneficiary_before"], re.IGNORECASE)
        self.amount_after_re = re.compile(d["amount_after"], re.IGNORECASE)
        self.staff_after_re = re.compile(rf"^[ \u00a0]+(?:{alternation(d['staff_after'])})\b")
        self.partner_re = re.compile(d["partner_before"], re.IGNORECASE)
        self.source_re = re.compile(d["source_before"], re.IGNORECASE)
        self.outlet_re = re.compile(r"[,;][ \u00a0]*" + d["outlet_before"], re.IGNORECASE)
        self.geo = set(d["geographic_qualifiers"])
        self.leading_preps = {w for w in d["place_prepositions"] if " " not in w}
        self.place_preps = self.leading_preps - {"a"}
        self.territory_words = {w.split()[-1] for w in d["territory_before"]}
        # "the island of South Uist", "the islands of Benbecula, Eriskay and …", "le village de X": lower case
        self.place_noun_before_re = re.compile(
            rf"(?<![\w])(?:{alternation(d['place_nouns_before'])})[ \u00a0]+(?:of|de|d['’]|du|des)?[ \u00a0]*$")
        self.feature_words = set(d["feature_words"])
        self.feature_words_after = set(d["feature_words_after"])
        # "Ballyhea, Co Cork", "Great Island in Co Wexford", "Ciney (province de Namur)": a town with its
        # county; a bare place after a name is where a company is too ("Comet Traitements, Charleroi",
        # "les Transports Breger (Mayenne)")
        county = alternation(d["county_words"])
        self.county_words = set(d["county_words"])
        self.region_after_re = re.compile(
            rf"(?:,[ \u00a0]+|[ \u00a0]*\([ \u00a0]*|[ \u00a0]+(?:in|en)[ \u00a0]+)(?:{county})[ \u00a0]+{CAP_WORD}")
        # "the Town", "la Ville": a body's head word alone is generic, never a short form
        self.body_words = {w.lower() for w in d["lower_case_bodies"]} | {
            h.lower() for h in orgs["named_heads"] + orgs["named_heads_with_link"] if " " not in h}
        self.portfolio_re = orgs["portfolio_before"] and re.compile(orgs["portfolio_before"])
        desc = sorted(set(orgs["descriptors"]), key=len, reverse=True)
        self.descriptors = set(desc)
        self.site_before_re = rules_for(lang).site_before_re  # the pattern the org rules use
        # "Les deux autres associations, CausE et F.A.B." (not "quatre départements : Charente, …")
        listed = [w for w in desc if w.lower() not in self.geo and w.lower() not in ("département", "department")]
        self.list_after_re = re.compile(rf"(?i:\b(?:{alternation(listed)})s)[ \u00a0]*[,:][ \u00a0]*$")
        art = alternation(orgs["articles"])
        desc_re = alternation(desc)
        # "X, the charity", "X, l'intercommunale de …", "X, a Leeds-based charity", "X – a not-for-profit organisation"
        self.after_re = re.compile(
            rf"^[ \u00a0]*(?:,|[–—]|-(?=[ \u00a0]))[ \u00a0]*(?:(?i:{art})[ \u00a0]*)?(?:[\w'’\-]+[ \u00a0]+){{0,2}}?(?:{desc_re})\b")
        nouns = alternation(d["business_nouns"])
        owned = alternation(d["business_nouns"] + d["facility_nouns"])
        # "X's stores", "X's plant"; but "l'usine de X" names the plant's place, so facilities only after 's
        self.owner_after_re = re.compile(rf"^['’]s[ \u00a0]+(?:[\w\-]+[ \u00a0]+)?(?i:{owned})\b")
        at = alternation(d["at_words"])  # a language may have none
        self.at_re = re.compile(r"(?:^|\W)(?:" + at + r")[ \u00a0]+$")
        # titles cross languages in press ("General Manager de Bières de Chimay")
        all_titles = [t for code in LANGS for t in load(code, "org_evidence")["person_titles"]]
        self.title_words = {w.lower() for t in all_titles for w in t.split()} | {n.lower() for n in d["business_nouns"]}
        roles = alternation(all_titles)
        # "director of domestic consumers at Avonmore", "directrice chez X": the speaker's employer
        self.employer_at_re = re.compile(
            rf"(?i:\b(?:{roles}))(?:[ \u00a0][\w\-’']+){{0,4}}?[ \u00a0]+(?:at|chez|with)[ \u00a0]+(?:the[ \u00a0]+)?$")
        self.employer_of_re = re.compile(employer_title_link() + "$")
        titles = alternation(d["person_titles"])
        self.title_after_re = re.compile(rf"^[ \u00a0]*,[ \u00a0]+(?:(?:[Tt]he|[Ll]e|[Ll]a|[Ll]’|[Ll]')[ \u00a0]*)?(?:{titles})\b")
        # "Aoife Feeney, farm sustainability lead with Carbery": a role a few words after a two-word name
        self.role_after_re = re.compile(r"^[ \u00a0]*,[ \u00a0]+(?:[\w'’\-]+[ \u00a0]+){0,4}?(?i:"
                                        + alternation(d["person_roles_after"]) + r")(?![\w\-])")
        self.owner_before_re = re.compile(rf"(?i:\b(?:{nouns}))[ \u00a0]+(?:de|du|des|d['’]|of)[ \u00a0]*[\"«“]?[ \u00a0]*$")


@cache
def evidence_rules(lang: str) -> EvidenceRules:
    return EvidenceRules(lang)


def descriptor_with_complement(doc, k: int, r: EvidenceRules) -> bool:
    """A descriptor, its "de/of" complement, then the name: "la fédération de l’industrie
    technologique Agoria", "the association of local councils X" (k: the complement's last word)."""
    j = k
    while j > 0 and k - j < 3 and doc[j].text.islower() and doc[j].pos_ in ("NOUN", "ADJ"):
        j -= 1
    if j == k or doc[j + 1].pos_ != "NOUN" and doc[j].pos_ != "DET":
        return False
    if doc[j].pos_ == "DET":
        j -= 1
    return j > 0 and doc[j].lower_ in ("de", "d'", "d’", "of", "du", "des") and doc[j - 1].text in r.descriptors
