#!/usr/bin/env bash
# Issue 8's long-sentence bound: times `frontline extract` on one sentence of N words (default
# 5,000 10,000 20,000 100,000) made here from a fixed vocabulary. Linear behaviour doubles the
# time when N doubles (minus the ~1 s of loading). Not a timed unit test: machines differ.
# usage: bench-long-sentence.sh [FRONTLINE_BINARY] [N...]
set -euo pipefail
cd "$(dirname "$0")/.."
frontline=${1:-build/release/src/app/frontline}
shift || true
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(5000 10000 20000 100000)
export FRONTLINE_DATA=$PWD
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for n in "${sizes[@]}"; do
  python3 - "$n" >"$work/long.txt" <<'PY'
import random, sys
random.seed(1)
words = "rebels shelled the town of Aleppo and government forces killed three fighters near Idlib while".split()
print("Long sentence\n")
print(" ".join(random.choice(words) for _ in range(int(sys.argv[1]))) + ".")
PY
  start=$(date +%s.%N)
  "$frontline" extract "$work/long.txt" -o "$work/out.geojson" --published 2015-01-01 -j 1 2>/dev/null || true
  echo "$n words: $(python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.1f}')" "$start" "$(date +%s.%N)") s"
done
