// Working tools for staff on the good practices: filters on the practice list, a choice of
// 2-4 practices to compare, and the comparison page that reads the chosen practices' own
// pages (so it needs no data of its own and stays in step with them). Nothing is stored:
// the choice travels in the address fragment (#a,b,c), which never reaches a server, and
// these are staff pages, never citizens' help pages. Without JavaScript the list shows
// every practice and links to the static overviews.
(function () {
  "use strict";
  var MAX = 4, MIN = 2;
  var SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

  // ---- The list: filters and the choice to compare.
  var form = document.querySelector("[data-practice-filters]");
  if (form) {
    var t = { choose: form.dataset.tChoose, selected: form.dataset.tSelected, hint: form.dataset.tHint, shown: form.dataset.tShown };
    var cards = Array.prototype.slice.call(document.querySelectorAll("li[data-practice]"));
    var status = form.querySelector("[data-filter-status]");
    var compareStatus = form.querySelector("[data-compare-status]");
    var go = form.querySelector("[data-compare-go]");
    var chosen = [];
    form.hidden = false;

    cards.forEach(function (li) {
      var label = document.createElement("label");
      label.className = "compare-choose";
      var box = document.createElement("input");
      box.type = "checkbox";
      box.value = li.getAttribute("data-practice");
      box.addEventListener("change", function () { choose(box); });
      label.append(box, " " + t.choose);
      li.appendChild(label);
    });

    function choose(box) {
      if (box.checked) chosen.push(box.value);
      else chosen = chosen.filter(function (s) { return s !== box.value; });
      cards.forEach(function (li) {
        var b = li.querySelector(".compare-choose input");
        b.disabled = !b.checked && chosen.length >= MAX;
      });
      compareStatus.textContent = chosen.length ? t.selected.replace("{n}", chosen.length) + " " + t.hint : t.hint;
      go.disabled = chosen.length < MIN;
    }
    go.addEventListener("click", function () {
      location.href = form.getAttribute("data-compare-url") + "#" + chosen.join(",");
    });

    function apply() {
      var want = {};
      form.querySelectorAll("[data-filter]").forEach(function (f) {
        want[f.getAttribute("data-filter")] = f.type === "checkbox" ? (f.checked ? f.value : "") : f.value;
      });
      var shown = 0;
      cards.forEach(function (li) {
        var ok = Object.keys(want).every(function (k) {
          if (!want[k]) return true;
          var have = (li.getAttribute("data-" + k) || "").split(" ");
          return have.indexOf(want[k]) !== -1;
        });
        li.hidden = !ok;
        if (ok) shown++;
      });
      // A focus-area heading without visible practices goes too.
      document.querySelectorAll("ul.cards").forEach(function (ul) {
        var any = Array.prototype.some.call(ul.children, function (li) { return !li.hidden; });
        ul.hidden = !any;
        var h = ul.previousElementSibling;
        if (h && h.tagName === "H2") h.hidden = !any;
      });
      status.textContent = t.shown.replace("{n}", shown).replace("{total}", cards.length);
    }
    form.addEventListener("change", function (e) {
      if (e.target.hasAttribute("data-filter")) apply();
    });
    form.addEventListener("submit", function (e) { e.preventDefault(); });
  }

  // ---- The comparison page.
  var root = document.querySelector("[data-compare]");
  if (!root) return;
  var c = { summary: root.dataset.tSummary, criteria: root.dataset.tCriteria, none: root.dataset.tNone };
  var base = root.getAttribute("data-section-url");
  var wrap = root.querySelector("[data-compare-table-wrap]");
  var table = root.querySelector("table");
  var articles = root.querySelector("[data-compare-articles]");
  var actions = root.querySelector("[data-compare-actions]");
  var empty = root.querySelector("[data-compare-empty]");
  root.querySelector("[data-compare-print]").addEventListener("click", function () { window.print(); });

  function text(el) { return el ? el.textContent.replace(/\s+/g, " ").trim() : ""; }

  function read(slug) {
    return fetch(base + slug + "/").then(function (r) {
      if (!r.ok) throw new Error(slug);
      return r.text();
    }).then(function (html) {
      var doc = new DOMParser().parseFromString(html, "text/html");
      var facts = {};
      var order = [];
      doc.querySelectorAll("article dl.facts dt").forEach(function (dt) {
        var k = text(dt);
        order.push(k);
        facts[k] = text(dt.nextElementSibling);
      });
      var crit = Array.prototype.map.call(doc.querySelectorAll("article ul.criteria li"), text);
      return { slug: slug, url: base + slug + "/", title: text(doc.querySelector("h1")),
        lead: text(doc.querySelector("article .lead")), facts: facts, order: order, criteria: crit,
        prose: doc.querySelector("article .prose") };
    });
  }

  function cell(tag, content) {
    var el = document.createElement(tag);
    if (typeof content === "string") el.textContent = content; else el.appendChild(content);
    return el;
  }

  function render() {
    var slugs = decodeURIComponent(location.hash.slice(1)).split(",").filter(function (s) { return SLUG.test(s); }).slice(0, MAX);
    table.tHead.replaceChildren();
    table.tBodies[0].replaceChildren();
    articles.replaceChildren();
    var enough = slugs.length >= MIN;
    empty.hidden = enough;
    wrap.hidden = actions.hidden = !enough;
    if (!enough) return;
    Promise.all(slugs.map(read)).then(function (ps) {
      var head = document.createElement("tr");
      head.appendChild(cell("td", ""));
      ps.forEach(function (p) {
        var a = document.createElement("a");
        a.href = p.url;
        a.textContent = p.title;
        var th = cell("th", a);
        th.scope = "col";
        head.appendChild(th);
      });
      table.tHead.appendChild(head);
      var rows = [[c.summary, function (p) { return p.lead; }]];
      var labels = [];
      ps.forEach(function (p) { p.order.forEach(function (k) { if (labels.indexOf(k) === -1) labels.push(k); }); });
      labels.forEach(function (k) { rows.push([k, function (p) { return p.facts[k]; }]); });
      rows.push([c.criteria, function (p) { return p.criteria.join("; "); }]);
      rows.forEach(function (row) {
        var tr = document.createElement("tr");
        var th = cell("th", row[0]);
        th.scope = "row";
        tr.appendChild(th);
        ps.forEach(function (p) {
          var v = row[1](p);
          var td = cell("td", v || "–");
          if (!v) td.setAttribute("aria-label", c.none);
          tr.appendChild(td);
        });
        table.tBodies[0].appendChild(tr);
      });
      // The full text of each, below the table and on the printout.
      ps.forEach(function (p) {
        var sec = document.createElement("section");
        sec.className = "compare-article";
        var h = document.createElement("h2");
        h.textContent = p.title;
        sec.appendChild(h);
        if (p.prose) {
          var prose = document.importNode(p.prose, true);
          // Each page's heading ids would clash here.
          prose.querySelectorAll("[id]").forEach(function (e) { e.removeAttribute("id"); });
          sec.appendChild(prose);
        }
        articles.appendChild(sec);
      });
    }).catch(function () {
      empty.hidden = false;
      wrap.hidden = actions.hidden = true;
    });
  }
  window.addEventListener("hashchange", render);
  render();
})();
