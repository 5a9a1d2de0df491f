"""One filter decides: the non-overlapping set of spans, then ORG canonicals.

Candidates from every matcher compete; higher priority wins, then the
longer span. Kept spans go to `doc._.csr_entities` and, where they align
with tokens, to `doc.spans["csr"]` with their values as Span extensions.
"""
from __future__ import annotations

import re
from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from ..candidates import SPAN_KEY, Candidate, Intervals, doc_text
from ..lemmas import is_common_word
from ..resources import load, place_names
from ..textutil import whole_matches
from .canonicals import (
    ELISION,
    LINK_WORDS,
    abbreviates,
    assign_canonicals,
    content_units,
    fold_name,
)
from .evidence_rules import evidence_rules
from .orgs import CAMEL_START, PROGRAMME_END


def select(candidates: list[Candidate]) -> list[Candidate]:
    """Greedy: priority, then length, then earliest start."""
    ranked = sorted(candidates, key=lambda c: (-c.priority, -c.length, c.start))
    kept: list[Candidate] = []
    taken = Intervals()
    for c in ranked:
        if c.end > c.start and not taken.overlaps(c.start, c.end):
            kept.append(c)
            taken.add(c.start, c.end)
    return sorted(kept, key=lambda c: c.start)


ACRONYM = re.compile(r"(?=[A-ZÀ-Þ\-]{3,8}$)[A-ZÀ-Þ]+(?:-[A-ZÀ-Þ]+)?")  # "SIDELEC", "CA-RL"
WORD = re.compile(r"[\w’'\-]+|,")


def expand_acronyms(text: str, kept: list[Candidate], lang: str) -> list[Candidate]:
    """"MEIE" in a text that also writes "ministère de l'Économie, de l'Innovation et de l'Énergie":
    an organisation's acronym whose expansion the text spells out without parentheses. The
    expansion (its words' initials, link words left out) becomes an ORG mention too, so that both
    share the fuller name (SPEC); it replaces shorter ORG spans inside it ("Desjardins Gestion")."""
    orgs = [c for c in kept if c.label == "ORG"]
    names = {text[c.start:c.end] for c in orgs}
    acronyms = {n for n in names if ACRONYM.fullmatch(n)}
    if not acronyms:
        return kept
    words = [(m.start(), m.end(), m.group(0)) for m in WORD.finditer(text)]
    added: list[Candidate] = []
    for acr in sorted(acronyms):
        if any(n != acr and abbreviates(acr, n) for n in names):
            continue  # its expansion is already a name of the document
        letters = fold_name(acr).upper().replace("-", "")
        for i, (start, _e, w) in enumerate(words):
            if fold_name(ELISION.sub("", w))[:1].upper() != letters[0] or not (w[:1].isupper() or w.lower() in LEAD_HEADS):
                continue
            k, j, end = 0, i, None
            while j < len(words) and j - i < 4 * len(letters):
                unit = ELISION.sub("", words[j][2])
                if unit == "," or unit.lower() in LINK_WORDS:
                    j += 1
                    continue
                if fold_name(unit)[:1].upper() != letters[k]:
                    break
                k += 1
                if k == len(letters):
                    end = words[j][1]
                    break
                j += 1
            # "Go North East (GNE)": defined in parentheses, the acronym's words are its name even
            # when they are plain words, since other evidence made the acronym an organisation
            defined = end is not None and re.match(r"[ \u00a0]*\(" + re.escape(acr) + r"\)", text[end:end + len(acr) + 4])
            if end is None or not (defined and not PROGRAMME_END.search(text[start:end])
                                   or _names_a_body(text[start:end], lang)):
                continue  # "Rural Energy for America Program (REAP)": a programme, whatever the model said
            if not any(ch.isupper() for ch in text[start:end]):
                # "X, société immobilière de service public (SISP)": the acronym of a kind of body
                kept = [c for c in kept if not (c.label == "ORG" and text[c.start:c.end] == acr)]
                break
            if re.search(r"['’]s$", text[start:end]):
                end -= 2  # "Queen Elizabeth Hospital Birmingham’s (QEHB) charity": the name, not its possessive
            found = Candidate(start, end, "ORG", "orgs:acronym_expansion", {}, priority=3)
            clash = [c for c in kept if c.overlaps(found)]
            if all(c.label == "ORG" and found.start <= c.start and c.end <= found.end for c in clash):
                kept = [c for c in kept if c not in clash]
                added.append(found)
            break
    return sorted(kept + added, key=lambda c: c.start) if added else kept


