#!/usr/bin/env bash
# `frontline eval` and the reference scorer (../shared/tools/score_events.py, which runs the binary
# as a user would) must print the same totals; where they differ, one of them has a bug.
# usage: scorer_agreement.sh FRONTLINE_BINARY CORPUS_DIR SHARED_TOOLS COUNTRIES_TOPOJSON
set -euo pipefail
frontline=$1 corpus=$2 tools=$3 countries=$4
if [ ! -f "$tools/score_events.py" ]; then
  echo "no reference scorer at $tools: skipped"
  exit 77
fi
ours=$("$frontline" eval --corpus "$corpus/seed" --corpus "$corpus/dev" | tail -1 | sed 's/ | geo .*//')
theirs=$(/usr/bin/python3 "$tools/score_events.py" --frontline "$frontline" --corpus "$corpus/seed" --corpus "$corpus/dev" \
           --countries "$countries" | tail -1)
echo "frontline eval: $ours"
echo "reference:      $theirs"
if [ "$ours" = "$theirs" ]; then echo "1 passed, 0 failed"; else echo "0 passed, 1 failed"; exit 1; fi
