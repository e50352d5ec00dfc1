// Search client figures for bench/search.sh: runs themes/default/static/search-engine.js in node
// against a built site, and prints JSON with, per query, the time to a ranked result
// (median of RUNS after a warm-up, shards already loaded, as when someone keeps typing) and
// the gzip bytes a browser downloads before the first result (client + index.json + the
// shards that query touched), and the round trips it makes after index.json.
// Usage: node bench/search_client.mjs <public-dir> <queries.txt> [runs]
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { fileURLToPath } from "node:url";

const [publicDir, queriesFile, runsArg] = process.argv.slice(2);
const runs = Number(runsArg || 9);
const here = path.dirname(fileURLToPath(import.meta.url));
const clientPath = path.join(here, "../themes/default/static/search-engine.js");
const src = fs.readFileSync(clientPath, "utf8");
const module = { exports: {} };
new Function("module", src)(module);
const { Engine } = module.exports;
const gz = (buf) => zlib.gzipSync(buf, { level: 9 }).length;
const soeg = path.join(publicDir, "soeg");
const indexBytes = fs.readFileSync(path.join(soeg, "index.json"));
// The page script and the engine it loads, as the build serves them (minified).
const staticDir = path.join(publicDir, "static");
const clientGz = fs.readdirSync(staticDir).filter((f) => /^search(-engine)?\.[0-9a-f]+\.js$/.test(f))
  .reduce((n, f) => n + gz(fs.readFileSync(path.join(staticDir, f))), 0);
const indexGz = gz(indexBytes);
const queries = fs.readFileSync(queriesFile, "utf8").split("\n")
  .filter((l) => l.trim() && !l.startsWith("#")).map((l) => l.split("|")[0].trim());

const out = { clientGz, indexGz, shards: 0, shardsGz: 0, queries: {} };
for (const f of fs.readdirSync(soeg)) if (/^[hp]\d+\./.test(f)) { out.shards++; out.shardsGz += gz(fs.readFileSync(path.join(soeg, f))); }
const t0 = process.hrtime.bigint();
const index = JSON.parse(indexBytes);
let engine = new Engine(index, async () => ({}));
out.loadMs = Number(process.hrtime.bigint() - t0) / 1e6;
for (const q of queries) {
  const fetched = new Set();
  // As the page does: the first 20 results, certain, and their titles. Fetches answer a
  // round at a time: every file asked for while the engine works is answered together
  // once it waits, so `rounds` counts the round trips a first query makes after
  // index.json (on a phone each costs a network round trip, whatever the bytes).
  let pending = [], rounds = 0;
  const flush = () => { rounds++; const p = pending; pending = []; for (const f of p) f(); };
  engine = new Engine(index, (file) => {
    fetched.add(file);
    const data = JSON.parse(fs.readFileSync(path.join(soeg, file)));
    return new Promise((resolve) => {
      if (!pending.length) setTimeout(flush, 0);
      pending.push(() => resolve(data));
    });
  });
  const first = await engine.top(q, 20);
  await engine.docs(first.hits.slice(0, 20).map((h) => h.doc));
  let shardGz = 0;
  for (const f of fetched) shardGz += gz(fs.readFileSync(path.join(soeg, f)));
  const times = [];
  for (let i = 0; i < runs; i++) {
    const s = process.hrtime.bigint();
    await engine.top(q, 20);
    times.push(Number(process.hrtime.bigint() - s) / 1e6);
  }
  times.sort((a, b) => a - b);
  out.queries[q] = { ms: times[times.length >> 1], firstResultGz: clientGz + indexGz + shardGz, shardsFetched: fetched.size, rounds };
}
process.stdout.write(JSON.stringify(out));
