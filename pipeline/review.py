"""Review pages: one self-contained HTML file to read the records against their texts.

`extract ... --html FILE` and `evaluate ... --html FILE` write one page each,
with Jinja2 templates shipped as package data (pipeline/templates/). CSS and
JavaScript are inline and a Content-Security-Policy forbids every fetch: the
page opens from disk and never touches the network.

Scale: the index (one table row per document) is rendered here; the
documents themselves are embedded as JSON, one line per document, in a
single `<script type="application/json">` element, and the browser builds a
document's highlighted text only when it is opened. 2,000 documents cost
2,000 table rows, not 2,000 texts in the DOM.

Offsets: the page never computes an offset in JavaScript (where strings are
UTF-16). Each text is cut here, in Python, into the pieces between and
inside the spans, so `data-start`/`data-end` are the record's own
code-point offsets.

Memory: while `extract` runs, each document's page data is appended to an
anonymous spool file as soon as its record is written; only the index row
(counts, organisation names) stays in memory.
"""
from __future__ import annotations

import json
import os
import tempfile
from collections import Counter
from collections.abc import Iterable, Iterator
from importlib import resources
from pathlib import Path

from markupsafe import Markup
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

from .output import is_special, part_of
from .reader import ReadError, read_document
from .scoring import LABELS

# displaCy's palette (spacy/displacy/render.py, DEFAULT_LABEL_COLORS) for our labels.
COLORS = {"ORG": "#7aecec", "DATE": "#bfe1d9", "QUANTITY": "#e4e7d2", "MONEY": "#e4e7d2", "PERCENT": "#e4e7d2"}
SHORT = {"ORG": "ORG", "DATE": "DATE", "QUANTITY": "QTY", "MONEY": "MON", "PERCENT": "PCT"}
SPAN_CORE = ("start", "end", "label", "text")


# ---- pieces shared by both pages ----------------------------------------------

