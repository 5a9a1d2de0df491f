"""ORG rules compiled once per language from `data/<lang>/orgs.json` (and the evidence data's
titles and place words): the regular expressions and word sets every ORG matcher shares."""
from __future__ import annotations

import re
from functools import cache

from ..resources import LANGS, gazetteer_enabled, load
from ..textutil import alternation as _alt
from ..textutil import alternation_trie, whole_matches

NAME_WORD = r"(?:[A-ZÀ-ÖØ-Þ0-9][\w&'’.\-]*|&|de|des|du|d'|d’|la|le|les|of|and|for|the|et|pour|van|von|der)"
CAP_WORD = r"[A-ZÀ-ÖØ-Þ][\w&'’\-]*(?:\.(?=\w))?[\w&'’\-]*(?:–[A-ZÀ-ÖØ-Þ][\w'’\-]*)*"  # "Saguenay–Saint-Laurent"
# a lower-case word read by its adjective ending ("fédérale", "naturelles", "sociaux", "supérieur"):
# after a body's head it belongs to the name ("Ecole polytechnique fédérale de Lausanne"), a verb
# does not ("Co-op all followed Booths")
ADJECTIVE_WORD = r"[a-zà-ÿ]+(?:elles?|els?|ales?|aux|iers?|ières?|iques?|ifs?|ives?|aires?|eure?s?)(?![\w\-])"
CAMEL_WORD = r"[a-zà-ÿ]{1,3}[A-ZÀ-Þ][\w&'’\-]*"  # "eNext", "easyJet", "iPhone": a name word in lower case


