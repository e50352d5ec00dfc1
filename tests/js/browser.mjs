// Real-browser checks of a built Vejviser site in headless Chromium (Debian's chromium),
// driven by playwright-core. Started by tests/suite/browser.rs, which builds the site with
// --base-url http://127.0.0.1:PORT and a quick-exit target on the same server.
// Usage: node tests/js/browser.mjs <public-dir> <port>
// Prints one line per check ("ok …" / "FAIL …") and a JSON summary; exits 1 on any failure.
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);
const [publicDir, portArg] = process.argv.slice(2);
const port = Number(portArg);
const origin = `http://127.0.0.1:${port}`;
const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
const failures = [];
const report = { pages: {}, axe: {} };

function check(ok, what, detail = "") {
  console.log(`${ok ? "ok  " : "FAIL"} ${what}${detail ? " — " + detail : ""}`);
  if (!ok) failures.push(`${what} ${detail}`);
}

const TYPES = { ".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript",
  ".json": "application/json", ".xml": "application/xml", ".txt": "text/plain", ".png": "image/png",
  ".pdf": "application/pdf", ".svg": "image/svg+xml" };
const server = http.createServer((req, res) => {
  const url = new URL(req.url, origin);
  if (url.pathname === "/__exit/") {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    return res.end("<!doctype html><html lang=da><title>Neutral</title><h1>Neutral side</h1>");
  }
  let p = path.join(publicDir, decodeURIComponent(url.pathname));
  if (!p.startsWith(path.resolve(publicDir))) { res.writeHead(403); return res.end(); }
  if (fs.existsSync(p) && fs.statSync(p).isDirectory()) p = path.join(p, "index.html");
  if (!fs.existsSync(p)) { res.writeHead(404); return res.end("not found"); }
  res.writeHead(200, { "content-type": TYPES[path.extname(p)] || "application/octet-stream" });
  res.end(fs.readFileSync(p));
});
await new Promise((r) => server.listen(port, "127.0.0.1", r));

// The pages under test, found in the sitemap.
const sitemap = fs.readFileSync(path.join(publicDir, "sitemap.xml"), "utf8");
const all = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]).pathname);
const first = (re) => all.find((p) => re.test(p));
const pages = {
  home: "/",
  search: "/soeg/",
  matrix: "/praksis/kriterium/",
  help: "/hjaelp/",
  practice: first(/^\/praksis\/(?!kriterium|fokusomraade|kommune|maalgruppe|side|samlet)[^/]+\/$/),
  partner: first(/^\/partnere\/[^/]+\/$/),
  standard: first(/^\/kvalitetsstandard\/[^/]+\/$/),
  knowledge: first(/^\/viden\/[^/]+\/$/),
  form: first(/^\/hjaelp\/voldsform\/[^/]+\/$/),
  practices: "/praksis/",
  compare: "/praksis/sammenlign/",
  isItViolence: "/viden/er-det-vold/",
  criterion: first(/^\/praksis\/kriterium\/\d+\/$/),
  booklet: "/praksis/samlet/",
  embedInfo: "/indlejr/",
};
for (const p of all.filter((p) => /^\/hjaelp\/(?!voldsform)[^/]+\/$/.test(p))) pages["audience " + p] = p;
// The English and Arabic pages (site.yaml languages): loaded, weighed, reflowed and axe-checked
// like the Danish ones.
for (const lang of ["en", "ar"]) {
  pages[`${lang} home`] = `/${lang}/`;
  pages[`${lang} help`] = `/${lang}/hjaelp/udsat/`;
  pages[`${lang} search`] = `/${lang}/soeg/`;
}
// A query per search page, so axe also sees the results (and, in English and Arabic, the
// Danish results below them).
const SEARCHES = { "/soeg/": "vold", "/en/soeg/": "honour based violence", "/ar/soeg/": "الشرف" };
for (const [k, v] of Object.entries(pages)) check(!!v, `page to test exists: ${k}`, v || "none in sitemap");

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
});

