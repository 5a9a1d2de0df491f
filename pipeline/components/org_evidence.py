"""ORG names that no list knows: one decision per distinct name, from the whole document.

The statistical NER sees one sentence at a time, so a regional company it
misses is missed at every mention, and a town it mistakes for a company is
wrong at every mention. Here every capitalised name of the document (proper
noun runs and the model's entities of any label) is decided once, from what
the whole document says about it, and all its mentions are labelled alike.

Evidence for (its rule name in parentheses): the model's ORG votes (`ner`);
a descriptor before or after ("la coopérative solaire X", "X, the charity":
`apposition`); being the subject or agent of what organisations do
(`subject_verb`); a possessive with a business noun ("X's stores", "les
bâtiments de X": `possessive`); receiving what is given or raised ("raised
€2,500 for X", "au profit de X": `beneficiary`); staff named after it ("X
employees raised …": `staff`). Evidence against: a place name (`places`
list, built from GeoNames by scripts/build_places.py), a person (the model's
person votes, a title, a longer person name that ends with it), a unit or a
chemical formula. A place or person veto applies only to names that nothing
but the model and the verb support, since "Orange" and "Carrefour" are
places too. Every kept span's rule says which evidence carried it, for
example `orgs:evidence:ner+subject_verb`.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc

from ..candidates import Candidate, Intervals, add_candidates, doc_text
from ..lemmas import is_common_noun, is_common_word, lemma
from ..reader import parse_header
from ..textutil import one_edit_apart, whole_matches
from .evidence_rules import EvidenceRules, descriptor_with_complement, evidence_rules
from .org_name_runs import FUNCTION_POS, name_runs, owner_and_owned
from .org_persons import (
    TITLE_OF,
    capitalised_pair,
    given_name_pair,
    lone_word_no_person,
    opens_with_given_name,
    title_of_body,
)
from .org_second_pass import list_before, second_pass
from .org_terms import hosted_sites, in_programme_context, plain_terms
from .orgs import HEAD_OF_BEFORE, headline_lines, is_valid, opens_with_verb, rules_for, trim

PERSON_LABELS = {"PER", "PERSON"}
PERSON_OF = re.compile(r"(?:de|du|des|d['’]|of|from|at)(?:[ \u00a0]|(?<=['’]))")
# "En France, le groupe …", "In Belgium, the group …": a fronted place, not an apposition
FRONTED_PLACE = re.compile(r"(?:^|[.!?:\n][ \u00a0\n]*)(?:In|En|À|Au|Aux|Across|Throughout|Dans)[ \u00a0]+(?:the[ \u00a0]+)?$")
PLACE_LABELS = {"LOC", "GPE", "FAC"}
# dependency labels of the doer of a verb (spaCy English and French UD schemes)
SUBJECT_DEPS = {"nsubj"}
AGENT_DEPS = {"obl:agent", "pobj"}
STRONG = {"apposition", "apposition_after", "possessive", "outlet", "employer"}


@dataclass
class Evidence:
    mentions: list[tuple[int, int]] = field(default_factory=list)
    acting_only: bool = False  # a lower-case municipal body: an ORG only when it acts
    direct: bool = False  # a body's kind straight before its place's name ("la région Normandie")
    institution: bool = False  # a lower-case head that names a body only: "le ministère des Transports"
    territory: int = 0  # mentions after "en", "dans (la)": the place, not the body ("en région Normandie")
    quoted: bool = False  # written between quotes somewhere: «Petits riens» reads as a name
    inside_sentence: bool = False  # a mention that does not open its sentence: its capital is the name's
    headline_only: bool = False  # every mention in a title-case line: only strong evidence counts
    bare_inside: int = 0  # mentions inside a sentence with no determiner before: "… years Booths has cut"
    after_place_word: int = 0  # mentions after "in", "en": all of them, and the name is a place's
    second: str = ""  # the rule of a name decided in the second pass
    name_like: bool = False  # a mention reads as a name: a proper noun, or a capitalised word inside a sentence
    support: set[str] = field(default_factory=set)
    ner_org: int = 0
    ner_person: int = 0
    ner_place: int = 0
    against: set[str] = field(default_factory=set)
    programme: int = 0  # mentions next to a programme noun ("the Housing for All initiative")
    subject_any: int = 0  # mentions that are the subject of a clause, whatever its verb
    described: int = 0  # mentions right after a descriptor ("du transporteur Jacky Perrenot")
    determined: int = 0  # mentions after a determiner ("Les Serres Lacoste ont …"): no person's name


def _amount(t) -> bool:
    """A number that counts (a year is not: "in 2022 Archwood Group …")."""
    return t.like_num and not re.fullmatch(r"(?:19|20)\d\d", t.text) or t.lower_ in ("million", "millions", "billion",
                                                                                    "milliards", "milliard", "mille")


def find_names(doc: Doc, lang: str) -> dict[str, Evidence]:
    text = doc_text(doc)
    r, o = evidence_rules(lang), rules_for(lang)
    _pub, header_end = parse_header(text)
    names: dict[str, Evidence] = defaultdict(Evidence)
    spans: list[tuple[int, int]] = []
    for i, j in name_runs(doc, r):
        spans.append((doc[i].idx, doc[j - 1].idx + len(doc[j - 1].text)))
    person_names = set()
    for ent in doc.ents:
        spans.append((ent.start_char, ent.end_char))
        if ent.label_ in PERSON_LABELS and not title_of_body(ent.text, r):
            person_names.add(ent.text)
    quoted = set()
    for m in QUOTED_NAME.finditer(text, header_end):
        spans.append((m.start("name"), m.end("name")))
        quoted.add(m.group("name"))
    spans = [part for start, end in spans for part in owner_and_owned(text, start, end)]
    for start, end in spans:
        if end <= header_end:
            continue
        start, end = trim(text, max(start, header_end), end, o)
        name = text[start:end]
        first, _, rest = name.partition(" ")
        if rest and (first in r.descriptors or first.lower() in r.descriptors or first.lower().endswith("-based")
                     or first.lower() in r.leading_preps) and rest[:1].isupper():
            start, name = start + len(first) + 1, rest  # "ONG Conservation International", "Leeds-based X", "A Gland"
        cut = TITLE_OF.search(name)
        if cut and all(w.lower() in r.title_words for w in name[:cut.start()].split()):
            start, name = start + cut.end(), name[cut.end():]  # "Chief Executive of Scottish Renewables"
        end = start + len(name)
        while name not in quoted and end > start and (
                name.rsplit(" ", 1)[-1].lower() in r.links or name[-1] in "-–'’"
                or " " in name and name.rsplit(" ", 1)[-1].islower()):
            end = start + len(name.rsplit(" ", 1)[0]) if " " in name else start  # "City of", "Fonds de … de la"
            name = text[start:end].rstrip(" \u00a0,;:")  # "Co-recyclage, start-up de …": no comma left behind
            end = start + len(name)
        first = name.split(" ", 1)[0].lower().rstrip(".")
        if end > start and is_valid(name, o) and name not in names and first not in o.date_words \
                and name.lower() not in r.links:
            names[name] = Evidence(quoted=name in quoted)
    for body_re in (r.body_re, r.body_direct_re, r.body_adjective_re):
        for m in body_re.finditer(text, header_end):
            ev = names.setdefault(m.group(0), Evidence(acting_only=True))
            ev.direct = ev.direct or body_re is not r.body_re  # "Région Pays de la Loire", "Région wallonne"
    for m in r.institution_re.finditer(text, header_end):
        names.setdefault(m.group(0), Evidence()).institution = True
    ents = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
    persons = [(e.start_char, e.end_char) for e in doc.ents
               if e.label_ in PERSON_LABELS and len(e) > 1 and not title_of_body(e.text, r)]
    for name, ev in names.items():
        ev.mentions = [(s, e) for s, e in whole_matches(text, name, not_after="#@")
                       if not any(ps <= s and e <= pe and (ps, pe) != (s, e) for ps, pe in persons)
                       and not re.match(r"[ \u00a0]?\d", text[e:e + 2])]  # "CAC 40", "Scope 3": a code
    headlines = headline_lines(text, header_end)
    # a mention inside a longer name's mention is that name's ("Ireland" in "Ecocem Ireland")
    longer = Intervals()
    for name in sorted(names, key=len, reverse=True):
        ev = names[name]
        own = [(s, e) for s, e in ev.mentions if not longer.overlaps(s, e)]
        for s, e in ev.mentions:
            if not longer.overlaps(s, e):
                longer.add(s, e)
        ev.mentions = own
        for start, end in ev.mentions:
            _read_mention(doc, text, start, end, ev, ents, r, header_end)
        if ev.mentions and ev.programme >= len(ev.mentions):
            ev.against.add("programme")  # "du plan France Relance", "Green Public Procurement (GPP) policy"
        if ev.mentions and all(_owned(text, ms, r) for ms, _me in ev.mentions):
            ev.against.add("owned")  # "FCM's Green Municipal Fund", "Sobeys’ Second Harvest": a programme
        # title case capitalises every word: "Contract Awarded for Ireland’s First …"
        ev.headline_only = bool(ev.mentions) and all(any(s <= ms < e for s, e in headlines) for ms, _me in ev.mentions)
        if name in r.places or name.split(" ")[-1] in r.places and len(name.split()) == 1:
            ev.against.add("place")
        words = name.split()
        if len(words) == 2 and (words[0] in r.feature_words or words[1] in r.feature_words_after) and not ev.quoted:
            ev.against.add("place")  # "River Ingol", "Mount Callan", "Lethan Hill": a landform's name
        if _county(name, r) or any(_town_of(text, e, r) for _s, e in ev.mentions):
            ev.against.add("place")  # "Co Meath"; "Ballyhea, Co Cork": a town once, a town always
        if any(p.search(name) for p in r.not_name):
            ev.against.add("formula")
        if r.facility_name and r.facility_name.search(name):
            ev.against.add("facility")
        if " " not in name and name.lower() in r.body_words:
            ev.against.add("kind")  # "Le CHU souhaitait …", "the Town": a body's kind alone names none
        if ev.quoted:
            ev.name_like = True
        if not ev.name_like and ev.support & {"subject_verb", "staff", "beneficiary"} \
                and not any(is_common_word(r.lang, w.lower()) or doc.vocab[w.lower()].is_stop for w in name.split()):
            ev.name_like = True  # "Fyffes also give us a pallet": a sentence's first word that no lexicon knows, acting
        words = name.split()
        if len(words) == 1 and "-" in name:
            words = name.split("-")  # "Hydro-Magog": a name joined to its place
        if len(words) >= 2 and words[-1] in r.places and " ".join(words[:-1]) not in r.places \
                and not any(w.lower() in r.geo for w in words) and not ev.ner_person \
                and ev.after_place_word < len(ev.mentions):
            ev.support.add("place_qualified")  # "BoreA Canada", "Vodafone Ireland"; not "Caithness West", "X-sur-Maine"
        if any(name.startswith(p + " ") and PERSON_OF.match(name, len(p) + 1) for p in person_names if " " in p):
            ev.against.add("person")  # "Pascal Hervé d’Iveco": a person and the body they speak for
        if ev.subject_any >= SUBJECT_OFTEN and not (ev.ner_person or ev.ner_place) and name not in r.places:
            ev.support.add("subject_often")  # "Co-recyclage essaime …", "Co-recyclage ne stocke pas …": what acts
        if ACRONYM_LED.match(name) and name.split()[0] not in r.places and not ev.ner_person:
            ev.ner_org, ev.ner_place = ev.ner_org + ev.ner_place, 0  # "CDC Habitat", "NUI Galway": no place opens so
        if ev.ner_place > ev.ner_org:
            ev.against.add("ner_place")  # outvotes the model's own ORG reading only
        last = name.rsplit(" ", 1)[-1]
        if " " not in name and not name.isupper() and is_common_word(lang, name.lower()):
            ev.against.add("common_noun")  # "Cabinet", "State", "Economie": a word, unless more than the model says so
        if name.isupper() and len(name) >= SHOUTED_MIN and all(is_common_word(lang, w.lower()) for w in name.split()):
            ev.against.add("common_noun")  # "GENEROUS donors gave …", "ETHICAL INVESTMENT – two words …": shouted words
        if name.isupper() and " " not in name and (doc.vocab[name.lower()].is_stop or doc.vocab[name.lower()].like_num):
            ev.against.add("common_noun")  # "ONE of Munster's fastest growing …": a shouted function word
        # "Crowley Carbon", "X Ireland", "les Serres Lacoste" (not "l'Assemblée Nationale Yaël Braun-Pivet")
        not_a_person = last in r.places or is_common_noun(lang, last.lower()) or ev.determined > 0 and not any(
            name.endswith(" " + p) for p in person_names)
        if " " in name and ev.ner_person and not ev.ner_org and not not_a_person:
            # a first name and a surname ("Michael Kincade"); with a link inside ("Fruit d'Or") a
            # person only if no strong evidence says a body
            linked = any(w.lower() in r.links or re.match(r"[dD]['’]\w", w) for w in name.split()[1:])
            # a company named after its founder, written after its descriptor more than once ("du
            # transporteur Jacky Perrenot", "son transporteur Jacky Perrenot"): a body if strong evidence says so
            # a first word that is no given name ("Hesbaye Frost", "Bil Ta Garbi") weakens the vote to a
            # person that strong evidence can overrule
            ev.against.add("person" if linked or ev.described >= DESCRIBED_FOUNDER or not opens_with_given_name(name)
                           else "title")
        if not ev.ner_person and not not_a_person and ev.described < DESCRIBED_FOUNDER and given_name_pair(name, lang, r):
            ev.against.add("person")  # "Andy Rolfe, one of the directors": the model's ORG vote, a person's name
        if (ev.ner_person > ev.ner_org and not not_a_person and not lone_word_no_person(name, person_names)) or any(
                p != name and (p.endswith(" " + name) or " " not in name and one_edit_apart(p.rsplit(" ", 1)[-1], name))
                for p in person_names):
            ev.against.add("person")  # "Bogdan Chmielewski … Chmielewsi said": the surname, misspelt or not
    for name in plain_terms(text, names):
        names[name].against.add("term")  # "Combined Heat and Power (CHP)", "le GNL (gaz naturel liquéfié)"
    return names


def _list_start_text(text: str, start: int) -> str:
    """The 60 characters before the list a mention sits in ("the islands of Benbecula, Eriskay and |South
    Uist"), or before the mention when it is in none."""
    start, _names = list_before(text, start)
    return text[max(0, start - 60):start]


def _county(name: str, r: EvidenceRules) -> bool:
    """'Co Meath', 'County Cork': a county's name with its abbreviation."""
    first, _, rest = name.partition(" ")
    return first in r.county_words and rest in r.places


def _town_of(text: str, end: int, r: EvidenceRules) -> bool:
    """The name is followed by the county or province it is in: a town's, the press's way."""
    return bool(r.region_after_re.match(text, end))


def _opens_a_clause(doc: Doc, pos: int) -> bool:
    """"… entre Salquenen et Viège, la fromagerie transforme …": the descriptor after the comma is
    the subject of the next clause, not an apposition to the name before it."""
    span = doc.char_span(pos, pos + 1, alignment_mode="expand")
    return span is not None and span[-1].dep_ in ("nsubj", "nsubj:pass", "nsubjpass")


def _read_mention(doc: Doc, text: str, start: int, end: int, ev: Evidence, ents, r: EvidenceRules,
                  header_end: int = 0) -> None:
    for s, e, label in ents:
        if s < end and start < e and (abs(s - start) <= 4 and abs(e - end) <= 4 or start <= s and e <= end):
            if label == "ORG":
                ev.ner_org += 1
            elif label in PERSON_LABELS:
                ev.ner_person += 1
            elif label in PLACE_LABELS:
                ev.ner_place += 1
    before = text[max(0, start - 60):start]
    after = text[end:end + 80]
    if after[:7].lower() == "-based ":
        ev.against.add("place")  # "Cree-based Clean Ireland Recycling": where the body is, not a body
        return
    if r.no_person_before_re.search(before):
        ev.determined += 1
    if r.place_noun_before_re.search(_list_start_text(text, start)):
        ev.against.add("place")  # "the island of South Uist", "the islands of Benbecula, Eriskay and South Uist"
    if r.list_after_re.search(before):
        ev.support.add("apposition")  # "Les deux autres associations, CausE et F.A.B."
    appos = r.after_re.match(after)
    if appos and not FRONTED_PLACE.search(before) and not _opens_a_clause(doc, end + appos.end() - 1):
        ev.support.add("apposition_after")  # "Tibi, l'intercommunale …" (not "En France, le groupe …")
    # "Broadacres’ head of sustainability": a name ending in s takes the apostrophe alone
    owner_after = "’s" + after[1:] if text[end - 1:end] == "s" and re.match(r"['’][ \u00a0]", after) else after
    if r.owner_after_re.match(owner_after) or r.owner_before_re.search(before):
        ev.support.add("possessive")
    if r.at_re.search(before):
        ev.support.add("at")  # "chez Chamois": where people work or buy
    if r.employer_at_re.search(before):
        ev.support.add("employer")  # "director of domestic consumers at Avonmore"
    elif r.employer_of_re.search(before) and not DEPARTMENT_AT.match(after):
        ev.support.add("employer_of")  # "Chief Executive of Scottish Renewables"
    if r.beneficiary_re.search(before) or r.amount_after_re.match(after):
        ev.support.add("beneficiary")  # "raised €2,500 for Barnardos", "Cape Breton Partnership - $456,000"
    if r.staff_after_re.match(after):
        ev.support.add("staff")  # "Glanbia employees managed to raise …" (a name: see find_names)
    if r.source_re.search(before):
        ev.support.add("source")  # "according to X", "selon Belga": an outlet or a body
    if r.outlet_re.search(before) and re.match(r"[ \u00a0]*[.;\n]", after):
        ev.support.add("outlet")  # "…, reports Het Laatste Nieuws."
    if ev.acting_only and r.partner_re.search(before):
        ev.support.add("partner")  # "une convention avec la ville de Gland"
    if r.portfolio_re and r.portfolio_re.search(before) or HEAD_OF_BEFORE.search(before):
        ev.against.add("title")  # "Minister of Natural Resources": a portfolio; "Head of Building Services": a department
    words = before.split()
    if words and (words[-1] in r.titles or words[-1].lower() in r.title_words and len(words[-1]) > 3
                  and capitalised_pair(text, start, end)):
        ev.against.add("person")  # "Mr Philips", "chief executive Leo Clancy"
    if r.title_after_re.match(after) or r.role_after_re.match(after) and capitalised_pair(text, start, end):
        ev.against.add("person")  # "Niall Stuart, Chief Executive of …", "Aoife Feeney, farm sustainability lead"
    if any(w in r.titles for w in text[start:end].split()[:-1]):
        ev.against.add("title")  # "Honourable Patty Hajdu", "Loans Officer Fiona Dunne"
    tok = doc.char_span(start, end, alignment_mode="expand")  # the mention's tokens, computed once
    if tok is None or len(tok) == 0:
        return
    root = tok.root
    ev.programme += in_programme_context(tok, r.lang)
    if opens_with_verb(tok, r.lang):
        ev.against.add("common_noun")  # "Rappelons qu'en avril …": a verb opening a sentence
    if root.head.i == root.i and len(tok) > 1:
        # a name the parser split into two roots ("Ha - Py Energies a signé"): the word that hangs it on the clause
        linked = [t for t in tok if t.head.i != t.i and not tok.start <= t.head.i < tok.end]
        root = linked[-1] if linked else root
    if any(t.pos_ in ("PROPN", "X") for t in tok) or not tok[0].is_sent_start and tok[0].pos_ not in FUNCTION_POS:
        ev.name_like = True
    if not tok[0].is_sent_start:
        ev.inside_sentence = True
        prev = doc[tok.start - 1] if tok.start > 0 else None
        if prev is not None and prev.pos_ not in ("DET", "ADJ", "PUNCT", "NUM") and prev.text.islower():
            ev.bare_inside += 1
    if tok.text.isupper() and len(tok.text) >= 3:
        ev.name_like = True  # "SHARENERGY will …": a name in capitals, wherever it stands
    if tok.start > 0 and doc[tok.start - 1].lower_ in r.place_preps:
        ev.after_place_word += 1
    if tok.start > 0 and (doc[tok.start - 1].lower_ in r.territory_words or tok.start > 1 and doc[tok.start - 1].pos_ == "DET"
                          and doc[tok.start - 2].lower_ in r.territory_words):
        ev.territory += 1  # "en région Normandie", "dans la région Hauts-de-France"
    # a descriptor right before, past adjectives: "la coopérative solaire X", "the Leeds charity X"
    if tok.start > 0:
        k = tok.start - 1
        hops = 0
        while k >= 0 and hops < 2 and doc[k].pos_ == "ADJ" and doc[k].lower_ not in r.descriptors:
            k -= 1
            hops += 1
        if k >= 0 and doc[k].text in r.descriptors and not r.site_before_re.search(text, max(0, start - 30), start):
            ev.support.add("apposition")  # not "au centre commercial Docks": a site
            ev.described += 1
        elif k >= 0 and descriptor_with_complement(doc, k, r):
            ev.support.add("apposition")  # "la fédération de l’industrie technologique Agoria"
        prev = doc[tok.start - 1]
        if prev.idx < header_end:
            pass  # the publication header is not text: "date 2021-06 FCM"
        elif tok.start >= 2 and prev.lower_ in ("de", "d'", "d’", "of") and _amount(doc[tok.start - 2]) \
                or _amount(prev) and text[start:end].isupper():
            ev.against.add("unit")  # "35 millions de PMP", "40 GWh": a unit after a number
    head = root.head
    if root.dep_ in SUBJECT_DEPS and head.pos_ in ("VERB", "AUX"):
        ev.subject_any += 1
    if ev.acting_only and (root.dep_ in SUBJECT_DEPS or root.dep_ == "conj" and root.head.dep_ in SUBJECT_DEPS):
        ev.support.add("acts")  # "la ville de Charleroi épargne …", "L'Ademe et la région Normandie ont soutenu …"
    if root.dep_ in SUBJECT_DEPS and (lemma(head) in r.verbs or any(
            c.dep_ == "xcomp" and lemma(c) in r.verbs for c in head.children)):
        ev.support.add("subject_verb")  # "X investit", "X a pu réduire", "X plans to invest"
    elif root.dep_ in AGENT_DEPS and (lemma(head) in r.verbs or head.dep_ == "agent" and lemma(head.head) in r.verbs):
        ev.support.add("subject_verb")
    elif root.dep_ == "obl:mod" and any(c.lower_ == "par" for c in root.children) and lemma(head) in r.verbs:
        ev.support.add("subject_verb")  # "gérée entièrement par X": the parser's obl:mod for an agent
    if any(c.dep_ in ("relcl", "acl:relcl") and lemma(c) in r.verbs and any(
            g.dep_ in SUBJECT_DEPS and g.lower_ in RELATIVE_SUBJECTS for g in c.children) for c in root.children):
        ev.support.add("subject_verb")  # "Broadacres, which owns and manages 6,000 homes", "X, qui gère …"


# an acronym and a capitalised word ("CDC Habitat", "SIDELEC Réunion"): the model's place vote is its entity vote
ACRONYM_LED = re.compile(r"[A-ZÀ-Þ]{2,}[0-9]*[ \u00a0][A-ZÀ-Þ][a-zà-ÿ][\w’'\-]*(?:[ \u00a0]|$)")
RELATIVE_SUBJECTS = {"which", "who", "that", "qui"}


def decide(ev: Evidence) -> str | None:
    """The rule name that makes the name an organisation, or None."""
    strong = ev.support & STRONG
    if ev.headline_only and not strong:
        return None
    if ev.acting_only and ev.support & {"subject_verb", "possessive", "partner", "acts"}:
        return "acting_body"
    if ev.institution and ev.mentions:
        return "institution"
    # a region's kind right before its name ("de la Région Pays de la Loire", "la région Normandie a
    # voté"): the body, unless every mention is the territory ("en région Normandie", "dans la région …")
    if ev.direct and ev.mentions and ev.territory < len(ev.mentions):
        return "direct_body"
    if ev.acting_only:
        return None
    if not ev.name_like and not ev.ner_org:
        return None
    if "formula" in ev.against or "title" in ev.against or ("unit" in ev.against or "kind" in ev.against) and not strong:
        return None
    if "place" in ev.against and not strong & {"apposition", "apposition_after"} or "person" in ev.against and not strong:
        return None
    # "Cabinet", "State" are words; "Booths" acting with no determiner, mid-sentence, is a name
    if "common_noun" in ev.against and not strong and not (ev.bare_inside and ev.support & {"subject_verb"}):
        return None
    if ev.against & {"owned", "term"} and not strong or "programme" in ev.against and not ev.support:
        return None  # an owned programme, a term the text spells out in lower case; a programme unless more says a body
    if "facility" in ev.against and not (strong or ev.support & {"subject_verb"}):
        return None
    # "l’entrepôt de X à Bascharage": only the model, and every mention after "à", "in"
    place_only = ev.mentions and ev.after_place_word >= len(ev.mentions) and not ev.support
    ner = ev.ner_org and not ev.against & {"ner_place", "common_noun"} and not place_only
    kinds = sorted(ev.support | ({"ner"} if ner else set()))
    if strong or ner or ev.support & {"subject_verb", "at", "place_qualified", "source", "employer_of", "beneficiary", "staff",
                                      "subject_often"}:
        return "+".join(kinds)
    return None


DESCRIBED_FOUNDER = 2  # mentions after a descriptor that make a person-like name a company's
SUBJECT_OFTEN = 2  # clauses a name is the subject of, whatever the verb, to act as a body
SHOUTED_MIN = 5  # letters: shorter capitals are acronyms more often than shouted words ("CLEF", "PACT")


# "FCM's Green Municipal Fund", "the government’s Social Housing Decarbonisation Fund": something owned
OWNED = re.compile(r"(?:\b(?P<owner>[A-ZÀ-Þ][\w.&\-]*)|\bgovernment|\bcouncil)(?:['’]s|(?<=s)['’])[ \u00a0]+$")


def _owned(text: str, start: int, r) -> bool:
    """After an owner's possessive that is not a place's ("Germany's EnBW" is a company)."""
    m = OWNED.search(text[max(0, start - 40):start])
    return bool(m) and (m.group("owner") or "") not in r.places


# "Director of Operations at X", "Head of New Markets and Products at X": a department of X
DEPARTMENT_AT = re.compile(r"(?:[ \u00a0][\w&]+){0,3}[ \u00a0]+(?:at|chez|with)[ \u00a0]")
# «Petits riens», "Colis du cœur": a short capitalised phrase between quotes, no sentence in it
QUOTED_NAME = re.compile(r"[«\"“][ \u00a0]?(?P<name>[A-ZÀ-Þ][\w'’&\-]*(?:[ \u00a0][\w'’&\-]+){0,4})[ \u00a0]?[»\"”]")


def apply_evidence(doc: Doc, lang: str) -> None:
    names = find_names(doc, lang)
    cands = doc._.csr_candidates or []
    vetoed = set()
    accepted: set[str] = set()
    added = []
    taken = Intervals()
    for name in sorted(names, key=len, reverse=True):  # a longer name keeps its mentions: "LEADER Lëtzebuerg West"
        ev = names[name]
        rule = decide(ev)
        if rule is None:
            if ev.against:
                vetoed.add(name)
            continue
        accepted.add(name)
        for start, end in ev.mentions:
            if not taken.overlaps(start, end):
                taken.add(start, end)
                added.append(Candidate(start, end, "ORG", "orgs:evidence:" + rule, {}, priority=2))
    text = doc_text(doc)
    ruled = {text[c.start:c.end] for c in cands if c.label == "ORG" and c.priority >= 3}
    for name in second_pass(names, accepted, text, evidence_rules(lang), ruled):
        for start, end in names[name].mentions:
            if not taken.overlaps(start, end):
                taken.add(start, end)
                added.append(Candidate(start, end, "ORG", "orgs:evidence:" + names[name].second, {}, priority=2))
        vetoed.discard(name)
    text = doc_text(doc)
    # an owned programme is no organisation whichever rule found it, nor is its acronym
    not_bodies = {n for n in vetoed if "owned" in names[n].against} | doc.user_data.get("csr_channels", set())
    sites = hosted_sites(text, {text[c.start:c.end] for c in cands + added if c.label == "ORG"}, lang)
    not_bodies |= sites
    inside_site = Intervals()  # "Mill Hospital" inside "King’s Mill Hospital": the site's, not a body
    doc.user_data["csr_sites"] = [m for name in sites for m in whole_matches(text, name)]
    for s, e in doc.user_data["csr_sites"]:
        inside_site.add(s, e)
    not_bodies |= {acr for acr, full in doc.user_data.get("csr_acronyms", {}).items() if full in not_bodies}
    keep = [c for c in cands if not (c.label == "ORG" and (
        text[c.start:c.end] in not_bodies and c.rule not in ("orgs:gazetteer", "orgs:legal_suffix")
        or inside_site.overlaps(c.start, c.end) and c.rule != "orgs:gazetteer"
        or text[c.start:c.end] in vetoed and (
            c.rule == "orgs:ner" or c.rule == "orgs:apposition" and "title" in names[text[c.start:c.end]].against)))]
    orgs = [c for c in keep if c.label == "ORG"]
    for c in added:
        if text[c.start:c.end] in not_bodies or inside_site.overlaps(c.start, c.end):
            continue  # "The GMF helps towns": the acronym of an owned programme
        # never cut a longer name another rule found; extend a shorter one
        if any(o.overlaps(c) and not (c.start <= o.start and o.end <= c.end and c.length > o.length) for o in orgs):
            continue
        keep.append(c)
    doc._.csr_candidates = keep


@Language.factory("csr_org_evidence", default_config={})
def make_org_evidence(nlp: Language, name: str):
    return OrgEvidence(nlp.lang)


class OrgEvidence:
    """Adds ORG candidates decided per name from document evidence; drops vetoed model-only ones."""

    def __init__(self, lang: str):
        self.lang = lang
        evidence_rules(lang)

    def __call__(self, doc: Doc) -> Doc:
        if doc._.csr_candidates is None:
            add_candidates(doc, [])
        apply_evidence(doc, self.lang)
        return doc
