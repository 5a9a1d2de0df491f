"""Facts: which organisation a figure describes, and which date it refers to.

The organisation comes from the dependency parse first (subject or agent of
the figure's clause, possessor or `de X`/`of X` of the counted noun), then
from self references ("notre", "our", "le groupe" -> the document's main
organisation), then from the nearest organisation in the sentence. Sources
("selon Finn") never count; figures about groups or equivalences get none.
The date is the nearest non-baseline DATE of the same sentence, with a
target ("d'ici 2030") preferred.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from ..candidates import Candidate
from ..lemmas import lemma
from ..reader import parse_header
from .fact_clauses import clause_head
from .fact_context import DEFINITE, FIRST_PERSON_RE, Context, subject_of_sentence
from .fact_dates import link_date, sentence_dates
from .fact_phrases import (
    agent_after,
    antecedent_org,
    body_named_after,
    coordinated_in,
    is_place,
    money_source,
    of_owner,
    subject_orgs,
    subtree_orgs,
    without_affiliations,
)
from .fact_rules import LEAD_BONUS, LEAD_CHARS, SENTENCE_END, FactRules, main_org, rules_for  # noqa: F401 (re-exported)

DATELINE = re.compile(r"(?:^|\n)[ \t]*[A-ZÀ-Þ]{3,}(?:[ ,/-]+[A-ZÀ-Þ][\w.]*)*[ \t]*\($")  # "LONDON (Reuters"
SUBJECT_DEPS = {"nsubj", "nsubj:pass", "nsubjpass", "agent", "obl:agent", "csubj"}


class SentenceInfo:
    """What every figure of one sentence needs, computed once per sentence."""

    def __init__(self, sent, ctx: Context):
        r, text = ctx.r, ctx.text
        self.start, self.end = sent.start_char, sent.end_char
        body = text[self.start:self.end]
        self.in_sentence = [o for o in ctx.orgs_between(self.start, self.end) if o.end <= self.end]
        self.local = [o for o in self.in_sentence
                      if not r.named_as_source(text, o.start, self.start)
                      and not DATELINE.search(text[max(0, o.start - 40):o.start])]
        self.first_person = bool(FIRST_PERSON_RE.search(body))
        self.group = bool(r.group_re.search(body))
        low = body.lower()
        self.respectively = next((self.start + low.index(w) for w in r.respectively if w in low), None)
        self.subject = subject_of_sentence(sent, self.local, text, r)
        self.figures = ctx.figures_between(self.start, self.end)


def link_org(fig: Candidate, span, ctx: Context, info: SentenceInfo) -> tuple[str | None, str]:
    """(organisation, the rule that chose it); organisation None when the figure is no one's.

    `span`: the figure's tokens (None when they do not align).
    """
    r = ctx.r
    text = ctx.text
    s_start = info.start
    local = info.local
    if r.equiv_re.search(text[max(s_start, fig.start - 60):fig.start]):
        return None, "equivalence"
    if span is not None and _anaphoric_count(span, fig, r):
        return None, "anaphoric_count"  # "les deux associations", "one of the five turbines": things already named
    if span is not None and _counts_acting_organisations(span, r):
        return None, "group"  # "Deux associations ont récolté …", "seven councils signed": several organisations
    if len(local) < len(info.in_sentence) and not local and not info.first_person:
        return None, "source"  # "selon Finn, 30 % des ménages...": a statement about the world, not about Finn
    if _reported_world_fact(fig, span, local, r, ctx.main):
        return None, "world"
    source = money_source(fig, info, ctx)
    if source:
        return source, "giver"  # "£7.8m from First Bus", "a $250-thousand donation from Nutrien"
    holder = agent_after(fig, info, ctx)
    if holder:
        return holder, "agent"  # "51% owned by A and 49% by B", "détenu à 49 % par B"
    owner = of_owner(fig, info, ctx)
    if owner:
        return owner, "possessor"  # "90% of Foyle Foodbank’s stock", "les 1.500 employés de Proximus"
    paired = _respective_org(fig, info, ctx)
    if paired:
        return paired, "respective"
    subj = info.subject
    sent_subject = ctx.canonical(subj) if subj is not None and subj.start < fig.start else None
    if sent_subject is None:
        prior_local = [o for o in local if o.end <= fig.start]
        if subj is None and span is not None:
            # "The new network, opened by the chair of the X Foundation, serves 11 buildings"
            prior_local = without_affiliations(prior_local, span.sent[0], text, r.role_before_re)
        sent_subject = ctx.canonical(_topic_of(prior_local, info, ctx)) if prior_local else None
    if span is not None:
        node = span.root
        for _ in range(6):
            for child in node.children:
                if child.dep_.startswith("nsubj") or child.dep_ in SUBJECT_DEPS:
                    antecedent = antecedent_org(child, node, local)
                    if antecedent is not None:
                        return ctx.canonical(antecedent), "relative"  # "…for CRUK, which will fund 40 nurses"
                    hits = without_affiliations(subject_orgs(child, local, text), child, text, r.role_before_re)
                    if (_coordinated_orgs(child, local) or coordinated_in(hits, text)) and info.respectively is None:
                        return None, "group"  # "GM and EVgo are adding 2,700 chargers": several organisations
                    if hits and lemma(node).lower() in r.receive:
                        return _giver(node, child, hits[0], fig, ctx, local)
                    if hits:
                        return ctx.canonical(hits[0]), "subject"
                    if _generic_plural_agents(child, r) and not _covers(child, fig):
                        return None, "group"  # "The wind co-ops allow investment from £250": many actors
                    if is_place(child, r) and not _covers(child, fig):
                        body = body_named_after(child.text, ctx.orgs)
                        if body:
                            return body, "place_body"  # "Orkney is to trial two ferries": Orkney Islands Council
                        return None, "place"  # "Barra is an island of 1200 population": a place's figure
                    if _refers_to_self(ctx.doc, child, r):
                        return ctx.resolve(child, fig, sent_subject), "subject_reference"
                if child.dep_ in ("poss", "nmod:poss") or (child.dep_ == "det" and child.lower_ in r.self_ref):
                    hits = subtree_orgs(child, local)
                    if hits:
                        return ctx.canonical(hits[0]), "possessor"
                    if child.lower_ in r.self_ref:
                        return ctx.resolve(child, fig, sent_subject), "possessor_reference"
            if node.head.i == node.i or (node.pos_ == "VERB" and node.dep_ == "ROOT"):
                break
            node = node.head
    if sent_subject:
        return sent_subject, "sentence_subject"
    prior = [o for o in local if o.end <= fig.start]
    if prior:
        return ctx.canonical(_topic_of(prior, info, ctx)), "topic"
    if info.group:
        return None, "group"
    topic = ctx.paragraph_topic(fig.start)
    if topic and topic != ctx.main:
        return topic, "paragraph_topic"
    return ctx.main, "main_org"


ANAPHORIC_MAX = 10


def _anaphoric_count(span, fig: Candidate, r: FactRules) -> bool:
    """A small count written in words after a definite or demonstrative determiner ("ces trois
    éléments", "une des cinq éoliennes", "the two projects") refers back to things the text has
    already named; it states nothing new about anyone's figures."""
    if fig.label != "QUANTITY" or fig.attrs.get("unit") or any(ch.isdigit() for ch in span.text):
        return False
    value = fig.attrs.get("value")
    if not isinstance(value, (int, float)) or value > ANAPHORIC_MAX or span.start == 0:
        return False
    return span.doc[span.start - 1].lower_ in r.anaphoric


def _counts_acting_organisations(span, r: FactRules) -> bool:
    """The figure counts organisations that are the subject of their clause, or the clause's
    subject is such a counted group ("Deux associations ont récolté 1 million d'euros",
    "seven councils signed"): the figure is about several organisations, not one. An
    organisation that counts the ones it helps ("aide dix-neuf CPAS") keeps its fact."""
    def counted_group(noun) -> bool:
        return noun.dep_ == "nsubj" and lemma(noun).lower() in r.org_kinds and any(
            c.dep_ == "nummod" and c.lower_ not in ("un", "une", "one", "1") for c in noun.children)

    head = span.root.head if span.root.dep_ in ("nummod", "det", "amod", "quantmod") else span.root
    if head.dep_ == "nsubj" and lemma(head).lower() in r.org_kinds:
        return True
    clause = clause_head(span.root)
    return any(counted_group(c) for c in clause.children)


def _giver(verb, subject, receiver: Candidate, fig: Candidate, ctx: Context,
           local: list[Candidate]) -> tuple[str | None, str]:
    """A figure received: the giver named in the clause ("from X"), else the text's main
    organisation when it is not the receiver; a receiver with no giver keeps its own figure."""
    lo = min(t.idx for t in verb.subtree)
    hi = max(t.idx + len(t.text) for t in verb.subtree)
    sub_lo, sub_hi = subject.left_edge.idx, subject.right_edge.idx + len(subject.right_edge.text)
    for o in local:
        if lo <= o.start and o.end <= hi and not (sub_lo <= o.start < sub_hi) \
                and ctx.r.giver_re.search(ctx.text[max(lo, o.start - 20):o.start]):
            return ctx.canonical(o), "giver"
    name = ctx.canonical(receiver)
    if ctx.main and ctx.main != name and not ctx.receives(ctx.main):
        return ctx.main, "giver_main_org"
    return name, "subject"


def _topic_of(prior: list[Candidate], info: SentenceInfo, ctx: Context) -> Candidate:
    """An organisation that opens the sentence ("Chez CBR, filiale de X, l'usine a...") is its
    topic; otherwise the organisation named last before the figure."""
    lead = ctx.text[info.start:prior[0].start]
    if len(lead.split()) <= 2:
        return prior[0]
    return prior[-1]


def _reported_world_fact(fig: Candidate, span, local: list[Candidate], r: FactRules, main: str | None) -> bool:
    """'La CREG estime que la facture d'un ménage a culminé à 3.650 euros': an organisation
    reporting on the world. The figure's clause is the complement of a reporting verb and its
    subject is a third party (no organisation, pronoun or possessive)."""
    if span is None:
        return False
    clause = clause_head(span.root)
    if clause.dep_ not in ("ccomp", "xcomp", "parataxis") or lemma(clause.head).lower() not in r.reporting:
        return False
    reporters = [c for c in clause.head.children if c.dep_.startswith("nsubj")]
    named = {o.attrs.get("canonical") for rep in reporters for o in subtree_orgs(rep, local)}
    if not named or main in named:
        return False  # the text's own organisation reporting on itself
    if any(t.lower_ in r.self_ref and t.pos_ in ("DET", "PRON") for t in clause.subtree):
        return False  # "... 44% of its mortgage drawdowns": about the reporter after all
    subjects = [c for c in clause.children if c.dep_.startswith("nsubj")]
    if not subjects:
        return False
    subj = subjects[0]
    if _covers(subj, fig):
        return False  # the figure counts the subject itself
    if subtree_orgs(subj, local) or subj.pos_ == "PRON" or subj.lower_ in r.self_ref:
        return False
    return not any(c.dep_ in ("poss", "nmod:poss") or (c.dep_ == "det" and c.lower_ in r.self_ref)
                   for c in subj.subtree)


def _coordinated_orgs(subject, local: list[Candidate]) -> bool:
    """'GM and EVgo', 'Proximus et Orange': organisations joined by a conjunction."""
    head_hits = {o.attrs.get("canonical") for o in local
                 if subject.idx <= o.start < subject.idx + len(subject.text) + 1}
    for conj in (c for c in subject.children if c.dep_ == "conj"):
        other = {o.attrs.get("canonical") for o in subtree_orgs(conj, local)}
        if head_hits and other and other - head_hits:
            return True
    return False


def _respective_org(fig: Candidate, info: SentenceInfo, ctx: Context) -> str | None:
    """'Proximus et Orange ont respectivement 11.000 et 7.500 employés': pair them in order."""
    if info.respectively is None:
        return None
    in_sent = [c for c in info.figures if c.label == fig.label]
    first = min([info.respectively] + [c.start for c in in_sent])
    names = list(dict.fromkeys(ctx.canonical(o) for o in info.local if o.end <= first))
    figs = [c for c in in_sent if c.start >= first]
    if fig in figs and len(names) == len(figs) > 1:
        return names[figs.index(fig)]
    return None


def _covers(tok, fig: Candidate) -> bool:
    """The figure sits inside the phrase `tok` heads ("Cinquante-quatre agriculteurs")."""
    return tok.left_edge.idx <= fig.start < tok.right_edge.idx + len(tok.right_edge.text)


def _generic_plural_agents(tok, r: FactRules) -> bool:
    """A plural subject naming kinds of actors, not one organisation: "the companies", "bus
    operators", "les agriculteurs" (but "our members", "nos clients" are the speaker's)."""
    plural = tok.morph.get("Number") == ["Plur"] or tok.tag_ in ("NNS", "NNPS")
    if not (plural and tok.pos_ == "NOUN" and lemma(tok).lower() in r.generic_agents):
        return False
    return not any(c.lower_ in r.self_ref and c.dep_ in ("poss", "det", "nmod:poss") for c in tok.children)


def _refers_to_self(doc: Doc, tok, r: FactRules) -> bool:
    """'we', 'it', 'the company', 'the airline', 'notre groupe', 'its networks'."""
    if tok.lower_ in r.self_ref or tok.pos_ == "PRON":
        return True
    for child in tok.children:
        if child.lower_ in r.self_ref and child.dep_ in ("poss", "det", "nmod:poss"):
            return True
    first = doc[tok.left_edge.i:tok.i + 1].text.lower()
    return first in r.self_ref or (tok.left_edge.lower_ in DEFINITE and tok.i - tok.left_edge.i <= 2)


def link_facts(doc: Doc, entities: list[Candidate], lang: str) -> list[dict]:
    r = rules_for(lang)
    dates = sorted((c for c in entities if c.label == "DATE"), key=lambda c: c.start)
    date_starts = [d.start for d in dates]
    ctx = Context(doc, entities, r)
    _published, header_end = parse_header(ctx.text)  # the header is metadata, not the sentence
    facts = []
    for sent in doc.sents:
        if not ctx.figures_between(sent.start_char, sent.end_char):
            continue
        info = SentenceInfo(sent, ctx)
        in_sentence_dates = sentence_dates(doc, sent, dates, date_starts, r, ctx.text)
        in_sentence_starts = [c[0].start for c in in_sentence_dates]
        for fig in info.figures:
            span = doc.char_span(fig.start, fig.end, alignment_mode="expand")
            org, how = link_org(fig, span, ctx, info)
            if org is None:
                continue
            date, date_how = link_date(fig, span, in_sentence_dates, in_sentence_starts, r, ctx.text)
            facts.append({"span": [fig.start, fig.end], "org": org, "date": date,
                          "link": {"org": how, "date": date_how},
                          "sentence": ctx.text[max(sent.start_char, header_end):sent.end_char].strip(),
                          "predicate": _predicate(span) if span is not None else None})
    return facts


def _predicate(span) -> str | None:
    node = span.root
    for _ in range(6):
        if node.pos_ in ("VERB", "AUX") and node.pos_ != "AUX":
            return lemma(node).lower()
        if node.head.i == node.i:
            break
        node = node.head
    return None


@Language.factory("csr_facts", default_config={})
def make_facts(nlp: Language, name: str):
    return FactLinker(nlp.lang)


class FactLinker:
    """Links kept figures to an organisation and a date (`doc._.csr_facts`)."""

    def __init__(self, lang: str):
        self.lang = lang

    def __call__(self, doc: Doc) -> Doc:
        doc._.csr_facts = link_facts(doc, doc._.csr_entities or [], self.lang)
        return doc
