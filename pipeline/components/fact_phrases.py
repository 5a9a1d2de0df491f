"""Organisations named in a figure's own phrase or subject: its source, its holder, its owner.

These rules read a few words around the figure ("£7.8m from First Bus", "49% owned by B",
"90% of Foyle Foodbank’s stock", "…UK, which will fund 40 nurses") and the organisations of
its subject phrase. `ctx` and `info` are the linker's document and sentence views
(`facts.Context`, `facts.SentenceInfo`).
"""
from __future__ import annotations

import re

from ..candidates import Candidate


def subtree_orgs(tok, orgs):
    lo, hi = tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge.text)
    return [o for o in orgs if o.start >= lo and o.end <= hi]


# "Cet investissement (avec un prêt de la Wallonie, via la SRIW)": an organisation reached
# through "via"/"avec" or inside parentheses is a means or a partner, not the subject
ASIDE = re.compile(r"(?:\(|\b(?:via|avec|with|through|thanks to|grâce à)\b)[^()]*$", re.IGNORECASE)
COORDINATED = re.compile(r"^[ \u00a0]*(?:,|and|et|&|as well as|ainsi que)[ \u00a0]+(?:the[ \u00a0]+|la[ \u00a0]+|le[ \u00a0]+|l['’])?$")


def subject_orgs(tok, orgs, text: str) -> list[Candidate]:
    """Organisations of a subject phrase, without those in asides."""
    lo = tok.left_edge.idx
    return [o for o in subtree_orgs(tok, orgs) if not ASIDE.search(text[lo:o.start])]


def without_affiliations(hits: list[Candidate], subject, text: str, role_re) -> list[Candidate]:
    """"le nouveau réseau inauguré en présence de la Présidente de l'Assemblée Nationale": a body
    named as the employer of a person inside the subject phrase is not the subject; "the chief
    executive of X", where the role is the subject itself, keeps X."""
    kept = []
    for o in hits:
        role = role_re.search(text, max(subject.left_edge.idx, o.start - 80), o.start)
        if role is None or subject.idx >= role.start():
            kept.append(o)
    return kept


def coordinated_in(hits: list[Candidate], text: str) -> bool:
    """'First Bus and West Yorkshire Combined Authority (WYCA)': two organisations joined in one
    subject phrase, however the parser attached them."""
    return any(a.attrs.get("canonical") != b.attrs.get("canonical") and COORDINATED.match(text[a.end:b.start])
               for a, b in zip(hits, hits[1:], strict=False))


def money_source(fig: Candidate, info, ctx) -> str | None:
    """The organisation named as the source of a sum or a gift in the figure's own phrase."""
    if fig.label not in ("MONEY", "QUANTITY"):
        return None
    for o in info.local:
        if fig.end <= o.start <= fig.end + 90 and ctx.r.money_source_re.search(ctx.text[fig.end:o.start]):
            return ctx.canonical(o)
    return None


RELATIVE_PRONOUNS = {"which", "who", "that", "qui", "lequel", "laquelle", "lesquels", "lesquelles"}


def antecedent_org(subject, verb, local: list[Candidate]) -> Candidate | None:
    """The organisation a relative pronoun subject stands for: the noun its clause hangs from."""
    if subject.lower_ not in RELATIVE_PRONOUNS or verb.dep_ not in ("relcl", "acl:relcl"):
        return None
    head = verb.head
    hit = next((o for o in local if o.start <= head.idx < o.end), None)
    # the parser may hang the clause on the main verb: then the name right before ", qui"
    return hit or next((o for o in local if 0 <= subject.idx - o.end <= 3), None)


AGENT_AFTER = re.compile(r"^[ \u00a0]+(?:[\w\-]+[ \u00a0]+){0,2}?(?:by|par)[ \u00a0]+(?:the[ \u00a0]+|la[ \u00a0]+|le[ \u00a0]+|l['’])?$")


def agent_after(fig: Candidate, info, ctx) -> str | None:
    """A share followed by its holder: "51% owned by A and 49% by B" (each share to its own
    holder, as the respective reading of an ownership split)."""
    if fig.label != "PERCENT":
        return None
    for o in info.local:
        if fig.end < o.start <= fig.end + 40 and AGENT_AFTER.match(ctx.text[fig.end:o.start]):
            return ctx.canonical(o)
    return None


OF_OWNER = re.compile(r"[ \u00a0]+(?:of|de|du|des|d['’])[ \u00a0]*(?:the[ \u00a0]+|la[ \u00a0]+|le[ \u00a0]+|l['’])?$")
NOUN_PHRASE_POS = {"NOUN", "ADJ", "ADP", "DET", "NUM", "PROPN", "SYM", "CCONJ"}


def of_owner(fig: Candidate, info, ctx) -> str | None:
    """The organisation the figure's own noun phrase belongs to: "90% of Foyle Foodbank’s stock",
    "les 1.500 employés de Proximus" (the counted noun, then "of/de" and the owner)."""
    for o in info.local:
        if not fig.end < o.start <= fig.end + 60:
            continue
        between = ctx.text[fig.end:o.start]
        if not OF_OWNER.search(between):
            continue
        span = ctx.doc.char_span(fig.end, o.start, alignment_mode="contract")
        if span is not None and len(span) <= 5 and all(t.pos_ in NOUN_PHRASE_POS or t.is_space for t in span):
            return ctx.canonical(o)
    return None


def is_place(tok, r) -> bool:
    """A subject that is a place ("Ireland is estimated to need 33,000 homes"): what it counts is
    the place's, and a city written bare is a place even when its council acts (gold/README)."""
    return tok.pos_ == "PROPN" and (tok.ent_type_ in ("GPE", "LOC") or tok.text in r.places)


def body_named_after(place: str, orgs) -> str | None:
    """The one organisation of the document whose name opens with the place ("Southern Water" for
    "Southern", "Orkney Islands Council" for "Orkney"): the place stands for it."""
    bodies = {o.attrs.get("canonical") for o in orgs if (o.attrs.get("canonical") or "").startswith(place + " ")}
    return bodies.pop() if len(bodies) == 1 else None
