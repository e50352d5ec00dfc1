#!/usr/bin/env bash
# Build-speed benchmark: vejviser against Hugo on the same synthetic entries.
#
#   bash bench/build.sh [N ...]        (default: 100 1000 10000)
#
# For each N it generates a deterministic site (bench/gensite.py), builds it with the
# release binary RUNS times into a tmpfs, and reports the median wall time, pages per
# second and peak memory (/usr/bin/time -v). When `hugo` is on the PATH it builds the same
# entries with equivalent minimal templates in the same run and prints the ratio
# vejviser/Hugo. Results are compared with bench/baseline.tsv: a figure more than 20 % worse
# than the baseline is flagged REGRESSION (exit code 3). Posters are excluded (their own
# benchmark is bench/posters.sh). Run `bash bench/build.sh --update-baseline` to store the
# current figures as the new baseline.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/vejviser-target}"

update=0
sizes=()
for a in "$@"; do
  case "$a" in
    --update-baseline) update=1 ;;
    *) sizes+=("$a") ;;
  esac
done
[ ${#sizes[@]} -gt 0 ] || sizes=(100 1000 10000)

cargo build --release -q
bin="$CARGO_TARGET_DIR/release/vejviser"
work="${BENCH_DIR:-$(mktemp -d)}"
mkdir -p "$work"
# Output on tmpfs: this machine's disk slows down run after run when output is deleted.
out_root="/dev/shm/vejviser-bench-$$"
mkdir -p "$out_root"
trap 'rm -rf "$out_root"' EXIT

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

# One timed run: prints "seconds peak_kb".
timed() {
  local log; log=$(mktemp)
  # Wall time from a nanosecond clock (GNU time reports 10 ms steps, too coarse for N=100);
  # peak memory from /usr/bin/time -v.
  local t0 t1
  t0=$(date +%s.%N)
  /usr/bin/time -v "$@" >/dev/null 2>"$log" || { cat "$log" >&2; rm -f "$log"; return 1; }
  t1=$(date +%s.%N)
  local wall kb
  wall=$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.4f", b - a}')
  kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$log")
  rm -f "$log"
  echo "$wall $kb"
}

results="$work/results.tsv"
printf "n\ttool\tmedian_s\tpages\tpages_per_s\tpeak_mib\n" > "$results"
have_hugo=0; command -v hugo >/dev/null 2>&1 && have_hugo=1

# The default content (this repository's site), posters and search index included.
if [ "${SKIP_DEFAULT:-0}" != 1 ]; then
  times=(); peak=0
  for r in $(seq 10); do
    read -r s kb < <(timed "$bin" build --root . --out "$out_root/default")
    times+=("$s"); [ "$kb" -gt "$peak" ] && peak=$kb
  done
  med=$(printf "%s\n" "${times[@]}" | median)
  pages=$(find "$out_root/default" -name '*.html' | wc -l)
  printf "default\tvejviser\t%.3f\t%s\t%s\t%.0f\n" "$med" "$pages" "$(awk -v p="$pages" -v s="$med" 'BEGIN {printf "%.0f", p / s}')" "$(awk -v k="$peak" 'BEGIN {print k/1024}')" >> "$results"
  rm -rf "$out_root/default"
fi

for n in "${sizes[@]}"; do
  runs=5; [ "$n" -ge 10000 ] && runs=3
  site="$work/site-$n"; hsite="$work/hugo-$n"
  if [ "$have_hugo" = 1 ]; then
    python3 bench/gensite.py --entries "$n" --out "$site" --hugo "$hsite"
  else
    python3 bench/gensite.py --entries "$n" --out "$site"
  fi
  for tool in vejviser hugo; do
    [ "$tool" = hugo ] && [ "$have_hugo" = 0 ] && continue
    times=(); peak=0
    for r in $(seq "$runs"); do
      out="$out_root/$tool-$n"
      if [ "$tool" = vejviser ]; then
        read -r s kb < <(timed "$bin" build --root "$site" --out "$out")
      else
        read -r s kb < <(timed hugo -s "$hsite" -d "$out" --quiet)
      fi
      times+=("$s"); [ "$kb" -gt "$peak" ] && peak=$kb
    done
    med=$(printf "%s\n" "${times[@]}" | median)
    pages=$(find "$out_root/$tool-$n" -name '*.html' | wc -l)
    pps=$(awk -v p="$pages" -v s="$med" 'BEGIN {printf "%.0f", p / s}')
    printf "%s\t%s\t%.3f\t%s\t%s\t%.0f\n" "$n" "$tool" "$med" "$pages" "$pps" "$(awk -v k="$peak" 'BEGIN {print k/1024}')" >> "$results"
    rm -rf "$out_root/$tool-$n"
  done
done

echo
echo "| N | tool | median wall (s) | pages | pages/s | peak memory (MiB) |"
echo "| ---: | --- | ---: | ---: | ---: | ---: |"
tail -n +2 "$results" | awk -F'\t' '{printf "| %s | %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5, $6}'
if [ "$have_hugo" = 1 ]; then
  echo
  echo "| N | vejviser / Hugo |"
  echo "| ---: | ---: |"
  awk -F'\t' 'NR>1 {t[$1" "$2]=$3; if ($2=="hugo") n[$1]=1} END {for (k in n) printf "| %s | %.2f |\n", k, t[k" vejviser"]/t[k" hugo"]}' "$results" | sort -t'|' -k2 -n
else
  echo "(hugo not on PATH: apt-get install hugo for the side-by-side figures)"
fi

# Linearity: time per entry should not grow with N.
awk -F'\t' '$2=="vejviser" && $1!="default" {printf "vejviser: %s entries, %.1f µs per entry\n", $1, $3/$1*1e6}' "$results"

baseline=bench/baseline.tsv
status=0
if [ "$update" = 1 ]; then
  # n, seconds, MiB, and the ratio to Hugo measured in the same run ("-" without Hugo):
  # absolute times drift with this machine's state from day to day, the ratio much less.
  awk -F'\t' 'NR>1 {t[$1" "$2]=$3; m[$1" "$2]=$6; if ($2=="vejviser") order[++k]=$1}
    END {for (i=1;i<=k;i++) {n=order[i]; r=(n" hugo" in t) ? sprintf("%.2f", t[n" vejviser"]/t[n" hugo"]) : "-";
      printf "%s\t%s\t%s\t%s\n", n, t[n" vejviser"], m[n" vejviser"], r}}' "$results" > "$baseline"
  echo "baseline updated: $baseline"
elif [ -f "$baseline" ]; then
  echo
  while IFS=$'\t' read -r n s mib ratio; do
    cur=$(awk -F'\t' -v n="$n" '$1==n && $2=="vejviser" {v=$3" "$6} $1==n && $2=="hugo" {h=$3} END {if (v!="") print v" "(h==""?"-":h)}' "$results")
    [ -n "$cur" ] || continue
    read -r cs cm ch <<< "$cur"
    cr=-; [ "$ch" != - ] && cr=$(awk -v a="$cs" -v b="$ch" 'BEGIN {printf "%.2f", a/b}')
    verdict=$(awk -v a="$cs" -v b="$s" -v c="$cm" -v d="$mib" -v e="$cr" -v f="${ratio:--}" 'BEGIN { r="";
      if (a > b*1.2 && a - b > 0.01) r=r" time "a"s vs baseline "b"s";
      if (c > d*1.2) r=r" memory "c"MiB vs baseline "d"MiB";
      if (e != "-" && f != "-" && e > f*1.2 && e - f > 0.05) r=r" ratio to Hugo "e" vs baseline "f;
      print r }')
    if [ -n "$verdict" ]; then echo "REGRESSION at N=$n:$verdict"; status=3; else echo "N=$n within 20 % of baseline ($cs s, $cm MiB, ratio $cr; baseline $s s, $mib MiB, ratio ${ratio:--})"; fi
  done < "$baseline"
fi
exit $status
