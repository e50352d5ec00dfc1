#!/usr/bin/env bash
# Search benchmark: index build time, bytes before the first result, query time in the
# browser client at 1,000 and 10,000 synthetic entries, and Pagefind over the same built
# default site (bytes before first result, index size, relevance on our query suite).
# The synthetic sites use gensite.py's realistic vocabulary; VOCABULARY=simple selects the
# small corpus used until December 2026.
#
#   bash bench/search.sh            (needs node + `npm ci`; Pagefind from PyPI, installed
#                                    into ~/.cache/pagefind-venv on first use)
#
# Query times are measured by running the engine (themes/default/static/search-engine.js) in node
# (the same V8 engine as Chromium, without page rendering) and, for the synthetic sites, in
# headless Chromium on the real search page (bench/search_browser.mjs), with the engine's
# own share of a first query measured apart (bench/search_engine_cold.mjs).
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/vejviser-target}"
cargo build --release -q
bin="$CARGO_TARGET_DIR/release/vejviser"
queries=tests/search/relevance.txt
work="/dev/shm/vejviser-search-bench-$$"
mkdir -p "$work"
trap 'rm -rf "$work"' EXIT
sites="${BENCH_DIR:-$work}"
mkdir -p "$sites"

echo "== default site"
"$bin" build --out "$work/default" 2>&1 | grep "^Bygget"
node bench/search_client.mjs "$work/default" "$queries" > "$work/client.json"
python3 - "$work/client.json" <<'PY'
import json, sys, statistics
d = json.load(open(sys.argv[1]))
q = d["queries"]
b = sorted(v["firstResultGz"] for v in q.values())
print(f"client scripts gzip (page + engine): {d['clientGz']} B; index.json gzip: {d['indexGz']} B; "
      f"{d['shards']} posting files (heads and rests), {d['shardsGz']} B gzip in all")
print(f"bytes before first result (gzip, {len(b)} queries): median {statistics.median(b):.0f} B, max {max(b)} B")
r = [v["rounds"] for v in q.values()]
print(f"round trips after index.json before the first result: median {statistics.median(r):.0f}, max {max(r)}")
print(f"query time in client: median {statistics.median(v['ms'] for v in q.values()):.2f} ms, max {max(v['ms'] for v in q.values()):.2f} ms")
PY

for n in 1000 10000; do
  echo "== synthetic site, $n entries"
  # As in build.sh: a site from this gensite.py with the same arguments in BENCH_DIR is reused.
  site="$sites/site-$n"; vocabulary="${VOCABULARY:-realistic}"
  stamp="$n $vocabulary hugo=0 $(sha1sum bench/gensite.py | cut -c1-16)"
  # A site that build.sh generated with its Hugo copy is the same site: reused too.
  with_hugo="${stamp/hugo=0/hugo=1}"
  if [ -f "$site.stamp" ] && { [ "$(cat "$site.stamp")" = "$stamp" ] || [ "$(cat "$site.stamp")" = "$with_hugo" ]; }; then
    echo "reusing $site ($(cat "$site.stats"))"
  else
    python3 bench/gensite.py --entries "$n" --out "$site" --vocabulary "$vocabulary" --stats | tee "$site.stats"
    echo "$stamp" > "$site.stamp"
  fi
  "$bin" build --root "$site" --out "$work/out$n" 2>&1 | grep "^Bygget"
  du -sb "$work/out$n/soeg" | awk '{printf "search export: %.1f MB\n", $1/1e6}'
  node bench/search_client.mjs "$work/out$n" bench/search_queries.txt > "$work/c$n.json"
  python3 - "$work/c$n.json" <<'PY'