class OrgRules:
    def __init__(self, lang: str):
        self.lang = lang
        d = load(lang, "orgs")
        self.data = d
        try:
            gaz = load(lang, "gazetteer")["organisations"]
        except FileNotFoundError:  # a new language may start without a gazetteer
            gaz = []
        self.gazetteer = {}
        for entry in gaz:
            for form in [entry["name"], *entry.get("aliases", [])]:
                if len(form) >= 2:
                    self.gazetteer[form] = entry["name"]
                if len(form) >= 4 and " " not in form and not form.isupper():
                    self.gazetteer.setdefault(form.upper(), entry["name"])  # "ENGIE" for "Engie"
        self.gazetteer_re = re.compile(r"(?<![\w#@])" + alternation_trie(self.gazetteer) + r"(?![\w])") if self.gazetteer else None
        suffix = _alt(d["legal_suffixes"])
        self.suffix_only_re = re.compile(rf",?[ \u00a0]{suffix}(?![\w])")
        self.suffix_re = re.compile(
            rf"(?<![\w#@])(?P<name>{CAP_WORD}(?:[ \u00a0](?:{CAP_WORD}|{CAMEL_WORD}|&|de|des|du|of|and|et)){{0,4}},?[ \u00a0]{suffix})(?![\w])")
        desc = _alt(d["descriptors"])
        adj = _alt(d["descriptor_adjectives"])
        art = _alt(d["articles"])
        self.apposition_re = re.compile(
            rf"(?<!\w)(?i:{art}[ \u00a0]?(?:{adj}[ \u00a0]+)?{desc}(?:[ \u00a0]+{adj}){{0,2}})[ \u00a0]+"
            rf"(?P<name>(?:{CAP_WORD}|{CAMEL_WORD})(?:[ \u00a0](?:{CAP_WORD}|&)){{0,3}})")
        heads = _alt(d["named_heads"])
        hlinks = _alt(d["named_head_links"])
        # "Ville de Paris", "Port of Rotterdam": place-like heads name a body only with a link word
        linked = _alt(d["named_heads_with_link"])
        self.named_head_re = re.compile(
            rf"(?<![\w#@])(?P<name>(?:{heads}(?:[ \u00a0](?!(?:and|et|or|ou|que|qui|dont|où|est|a|ont|sont|se|sa|son|ses|the|that|which|is|was|has|will|to|in|en|à)\b)[a-zà-ÿ]+(?:[ \u00a0]{ADJECTIVE_WORD})?)?(?:[ \u00a0]{hlinks}[ \u00a0][a-zà-ÿ\-]+){{0,2}}"
            rf"(?:[ \u00a0]{hlinks})?|{linked}[ \u00a0]{hlinks})"
            rf"[ \u00a0]?(?:{CAP_WORD})(?:[ \u00a0](?:(?:{hlinks})[ \u00a0]?(?={CAP_WORD}))?(?:{CAP_WORD}|&)){{0,4}})")
        self.head_final_re = re.compile(
            rf"(?<![\w#@])(?P<name>(?:{CAP_WORD}[ \u00a0](?:(?:&|of)[ \u00a0](?={CAP_WORD}))?){{1,5}}{heads}(?:-[A-ZÀ-Þ][\w'’]*)*(?:[ \u00a0]{hlinks}[ \u00a0](?:{CAP_WORD})(?:[ \u00a0]{CAP_WORD}){{0,2}})?)(?![\w])")
        self.legal = set(d["legal_suffixes"])
        # a head and its link right before an acronym's expansion belong to the name
        self.head_link_before_re = re.compile(rf"(?<![\w])(?:{heads})[ \u00a0](?:{hlinks})[ \u00a0]?$")
        # "Présidente de l'Assemblée Nationale", "Chief Executive of Scottish Renewables": the body only
        self.title_lead_re = re.compile(employer_title_link() + r"(?=[A-ZÀ-Þ])")
        self.body_start_re = re.compile(rf"(?:{heads})[ \u00a0](?:{hlinks})[ \u00a0]?(?=[A-ZÀ-Þ])")
        prefix = _alt(d["legal_prefixes"]) if d["legal_prefixes"] else "(?!)"
        # "l’ASBL Jean Gielen", "la SCIC ENErgic": the form opens the name
        self.prefix_re = re.compile(
            rf"(?<![\w])(?i:l['’]|la[ \u00a0]|le[ \u00a0]|une?[ \u00a0]|des[ \u00a0])[ \u00a0]*"
            rf"(?P<name>{prefix}[ \u00a0](?:{CAP_WORD})(?:[ \u00a0](?:(?:de|du|des|d['’]|&)[ \u00a0]?)?(?:{CAP_WORD})){{0,3}})(?![\w])")
        self.head_word_re = re.compile(rf"(?i:\b{heads}\b)")
        self.link_words = {w.lower() for w in d["acronym_link_words"]}
        # "(SDED 52)": a French département's number may close the acronym; "(CA-RL)" may hold a hyphen
        self.acronym_paren_re = re.compile(r"[ \u00a0]*\((?P<acr>[A-ZÀ-Þ][A-Za-zÀ-ÿ&.]{1,9}(?:-[A-ZÀ-Þ][A-Za-zÀ-ÿ&.]{0,6})?(?:[ \u00a0]\d{2,3})?)\)")
        self.articles = sorted(d["articles"], key=len, reverse=True)
        self.name_with_article = tuple(d["name_with_article"])  # str.startswith takes a tuple
        # "au centre commercial Docks": a name right after these words is a site
        self.site_before_re = re.compile(rf"(?i:{_alt(d['site_descriptors'])})[ \u00a0]+$")
        forms = {f for a in d["articles"] for f in (a, a.capitalize())}
        elided = [f for f in forms if f.endswith(("'", "’"))]
        spaced = [f for f in forms if f not in elided]
        # an article and its space ("la banque"), or an elided one ("l'agence")
        self.leading_article_re = re.compile(rf"{_alt(spaced)}[ \u00a0]|{_alt(elided)}")
        # "la laiterie Le Gall", "le groupe Les Maîtres laitiers": after an article and a lower-case
        # noun, a capitalised article opens the name itself
        name_arts = [a for a in d["name_articles"] if a[:1].isupper()]
        self.article_in_name_re = re.compile(
            rf"(?<![\w’'])(?i:{_alt(spaced)}[ \u00a0]|{_alt(elided)})[a-zà-ÿ][\w\-]*[ \u00a0]+$") if name_arts else None
        self.name_article_start_re = re.compile(
            rf"(?:{_alt([a for a in name_arts if not a.endswith(chr(39))])})[ \u00a0](?=[A-ZÀ-Þ])") if name_arts else None
        self.not_org = {w.lower() for w in d["not_org"]}
        self.geo_words = set(load(lang, "org_evidence")["geographic_qualifiers"])  # "Nord-Ouest": parts of a region's name
        # "la Région bruxelloise", "la Province wallonne": a place named by a region word and an adjective
        self.region_words = {w for w in self.geo_words if len(w) > 3}
        self.leading_quantifier_re = re.compile(rf"(?:{_alt(d['leading_quantifiers'])})[ \u00a0]+(?=[A-ZÀ-Þ])")
        self.not_org_res = [re.compile(p) for p in d["not_org_patterns"]]
        self.portfolio_re = re.compile(d["portfolio_before"]) if d.get("portfolio_before") else None
        funds = "|".join(re.escape(h) for h in d["fund_heads"])
        self.body_fund_words = set(d["body_fund_words"]) if d.get("body_fund_words") is not None else None
        self.fund_re = re.compile(rf"^(?:{funds})\b|\b(?:{funds})$")
        self.channel_before_re = re.compile(d["channel_before"])
        self.fund_owner_before_re = re.compile(d["fund_owner_before"])
        self.lower_links = set(d.get("lower_case_name_links", []))  # a language may name bodies in title case only
        self.single_heads = {h for h in d["named_heads"] if " " not in h and h[:1].isupper()}
        self.descriptors = {w.lower() for w in d["descriptors"]}
        months = load(lang, "dates")["months"]
        weekdays = load(lang, "dates")["weekdays"]
        holidays = load(lang, "dates").get("holidays", {})
        self.date_words = {m.lower().rstrip(".") for m in months} | set(weekdays) | {h.lower() for h in holidays}
        # "SolarShare President", "Labour MP": a capitalised title after a name is the person's, not the name's
        ev = load(lang, "org_evidence")
        # "Council leader James Stockan", "Foundation Trustee": a body's head word, then a role
        self.role_words = {t.lower() for t in ev["person_titles"] + ev["employer_titles"] if " " not in t}
        titles = [t for t in ev["person_titles"] if t[:1].isupper()]
        preps = ev["place_prepositions"]
        self.place_word_before_re = re.compile(rf"(?<!\w)(?i:{_alt(preps)})[ \u00a0]+(?:(?i:the|downtown|central|la|le|l['’])[ \u00a0]*)?$")
        self.trailing_title_re = re.compile(rf"(?<=[\w&.])[ \u00a0]+{_alt(titles)}$")

    def money_channel(self, text: str, name: str) -> bool:
        """"allocated from the Parking Reserve Fund", "par l'entremise du Fonds du leadership": a
        fund that money only passes through, at every mention, is a programme, not a body; so is a
        fund its owner runs ("Zero Waste Scotland’s Recycling Improvement Fund"), at one mention; where
        the language lists `body_fund_words`, every fund they do not name (a grant scheme)."""
        if not self.fund_re.search(name):
            return False
        if self.body_fund_words is not None and not any(w in self.body_fund_words for w in name.split()):
            return True  # "the Caithness Community Fund offers grants": a scheme; "Dyfed Pension Fund invests": a body
        starts = [s for s, _e in whole_matches(text, name)]
        return all(self.channel_before_re.search(text, max(0, s - 60), s) for s in starts) or any(
            self.fund_owner_before_re.search(text, max(0, s - 40), s) for s in starts)


@cache
def employer_title_link() -> str:
    """A role that names its employer, then its link: "Chief Executive of (the) ", "présidente de l'".
    Titles cross languages in press ("General Manager de Bières de Chimay")."""
    titles = [t for code in LANGS for t in load(code, "org_evidence")["employer_titles"]]
    return rf"(?i:\b(?:{_alt(titles)}))[ \u00a0]+(?:of|de|du|de la|de l['’]|des|d['’])[ \u00a0]*(?:the[ \u00a0]+)?"


def rules_for(lang: str) -> OrgRules:
    return _rules(lang, gazetteer_enabled())


@cache
def _rules(lang: str, with_gazetteer: bool) -> OrgRules:
    return OrgRules(lang)
