// The embeddable help box (/indlejr/) in headless Chromium, framed the way a municipality's
// own site frames it: with the copy-paste snippet from /indlejr/, on a page of another
// origin. Started by tests/suite/browser.rs, which builds the site with
// --base-url http://127.0.0.1:PORT, embed.allowed_origins [http://localhost:PORT] and a
// quick exit on the same server.
// The server sends, for /indlejr/, the header the build wrote to indlejr/.htaccess (what
// Apache would send), so the browser enforces the shipped frame-ancestors policy.
// Usage: node tests/js/embed.mjs <public-dir> <port> <other-port>
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);
const [publicDir, portArg, otherArg] = process.argv.slice(2);
const port = Number(portArg);
const other = Number(otherArg);
const site = `http://127.0.0.1:${port}`;
const allowedParent = `http://localhost:${port}`;
const deniedParent = `http://127.0.0.1:${other}`;
const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
const failures = [];

function check(ok, what, detail = "") {
  console.log(`${ok ? "ok  " : "FAIL"} ${what}${detail ? " — " + detail : ""}`);
  if (!ok) failures.push(`${what} ${detail}`);
}

const htaccess = fs.readFileSync(path.join(publicDir, "indlejr/.htaccess"), "utf8");
const csp = (htaccess.match(/Content-Security-Policy "([^"]+)"/) || [])[1];
check(!!csp && csp.includes("frame-ancestors") && csp.includes(allowedParent),
  "indlejr/.htaccess sets frame-ancestors with the allowed origin", csp);

// The snippets as the web team copies them from /indlejr/ (HTML-escaped in a <code>).
const unescape = (s) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&amp;/g, "&");
const overview = fs.readFileSync(path.join(publicDir, "indlejr/index.html"), "utf8");
const snippets = [...overview.matchAll(/<code>(&lt;iframe[\s\S]*?)<\/code>/g)].map((m) => unescape(m[1]));
check(snippets.length === 3, "the overview page has a snippet per size", `${snippets.length}`);
const snippetFor = (size) => snippets.find((s) => s.includes(`/indlejr/${size}/`));

const TYPES = { ".html": "text/html; charset=utf-8", ".css": "text/css" };
const setCookies = [];
const handler = (req, res) => {
  const url = new URL(req.url, site);
  if (url.pathname === "/__exit/") {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    return res.end("<!doctype html><html lang=da><title>Neutral</title><h1>Neutral side</h1>");
  }
  if (url.pathname === "/__parent/") {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    return res.end(`<!doctype html><html lang=da><title>Kommunen</title><main><h1>Kommunens side</h1>${snippetFor(url.searchParams.get("size"))}</main>`);
  }
  let p = path.join(publicDir, decodeURIComponent(url.pathname));
  if (!p.startsWith(path.resolve(publicDir))) { res.writeHead(403); return res.end(); }
  if (fs.existsSync(p) && fs.statSync(p).isDirectory()) p = path.join(p, "index.html");
  if (!fs.existsSync(p)) { res.writeHead(404); return res.end("not found"); }
  const headers = { "content-type": TYPES[path.extname(p)] || "application/octet-stream" };
  if (url.pathname.startsWith("/indlejr/")) headers["content-security-policy"] = csp;
  res.writeHead(200, headers);
  res.end(fs.readFileSync(p));
};
const server = http.createServer(handler);
const otherServer = http.createServer(handler);
await new Promise((r) => server.listen(port, "127.0.0.1", r));
await new Promise((r) => otherServer.listen(other, "127.0.0.1", r));

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
    "--host-resolver-rules=MAP localhost 127.0.0.1"],
});

async function framed(ctx, parent, size) {
  const page = await ctx.newPage();
  const requests = [];
  page.on("request", (r) => requests.push(r.url()));
  page.on("response", (r) => { if (r.headers()["set-cookie"]) setCookies.push(r.url()); });
  await page.goto(`${parent}/__parent/?size=${size}`);
  await page.waitForTimeout(300);
  const frame = page.frames().find((f) => f !== page.mainFrame());
  return { page, frame, requests };
}

