"""Acronyms defined in the text: the words before "(ACR)" that spell it, by initials ("Centre
pour la Cybersécurité Belgique (CCB)"), with a département number ("(SDED 52)"), or by the starts
of a named body's words ("Syndicat de valorisation des déchets de la Marne (Syvalom)")."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..textutil import fold

if TYPE_CHECKING:
    from .org_rules import OrgRules

# "l’arrondissement", "d’Erdre": an elided article glued to the word it opens
ELIDED_ARTICLE = re.compile(r"^[dlDL]['’](?=\w)")
# "… des déchets de la Haute-Marne (SDED 52)": the number stands for the place that closes the name
_PLACE_TAIL = re.compile(r"[ \u00a0](?:de la|de l['’]|du|des|de|d['’])[ \u00a0]?[A-ZÀ-Þ][\w'’\-]*[ \u00a0]*$")


def acronym_expansion(text: str, paren_start: int, acr: str, r: OrgRules) -> tuple[int, int] | None:
    """The shortest run of words before "(ACR)" whose initials spell ACR."""
    found = _initials_before(text, paren_start, acr, r)
    if found is None and " " in acr:
        tail = _PLACE_TAIL.search(text, max(0, paren_start - 60), paren_start)
        found = _initials_before(text, tail.start(), acr, r) if tail else None
        if found:
            found = found[0], paren_start - (len(text[:paren_start]) - len(text[:paren_start].rstrip(" \u00a0")))
    return found or _head_name_before(text, paren_start, acr, r)


def _head_name_before(text: str, paren_start: int, acr: str, r: OrgRules) -> tuple[int, int] | None:
    """"Syndicat de valorisation des déchets de la Marne (Syvalom)", "Syndicat mixte en charge des
    études et du traitement … de la Meuse (SMET 55)": a short form built from the starts of some
    of the words of a name that opens on an organisation head word."""
    end = len(text[:paren_start].rstrip(" \u00a0"))
    window = text[max(0, end - 160):end]
    for m in r.head_word_re.finditer(window):
        if not m.group(0)[:1].isupper():
            continue
        s = end - len(window) + m.start()
        if _abbreviates_words(acr.split()[0], text[s:end], r.link_words):
            return s, end
    return None


def _abbreviates_words(short: str, name: str, links: set[str]) -> bool:
    """`short` is spelled by starts of words of `name`, in order, the first word's included,
    two words at least ("Syvalom": SYndicat VALOrisation Marne)."""
    words = [fold(w).lower() for w in re.split(r"[ \u00a0\-'’]+", name) if w and w.lower() not in links]
    target = fold(short.replace(".", "").replace("-", "")).lower()
    if len(target) < 3 or not words or target[0] != words[0][0]:
        return False

    def match(ai: int, wi: int, used: int) -> bool:
        if ai == len(target):
            return used >= 2
        for k in range(wi, len(words)):
            w = words[k]
            for p in range(min(len(w), len(target) - ai), 0, -1):
                if target[ai:ai + p] == w[:p] and (ai > 0 or k == 0) and match(ai + p, k + 1, used + 1):
                    return True
            if ai == 0:
                return False
        return False
    return match(0, 0, 0)


def _initials_before(text: str, paren_start: int, acr: str, r: OrgRules) -> tuple[int, int] | None:
    letters = acr.split()[0].replace(".", "").replace("&", "").replace("-", "").upper()
    window_start = max(0, paren_start - 160)
    words = list(re.finditer(r"[^\s(),;:]+", text[window_start:paren_start]))
    for k in range(len(words) - 1, max(-1, len(words) - 14), -1):
        chosen = words[k:]
        names = [w.group(0) for w in chosen]
        lead = 0
        if not names[0][:1].isupper():
            # "l’intercommunale pure de financement du Hainaut (IPFH)": a body's head in lower case
            elided = re.match(r"[ldLD]['’]", names[0])
            head = names[0][elided.end():] if elided else names[0]
            if not (head and (elided and head[:1].isupper() or r.head_word_re.match(" ".join([head, *names[1:]])))):
                continue  # "l’Union de coopératives … (Ucac)": an elided article before a capitalised name
            lead = elided.end() if elided else 0
            names[0] = head
        if fold(ELIDED_ARTICLE.sub("", names[0])[:1]).upper() != letters[:1]:
            continue  # "En 2017, la communauté de communes d'Erdre et Gesvres (CCEG)": a name opens on its first letter
        content = [ELIDED_ARTICLE.sub("", w) for w in names
                   if w.lower().strip("'’") not in r.link_words and not re.fullmatch(r"\w['’]", w)]
        # "de l’arrondissement" stands for its noun's initial: "Union de coopératives de l’arrondissement de Clermont (Ucac)"
        initials = fold("".join(p[0] for w in content for p in re.split(r"[-'’]", w) if p and p[0].isalpha()).upper())
        caps = "".join(p[0] for w in content for p in re.split(r"[-'’]", w) if p and p[0].isupper())
        every = "".join(w[0] for w in names if w[0].isalpha()).upper()  # "DfT": Department for Transport
        if letters in (initials, fold(caps), fold("".join(w[0] for w in content).upper()), fold(every)):
            s = window_start + chosen[0].start() + lead
            e = window_start + chosen[-1].end()
            between = text[e:paren_start]
            if between.strip(" \u00a0") == "":
                head = r.head_link_before_re.search(text, max(0, s - 40), s)
                if head:
                    s = head.start()  # "Department for Business, Energy and Industrial Strategy (BEIS)"
                return s, e
    return None
