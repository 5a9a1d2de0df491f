"""One filter decides: the non-overlapping set of spans, then ORG canonicals.

Candidates from every matcher compete; higher priority wins, then the
longer span. Kept spans go to `doc._.csr_entities` and, where they align
with tokens, to `doc.spans["csr"]` with their values as Span extensions.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc

from ..candidates import SPAN_KEY, Candidate, Intervals, doc_text
from ..lemmas import is_common_word
from ..resources import gazetteer_enabled, load, place_names
from ..textutil import one_edit_apart, whole_matches


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


def _fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s)
    return "".join(ch for ch in s if not unicodedata.combining(ch)).lower()


def _core(name: str, suffixes: set[str]) -> str:
    """Comparison key: accents, case, legal suffix and punctuation dropped."""
    words = [w for w in re.split(r"[\s,]+", name) if w]
    while len(words) > 1 and words[-1] in suffixes:
        words.pop()
    return _fold(" ".join(words)).replace("’", "'")


def same_with_generic_words(short: str, long_: str, generic: set[str]) -> bool:
    """`long_` is `short` plus only generic words (legal forms, "Group", "Koninklijke")."""
    sw, lw = short.split(), long_.split()
    for k in range(len(lw) - len(sw) + 1):
        if lw[k:k + len(sw)] == sw:
            extra = lw[:k] + lw[k + len(sw):]
            return bool(extra) and all(w.strip(".,") in generic for w in extra)
    return False


def _abbreviation_parts(name: str) -> tuple[list[str], list[str]]:
    """(words as written, units that initials stand for) of a name."""
    return [t for t in re.split(r"\s+", name) if t], [u for u in re.split(r"[\s\-]+", name) if u and u[0].isalnum()]


LINK_WORDS = {"de", "du", "des", "la", "le", "les", "et", "en", "à", "au", "aux", "sur", "pour",
              "of", "and", "the", "for", "on", "in", "&"}
ELISION = re.compile(r"^(?:[dlDL]['’])")


def content_units(units: list[str]) -> list[str]:
    """The words initials stand for when link words have none: "Desjardins Gestion internationale
    d'actifs" -> Desjardins, Gestion, internationale, actifs (DGIA)."""
    out = [ELISION.sub("", u).strip(",") for u in units]
    return [u for u in out if u and u.lower() not in LINK_WORDS]


def abbreviates(short: str, long_: str, parts: tuple | None = None) -> bool:
    """`abbreviates_as_written`, or the same with the long name's link words left out and
    accents ignored ("MEIE" for "ministère de l'Économie, de l'Innovation et de l'Énergie")."""
    (toks, raw), (lraw, units) = parts or (_abbreviation_parts(short), _abbreviation_parts(long_))
    if abbreviates_as_written(short, long_, ((toks, raw), (lraw, units))):
        return True
    if len(short) < 3:
        return False  # two letters match too many names' initials
    bare = [_fold(u) for u in content_units(units)]
    return bare != [_fold(u) for u in units] and abbreviates_as_written(
        _fold(short).upper(), long_, (([_fold(t).upper() for t in toks], raw), (lraw, bare)))


def abbreviates_as_written(short: str, long_: str, parts: tuple | None = None) -> bool:
    """True when `short` is `long_` with some runs of words written as their initials.

    `parts`: the two names' `_abbreviation_parts`, when the caller has them already
    (name clustering compares every pair of names, so the cheap tests come first).
    """
    (toks, _), (_, units) = parts or (_abbreviation_parts(short), _abbreviation_parts(long_))
    if not toks or len(units) < 2 or short == long_:
        return False
    if not any(t.isupper() and len(t) >= 2 for t in toks):
        return False
    first = toks[0]
    if first.lower() != units[0].lower() and not first.startswith(units[0][0].upper()):
        return False  # the first word is neither the first unit nor initials starting with it

    def match(ti: int, ui: int) -> bool:
        if ti == len(toks):
            return ui == len(units)
        tok = toks[ti]
        if ui < len(units) and tok.lower() == units[ui].lower() and match(ti + 1, ui + 1):
            return True
        if tok.isupper() and 2 <= len(tok) <= 6:
            k = len(tok)
            cand = units[ui:ui + k]
            if len(cand) == k and "".join(u[0] for u in cand).upper() == tok and match(ti + 1, ui + k):
                return True
        return False

    return match(0, 0)


