"""The review pages in a real browser: Debian's headless Chromium, driven by Playwright.

Playwright drives the system `chromium` (never `playwright install`: no browser is
downloaded). Skipped when no Chromium is installed; `.ci/run` installs one.

One corpus run (`extract corpus/ ... --html`) feeds every test: the page is checked
against the JSON records element by element, then hover, focus, fact rows, escaping,
console errors, a 2,000-document page, the evaluation page, and the README's screenshot.
"""
import json
import os
import shutil
import time
from collections import Counter

import pytest
from conftest import CORPUS, GOLD, ROOT

from pipeline.cli import evaluate_main, extract_main
from pipeline.review import write_extract_page

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
sync_api = pytest.importorskip("playwright.sync_api", reason="pip install playwright (the test extra)")

pytestmark = [pytest.mark.slow, pytest.mark.browser,
              pytest.mark.skipif(CHROMIUM is None, reason="no chromium on PATH (apt-get install chromium)")]

# A text that must show as text: markup, entities, a closing script tag, astral characters.
TRICKY = (" date 2023-05 😀 <script>window.__pwned = 1</script> &amp; &lt;b&gt;gras&lt;/b&gt; "
          "𝔘𝔫𝔦 Proximus a investi 5 millions d'euros en 2022 </script><!-- pour 1.200 clients.\n")
LOAD_BUDGET_S = 5.0  # the 2,000-document page must be usable within this


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    """extract corpus/ + two odd inputs -> out.jsonl and review.html; evaluate -> eval.html."""
    d = tmp_path_factory.mktemp("review")
    (d / "fr-tricky-markup.txt").write_text(TRICKY, encoding="utf-8")
    (d / "broken.txt").write_bytes(b"\x00\x01binary")
    out, page = d / "out.jsonl", d / "review.html"
    code = extract_main(["--quiet", str(CORPUS), str(d / "fr-tricky-markup.txt"), str(d / "broken.txt"),
                         "-o", str(out), "--html", str(page)])
    assert code == 1  # the binary file is an error record
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    eval_page = d / "eval.html"
    assert evaluate_main([str(GOLD), str(out), "--split", "all", "--html", str(eval_page)]) == 0
    return {"dir": d, "records": records, "page": page, "eval_page": eval_page}


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        yield b
        b.close()


class Page:
    """A page with its console errors and failed requests recorded."""

    def __init__(self, browser, path, width=1400, height=900):
        self.page = browser.new_page(viewport={"width": width, "height": height})
        self.errors = []
        self.requests = []
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", lambda r: r.url.startswith("file:") or self.requests.append(r.url))
        t0 = time.perf_counter()
        self.page.goto(path.as_uri(), wait_until="commit")
        # (no wait_for_function: its polling evaluates strings, which the page's CSP forbids)
        self.page.wait_for_selector("html[data-ready]", state="attached")
        self.load_s = time.perf_counter() - t0

    def open(self, doc_id):
        self.page.click(f'#docs .row[data-id="{doc_id}"] a')
        self.page.wait_for_selector(f'#doc[data-doc="{doc_id}"]', state="attached")

    def close(self):
        assert self.errors == [], self.errors
        assert self.requests == [], self.requests
        self.page.close()


SPANS_OF_ALL = """() => {
  const out = [];
  for (let i = 0; i < window.csrReview.count; i++) {
    window.csrReview.open(i);
    const text = document.querySelector('#doc .text');
    out.push({id: document.querySelector('#doc h2').textContent,
              text: text ? text.textContent : null,
              error: (document.querySelector('#doc .doc-error') || {}).textContent || null,
              facts: document.querySelectorAll('#doc table.facts tbody tr').length,
              marks: Array.from(document.querySelectorAll('#doc mark.ent')).map(m =>
                [m.dataset.label, Number(m.dataset.start), Number(m.dataset.end), m.textContent])});
  }
  return out;
}"""


