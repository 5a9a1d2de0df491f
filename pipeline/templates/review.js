/* csr-facts review page. Documents are embedded as JSON (one line each, in #csr-docs) and
   drawn only when opened. Offsets are never computed here: Python cut each text into the
   pieces between and inside its spans, so data-start/data-end are the record's offsets
   (Unicode code points), whatever JavaScript's UTF-16 strings make of astral characters. */
(function () {
  "use strict";
  var meta = JSON.parse(document.getElementById("csr-meta").textContent);
  var docsEl = document.getElementById("csr-docs");
  var view = document.getElementById("doc");
  var tip = document.getElementById("tip");
  var search = document.getElementById("search");
  var shown = document.getElementById("shown");
  var rows = Array.prototype.slice.call(document.querySelectorAll("#docs .row[data-i]"));
  var byId = new Map();
  rows.forEach(function (r) { byId.set(r.getAttribute("data-id"), r); });
  var lines = null;
  var current = null;  // {row, data, spans: {side: [span]}}
  var ATTRS = ["value", "unit", "counted", "canonical", "mod", "qualifier", "rule"];

  function docData(i) {
    if (lines === null) lines = docsEl.textContent.split("\n");
    return JSON.parse(lines[i]);
  }

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    if (attrs) Object.keys(attrs).forEach(function (k) { if (attrs[k] !== null && attrs[k] !== undefined) e.setAttribute(k, attrs[k]); });
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }

  function fmt(v) {
    if (v === null || v === undefined) return "–";
    if (typeof v === "object") return JSON.stringify(v);
    return String(v);
  }

  function spanLines(s) {
    var out = [];
    ATTRS.forEach(function (k) { if (Object.prototype.hasOwnProperty.call(s, k)) out.push([k, fmt(s[k])]); });
    out.push(["offsets", s.start + "–" + s.end]);
    if (s.status) out.push(["status", meta.status[s.status] || s.status]);
    (s.mismatch || []).forEach(function (m) { out.push([m[0] + " ≠", "gold " + fmt(m[1]) + " · predicted " + fmt(m[2])]); });
    if (s.overlaps) out.push(["overlaps", s.overlaps]);
    return out;
  }

  function spanTitle(s) {
    return s.label + " · " + spanLines(s).map(function (l) { return l[0] + ": " + l[1]; }).join(" · ");
  }

  function mark(s, side, k, text) {
    var badge = s.label + (s.status === "fp" ? " +" : s.status === "fn" ? " −" : "") + (s.mismatch ? " ≠" : "");
    var m = el("mark", {"class": "ent" + (s.mismatch ? " mm" : ""), tabindex: "0", "data-label": s.label,
      "data-start": s.start, "data-end": s.end, "data-side": side, "data-k": k, "data-status": s.status || null,
      "data-badge": badge, title: spanTitle(s)}, text);
    m.style.setProperty("--c", meta.colors[s.label] || "#ddd");
    return m;
  }

  /* One highlighted text: part.t = [gap, span 0, gap, span 1, ..., gap], part.s = spans. */
  function renderText(part, side, lang) {
    var box = document.createDocumentFragment();
    if (part.t === null) {
      box.appendChild(el("p", {"class": "note"}, part.note));
      var ul = el("ul", {"class": "chips"});
      part.s.forEach(function (s, k) { var li = el("li"); li.appendChild(mark(s, side, k, s.text)); ul.appendChild(li); });
      box.appendChild(ul);
      return box;
    }
    var div = el("div", {"class": "text", lang: lang || null, "data-side": side});
    var frag = document.createDocumentFragment();
    for (var k = 0; k < part.t.length; k++) {
      if (k % 2 === 0) { if (part.t[k]) frag.appendChild(document.createTextNode(part.t[k])); }
      else { var j = (k - 1) / 2; frag.appendChild(mark(part.s[j], side, j, part.t[k])); }
    }
    div.appendChild(frag);
    box.appendChild(div);
    return box;
  }

  function table(cls, head, body) {
    var t = el("table", {"class": cls});
    var tr = el("tr");
    head.forEach(function (h) { tr.appendChild(el("th", {scope: "col"}, h)); });
    t.appendChild(el("thead")).appendChild(tr);
    t.appendChild(body);
    return t;
  }

  function rowFor(cells, start, end, classes) {
    var tr = el("tr", {tabindex: "0", "data-start": start, "data-end": end});
    cells.forEach(function (c, i) { tr.appendChild(el("td", classes && classes[i] ? {"class": classes[i]} : null, c)); });
    return tr;
  }

  function markFigure(start, end, row) {
    view.querySelectorAll("mark.ent.marked").forEach(function (m) { m.classList.remove("marked"); });
    view.querySelectorAll("tr.selected").forEach(function (r) { r.classList.remove("selected"); });
    if (row) row.classList.add("selected");
    var found = view.querySelectorAll('mark.ent[data-start="' + start + '"][data-end="' + end + '"]');
    found.forEach(function (m) { m.classList.add("marked"); });
    if (found.length) found[0].scrollIntoView({block: "center", behavior: "auto"});
    return found.length;
  }

  function header(d) {
    view.appendChild(el("h2", null, d.id));
    var p = el("p", {"class": "meta"});
    [["source", d.source], ["language", d.lang], ["published", d.published]].forEach(function (x) {
      var s = el("span");
      s.appendChild(el("b", null, x[0] + " "));
      s.appendChild(document.createTextNode(fmt(x[1])));
      p.appendChild(s);
    });
    view.appendChild(p);
  }

  function showExtract(d) {
    header(d);
    if (d.error) { view.appendChild(el("p", {"class": "doc-error"}, "error: " + d.error)); return; }
    view.appendChild(renderText(d.text, "extract", d.lang));
    view.appendChild(el("h3", null, d.facts.length + " fact" + (d.facts.length === 1 ? "" : "s")));
    if (!d.facts.length) return;
    var body = el("tbody"), part = d.text;
    d.facts.forEach(function (f) {
      /* a fact names its figure by index; the figure's attributes are its span's unless the fact differs */
      var s = f.i >= 0 ? part.s[f.i] : {start: f.start, end: f.end};
      var figure = f.i < 0 ? null : part.t === null ? s.text : part.t[2 * f.i + 1];
      function attr(k) { return Object.prototype.hasOwnProperty.call(f, k) ? f[k] : s[k]; }
      var tr = rowFor([f.org, figure, fmt(attr("value")), fmt(attr("unit")), fmt(attr("counted")), fmt(f.date), f.link,
        f.s === undefined ? "" : d.sentences[f.s]], s.start, s.end, [null, null, "n", null, null, null, null, "sentence"]);
      var q = attr("qualifier"), pred = attr("predicate");
      if (q || pred) tr.title = (q ? "qualifier: " + q : "") + (q && pred ? " · " : "") + (pred ? "predicate: " + pred : "");
      body.appendChild(tr);
    });
    view.appendChild(table("facts", ["organisation", "figure", "value", "unit", "counted", "date", "link rule", "sentence"], body));
  }

  function showEvaluate(d) {
    header(d);
    if (d.note) view.appendChild(el("p", {"class": "note"}, d.note));
    var sides = el("div", {"class": "sides"});
    [["gold", "Gold"], ["pred", "Prediction"]].forEach(function (x) {
      var col = el("div", {"class": "side"});
      col.appendChild(el("h3", null, x[1]));
      col.appendChild(renderText(d[x[0]], x[0], d.lang));
      sides.appendChild(col);
    });
    view.appendChild(sides);
    var errs = d.fact_errors;
    view.appendChild(el("h3", null, "Facts: " + d.facts_ok + " correct, " + errs.length + " error" + (errs.length === 1 ? "" : "s")));
    if (!errs.length) return;
    var body = el("tbody");
    errs.forEach(function (e) {
      var g = e.gold ? fmt(e.gold.org) + " | " + fmt(e.gold.date) : "–";
      var p = e.pred ? fmt(e.pred.org) + " | " + fmt(e.pred.date) : "–";
      var tr = rowFor([e.kind, e.figure, g, p], e.start, e.end, ["kind kind-" + e.kind.split(" ")[0]]);
      body.appendChild(tr);
    });
    view.appendChild(table("facts fact-errors", ["error", "figure", "gold org | date", "predicted org | date"], body));
  }

  function open(i) {
    var row = rows[i];
    if (!row) return false;
    hideTip();
    if (current && current.row) current.row.classList.remove("current");
    var d = docData(i);
    view.textContent = "";
    current = {row: row, data: d};
    row.classList.add("current");
    view.setAttribute("data-doc", d.id);
    if (meta.mode === "evaluate") showEvaluate(d); else showExtract(d);
    view.scrollTop = 0;
    return true;
  }

  function openId(id) {
    var row = byId.get(id);
    return row ? open(Number(row.getAttribute("data-i"))) : false;
  }

  function fromHash() {
    var h = location.hash;
    if (h.indexOf("#doc=") !== 0) return;
    var id;
    try { id = decodeURIComponent(h.slice(5)); } catch (e) { return; }
    if (!current || current.data.id !== id) openId(id);
  }

  /* Tooltip: one element, filled from the span's data on hover or focus. */
  function spanOf(m) {
    if (!current) return null;
    var d = current.data, side = m.getAttribute("data-side"), k = Number(m.getAttribute("data-k"));
    var part = side === "extract" ? d.text : d[side];
    return part ? part.s[k] : null;
  }

  function showTip(m) {
    var s = spanOf(m);
    if (!s) return;
    tip.textContent = "";
    var lab = el("span", {"class": "tip-label"}, s.label);
    lab.style.setProperty("--c", meta.colors[s.label] || "#ddd");
    tip.appendChild(lab);
    tip.appendChild(el("div", {"class": "tip-text"}, "“" + m.textContent + "”"));
    var t = el("table");
    spanLines(s).forEach(function (l) {
      var tr = el("tr", {"data-key": l[0]});
      tr.appendChild(el("td", null, l[0]));
      tr.appendChild(el("td", null, l[1]));
      t.appendChild(tr);
    });
    tip.appendChild(t);
    tip.hidden = false;
    var r = m.getBoundingClientRect(), w = tip.offsetWidth, h = tip.offsetHeight;
    var left = Math.max(4, Math.min(r.left, window.innerWidth - w - 4));
    var top = r.bottom + 6;
    if (top + h > window.innerHeight - 4) top = Math.max(4, r.top - h - 6);
    tip.style.left = left + "px";
    tip.style.top = top + "px";
  }

  function hideTip() { tip.hidden = true; }

  view.addEventListener("mouseover", function (e) {
    var m = e.target.closest && e.target.closest("mark.ent");
    if (m && view.contains(m)) showTip(m);
  });
  view.addEventListener("mouseout", function (e) {
    var m = e.target.closest && e.target.closest("mark.ent");
    if (m && !(e.relatedTarget && m.contains(e.relatedTarget))) hideTip();
  });
  view.addEventListener("focusin", function (e) {
    if (e.target.matches && e.target.matches("mark.ent")) showTip(e.target);
  });
  view.addEventListener("focusout", hideTip);
  view.addEventListener("scroll", hideTip, {passive: true});

  function activateRow(tr) {
    if (!tr || !tr.hasAttribute("data-start")) return;
    markFigure(tr.getAttribute("data-start"), tr.getAttribute("data-end"), tr);
  }
  view.addEventListener("click", function (e) {
    var tr = e.target.closest && e.target.closest("table.facts tbody tr");
    if (tr) activateRow(tr);
  });
  view.addEventListener("keydown", function (e) {
    if (e.key !== "Enter" && e.key !== " ") return;
    var tr = e.target.closest && e.target.closest("table.facts tbody tr");
    if (tr) { e.preventDefault(); activateRow(tr); }
  });

  document.getElementById("docs").addEventListener("click", function (e) {
    var tr = e.target.closest && e.target.closest(".row[data-i]");
    if (!tr) return;
    if (e.target.closest("a")) return;  // the link sets the hash itself
    location.hash = "#doc=" + encodeURIComponent(tr.getAttribute("data-id"));
  });
  window.addEventListener("hashchange", fromHash);

  function filter() {
    var q = search.value.trim().toLowerCase(), n = 0;
    rows.forEach(function (r) {
      var hit = !q || (r.getAttribute("data-orgs") || "").indexOf(q) !== -1;
      r.hidden = !hit;
      if (hit) n++;
    });
    shown.textContent = n + " of " + rows.length + " documents";
  }
  search.addEventListener("input", filter);

  window.csrReview = {mode: meta.mode, count: rows.length, open: open, openId: openId,
                      markFigure: markFigure, filter: function (q) { search.value = q; filter(); }, ready: true};
  fromHash();
  document.documentElement.setAttribute("data-ready", "1");
})();