def _gazetteer(lang: str) -> dict[str, str]:
    return _gazetteer_forms(lang, gazetteer_enabled())


@cache
def _gazetteer_forms(lang: str, with_gazetteer: bool) -> dict[str, str]:
    try:
        entries = load(lang, "gazetteer")["organisations"]
    except FileNotFoundError:
        return {}
    return {form: e["name"] for e in entries for form in (e["name"], *e.get("aliases", []))}


QUALIFIER_LINKS = {"of", "de", "du", "des", "d'", "d’", "for", "pour"}


def narrows(short: str, long_: str, places: set[str]) -> bool:
    """`long_` is `short` followed by a place or a qualifier: "Vodafone" / "Vodafone Ireland",
    "Community Foundation" / "Community Foundation of the Central Blue Ridge"."""
    if long_.startswith(short + "-") and long_[len(short) + 1:] in places and short[:1].isupper():
        return True  # "Hydro" / "Hydro-Québec"
    sw, lw = short.split(), long_.split()
    if len(lw) <= len(sw) or lw[:len(sw)] != sw or not any(w[:1].isupper() for w in sw):
        return False
    rest = lw[len(sw):]
    if rest[0].lower() in QUALIFIER_LINKS:
        return len(rest) > 1 and all(w[:1].isupper() or w.lower() in QUALIFIER_LINKS | {"the", "la", "le", "les"}
                                     for w in rest[1:])
    return " ".join(rest) in places


def opens_one_name(short: str, long_: str, names: list[str], heads: frozenset[str] = frozenset()) -> bool:
    """"Chamois" for "Chamois Environnement", "Food Bank" for "Food Bank Brussels-Brabant": a
    name that opens exactly one longer name of the document, the rest capitalised, is its
    short form ("Trussell" / "Trussell Trust" too; "Swiss Re" / "Swiss Re Institute", two bodies, is the
    price)."""
    if not long_.startswith(short + " ") or not short[:1].isupper():
        return False
    rest = long_[len(short) + 1:].split()
    if short.split()[-1] in heads and any(w in heads for w in rest):
        return False  # "West Yorkshire Combined Authority" / "… Authority Transport Committee": a body and its part
    if not rest or not all(w[:1].isupper() or w[:1].isdigit() or w.lower() in QUALIFIER_LINKS | {"&", "and", "et"}
                           for w in rest):
        return False
    return sum(1 for n in names if n.startswith(short + " ")) == 1


def ends_one_name(short: str, long_: str, names: list[str], places: set[str]) -> bool:
    """"Chimay" for "Bières de Chimay", "Restos du Cœur" for "Fédération des Restos du Cœur de Belgique":
    a name (not a place) that follows the link word of exactly one longer name of the document is
    its short form, as SPEC's fullest-name rule reads the gold."""
    if not short[:1].isupper() or short in places:
        return False

    def after_link(name: str) -> bool:
        words, sw = name.split(), short.split()
        for k in range(1, len(words) - len(sw) + 1):
            if words[k:k + len(sw)] == sw and words[k - 1].lower() in QUALIFIER_LINKS | {"des", "of the"}:
                return words[0][:1].isupper()
        return False

    return after_link(long_) and sum(1 for n in names if n != short and short in n) == 1