import json, sys, statistics
d = json.load(open(sys.argv[1]))
q = d["queries"]
print(f"index.json parse + setup: {d['loadMs']:.1f} ms; index.json gzip {d['indexGz']} B")
print(f"query time in client ({len(q)} queries): median {statistics.median(v['ms'] for v in q.values()):.2f} ms, "
      f"max {max(v['ms'] for v in q.values()):.2f} ms; bytes before first result median "
      f"{statistics.median(v['firstResultGz'] for v in q.values()):.0f} B; round trips after index.json "
      f"median {statistics.median(v['rounds'] for v in q.values()):.0f}, max {max(v['rounds'] for v in q.values())}")
PY
  if [ -x "${CHROMIUM:-/usr/bin/chromium}" ] && [ -d node_modules/playwright-core ]; then
    node bench/search_browser.mjs "$work/out$n" bench/search_queries.txt > "$work/b$n.json"
    python3 - "$work/b$n.json" <<'PY'
import json, sys, statistics
q = json.load(open(sys.argv[1]))["queries"]
med = lambda k: statistics.median(v[k] for v in q.values())
print(f"in headless Chromium ({len(q)} queries): cold query (fresh context, fetches included) "
      f"median {med('coldMs'):.0f} ms, max {max(v['coldMs'] for v in q.values()):.0f} ms; "
      f"warm median {med('warmMs'):.1f} ms; gzip bytes before the first 20 results "
      f"median {med('firstResultGz'):.0f} B, max {max(v['firstResultGz'] for v in q.values())} B; "
      f"files fetched median {med('files'):.0f}")
PY
    node bench/search_engine_cold.mjs "$work/out$n" bench/search_queries.txt > "$work/e$n.json"
    python3 - "$work/e$n.json" <<'PY'
import json, sys, statistics
q = json.load(open(sys.argv[1]))
print(f"first query's engine time in Chromium, files from memory ({len(q)} queries): "
      f"median {statistics.median(q.values()):.1f} ms, max {max(q.values()):.1f} ms, "
      f"sum {sum(q.values()):.0f} ms")
PY
  else
    echo "!! Chromium or node_modules missing: browser query time NOT measured (apt-get install chromium; npm ci)"
  fi
done

echo "== Pagefind over the same default site"
venv="$HOME/.cache/pagefind-venv"
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -m pagefind --version >/dev/null 2>&1; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q "pagefind[bin]"
fi
"$venv/bin/python" -m pagefind --version
"$venv/bin/python" -m pagefind --site "$work/default" --force-language da >/dev/null 2>&1
node bench/pagefind.mjs "$work/default" "$queries" > "$work/pagefind.json"
"$bin" build --out "$work/default2" >/dev/null 2>&1
python3 - "$work/pagefind.json" "$queries" "$bin" <<'PY'
import json, subprocess, sys, statistics
pf = json.load(open(sys.argv[1]))
b = [v["firstResultGz"] for v in pf["queries"].values() if v["urls"]]
print(f"Pagefind index size: {pf['indexBytes']} B; bytes before first result (gzip): "
      f"median {statistics.median(b) if b else 0:.0f} B, max {max(b) if b else 0} B")
ours = pagefind = total = 0
for line in open(sys.argv[2], encoding="utf-8"):
    if not line.strip() or line.startswith("#"):
        continue
    q, exp = [x.strip() for x in line.split("|")[:2]]
    expected = [] if exp == "-" else ["/" + e.strip().strip("/") + "/" for e in exp.split(",")]
    hits = json.loads(subprocess.run([sys.argv[3], "search", q, "--json", "--limit", "5"],
                                     capture_output=True, text=True).stdout)
    got = [h["url"] for h in hits]
    pgot = pf["queries"].get(q, {}).get("urls", [])
    ok = (not got) if not expected else any(e in got for e in expected)
    pok = (not pgot) if not expected else any(e in pgot for e in expected)
    total += 1; ours += ok; pagefind += pok
    print(f"  {'✓' if ok else '✗'} vejviser  {'✓' if pok else '✗'} pagefind  {q}")
print(f"relevance (expected entry in top 5): vejviser {ours}/{total}, Pagefind {pagefind}/{total}")
PY
