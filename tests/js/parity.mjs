// Runs the browser search client (themes/default/static/search.js) in node against a built
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
const src = fs.readFileSync(path.join(here, "../../themes/default/static/search.js"), "utf8");
const module = { exports: {} };
new Function("module", src)(module);
const { Engine } = module.exports;

const soeg = path.join(publicDir, "soeg");
const index = JSON.parse(fs.readFileSync(path.join(soeg, "index.json"), "utf8"));
const engine = new Engine(index, async (file) => JSON.parse(fs.readFileSync(path.join(soeg, file), "utf8")));
const queries = JSON.parse(fs.readFileSync(queriesFile, "utf8"));
const out = {};
for (const q of queries) {
  const t0 = process.hrtime.bigint();
  const hits = await engine.search(q, null);
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const meta = await engine.docs(hits.slice(0, limit).map((h) => h.doc));
  out[q] = { urls: meta.map((m) => m[1]), scores: hits.slice(0, limit).map((h) => h.score), ms };
}
process.stdout.write(JSON.stringify(out));
