"""ORG candidates: the model's NER made right for press texts by named rules.

Sources, each with its rule name: the statistical NER (`ner`), a gazetteer
of well-known organisations (`gazetteer`), names ending in a legal suffix
(`legal_suffix`), names after a descriptor ("la banque Belfius", "the bank
KBC": `apposition`) and acronyms defined in the text (`acronym`). Every
candidate is trimmed to SPEC boundaries and filtered for false positives.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from ..candidates import Candidate, add_candidates, doc_text
from ..lemmas import is_common_noun, is_inflected_verb
from ..reader import parse_header
from ..resources import LANGS, load, place_names
from ..textutil import one_edit_apart, whole_matches
from .org_acronyms import acronym_expansion
from .org_rules import CAMEL_WORD, CAP_WORD, NAME_WORD, OrgRules, employer_title_link, rules_for  # noqa: F401 (re-exported)


def _article_opens_name(text: str, start: int, r: OrgRules) -> bool:
    """"la laiterie Le Gall", "le groupe Les Maîtres laitiers": the descriptor has its own
    article, so a capitalised one right after it belongs to the name."""
    return bool(r.name_article_start_re and r.name_article_start_re.match(text, start)
                and r.article_in_name_re.search(text, max(0, start - 40), start))


def trim(text: str, start: int, end: int, r: OrgRules) -> tuple[int, int]:
    """SPEC boundaries: no leading article or descriptor, no possessive 's, no trailing punctuation."""
    s = text[start:end]
    quantifier = r.leading_quantifier_re.match(s)
    if quantifier and quantifier.end() < len(s):
        start += quantifier.end()  # "Some Uintah School District students": the district
        s = text[start:end]
    if not s.startswith(r.name_with_article) and not _article_opens_name(text, start, r):
        m = r.leading_article_re.match(s)
        while m and m.end() < len(s):  # "l'agence", "Les Restos": articles, one after another
            start += m.end()
            s = text[start:end]
            m = r.leading_article_re.match(s)
    m = re.search(r"(?:['’]s|['’]|[\s,.;:()\"»«]+)$", s)
    while m and m.start() > 0:
        tail = s[m.start():]
        if tail.strip() in (".",) and re.search(r"(?i)(?:Inc|Ltd|Corp|Co|S\.A|N\.V|B\.V|ltée)$|(?:\b[A-Z]\.)+[A-Z]$",
                                                s[:m.start()]) \
                and not re.match(r"\s*(?:$|\n|[A-ZÀ-Þ])", text[end:end + 3]):
            break  # an abbreviation's period, not the end of the sentence ("Alectra Inc. “The funds …")
        end -= len(tail)
        s = text[start:end]
        m = re.search(r"(?:['’]s|['’]|[\s,.;:()\"»«]+)$", s)
    m = r.trailing_title_re.search(text, start, end)
    if m and m.start() > start and text[start:m.start()].split()[-1].lower() not in LINK_WORDS:
        end = m.start()  # "SolarShare President", but not "Office of the President"
    s = text[start:end]
    lead = re.match(r"[\s\"«»(]+", s)
    if lead:
        start += lead.end()
    titled = r.title_lead_re.match(text, start, end)
    if titled and titled.end() < end:
        start = titled.end()
    based = re.match(r"[\w'’.-]+-based[ \u00a0]+(?=[A-ZÀ-Þ])", text[start:end])
    if based:
        start += based.end()  # "Caerphilly-based United Welsh Group"
    located = PLACE_TAIL.search(text, start, end)
    if located and located.end() == end and _is_place(located.group("place"), r.lang):
        end = located.start()  # "Communauté de Communes du Toulois en Meurthe et Moselle": where it is, not its name
    return start, end


PLACE_TAIL = re.compile(r"[ \u00a0](?:en|in)[ \u00a0](?P<place>[A-ZÀ-Þ][\w'’\- ]*)")


