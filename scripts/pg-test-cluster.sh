#!/usr/bin/env bash
# A throwaway PostgreSQL + PostGIS cluster on loopback for the tests: initdb and pg_ctl in a
# folder of its own, nothing of the machine's own clusters touched.
#   pg-test-cluster.sh start DIR   starts it and writes the OGR connection string to DIR/conninfo
#   pg-test-cluster.sh stop DIR    stops it and removes DIR
# Without PostgreSQL binaries or PostGIS, `start` says so, writes no conninfo and exits 0: the
# tests that need the database then skip with that message. PostgreSQL refuses to run as root,
# so as root the cluster runs as the `postgres` user (made by Debian's package), or as `nobody`.
set -euo pipefail
action=${1:?usage: pg-test-cluster.sh start|stop DIR}
dir=${2:?usage: pg-test-cluster.sh start|stop DIR}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)

as_owner=()
if [ "$(id -u)" -eq 0 ]; then
  if id postgres >/dev/null 2>&1; then owner=postgres; else owner=nobody; fi
  as_owner=(runuser -u "$owner" --)
fi

# Test runs that overlap (two ctest runs in one build folder) share one cluster: `start` counts
# its users and `stop` stops it when the last one is done.
exec 8>"$dir.lock"
flock 8
users=$(cat "$dir/users" 2>/dev/null || echo 0)

case "$action" in
start)
  if [ -f "$dir/conninfo" ] && [ -n "$bin" ] && "${as_owner[@]}" "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
    echo $((users + 1)) >"$dir/users"
    echo "pg-test-cluster: PostGIS already running for another test run ($(cat "$dir/conninfo"))"
    exit 0
  fi
  if [ -d "$dir/data" ] && [ -n "$bin" ]; then
    "${as_owner[@]}" "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
  mkdir -p "$dir"
  if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
    echo "pg-test-cluster: no PostgreSQL server binaries (install postgresql-15-postgis-3): PostGIS tests will skip" | tee "$dir/unavailable"
    exit 0
  fi
  if ! ls /usr/share/postgresql/*/extension/postgis.control >/dev/null 2>&1; then
    echo "pg-test-cluster: PostGIS is not installed (postgresql-15-postgis-3): PostGIS tests will skip" | tee "$dir/unavailable"
    exit 0
  fi
  [ ${#as_owner[@]} -eq 0 ] || chown "$owner" "$dir"
  # A port of its own, so that it never meets a cluster the machine already runs.
  port=$(( 20000 + RANDOM % 20000 ))
  while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$(( port + 1 )); done
  "${as_owner[@]}" "$bin/initdb" -D "$dir/data" -U frontline --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1
  # 8>&-: the server must not inherit the lock, or it would hold it for as long as it runs.
  "${as_owner[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c full_page_writes=off" start >/dev/null 8>&-
  "${as_owner[@]}" "$bin/createdb" -h 127.0.0.1 -p "$port" -U frontline frontline_test
  "${as_owner[@]}" "$bin/psql" -q -h 127.0.0.1 -p "$port" -U frontline -d frontline_test -c "CREATE EXTENSION postgis" >/dev/null
  echo "PG:dbname=frontline_test host=127.0.0.1 port=$port user=frontline" > "$dir/conninfo"
  echo 1 >"$dir/users"
  echo "pg-test-cluster: PostGIS on 127.0.0.1:$port ($dir)"
  ;;
stop)
  if [ "$users" -gt 1 ]; then
    echo $((users - 1)) >"$dir/users"
    exit 0
  fi
  if [ -d "$dir/data" ] && [ -n "$bin" ]; then
    "${as_owner[@]}" "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
  ;;
*)
  echo "usage: pg-test-cluster.sh start|stop DIR" >&2
  exit 2
  ;;
esac
