/* Vejviser search engine: plans and ranks queries exactly like src/search/plan.rs and
 * SearchIndex::query. The same vocabulary, constants and scores come from soeg/index.json
 * and the files it names, so the browser ranks like `vejviser search`. No dependencies.
 * The search page (search.js) loads this file when the search field is first used; it
 * runs in node too (tests/js/parity.mjs, bench/search_client.mjs).
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
  // Compared by code point, as Rust compares chars; a string without surrogate pairs (every
  // Danish word) is its code points already, and is not copied into an array for it. Only
  // the cells within max of the diagonal are computed (a cell further off is above max
  // whatever it holds; those beside the band are set to max + 1): the typo lookup runs this
  // on a few hundred words per query word, before the JIT has warmed up.
  var SURROGATE = /[\uD800-\uDFFF]/;
  function editDistance(a, b, max) {
    if (SURROGATE.test(a)) a = [...a];
    if (SURROGATE.test(b)) b = [...b];
    var m = a.length, n = b.length, over = max + 1;
    if (Math.abs(m - n) > max) return -1;
    var prev2 = new Int32Array(n + 1), prev = new Int32Array(n + 1), cur = new Int32Array(n + 1);
    for (var j = 0; j <= n; j++) prev[j] = j;
    for (var i = 1; i <= m; i++) {
      var lo = Math.max(1, i - max), hi = Math.min(n, i + max), rowMin = over;
      if (lo === 1) { cur[0] = i; rowMin = i; } else cur[lo - 1] = over;
      for (j = lo; j <= hi; j++) {
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        var v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
        cur[j] = v;
        if (v < rowMin) rowMin = v;
      }
      if (hi < n) cur[hi + 1] = over;
      if (rowMin > max) return -1;
      var t = prev2; prev2 = prev; prev = cur; cur = t;
    }
    return prev[n] <= max ? prev[n] : -1;
  }

  /* ---------- engine ---------- */

  // The vocabulary comes in blocks of four sorted dictionaries (src/search/export.rs):
  // "s" by surface, "l" by loose key, "r" by reversed surface, "f" by first letters and
  // length. The loose rows travel in the surface blocks, cut at the surface separators:
  // a loose lookup reads the surface block its key falls in. Planning runs until every
  // lookup it made found its block loaded; each round fetches the blocks the last one
  // missed, so the plan is the one the whole vocabulary gives (plan.rs).
  function Engine(index, fetchJson) {
    this.ix = index;
    this.foldTable = index.fold || {};
    this.prefixes = index.prefixes || [];
    this.fetchJson = fetchJson;
    this.W = index.weights;
    this.stop = new Set(index.stopwords);
    this.info = new Map(); // surface -> term
    this.termMax = new Map(); // term -> best score × 1000, or a little above
    this.blocks = { s: new Map(), l: new Map(), r: new Map(), f: new Map() };
    this.groups = { s: new Map(), r: new Map(), f: new Map() };
    // Index.json carries every block's separator itself unless they are many (a very
    // large site): then one group of them per file (SearchShape in options.rs).
    for (var d in index.dictInline || {}) this.groups[d].set(0, index.dictInline[d]);
    // term -> {m: Map(doc -> score × 1000), rest: rest shard, or -1 once complete, min, df}
    this.post = new Map();
    this.files = new Map(); // file stem -> Promise
    this.rests = new Map(); // term -> rest postings, from loaded rest shards
    this.docChunks = new Map();
    this.docRows = new Map(); // doc -> Promise of [title, url, summary]
    this.bundles = new Set(); // terms whose head's rows are fetched
    this.facetValues = new Map(); // facet key -> [[value, label, Set(doc)], …]
  }

  Engine.prototype.fold = function (w) { return foldWith(this.foldTable, w); };

  Engine.prototype.file = function (stem, then) {
    var self = this;
    if (!this.files.has(stem)) {
      this.files.set(stem, this.fetchJson(stem + "." + this.ix.hash + ".json").then(function (data) { then(data); }));
    }
    return this.files.get(stem);
  };

  // How many of the sorted separators `seps` lie at or below `key` (with `prefix`, also
  // those that start with it).
  function count(seps, key, prefix) {
    var lo = 0, hi = seps.length;
    while (lo < hi) {
      var mid = (lo + hi) >> 1, s = seps[mid];
      if (s <= key || (prefix && s.startsWith(key))) lo = mid + 1; else hi = mid;
    }
    return lo;
  }

  // The block of dictionary d that holds `key` (each block starts at its separator); with
  // `prefix`, the last block that can hold a key starting with it. Index.json has every
  // separator, as group 0, or the separator of each group's first block and the group's
  // file the others; -1 (and the group noted as missing) while that file is not loaded.
  Engine.prototype.blockOf = function (d, key, prefix) {
    d = filed(d);
    var g = count(this.ix.dicts[d], key, prefix), inner = this.groups[d].get(g);
    if (!inner) { this.miss(d, "i" + g); return -1; }
    return g * this.ix.dictGroup + count(inner, key, prefix);
  };

  // The loose dictionary has no files or separators of its own: its rows come with the
  // surface blocks.
  function filed(d) { return d === "l" ? "s" : d; }

  Engine.prototype.miss = function (d, n) { d = filed(d); this.missing.set(d + n, [d, n]); this.missed++; };

  // Rows [surface, term] of dictionary d from the block of `lo` to the last block that can
  // hold a key starting with `hi`; null, with the files noted, when one is not loaded.
  Engine.prototype.rows = function (d, lo, hi) {
    var out = [], ok = true, a = this.blockOf(d, lo, false), b = this.blockOf(d, hi, true);
    if (a < 0 || b < 0) return null;
    for (var n = a; n <= b; n++) {
      var rows = this.blocks[d].get(n);
      if (!rows) { ok = false; this.miss(d, n); } else if (ok) out = out.concat(rows);
    }
    return ok ? out : null;
  };

  // The term of a surface word, or undefined: a lookup in its block by surface (or, with
  // d = "r", by reversed surface).
  Engine.prototype.termOf = function (s, d) {
    d = d || "s";
    var n = this.blockOf(d, d === "r" ? rev(s) : s, false);
    if (n < 0) return undefined;
    if (!this.blocks[d].get(n)) { this.miss(d, n); return undefined; }
    return this.info.get(s);
  };

  // Fetch vocabulary blocks and groups of separators (n = "i<group>").
  Engine.prototype.loadBlocks = function (missing) {
    var self = this;
    return Promise.all(Array.from(missing.values(), function (b) {
      var d = b[0], n = b[1];
      return self.file("v" + d + n, function (data) {
        if (typeof n === "string") { self.groups[d].set(parseInt(n.slice(1), 10), data); return; }
        self.blocks[d].set(n, self.blockRows(data, d === "r"));
        if (d === "s") self.blocks.l.set(n, data.l ? self.blockRows(data.l, false) : []);
      });
    }));
  };

  // Rows [surface, term] of a block file's part, noting each surface's term and best score.
  Engine.prototype.blockRows = function (data, reversed) {
    var ss = data.s ? data.s.split(" ") : [], rows = [];
    for (var i = 0, t = 0; i < ss.length; i++) {
      t += data.t[i];
      var s = reversed ? rev(ss[i]) : ss[i];
      this.info.set(s, t);
      this.termMax.set(t, data.m[i] * 100);
      rows.push([s, t]);
    }
    return rows;
  };

  // Plan a query, fetching the vocabulary blocks it needs.
  Engine.prototype.prepare = function (q) {
    var self = this;
    this.missing = new Map(); this.missed = 0;
    var slots = this.plan(q);
    if (!this.missing.size) return Promise.resolve(slots);
    return this.loadBlocks(this.missing).then(function () { return self.prepare(q); });
  };

  Engine.prototype.queryWords = function (q) {
    var self = this;
    var ws = words(q).map(function (w) { return self.fold(w); }).filter(function (w) { return !self.stop.has(w); });
    return { ws: ws, typing: !/\s$/u.test(q) };
  };

  function rev(s) { return [...s].reverse().join(""); }
  function pad3(n) { return String(Math.min(n, 999)).padStart(3, "0"); }

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

  // Surfaces shortest first, then alphabetically, capped (plan.rs capped).
  Engine.prototype.capped = function (ss) {
    ss.sort(function (a, b) { return (len(a) - len(b)) || cmp(a, b); });
    return ss.slice(0, this.W.cap);
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
    for (var f of forms) { var t = this.termOf(f); if (t !== undefined) return [t, f]; }
    return undefined;
  };

  Engine.prototype.wordSlot = function (w, typing) {
    var W = this.W, alts = [], n = len(w), self = this, missed = this.missed, rows, ss, s, r;
    function add(s, weight) { pushAlt(alts, [self.info.get(s)], weight, [s]); }
    if (this.termOf(w) !== undefined) add(w, W.exact);
    for (var suf of this.ix.suffixes) {
      if (w.endsWith(suf)) {
        var base = w.slice(0, w.length - suf.length);
        if (len(base) >= 3 && this.termOf(base) !== undefined) add(base, W.suffix);
      }
    }
    // The word with or without a prefix written onto it (Arabic "ال", "و", …).
    for (var pre of this.prefixes) {
      if (w.startsWith(pre)) {
        var bare = w.slice(pre.length);
        if (len(bare) >= 3 && this.termOf(bare) !== undefined) add(bare, W.suffix);
      }
      if (this.termOf(pre + w) !== undefined) add(pre + w, W.suffix);
    }
    var lw = loose(w);
    rows = this.rows("l", lw + " ", lw + " ");
    if (rows) for (r of rows) if (loose(r[0]) === lw) add(r[0], W.loose);
    // A compound the corpus only knows in parts, once the word's own lookups are known.
    if (alts.length === 0 && n >= 6 && this.missed === missed) {
      var parts = this.splitCompound(w);
      if (parts) {
        pushAlt(alts, parts.map(function (p) { return self.info.get(p); })
          .filter(function (t) { return t !== undefined; }), W.split, parts);
      }
    }
    if (n >= 3 || (typing && n >= 2)) {
      var weight = typing ? W.prefix_last : W.prefix;
      rows = this.rows("s", w, w);
      if (rows) {
        ss = [];
        for (r of rows) if (r[0].startsWith(w) && r[0] !== w) ss.push(r[0]);
        for (s of this.capped(ss)) add(s, weight);
      }
      // The same typed without the Danish letters ("voldsudov" → "voldsudøver").
      rows = this.rows("l", lw, lw);
      if (rows) {
        ss = [];
        for (r of rows) {
          var k = loose(r[0]);
          if (k.startsWith(lw) && k !== lw && !r[0].startsWith(w)) ss.push(r[0]);
        }
        for (s of this.capped(ss)) add(s, Math.fround(weight * W.loose));
      }
    }
    // The tail of a compound ("vold" in "partnervold"): a prefix of the reversed words.
    if (n >= 4) {
      var rw = rev(w);
      rows = this.rows("r", rw, rw);
      if (rows) {
        ss = [];
        for (r of rows) if (len(r[0]) >= n + 3 && r[0].endsWith(w)) ss.push(r[0]);
        for (s of this.capped(ss)) add(s, W.tail);
      }
    }
    // Small typos among the words that share the first letters, of a length within reach.
    if (n >= 5) {
      var max = n >= 9 ? 2 : 1, head = [...w].slice(0, this.ix.fuzzyPrefix).join("");
      rows = this.rows("f", head + " " + pad3(n - max) + " ", head + " " + pad3(n + max) + " ");
      if (rows) {
        var found = [];
        for (r of rows) {
          if (r[0] === w || !r[0].startsWith(head)) continue;
          var d = editDistance(w, r[0], max);
          if (d >= 0) found.push([d, r[0]]);
        }
        found.sort(function (a, b) { return (a[0] - b[0]) || cmp(a[1], b[1]); });
        for (var f of found.slice(0, W.cap)) add(f[1], f[0] === 1 ? W.fuzzy1 : W.fuzzy2);
      }
    }
    return { text: w, alts: alts };
  };

  // Split into two known words, longest head first (plan.rs split_compound). Every lookup
  // is made, so that one round fetches all the blocks they need.
  Engine.prototype.splitCompound = function (w) {
    var chars = [...w], found = null;
    for (var k = chars.length - 3; k >= 3; k--) {
      var head = chars.slice(0, k).join(""), tail = chars.slice(k).join("");
      var hasTail = this.termOf(tail, "r") !== undefined, hasHead = this.termOf(head) !== undefined;
      var last = head[head.length - 1], h = head.slice(0, -1);
      var hasH = (last === "s" || last === "e") && len(h) >= 3 && this.termOf(h) !== undefined;
      if (found || !hasTail) continue;
      if (hasHead) found = [head, tail];
      else if (hasH) found = [h, tail];
    }
    return found;
  };

  // Load the heads (or, with `rest`, the rest) of the postings of `terms`.
  Engine.prototype.load = function (terms, rest) {
    var self = this, jobs = [], per = this.ix.headTerms;
    terms.forEach(function (t) {
      var p = self.post.get(t);
      if (!p) {
        var n = Math.floor(t / per);
        jobs.push(self.file("h" + n, function (data) {
          data.p.forEach(function (flat, k) { self.addHead(n * per + k, flat); });
        }));
      } else if (rest && p.rest >= 0) {
        jobs.push(self.file("p" + p.rest, function (data) {
          for (var k = 0, t = 0; k < data.t.length; k++) {
            t += data.t[k];
            self.rests.set(t, data.p[k]);
            if (self.post.has(t)) self.merge(self.post.get(t), t);
          }
        }));
      }
    });
    return Promise.all(jobs);
  };

  Engine.prototype.addHead = function (t, flat) {
    if (this.post.has(t)) return;
    var m = new Map(), doc = 0, min = Infinity, head = [];
    for (var i = 2; i < flat.length; i += 2) {
      doc += flat[i]; m.set(doc, flat[i + 1]); head.push(doc);
      if (flat[i + 1] < min) min = flat[i + 1];
    }
    var p = { m: m, rest: flat[0], min: min, df: flat[1], head: head };
    this.post.set(t, p);
    this.merge(p, t);
  };

  Engine.prototype.merge = function (p, t) {
    var flat = this.rests.get(t);
    if (p.rest < 0 || !flat) return;
    for (var i = 0, doc = 0; i < flat.length; i += 2) { doc += flat[i]; p.m.set(doc, flat[i + 1]); }
    p.rest = -1;
  };

  // [title, url, summary] of documents. A common word's head has its documents' rows in
  // one file (`r<term>`, export.rs result_bundles): the loaded heads whose files hold most
  // of the documents still missing are fetched first, while one holds at least BUNDLE_GAIN
  // of them; the others come from their own chunks.
  var BUNDLE_GAIN = 3;
  Engine.prototype.docs = function (ids) {
    var self = this, size = this.ix.docChunk, min = this.ix.bundleMin || 0;
    var need = new Set(ids.filter(function (d) { return !self.docRows.has(d); }));
    while (min && need.size >= BUNDLE_GAIN) {
      var best = null, gain = BUNDLE_GAIN - 1;
      for (var [t, p] of this.post) {
        if (p.df < min || p.head.length > this.ix.bundleHeadMax || this.bundles.has(t)) continue;
        var g = 0;
        for (var d of p.head) if (need.has(d)) g++;
        if (g > gain) { best = t; gain = g; }
      }
      if (best === null) break;
      this.bundle(best).forEach(function (d) { need.delete(d); });
    }
    need.forEach(function (d) {
      var c = Math.floor(d / size);
      if (!self.docChunks.has(c)) self.docChunks.set(c, self.fetchJson("d" + c + "." + self.ix.hash + ".json"));
      self.docRows.set(d, self.docChunks.get(c).then(function (rows) { return rows[d % size]; }));
    });
    return Promise.all(ids.map(function (d) { return self.docRows.get(d); }));
  };

  // Fetch the rows of term t's head documents; returns those documents.
  Engine.prototype.bundle = function (t) {
    var self = this, head = this.post.get(t).head;
    var file = this.fetchJson("r" + t + "." + this.ix.hash + ".json");
    this.bundles.add(t);
    head.forEach(function (d, k) {
      if (!self.docRows.has(d)) self.docRows.set(d, file.then(function (rows) { return rows[k]; }));
    });
    return head;
  };

  // The section of a document, from the runs of documents per section.
  Engine.prototype.section = function (d) {
    var S = this.ix.sections, k = 0;
    while (k + 1 < S.length && S[k + 1][1] <= d) k++;
    return S[k][0];
  };

  // The values of a facet key and their documents: Promise of [[value, label, Set(doc)], …].
  Engine.prototype.facets = function (key) {
    var self = this;
    if (this.ix.facetFiles.indexOf(key) < 0) return Promise.resolve([]);
    return this.file("facet-" + key, function (rows) {
      self.facetValues.set(key, rows.map(function (row) {
        var docs = new Set();
        for (var i = 2, d = 0; i < row.length; i++) { d += row[i]; docs.add(d); }
        return [row[0], row[1], docs];
      }));
    }).then(function () { return self.facetValues.get(key); });
  };

  function rounded(x) { return Math.round(x * 1000) / 1000; }
  var ALL = 1, ALL_POSSIBLE = 2, SOME = 4, SOME_POSSIBLE = 8, EXACT = 16; // evaluate's bounds

  // Rank what the loaded postings allow. A term not loaded may give any document up to its
  // best score; a loaded head leaves its rest below the head's lowest score; a complete
  // term rules out the documents it lacks. A document's score is known when no open
  // alternative could beat it, and the first k are certain when every other document,
  // seen or not, must rank below them: then {hits, complete, count or atLeast}. Else
  // {need, rest}: the terms whose heads, or rests, to load next.
  Engine.prototype.evaluate = function (slots, k, round) {
    var self = this, per = slots.filter(function (s) { return s.alts.length; });
    var anyOnly = slots.some(function (s) { return !s.alts.length; });
    if (!per.length) return { hits: [], complete: true, count: 0 };
    function state(t) {
      var p = self.post.get(t);
      if (!p) return { t: t, m: null, bound: self.termMax.get(t) };
      return { t: t, m: p.m, bound: p.rest >= 0 ? p.min - 1 : null, df: p.df };
    }
    var S = per.map(function (s) {
      return s.alts.map(function (a) { return { w: a.weight, ts: a.terms.map(state) }; });
    });
    var d, sa, a, x, i, j, ti;
    // The loops below run on every round of a page's first query, before the JIT has
    // warmed up: plain indexed loops, and no object per document or slot (measured with
    // bench/search_engine_cold.mjs; docs/benchmarks.md).
    var nS = S.length;
    // Per slot, the best score of each document through alternatives whose terms are all
    // complete (walking the shortest list), and the alternatives still open.
    var closed = new Array(nS), openAlts = new Array(nS);
    for (i = 0; i < nS; i++) {
      var slotBest = new Map(), openList = [];
      sa = S[i];
      for (j = 0; j < sa.length; j++) {
        a = sa[j];
        var ts = a.ts, shortest = null, isOpenAlt = false;
        for (ti = 0; ti < ts.length; ti++) {
          x = ts[ti];
          if (x.bound !== null) { isOpenAlt = true; break; }
          if (shortest === null || x.m.size < shortest.size) shortest = x.m;
        }
        if (isOpenAlt) { openList.push(a); continue; }
        for (d of shortest.keys()) {
          var sum = 0, whole = true;
          for (ti = 0; ti < ts.length; ti++) {
            var v = ts[ti].m.get(d);
            if (v === undefined) { whole = false; break; }
            sum += v / 1000;
          }
          if (!whole) continue;
          var l = a.w * sum, o = slotBest.get(d);
          if (o === undefined || l > o) slotBest.set(d, l);
        }
      }
      closed[i] = slotBest;
      openAlts[i] = openList;
    }
    // The documents to weigh: those with a score through a complete alternative, and those
    // in a list of an open one. Any other document (in a complete alternative's list but
    // without all its terms) has the bounds of an unseen one, which the unseen document
    // stands for below (at 10,000 entries "samtaleforløb" weighs 4,941 documents instead
    // of 9,847).
    var cands = new Set();
    for (i = 0; i < nS; i++) {
      for (d of closed[i].keys()) cands.add(d);
      for (a of openAlts[i]) for (x of a.ts) if (x.m) for (d of x.m.keys()) cands.add(d);
    }
    // A document's bounds (-1: a document in no loaded list): bL and bU, the sums over the
    // slots of each slot's [lower, upper] score; returned, the flags that hold: ALL (every
    // slot has a lower bound), SOME (some slot has one), ALL_POSSIBLE and SOME_POSSIBLE
    // (the same for a score at all), EXACT (every upper bound is its lower bound).
    var bL, bU;
    function bounds(d) {
      var f = ALL | ALL_POSSIBLE | EXACT;
      bL = 0; bU = 0;
      for (var i = 0; i < nS; i++) {
        var L = d >= 0 ? closed[i].get(d) : undefined, U = L, oa = openAlts[i];
        for (var j = 0; j < oa.length; j++) {
          var a = oa[j], ts = a.ts, sumL = 0, sumU = 0, known = true, possible = true;
          for (var k = 0; k < ts.length; k++) {
            var x = ts[k], v = x.m && d >= 0 ? x.m.get(d) : undefined;
            if (v !== undefined) { sumL += v / 1000; sumU += v / 1000; }
            else if (x.bound !== null) { known = false; sumU += x.bound / 1000; }
            else { possible = false; break; }
          }
          if (!possible) continue;
          var u = a.w * sumU;
          if (U === undefined || u > U) U = u;
          if (known) { var l = a.w * sumL; if (L === undefined || l > L) L = l; }
        }
        if (L !== undefined) { bL += L; f |= SOME; } else f &= ~ALL;
        if (U !== undefined) { bU += U; f |= SOME_POSSIBLE; } else f &= ~ALL_POSSIBLE;
        if (U !== undefined && U !== L) f &= ~EXACT;
      }
      return f;
    }
    // Every candidate's bounds and flags, in flat arrays.
    var nC = cands.size, cDoc = new Array(nC), cL = new Float64Array(nC), cU = new Float64Array(nC);
    var cF = new Uint8Array(nC), c = 0, seen = 0;
    for (d of cands) { var f = bounds(d); cDoc[c] = d; cL[c] = bL; cU[c] = bU; cF[c++] = f; seen |= f; }
    var unseen = bounds(-1), unseenU = bU, mode = "any";
    // All slots must match when some document matches them all; when that is still open,
    // load more.
    if (!anyOnly) mode = seen & ALL ? "all" : (seen | unseen) & ALL_POSSIBLE ? null : "any";
    var exact = [], others = [], Ls = [];
    if (mode) {
      var all = mode === "all", possible = all ? ALL_POSSIBLE : SOME_POSSIBLE, match = all ? ALL : SOME;
      for (c = 0; c < nC; c++) {
        if (!(cF[c] & possible)) continue;
        var q = cF[c] & match;
        if (q) Ls.push(cL[c]);
        if (q && cF[c] & EXACT) exact.push({ doc: cDoc[c], score: rounded(cL[c]) });
        else others.push({ doc: cDoc[c], u: rounded(cU[c]) });
      }
      exact.sort(function (x, y) { return (y.score - x.score) || (x.doc - y.doc); });
      var unseenOpen = unseen & possible;
      if (!others.length && !unseenOpen) return { hits: exact, complete: true, count: exact.length };
      var last = k && exact[k - 1];
      if (last && (!unseenOpen || rounded(unseenU) < last.score) && others.every(function (o) {
        return o.u < last.score || (o.u === last.score && o.doc > last.doc);
      })) {
        // Every document of a one-term alternative of a lone slot is a result.
        var atLeast = Ls.length;
        if (per.length === 1) for (a of S[0]) if (a.ts.length === 1 && a.ts[0].df > atLeast) atLeast = a.ts[0].df;
        return { hits: exact.slice(0, k), complete: false, atLeast: atLeast };
      }
    }
    // What to load next: the open terms of the alternatives that could still reach the
    // k-th best lower bound; before there is one, per slot the 1, 8, 64 … most promising
    // open alternatives, eight times more each round. (Doubling fetched the same files
    // over more rounds: at 10,000 entries "vold i nære relationer" took 9 round trips
    // after index.json, now 6; loading every alternative at once costs 30 % more bytes
    // at the median query. Measured with bench/search_client.mjs, 2026-12-03.)
    Ls.sort(function (x, y) { return y - x; });
    var theta = k && Ls.length >= k ? Ls[k - 1] : -Infinity;
    var reach = S.map(function (sa) {
      return sa.map(function (a) {
        var r = 0;
        for (var x of a.ts) r += (x.bound !== null ? x.bound : self.termMax.get(x.t)) / 1000;
        return a.w * r;
      });
    });
    var best = reach.map(function (rs) { return Math.max.apply(null, rs); });
    var total = best.reduce(function (x, y) { return x + y; }, 0);
    var need = [], rest = [];
    function isOpen(a) { return a.ts.some(function (x) { return !x.m || x.bound !== null; }); }
    function open(a) { for (var x of a.ts) if (!x.m) need.push(x.t); else if (x.bound !== null) rest.push(x.t); }
    S.forEach(function (sa, i) {
      if (theta > -Infinity) {
        sa.forEach(function (a, j) { if (reach[i][j] + total - best[i] >= theta - 0.001) open(a); });
        return;
      }
      var js = sa.map(function (a, j) { return j; }).filter(function (j) { return isOpen(sa[j]); });
      js.sort(function (x, y) { return reach[i][y] - reach[i][x]; });
      js.forEach(function (j, n) { if (n < 1 << Math.min(3 * round, 24) || reach[i][j] >= best[i] / 2) open(sa[j]); });
    });
    if (!need.length && !rest.length) for (sa of S) for (a of sa) open(a);
    return { need: need, rest: rest };
  };

  // The first k results of a query, certain, from as few postings as that takes:
  // {hits: [{doc, score, words}], complete, count (when complete: then hits holds every
  // result) or atLeast}. With k = 0,
  // every result, from all postings of the planned terms.
  Engine.prototype.top = function (q, k) {
    var self = this;
    return this.prepare(q).then(function (slots) {
      var words = [], terms = [];
      for (var s of slots) for (var a of s.alts) { words.push.apply(words, a.words); terms.push.apply(terms, a.terms); }
      var round = 0;
      function step() {
        var r = self.evaluate(slots, k, round++);
        if (r.hits) {
          r.hits.forEach(function (h) { h.words = words; });
          return r;
        }
        if (!r.need.length && !r.rest.length) throw new Error("search: nothing left to load");
        // Heads first: a term's head names its rest shard.
        return (r.need.length ? self.load(r.need, false) : self.load(r.rest, true)).then(step);
      }
      if (k) return step();
      return self.load(terms, false).then(function () { return self.load(terms, true); }).then(step);
    });
  };

  // Every result of a query, ranked: [{doc, score, words}] (as `vejviser search`).
  Engine.prototype.search = function (q) {
    return this.top(q, 0).then(function (r) { return r.hits; });
  };

  var api = { Engine: Engine, foldWith: foldWith, loose: loose, editDistance: editDistance };
  if (typeof module !== "undefined" && module.exports) module.exports = api;
  else self.VejviserSearch = api;
})();
