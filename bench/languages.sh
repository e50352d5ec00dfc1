#!/usr/bin/env bash
# What the site's other languages cost: the default site built with site.yaml's
# `languages: [da, en, ar]` and with Danish only, RUNS times each (alternating, output on
# tmpfs), reporting median wall time and pages per language.
#
#   bash bench/languages.sh [RUNS]      (default 9)
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/vejviser-target}"
runs="${1:-9}"
cargo build --release -q
bin="$CARGO_TARGET_DIR/release/vejviser"
work=$(mktemp -d /dev/shm/vv-lang-XXXX)
trap 'rm -rf "$work"' EXIT
for variant in all danish; do
  mkdir -p "$work/$variant"
  cp -r content site.yaml "$work/$variant/"
done
sed -i 's/^languages: .*/languages: [da]/' "$work/danish/site.yaml"
# Translations need their language listed: Danish only means without them.
find "$work/danish/content" -name '*.en.md' -delete -o -name '*.ar.md' -delete
rm -f "$work/danish/content/synonymer.en.yaml" "$work/danish/content/synonymer.ar.yaml"
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
declare -A times
for ((i = 0; i < runs; i++)); do
  for variant in all danish; do
    out="$work/out-$variant"
    rm -rf "$out"
    t0=$(date +%s.%N)
    "$bin" build --root "$work/$variant" --out "$out" >/dev/null 2>&1
    t1=$(date +%s.%N)
    times[$variant]+="$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.4f", b - a}') "
  done
done
for variant in all danish; do
  out="$work/out-$variant"
  m=$(echo "${times[$variant]}" | tr ' ' '\n' | grep . | median)
  pages=$(find "$out" -name '*.html' | wc -l)
  printf "%-7s median %.3f s over %d runs, %d HTML pages" "$variant" "$m" "$runs" "$pages"
  for l in en ar; do
    [ -d "$out/$l" ] && printf ", %s: %d" "$l" "$(find "$out/$l" -name '*.html' | wc -l)"
  done
  echo
done