def test_page_matches_the_json(run, browser):
    """Every document: one element per span, same label, offsets and text; the text itself intact."""
    pg = Page(browser, run["page"])
    assert pg.page.locator("#doc mark.ent").count() == 0  # nothing drawn before a document is opened
    shown = pg.page.evaluate(SPANS_OF_ALL)
    recs = run["records"]
    assert [d["id"] for d in shown] == [r["id"] for r in recs]
    for d, rec in zip(shown, recs, strict=True):
        if "error" in rec:
            assert d["marks"] == [] and rec["error"] in d["error"]
            continue
        assert Counter(m[0] for m in d["marks"]) == Counter(s["label"] for s in rec["spans"]), rec["id"]
        assert d["marks"] == [[s["label"], s["start"], s["end"], s["text"]] for s in rec["spans"]], rec["id"]
        text = (ROOT / rec["source"]).read_text(encoding="utf-8") if not os.path.isabs(rec["source"]) else \
            open(rec["source"], encoding="utf-8").read()
        assert d["text"] == text.lstrip("\ufeff")
        assert d["facts"] == len(rec["facts"])
    assert pg.page.locator("#docs .row.error").count() == 1
    pg.close()


def test_hover_and_focus_show_the_value(run, browser):
    rec = next(r for r in run["records"] if r["id"] == "fr-tricky-markup")
    money = next(s for s in rec["spans"] if s["label"] in ("QUANTITY", "MONEY", "PERCENT"))
    pg = Page(browser, run["page"])
    pg.open(rec["id"])
    sel = f'#doc mark.ent[data-start="{money["start"]}"][data-end="{money["end"]}"]'
    assert f"value: {money['value']}" in pg.page.get_attribute(sel, "title")
    pg.page.hover(sel)
    tip = pg.page.locator("#tip")
    assert tip.is_visible()
    assert tip.locator('tr[data-key="value"] td').nth(1).text_content() == str(money["value"])
    assert tip.locator('tr[data-key="unit"] td').nth(1).text_content() == (money["unit"] or "–")
    assert tip.locator('tr[data-key="rule"] td').nth(1).text_content() == money["rule"]
    pg.page.mouse.move(1, 1)
    assert not tip.is_visible()
    org = next(s for s in rec["spans"] if s["label"] == "ORG")
    pg.page.focus(f'#doc mark.ent[data-start="{org["start"]}"]')  # keyboard users get it too
    assert tip.is_visible() and org["canonical"] in tip.text_content()
    pg.close()


def test_fact_row_marks_its_figure(run, browser):
    rec = max(run["records"], key=lambda r: len(r.get("facts") or []))
    pg = Page(browser, run["page"], height=600)
    pg.open(rec["id"])
    rows = pg.page.locator("#doc table.facts tbody tr")
    assert rows.count() == len(rec["facts"])
    for n in (0, len(rec["facts"]) - 1):
        fact = rec["facts"][n]
        rows.nth(n).click()
        mark = pg.page.locator(f'#doc mark.ent[data-start="{fact["span"][0]}"][data-end="{fact["span"][1]}"]')
        assert "marked" in mark.get_attribute("class")
        assert pg.page.locator("#doc mark.ent.marked").count() == 1
        box, view = mark.bounding_box(), pg.page.locator("#doc").bounding_box()
        assert view["y"] <= box["y"] and box["y"] + box["height"] <= view["y"] + view["height"]  # scrolled to it
    rows.nth(0).focus()
    pg.page.keyboard.press("Enter")
    assert pg.page.locator(f'#doc mark.ent.marked[data-start="{rec["facts"][0]["span"][0]}"]').count() == 1
    pg.close()


def test_markup_in_a_text_is_text(run, browser):
    pg = Page(browser, run["page"])
    pg.open("fr-tricky-markup")
    assert pg.page.locator("#doc .text").text_content() == TRICKY
    assert pg.page.locator("#doc script").count() == 0
    assert pg.page.locator("#doc .text *:not(mark)").count() == 0  # only our highlights inside the text
    assert pg.page.evaluate("window.__pwned") is None
    html = run["page"].read_text(encoding="utf-8")
    assert html.count("</script>") == 3  # the page's own: none came from a text
    pg.close()


def test_search_filters_by_organisation(run, browser):
    pg = Page(browser, run["page"])
    pg.page.fill("#search", "proximus")
    visible = pg.page.locator("#docs .row[data-i]:not([hidden])")
    with_org = [r["id"] for r in run["records"] if any(
        s["label"] == "ORG" and "proximus" in (s["text"] + " " + str(s.get("canonical"))).lower()
        for s in r.get("spans", []))]
    assert 0 < visible.count() == len(with_org) < len(run["records"])
    assert sorted(visible.evaluate_all("rows => rows.map(r => r.dataset.id)")) == sorted(with_org)
    pg.page.fill("#search", "")
    assert visible.count() == len(run["records"])
    pg.close()