try {
  for (const size of ["lille", "mellem", "stor"]) {
    const ctx = await browser.newContext();
    const { page, frame, requests } = await framed(ctx, allowedParent, size);
    const title = frame && await frame.textContent("h1").catch(() => null);
    check(title === "Hjælp mod vold", `${size}: the box renders in an iframe on an allowed origin`, String(title));
    const exitBg = frame && await frame.$eval(".embed-exit-button", (e) => getComputedStyle(e).backgroundColor).catch(() => null);
    check(exitBg === "rgb(163, 0, 27)", `${size}: its stylesheet loads inside the sandboxed frame`, String(exitBg));
    const foreign = requests.filter((u) => { const h = new URL(u).host; return h !== `127.0.0.1:${port}` && h !== `localhost:${port}`; });
    check(foreign.length === 0, `${size}: no request to any other host`, foreign.join(", "));
    const fromBox = requests.filter((u) => u.startsWith(site));
    check(fromBox.every((u) => /\/indlejr\/|\/static\/embed\.[0-9a-f]+\.css$/.test(new URL(u).pathname)),
      `${size}: the box fetches only itself and its stylesheet`, fromBox.join(", "));
    const links = frame ? await frame.$$eval("a", (as) => as.map((a) => [a.getAttribute("href"), a.target])) : [];
    check(links.length > 2 && links.every(([, t]) => t === "_top"), `${size}: every link opens in the top window`,
      links.filter(([, t]) => t !== "_top").map(([h]) => h).join(", "));
    // Quick exit leaves the whole page, not just the box.
    await frame.click(".embed-exit-button");
    await page.waitForURL(`${site}/__exit/`, { timeout: 5000 }).catch(() => {});
    check(page.url() === `${site}/__exit/`, `${size}: quick exit replaces the parent page`, page.url());
    const cookies = await ctx.cookies();
    check(cookies.length === 0, `${size}: no cookie`, JSON.stringify(cookies));
    await ctx.close();
  }
  check(setCookies.length === 0, "no response sets a cookie", setCookies.join(", "));
  // An audience link in the big box opens the help page in the top window.
  {
    const ctx = await browser.newContext();
    const { page, frame } = await framed(ctx, allowedParent, "stor");
    await frame.click(".embed-links a");
    await page.waitForURL(/\/hjaelp\/[^/]+\/$/, { timeout: 5000 }).catch(() => {});
    check(page.url().startsWith(`${site}/hjaelp/`), "an audience link opens its help page in the top window", page.url());
    await ctx.close();
  }
  // A site not in embed.allowed_origins cannot show the box.
  {
    const ctx = await browser.newContext();
    const { page, frame } = await framed(ctx, deniedParent, "lille");
    const title = frame && await frame.evaluate(() => { const h = document.querySelector("h1"); return h && h.textContent; }).catch(() => null);
    check(title !== "Hjælp mod vold", "a site not in embed.allowed_origins cannot frame the box", `${frame && frame.url()} ${title}`);
    await page.close();
    await ctx.close();
  }
  // axe-core (WCAG 2.0/2.1 A and AA) on each box at its own size, and no sideways scrolling.
  {
    const axeSource = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
    for (const [size, w, h] of [["lille", 300, 340], ["mellem", 300, 620], ["stor", 600, 560]]) {
      const ctx = await browser.newContext({ bypassCSP: true, viewport: { width: w, height: h } });
      const page = await ctx.newPage();
      await page.goto(`${site}/indlejr/${size}/`);
      await page.evaluate(axeSource);
      const res = await page.evaluate(() => window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } }));
      check(res.violations.length === 0, `axe: no violations in the ${size} box`,
        res.violations.map((v) => `${v.id}: ${v.nodes.length}× ${v.nodes[0] && v.nodes[0].target}`).join("; "));
      const sideways = await page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
      check(!sideways, `${size}: no sideways scrolling at ${w} px`);
      await ctx.close();
    }
  }
} finally {
  await browser.close();
  server.close();
  otherServer.close();
}
if (failures.length) {
  console.log(`${failures.length} embed check(s) failed`);
  process.exit(1);
}
