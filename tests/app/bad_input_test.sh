#!/usr/bin/env bash
# Issue 8's bad-input table (docs/bad-input.md), one check per row: what `frontline` says, its exit
# code and what it keeps. Prints "N passed, N failed" and exits non-zero on a failure.
# usage: bad_input_test.sh FRONTLINE_BINARY CORPUS_DIR
set -u
frontline=$1
corpus=$2
seed=$corpus/seed/000_6520db93bddb2147.txt
source "$(dirname "$0")/../cli_checks.sh"
no_temp_left() { [ -z "$(find "$1" -name '.*.tmp-*' -print -quit)" ]; }

# Invalid UTF-8: repaired to U+FFFD, read, a warning names the byte.
printf 'Rebels shell Aleppo\n\nRebels shelled Aleppo on 3 March 2015, \xe9\xff killing three people.\n' >"$work/latin1.txt"
check "invalid UTF-8: exit 0" run 0 extract "$work/latin1.txt" -o "$work/u.geojson" --published 2015-03-04
check "invalid UTF-8: warning names the byte" grep -q "latin1.txt: byte 60: invalid UTF-8 replaced" "$work/err"
check "invalid UTF-8: the article is kept" grep -q '"type": "Feature"' "$work/u.geojson"

# A 200 MB single-line file, made here (never checked in): skipped by the size limit before it is
# read whole, as .txt and as one NDJSON line; the good input beside it is written.
yes 'Rebels shelled Aleppo.' | tr -d '\n' | head -c 200000000 >"$work/huge.txt"
check "200 MB line: exit 1 beside a good input" run 1 extract "$work/huge.txt" "$seed" -o "$work/h.geojson"
check "200 MB line: too-large message" grep -q "huge.txt: too large: 200000000 bytes, over the limit of 10485760 bytes" "$work/err"
check "200 MB line: the good input is kept" grep -q '"type": "Feature"' "$work/h.geojson"
mv "$work/huge.txt" "$work/huge.ndjson"
check "200 MB NDJSON line: exit 2 alone" run 2 extract "$work/huge.ndjson" -o "$work/h2.geojson"
check "200 MB NDJSON line: named with its line" grep -q "huge.ndjson:1: too large" "$work/err"
check "200 MB NDJSON line: nothing written" test ! -e "$work/h2.geojson"
check "--max-article-mb sets the limit" run 2 extract "$work/latin1.txt" "$work/huge.ndjson" -o "$work/h3.geojson" --max-article-mb 0.00001 --published 2015-03-04
check "--max-article-mb: the small one is skipped too" grep -q "latin1.txt: too large: [0-9]* bytes, over the limit of 10 bytes" "$work/err"
rm -f "$work/huge.ndjson"

# Binary garbage and NUL bytes: skipped as binary.
head -c 4096 /dev/urandom >"$work/garbage.txt"
printf 'Rebels\0shelled Aleppo\n\nbody\n' >"$work/nul.txt"
check "binary garbage: exit 1 beside a good input" run 1 extract "$work/garbage.txt" "$work/nul.txt" "$seed" -o "$work/g.geojson"
check "NUL byte: named with its byte" grep -q "nul.txt: byte 6: NUL byte: binary data, not an article" "$work/err"
check "binary garbage: the good input is kept" grep -q '"type": "Feature"' "$work/g.geojson"

# HTML full of scripts and styles: their text is never read as reporting.
cat >"$work/scripts.html" <<'HTML'
<html><head><title>Rebels shell Aleppo</title><style>p { color: red } /* Rebels captured Idlib */</style>
<script>var s = "Rebels captured Idlib on 2 March 2015";</script></head>
<body><script>document.write("Rebels captured Idlib");</script><noscript>Rebels captured Idlib</noscript>
<p>Rebels shelled Aleppo on 2 March 2015, killing three people.</p><style>.x{}</style></body></html>
HTML
check "HTML scripts: exit 0" run 0 extract "$work/scripts.html" -o "$work/s.geojson" --published 2015-03-03
check "HTML scripts: the report is read" grep -q "Aleppo" "$work/s.geojson"
check "HTML scripts: script and style text is not" bash -c "! grep -q Idlib '$work/s.geojson'"