def test_evaluation_page(run, browser):
    """Gold and prediction marks equal the records; statuses as the set comparison says."""
    gold = {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in GOLD.glob("*.json") if p.name != "splits.json"}
    preds = {r["id"]: r for r in run["records"]}
    pg = Page(browser, run["eval_page"])
    assert pg.page.locator("table.scores tbody tr").count() == 6  # five labels and micro
    assert pg.page.locator(".legend mark[data-status='fp']").count() == 1
    for doc_id in sorted(gold)[:: max(1, len(gold) // 12)]:
        pg.open(doc_id)
        g, p = gold[doc_id], preds[doc_id]
        gkeys = {(s["start"], s["end"], s["label"]) for s in g["spans"]}
        pkeys = {(s["start"], s["end"], s["label"]) for s in p["spans"]}
        for side, spans, other, miss in (("gold", g["spans"], pkeys, "fn"), ("pred", p["spans"], gkeys, "fp")):
            marks = pg.page.locator(f'#doc mark.ent[data-side="{side}"]').evaluate_all(
                "ms => ms.map(m => [m.dataset.label, +m.dataset.start, +m.dataset.end, m.textContent, m.dataset.status])")
            assert marks == [[s["label"], s["start"], s["end"], s["text"],
                              "tp" if (s["start"], s["end"], s["label"]) in other else miss] for s in spans]
    errors = pg.page.locator("#doc table.fact-errors tbody tr")
    if errors.count():
        errors.nth(0).click()
        assert pg.page.locator("#doc mark.ent.marked").count() >= 1
    pg.close()


def test_two_thousand_documents(run, browser, tmp_path):
    """2,000 documents (the corpus replicated): interactive within a few seconds."""
    ok = [r for r in run["records"] if "error" not in r]
    pairs = []
    for n in range(2000):
        rec = ok[n % len(ok)]
        pairs.append((rec["source"], dict(rec, id=f"{rec['id']}-{n:04d}")))
    pairs.append(("-", dict(ok[0], id="from-stdin")))  # no text: its spans as a list
    page = tmp_path / "big.html"
    t0 = time.perf_counter()
    write_extract_page(str(page), pairs)
    write_s = time.perf_counter() - t0
    pg = Page(browser, page)
    t1 = time.perf_counter()
    last = pairs[1999][1]
    pg.open(last["id"])
    pg.page.locator("#doc table.facts tbody tr").nth(0).click()
    pg.page.fill("#search", "proximus")
    interactive_s = pg.load_s + time.perf_counter() - t1
    marks = pg.page.locator("#doc mark.ent").evaluate_all("ms => ms.map(m => [+m.dataset.start, +m.dataset.end])")
    assert marks == [[s["start"], s["end"]] for s in last["spans"]]
    pg.page.fill("#search", "")
    pg.open("from-stdin")
    assert pg.page.locator("#doc .note").count() == 1
    assert pg.page.locator("#doc mark.ent").count() == len(ok[0]["spans"])
    nodes = pg.page.evaluate("document.getElementsByTagName('*').length")
    assert nodes < 15 * 2001 + 2000  # the index rows and one document, not 2,000 texts
    print(f"\n2,000-document page: {page.stat().st_size / 1e6:.1f} MB written in {write_s:.1f} s; "
          f"ready in {pg.load_s:.2f} s, interactive (open, click, filter) in {interactive_s:.2f} s; {nodes} elements")
    assert interactive_s < LOAD_BUDGET_S
    pg.close()


def test_screenshot_for_the_readme(run, browser):
    """docs/review.png: a short document with its facts, a fact selected, a tooltip shown."""
    def length(r):
        return len(open(r["source"], encoding="utf-8").read()) if os.path.isabs(r["source"]) else 10**9
    en = [r for r in run["records"] if r.get("lang") == "en" and len(r.get("facts") or []) >= 3
          and str(CORPUS) in r["source"]]
    rec = min(en, key=length)
    pg = Page(browser, run["page"], width=1400, height=860)
    pg.open(rec["id"])
    pg.page.locator("#doc table.facts tbody tr").nth(1).click()
    fact = rec["facts"][1]
    pg.page.hover(f'#doc mark.ent[data-start="{fact["span"][0]}"]')
    pg.page.wait_for_timeout(2600)  # let the highlight's pulse end
    pg.page.screenshot(path=str(ROOT / "docs" / "review.png"))
    assert (ROOT / "docs" / "review.png").stat().st_size > 10_000
    pg.close()
