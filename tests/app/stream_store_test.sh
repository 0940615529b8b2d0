#!/usr/bin/env bash
# `frontline extract` as a stage of a pipe and as a writer into stores: events come out while
# input still comes in, -j N gives the bytes -j 1 gives, memory does not grow with the input,
# reruns leave a store as it was, a new article adds a mention, SIGKILL mid-write leaves the
# store consistent, and PostGIS answers SQL about what was written.
# Prints "N passed, N failed" and exits non-zero on a failure.
# usage: stream_store_test.sh FRONTLINE_BINARY CORPUS_DIR SCRIPTS_DIR PG_CONNINFO_FILE
set -u
frontline=$1
corpus=$2
scripts=$3
conninfo_file=$4
work=$(mktemp -d)
trap 'exec 3>&- 2>/dev/null; rm -rf "$work"' EXIT
passed=0
failed=0
check() {  # check NAME CONDITION...
  local name=$1
  shift
  if "$@"; then passed=$((passed + 1)); echo "ok: $name"; else failed=$((failed + 1)); echo "FAILED: $name"; fi
}
# A GeoPackage's rows (id and mention count, sorted) and its integrity, through SQLite itself.
rows() { python3 -c "
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
for row in db.execute('SELECT id, mention_count FROM events ORDER BY id'): print(*row)" "$1"; }
integrity() { python3 -c "
import sqlite3, sys
print(sqlite3.connect(sys.argv[1]).execute('PRAGMA integrity_check').fetchone()[0])" "$1"; }

python3 "$scripts/make-bench-corpus.py" "$corpus" "$work/one.ndjson" --mb 0.01 >/dev/null  # one copy of each article
python3 "$scripts/make-bench-corpus.py" "$corpus" "$work/small.ndjson" --mb 0.5 >/dev/null
python3 "$scripts/make-bench-corpus.py" "$corpus" "$work/large.ndjson" --mb 4 >/dev/null

# --- streaming
"$frontline" extract - -o - -j 1 <"$work/small.ndjson" >"$work/j1.geojsonl" 2>"$work/err"
check "stdin to stdout exits 0" [ $? -eq 0 ]
check "one GeoJSON feature per line" bash -c "[ \$(wc -l <'$work/j1.geojsonl') -gt 100 ] && ! grep -qv '^{ \"type\": \"Feature\"' '$work/j1.geojsonl'"
"$frontline" extract - -o - -j 2 <"$work/small.ndjson" >"$work/j2.geojsonl" 2>/dev/null
check "-j 2 writes the bytes -j 1 writes" cmp -s "$work/j1.geojsonl" "$work/j2.geojsonl"
"$frontline" extract - -o - -j 3 <"$work/small.ndjson" >"$work/j3.geojsonl" 2>/dev/null
check "-j 3 too" cmp -s "$work/j1.geojsonl" "$work/j3.geojsonl"

# Events of the first article come out while the input is still open: output is kept between
# reads of the input, and must go out whenever the input keeps the program waiting (one thread:
# before each read; several: when every article read so far is handed on).
mkfifo "$work/in"
for jobs in 1 2; do
  rm -f "$work/live.geojsonl"
  "$frontline" extract - -o - -j $jobs <"$work/in" >"$work/live.geojsonl" 2>/dev/null &
  pid=$!
  exec 3>"$work/in"
  head -1 "$work/one.ndjson" >&3
  for _ in $(seq 1 300); do [ -s "$work/live.geojsonl" ] && break; sleep 0.1; done
  check "-j $jobs: the first article's events arrive before the input ends" [ -s "$work/live.geojsonl" ]
  tail -n +2 "$work/one.ndjson" >&3
  exec 3>&-
  wait "$pid"
  check "-j $jobs: and the rest after it, exit 0" [ $? -eq 0 ]
  check "-j $jobs: the live run writes what a file run writes" cmp -s "$work/live.geojsonl" <("$frontline" extract - -o - -j 1 <"$work/one.ndjson" 2>/dev/null)
done

# A full disk behind stdout is found when the kept output goes out (before a read, when caught
# up, at the end) and ends the run with exit 2 and the reason, on one thread and on several.
for jobs in 1 2; do
  "$frontline" extract - -o - -j $jobs <"$work/small.ndjson" >/dev/full 2>"$work/full.err"
  check "-j $jobs: stdout on a full disk: exit 2" [ $? -eq 2 ]
  check "-j $jobs: and says it cannot write" grep -q "<stdout>: cannot write" "$work/full.err"
done

# Memory stays bounded: eight times the input, about the same peak. Under AddressSanitizer freed
# memory waits in a quarantine of up to 256 MB, which a longer input fills further: without it the
# peak is the program's own.
peak() {
  ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}quarantine_size_mb=0" \
    /usr/bin/time -f %M "$frontline" extract - -o - -j 2 <"$1" 2>&1 >/dev/null | tail -1
}
small_kb=$(peak "$work/small.ndjson")
large_kb=$(peak "$work/large.ndjson")
echo "peak RSS: $small_kb kB for 0.5 MB, $large_kb kB for 4 MB"
check "peak memory does not grow with the input" [ "$large_kb" -lt $((small_kb + small_kb / 5)) ]

# --- GeoPackage store
store=$work/events.gpkg
"$frontline" extract "$work/one.ndjson" -o "$store" 2>/dev/null
check "a new store is written" [ $? -eq 0 ]
rows "$store" >"$work/rows1"
check "it has rows" [ -s "$work/rows1" ]
"$frontline" extract "$work/one.ndjson" -o "$store" 2>"$work/err"
rows "$store" >"$work/rows2"
check "the same articles again leave the same rows" cmp -s "$work/rows1" "$work/rows2"
check "and say so" grep -q " 0 new, 0 updated, [0-9]* already stored" "$work/err" || cat "$work/err"
"$frontline" extract "$work/one.ndjson" -o "$store" -j 1 --commit-every 1 2>/dev/null
rows "$store" >"$work/rows3"
check "so do one transaction per article and one thread" cmp -s "$work/rows1" "$work/rows3"
# Another outlet's copy of one article: the same events, one mention more each, no new row.
head -1 "$work/one.ndjson" | sed 's/"id": "\([^"]*\)"/"id": "\1-other-outlet"/' >"$work/other.ndjson"
"$frontline" extract "$work/other.ndjson" -o "$store" 2>/dev/null
rows "$store" >"$work/rows4"
check "a new article about known events adds no row" [ "$(wc -l <"$work/rows4")" -eq "$(wc -l <"$work/rows1")" ]
mentions() { awk '{ s += $2 } END { print s }' "$1"; }
check "but mentions" [ "$(mentions "$work/rows4")" -gt "$(mentions "$work/rows1")" ]

# SIGKILL in the middle of a write: the store keeps its last committed rows and its integrity.
# One transaction for the whole large input, so the write takes a while; kill it once SQLite's
# rollback journal shows that the write has begun.
cp "$store" "$work/before.gpkg"
rows "$store" >"$work/rows_before"
"$frontline" extract "$work/large.ndjson" -o "$store" --commit-every 1000000 2>/dev/null &
pid=$!
for _ in $(seq 1 1200); do [ -e "$store-journal" ] && break; sleep 0.05; done
kill -9 "$pid" 2>/dev/null
wait "$pid" 2>/dev/null
check "the kill landed mid-write (a hot journal is left)" [ -e "$store-journal" ]
check "the killed store passes SQLite's integrity check" [ "$(integrity "$store")" = ok ]
rows "$store" >"$work/rows_after"
check "and holds exactly the rows it had before" cmp -s "$work/rows_before" "$work/rows_after"
"$frontline" extract "$work/one.ndjson" -o "$store" 2>/dev/null
check "and takes writes again" [ $? -eq 0 ]

# --- PostGIS
cluster=$(cat "$conninfo_file" 2>/dev/null)
if [ -z "$cluster" ]; then
  echo "PostGIS: skipped: $(cat "$(dirname "$conninfo_file")/unavailable" 2>/dev/null || echo "no test cluster at $conninfo_file")"
else
  # A database of its own, so that test runs sharing the cluster never meet.
  database=frontline_stream_$$
  psql "${cluster#PG:}" -X -q -c "DROP DATABASE IF EXISTS $database" -c "CREATE DATABASE $database" >/dev/null
  target=${cluster/dbname=frontline_test/dbname=$database}
  trap 'exec 3>&- 2>/dev/null; psql "${cluster#PG:}" -X -q -c "DROP DATABASE IF EXISTS $database" >/dev/null 2>&1; rm -rf "$work"' EXIT
  pgsql() { psql "${target#PG:}" -X -A -t -q -c "$1"; }
  pgsql "CREATE EXTENSION postgis" >/dev/null
  "$frontline" extract "$work/one.ndjson" -o "$target" 2>"$work/err"
  check "PostGIS: written" [ $? -eq 0 ]
  per_type1=$(pgsql "SELECT event_type, count(*) FROM events GROUP BY event_type ORDER BY event_type")
  kobane=$(pgsql "SELECT count(*) FROM events WHERE ST_DWithin(geom::geography, ST_SetSRID(ST_MakePoint(38.39, 36.89), 4326)::geography, 25000)")
  echo "PostGIS: $kobane events within 25 km of Kobane; per type: $(echo $per_type1)"
  check "PostGIS: events within 25 km of Kobane" [ "$kobane" -gt 5 ]
  check "PostGIS: the layer is SRID 4326 geometry" [ "$(pgsql "SELECT DISTINCT ST_SRID(geom) FROM events WHERE geom IS NOT NULL")" = 4326 ]
  "$frontline" extract "$work/one.ndjson" -o "$target" -j 1 --commit-every 3 2>/dev/null
  check "PostGIS: rewritten" [ $? -eq 0 ]
  check "PostGIS: the same counts per event_type after the rewrite" \
    [ "$(pgsql "SELECT event_type, count(*) FROM events GROUP BY event_type ORDER BY event_type")" = "$per_type1" ]
  pg_rows() { pgsql "SELECT id, mention_count FROM events ORDER BY id" | tr '|' ' ' >"$1"; }
  pg_rows "$work/pg_rows1"
  check "PostGIS: the same rows as the GeoPackage" cmp -s "$work/pg_rows1" "$work/rows1"
  "$frontline" extract "$work/other.ndjson" -o "$target" 2>/dev/null
  check "PostGIS: a new article adds no row" [ "$(pgsql "SELECT count(*) FROM events")" -eq "$(wc -l <"$work/rows1")" ]
  check "PostGIS: but mentions" [ "$(pgsql "SELECT sum(mention_count) FROM events")" -gt "$(mentions "$work/rows1")" ]
  # Two workers at once on one database (made by a first run, as docs/scaling.md says): the
  # advisory lock keeps one row per event.
  pgsql "DROP TABLE events" >/dev/null
  head -2 "$work/one.ndjson" | "$frontline" extract - -o "$target" 2>/dev/null
  "$frontline" extract "$work/one.ndjson" -o "$target" -j 1 --commit-every 1 2>/dev/null &
  a=$!
  "$frontline" extract "$work/one.ndjson" -o "$target" -j 1 --commit-every 1 2>/dev/null &
  b=$!
  wait "$a"; ra=$?
  wait "$b"; rb=$?
  check "PostGIS: two concurrent workers both succeed" [ "$ra$rb" = 00 ]
  # What one worker alone writes the same way: each article's events join the rows of the
  # articles before it.
  head -2 "$work/one.ndjson" | "$frontline" extract - -o "$work/alone.gpkg" 2>/dev/null
  "$frontline" extract "$work/one.ndjson" -o "$work/alone.gpkg" -j 1 --commit-every 1 2>/dev/null
  rows "$work/alone.gpkg" >"$work/rows_alone"
  pg_rows "$work/pg_rows2"
  check "PostGIS: and leave the rows one worker leaves" cmp -s "$work/pg_rows2" "$work/rows_alone"
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