# JSON with wrong types: skipped naming the field.
printf '{"id": 5, "title": ["x"], "text": 42}' >"$work/wrong.json"
check "JSON wrong types: exit 1 beside a good input" run 1 extract "$work/wrong.json" "$seed" -o "$work/w.geojson"
check "JSON wrong types: names the field" grep -q 'wrong.json: field "id" must be a string, not number' "$work/err"

# Unparseable and future publication dates: ignored with a warning, so relative dates stay unknown.
printf '{"id":"a","title":"Rebels shell Aleppo","text":"Rebels shelled Aleppo on Monday.","published":"yesterday"}' >"$work/baddate.json"
printf '{"id":"b","title":"Rebels shell Aleppo","text":"Rebels shelled Aleppo on Monday.","published":"2999-01-01"}' >"$work/future.json"
check "dates: exit 0" run 0 extract "$work/baddate.json" "$work/future.json" -o "$work/d.geojson"
check "unparseable date: warning" grep -q 'baddate.json: published "yesterday" is not an ISO 8601 date; ignored' "$work/err"
check "future date: warning" grep -q 'future.json: published 2999-01-01 is in the future; ignored' "$work/err"
check "bad dates: relative dates unknown (time_precision 3)" bash -c "grep -q '\"time_precision\": 3' '$work/d.geojson' && ! grep -q '\"date_start\": \"' '$work/d.geojson'"

# A meta.json without `published`: read, relative dates unknown, with a warning.
printf 'Rebels shell Aleppo\n\nRebels shelled Aleppo on Friday, killing three people.\n' >"$work/nodate.txt"
printf '{"id": "nodate", "outlet": "Test"}' >"$work/nodate.meta.json"
check "no published: exit 0" run 0 extract "$work/nodate.txt" -o "$work/n.geojson"
check "no published: warning" grep -q 'nodate.txt: no publication date' "$work/err"
check "no published: time_precision 3" grep -q '"time_precision": 3' "$work/n.geojson"

# Empty articles: skipped.
: >"$work/empty.txt"
printf 'Only a headline\n' >"$work/headline.txt"
check "empty articles: exit 2 alone" run 2 extract "$work/empty.txt" "$work/headline.txt" -o "$work/e.geojson"
check "empty articles: named" bash -c "grep -q 'empty.txt: empty article' '$work/err' && grep -q 'headline.txt: empty article' '$work/err'"
check "empty articles: nothing written" test ! -e "$work/e.geojson"

# Articles in another language: skipped with a message (by metadata, or by too few English words).
cat >"$work/es.txt" <<'TXT'
Las fuerzas rebeldes bombardean Alepo

Las fuerzas rebeldes bombardearon la ciudad de Alepo el viernes por la mañana, matando a tres personas y dejando a muchos heridos en el barrio de la ciudad vieja, según los testigos que hablaron con la prensa local. El gobierno dijo que respondería con toda su fuerza y que los combates continuarán durante los próximos días en toda la provincia del norte del país.
TXT
printf '{"id":"fr","language":"fr","title":"Les rebelles","text":"Rebels shelled Aleppo on Monday."}' >"$work/fr.json"
check "another language: exit 1 beside a good input" run 1 extract "$work/es.txt" "$work/fr.json" "$seed" -o "$work/l.geojson"
check "another language: detected" grep -q 'es.txt: not English (too few common English words); skipped' "$work/err"
check "another language: by metadata" grep -q 'fr.json: language "fr" is not English; skipped' "$work/err"

# Invalid scenario polygons: a self-intersecting polygon is repaired with a warning; a point is refused.
# A copy of the shipped scenario whose relative paths (../../curated, ../../naturalearth) still resolve.
mkdir -p "$work/geodata/scenarios"
ln -s "$FRONTLINE_DATA/geodata/curated" "$FRONTLINE_DATA/geodata/naturalearth" "$work/geodata/"
cp -r "$FRONTLINE_DATA/geodata/scenarios/kobane-2014" "$work/geodata/scenarios/scen"
ln -s "$work/geodata/scenarios/scen" "$work/scen"
holder=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['features'][0]['properties']['holder'])" "$work/scen/control.geojson")
cat >"$work/scen/control.geojson" <<JSON
{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"id": "bowtie", "holder": "$holder", "valid_from": "2014-09-01"},
 "geometry": {"type": "Polygon", "coordinates": [[[38.0, 36.0], [38.1, 36.1], [38.1, 36.0], [38.0, 36.1], [38.0, 36.0]]]}}]}
