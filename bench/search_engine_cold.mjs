// A first query's own work in the browser, apart from the network: per query, a fresh
// headless Chromium page runs the search engine cold (nothing compiled or warmed up) on a
// built site, with every file the query needs answered from memory a round at a time, and
// the time from the query to its first 20 results with their titles is taken. Median of
// RUNS fresh pages per query. ENGINE=<path> runs another copy of search-engine.js, to
// compare two versions on the same site (alternate them: this machine's load varies).
// Prints JSON {query: ms, ...}.
// Usage: [ENGINE=path] node bench/search_engine_cold.mjs <public-dir> <queries.txt> [runs]
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const [site, queriesFile, runsArg] = process.argv.slice(2);
const runs = Number(runsArg || 5);
const here = path.dirname(fileURLToPath(import.meta.url));
const enginePath = process.env.ENGINE || path.join(here, "../themes/default/static/search-engine.js");
const src = fs.readFileSync(enginePath, "utf8");
const soeg = path.join(site, "soeg");
const indexText = fs.readFileSync(path.join(soeg, "index.json"), "utf8");
const queries = fs.readFileSync(queriesFile, "utf8").split("\n")
  .filter((l) => l.trim() && !l.startsWith("#")).map((l) => l.split("|")[0].trim());

// The files a query reads, found by running it once in node.
const module = { exports: {} };
new Function("module", src)(module);
async function filesOf(q) {
  const files = {};
  const engine = new module.exports.Engine(JSON.parse(indexText), async (f) => {
    files[f] = fs.readFileSync(path.join(soeg, f), "utf8");
    return JSON.parse(files[f]);
  });
  const first = await engine.top(q, 20);
  await engine.docs(first.hits.slice(0, 20).map((h) => h.doc));
  return files;
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run"],
});
const out = {};
try {
  for (const q of queries) {
    const files = await filesOf(q);
    const times = [];
    for (let r = 0; r < runs; r++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.setContent("<!doctype html><title>engine</title>");
      times.push(await page.evaluate(async ([src, indexText, files, q]) => {
        const module = { exports: {} };
        new Function("module", src)(module);
        // Files answered a round at a time, as the network would: every file asked for
        // while the engine works, together once it waits.
        let pending = [];
        const flush = () => { const p = pending; pending = []; for (const f of p) f(); };
        const t0 = performance.now();
        const engine = new module.exports.Engine(JSON.parse(indexText), (f) => new Promise((resolve) => {
          if (!pending.length) setTimeout(flush, 0);
          pending.push(() => resolve(JSON.parse(files[f])));
        }));
        const first = await engine.top(q, 20);
        await engine.docs(first.hits.slice(0, 20).map((h) => h.doc));
        return performance.now() - t0;
      }, [src, indexText, files, q]));
      await context.close();
    }
    times.sort((a, b) => a - b);
    out[q] = Math.round(times[times.length >> 1] * 10) / 10;
  }
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify(out) + "\n");
