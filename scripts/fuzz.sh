#!/usr/bin/env bash
# Issue 8: builds the libFuzzer targets (the `fuzz` preset: clang-14, ASan + UBSan) and runs each
# for FUZZ_SECONDS (default 60) from seeds taken from tests/data, after replaying every checked-in
# regression input (tests/data/fuzz-regressions/TARGET/). Exit 0: no finding; 1: a finding, whose
# input is saved under build/fuzz/findings/ (check it in as a regression and fix it).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${FUZZ_SECONDS:-60}
targets=(fuzz_ingest_txt fuzz_ingest_json fuzz_ingest_html fuzz_ingest_ndjson fuzz_pipeline fuzz_control_layer fuzz_geoparse)
bash scripts/build.sh fuzz --target "${targets[@]}"

# The fuzzers read the lexicon and gazetteer from the source tree.
export FRONTLINE_DATA=$PWD
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:allocator_may_return_null=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
findings=build/fuzz/findings
mkdir -p "$findings"

# Seeds: the test data each reader is meant for. Fuzzing grows copies, never the checked-in files.
seed() {  # seed TARGET FILE...
  local target=$1; shift
  mkdir -p "$work/$target"
  for f in "$@"; do [ -f "$f" ] && cp "$f" "$work/$target/$(echo "$f" | tr / _)"; done
  return 0
}
seed fuzz_ingest_txt tests/data/corpus/seed/*.txt tests/data/corpus/dev/*.txt tests/data/ingest/folder/*.txt
seed fuzz_ingest_json tests/data/ingest/*.json tests/data/corpus/dev/*.meta.json
seed fuzz_ingest_html tests/data/ingest/*.html
seed fuzz_ingest_ndjson tests/data/ingest/*.ndjson tests/data/ingest/folder/nested/*.jsonl
seed fuzz_pipeline tests/data/corpus/seed/*.txt tests/data/corpus/dev/*.txt
seed fuzz_control_layer geodata/scenarios/*/control.geojson geodata/scenarios/*/*-fix.geojson
# geoparse reads JSONL articles: one line per corpus article, as its CLI test feeds it.
mkdir -p "$work/fuzz_geoparse"
python3 - "$work/fuzz_geoparse" tests/data/corpus/seed/*.txt tests/data/corpus/dev/*.txt <<'PY'
import json, pathlib, sys
out = pathlib.Path(sys.argv[1])
for i, name in enumerate(sys.argv[2:]):
    text = pathlib.Path(name).read_text(encoding="utf-8", errors="replace")
    (out / f"article-{i}.jsonl").write_text(json.dumps({"id": str(i), "text": text}) + "\n")
PY

status=0
for t in "${targets[@]}"; do
  bin=build/fuzz/fuzz/$t
  regressions=tests/data/fuzz-regressions/$t
  if [ -d "$regressions" ] && [ -n "$(ls -A "$regressions")" ]; then
    echo "== $t: replaying $(ls "$regressions" | wc -l) regression inputs"
    "$bin" -runs=0 "$regressions"/* >"$work/$t.replay.log" 2>&1 || { tail -40 "$work/$t.replay.log"; status=1; }
  fi
  echo "== $t: ${seconds} s"
  # -rss_limit_mb: the pipeline fuzzer maps the gazetteer; -timeout: an input slower than 30 s is a finding.
  if ! "$bin" -max_total_time="$seconds" -timeout=30 -rss_limit_mb=3072 -max_len=65536 \
       -artifact_prefix="$findings/$t-" -print_final_stats=1 "$work/$t" >"$work/$t.log" 2>&1; then
    tail -60 "$work/$t.log"
    status=1
  fi
  grep -E "^stat::number_of_executed_units|^stat::peak_rss_mb" "$work/$t.log" | tr '\n' ' ' || true
  echo
done
exit $status
