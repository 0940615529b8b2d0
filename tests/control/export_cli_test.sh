#!/usr/bin/env bash
# `frontline export` and `frontline eval --scenario` as a user runs them: the seed's acceptance
# numbers (ISIS holds 0.33 ± 0.08 of Kobane at the end of 2014-10-08, 0 ± 0.05 a day later), the
# layers on disk, and exit code 2 with nothing written for a control layer that names an unknown
# holder or lacks valid_from.
# usage: export_cli_test.sh FRONTLINE_BINARY CORPUS_DIR SCENARIOS_DIR
set -euo pipefail
frontline=$1 corpus=$2 scenarios=$3
seed=$(ls "$corpus"/seed/*.txt | head -1)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
check() {  # check NAME CONDITION...
  local name=$1; shift
  if "$@"; then echo "ok: $name"; else echo "FAILED: $name"; failures=$((failures + 1)); fi
}

"$frontline" eval --corpus "$corpus/seed" --scenario kobane-2014 --json > "$work/eval.json"
check "seed control rows within tolerance" /usr/bin/python3 -c '
import json, sys
rows = json.load(open(sys.argv[1]))["control"]
shares = {r["at"][:10]: r["produced"] for r in rows}
print("ISIS share of Kobane:", shares)
sys.exit(not (abs(shares["2014-10-08"] - 0.33) <= 0.08 and abs(shares["2014-10-09"]) <= 0.05))' "$work/eval.json"

"$frontline" export "$seed" --scenario kobane-2014 --layers events,control,frontlines -o "$work/out" 2> "$work/err"
check "folder: one GeoJSON per layer" test -s "$work/out/events.geojson" -a -s "$work/out/control.geojson" -a -s "$work/out/frontlines.geojson"
check "control: every state, the last one open" /usr/bin/python3 -c '
import json, sys
features = json.load(open(sys.argv[1]))["features"]
props = [f["properties"] for f in features]
assert all(set(p) >= {"holder", "valid_from", "valid_to", "certainty", "events"} for p in props), props[0]
assert props[-1]["valid_to"] is None and all(p["valid_to"] for p in props if p["valid_from"] != props[-1]["valid_from"])
assert {p["holder"] for p in props} == {"ISIS", "YPG"}
# GDAL'"'"'s RFC 7946 writer writes a one-part MultiPolygon as a Polygon.
assert all(f["geometry"]["type"] in ("MultiPolygon", "Polygon") for f in features)' "$work/out/control.geojson"

"$frontline" export "$seed" --scenario kobane-2014 -o "$work/at.gpkg" --at 2014-10-08 2> "$work/err"
check "gpkg: one layer each" bash -c "ogrinfo -ro -q '$work/at.gpkg' | grep -c -E 'events|control|frontlines' | grep -qx 3"
check "gpkg --at: one state" bash -c "ogrinfo -ro -q -sql 'SELECT DISTINCT valid_from FROM control' '$work/at.gpkg' | grep -c 'valid_from (String) = 2014-10-08' | grep -qx 1"

# A scenario whose control layer is broken: exit 2, the feature named, nothing written.
broken() {  # broken NAME PROPERTIES
  mkdir -p "$work/$1"
  cp "$scenarios/kobane-2014/scenario.json" "$scenarios/kobane-2014/turkey-border-fix.geojson" "$work/$1/"
  sed -i 's#"\.\./\.\./#"'"$scenarios"'/../#g' "$work/$1/scenario.json"
  echo '{"type":"FeatureCollection","features":[{"type":"Feature","properties":'"$2"',"geometry":{"type":"Polygon","coordinates":[[[38,36.5],[38.5,36.5],[38.5,36.8],[38,36.8],[38,36.5]]]}}]}' > "$work/$1/control.geojson"
}
broken stranger '{"id":"stranger","holder":"ZZZ","valid_from":"2014-09-12"}'
set +e
"$frontline" export "$seed" --scenario "$work/stranger" -o "$work/stranger-out" 2> "$work/err"; code=$?
set -e
check "unknown holder: exit 2" test "$code" -eq 2
check "unknown holder: the feature named" grep -q "feature stranger.*unknown holder 'ZZZ'" "$work/err"
check "unknown holder: nothing written" test ! -e "$work/stranger-out"
broken undated '{"id":"undated","holder":"YPG"}'
set +e
"$frontline" export "$seed" --scenario "$work/undated" -o "$work/undated-out" 2> "$work/err"; code=$?
set -e
check "missing valid_from: exit 2 naming the feature" bash -c "test $code -eq 2 && grep -q 'feature undated.*valid_from' '$work/err'"
set +e
"$frontline" export "$seed" --layers events,rivers -o "$work/rivers" 2> "$work/err"; code=$?
set -e
check "unknown layer: exit 2" test "$code" -eq 2

echo "$failures failed"
exit $((failures > 0))