LEAD_HEADS = {"ministère", "ministre", "agence", "office", "société", "département", "ministry", "department"}


def _names_a_body(phrase: str, lang: str) -> bool:
    """An expansion names a body, not a term ("Building Energy Rating", "Combined Heat and Power"):
    it has an organisation head word, or a word the language does not know (a name: "Desjardins").
    Plain words, capitals and punctuation inside, and another acronym, are no expansion."""
    if not EXPANSION_TEXT.fullmatch(phrase):
        return False
    units = content_units(phrase.split())
    if any(len(u) > 1 and u.isupper() for u in units):
        return False
    heads = _body_heads(lang)
    return any(u.lower() in heads or not is_common_word(lang, fold_name(u)) and not is_common_word(lang, u.lower())
               for u in units)


@cache
def _body_heads(lang: str) -> frozenset[str]:
    data = load(lang, "orgs")
    return frozenset({h.lower() for h in data["named_heads"]} | {d.lower() for d in data["descriptors"]})


EXPANSION_TEXT = re.compile(r"[\w’'\-]+(?:,?[ \u00a0][\w’'\-]+)*")


def propagate_names(text: str, kept: list[Candidate], lang: str,
                    persons: list[tuple[int, int]] = (), sites: list[tuple[int, int]] = ()) -> list[Candidate]:
    """A name recognised once is an organisation wherever else it is written.

    The model often tags a name in one sentence and misses it in the next; the
    name without its legal suffix ("Lumio Pay" for "Lumio Pay SRL") counts too.
    """
    suffixes = set(load(lang, "orgs")["legal_suffixes"])
    places = place_names(lang)
    names = set()
    for c in kept:
        if c.label != "ORG":
            continue
        name = text[c.start:c.end]
        names.add(name)
        words = name.split()
        short = " ".join(words[:-1]).rstrip(",")
        if len(words) > 1 and words[-1].strip(",") in suffixes and short not in places:
            names.add(short)  # not "Ireland" for "Ireland Ltd"
    added = []
    taken = Intervals()
    for c in kept:
        taken.add(c.start, c.end)
    for name in sorted(names, key=len, reverse=True):
        if len(name) < 3 or not (name[0].isupper() or name[0].isdigit() or name.islower() or CAMEL_START.match(name)):
            continue
        for start, end in whole_matches(text, name, not_after="#@"):
            if taken.overlaps(start, end) or any(ps < start and end == pe and FIRST_NAMES.fullmatch(text, ps, start) for ps, pe in persons) \
                    or _names_a_site(text, start, end, lang) or any(s < end and start < e for s, e in sites) \
                    or _inside_a_longer_name(text, start, end, lang):
                continue  # "Olivier Hofmann", "the Medebridge Solar Farm": a person's or a site's name
            added.append(Candidate(start, end, "ORG", "orgs:propagated", {}, priority=1))
            taken.add(start, end)
    return sorted(kept + added, key=lambda c: c.start)


FIRST_NAMES = re.compile(r"(?:[A-ZÀ-Þ][\w\-]*\.?[ \u00a0]+)+")  # "Olivier ", "M. ": before a surname


NEXT_CAPITAL = re.compile(r"[ \u00a0]([A-ZÀ-Þ][\w’'\-]*)")
PREVIOUS_CAPITAL = re.compile(r"(?:^|[ \u00a0(])([A-ZÀ-Þ][\w’'\-]*)[ \u00a0]$")


@cache
def _name_neighbours(lang: str) -> frozenset[str]:
    """Capitalised words a name may stand next to without being part of a longer one: articles
    ("The Clean Ireland …"), titles ("CEO Cystic Fibrosis Ireland", "Saint John Energy CEO"), and
    the nation or legal form that extends it ("Cystic Fibrosis Ireland", "Lumio Pay SRL")."""
    orgs = load(lang, "orgs")
    words = orgs["articles"] + orgs["name_articles"] + orgs["nation_names"] + orgs["legal_suffixes"]
    return frozenset(w.lower() for w in words) | evidence_rules(lang).title_words


