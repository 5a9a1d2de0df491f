"""ORG candidates: the model's NER made right for press texts by named rules.

Sources, each with its rule name: the statistical NER (`ner`), a gazetteer
of well-known organisations (`gazetteer`), names ending in a legal suffix
(`legal_suffix`), names after a descriptor ("la banque Belfius", "the bank
KBC": `apposition`) and acronyms defined in the text (`acronym`). Every
candidate is trimmed to SPEC boundaries and filtered for false positives.
"""
from __future__ import annotations

import re
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc

from ..candidates import Candidate, add_candidates, doc_text
from ..lemmas import is_common_noun
from ..reader import parse_header
from ..resources import gazetteer_enabled, load
from ..textutil import alternation as _alt
from ..textutil import alternation_trie, whole_matches

NAME_WORD = r"(?:[A-ZÀ-ÖØ-Þ0-9][\w&'’.\-]*|&|de|des|du|d'|d’|la|le|les|of|and|for|the|et|pour|van|von|der)"
CAP_WORD = r"[A-ZÀ-ÖØ-Þ][\w&'’\-]*(?:\.(?=\w))?[\w&'’\-]*"


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
            rf"(?<![\w#@])(?P<name>{CAP_WORD}(?:[ \u00a0](?:{CAP_WORD}|&|de|des|du|of|and|et)){{0,4}},?[ \u00a0]{suffix})(?![\w])")
        desc = _alt(d["descriptors"])
        adj = _alt(d["descriptor_adjectives"])
        art = _alt(d["articles"])
        self.apposition_re = re.compile(
            rf"(?<!\w)(?i:{art}[ \u00a0]?(?:{adj}[ \u00a0]+)?{desc}(?:[ \u00a0]+{adj}){{0,2}})[ \u00a0]+"
            rf"(?P<name>(?:{CAP_WORD})(?:[ \u00a0](?:{CAP_WORD}|&)){{0,3}})")
        heads = _alt(d["named_heads"])
        hlinks = _alt(d["named_head_links"])
        # "Ville de Paris", "Port of Rotterdam": place-like heads name a body only with a link word
        linked = _alt(d["named_heads_with_link"])
        self.named_head_re = re.compile(
            rf"(?<![\w#@])(?P<name>(?:{heads}(?:[ \u00a0](?!(?:and|et|or|ou)\b)[a-zà-ÿ]+)?(?:[ \u00a0]{hlinks}[ \u00a0][a-zà-ÿ\-]+){{0,2}}"
            rf"(?:[ \u00a0]{hlinks})?|{linked}[ \u00a0]{hlinks})"
            rf"[ \u00a0]?(?:{CAP_WORD})(?:[ \u00a0](?:(?:{hlinks})[ \u00a0]?(?={CAP_WORD}))?(?:{CAP_WORD}|&)){{0,4}})")
        self.head_final_re = re.compile(
            rf"(?<![\w#@])(?P<name>(?:{CAP_WORD}[ \u00a0]){{1,4}}{heads}(?:[ \u00a0]{hlinks}[ \u00a0](?:{CAP_WORD})(?:[ \u00a0]{CAP_WORD}){{0,2}})?)(?![\w])")
        self.legal = set(d["legal_suffixes"])
        self.head_word_re = re.compile(rf"(?i:\b{heads}\b)")
        self.link_words = {w.lower() for w in d["acronym_link_words"]}
        self.acronym_paren_re = re.compile(r"[ \u00a0]*\((?P<acr>[A-ZÀ-Þ][A-Za-zÀ-ÿ&.]{1,9})\)")
        self.articles = sorted(d["articles"], key=len, reverse=True)
        self.name_with_article = tuple(d["name_with_article"])  # str.startswith takes a tuple
        forms = {f for a in d["articles"] for f in (a, a.capitalize())}
        elided = [f for f in forms if f.endswith(("'", "’"))]
        spaced = [f for f in forms if f not in elided]
        # an article and its space ("la banque"), or an elided one ("l'agence")
        self.leading_article_re = re.compile(rf"{_alt(spaced)}[ \u00a0]|{_alt(elided)}")
        self.not_org = {w.lower() for w in d["not_org"]}
        self.not_org_res = [re.compile(p) for p in d["not_org_patterns"]]
        self.descriptors = {w.lower() for w in d["descriptors"]}
        months = load(lang, "dates")["months"]
        weekdays = load(lang, "dates")["weekdays"]
        self.date_words = {m.lower().rstrip(".") for m in months} | set(weekdays)


