// Prints the browser client's editDistance for each [a, b, max] of a JSON file, as a JSON
// array (-1: above max). Usage: node tests/js/edit_distance.mjs <pairs.json>
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const src = fs.readFileSync(path.join(here, "../../themes/default/static/search-engine.js"), "utf8");
const module = { exports: {} };
new Function("module", src)(module);
const { editDistance } = module.exports;
const pairs = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
process.stdout.write(JSON.stringify(pairs.map(([a, b, max]) => editDistance(a, b, max))));