def _inside_a_longer_name(text: str, start: int, end: int, lang: str) -> bool:
    """A mention glued to another capitalised word is part of a longer name or a person's ("Hargreaves
    Coal", "Midleton Meals on Wheels", "Moisson Mauricie", "Shaun Doran"): no copy of the name."""
    allowed = _name_neighbours(lang)
    after = NEXT_CAPITAL.match(text, end)
    window = text[max(0, start - 40):start]
    before = PREVIOUS_CAPITAL.search(window)
    if before and _opens_a_sentence(window[:before.start(1)]) and before.group(1).lower() in _stop_words(lang):
        before = None  # "Selon inBW", "At Tesco": a sentence's first function word, not part of a name
    return bool(after and after.group(1).lower() not in allowed or before and before.group(1).lower() not in allowed)


@cache
def _stop_words(lang: str) -> frozenset[str]:
    return frozenset(spacy.util.get_lang_class(lang).Defaults.stop_words)


def _opens_a_sentence(before: str) -> bool:
    """The text before a word ends a sentence, or there is none."""
    last = before.rstrip(" \u00a0(\n")[-1:]
    return last == "" or last in ".!?:;«»\"“”"


def _names_a_site(text: str, start: int, end: int, lang: str) -> bool:
    """The name with the word or two after it ("Medebridge Solar Farm") or before it ("Parc
    éolien de X") is a site's name by the evidence rules' facility pattern."""
    facility = evidence_rules(lang).facility_name
    if facility is None:
        return False
    after = re.match(r"(?:[ \u00a0][\w'’\-]+){1,2}", text[end:end + 40])
    before = re.search(r"(?:[\w'’\-]+[ \u00a0]){1,3}$", text[max(0, start - 40):start])
    return bool(after and facility.search(text[start:end + after.end()].title())
                or before and facility.search(text[start - len(before.group(0)):end]))


def extend_with_designators(text: str, kept: list[Candidate], lang: str) -> None:
    """"Framespace Solutions will …" where "Framespace" is already an organisation: a business word
    after a known name continues it (data: `name_designators`, and `name_designators_lower` for
    names written in sentence case: "Solvéo énergie"); the words alone never make a name."""
    data = load(lang, "orgs")
    words = set(data["name_designators"]) | set(data["legal_suffixes"]) | set(data["name_designators_lower"])
    starts = {c.start for c in kept}
    for c in kept:
        if c.label != "ORG":
            continue
        end = c.end
        while True:
            m = _NEXT_WORD.match(text, end)
            word = m.group(1) if m else ""
            if word not in words:
                word = word.rstrip(".")  # "… Framespace Solutions." ends the sentence, "Ltd." keeps its dot
            if word not in words or m.start(1) in starts:
                break
            end = m.start(1) + len(word)
        if end > c.end:
            c.end = end
            c.rule += "+designator"


def cut_department_before_title(text: str, orgs: list[Candidate], lang: str) -> None:
    """"Booths Health and Safety Manager Colin Everest": before a person's title, a name that opens
    on another organisation of the text is that organisation and its department."""
    title_re = _title_after(lang)
    names = {text[c.start:c.end] for c in orgs}
    for c in orgs:
        name = text[c.start:c.end]
        if not title_re.match(text, c.end):
            continue
        owners = [n for n in names if n != name and name.startswith(n + " ")]
        if owners:
            c.end = c.start + len(max(owners, key=len))
            c.rule += "+before_title"


@cache
def _title_after(lang: str) -> re.Pattern:
    titles = sorted((t for t in load(lang, "org_evidence")["person_titles"] if t[:1].isupper()), key=len, reverse=True)
    # "… Health and Safety Manager": the department's other words may come between
    return re.compile(r"(?:[ \u00a0]+(?:and|et|&|of|de)[ \u00a0]+[A-ZÀ-Þ][\w'’\-]*)*[ \u00a0]+(?:"
                      + "|".join(re.escape(t) for t in titles) + r")\b")


