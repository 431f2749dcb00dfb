#!/usr/bin/env bash
# Measures mohinh against the floor (cmd/mohinh-floor) on generated
# corpora, as docs/performance.md reports: whole processes, each run into a
# fresh output folder, floor and build interleaved, median of RUNS runs.
#
#   bash docs/measure.sh                 # 1,000 and 10,000 registrations
#   SIZES="10000 50000" RUNS=3 bash docs/measure.sh
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES=${SIZES:-"1000 10000"}
RUNS=${RUNS:-3}
WORK=${WORK:-/tmp/mohinh-measure}
mkdir -p "$WORK"
go build -o "$WORK/mohinh" ./cmd/mohinh
go build -o "$WORK/mohinh-corpus" ./cmd/mohinh-corpus
go build -o "$WORK/floor" ./cmd/mohinh-floor

# time_of CMD…: prints "seconds max-RSS-KB" of one run.
time_of() { /usr/bin/time -f "%e %M" "$@" 2>&1 >/dev/null | tail -1; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

printf '| registrations | floor (s) | build (s) | ratio | build peak memory (MB) | check (s) |\n'
printf '|---|---|---|---|---|---|\n'
for n in $SIZES; do
  site="$WORK/corpus-$n"
  [ -d "$site/content" ] || "$WORK/mohinh-corpus" -n "$n" -seed 1 -out "$site" >/dev/null
  : > "$WORK/floor.txt"; : > "$WORK/build.txt"; : > "$WORK/mem.txt"; : > "$WORK/check.txt"
  for i in $(seq "$RUNS"); do
    out="$WORK/out-$n-$i"
    time_of "$WORK/floor" "$site/content" "$out-floor" | awk '{print $1}' >> "$WORK/floor.txt"
    read -r secs kb < <(time_of "$WORK/mohinh" build --site "$site" --out "$out-build")
    echo "$secs" >> "$WORK/build.txt"; echo "$((kb / 1024))" >> "$WORK/mem.txt"
    time_of "$WORK/mohinh" check --site "$site" | awk '{print $1}' >> "$WORK/check.txt"
    rm -rf "$out-floor" "$out-build" &
  done
  wait
  f=$(median < "$WORK/floor.txt"); b=$(median < "$WORK/build.txt")
  printf '| %s | %s | %s | %.2f× | %s | %s |\n' "$n" "$f" "$b" "$(echo "$b / $f" | bc -l)" "$(median < "$WORK/mem.txt")" "$(median < "$WORK/check.txt")"
done
echo
echo "Save-to-reload in mohinh serve at 10,000 (median and 90th percentile of 20 edits):"
MOHINH_BENCH_N=10000 go test -run '^$' -bench SaveToReload -benchtime 20x ./internal/serve/ | grep Benchmark