def _is_place(name: str, lang: str) -> bool:
    places = place_names(lang)
    return name in places or name.replace(" et ", "-et-").replace(" ", "-") in places


def _names_places(name: str, lang: str) -> bool:
    """"Ballyclare", "Dartmoor and Exmoor": the model's ORG is a place (or places) of the GeoNames
    list; only the model said otherwise, so the place wins (another rule may still find it)."""
    return all(_is_place(part, lang) for part in re.split(r"[ \u00a0](?:and|et)[ \u00a0]|,[ \u00a0]*", name) if part)


def _always_after_place_word(text: str, name: str, r: OrgRules) -> bool:
    """"in downtown Sisters", "near Burnley": a name the model calls an organisation but that the
    text only ever writes after "in", "near", "à", "près de" is where things happen."""
    mentions = whole_matches(text, name, not_after="#@")
    return bool(mentions) and all(r.place_word_before_re.search(text, max(0, s - 25), s) for s, _e in mentions)


PROGRAMME_END = re.compile(r"[ \u00a0](?:Programme|Program|Scheme|Campaign|Appeal|Challenge|Awards?|Prize)$")


CAMEL_START = re.compile(CAMEL_WORD + r"(?:[ \u00a0]|$)")


def is_valid(name: str, r: OrgRules) -> bool:
    low = name.lower().strip()
    if len(name) < 2 or low in r.not_org or low in r.date_words or low in r.descriptors:
        return False
    if not any(ch.isupper() or ch.isdigit() for ch in name):
        return False
    if not name[0].isupper() and not name[0].isdigit():
        return False
    if any(p.search(name) for p in r.not_org_res) and not r.body_start_re.match(name):
        return False  # "Energy Strategy" is a plan; "Department for … Industrial Strategy" a body
    if PROGRAMME_END.search(name):
        return False  # "Charity of the Year Programme": a programme even after a body's head
    if "\n" in name:
        return False
    if any(ch.isdigit() for ch in name) and any(w.lower().strip(".,") in r.date_words for w in name.split()[1:]):
        return False  # "Last Friday 24th March": a date
    return True


MISC_ORG_HINT = re.compile(
    r"\b(?:Team|Centre|Center|Group|Groupe|Bank|Banque|Fondation|Foundation|Institute|Institut|Agency|Agence|"
    r"Association|Fund|Fonds|Council|Conseil|Commission|Authority|Autorité|Ministère|Ministry|Office|Service|"
    r"University|Université|Trust|Society|Société|Federation|Fédération|Union|Alliance|Initiative)\b")


LINK_WORDS = {"of", "and", "for", "the", "de", "des", "du", "et", "pour", "la", "le", "les", "&"}


OPENING_QUOTE = re.compile(r"[“\"«‘][ \u00a0]?$")


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
                (t.is_sent_start or i == 0 and OPENING_QUOTE.search(t.doc.text, max(0, t.idx - 2), t.idx))
                and t.pos_ in ("ADV", "SCONJ", "CCONJ", "DET", "PRON", "INTJ", "ADP")):  # "Now X Co-op", "“At X University"
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
    if not any(ch.isupper() for ch in name):
        return False  # "la société d’économie mixte (SEM)": a kind of company, not one
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
    poss = [i for i, t in enumerate(toks[:-1]) if t.text in ("'s", "’s")
            or t.text in ("'", "’") and i > 0 and toks[i - 1].text.endswith("s")]
    if poss:
        owner = toks[:poss[-1]]
        plural = toks[poss[-1]].text in ("'", "’")
        if owner and (plural or rules_for(ent.doc.lang_).head_word_re.fullmatch(owner[-1].text)):
            toks = owner  # "Newcastle City Council's Cabinet", "Sobeys’ Second Harvest program": the owner
        else:
            toks = toks[poss[-1] + 1:]  # "China's Jingye Group" -> "Jingye Group"
    if not toks:
        return ent.start_char, ent.start_char
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


