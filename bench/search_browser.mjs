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
// H2=1 serves over HTTP/2 (bench/static_server.mjs).
// Prints JSON. Usage: [H2=1] node bench/search_browser.mjs <public-dir> <queries.txt> [runs]
import fs from "node:fs";
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import path from "node:path";
import zlib from "node:zlib";
import { chromium } from "playwright-core";

const [publicDir, queriesFile, runsArg] = process.argv.slice(2);
const runs = Number(runsArg || 7);
const gz = (buf) => zlib.gzipSync(buf, { level: 9 }).length;
const queries = fs.readFileSync(queriesFile, "utf8").split("\n")
  .filter((l) => l.trim() && !l.startsWith("#")).map((l) => l.split("|")[0].trim());

// The site is served by a child process, as a real web server is its own process: served
// from this one, every response waited behind Playwright's own traffic with the browser on
// the same event loop (measured 2026-12-03, "vold" at 10,000 entries: 276 ms in-process,
// 187 ms from a child).
const root = path.resolve(publicDir);
const h2 = process.env.H2 === "1";
const server = spawn(process.execPath, [fileURLToPath(new URL("./static_server.mjs", import.meta.url)), root],
  { env: { ...process.env }, stdio: ["ignore", "pipe", "inherit"] });
const port = await new Promise((resolve, reject) => {
  server.stdout.once("data", (b) => resolve(Number(String(b).trim())));
  server.once("exit", (code) => reject(new Error(`static server exited (${code})`)));
});
const origin = `${h2 ? "https" : "http"}://127.0.0.1:${port}`;

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

// Cold figures vary run to run on a shared machine: each query is run cold COLD times
// (default 3), each time in a fresh context, and its median is reported.
const coldRuns = Number(process.env.COLD || 3);
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const out = { queries: {} };
try {
  for (const q of queries) {
    const colds = [];
    let result = null;
    for (let c = 0; c < coldRuns; c++) {
      const context = await browser.newContext({ ignoreHTTPSErrors: h2 });
      const page = await context.newPage();
      const fetched = new Set();
      page.on("request", (r) => {
        const u = new URL(r.url());
        if ((u.pathname.startsWith("/soeg/") || u.pathname.startsWith("/static/search-engine.")) && /\.(json|js)$/.test(u.pathname)) {
          fetched.add(u.pathname);
        }
      });
      await page.goto(origin + "/soeg/");
      await page.waitForSelector("#q");
      // The page script (the engine script it loads is among the fetched files).
      const client = await page.evaluate(() => document.querySelector("script[src*='/search.']").src);
      await page.focus("#q");
      colds.push(await timeQuery(page, q));
      if (process.env.TIMELINE) {
        const tl = await page.evaluate(() => performance.getEntriesByType("resource")
          .filter((r) => /soeg|engine/.test(r.name))
          .map((r) => [r.name.replace(/^.*\//, "").replace(/\.[0-9a-f]{8}\.(json|js)$/, ""), Math.round(r.startTime), Math.round(r.responseEnd)]));
        const t0 = Math.min(...tl.map((r) => r[1]));
        const rounds = new Map();
        for (const [n, s, e] of tl) { const k = Math.round((s - t0) / 4) * 4; if (!rounds.has(k)) rounds.set(k, []); rounds.get(k).push(`${n}:${e - t0}`); }
        process.stderr.write(`${q} #${c}: ` + [...rounds].map(([k, v]) => `\n  @${k} ${v.join(" ")}`).join("") + "\n");
      }
      if (c === 0) {
        const status = await page.textContent(".search-status");
        const times = [];
        for (let i = 0; i < runs; i++) times.push(await timeQuery(page, q));
        let bytes = gz(fs.readFileSync(path.join(root, new URL(client).pathname)));
        for (const p of fetched) bytes += gz(fs.readFileSync(path.join(root, p)));
        result = { warmMs: median(times), firstResultGz: bytes, files: fetched.size, status };
      }
      await context.close();
    }
    out.queries[q] = { coldMs: median(colds), coldRuns: colds, ...result };
  }
} finally {
  await browser.close();
  server.kill();
}
process.stdout.write(JSON.stringify(out));
