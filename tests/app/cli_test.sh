#!/usr/bin/env bash
# The `frontline` command as a user meets it: exit codes, one-line errors that name the file,
# outputs written whole or not at all. Prints "N passed, N failed" and exits non-zero on a failure.
# usage: cli_test.sh FRONTLINE_BINARY CORPUS_DIR
set -u
frontline=$1
corpus=$2
seed=$corpus/seed/000_6520db93bddb2147.txt
source "$(dirname "$0")/../cli_checks.sh"

check "extract writes RFC 7946 GeoJSON" run 0 extract "$seed" -o "$work/events.geojson"
check "no crs member, a FeatureCollection" bash -c "grep -q FeatureCollection '$work/events.geojson' && ! grep -q '\"crs\"' '$work/events.geojson'"
check "every event carries its mentions" grep -q '"mentions": \[' "$work/events.geojson"
cp "$work/events.geojson" "$work/before.geojson"

check "a missing input is exit 2" run 2 extract "$work/nope.txt" -o "$work/events.geojson"
check "its message names the file" grep -q "nope.txt" "$work/err"
check "and the previous output is intact" cmp -s "$work/events.geojson" "$work/before.geojson"
check "an unwritable output is exit 2" run 2 extract "$seed" -o "$work/no/such/folder/events.geojson"
check "its message names the output" grep -q "no/such/folder/events.geojson" "$work/err"
check "an unknown output format is exit 2" run 2 extract "$seed" -o "$work/events.xyz"
check "a bad --published is exit 2" run 2 extract "$seed" -o "$work/e.geojson" --published 2014-13-45

printf 'not json\n' > "$work/bad.json"
check "one bad input among good ones is exit 1" run 1 extract "$seed" "$work/bad.json" -o "$work/mixed.geojson"
check "the bad one is named with line and column" grep -q "bad.json:1:" "$work/err"
check "the good one is still written" grep -q FeatureCollection "$work/mixed.geojson"

printf 'Title\n\nKurdish fighters captured the village of Tell Hamis on Friday \xff\xfe.\n' > "$work/latin1.txt"
check "invalid UTF-8 is repaired, exit 0" run 0 extract "$work/latin1.txt" -o "$work/u.geojson" --published 2014-10-09
check "with a warning naming the byte offset" grep -q "latin1.txt: byte" "$work/err"

check "CSV has ACLED columns" bash -c "'$frontline' extract '$seed' -o '$work/e.csv' 2>/dev/null && head -1 '$work/e.csv' | grep -q 'event_date' && head -1 '$work/e.csv' | grep -q 'sub_event_type'"
check "GeoPackage is written" run 0 extract "$seed" -o "$work/e.gpkg"
check "GeoJSONSeq goes to stdout with -" bash -c "'$frontline' extract '$seed' -o - 2>/dev/null | head -1 | grep -q '\"type\": \"Feature\"'"
check "NDJSON on stdin" bash -c "printf '%s\n' '{\"id\":\"a1\",\"title\":\"Rebels capture Idlib\",\"published\":\"2015-03-30\",\"text\":\"Rebels captured the town of Idlib on Monday.\"}' | '$frontline' extract - -o - 2>/dev/null | grep -q territory_taken"
check "the same input gives the same ids" bash -c "'$frontline' extract '$seed' -o '$work/again.geojson' 2>/dev/null && diff <(grep -o '\"id\": \"ev-[0-9a-f]*\"' '$work/before.geojson') <(grep -o '\"id\": \"ev-[0-9a-f]*\"' '$work/again.geojson')"
check "geocode ranks Kobane first for Ain al-Arab" bash -c "'$frontline' geocode 'Ain al-Arab' 2>/dev/null | head -1 | grep -q 'geonames:172256'"

finish