def abbreviates_with_suffix(short: str, long_: str, suffixes: set[str]) -> bool:
    """"GESA" for "Gruyère Energie SA": initials, then the legal suffix written whole."""
    words = long_.split()
    if len(words) < 3 or words[-1] not in suffixes or not short.endswith(words[-1]) or short == words[-1]:
        return False
    head = short[:-len(words[-1])]
    return len(head) >= 2 and abbreviates(head, " ".join(words[:-1]))


def _shouted(name: str) -> int:
    return sum(1 for w in name.split() if len(w) > 3 and w.isupper())


def _same_letters(a: str, b: str) -> bool:
    return _fold(a).replace("-", " ") == _fold(b).replace("-", " ")


def _usual_spelling(i: int, pool: list[int], names: list[str], uses: Counter) -> int:
    """Spellings of one name, a case or a letter apart ("Save-On-Foods" / "Save-on-Foods",
    "Bia Food" / "Bia Foods"), are one form: the one the document uses most, then the one not
    shouted, then the first. Gold may prefer a rarer spelling it knows to be right
    ("Saint-Feuillien"); the text alone cannot tell."""
    variants = [j for j in pool if j == i or _same_letters(names[i], names[j]) or one_edit_apart(names[i], names[j])]
    return max(variants, key=lambda j: (uses[names[j]], -_shouted(names[j]), -j))


def assign_canonicals(text: str, orgs: list[Candidate], lang: str, acronyms: dict[str, str]) -> None:
    """Mentions of one organisation share the fullest name used in the document."""
    data = load(lang, "orgs")
    suffixes = set(data["legal_suffixes"]) | set(data["generic_name_words"])
    generic = {_fold(w).strip(".,") for w in suffixes}
    heads = frozenset(w for h in data["named_heads"] for w in h.split() if w[:1].isupper())
    mentions = [text[c.start:c.end] for c in orgs]
    names = list(dict.fromkeys(mentions))  # distinct names, in order of first mention
    gazetteer = _gazetteer(lang)
    places = place_names(lang)
    parent = list(range(len(names)))

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i, j):
        parent[find(i)] = find(j)

    keys = [_core(n, suffixes) for n in names]
    acr_full = {acr: _core(full, suffixes) for acr, full in acronyms.items()}
    parts = [_abbreviation_parts(n) for n in names]
    for i in range(len(names)):
        for j in range(i + 1, len(names)):
            a, b = keys[i], keys[j]
            if a == b or a.replace(" ", "").replace("-", "") == b.replace(" ", "").replace("-", ""):
                union(i, j)  # "BEP Environnement" / "BEPEnvironnement": one name, spaced differently
                continue
            short, long_ = (a, b) if len(a) < len(b) else (b, a)
            if len(short) >= 2 and short in long_ and same_with_generic_words(short, long_, generic):
                union(i, j)  # "Proximus" / "Proximus Group", "Ahold Delhaize" / "Koninklijke Ahold Delhaize N.V."
                continue
            if names[i] in acr_full and acr_full[names[i]] == b or names[j] in acr_full and acr_full[names[j]] == a:
                union(i, j)
                continue
            if one_edit_apart(names[i], names[j]):
                union(i, j)  # "Saint-Feuillen" / "Saint-Feuillien": a typo of the source
                continue
            if gazetteer.get(names[i]) and gazetteer.get(names[i]) == gazetteer.get(names[j]):
                union(i, j)  # "AB InBev" and "Anheuser-Busch InBev" are one entry
                continue
            if narrows(names[i], names[j], places) or narrows(names[j], names[i], places) \
                    or opens_one_name(names[i], names[j], names, heads) or opens_one_name(names[j], names[i], names, heads) \
                    or ends_one_name(names[i], names[j], names, places) or ends_one_name(names[j], names[i], names, places):
                union(i, j)  # "Ecocem" / "Ecocem Ireland", "Community Foundation" / "… of the Central Blue Ridge"
                continue
            pi, pj = parts[i], parts[j]
            if abbreviates(names[i], names[j], (pi, pj)) or abbreviates(names[j], names[i], (pj, pi)) \
                    or abbreviates_with_suffix(names[i], names[j], suffixes) \
                    or abbreviates_with_suffix(names[j], names[i], suffixes):
                union(i, j)  # "GM" / "General Motors", "BA" / "British Airways", "GESA" / "Gruyère Energie SA"
    groups: dict[int, list[int]] = {}
    for i in range(len(names)):
        groups.setdefault(find(i), []).append(i)
    canonical_of = {}
    uses = Counter(mentions)
    for members in groups.values():
        pool = [i for i in members if names[i] not in acronyms] or members
        # spellings of one name are one form ("Save-On-Foods" / "Save-on-Foods", "Bia Food" / "Bia Foods")
        pool = list({_usual_spelling(i, pool, names, uses) for i in pool})
        canonical = names[max(pool, key=lambda i: (len(names[i]), -_shouted(names[i]), -i))]
        for i in members:
            canonical_of[names[i]] = canonical
    for org, mention in zip(orgs, mentions, strict=True):
        org.attrs["canonical"] = canonical_of[mention]


