"""One canonical name per organisation: mentions of one organisation (short forms, acronyms,
initials, spellings, place-qualified forms, list aliases) share the fullest name the document uses."""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import cache

from ..candidates import Candidate
from ..resources import gazetteer_enabled, load, place_names
from ..textutil import one_edit_apart


def fold_name(s: str) -> str:
    s = unicodedata.normalize("NFKD", s)
    return "".join(ch for ch in s if not unicodedata.combining(ch)).lower()


def _core(name: str, suffixes: set[str], prefixes: frozenset[str] = frozenset(),
          variants: dict[str, str] | None = None) -> str:
    """Comparison key: accents, case, legal suffix and prefix ("SEM Ha-Py Énergie") and
    punctuation dropped, word spellings unified ("Co-op" / "Co-operative")."""
    words = [w for w in re.split(r"[\s,]+", name) if w]
    while len(words) > 1 and words[-1] in suffixes:
        words.pop()
    while len(words) > 1 and words[0] in prefixes:
        words.pop(0)  # "SEM Ha-Py Énergie"; "The Salvation Army" / "Salvation Army": one name
    if variants:
        words = [variants.get(fold_name(w), w) for w in words]
    return fold_name(" ".join(words)).replace("’", "'")


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
    bare = [fold_name(u) for u in content_units(units)]
    return bare != [fold_name(u) for u in units] and abbreviates_as_written(
        fold_name(short).upper(), long_, (([fold_name(t).upper() for t in toks], raw), (lraw, bare)))


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


def skips_inner_words(short: str, long_: str, names: list[str]) -> bool:
    """"New Charter Group" for "New Charter Housing Trust Group", "Kolbe School" for "Kolbe Special
    School": the same first and last words, the long name's extra capitalised words in between,
    and no other name of the document the short one could stand for. A short name with a link
    word ("Bank of Ireland") names a body of its own too often to be read this way."""
    sw, lw = short.split(), long_.split()
    if not 2 <= len(sw) < len(lw) or sw[0] != lw[0] or sw[-1] != lw[-1] \
            or any(w.lower() in QUALIFIER_LINKS | {"and", "et", "&"} for w in sw):
        return False

    def extras(words: list[str]) -> list[str] | None:
        k, out = 0, []
        for w in words:
            if k < len(sw) and w == sw[k]:
                k += 1
            else:
                out.append(w)
        return out if k == len(sw) else None

    extra = extras(lw)
    if not extra or not all(w[:1].isupper() for w in extra):
        return False
    return sum(1 for n in names if n != short and n.split()[:1] == sw[:1] and n.split()[-1:] == sw[-1:]
               and extras(n.split()) is not None) == 1


HYPHENED_ACRONYM = re.compile(r"[A-ZÀ-Þ]{1,5}-[A-ZÀ-Þ]{1,5}")
ACRONYM_LIKE = re.compile(r"[A-Z][A-Z&.]*[A-Z][a-z]?")


def abbreviates_loosely(short: str, long_: str, suffixes: set[str]) -> bool:
    """Acronyms the strict reading misses: "DP&L" (Dayton Power and Light), "SBTi" (Science-Based
    Targets initiative), "WMA" for a name ending in "Agency Ltd", and acronyms made of the starts
    of words ("FEWAG": FErnwärme Wynefeld AG, "COCOF": COmmission COmmunautaire Française de …)."""
    if not ACRONYM_LIKE.fullmatch(short):
        return False
    letters = fold_name(short.replace("&", "").replace(".", "")).upper()
    if len(letters) < 3:
        return False
    words = long_.split()
    while len(words) > 2 and words[-1] in suffixes:
        words = words[:-1]
    units = content_units([u for u in re.split(r"[\s\-]+", " ".join(words)) if u and u[0].isalnum()])
    if len(units) >= 2 and "".join(fold_name(u)[0] for u in units).upper() == letters:
        return True
    if len(letters) < 4 or not short.isupper():
        return False
    folded = [fold_name(u) for u in content_units([u for u in re.split(r"[\s\-]+", long_) if u and u[0].isalnum()])]
    target = letters.lower()

    def starts(ai: int, wi: int) -> bool:  # consecutive words from the first, each giving its first letters
        if ai == len(target):
            return wi >= 2
        if wi == len(folded):
            return False
        w = folded[wi]
        return any(target[ai:ai + p] == w[:p] and starts(ai + p, wi + 1)
                   for p in range(min(len(w), len(target) - ai), 0, -1))
    return starts(0, 0)