# what follows a verb that opens a sentence ("Rappelons qu'…", "Rachetés en 2019"), not a name
VERB_FOLLOWERS = {"que", "qu'", "qu’", "en", "par", "à", "dans", "pour", "that", "by", "in"}


def opens_with_verb(span, lang: str) -> bool:
    """One capitalised word opening a sentence that is a verb form followed by "que", "en", "par"…"""
    doc = span.doc
    return len(span) == 1 and span[0].is_sent_start and span.end < len(doc) \
        and doc[span.end].lower_ in VERB_FOLLOWERS and is_inflected_verb(lang, span[0].lower_)


COORDINATION = re.compile(r"[ \u00a0](?:and|et)[ \u00a0](?=[A-ZÀ-Þ])")


def split_coordinated(text: str, start: int, end: int, r: OrgRules, strict: bool = False) -> list[tuple[int, int]]:
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
        if len(left) > 1 and (complete or not strict and no_links and len(right) <= 2):
            return [(start, m.start()), *split_coordinated(text, m.end(), end, r, strict)]
    return [(start, end)]


LISTED_PLACE = re.compile(rf"(?<![\w,])((?:{CAP_WORD}))[ \u00a0]?,[ \u00a0]$")
LEFT_CONJUNCT = re.compile(rf"((?:{CAP_WORD}[ \u00a0]){{1,3}})(?:and|et|&)[ \u00a0]$")


COUNTY_ABBREVIATION = re.compile(r"[ \u00a0,]Co\.?$")
HEAD_OF_BEFORE = re.compile(r"\b(?:Head|Responsable|Chef) (?:of|du|de la|des|de) (?:the )?(?:[A-Z][\w&’'\-]*(?:,? (?:and |et )?|$))*$")
# "Professor Abhay Pandit", "Mr Philips", "M. Hofmann": data `honorifics`, every language's for every text
PERSON_TITLE = re.compile(r"\b(?:" + "|".join(sorted({re.escape(h) for code in LANGS for h in load(code, "orgs")["honorifics"]},
                                                     key=len, reverse=True)) + r")\.?[ \u00a0]+$")


def _names_a_person(doc: Doc, text: str, start: int, end: int) -> bool:
    """A list name written as a person's surname: after a title, or the end of a person's name."""
    if PERSON_TITLE.search(text[max(0, start - 12):start]):
        return True
    return any(e.label_ in ("PERSON", "PER") and e.start_char < start and end <= e.end_char for e in doc.ents)


POSSESSOR_IN_NAME = re.compile(r"(?P<owner>\S+)['’]s[ \u00a0]+(?=\S)")


def _owner_is_a_name(owner: str, r: OrgRules) -> bool:
    """An acronym, a place or a body owns what follows its 's ("FCM's", "China's", "the Council's");
    a first name is part of the name ("Richard’s House Children’s Hospice")."""
    return owner.isupper() or owner in place_names(r.lang) or bool(r.head_word_re.fullmatch(owner))


def _start_after_stray_of(text: str, start: int, end: int, r: OrgRules) -> int:
    """"Irish League of Credit Unions Foundation": "of" inside a name before its head word only
    after a body's own head ("League of"); "Tiziana O’Hara of Co-operative Alternatives", "Member
    of Parliament": a person or a role before "of" is not part of the name."""
    cut = text.find(" of ", start, end)
    if cut == -1 or r.head_word_re.fullmatch(text[start:cut].split()[-1]):
        return start
    return cut + len(" of ")


# the next name of a list after a plural descriptor: ", Y", " et Z", " and Z"
COORDINATED_NAME = re.compile(rf"(?:,[ \u00a0]|[ \u00a0](?:et|and|&)[ \u00a0])(?P<name>{CAP_WORD}(?:[ \u00a0](?:{CAP_WORD}|&)){{0,3}})")


