// Pagefind over the same built site, in headless Chromium: for each query the top 5 URLs
// and the gzip bytes fetched before the first result (pagefind.js, wasm, metadata, index
// chunks, the first result's fragment). Prints JSON. Run by bench/search.sh after
// `python -m pagefind --site <public-dir>`.
// Usage: node bench/pagefind.mjs <public-dir> <queries.txt>
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import zlib from "node:zlib";
import { chromium } from "playwright-core";

const [publicDir, queriesFile] = process.argv.slice(2);
const queries = fs.readFileSync(queriesFile, "utf8").split("\n")
  .filter((l) => l.trim() && !l.startsWith("#")).map((l) => l.split("|")[0].trim());
const served = [];
const server = http.createServer((req, res) => {
  let p = path.join(publicDir, decodeURIComponent(new URL(req.url, "http://x").pathname));
  if (fs.existsSync(p) && fs.statSync(p).isDirectory()) p = path.join(p, "index.html");
  if (!fs.existsSync(p)) { res.writeHead(404); return res.end(); }
  const body = fs.readFileSync(p);
  // Pagefind's own files are already gzip-compressed; count others as gzip would send them.
  served.push(/\.pf_|\.pagefind$/.test(p) ? body.length : zlib.gzipSync(body, { level: 9 }).length);
  const type = p.endsWith(".js") ? "text/javascript" : p.endsWith(".html") ? "text/html" : p.endsWith(".json") ? "application/json" : "application/octet-stream";
  res.writeHead(200, { "content-type": type });
  res.end(body);
});
await new Promise((r) => server.listen(0, "127.0.0.1", r));
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"] });
const out = { queries: {} };
try {
  for (const q of queries) {
    const ctx = await browser.newContext({ bypassCSP: true });
    const page = await ctx.newPage();
    await page.goto(origin + "/404.html");
    served.length = 0;
    const first = await page.evaluate(async (q) => {
      const pf = await import("/pagefind/pagefind.js");
      await pf.init();
      window.__r = await pf.search(q);
      return window.__r.results.length ? (await window.__r.results[0].data()).url : null;
    }, q);
    const firstResultGz = served.reduce((a, b) => a + b, 0);
    const rest = await page.evaluate(async () => {
      const data = [];
      for (const x of window.__r.results.slice(1, 5)) data.push((await x.data()).url);
      return data;
    });
    out.queries[q] = { urls: first ? [first, ...rest] : [], firstResultGz };
    await ctx.close();
  }
} finally {
  await browser.close();
  server.close();
}
let size = 0;
for (const f of fs.readdirSync(path.join(publicDir, "pagefind"), { recursive: true })) {
  const p = path.join(publicDir, "pagefind", f);
  if (fs.statSync(p).isFile()) size += fs.statSync(p).size;
}
out.indexBytes = size;
process.stdout.write(JSON.stringify(out));