JSON
check "bow-tie polygon: export runs" run 0 export "$seed" --scenario "$work/scen" -o "$work/c.gpkg"
check "bow-tie polygon: repaired with a warning naming it" grep -q "bowtie" "$work/err"
sed -i 's/"type": "Polygon", "coordinates": \[\[\[38.0, 36.0\].*$/"type": "Point", "coordinates": [38.0, 36.0]}}]}/' "$work/scen/control.geojson"
check "point as control: exit 2" run 2 export "$seed" --scenario "$work/scen" -o "$work/c2.gpkg"
check "point as control: names the file and feature" grep -q "control.geojson: feature bowtie" "$work/err"

# An unwritable output path and a full disk: exit 2, nothing half-written, previous output intact.
check "unwritable output: exit 2" run 2 extract "$seed" -o "$work/no/such/folder/e.geojson"
check "unwritable output: names it" grep -q "no/such/folder/e.geojson" "$work/err"
check "full disk: exit 2" bash -c "'$frontline' extract '$seed' -o - >/dev/full 2>'$work/err'; [ \$? -eq 2 ]"
check "full disk: says so" grep -qi "cannot write\|no space" "$work/err"

# SIGINT mid-run: no partial file left; rows a store committed are kept. Job control on, so that
# background runs do not start with SIGINT ignored as a script's asynchronous commands do; the
# KILL timeout bounds a run that ignores the signal after all. Articles come through FIFOs the
# test holds open, so each run is interrupted with its input unfinished however fast or slow the
# machine (a fixed sleep over 4,000 files was not: a faster extractor finished first).
set -m
python3 - "$seed" >"$work/twelve.ndjson" <<'PY'
import json, sys
text = open(sys.argv[1], encoding="utf-8").read()
for i in range(12):
    print(json.dumps({"id": f"a{i}", "title": "t", "published": "2015-01-01", "outlet": "o", "text": text}))
PY
mkfifo "$work/file.fifo"
timeout -s KILL 120 "$frontline" extract - -o "$work/int.geojson" -j 1 <"$work/file.fifo" 2>/dev/null &
pid=$!
exec 4>"$work/file.fifo"
cat "$work/twelve.ndjson" >&4
kill -INT $pid
wait $pid
status=$?
exec 4>&-
check "SIGINT: ended by the signal" test $status -eq 130
check "SIGINT: no output file" test ! -e "$work/int.geojson"
check "SIGINT: no temporary file left" no_temp_left "$work"
# The store run is interrupted after two committed batches and with a third begun.
mkfifo "$work/articles.fifo"
timeout -s KILL 120 "$frontline" extract - -o "$work/int.gpkg" -j 1 --commit-every 5 <"$work/articles.fifo" 2>/dev/null &
pid=$!
exec 3>"$work/articles.fifo"
cat "$work/twelve.ndjson" >&3
committed() { ogrinfo -ro -so "$work/int.gpkg" events 2>/dev/null | grep -q 'Feature Count: [1-9]'; }
for _ in $(seq 1 300); do committed && break; sleep 0.2; done
kill -INT $pid
wait $pid
status=$?
exec 3>&-
check "SIGINT into a store: ended by the signal" test $status -eq 130
# Read-write, as any later writer opens it: SQLite rolls back an interrupted batch's hot journal
# (a read-only open cannot) and the committed batches remain.
check "SIGINT into a store: committed rows kept" bash -c "ogrinfo -so '$work/int.gpkg' events 2>/dev/null | grep -q 'Feature Count: [1-9]'"

set +m

# Found by fuzz_geoparse's seed: a number beyond double's range is a skipped line, not a crash.
check "geoparse number overflow: exit 2" run 2 geoparse "$corpus/../fuzz-regressions/fuzz_geoparse/number-overflow.jsonl" -o "$work/g.jsonl"
check "geoparse number overflow: named by line" grep -q "number-overflow.jsonl:1: not JSON" "$work/err"

finish