def script_json(obj) -> str:
    """JSON that is safe inside a <script> element: no `<`, `>` or `&` can end or open a tag.

    Those characters only occur inside JSON strings, where `\\u003c` means the same."""
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
    return (text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def spans_fit(text: str | None, spans: list[dict]) -> bool:
    """The spans can be drawn over `text`: in order, not overlapping, each `text[start:end]`."""
    if text is None:
        return False
    prev = 0
    for s in spans:
        start, end = s.get("start"), s.get("end")
        if not isinstance(start, int) or not isinstance(end, int) or not prev <= start <= end <= len(text):
            return False
        if text[start:end] != s.get("text"):
            return False
        prev = end
    return True


def pieces(text: str, spans: list[dict]) -> list[str]:
    """[gap, span 0, gap, span 1, ..., gap]: the text cut at the spans (2n+1 strings)."""
    out, pos = [], 0
    for s in spans:
        out.append(text[pos:s["start"]])
        out.append(text[s["start"]:s["end"]])
        pos = s["end"]
    out.append(text[pos:])
    return out


def page_span(s: dict, with_text: bool) -> dict:
    """What the page shows of a span: label, offsets and every attribute but the text."""
    out = {"label": s.get("label"), "start": s.get("start"), "end": s.get("end")}
    if with_text:
        out["text"] = s.get("text")
    out.update((k, v) for k, v in s.items() if k not in SPAN_CORE)
    return out


def text_part(text: str | None, spans: list[dict], why_not: str) -> dict:
    """One highlighted text: pieces + spans, or (text unusable) the spans alone with a note."""
    if spans_fit(text, spans):
        return {"t": pieces(text, spans), "s": [page_span(s, False) for s in spans]}
    return {"t": None, "note": why_not, "s": [page_span(s, True) for s in spans]}


def org_names(*span_lists: list[dict]) -> str:
    """Lower-case organisation names (as written and canonical) for the search box."""
    names: dict[str, None] = {}
    for spans in span_lists:
        for s in spans:
            if s.get("label") == "ORG":
                for name in (s.get("canonical"), s.get("text")):
                    if name:
                        names[str(name).lower()] = None
    return " | ".join(names)


def _env():
    from jinja2 import Environment, PackageLoader, select_autoescape

    env = Environment(loader=PackageLoader("pipeline", "templates"),
                      autoescape=select_autoescape(["html", "j2"]), keep_trailing_newline=True)
    return env


def _asset(name: str) -> Markup:
    return Markup(resources.files("pipeline").joinpath("templates", name).read_text(encoding="utf-8"))


def render_page(path: str, template: str, context: dict, doc_lines: Iterable[str], total: int,
                console: Console | None = None, quiet: bool = False, what: str = "review page") -> None:
    """Render `template` to `path`: through `path.part` and a rename (in place for /dev/null).

    `doc_lines` (one JSON document per line, already escaped for <script>) are streamed
    into the page, so no copy of the whole page is ever held in memory."""
    console = console or Console(stderr=True)
    special = is_special(path)
    target = Path(path) if special else part_of(path)
    progress = Progress(TextColumn(what), BarColumn(), MofNCompleteColumn(), console=console,
                        disable=quiet or not console.is_terminal)

    def lines() -> Iterator[Markup]:
        for line in doc_lines:
            yield Markup(line)
            progress.advance(task)

    env = _env()
    ctx = dict(context, doc_lines=lines(), colors=COLORS, short=SHORT, labels=LABELS,
               css=_asset("review.css"), js=_asset("review.js"))
    try:
        with progress, open(target, "w", encoding="utf-8") as fh:
            task = progress.add_task(what, total=total)
            for chunk in env.get_template(template).generate(**ctx):
                fh.write(chunk)
        if not special:
            os.replace(target, path)
    except BaseException:
        if not special:
            target.unlink(missing_ok=True)
        raise


# ---- the extract page --------------------------------------------------------

def read_text(path: str, rec: dict) -> tuple[str | None, str]:
    """The text a record was extracted from, read again (None, and why, when it cannot be)."""
    if path == "-":
        return None, "standard input: the text was not kept; the spans are listed without it"
    try:
        doc = read_document(path)
    except (ReadError, OSError) as exc:
        return None, f"the text cannot be read again ({exc}); the spans are listed without it"
    if rec.get("input") and doc.fingerprint != rec["input"]:
        return None, "the file changed since it was extracted; the spans are listed without it"
    return doc.text, "the text does not match the spans (changed since?); the spans are listed without it"


def extract_doc(rec: dict, text: str | None, why_not: str) -> dict:
    """The page's data for one record (an error record: its message only)."""
    base = {"id": rec.get("id"), "source": rec.get("source"), "lang": rec.get("lang"),
            "published": rec.get("published")}
    if "error" in rec:
        return dict(base, error=rec["error"])
    spans = rec.get("spans") or []
    part = text_part(text, spans, why_not)
    index = {(s["start"], s["end"]): i for i, s in enumerate(spans)}
    facts, sentences = [], {}
    for f in rec.get("facts") or []:
        key = tuple(f.get("span") or ())
        i = index.get(key, -1)
        fact = {"i": i, "org": f.get("org"), "date": f.get("date")}
        if i < 0:  # not a span of the record (a broken record): its offsets at least
            fact.update(start=key[0] if key else None, end=key[1] if len(key) > 1 else None)
        for attr in ("value", "unit", "counted", "qualifier", "predicate"):
            # the figure's own attributes are read from its span; only a difference is kept
            if attr in f and (i < 0 or f[attr] != spans[i].get(attr)):
                fact[attr] = f[attr]
        link = f.get("link")
        fact["link"] = ("; ".join(f"{k}: {v}" for k, v in link.items() if v) if isinstance(link, dict)
                        else "" if link is None else str(link))
        if f.get("sentence") is not None:  # each sentence once per document
            fact["s"] = sentences.setdefault(f["sentence"], len(sentences))
        facts.append(fact)
    return dict(base, text=part, facts=facts, sentences=list(sentences))


def index_row(rec: dict) -> dict:
    if "error" in rec:
        return {"id": rec.get("id"), "source": rec.get("source"), "error": rec["error"], "orgs": ""}
    spans = rec.get("spans") or []
    return {"id": rec.get("id"), "source": rec.get("source"), "lang": rec.get("lang"),
            "published": rec.get("published"), "counts": Counter(s.get("label") for s in spans),
            "facts": len(rec.get("facts") or []), "orgs": org_names(spans)}


class ReviewPage:
    """Collects the records of an `extract` run and writes the review page at the end."""

    def __init__(self, path: str, console: Console | None = None, quiet: bool = False):
        self.path = path
        self.console = console or Console(stderr=True)
        self.quiet = quiet
        folder = None if is_special(path) else str(Path(path).resolve().parent)
        self.spool = tempfile.TemporaryFile("w+", encoding="utf-8", dir=folder, prefix=".review-", suffix=".tmp")
        self.rows: list[dict] = []

    def add(self, path: str, rec: dict) -> None:
        text, why_not = (None, "") if "error" in rec else read_text(path, rec)
        self.spool.write(script_json(extract_doc(rec, text, why_not)) + "\n")
        self.rows.append(dict(index_row(rec), i=len(self.rows)))

    def _lines(self) -> Iterator[str]:
        self.spool.flush()
        self.spool.seek(0)
        for line in self.spool:
            yield line.rstrip("\n")

    def write(self) -> None:
        errors = sum(1 for r in self.rows if r.get("error"))
        totals = Counter()
        for r in self.rows:
            totals.update(r.get("counts") or {})
        context = {"mode": "extract", "title": "csr-facts review",
                   "subtitle": f"{len(self.rows)} documents, {errors} error{'' if errors == 1 else 's'}",
                   "docs": self.rows, "totals": totals,
                   "n_facts": sum(r.get("facts") or 0 for r in self.rows),
                   "meta_json": Markup(script_json({"mode": "extract", "colors": COLORS}))}
        render_page(self.path, "extract.html.j2", context, self._lines(), len(self.rows),
                    self.console, self.quiet)
        if not self.quiet:
            self.console.print(f"review page: {self.path} ({len(self.rows)} documents)", highlight=False)

    def close(self) -> None:
        self.spool.close()

    def finish(self, complete: bool) -> bool:
        """End of the run: write the page if the run completed (else leave any old page as it
        was); False when the page could not be written (said on stderr)."""
        try:
            if not complete:
                if not self.quiet:
                    self.console.print(f"[yellow]review page {self.path} not written: the run did not "
                                       "complete[/yellow]", highlight=False)
                return True
            self.write()
            return True
        except KeyboardInterrupt:
            self.console.print(f"[yellow]interrupted: review page {self.path} not written[/yellow]", highlight=False)
            return False
        except OSError as exc:
            self.console.print(f"[red]error[/red] review page {self.path}: not written ({exc})", highlight=False)
            return False
        finally:
            self.close()


def review_for(args, console: Console) -> ReviewPage | None:
    """The page `extract --html FILE` asks for, or None."""
    path = getattr(args, "html", None)
    return ReviewPage(path, console, quiet=getattr(args, "quiet", False)) if path else None


def write_extract_page(path: str, records: Iterable[tuple[str, dict]], console: Console | None = None,
                       quiet: bool = True) -> None:
    """The extract review page for (input path, record) pairs (API and tests)."""
    page = ReviewPage(path, console, quiet)
    try:
        for src, rec in records:
            page.add(src, rec)
        page.write()
    finally:
        page.close()
