#!/usr/bin/env bash
# Throughput of `frontline extract - -o -` over the seed and dev corpora replicated to 100 MB of
# NDJSON (docs/scaling.md): MB/s, articles/s, events/s, peak RSS and the ratio to `wc -l` over
# the same file, medians of 5 runs on 1 thread and on all cores; then the Google Benchmark of
# ingest-to-events on one thread and the gazetteer's start-up.
#   RUNS=5 MB=100 scripts/bench-throughput.sh
# CPU figures (user + system time) hold on a busy machine; wall figures need an idle one.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-5}
mb=${MB:-100}
bash scripts/build.sh release --target frontline frontline_throughput_bench >/dev/null
frontline=build/release/src/app/frontline
corpus=build/bench-corpus-${mb}mb.ndjson
[ -f "$corpus" ] || python3 scripts/make-bench-corpus.py tests/data/corpus "$corpus" --mb "$mb"
export FRONTLINE_DATA=$PWD
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

bytes=$(stat -c %s "$corpus")
articles=$(wc -l <"$corpus")
median() { sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

# time_runs NAME COMMAND...: runs the command $runs times on the corpus (stdin), stdout counted
# as events; leaves one line per run "wall cpu rss_kb events" in $tmp/NAME.
time_runs() {
  local name=$1
  shift
  : >"$tmp/$name"
  for _ in $(seq "$runs"); do
    /usr/bin/time -f "%e %U %S %M" -o "$tmp/time" "$@" <"$corpus" | wc -l >"$tmp/lines"
    read -r wall user sys rss <"$tmp/time"
    echo "$wall $(echo "$user + $sys" | bc) $rss $(cat "$tmp/lines")" >>"$tmp/$name"
  done
}

time_runs wc wc -l
time_runs j1 "$frontline" extract - -o - -j 1
time_runs jall "$frontline" extract - -o -

wc_wall=$(cut -d' ' -f1 "$tmp/wc" | median)
printf 'corpus: %s, %.1f MB, %d articles; %d runs each, medians\n' "$corpus" "$(echo "$bytes / 1048576" | bc -l)" "$articles" "$runs"
printf '%-22s %8s %8s %8s %8s %10s %10s %9s %10s\n' run wall_s cpu_s MB/s cpuMB/s articles/s events/s rss_MB "x wc -l"
for run in wc j1 jall; do
  wall=$(cut -d' ' -f1 "$tmp/$run" | median)
  cpu=$(cut -d' ' -f2 "$tmp/$run" | median)
  rss=$(cut -d' ' -f3 "$tmp/$run" | median)
  events=$(cut -d' ' -f4 "$tmp/$run" | median)
  [ "$run" = wc ] && events=0
  label=$run
  [ "$run" = j1 ] && label="extract -j 1"
  [ "$run" = jall ] && label="extract -j $(nproc)"
  [ "$run" = wc ] && label="wc -l"
  printf '%-22s %8.2f %8.2f %8.1f %8.1f %10.0f %10.0f %9.0f %10.0f\n' "$label" "$wall" "$cpu" \
    "$(echo "$bytes / 1048576 / $wall" | bc -l)" "$(echo "$bytes / 1048576 / ($cpu + 0.001)" | bc -l)" \
    "$(echo "$articles / $wall" | bc -l)" "$(echo "$events / $wall" | bc -l)" "$(echo "$rss / 1024" | bc -l)" \
    "$(echo "$wall / ($wc_wall + 0.0001)" | bc -l)"
done

echo
FRONTLINE_BENCH_MB=$mb build/release/bench/frontline_throughput_bench --benchmark_filter='EndToEnd|Gazetteer' 2>/dev/null |
  grep -E '_median|Benchmark|^-'