ACRONYM = re.compile(r"[A-ZÀ-Þ]{3,6}")
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
        letters = _fold(acr).upper()
        for i, (start, _e, w) in enumerate(words):
            if _fold(ELISION.sub("", w))[:1].upper() != letters[0] or not (w[:1].isupper() or w.lower() in LEAD_HEADS):
                continue
            k, j, end = 0, i, None
            while j < len(words) and j - i < 4 * len(letters):
                unit = ELISION.sub("", words[j][2])
                if unit == "," or unit.lower() in LINK_WORDS:
                    j += 1
                    continue
                if _fold(unit)[:1].upper() != letters[k]:
                    break
                k += 1
                if k == len(letters):
                    end = words[j][1]
                    break
                j += 1
            if end is None or not _names_a_body(text[start:end], lang):
                continue
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
    return any(u.lower() in heads or not is_common_word(lang, _fold(u)) and not is_common_word(lang, u.lower())
               for u in units)


@cache
def _body_heads(lang: str) -> frozenset[str]:
    data = load(lang, "orgs")
    return frozenset({h.lower() for h in data["named_heads"]} | {d.lower() for d in data["descriptors"]})


EXPANSION_TEXT = re.compile(r"[\w’'\-]+(?:,?[ \u00a0][\w’'\-]+)*")


def propagate_names(text: str, kept: list[Candidate], lang: str) -> list[Candidate]:
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
        if len(name) < 3 or not (name[0].isupper() or name[0].isdigit() or name.islower()):
            continue
        for start, end in whole_matches(text, name, not_after="#@"):
            if taken.overlaps(start, end):
                continue
            added.append(Candidate(start, end, "ORG", "orgs:propagated", {}, priority=1))
            taken.add(start, end)
    return sorted(kept + added, key=lambda c: c.start)


def extend_with_designators(text: str, kept: list[Candidate], lang: str) -> None:
    """"Framespace Solutions will …" where "Framespace" is already an organisation: a business word
    after a known name continues it (data: `name_designators`); the words alone never make a name."""
    data = load(lang, "orgs")
    words = set(data["name_designators"]) | set(data["legal_suffixes"])
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
            tails.add(word if word in places and m.start(1) not in starts else None)
        if len(mentions) < 2 or len(tails) != 1 or None in tails:
            continue
        place = tails.pop()
        for c in mentions:
            c.end += 1 + len(place)
            c.rule += "+place"


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


def resolve_doc(doc: Doc, lang: str) -> list[Candidate]:
    text = doc_text(doc)
    kept = propagate_names(text, expand_acronyms(text, select(doc._.csr_candidates or []), lang), lang)
    extend_with_designators(text, kept, lang)
    extend_with_constant_place(text, kept, lang)
    orgs = [c for c in kept if c.label == "ORG"]
    cut_department_before_title(text, orgs, lang)
    keep_brand_apostrophe(doc, text, orgs)
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