def _coordinated_lead(text: str, start: int, r: OrgRules) -> int:
    """"Bath and North East Somerset Council", "Southern Kings and Queens Food Bank": capitalised
    words joined by "and" before a head-final name belong to it, unless they make a complete
    name of their own ("Wigan Council and Bolton Council")."""
    m = LEFT_CONJUNCT.search(text[max(0, start - 60):start])
    if not m:
        return start
    written = text[max(0, start - 60):start][:m.start()].split()
    before = [w.lower() for w in written]
    if len(before) > 2 and before[-1] in ("the", "la", "le", "les") and before[-2] in ("of", "for", "de", "pour") \
            and written[-3][:1].isupper():
        # "Irish Guide Dogs for the Blind and Irish Wheelchair Association": another name's tail (not
        # "raised €470,000 for the Jack and Jill Children’s Foundation")
        return start
    left = m.group(1).split()
    if r.head_word_re.search(m.group(1)) or any(w in r.legal for w in left) or any(w.lower() in r.not_org for w in left):
        return start
    if len(left) >= 3 or any(len(w) >= 3 and w.isupper() and w.isalpha() for w in left):
        return start  # "Galway Simon Community and Cúram Centre …", "le CRECQ et Promutuel …": names of their own
    start -= len(m.group(0))
    # "Cumbria, Northumberland, Tyne and Wear NHS Foundation Trust": places listed before the pair
    while (listed := LISTED_PLACE.search(text, max(0, start - 40), start)) and _is_place(listed.group(1), r.lang):
        start = listed.start()
    return start


HEADLINE_DOUBTFUL = {"ner", "head_final", "named_head"}
HEADLINE_WORDS = re.compile(r"[^\W\d_][\w'’\-]{3,}")


def headline_lines(text: str, header_end: int) -> list[tuple[int, int]]:
    """Lines in title case ("SolarShare Poised to Be Largest Solar Co-operative in Canada"):
    every longer word is capitalised, so capitals there do not mark names."""
    out = []
    pos = header_end
    for line in text[header_end:].split("\n"):
        words = HEADLINE_WORDS.findall(line)
        if 4 <= len(words) <= 20 and sum(w[0].isupper() for w in words) >= 0.8 * len(words) \
                and not line.rstrip().endswith((".", ":")):
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _only_in_headlines(text: str, start: int, end: int, headlines: list[tuple[int, int]]) -> bool:
    if not any(s <= start < e for s, e in headlines):
        return False
    return all(any(s <= ms < e for s, e in headlines) for ms, _me in whole_matches(text, text[start:end]))


def _lower_case_names(doc: Doc, r: OrgRules) -> list[tuple[int, int]]:
    """"Fédération wallonne pour l’agriculture durable", "Centre belge de cybersécurité": a
    capitalised head, adjectives and up to three complements in lower case, with an adjective
    somewhere ("Conseil d’administration" has none: a board, not a body's name)."""
    if not r.lower_links:
        return []
    out, n = [], len(doc)
    for i, t in enumerate(doc):
        if t.text not in r.single_heads or i + 1 >= n or not doc[i + 1].text[:1].islower():
            continue
        j, adjectives = i + 1, 0
        while j < n and doc[j].pos_ == "ADJ" and doc[j].text.islower():
            j, adjectives = j + 1, adjectives + 1
        for _ in range(3):
            k = j + 1 if j < n and doc[j].lower_ in ("et", ",") else j  # "… postaux et des télécommunications"
            if k >= n or doc[k].lower_ not in r.lower_links:
                break
            k += 1
            if k < n and doc[k].pos_ == "DET" and doc[k].lower_ in ("la", "le", "les", "l'", "l’"):
                k += 1
            if not (k < n and doc[k].pos_ == "NOUN" and doc[k].text.islower()):
                break
            k += 1
            while k < n and doc[k].pos_ == "ADJ" and doc[k].text.islower():
                k, adjectives = k + 1, adjectives + 1
            j = k
        j = _place_complement(doc, j, r)
        if adjectives and j > i + 1:
            out.append((t.idx, doc[j - 1].idx + len(doc[j - 1].text)))
    return out