def rules_for(lang: str) -> OrgRules:
    return _rules(lang, gazetteer_enabled())


@cache
def _rules(lang: str, with_gazetteer: bool) -> OrgRules:
    return OrgRules(lang)


def trim(text: str, start: int, end: int, r: OrgRules) -> tuple[int, int]:
    """SPEC boundaries: no leading article or descriptor, no possessive 's, no trailing punctuation."""
    s = text[start:end]
    if not s.startswith(r.name_with_article):
        m = r.leading_article_re.match(s)
        while m and m.end() < len(s):  # "l'agence", "Les Restos": articles, one after another
            start += m.end()
            s = text[start:end]
            m = r.leading_article_re.match(s)
    m = re.search(r"(?:['’]s|['’]|[\s,.;:()\"»«]+)$", s)
    while m and m.start() > 0:
        tail = s[m.start():]
        if tail.strip() in (".",) and re.search(r"(?i)(?:Inc|Ltd|Corp|Co|S\.A|N\.V|B\.V|ltée)$", s[:m.start()]) \
                and not re.match(r"\s*(?:$|\n|[A-ZÀ-Þ«\"“])", text[end:end + 3]):
            break  # an abbreviation's period, not the end of the sentence
        end -= len(tail)
        s = text[start:end]
        m = re.search(r"(?:['’]s|['’]|[\s,.;:()\"»«]+)$", s)
    s = text[start:end]
    lead = re.match(r"[\s\"«»(]+", s)
    if lead:
        start += lead.end()
    based = re.match(r"[\w'’.-]+-based[ \u00a0]+(?=[A-ZÀ-Þ])", text[start:end])
    if based:
        start += based.end()  # "Caerphilly-based United Welsh Group"
    return start, end


def is_valid(name: str, r: OrgRules) -> bool:
    low = name.lower().strip()
    if len(name) < 2 or low in r.not_org or low in r.date_words or low in r.descriptors:
        return False
    if not any(ch.isupper() or ch.isdigit() for ch in name):
        return False
    if not name[0].isupper() and not name[0].isdigit():
        return False
    if any(p.search(name) for p in r.not_org_res):
        return False
    if "\n" in name:
        return False
    return True


MISC_ORG_HINT = re.compile(
    r"\b(?:Team|Centre|Center|Group|Groupe|Bank|Banque|Fondation|Foundation|Institute|Institut|Agency|Agence|"
    r"Association|Fund|Fonds|Council|Conseil|Commission|Authority|Autorité|Ministère|Ministry|Office|Service|"
    r"University|Université|Trust|Society|Société|Federation|Fédération|Union|Alliance|Initiative)\b")


def acronym_expansion(text: str, paren_start: int, acr: str, r: OrgRules) -> tuple[int, int] | None:
    """The shortest run of words before "(ACR)" whose initials spell ACR."""
    letters = acr.replace(".", "").replace("&", "").upper()
    window_start = max(0, paren_start - 160)
    words = list(re.finditer(r"[^\s(),;:]+", text[window_start:paren_start]))
    for k in range(len(words) - 1, max(-1, len(words) - 14), -1):
        chosen = words[k:]
        names = [w.group(0) for w in chosen]
        if not names[0][:1].isupper():
            continue
        content = [w for w in names if w.lower().strip("'’") not in r.link_words and not re.fullmatch(r"\w['’]", w)]
        initials = "".join(p[0] for w in content for p in re.split(r"[-'’]", w) if p and p[0].isalpha()).upper()
        caps = "".join(p[0] for w in content for p in re.split(r"[-'’]", w) if p and p[0].isupper())
        every = "".join(w[0] for w in names if w[0].isalpha()).upper()  # "DfT": Department for Transport
        if letters in (initials, caps, "".join(w[0] for w in content).upper(), every):
            s = window_start + chosen[0].start()
            e = window_start + chosen[-1].end()
            between = text[e:paren_start]
            if between.strip(" \u00a0") == "":
                return s, e
    return None


