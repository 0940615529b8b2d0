#!/usr/bin/env bash
# Scores `frontline geoparse` on the LGL corpus in both modes with the reference scorer:
#   spans: the gold spans are given, only resolution is scored (as Mordecai 3 reports it);
#   e2e:   frontline finds its own spans; recognition P/R/F1 and resolution on the matched spans.
# Each line: mode acc161 (share within 161 km), exact (share with the gold GeoNames id),
# median_km, n (resolved gold toponyms scored) [P R F1].
#
#   scripts/bench-geoparse.sh [GOLD.jsonl]     # default ../shared/bench/geoparsing/lgl.jsonl
#
# LGL is GPL-3.0: it stays in ../shared and is read from there, never copied into the project.
set -euo pipefail
cd "$(dirname "$0")/.."
gold="${1:-../shared/bench/geoparsing/lgl.jsonl}"
scorer="../shared/tools/score_geoparse.py"
[ -f "$gold" ] || { echo "bench-geoparse: no gold file at $gold" >&2; exit 2; }
[ -f "$scorer" ] || { echo "bench-geoparse: no reference scorer at $scorer" >&2; exit 2; }
scripts/build.sh release --target frontline >/dev/null
for mode in spans e2e; do
  python3 "$scorer" --frontline build/release/src/app/frontline --gold "$gold" --mode "$mode"
done