try {
  // 1. No request leaves 127.0.0.1; no cookies or storage after browsing and searching.
  {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    const foreign = [];
    page.on("request", (r) => { const u = new URL(r.url()); if (u.hostname !== "127.0.0.1" && u.protocol !== "data:") foreign.push(r.url()); });
    for (const p of Object.values(pages).filter(Boolean)) {
      const resp = await page.goto(origin + p);
      check(resp && resp.status() === 200, `loads ${p}`);
      const weight = await page.evaluate(async () => {
        const urls = [location.href, ...[...document.querySelectorAll("link[rel=stylesheet], script[src]")].map((e) => e.href || e.src)];
        let total = 0;
        for (const u of urls) total += (await (await fetch(u)).arrayBuffer()).byteLength;
        return total;
      });
      report.pages[p] = weight;
      const dupes = await page.evaluate(() => {
        const seen = new Map();
        for (const e of document.querySelectorAll("[id]")) seen.set(e.id, (seen.get(e.id) || 0) + 1);
        return [...seen].filter(([, n]) => n > 1).map(([id]) => id);
      });
      check(dupes.length === 0, `no duplicate ids: ${p}`, dupes.join(", "));
      // Citizens' pages stay under 40 KB; the staff list with its filter and comparison
      // tools may take 60.
      // The print page of every practice is one long staff page by design. (The search
      // engine is fetched when the search field is first used, not with the page.)
      const budget = p === "/praksis/samlet/" ? 120 : ["/praksis/", "/praksis/sammenlign/"].includes(p) ? 60 : 40;
      check(weight < budget * 1024, `page weight under ${budget} KB: ${p}`, `${weight} bytes`);
    }
    await page.goto(origin + "/soeg/");
    await page.fill("#q", "rådgivning");
    await page.waitForFunction(() => document.querySelectorAll(".search-results li").length > 0, null, { timeout: 5000 });
    const n = await page.$$eval(".search-results li", (l) => l.length);
    check(n > 0, "search page shows results for 'rådgivning'", `${n} results`);
    const status = await page.textContent(".search-status");
    check(/resultat/.test(status || ""), "results are announced in a live region", status);
    check(!page.url().includes("r%C3%A5dgivning") && !page.url().includes("?"), "the query is not in the URL", page.url());
    // Long result lists come 20 at a time; "show more" appends the next ones and moves focus
    // to the first new result.
    // The count may be a lower bound ("Mindst 47 resultater") until every result is loaded.
    const total = parseInt(((await page.textContent(".search-status")) || "").match(/\d+/), 10);
    const firstPage = await page.$$eval(".search-results li", (l) => l.length);
    check(total > 20 && firstPage === 20, "a long result list shows 20 results first", `${firstPage} of ${total}`);
    check(await page.isVisible(".search-more"), "a 'show more' button follows a long result list");
    await page.click(".search-more");
    await page.waitForFunction(() => document.querySelectorAll(".search-results li").length > 20, null, { timeout: 5000 });
    const after = await page.$$eval(".search-results li", (l) => l.length);
    // "Show more" loads every result, so the count is exact now.
    const exactTotal = parseInt(((await page.textContent(".search-status")) || "").match(/\d+/), 10);
    const focusIn21 = await page.evaluate(() => document.activeElement && document.activeElement.closest("li") === document.querySelectorAll(".search-results li")[20]);
    check(after === Math.min(40, exactTotal) && exactTotal >= total && focusIn21, "'show more' adds the next results and focuses the first new one", `${after} shown, focus on #21: ${focusIn21}`);
    // With every result loaded by "show more", the filters open straight onto their counts.
    await page.click(".search-filters summary");
    await page.waitForFunction(() => document.querySelectorAll(".search-facets input[type=checkbox]").length > 0, null, { timeout: 5000 }).catch(() => {});
    check(await page.locator(".search-facets input[type=checkbox]").count() > 0, "the filters show their values after 'show more'");
    await page.click(".search-filters summary");
    // A search with no results shows the danger box and the ways to help.
    await page.fill("#q", "xqzwvk");
    await page.waitForFunction(() => /Ingen/.test((document.querySelector(".search-status") || {}).textContent || ""), null, { timeout: 5000 }).catch(() => {});
    const fallback = await page.evaluate(() => {
      const f = document.querySelector("[data-search-fallback]");
      return f && !f.hidden ? [...f.querySelectorAll("a[href^='tel:']")].map((a) => a.getAttribute("href")).join(" ") : "";
    });
    check(fallback.includes("tel:112"), "no results shows the danger box", fallback || "hidden");
    await page.fill("#q", "rådgivning");
    await page.waitForFunction(() => document.querySelectorAll(".search-results li").length > 0, null, { timeout: 5000 });
    check(await page.evaluate(() => document.querySelector("[data-search-fallback]").hidden), "the fallback hides again when there are results");
    // The filters load their values and counts when opened.
    await page.click(".search-filters summary");
    await page.waitForFunction(() => document.querySelectorAll(".search-facets input[type=checkbox]").length > 0, null, { timeout: 5000 }).catch(() => {});
    const boxes = page.locator(".search-facets input[type=checkbox]");
    check(await boxes.count() > 0, "opening the filters shows facet values with counts", String(await boxes.count()));
    if (await boxes.count()) {
      await boxes.first().check();
      await page.waitForTimeout(300);
      const focused = await page.evaluate(() => document.activeElement && (document.activeElement.type || document.activeElement.tagName));
      check(focused === "checkbox", "focus stays on a facet checkbox after toggling it", String(focused));
      await page.waitForTimeout(200);
      check(!page.url().includes("?"), "facet filters stay out of the URL");
    }
    const storage = await page.evaluate(async () => ({
      local: localStorage.length, session: sessionStorage.length, cookie: document.cookie,
      idb: indexedDB.databases ? (await indexedDB.databases()).length : 0,
    }));
    const cookies = await ctx.cookies();
    check(cookies.length === 0 && storage.cookie === "", "no cookies after browsing and searching", JSON.stringify(cookies));
    check(storage.local === 0 && storage.session === 0 && storage.idb === 0, "no web storage", JSON.stringify(storage));
    check(foreign.length === 0, "no request leaves 127.0.0.1", foreign.join(", "));
    await ctx.close();
  }

  // 2. Quick exit by click and by three presses of Shift; Back does not return.
  for (const how of ["click", "shift"]) {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    await page.goto(origin + "/");
    await page.goto(origin + pages.practice);
    if (how === "click") await page.click("[data-quick-exit]");
    else { for (let i = 0; i < 3; i++) await page.keyboard.press("Shift"); }
    await page.waitForURL(origin + "/__exit/", { timeout: 5000 }).catch(() => {});
    check(page.url() === origin + "/__exit/", `quick exit by ${how} lands on the target`, page.url());
    await page.goBack().catch(() => {});
    await page.waitForTimeout(200);
    check(!page.url().endsWith(pages.practice), `Back after quick exit by ${how} does not show the page`, page.url());
    await ctx.close();
  }

  // 3. Without JavaScript the audience pages still list partners, and the exit is a link.
  {
    const ctx = await browser.newContext({ javaScriptEnabled: false });
    const page = await ctx.newPage();
    for (const [k, p] of Object.entries(pages).filter(([k]) => k.startsWith("audience"))) {
      await page.goto(origin + p);
      const cards = await page.$$eval("main a[href*='/partnere/']", (l) => l.length);
      check(cards > 0, `without JavaScript ${p} lists partners`, `${cards} partner links`);
    }
    await page.goto(origin + "/");
    const href = await page.getAttribute("[data-quick-exit]", "href");
    check(href === origin + "/__exit/", "without JavaScript the quick exit is a plain link", href);
    await ctx.close();
  }

  // 4. At 320 px no page scrolls sideways.
  {
    const ctx = await browser.newContext({ viewport: { width: 320, height: 640 } });
    const page = await ctx.newPage();
    for (const p of Object.values(pages).filter(Boolean)) {
      await page.goto(origin + p);
      const w = await page.evaluate(() => document.documentElement.scrollWidth);
      check(w <= 320, `no horizontal scrolling at 320 px: ${p}`, `scrollWidth ${w}`);
    }
    await ctx.close();
  }

  // 6. On a 375 x 667 phone, every audience page shows a help line someone can call now on
  // the first screen: the first tel: link that is not 112/114 or the switchboard lies within
  // the first 667 px, with and without JavaScript.
  for (const js of [true, false]) {
    const ctx = await browser.newContext({ viewport: { width: 375, height: 667 }, javaScriptEnabled: js });
    const page = await ctx.newPage();
    for (const p of Object.values(pages).filter((p) => p && /^\/hjaelp\/(?!voldsform)[^/]+\/$/.test(p))) {
      await page.goto(origin + p);
      const found = await page.evaluate(() => {
        const links = [...document.querySelectorAll("main a[href^='tel:']")]
          .filter((a) => !["tel:112", "tel:114"].includes(a.getAttribute("href")) && !a.hasAttribute("data-switchboard"));
        const first = links[0];
        return first ? { bottom: first.getBoundingClientRect().bottom + window.scrollY, href: first.getAttribute("href"),
          height: document.documentElement.scrollHeight } : null;
      });
      check(!!found && found.bottom <= 667, `first help line on the first screen at 375x667 (${js ? "JS" : "no JS"}): ${p}`,
        found ? `${found.href} ends at ${Math.round(found.bottom)} px; page ${(found.height / 667).toFixed(1)} screens` : "no help line");
    }
    await ctx.close();
  }

  // 7. Keyboard focus is never hidden behind the sticky exit bar (WCAG 2.2 2.4.11): tab
  // through the home, a help and a practice page on a small screen.
  {
    const ctx = await browser.newContext({ viewport: { width: 375, height: 667 } });
    const page = await ctx.newPage();
    const audience = Object.values(pages).find((p) => p && /^\/hjaelp\/udsat\/$/.test(p)) || pages.help;
    for (const p of ["/", audience, pages.practice]) {
      await page.goto(origin + p);
      const hidden = [];
      for (let i = 0; i < 60; i++) {
        await page.keyboard.press("Tab");
        const r = await page.evaluate(() => {
          const a = document.activeElement;
          if (!a || a === document.body) return null;
          // The first line box: a link that wraps starts mid-line.
          const box = a.getClientRects()[0] || a.getBoundingClientRect();
          // Obscured: what is drawn at the focused element's top edge is not the element
          // (the sticky bar is at the top; the browser scrolls focus into view from below).
          const x = Math.min(Math.max(box.left + 2, 0), innerWidth - 1);
          const shown = (y) => { const e = document.elementFromPoint(x, y); return !!e && (a === e || a.contains(e) || e.contains(a)); };
          const ok = box.top >= 0 && shown(box.top + 2);
          return ok ? null : { what: a.tagName + " " + (a.textContent || "").trim().slice(0, 30), top: Math.round(box.top), bottom: Math.round(box.bottom) };
        });
        if (r) hidden.push(`${r.what} (top ${r.top}, bottom ${r.bottom})`);
      }
      check(hidden.length === 0, `focus never hidden behind the exit bar: ${p}`, hidden.slice(0, 3).join("; "));
    }
    await ctx.close();
  }

  // 9. A help page prints on at most two A4 sheets, with its address and date.
  {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    for (const p of Object.values(pages).filter((p) => p && /^\/hjaelp\/(?!voldsform)[^/]+\/$/.test(p))) {
      await page.goto(origin + p);
      const pdf = await page.pdf({ format: "A4" });
      const sheets = (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) || []).length;
      check(sheets >= 1 && sheets <= 2, `prints on at most 2 A4 pages: ${p}`, `${sheets} pages`);
      await page.emulateMedia({ media: "print" });
      const foot = await page.evaluate(() => { const e = document.querySelector(".print-only"); return e && getComputedStyle(e).display !== "none" ? e.textContent : ""; });
      check(foot.includes(origin + p) && /20\d\d/.test(foot), `the printout names its address and date: ${p}`, foot.trim());
      const numbers = await page.evaluate(() => [...document.querySelectorAll("main a[href^='tel:']")].filter((a) => a.offsetParent !== null).length);
      check(numbers >= 2, `the printout keeps the phone numbers: ${p}`, `${numbers} numbers`);
      await page.emulateMedia({ media: null });
    }
    await ctx.close();
  }

  // 10. Right to left: the Arabic pages mirror (the quick exit, at the inline end of the bar,
  // is on the right in Danish and on the left in Arabic), the language links lead to the
  // same page in each language, and the quick exit works by Shift×3 there too.
  {
    const ctx = await browser.newContext({ viewport: { width: 1000, height: 800 } });
    const page = await ctx.newPage();
    const exitX = async (p) => {
      await page.goto(origin + p);
      return page.evaluate(() => {
        const b = document.querySelector("[data-quick-exit]").getBoundingClientRect();
        return { centre: b.left + b.width / 2, width: innerWidth, dir: document.documentElement.dir, lang: document.documentElement.lang };
      });
    };
    const da = await exitX("/hjaelp/udsat/");
    const ar = await exitX("/ar/hjaelp/udsat/");
    check(ar.dir === "rtl" && ar.lang === "ar" && da.dir === "ltr", "the Arabic page is lang=ar dir=rtl", JSON.stringify(ar));
    check(da.centre > da.width / 2 && ar.centre < ar.width / 2, "the layout mirrors: quick exit right in Danish, left in Arabic", `da ${Math.round(da.centre)}, ar ${Math.round(ar.centre)} of ${ar.width}`);
    await page.click("nav.languages a[hreflang=en]");
    await page.waitForURL(origin + "/en/hjaelp/udsat/", { timeout: 5000 }).catch(() => {});
    check(page.url() === origin + "/en/hjaelp/udsat/", "the language link leads to the same page in English", page.url());
    const alts = await page.$$eval("link[rel=alternate][hreflang]", (l) => l.map((e) => e.hreflang).sort().join(","));
    check(alts === "ar,da,en", "hreflang alternates name every language", alts);
    await page.goto(origin + "/ar/hjaelp/udsat/");
    for (let i = 0; i < 3; i++) await page.keyboard.press("Shift");
    await page.waitForURL(origin + "/__exit/", { timeout: 5000 }).catch(() => {});
    check(page.url() === origin + "/__exit/", "quick exit by Shift×3 on an Arabic page", page.url());
    // Search per language: the language's own pages first, then the Danish results.
    const requested = [];
    page.on("request", (r) => requested.push(new URL(r.url()).pathname));
    for (const [p, q, want] of [["/en/soeg/", "honour based violence", "/partnere/red-"], ["/ar/soeg/", "الشرف", "/partnere/red-"]]) {
      await page.goto(origin + p);
      requested.length = 0;
      await page.fill("#q", q);
      await page.waitForSelector(".search-other:not([hidden])", { timeout: 5000 }).catch(() => {});
      const own = await page.$$eval(".search-results:not([lang]) li h2 a", (l) => l.map((a) => a.getAttribute("href")));
      check(own.some((h) => h.startsWith(want)), `${p} finds "${q}" in its own language`, own.join(", "));
      check(requested.some((r) => r.startsWith(p)), `${p} loads its own index first`, requested.join(", "));
      const other = await page.evaluate(() => {
        const ol = document.querySelector(".search-other ol");
        return ol ? { lang: ol.lang, dir: ol.dir, n: ol.children.length, h: document.querySelector(".search-other h2").textContent } : null;
      });
      check(!!other && other.lang === "da" && other.dir === "ltr", `${p} offers the Danish results below, marked lang=da`, JSON.stringify(other));
      check(!page.url().includes("?"), `${p} keeps the query out of the URL`, page.url());
    }
    await ctx.close();
  }

  // 8. Staff tools: filter the practice list, choose 3 practices, compare them side by side.
  {
    const axeSource = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
    const ctx = await browser.newContext({ bypassCSP: true });
    const page = await ctx.newPage();
    await page.goto(origin + "/praksis/");
    const total = await page.$$eval("li[data-practice]", (l) => l.length);
    await page.check("input[data-filter=evaluated]");
    const evaluated = await page.$$eval("li[data-practice]", (l) => l.filter((li) => !li.hidden).length);
    check(evaluated >= 1 && evaluated < total, "the 'evaluated' filter narrows the practice list", `${evaluated} of ${total}`);
    await page.uncheck("input[data-filter=evaluated]");
    const boxes = page.locator("li[data-practice] .compare-choose input");
    for (let i = 0; i < 3; i++) await boxes.nth(i).check();
    const chosen = await page.$$eval("li[data-practice] .compare-choose input:checked", (l) => l.map((b) => b.value));
    await page.click("[data-compare-go]");
    await page.waitForURL((u) => u.pathname === "/praksis/sammenlign/" && u.hash.length > 1, { timeout: 5000 });
    check(decodeURIComponent(new URL(page.url()).hash.slice(1)) === chosen.join(","), "the choice travels in the fragment only", page.url());
    await page.waitForFunction(() => document.querySelectorAll(".compare-table thead th").length === 3, null, { timeout: 5000 }).catch(() => {});
    const cols = await page.$$eval(".compare-table thead th", (l) => l.length);
    const rows = await page.$$eval(".compare-table tbody tr", (l) => l.length);
    const articles = await page.$$eval(".compare-article", (l) => l.length);
    check(cols === 3 && rows >= 4 && articles === 3, "the comparison shows 3 practices side by side with their full text", `${cols} columns, ${rows} rows, ${articles} texts`);
    await page.evaluate(axeSource);
    const res = await page.evaluate(() => window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } }));
    check(res.violations.length === 0, "axe: no violations on the filled comparison",
      res.violations.map((v) => `${v.id}: ${v.nodes.length}× ${v.nodes[0] && v.nodes[0].target}`).join("; "));
    const dupes = await page.evaluate(() => {
      const seen = new Map();
      for (const e of document.querySelectorAll("[id]")) seen.set(e.id, (seen.get(e.id) || 0) + 1);
      return [...seen].filter(([, n]) => n > 1).map(([id]) => id);
    });
    check(dupes.length === 0, "no duplicate ids on the filled comparison", dupes.join(", "));
    await ctx.close();
  }

  // 5. axe-core: zero violations (WCAG 2.0/2.1 A and AA rules).
  {
    const axeSource = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
    const ctx = await browser.newContext({ bypassCSP: true });
    const page = await ctx.newPage();
    for (const p of Object.values(pages).filter(Boolean)) {
      await page.goto(origin + p);
      if (SEARCHES[p]) {
        await page.fill("#q", SEARCHES[p]);
        await page.waitForFunction(() => document.querySelectorAll(".search-results li").length > 0, null, { timeout: 5000 }).catch(() => {});
        if (p !== "/soeg/") await page.waitForSelector(".search-other:not([hidden])", { timeout: 5000 }).catch(() => {});
      }
      await page.evaluate(axeSource);
      const res = await page.evaluate(() => window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } }));
      report.axe[p] = res.violations.length;
      check(res.violations.length === 0, `axe: no violations on ${p}`,
        res.violations.map((v) => `${v.id}: ${v.nodes.length}× ${v.nodes[0] && v.nodes[0].target}`).join("; "));
    }
    await ctx.close();
  }
} finally {
  await browser.close();
  server.close();
}
console.log(JSON.stringify(report));
if (failures.length) {
  console.log(`${failures.length} browser check(s) failed`);
  process.exit(1);
}