LINK_WORDS = {"of", "and", "for", "the", "de", "des", "du", "et", "pour", "la", "le", "les", "&"}


def _skip_common_lead(doc: Doc, start: int, end: int) -> int:
    """Drop leading words that are not part of a name ("Shares of X Inc." -> "X Inc.")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return start
    toks = list(span)
    cut = 0
    for i, t in enumerate(toks[:-1]):
        nxt = toks[i + 1]
        if t.lower_ in LINK_WORDS or t.text.islower() or (
                t.pos_ not in ("PROPN", "X") and not t.is_upper and nxt.lower_ in LINK_WORDS and nxt.text.islower()) or (
                t.is_sent_start and t.pos_ in ("ADV", "SCONJ", "CCONJ", "DET", "PRON", "INTJ", "ADP")):  # "Now X Co-op"
            cut = i + 1
            continue
        break
    return toks[cut].idx if cut < len(toks) else start


NAME_STOP = {"CEO", "CFO", "Chief", "Chairman", "Chair", "President", "Président", "Directeur", "Director",
             "Head", "Managing", "Executive", "Group's", "PDG", "Vice", "Minister", "Ministre", "Monsieur", "Madame"}


def _extend_right(text: str, end: int, r: OrgRules) -> int:
    """A known name followed by capitalised words is a longer name: "Holcim Belgique"."""
    for _ in range(3):
        m = re.match(rf"[ \u00a0]({CAP_WORD})", text[end:end + 40])
        if not m or m.group(1) in NAME_STOP or m.group(1).lower() in r.not_org \
                or m.group(1).lower().rstrip(".") in r.date_words:
            break
        end += m.end()
    return end


def _org_like(name: str, start: int, end: int, raw: list, r: OrgRules) -> bool:
    """An expansion names an organisation if it has an organisation head word or another rule
    saw one there; the model alone is not enough when the name ends in a common noun
    ("Ground Granulated Blastfurnace Slag (GGBS)", "Combined Heat and Power (CHP)")."""
    if r.head_word_re.search(name) or any(w in r.legal for w in name.split()):
        return True
    seen = [rule for s, e, rule, _p in raw if s < end and start < e]
    if any(rule != "ner" for rule in seen):
        return True
    return bool(seen) and not is_common_noun(r.lang, name.split()[-1].lower())


def _trim_ner(ent) -> tuple[int, int]:
    """Model spans sometimes run into the verb or start with an adverb: trim lowercase edges."""
    toks = list(ent)
    while toks and (toks[-1].text.islower() and toks[-1].pos_ not in ("NOUN", "ADJ", "PROPN")
                    or toks[-1].is_punct):
        toks.pop()
    while toks and toks[0].pos_ in ("ADV", "SCONJ", "CCONJ", "VERB", "AUX", "INTJ", "ADP", "PRON", "PART") and len(toks) > 1:
        toks.pop(0)
    poss = [i for i, t in enumerate(toks[:-1]) if t.text in ("'s", "’s")]
    if poss:
        owner = toks[:poss[-1]]
        if owner and rules_for(ent.doc.lang_).head_word_re.fullmatch(owner[-1].text):
            toks = owner  # "Newcastle City Council's Cabinet" -> "Newcastle City Council"
        else:
            toks = toks[poss[-1] + 1:]  # "China's Jingye Group" -> "Jingye Group"
    if not toks:
        return ent.start_char, ent.start_char
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


COORDINATION = re.compile(r"[ \u00a0](?:and|et)[ \u00a0](?=[A-ZÀ-Þ])")


def split_coordinated(text: str, start: int, end: int, r: OrgRules) -> list[tuple[int, int]]:
    """Two names the model glued together: "Newcastle University and Legal & General".

    Split only where the left part is complete on its own (it ends with an
    organisation head word or a legal suffix), so that "Health and Safety
    Executive" and "Bath and North East Somerset Council" stay whole.
    """
    for m in COORDINATION.finditer(text, start, end):
        left, right = text[start:m.start()].split(), text[m.end():end].split()
        complete = r.head_word_re.fullmatch(left[-1]) or left[-1] in r.legal
        no_links = not any(w.lower() in LINK_WORDS for w in left + right)
        # "Enovos Green Power et Bewatt": a short name after a name of several words
        if len(left) > 1 and (complete or no_links and len(right) <= 2):
            return [(start, m.start()), *split_coordinated(text, m.end(), end, r)]
    return [(start, end)]


def find_orgs(doc: Doc, lang: str) -> list[Candidate]:
    text = doc_text(doc)
    r = rules_for(lang)
    _pub, header_end = parse_header(text)
    raw: list[tuple[int, int, str, int]] = []
    for ent in doc.ents:
        if ent.label_ == "ORG" or (ent.label_ == "MISC" and MISC_ORG_HINT.search(ent.text)):
            start, end = _trim_ner(ent)
            for s, e in split_coordinated(text, start, end, r):
                if e > s:
                    raw.append((s, e, "ner", 1))
    for m in (r.gazetteer_re.finditer(text) if r.gazetteer_re else ()):
        raw.append((m.start(), _extend_right(text, m.end(), r), "gazetteer", 3))
    suffix_hits = [m.end() for m in r.suffix_only_re.finditer(text)]
    for m in (m for hit in suffix_hits for m in r.suffix_re.finditer(text, max(0, hit - 150), hit)):
        start = _skip_common_lead(doc, m.start("name"), m.end("name"))
        raw.append((start, m.end("name"), "legal_suffix", 3))
    for m in r.named_head_re.finditer(text):
        before = re.search(r"([A-ZÀ-Þ][\w’'\-]*)[ \u00a0]$", text[max(0, m.start() - 30):m.start()])
        if before and before.group(1).lower() not in r.articles and before.group(1).lower() not in LINK_WORDS:
            continue  # the head word ends a name that starts before it ("Newcastle University …")
        raw.append((m.start("name"), m.end("name"), "named_head", 3))
    for m in r.head_final_re.finditer(text):
        start = _skip_common_lead(doc, m.start("name"), m.end("name"))
        if start < m.end("name") and " " in text[start:m.end("name")]:
            raw.append((start, m.end("name"), "head_final", 3))
    for m in r.apposition_re.finditer(text):
        raw.append((m.start("name"), m.end("name"), "apposition", 2))
    acronyms: dict[str, tuple[int, int]] = {}
    for m in r.acronym_paren_re.finditer(text):
        acr = m.group("acr")
        found = acronym_expansion(text, m.start(), acr, r)
        if found:
            full_s, full_e = found
            if not _org_like(text[full_s:full_e], full_s, full_e, raw, r):
                continue  # "Building Energy Rating (BER)" defines a term, not an organisation
            acronyms[acr] = (full_s, full_e)
            raw.append((full_s, full_e, "acronym_definition", 4))
    for acr in acronyms:
        for start, end in whole_matches(text, acr, not_after="#@"):
            raw.append((start, end, "acronym", 4))
    out = []
    for start, end, rule, prio in raw:
        if end <= header_end:
            continue
        start = max(start, header_end)
        start, end = trim(text, start, end, r)
        name = text[start:end]
        if re.match(r"[ \u00a0]?\d", text[end:end + 2]) and rule != "legal_suffix":
            continue  # "ISO 14001", "CAC 40", "Proximus 2025": a code or a plan, not the organisation
        if end <= start or name in r.legal or not (is_valid(name, r) or (rule == "gazetteer" and name in r.gazetteer)):
            continue
        out.append(Candidate(start, end, "ORG", "orgs:" + rule, {}, priority=prio))
    doc.user_data["csr_acronyms"] = {acr: text[s:e] for acr, (s, e) in acronyms.items()}
    return out


@Language.factory("csr_orgs", default_config={})
def make_orgs(nlp: Language, name: str):
    return OrgMatcher(nlp.lang)


class OrgMatcher:
    """Writes ORG candidates to `doc._.csr_candidates` (after the model's `ner`)."""

    def __init__(self, lang: str):
        self.lang = lang
        rules_for(lang)

    def __call__(self, doc: Doc) -> Doc:
        add_candidates(doc, find_orgs(doc, self.lang))
        return doc
