// Runs the browser search client (themes/default/static/search-engine.js) in node against a built
// site and prints the top results of each query as JSON: {"query": ["/url/", ...], ...}.
// Usage: node tests/js/parity.mjs <public-dir> <queries.json> [limit]
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const [publicDir, queriesFile, limitArg] = process.argv.slice(2);
if (!publicDir || !queriesFile) {
  console.error("usage: node parity.mjs <public-dir> <queries.json> [limit]");
  process.exit(2);
}
const limit = Number(limitArg || 5);
const here = path.dirname(fileURLToPath(import.meta.url));
const src = fs.readFileSync(path.join(here, "../../themes/default/static/search-engine.js"), "utf8");
const module = { exports: {} };
new Function("module", src)(module);
const { Engine } = module.exports;

const soeg = path.join(publicDir, "soeg");
const index = JSON.parse(fs.readFileSync(path.join(soeg, "index.json"), "utf8"));
const fetchJson = async (file) => JSON.parse(fs.readFileSync(path.join(soeg, file), "utf8"));
const queries = JSON.parse(fs.readFileSync(queriesFile, "utf8"));
const out = {};
for (const q of queries) {
  // As the page does: a fresh engine ranks the first page from as few postings as it can
  // (top), which must agree with ranking every result (search).
  const fetched = [];
  const engine = new Engine(index, (file) => { fetched.push(file); return fetchJson(file); });
  const t0 = process.hrtime.bigint();
  const first = await engine.top(q, 20);
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const all = await new Engine(index, fetchJson).search(q);
  const key = (h) => `${h.doc}:${h.score}`;
  const sameAsAll = first.hits.slice(0, 20).map(key).join() === all.slice(0, 20).map(key).join() &&
    (first.complete ? first.count === all.length : first.atLeast <= all.length && all.length > 0);
  const hits = first.hits.slice(0, limit);
  // Titles from the engine that ranked them, as the page does: common words' heads bring
  // theirs in one file each (`r<term>`), the rest one file per document.
  const ranked = fetched.length;
  const meta = await engine.docs(hits.map((h) => h.doc));
  const rowFiles = fetched.slice(ranked);
  out[q] = { urls: meta.map((m) => m[1]), scores: hits.map((h) => h.score), ms, sameAsAll, total: all.length,
    rowFiles: rowFiles.length, bundles: rowFiles.filter((f) => f.startsWith("r")).length };
}
process.stdout.write(JSON.stringify(out));
