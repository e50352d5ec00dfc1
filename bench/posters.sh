#!/usr/bin/env bash
# Poster benchmark: builds the default site RUNS times into a tmpfs and reports the median
# time the print stage took (all posters and leaflets: PDFs in every size plus previews),
# as printed by `vejviser build`. Aim: under 2 s in total.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/vejviser-target}"
runs="${RUNS:-7}"
cargo build --release -q
bin="$CARGO_TARGET_DIR/release/vejviser"
out="/dev/shm/vejviser-posters-$$"
trap 'rm -rf "$out"' EXIT
times=()
for _ in $(seq "$runs"); do
  line=$("$bin" build --out "$out" 2>&1 | grep '^Bygget')
  times+=("$(sed -E 's/.*plakater ([0-9]+) ms.*/\1/' <<<"$line")")
done
pdfs=$(find "$out/plakater" -name '*.pdf' | wc -l)
pngs=$(find "$out/plakater" -name '*.png' | wc -l)
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}')
echo "posters: $pdfs PDFs + $pngs previews; print stage median ${median} ms over $runs builds (all: ${times[*]})"