def extend_with_constant_place(text: str, kept: list[Candidate], lang: str) -> None:
    """"Cambio Bruxelles" three times and never "Cambio" alone: a place that follows every
    mention of a name (twice at least) is part of that name, as in "Vodafone Ireland"."""
    places = place_names(lang)
    starts = {c.start for c in kept}
    by_name: dict[str, list[Candidate]] = {}
    for c in kept:
        if c.label == "ORG":
            by_name.setdefault(text[c.start:c.end], []).append(c)
    for mentions in by_name.values():
        tails = set()
        for c in mentions:
            m = _NEXT_WORD.match(text, c.end)
            word = m.group(1).rstrip(".") if m else ""
            # a place named by a common word ("Forest", "Bath") may be the word: "the NHS Forest"
            tails.add(word if word in places and m.start(1) not in starts and not is_common_word(lang, word.lower())
                      else None)
        if len(mentions) < 2 or len(tails) != 1 or None in tails:
            continue
        place = tails.pop()
        for c in mentions:
            c.end += 1 + len(place)
            c.rule += "+place"


def extend_with_nation(text: str, kept: list[Candidate], lang: str) -> None:
    """"Teenage Cancer Trust Cymru", "Triodos Bank UK", "Engie France": a country or nation right after
    a name is its national arm's name (data: `nation_names`); not when a longer capitalised name
    goes on ("Northern Ireland Water") or another span starts there."""
    nations = _nation_re(lang)
    starts = {c.start for c in kept}
    for c in kept:
        if c.label != "ORG":
            continue
        m = nations.match(text, c.end)
        if m and c.end + 1 not in starts:
            c.end = m.end()
            c.rule += "+nation"


@cache
def _nation_re(lang: str) -> re.Pattern:
    names = sorted(load(lang, "orgs")["nation_names"], key=len, reverse=True)
    return re.compile(r"[ \u00a0](?:" + "|".join(re.escape(n) for n in names) + r")(?![\w'’\-])(?![ \u00a0][A-ZÀ-Þ])")


_NEXT_WORD = re.compile(r"[ \u00a0]([^\W\d][\w.&/-]*)")

POSSESSIVE = re.compile(r"['’]s(?![\w])")


def keep_brand_apostrophe(doc: Doc, text: str, orgs: list[Candidate]) -> None:
    """"McDonald’s said …": a name written with its 's every time, once at least where no noun
    follows, keeps it (SPEC: the apostrophe belongs to the name); "Tesco's stores" next to
    "Tesco", or "the Government’s plan" once, do not."""
    decided: dict[str, bool] = {}
    for c in orgs:
        name = text[c.start:c.end]
        if not POSSESSIVE.match(text, c.end) or name[-1:] in "'’":
            continue
        if name not in decided:
            ends = [e for _s, e in whole_matches(text, name)]
            # once is enough when nothing is owned: "Tesco, Asda, Sainsbury’s and the Co-op all followed"
            decided[name] = all(POSSESSIVE.match(text, e) for e in ends) and (
                len(ends) > 1 and any(not _noun_follows(doc, e + 2) for e in ends)
                or len(ends) == 1 and re.match(r"['’]s(?:[ \u00a0]+(?:and|or|et|ou)\b|[,;.])", text[ends[0]:]))
        if decided[name]:
            c.end += 2


def _noun_follows(doc: Doc, pos: int) -> bool:
    span = doc.char_span(pos, pos, alignment_mode="expand")
    nxt = next((t for t in doc[span.start:] if not t.is_space), None) if span is not None else None
    if nxt is None:
        return False
    return nxt.pos_ in ("NOUN", "PROPN", "ADJ", "NUM", "PART") or nxt.text in ("'s", "’s")


@cache
def _capital_article_re(lang: str) -> re.Pattern | None:
    """A capitalised article inside a sentence, right before a name ("like The Cambridge", "by The
    Community Foundation for Ireland"): data `capital_articles`; none for a language that writes
    its articles in lower case there."""
    words = load(lang, "orgs")["capital_articles"]
    if not words:
        return None
    return re.compile(r"(?<=[^\W\d_,;:] |[,;:] )(?:" + "|".join(re.escape(w) for w in words) + r") $")


def keep_capital_article(text: str, orgs: list[Candidate], lang: str) -> None:
    pattern = _capital_article_re(lang)
    if pattern is None:
        return
    for o in orgs:
        m = pattern.search(text, max(0, o.start - 8), o.start)
        if m and not text.startswith(m.group(0), o.start):  # not twice: "The The …"
            o.start = m.start()


JOINED = re.compile(r"[ \u00a0](?:and|et)[ \u00a0](?=[A-ZÀ-Þ])")  # "&" is more often inside one name


