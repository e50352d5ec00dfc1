// Search in a real browser for bench/search.sh: serves a built site on loopback, opens
// /soeg/ in headless Chromium (Debian's chromium, driven by playwright-core) and, per query,
// measures
//   - cold: a fresh browser context (nothing cached) focuses the field, submits the query
//     and waits for the result count; time from submit to results shown, and the gzip bytes
//     of everything fetched under /soeg/ (index.json, vocabulary blocks, postings, document
//     chunks) plus the page script and the engine script it loads;
//   - warm: the same page, the query submitted again (shards cached in memory, as when
//     someone keeps typing); median of RUNS.
// Bytes are weighed from the files on disk by the paths the page requested, after the
// query: reading response bodies through the DevTools protocol while the query runs added
// about 100 ms to the cold figure (measured 2026-12-03: 183 ms without, 290 ms with).
// H2=1 serves over HTTP/2 (TLS with a throwaway self-signed certificate, as most hosting
// serves HTTPS today): one connection, no queue of six.
// Prints JSON. Usage: [H2=1] node bench/search_browser.mjs <public-dir> <queries.txt> [runs]
import fs from "node:fs";
import http from "node:http";
import http2 from "node:http2";
import os from "node:os";
import { execFileSync } from "node:child_process";
import path from "node:path";
import zlib from "node:zlib";
import { chromium } from "playwright-core";

const [publicDir, queriesFile, runsArg] = process.argv.slice(2);
const runs = Number(runsArg || 7);
const gz = (buf) => zlib.gzipSync(buf, { level: 9 }).length;
const queries = fs.readFileSync(queriesFile, "utf8").split("\n")
  .filter((l) => l.trim() && !l.startsWith("#")).map((l) => l.split("|")[0].trim());

const TYPES = { ".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript",
  ".json": "application/json" };
const root = path.resolve(publicDir);
const h2 = process.env.H2 === "1";
function tlsOptions() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vv-h2-"));
  execFileSync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=127.0.0.1",
    "-days", "1", "-keyout", path.join(dir, "key.pem"), "-out", path.join(dir, "cert.pem")], { stdio: "ignore" });
  const o = { key: fs.readFileSync(path.join(dir, "key.pem")), cert: fs.readFileSync(path.join(dir, "cert.pem")), allowHTTP1: true };
  fs.rmSync(dir, { recursive: true, force: true });
  return o;
}
function handler(req, res) {
  let p = path.join(root, decodeURIComponent(new URL(req.url, "http://x").pathname));
  if (!p.startsWith(root)) { res.writeHead(403); return res.end(); }
  if (fs.existsSync(p) && fs.statSync(p).isDirectory()) p = path.join(p, "index.html");
  if (!fs.existsSync(p)) { res.writeHead(404); return res.end(); }
  res.writeHead(200, { "content-type": TYPES[path.extname(p)] || "application/octet-stream" });
  res.end(fs.readFileSync(p));
}
const server = h2 ? http2.createSecureServer(tlsOptions(), handler) : http.createServer(handler);
await new Promise((r) => server.listen(0, "127.0.0.1", r));
const origin = `${h2 ? "https" : "http"}://127.0.0.1:${server.address().port}`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
    ...(h2 ? ["--ignore-certificate-errors"] : [])],
});

// Submit the query in the page and wait for the status line to show a count. Submitting
// skips the 80 ms typing debounce, so the figure is fetch + search + rendering only.
async function timeQuery(page, q) {
  return page.evaluate(async (q) => {
    const input = document.getElementById("q");
    const status = document.querySelector(".search-status");
    const form = input.form;
    status.textContent = "";
    input.value = q;
    const t0 = performance.now();
    const done = new Promise((resolve) => {
      const obs = new MutationObserver(() => {
        if (status.textContent) { obs.disconnect(); resolve(performance.now() - t0); }
      });
      obs.observe(status, { childList: true, characterData: true, subtree: true });
    });
    form.requestSubmit();
    return done;
  }, q);
}

const out = { queries: {} };
try {
  for (const q of queries) {
    const context = await browser.newContext({ ignoreHTTPSErrors: h2 });
    const page = await context.newPage();
    const fetched = new Map();
    page.on("request", (r) => {
      const u = new URL(r.url());
      if ((u.pathname.startsWith("/soeg/") || u.pathname.startsWith("/static/search-engine.")) && /\.(json|js)$/.test(u.pathname)) {
        fetched.set(u.pathname, 0);
      }
    });
    await page.goto(origin + "/soeg/");
    await page.waitForSelector("#q");
    const client = await page.evaluate(() => document.querySelector("script[src*='search']").src);
    const clientGz = gz(fs.readFileSync(path.join(root, new URL(client).pathname)));
    await page.focus("#q");
    const coldMs = await timeQuery(page, q);
    const status = await page.textContent(".search-status");
    const times = [];
    for (let i = 0; i < runs; i++) times.push(await timeQuery(page, q));
    times.sort((a, b) => a - b);
    let bytes = clientGz;
    for (const p of fetched.keys()) bytes += gz(fs.readFileSync(path.join(root, p)));
    out.queries[q] = { coldMs, warmMs: times[times.length >> 1], firstResultGz: bytes,
      files: fetched.size, status };
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
}
process.stdout.write(JSON.stringify(out));