SKIPPED_WORDS_MAX = 1


def abbreviates_skipping(short: str, long_: str) -> bool:
    """Acronyms that leave out words of the name: link words, acronyms inside it, the second
    half of a hyphenated word, and at most one other word: "MFT" (Manchester University NHS
    Foundation Trust), "ICHT" (Imperial College Healthcare NHS Trust), "DfE" (Department for
    the Economy), "ACL" (Arctic Co-operatives Limited). The first and last initials must match
    the name's first and last words, so that a short acronym does not match any long name."""
    if not re.fullmatch(r"[A-Z][A-Za-z&]{1,5}", short) or sum(c.isupper() for c in short) < 2:
        return False
    letters = fold_name(short.replace("&", "")).upper()
    words, free = [], []
    for w in long_.split():
        for k, piece in enumerate(p for p in w.split("-") if p and p[0].isalnum()):
            words.append(piece)
            free.append(k > 0 or piece.lower() in LINK_WORDS or len(piece) > 1 and piece.isupper())
    if len(letters) < 3 or len(words) < 3 or not (words[0][0].isalnum() and words[-1][0].isalnum()):
        return False
    initials = [fold_name(w)[0].upper() for w in words]
    if initials[0] != letters[0] or initials[-1] != letters[-1]:
        return False

    def match(li: int, wi: int, skipped: int) -> bool:
        if li == len(letters):
            return wi == len(words)
        if wi == len(words):
            return False
        if initials[wi] == letters[li] and match(li + 1, wi + 1, skipped):
            return True
        cost = skipped + (not free[wi])
        return wi > 0 and cost <= SKIPPED_WORDS_MAX and match(li, wi + 1, cost)
    return match(0, 0, 0)


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
    return fold_name(a).replace("-", " ") == fold_name(b).replace("-", " ")


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
    generic = {fold_name(w).strip(".,") for w in suffixes}
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

    prefixes = frozenset(data["legal_prefixes"]) | frozenset(data["key_dropped_articles"])
    variants = data["name_word_variants"]
    keys = [_core(n, suffixes, prefixes, variants) for n in names]
    acr_full = {acr: _core(full, suffixes, prefixes, variants) for acr, full in acronyms.items()}
    # "CA-RL" spells "Centrale alimentaire de la région lausannoise" like "CARL" would
    spelled = [n.replace("-", "") if HYPHENED_ACRONYM.fullmatch(n) else n for n in names]
    parts = [_abbreviation_parts(n) for n in spelled]
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
            si, sj = spelled[i], spelled[j]
            if abbreviates(si, sj, (pi, pj)) or abbreviates(sj, si, (pj, pi)) \
                    or abbreviates_with_suffix(si, sj, suffixes) or abbreviates_with_suffix(sj, si, suffixes) \
                    or abbreviates_loosely(si, sj, suffixes) or abbreviates_loosely(sj, si, suffixes) \
                    or abbreviates_skipping(si, sj) or abbreviates_skipping(sj, si):
                union(i, j)  # "GM" / "General Motors", "BA" / "British Airways", "GESA" / "Gruyère Energie SA"
                continue
            if skips_inner_words(names[i], names[j], names) or skips_inner_words(names[j], names[i], names):
                union(i, j)  # "New Charter Group" / "New Charter Housing Trust Group"
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
