#!/usr/bin/env bash
# `frontline geoparse` as a user meets it: JSONL in and out, code-point offsets, --spans given,
# exit codes, one-line errors naming file and line, outputs written whole or not at all.
# Prints "N passed, N failed" and exits non-zero on a failure.
# usage: geoparse_cli_test.sh FRONTLINE_BINARY
set -u
frontline=$1
source "$(dirname "$0")/../cli_checks.sh"
has() {  # has FILE PYTHON_EXPRESSION_OVER_rows : true when the expression holds
  python3 -c "import json,sys; rows=[json.loads(l) for l in open(sys.argv[1]) if l.strip()]; sys.exit(0 if ($2) else 1)" "$1"
}

cat >"$work/in.jsonl" <<'JSONL'
{"id": "k", "text": "Kämpfe: fighting in Kobanê and near Mürşitpınar."}
{"id": "p", "text": "A family from Paris, Texas, fled.", "toponyms": [{"start": 14, "end": 19}, {"start": 21, "end": 26}]}
JSONL

check "geoparse finds and resolves" run 0 geoparse "$work/in.jsonl" -o "$work/out.jsonl"
check "one output line per article" has "$work/out.jsonl" 'len(rows) == 2 and [r["id"] for r in rows] == ["k", "p"]'
check "offsets are code points (Kobanê at 20-26)" \
  has "$work/out.jsonl" 'any(p["start"] == 20 and p["end"] == 26 and p["geonameid"] == 172256 for p in rows[0]["places"])'
check "near X is precision 2" has "$work/out.jsonl" 'any(p["phrase"] == "Mürşitpınar" and p["geo_precision"] == 2 for p in rows[0]["places"])'
check "Paris, Texas is in Texas" has "$work/out.jsonl" 'any(p["phrase"] == "Paris" and abs(p["lat"] - 33.66) < 0.1 for p in rows[1]["places"])'

check "--spans given skips an article without toponyms: exit 1" run 1 geoparse "$work/in.jsonl" -o "$work/given.jsonl" --spans given
cat >"$work/given.jsonl.in" <<'JSONL'
{"id": "p", "text": "A family from Paris, Texas, fled.", "toponyms": [{"start": 14, "end": 19}, {"start": 21, "end": 26}]}
JSONL
check "--spans given on spans is exit 0" run 0 geoparse "$work/given.jsonl.in" -o "$work/given.jsonl" --spans given
check "its places are the given spans" has "$work/given.jsonl" '[(p["start"], p["end"]) for p in rows[0]["places"]] == [(14, 19), (21, 26)]'
check "Texas is a region, precision 3" has "$work/given.jsonl" 'rows[0]["places"][1]["geo_precision"] == 3'
cp "$work/given.jsonl" "$work/before.jsonl"

printf '%s\n' '{"id": "a", "text": "In Kobani.", "toponyms": [{"start": 3, "end": 9}]}' 'not json' '{"id": "b", "text": "x", "toponyms": [{"start": 0, "end": 9}]}' >"$work/mixed.jsonl"
check "bad lines among good ones are exit 1" run 1 geoparse "$work/mixed.jsonl" -o "$work/mixed.out" --spans given
check "each bad line is named with file and line" bash -c "grep -q 'mixed.jsonl:2' '$work/err' && grep -q 'mixed.jsonl:3' '$work/err'"
check "a missing input is exit 2" run 2 geoparse "$work/nope.jsonl" -o "$work/given.jsonl"
check "its message names the file" grep -q "nope.jsonl" "$work/err"
check "and the previous output is intact" cmp -s "$work/given.jsonl" "$work/before.jsonl"
check "a bad --spans is exit 2" run 2 geoparse "$work/in.jsonl" -o "$work/x.jsonl" --spans maybe
printf 'not json\n' >"$work/allbad.jsonl"
check "no readable line is exit 2" run 2 geoparse "$work/allbad.jsonl" -o "$work/given.jsonl"
check "and nothing is written over the output" cmp -s "$work/given.jsonl" "$work/before.jsonl"

finish
