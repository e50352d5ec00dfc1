/* Vejviser search page. No dependencies, no cookies, no storage, nothing in the URL.
 * The engine (search-engine.js) and the index (soeg/index.json) are fetched when the
 * search field is first used.
 */
(function () {
  "use strict";

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    for (var k in attrs || {}) e.setAttribute(k, attrs[k]);
    if (text !== undefined) e.textContent = text;
    return e;
  }

  // The summary with matched words in <mark>, built as DOM nodes (never innerHTML).
  function highlighted(eng, text, words) {
    var p = el("p", { "class": "search-snippet" }), set = new Set(words);
    var parts = text.split(/([^\p{Alphabetic}\p{N}]+)/u);
    for (var part of parts) {
      if (part && set.has(eng.fold(part.toLowerCase()))) p.appendChild(el("mark", {}, part));
      else p.appendChild(document.createTextNode(part));
    }
    return p;
  }

  // Results shown at first and per "show more".
  var PAGE = 20;

  var FACETS = {
    praksis: ["focus_area", "municipality", "criterion", "target_group"],
    partnere: ["audience", "violence_form", "anonymous", "free"]
  };

  function init() {
    var root = document.querySelector("[data-search-root]");
    if (!root) return;
    var t = JSON.parse(root.getAttribute("data-strings"));
    var indexUrl = root.getAttribute("data-index");
    var form = el("form", { role: "search", "class": "search-form" });
    var label = el("label", { "for": "q" }, t.label);
    var input = el("input", { id: "q", type: "search", autocomplete: "off", spellcheck: "false",
      "aria-describedby": "search-hint", enterkeyhint: "search" });
    var hint = el("p", { id: "search-hint", "class": "note" }, t.hint);
    var status = el("p", { "class": "search-status", role: "status", "aria-live": "polite" });
    var facetBox = el("div", { "class": "search-facets" });
    // Results first; the filters fold away under them (most people never need them).
    var filters = el("details", { "class": "search-filters" });
    filters.append(el("summary", {}, t.filters), facetBox);
    filters.hidden = true;
    var list = el("ol", { "class": "search-results" });
    var more = el("button", { type: "button", "class": "search-more" }, t.more);
    more.hidden = true;
    form.append(label, input, hint);
    root.prepend(form);
    root.append(status, list, more, filters);
    form.addEventListener("submit", function (e) { e.preventDefault(); run(false); });

    // Another language's search page searches its own pages first, then offers the
    // Danish results below them (most of the site is Danish only).
    var fallbackUrl = root.getAttribute("data-fallback-index");
    var other = null, otherStatus = null, otherList = null;
    if (fallbackUrl) {
      other = el("section", { "class": "search-other", "aria-labelledby": "search-other-h" });
      otherStatus = el("p", { "class": "search-status" });
      otherList = el("ol", { "class": "search-results", lang: "da", dir: "ltr" });
      other.append(el("h2", { id: "search-other-h" }, t.fallback), otherStatus, otherList);
      other.hidden = true;
      root.append(other);
    }

    var script = null;
    function engineScript() {
      if (!script) {
        script = new Promise(function (resolve, reject) {
          var tag = el("script", { src: root.getAttribute("data-engine") });
          tag.onload = function () { resolve(self.VejviserSearch); };
          tag.onerror = reject;
          document.head.appendChild(tag);
        });
      }
      return script;
    }
    // An engine over the index at `url`: the engine script and the index fetched side by side.
    // Without credentials: cookies that a host sets on the same domain (a municipality's
    // own site) never travel with the files a search asks for, which tell what is typed.
    // It costs those fetches a connection of their own; in Chromium over HTTP/2 on
    // loopback the cold query measured the same either way (2026-12-03).
    function loader(url) {
      var dir = url.replace(/[^/]*$/, ""), loading = null;
      return function () {
        if (!loading) {
          var index = fetch(url, { credentials: "omit", cache: "default" }).then(function (r) { return r.json(); });
          loading = Promise.all([engineScript(), index]).then(function (got) {
            return new got[0].Engine(got[1], function (file) {
              return fetch(dir + file, { credentials: "omit" }).then(function (r) { return r.json(); });
            });
          });
        }
        return loading;
      };
    }
    var engine = null, active = new Map(), seq = 0, own = loader(indexUrl);
    var danish = fallbackUrl ? loader(fallbackUrl) : null;
    function ready() { return own().then(function (e) { engine = e; return e; }); }
    input.addEventListener("focus", ready, { once: true });
    var timer = null;
    input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(function () { run(false); }, 80); });

    // A first page needs only the best postings of the words typed; every result is loaded
    // for "show more" and for the filters, whose counts must be exact.
    var current = null;
    filters.addEventListener("toggle", function () {
      if (!filters.open || !current) return;
      if (current.values) renderFacets(engine, current); else run(false);
    });
    function filtering() {
      for (var vals of active.values()) if (vals.size) return true;
      return false;
    }
    // Every result, the active filters applied, with the facet values of the keys shown.
    function everything(eng, q) {
      return eng.top(q, 0).then(function (res) {
        var keys = [], sections = new Set(res.hits.map(function (r) { return eng.section(r.doc); }));
        for (var sec in FACETS) if (sections.has(sec)) keys.push.apply(keys, FACETS[sec]);
        var load = keys.slice();
        for (var [key, vals] of active) if (vals.size && load.indexOf(key) < 0) load.push(key);
        return Promise.all(load.map(function (k) { return eng.facets(k); })).then(function (got) {
          var values = new Map(load.map(function (k, i) { return [k, got[i]]; }));
          var shown = res.hits.filter(function (r) {
            for (var [key, vals] of active) {
              if (vals.size && !values.get(key).some(function (v) { return vals.has(v[0]) && v[2].has(r.doc); })) return false;
            }
            return true;
          });
          return { hits: shown, all: res.hits, complete: true, count: shown.length, values: values, keys: keys };
        });
      });
    }
    // Facet changes re-run the search without rebuilding the facet list, so keyboard focus
    // stays on the checkbox just toggled (the counts depend only on the words typed).
    function run(keepFacets) {
      var q = input.value, my = ++seq;
      if (!q.trim()) {
        current = null; list.replaceChildren(); more.hidden = true; facetBox.replaceChildren(); filters.hidden = true; status.textContent = "";
        if (other) other.hidden = true;
        return;
      }
      ready().then(function (eng) {
        return (filtering() || filters.open ? everything(eng, q) : eng.top(q, PAGE)).then(function (res) {
          if (my !== seq) return;
          // Titles and summaries are fetched for the results shown only: a first page of
          // PAGE, then PAGE more per press of the button.
          return eng.docs(res.hits.slice(0, PAGE).map(function (r) { return r.doc; })).then(function (meta) {
            if (my !== seq) return;
            current = res;
            render(eng, q, res, meta, keepFacets === true);
            if (danish) runDanish(q, my);
          });
        });
      });
    }

    // The first Danish results, below the language's own.
    function runDanish(q, my) {
      danish().then(function (eng) {
        return eng.top(q, PAGE / 2).then(function (res) {
          var top = res.hits.slice(0, PAGE / 2);
          return eng.docs(top.map(function (r) { return r.doc; })).then(function (meta) {
            if (my !== seq) return;
            otherStatus.textContent = top.length ? "" : t.fallback_none;
            otherList.replaceChildren();
            top.forEach(function (r, k) { otherList.appendChild(resultItem(eng, r, meta[k])); });
            other.hidden = false;
          });
        });
      });
    }

    function resultItem(eng, r, d) {
      var li = el("li");
      var h = el("h2", { "class": "search-title" });
      h.appendChild(el("a", { href: d[1] }, d[0]));
      var section = eng.section(r.doc);
      li.append(h, el("p", { "class": "search-section" }, eng.ix.sectionLabels[section] || section), highlighted(eng, d[2], r.words));
      return li;
    }

    function announce(res) {
      var n = res.complete ? res.count : res.atLeast;
      status.textContent = !res.complete ? t.at_least.replace("{n}", n) : n === 0 ? t.none : n === 1 ? t.one : t.many.replace("{n}", n);
    }

    function render(eng, q, res, meta, keepFacets) {
      announce(res);
      // No results: show the danger box and the ways to help instead of an empty page.
      var fallback = document.querySelector("[data-search-fallback]");
      if (fallback) fallback.hidden = res.hits.length !== 0;
      list.replaceChildren();
      res.hits.slice(0, PAGE).forEach(function (r, k) { list.appendChild(resultItem(eng, r, meta[k])); });
      more.hidden = res.complete && res.hits.length <= PAGE;
      more.onclick = function () {
        var from = list.children.length, my = seq;
        more.disabled = true;
        (res.complete ? Promise.resolve(res) : everything(eng, q)).then(function (full) {
          if (my !== seq) return;
          if (!res.complete) { res = current = full; announce(full); }
          var next = full.hits.slice(from, from + PAGE);
          return eng.docs(next.map(function (r) { return r.doc; })).then(function (meta2) {
            more.disabled = false;
            if (my !== seq) return;
            next.forEach(function (r, k) { list.appendChild(resultItem(eng, r, meta2[k])); });
            more.hidden = list.children.length >= full.hits.length;
            // Keyboard and screen-reader users continue at the first new result.
            var first = list.children[from] && list.children[from].querySelector("a");
            if (first) first.focus();
          });
        });
      };
      if (!keepFacets) renderFacets(eng, res);
    }

    function renderFacets(eng, res) {
      var ix = eng.ix;
      facetBox.replaceChildren();
      // Until the filters are opened, their counts are not loaded.
      filters.hidden = res.hits.length === 0 || !ix.facetFiles.length || (res.keys && !res.keys.length);
      if (!res.values) return;
      var all = new Set(res.all.map(function (r) { return r.doc; }));
      for (var key of res.keys) {
        var rows = [];
        res.values.get(key).forEach(function (v, j) {
          var c = 0;
          for (var d of v[2]) if (all.has(d)) c++;
          if (c) rows.push([v, j, c]);
        });
        if (!rows.length) continue;
        var fs = el("fieldset"), legend = ix.facetKeys.find(function (k) { return k[0] === key; });
        fs.appendChild(el("legend", {}, legend ? legend[1] : key));
        rows.forEach(function (row) {
          var val = row[0][0], id = "f-" + key + "-" + row[1];
          var box = el("input", { type: "checkbox", id: id });
          box.checked = !!(active.get(key) && active.get(key).has(val));
          box.addEventListener("change", (function (key, val) {
            return function (e) {
              if (!active.has(key)) active.set(key, new Set());
              if (e.target.checked) active.get(key).add(val); else active.get(key).delete(val);
              run(true);
            };
          })(key, val));
          var lab = el("label", { "for": id }, row[0][1] + " (" + row[2] + ")");
          var line = el("div", { "class": "facet" });
          line.append(box, lab);
          fs.appendChild(line);
        });
        facetBox.appendChild(fs);
      }
    }
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
