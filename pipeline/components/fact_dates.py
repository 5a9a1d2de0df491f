"""The date of a fact: the figure's own clause's date, or the date of a clause that governs it.

Baselines ("compared with 2019", "depuis 2015") and the date of a report ("said last
month that") never date a fact; a target ("d'ici 2030") is preferred. `r` is the language's
`facts.FactRules` (baseline, target and reporting-verb patterns).
"""
from __future__ import annotations

import bisect
import re

from spacy.tokens import Doc

from ..candidates import Candidate
from ..lemmas import lemma
from .fact_clauses import ancestors, clause_head

DAY = re.compile(r"\d{4}-\d\d-\d\d")
DATE_REACH = 400  # characters: a date farther from the figure does not govern its clause


def sentence_dates(doc: Doc, sent, dates: list[Candidate], starts: list[int], r, text: str) -> list[tuple]:
    """(date, its clause head, text just before it, is a baseline, is a target) for the
    resolved dates of one sentence.

    `dates` are the document's dates sorted by start, `starts` their starts.
    """
    out = []
    for d in dates[bisect.bisect_left(starts, sent.start_char):bisect.bisect_left(starts, sent.end_char)]:
        if d.end > sent.end_char or d.attrs.get("value") is None:
            continue
        before = text[max(sent.start_char, d.start - 30):d.start]
        d_span = doc.char_span(d.start, d.end, alignment_mode="expand")
        clause = clause_head(d_span.root) if d_span is not None else None
        baseline = bool(r.baseline_re.search(before) or r.baseline_event_re.search(text[max(sent.start_char, d.start - 60):d.start]))
        out.append((d, clause, before, baseline, bool(r.target_re.search(before))))
    return out


def link_date(fig: Candidate, fig_span, candidates: list[tuple], starts: list[int], r,
              text: str) -> tuple[str | None, str]:
    """The date of the figure's own clause, or of a clause that governs it (not a report's date).

    `fig_span`: the figure's tokens or None; `candidates` come from `sentence_dates`,
    `starts` are their starts.
    """
    fig_clause = clause_head(fig_span.root) if fig_span is not None else None
    governing = ancestors(fig_clause) if fig_clause is not None else set()
    best, best_score, best_how = None, None, "none"
    near = candidates[bisect.bisect_left(starts, fig.start - DATE_REACH):bisect.bisect_left(starts, fig.end + DATE_REACH)]
    for d, d_clause, before, baseline, target in near:
        if baseline:
            continue
        if before.endswith(" on ") and re.fullmatch(r"\d{4}", d.attrs["value"] or "") and "%" in text[fig.start:d.start]:
            continue  # "up 6.2% on last year": a comparison
        score = d.start - fig.end if d.start >= fig.end else fig.start - d.end
        score += 0 if target else 15
        how = "target" if target else "nearest"
        if d_clause is not None and fig_clause is not None:
            if d_clause.i == fig_clause.i:
                if lemma(d_clause).lower() in r.reporting and DAY.fullmatch(d.attrs.get("value") or ""):
                    continue  # "today announced a $1.4-million investment": the announcement's day
                score -= 30
                how = "target" if target else "same_clause"
            elif d_clause.i in governing:
                if lemma(d_clause).lower() in r.reporting:
                    continue  # "said last month that ...": the announcement's date
                how = "target" if target else "governing_clause"
            elif _describes_counted(d_clause, fig_span) or _complement_of(d_clause, fig_clause):
                how = "target" if target else "dependent_clause"
            else:
                continue  # another clause's date
        if best_score is None or score < best_score:
            best, best_score, best_how = d, score, how
    if best is None:
        # "L'année 2019 a permis de consolider les actions : 292 personnes …": what follows a colon
        # details the clause before it, and takes its only date
        before_colon = [c for c in near if not c[3] and c[0].end <= fig.start and ":" in text[c[0].end:fig.start]
                        and "\n" not in text[c[0].end:fig.start]]
        if len(before_colon) == 1 and len([c for c in near if not c[3]]) == 1:
            return before_colon[0][0].attrs.get("value"), "colon"
    return (best.attrs.get("value"), best_how) if best else (None, "none")


def _describes_counted(d_clause, fig_span) -> bool:
    """"164 homes retrofitted in 2022": the date's clause describes the noun the figure counts."""
    counted = fig_span.root.head if fig_span.root.dep_ in ("nummod", "quantmod", "det", "amod") else fig_span.root
    return d_clause.head.i == counted.i and d_clause.dep_ in ("acl", "relcl", "acl:relcl")


def _complement_of(d_clause, fig_clause) -> bool:
    """"The $3.6m project is expected to be complete in early 2011": the date's clause completes the
    figure's verb (open complements only, not a reported clause)."""
    node = d_clause
    for _ in range(4):
        if node.dep_ != "xcomp" or node.head.i == node.i:
            return False
        node = node.head
        if node.i == fig_clause.i:
            return True
    return False
