/* Vejviser search client. No dependencies, no cookies, no storage, nothing in the URL.
 *
 * The engine half (plan + rank) mirrors src/search/plan.rs and SearchIndex::query exactly:
 * the same vocabulary, constants and scores come from soeg/index.json, so the browser
 * ranks like `vejviser search`. The engine runs in node too (tests/js/parity.mjs).
 */
(function () {
  "use strict";

  // Letters (with Arabic vowel marks) and digits: Rust's char::is_alphanumeric.
  var WORD_SPLIT = /[^\p{Alphabetic}\p{N}]+/u;

  // The folding rule comes with each language's index (src/fold.rs).
  function foldWith(table, w) {
    var out = "";
    for (var c of w) out += table[c] !== undefined ? table[c] : c;
    return out;
  }
  function loose(f) {
    return f.split("aa").join("a").split("ae").join("a").split("oe").join("o");
  }
  function words(text) {
    return text.split(WORD_SPLIT).filter(Boolean).map(function (w) { return w.toLowerCase(); });
  }
  function len(s) { return [...s].length; }
  function cmp(a, b) { return a < b ? -1 : a > b ? 1 : 0; }

  // Optimal string alignment distance, giving up above max (analyze.rs edit_distance).
  function editDistance(a, b, max) {
    a = [...a]; b = [...b];
    if (Math.abs(a.length - b.length) > max) return -1;
    var n = b.length, prev2 = new Array(n + 1).fill(0), prev = [], cur = new Array(n + 1).fill(0);
    for (var j = 0; j <= n; j++) prev.push(j);
    for (var i = 1; i <= a.length; i++) {
      cur[0] = i;
      var rowMin = cur[0];
      for (j = 1; j <= n; j++) {
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        var v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
        cur[j] = v;
        if (v < rowMin) rowMin = v;
      }
      if (rowMin > max) return -1;
      var t = prev2; prev2 = prev; prev = cur; cur = t;
    }
    return prev[n] <= max ? prev[n] : -1;
  }

  /* ---------- engine ---------- */

  function Engine(index, fetchJson) {
    this.ix = index;
    this.foldTable = index.fold || {};
    this.prefixes = index.prefixes || [];
    this.fetchJson = fetchJson;
    this.W = index.weights;
    this.surfaces = index.surfaces ? index.surfaces.split(" ") : [];
    // Term ids are stored as differences from the previous surface's.
    this.st = [];
    for (var t = 0, j = 0; j < index.st.length; j++) { t += index.st[j]; this.st.push(t); }
    this.stop = new Set(index.stopwords);
    this.surfaceId = new Map();
    this.looseIds = new Map();
    for (var i = 0; i < this.surfaces.length; i++) {
      var s = this.surfaces[i];
      this.surfaceId.set(s, i);
      var k = loose(s);
      if (!this.looseIds.has(k)) this.looseIds.set(k, []);
      this.looseIds.get(k).push(i);
    }
    this.looseSorted = this.surfaces.map(function (s, i) { return [loose(s), i]; })
      .sort(function (a, b) { return cmp(a[0], b[0]) || (a[1] - b[1]); });
    this.postings = new Map(); // term id -> Map(doc -> score int)
    this.docChunks = new Map(); // chunk number -> Promise of [[title, url, summary], ...]
    this.shardCache = new Map();
  }

  Engine.prototype.fold = function (w) { return foldWith(this.foldTable, w); };

  Engine.prototype.termOfSurface = function (s) {
    var id = this.surfaceId.get(s);
    return id === undefined ? undefined : this.st[id];
  };

  Engine.prototype.queryWords = function (q) {
    var self = this;
    var ws = words(q).map(function (w) { return self.fold(w); }).filter(function (w) { return !self.stop.has(w); });
    return { ws: ws, typing: !/\s$/u.test(q) };
  };

  function pushAlt(alts, terms, weight, ws) {
    terms = Array.from(new Set(terms)).sort(function (a, b) { return a - b; });
    var key = terms.join(",");
    for (var a of alts) {
      if (a.key === key) {
        if (weight > a.weight) a.weight = weight;
        for (var w of ws) if (a.words.indexOf(w) < 0) a.words.push(w);
        return;
      }
    }
    alts.push({ key: key, terms: terms, weight: weight, words: ws.slice() });
  }

  Engine.prototype.capped = function (ids) {
    var S = this.surfaces;
    ids.sort(function (a, b) { return (len(S[a]) - len(S[b])) || cmp(S[a], S[b]); });
    return ids.slice(0, this.W.cap);
  };

  Engine.prototype.plan = function (q) {
    var qw = this.queryWords(q), ws = qw.ws, slots = [], i = 0;
    while (i < ws.length) {
      var last = i + 1 === ws.length && qw.typing;
      var syn = this.synonymSlot(ws.slice(i));
      if (syn) {
        // A one-word synonym keeps the word's own reach (inflections, typos, prefixes).
        if (syn.len === 1) for (var a of this.wordSlot(ws[i], last).alts) pushAlt(syn.slot.alts, a.terms, a.weight, a.words);
        slots.push(syn.slot); i += syn.len; continue;
      }
      slots.push(this.wordSlot(ws[i], last));
      i += 1;
    }
    return slots;
  };

  Engine.prototype.synonymSlot = function (rest) {
    var groups = this.ix.synonyms, best = null;
    for (var g = 0; g < groups.length; g++) {
      for (var m of groups[g]) {
        if (m.length && m.length <= rest.length && m.every(function (w, k) { return rest[k] === w; }) &&
            (best === null || m.length > best.len)) best = { len: m.length, g: g };
      }
    }
    if (!best) return null;
    var typed = rest.slice(0, best.len), alts = [], self = this;
    for (var mem of groups[best.g]) {
      var found = mem.map(function (w) { return self.memberTerm(w); });
      if (found.some(function (f) { return f === undefined; })) continue;
      var terms = found.map(function (f) { return f[0]; });
      var same = mem.length === typed.length && mem.every(function (w, k) { return typed[k] === w; });
      pushAlt(alts, terms, same ? this.W.exact : this.W.synonym, found.map(function (f) { return f[1]; }));
    }
    // No member is in this corpus: the words are planned one by one instead.
    if (!alts.length) return null;
    return { len: best.len, slot: { text: typed.join(" "), alts: alts } };
  };

  // [term, surface] of a synonym member's word, or of the word with a prefix written onto
  // it (plan.rs member_term).
  Engine.prototype.memberTerm = function (w) {
    var forms = [w].concat(this.prefixes.map(function (p) { return p + w; }));
    for (var f of forms) { var t = this.termOfSurface(f); if (t !== undefined) return [t, f]; }
    return undefined;
  };

  Engine.prototype.wordSlot = function (w, typing) {
    var W = this.W, S = this.surfaces, alts = [], n = len(w), self = this, id, ids;
    function addSurface(id, weight) { pushAlt(alts, [self.st[id]], weight, [S[id]]); }
    id = this.surfaceId.get(w);
    if (id !== undefined) addSurface(id, W.exact);
    for (var suf of this.ix.suffixes) {
      if (w.endsWith(suf)) {
        var base = w.slice(0, w.length - suf.length);
        if (len(base) >= 3 && this.surfaceId.has(base)) addSurface(this.surfaceId.get(base), W.suffix);
      }
    }
    // The word with or without a prefix written onto it (Arabic "ال", "و", …).
    for (var pre of this.prefixes) {
      if (w.startsWith(pre)) {
        var bare = w.slice(pre.length);
        if (len(bare) >= 3 && this.surfaceId.has(bare)) addSurface(this.surfaceId.get(bare), W.suffix);
      }
      if (this.surfaceId.has(pre + w)) addSurface(this.surfaceId.get(pre + w), W.suffix);
    }
    for (id of this.looseIds.get(loose(w)) || []) addSurface(id, W.loose);
    if (alts.length === 0 && n >= 6) {
      var parts = this.splitCompound(w);
      if (parts) {
        pushAlt(alts, parts.map(function (p) { return self.termOfSurface(p); })
          .filter(function (t) { return t !== undefined; }), W.split, parts);
      }
    }
    if (n >= 3 || (typing && n >= 2)) {
      var lo = 0, hi = S.length;
      while (lo < hi) { var mid = (lo + hi) >> 1; if (S[mid] < w) lo = mid + 1; else hi = mid; }
      ids = [];
      for (var k = lo; k < S.length && S[k].startsWith(w); k++) if (S[k] !== w) ids.push(k);
      for (id of this.capped(ids)) addSurface(id, typing ? W.prefix_last : W.prefix);
      // The same typed without the Danish letters ("voldsudov" → "voldsudøver").
      var lw = loose(w), L = this.looseSorted;
      lo = 0; hi = L.length;
      while (lo < hi) { mid = (lo + hi) >> 1; if (L[mid][0] < lw) lo = mid + 1; else hi = mid; }
      ids = [];
      for (k = lo; k < L.length && L[k][0].startsWith(lw); k++) {
        if (L[k][0] !== lw && !S[L[k][1]].startsWith(w)) ids.push(L[k][1]);
      }
      for (id of this.capped(ids)) addSurface(id, Math.fround((typing ? W.prefix_last : W.prefix) * W.loose));
    }
    if (n >= 4) {
      ids = [];
      for (k = 0; k < S.length; k++) if (len(S[k]) >= n + 3 && S[k].endsWith(w)) ids.push(k);
      for (id of this.capped(ids)) addSurface(id, W.tail);
    }
    if (n >= 5) {
      var max = n >= 9 ? 2 : 1, found = [];
      for (k = 0; k < S.length; k++) {
        if (S[k] === w) continue;
        var d = editDistance(w, S[k], max);
        if (d >= 0) found.push([d, k]);
      }
      found.sort(function (a, b) { return (a[0] - b[0]) || cmp(S[a[1]], S[b[1]]); });
      for (var f of found.slice(0, W.cap)) addSurface(f[1], f[0] === 1 ? W.fuzzy1 : W.fuzzy2);
    }
    return { text: w, alts: alts };
  };

  Engine.prototype.splitCompound = function (w) {
    var chars = [...w];
    for (var k = chars.length - 3; k >= 3; k--) {
      var head = chars.slice(0, k).join(""), tail = chars.slice(k).join("");
      if (!this.surfaceId.has(tail)) continue;
      if (this.surfaceId.has(head)) return [head, tail];
      var last = head[head.length - 1];
      if (last === "s" || last === "e") {
        var h = head.slice(0, -1);
        if (len(h) >= 3 && this.surfaceId.has(h)) return [h, tail];
      }
    }
    return null;
  };

  // Fetch the posting shards holding `terms` (each shard once).
  Engine.prototype.load = function (terms) {
    var self = this, shards = this.ix.shards, need = new Map();
    for (var t of terms) {
      if (this.postings.has(t)) continue;
      var s = 0;
      while (s + 1 < shards.length && shards[s + 1][0] <= t) s++;
      need.set(s, true);
    }
    return Promise.all(Array.from(need.keys()).map(function (s) {
      if (!self.shardCache.has(s)) {
        self.shardCache.set(s, self.fetchJson(shards[s][1]).then(function (data) {
          data.p.forEach(function (flat, k) {
            var m = new Map(), doc = 0;
            for (var i = 0; i < flat.length; i += 2) { doc += flat[i]; m.set(doc, flat[i + 1]); }
            self.postings.set(shards[s][0] + k, m);
          });
        }));
      }
      return self.shardCache.get(s);
    }));
  };

  // [title, url, summary] of documents, fetching the chunks that hold them.
  Engine.prototype.docs = function (ids) {
    var self = this, size = this.ix.docChunk;
    return Promise.all(ids.map(function (d) {
      var c = Math.floor(d / size);
      if (!self.docChunks.has(c)) self.docChunks.set(c, self.fetchJson(self.ix.docChunks[c]));
      return self.docChunks.get(c).then(function (rows) { return rows[d % size]; });
    }));
  };

  function slotScores(self, slot) {
    var best = new Map();
    for (var a of slot.alts) {
      var lists = a.terms.map(function (t) { return self.postings.get(t) || new Map(); });
      lists.sort(function (x, y) { return x.size - y.size; });
      for (var [doc] of lists[0]) {
        var sum = 0, all = true;
        for (var l of lists) { var v = l.get(doc); if (v === undefined) { all = false; break; } sum += v / 1000; }
        if (!all) continue;
        var score = a.weight * sum;
        if (!best.has(doc) || score > best.get(doc)) best.set(doc, score);
      }
    }
    return best;
  }

  // Ranked [{doc, score, words}] for a query: all slots must match, else any may.
  Engine.prototype.search = function (q, filter) {
    var self = this, slots = this.plan(q);
    if (!slots.length) return Promise.resolve([]);
    var terms = [];
    for (var s of slots) for (var a of s.alts) terms.push.apply(terms, a.terms);
    return this.load(terms).then(function () {
      var per = slots.filter(function (s) { return s.alts.length; }).map(function (s) { return slotScores(self, s); });
      var total = new Map();
      var modes = slots.some(function (s) { return !s.alts.length; }) ? ["any"] : ["all", "any"];
      for (var mode of modes) {
        total = new Map();
        if (!per.length) break;
        var counts = new Map();
        for (var m of per) for (var [doc, sc] of m) {
          if (filter && !filter(doc)) continue;
          total.set(doc, (total.get(doc) || 0) + sc);
          counts.set(doc, (counts.get(doc) || 0) + 1);
        }
        if (mode === "all") for (var d of Array.from(total.keys())) if (counts.get(d) !== per.length) total.delete(d);
        if (total.size) break;
      }
      var words = [];
      for (s of slots) for (a of s.alts) words.push.apply(words, a.words);
      return Array.from(total, function (e) { return { doc: e[0], score: Math.round(e[1] * 1000) / 1000 }; })
        .sort(function (x, y) { return (y.score - x.score) || (x.doc - y.doc); })
        .map(function (r) { r.words = words; return r; });
    });
  };

  /* ---------- page ---------- */

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    for (var k in attrs || {}) e.setAttribute(k, attrs[k]);
    if (text !== undefined) e.textContent = text;
    return e;
  }

  // The summary with matched words in <mark>, built as DOM nodes (never innerHTML).
  function highlighted(engine, text, words) {
    var p = el("p", { "class": "search-snippet" }), set = new Set(words);
    var parts = text.split(/([^\p{Alphabetic}\p{N}]+)/u);
    for (var part of parts) {
      if (part && set.has(engine.fold(part.toLowerCase()))) p.appendChild(el("mark", {}, part));
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

    function loader(url) {
      var dir = url.replace(/[^/]*$/, ""), loading = null;
      return function () {
        if (!loading) {
          loading = fetch(url, { credentials: "omit", cache: "default" }).then(function (r) { return r.json(); })
            .then(function (ix) {
              return new Engine(ix, function (file) {
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

    function docFacets(ix, d) { return ix.docs[d][1]; }
    // Facet changes re-run the search without rebuilding the facet list, so keyboard focus
    // stays on the checkbox just toggled (the counts depend only on the words typed).
    function run(keepFacets) {
      var q = input.value, my = ++seq;
      if (!q.trim()) {
        list.replaceChildren(); more.hidden = true; facetBox.replaceChildren(); filters.hidden = true; status.textContent = "";
        if (other) other.hidden = true;
        return;
      }
      ready().then(function (eng) {
        var ix = eng.ix;
        return eng.search(q, null).then(function (all) {
          if (my !== seq) return;
          var shown = all.filter(function (r) {
            for (var [key, vals] of active) {
              if (!vals.size) continue;
              var ok = docFacets(ix, r.doc).some(function (f) { return ix.facets[f][0] === key && vals.has(ix.facets[f][1]); });
              if (!ok) return false;
            }
            return true;
          });
          // Titles and summaries are fetched for the results shown only: a first page of
          // PAGE, then PAGE more per press of the button (at 10,000 entries each page of
          // results costs a few small document chunks instead of dozens).
          return eng.docs(shown.slice(0, PAGE).map(function (r) { return r.doc; })).then(function (meta) {
            if (my !== seq) return;
            render(ix, all, shown, meta, keepFacets === true);
            if (danish) runDanish(q, my);
          });
        });
      });
    }

    // The first Danish results, below the language's own.
    function runDanish(q, my) {
      danish().then(function (eng) {
        return eng.search(q, null).then(function (all) {
          var top = all.slice(0, PAGE / 2);
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
      var ix = eng.ix, li = el("li");
      var h = el("h2", { "class": "search-title" });
      h.appendChild(el("a", { href: d[1] }, d[0]));
      var section = ix.docs[r.doc][0];
      li.append(h, el("p", { "class": "search-section" }, ix.sections[section] || section), highlighted(eng, d[2], r.words));
      return li;
    }

    function render(ix, all, shown, meta, keepFacets) {
      status.textContent = shown.length === 0 ? t.none : shown.length === 1 ? t.one : t.many.replace("{n}", shown.length);
      // No results: show the danger box and the ways to help instead of an empty page.
      var fallback = document.querySelector("[data-search-fallback]");
      if (fallback) fallback.hidden = shown.length !== 0;
      list.replaceChildren();
      shown.slice(0, PAGE).forEach(function (r, k) { list.appendChild(resultItem(engine, r, meta[k])); });
      more.hidden = shown.length <= PAGE;
      more.onclick = function () {
        var from = list.children.length, my = seq;
        more.disabled = true;
        engine.docs(shown.slice(from, from + PAGE).map(function (r) { return r.doc; })).then(function (meta2) {
          more.disabled = false;
          if (my !== seq) return;
          shown.slice(from, from + PAGE).forEach(function (r, k) { list.appendChild(resultItem(engine, r, meta2[k])); });
          more.hidden = list.children.length >= shown.length;
          // Keyboard and screen-reader users continue at the first new result.
          var first = list.children[from] && list.children[from].querySelector("a");
          if (first) first.focus();
        });
      };
      if (!keepFacets) renderFacets(ix, all);
    }

    function renderFacets(ix, all) {
      var sections = new Set(all.map(function (r) { return ix.docs[r.doc][0]; }));
      var keys = [];
      for (var sec in FACETS) if (sections.has(sec)) keys.push.apply(keys, FACETS[sec]);
      facetBox.replaceChildren();
      filters.hidden = keys.length === 0;
      for (var key of keys) {
        var counts = new Map();
        for (var r of all) for (var f of ix.docs[r.doc][1]) if (ix.facets[f][0] === key) counts.set(f, (counts.get(f) || 0) + 1);
        if (!counts.size) continue;
        var fs = el("fieldset"), legend = ix.facetKeys.find(function (k) { return k[0] === key; });
        fs.appendChild(el("legend", {}, legend ? legend[1] : key));
        Array.from(counts.keys()).sort(function (a, b) { return a - b; }).forEach(function (f) {
          var val = ix.facets[f][1], id = "f-" + f;
          var box = el("input", { type: "checkbox", id: id });
          box.checked = !!(active.get(key) && active.get(key).has(val));
          box.addEventListener("change", (function (key, val) {
            return function (e) {
              if (!active.has(key)) active.set(key, new Set());
              if (e.target.checked) active.get(key).add(val); else active.get(key).delete(val);
              run(true);
            };
          })(key, val));
          var lab = el("label", { "for": id }, ix.facets[f][2] + " (" + counts.get(f) + ")");
          var row = el("div", { "class": "facet" });
          row.append(box, lab);
          fs.appendChild(row);
        });
        facetBox.appendChild(fs);
      }
    }
  }

  if (typeof module !== "undefined" && module.exports) {
    module.exports = { Engine: Engine, foldWith: foldWith, loose: loose, editDistance: editDistance };
  } else if (typeof document !== "undefined") {
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
    else init();
  }
})();