def _place_complement(doc: Doc, j: int, r: OrgRules) -> int:
    """"… d’équipement de la Vendée", "… du Québec": a proper-noun complement closes the name."""
    n = len(doc)
    if j >= n or doc[j].lower_ not in r.lower_links:
        return j
    k = j + 1
    if k < n and doc[k].pos_ == "DET" and doc[k].lower_ in ("la", "le", "les", "l'", "l’"):
        k += 1
    end = k
    if end + 1 < n and doc[end].text[:1].isupper() and doc[end].lower_ in r.region_words \
            and doc[end + 1].pos_ == "ADJ" and doc[end + 1].text.islower():
        return end + 2  # "… française de la Région bruxelloise": a region named by its adjective
    while end < n and end - k < 3 and doc[end].text[:1].isupper() and (
            doc[end].pos_ == "PROPN" and (doc[end].ent_type_ in ("LOC", "GPE") or doc[end].text in place_names(r.lang))
            or "-" in doc[end].text and all(p.lower() in r.geo_words for p in doc[end].text.split("-"))):
        end += 1  # "… du Québec", "… du Nord-Ouest" (a compass region the tagger may call a noun)
    return end if end > k else j


def find_orgs(doc: Doc, lang: str) -> list[Candidate]:
    text = doc_text(doc)
    r = rules_for(lang)
    _pub, header_end = parse_header(text)
    raw: list[tuple[int, int, str, int]] = []
    surnames = {e.text.split()[-1] for e in doc.ents if e.label_ in ("PERSON", "PER") and " " in e.text}
    for ent in doc.ents:
        if ent.label_ == "ORG" or (ent.label_ == "MISC" and MISC_ORG_HINT.search(ent.text)):
            if " " not in ent.text and any(ent.text == n or one_edit_apart(ent.text, n) for n in surnames):
                continue  # "CEO Bogdan Chmielewski … and Chmielewsi said": a person's surname, misspelt or not
            if opens_with_verb(ent, lang):
                continue  # "Rappelons qu'en avril …", "Rachetés en 2019, …": a verb opening a sentence
            start, end = _trim_ner(ent)
            if PERSON_TITLE.search(text, max(0, start - 20), start):
                continue  # "Professor Abhay Pandit": a person the model took for a body
            if HEAD_OF_BEFORE.search(text, max(0, start - 60), start):
                continue  # "Head of Building Services, Energy and Utilities": a department in a job title
            for s, e in split_coordinated(text, start, end, r):
                if e > s and not _names_places(text[s:e], lang) and not _always_after_place_word(text, text[s:e], r):
                    raw.append((s, e, "ner", 1))
    for m in (r.gazetteer_re.finditer(text) if r.gazetteer_re else ()):
        end = _extend_right(text, m.end(), r)
        if not is_valid(text[m.start():end], r):
            end = m.end()  # "Tesco Superstore": the store is not the organisation
        raw.append((m.start(), end, "gazetteer", 3))
    suffix_hits = [m.end() for m in r.suffix_only_re.finditer(text)]
    for m in (m for hit in suffix_hits for m in r.suffix_re.finditer(text, max(0, hit - 150), hit)):
        if COUNTY_ABBREVIATION.search(m.group("name")) and re.match(r"\.?[ \u00a0]+[A-Z]", text[m.end("name"):]):
            continue  # "Kilcullen, Co Kildare": a county, not a company
        start = _skip_common_lead(doc, m.start("name"), m.end("name"))
        raw.append((start, m.end("name"), "legal_suffix", 3))
    for m in r.prefix_re.finditer(text):
        raw.append((m.start("name"), m.end("name"), "legal_prefix", 4))
    for m in r.named_head_re.finditer(text):
        before = re.search(r"([A-ZÀ-Þ][\w’'\-]*)[ \u00a0]$", text[max(0, m.start() - 30):m.start()])
        if before and before.group(1).lower() not in r.articles and before.group(1).lower() not in LINK_WORDS \
                or (m.group("name").split() + [""])[1].lower() in r.role_words:
            continue  # a name that starts before the head ("Newcastle University …"); a role ("Council leader X")
        raw.append((m.start("name"), m.end("name"), "named_head", 3))
    for start, end in _lower_case_names(doc, r):
        raw.append((start, end, "named_head_lower", 3))
    for m in r.head_final_re.finditer(text):
        start = _coordinated_lead(text, _skip_common_lead(doc, m.start("name"), m.end("name")), r)
        owner = POSSESSOR_IN_NAME.search(text, start, m.end("name"))
        if owner and _owner_is_a_name(owner.group("owner"), r):
            start = owner.end()  # "FCM's Green Municipal Fund": the fund, not its owner ("Richard’s House" stays)
        if start < m.end("name") and " " in text[start:m.end("name")]:
            start = _start_after_stray_of(text, start, m.end("name"), r)
            for s, e in split_coordinated(text, start, m.end("name"), r, strict=True):  # "X Council and Y Council"
                if " " in text[s:e]:
                    raw.append((s, e, "head_final", 3))
    for m in r.apposition_re.finditer(text):
        if r.site_before_re.search(text, m.start(), m.start("name")):
            continue  # "au centre commercial Docks": a site
        raw.append((m.start("name"), m.end("name"), "apposition", 2))
        if text[m.start():m.start("name")].rstrip().endswith(("s", "x")):
            # "les entreprises Galère et Duchêne", "the charities X, Y and Z": every name listed
            pos = m.end("name")
            while (nxt := COORDINATED_NAME.match(text, pos)) is not None:
                raw.append((nxt.start("name"), nxt.end("name"), "apposition", 2))
                pos = nxt.end("name")
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
    # a fund money only passes through, and whatever the other rules found inside it ("Européen")
    channels = [(start, end) for start, end, rule, _prio in raw
                if rule != "gazetteer" and r.money_channel(text, text[start:end])]
    channel_names = {text[s:e] for s, e in channels}
    for acr, (full_s, full_e) in acronyms.items():
        if text[full_s:full_e] in channel_names:
            continue  # "through the Zero Emission Transit Fund (ZETF) … through the ZETF"
        for start, end in whole_matches(text, acr, not_after="#@"):
            raw.append((start, end, "acronym", 4))
    out = []
    headlines = headline_lines(text, header_end)
    for start, end, rule, prio in raw:
        if end <= header_end:
            continue
        if r.portfolio_re and r.portfolio_re.search(text[max(0, start - 40):start]):
            continue  # "Minister of Natural Resources": a portfolio, not an organisation
        if rule in HEADLINE_DOUBTFUL and _only_in_headlines(text, start, end, headlines):
            continue
        start = max(start, header_end)
        start, end = trim(text, start, end, r)
        name = text[start:end]
        if re.match(r"[ \u00a0]?\d", text[end:end + 2]) and rule != "legal_suffix":
            continue  # "ISO 14001", "CAC 40", "Proximus 2025": a code or a plan, not the organisation
        if end <= start or name in r.legal or not (is_valid(name, r) or (rule == "gazetteer" and name in r.gazetteer)
                                                   or rule == "apposition" and CAMEL_START.match(name)  # "l’intercommunale inBW"
                                                   or rule == "acronym_definition" and is_valid(name[:1].upper() + name[1:], r)):
            continue
        if rule == "gazetteer" and _names_a_person(doc, text, start, end):
            continue  # "Dorothy Philips", "Mr Philips": a surname, not the company
        if rule != "gazetteer" and any(s < end and start < e for s, e in channels):
            continue
        out.append(Candidate(start, end, "ORG", "orgs:" + rule, {}, priority=prio))
    doc.user_data["csr_acronyms"] = {acr: text[s:e] for acr, (s, e) in acronyms.items()}
    doc.user_data["csr_channels"] = channel_names | {acr for acr, (s, e) in acronyms.items() if text[s:e] in channel_names}
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