def split_joined_names(text: str, kept: list[Candidate]) -> list[Candidate]:
    """"ILOS Energy and Soleire Renewables", "Sutter Health and Sutter Amador Hospital": two
    names read as one, when the text also names one of them alone."""
    alone = {text[c.start:c.end] for c in kept if c.label == "ORG"}
    out = []
    for c in kept:
        m = JOINED.search(text, c.start, c.end) if c.label == "ORG" and c.rule != "orgs:gazetteer" else None
        left, right = (text[c.start:m.start()], text[m.end():c.end]) if m else ("", "")
        # both named alone; or one, and both sides have two words ("Highlands and Islands Enterprise" stays)
        if m and (left in alone and right in alone
                  or (left in alone or right in alone) and " " in left.strip() and " " in right.strip()):
            out.append(Candidate(c.start, m.start(), "ORG", c.rule, dict(c.attrs), priority=c.priority))
            out.append(Candidate(m.end(), c.end, "ORG", c.rule, dict(c.attrs), priority=c.priority))
        else:
            out.append(c)
    return out


BARE_KIND_RULES = ("orgs:named_head", "orgs:named_head_lower")


def drop_bare_kinds(text: str, kept: list[Candidate], lang: str) -> list[Candidate]:
    """"la Banque Alimentaire de Bordeaux et de la Gironde … la Banque Alimentaire": a head-word name
    of common words only that opens a longer name of the document is its kind, not a name
    (data `bare_kind_prefixes`, a language's writing habit)."""
    orgs = load(lang, "orgs")
    if not orgs["bare_kind_prefixes"]:
        return kept
    links = {w.lower().strip("'’") for w in orgs["acronym_link_words"]}  # "de", "d", "la": the words split below
    longer = [text[c.start:c.end].lower() for c in kept if c.label == "ORG"]

    def bare_kind(c: Candidate) -> bool:
        name = text[c.start:c.end]
        words = [w for w in re.split(r"[ \u00a0'’\-]+", name) if w]
        return len(words) >= 2 and any(n.startswith(name.lower() + " ") for n in longer) \
            and all(w.lower() in links or is_common_word(lang, w.lower()) for w in words)

    return [c for c in kept if not (c.label == "ORG" and c.rule in BARE_KIND_RULES and bare_kind(c))]


def resolve_doc(doc: Doc, lang: str) -> list[Candidate]:
    text = doc_text(doc)
    persons = [(e.start_char, e.end_char) for e in doc.ents if e.label_ in ("PER", "PERSON") and len(e) > 1]
    # no name inside a site's or a fund's name ("Community" in "its Community Support Fund")
    not_bodies = [m for name in doc.user_data.get("csr_channels", ()) for m in whole_matches(text, name)]
    kept = propagate_names(text, expand_acronyms(text, select(doc._.csr_candidates or []), lang), lang, persons,
                           [*doc.user_data.get("csr_sites", ()), *not_bodies])
    kept = split_joined_names(text, kept)
    kept = drop_bare_kinds(text, kept, lang)
    extend_with_designators(text, kept, lang)
    extend_with_constant_place(text, kept, lang)
    extend_with_nation(text, kept, lang)
    orgs = [c for c in kept if c.label == "ORG"]
    cut_department_before_title(text, orgs, lang)
    keep_brand_apostrophe(doc, text, orgs)
    keep_capital_article(text, orgs, lang)
    assign_canonicals(text, orgs, lang, doc.user_data.get("csr_acronyms", {}))
    spans = []
    for c in kept:
        span = doc.char_span(c.start, c.end, label=c.label, alignment_mode="expand")
        if span is None:
            continue
        span._.rule = c.rule
        for key in ("value", "unit", "counted", "canonical", "mod", "qualifier"):
            if key in c.attrs:
                setattr(span._, key, c.attrs[key])
        spans.append(span)
    doc.spans[SPAN_KEY] = spans
    doc._.csr_entities = kept
    return kept


@Language.factory("csr_resolver", default_config={})
def make_resolver(nlp: Language, name: str):
    return Resolver(nlp.lang)


class Resolver:
    """Keeps one non-overlapping set of candidates and names organisations."""

    def __init__(self, lang: str):
        self.lang = lang

    def __call__(self, doc: Doc) -> Doc:
        resolve_doc(doc, self.lang)
        return doc
