#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster for the tests and benchmarks: initdb into a temporary folder,
# pg_ctl on 127.0.0.1 with a free port, stopped and deleted again. Works as root (the server then
# runs as the `postgres` user, or `nobody`: initdb refuses root) and as a normal user.
# Usage: pgcluster.sh start STATE_DIR   writes STATE_DIR/uri (postgresql://postgres@127.0.0.1:PORT/postgres)
#        pgcluster.sh stop STATE_DIR    stops the server and removes its data folder
set -euo pipefail
cmd=${1:?usage: pgcluster.sh start|stop STATE_DIR}
state=${2:?usage: pgcluster.sh start|stop STATE_DIR}
bin=${PLANCOMPARE_PG_BIN:-/usr/lib/postgresql/15/bin}

as_server() { # runs a command as the unprivileged server user when we are root
  if [ "$(id -u)" -eq 0 ]; then setpriv --reuid="$runas" --regid="$runas_group" --clear-groups -- "$@"; else "$@"; fi
}
pick_user() {
  runas=$(id -un); runas_group=$(id -gn)
  if [ "$(id -u)" -eq 0 ]; then
    if id postgres >/dev/null 2>&1; then runas=postgres; else runas=nobody; fi
    runas_group=$(id -gn "$runas")
  fi
}

case $cmd in
start)
  [ -x "$bin/initdb" ] || { echo "pgcluster: $bin/initdb not found: install postgresql-15 (scripts/install-deps.sh)" >&2; exit 1; }
  pick_user
  mkdir -p "$state"
  if [ -f "$state/datadir" ] && [ -d "$(cat "$state/datadir")" ]; then "$0" stop "$state" || true; fi
  data=$(mktemp -d /tmp/plancompare-pg.XXXXXX)
  chmod 700 "$data"
  [ "$(id -u)" -eq 0 ] && chown "$runas:$runas_group" "$data"
  echo "$data" > "$state/datadir"
  rm -f "$state/uri"
  as_server "$bin/initdb" -D "$data/db" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$state/initdb.log" 2>&1 ||
    { echo "pgcluster: initdb failed:" >&2; cat "$state/initdb.log" >&2; exit 1; }
  for attempt in 1 2 3 4 5 6 7 8 9 10; do
    port=$((20000 + (RANDOM * 32768 + RANDOM) % 40000))
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then continue; fi # taken
    if as_server "$bin/pg_ctl" -D "$data/db" -l "$data/server.log" -w -t 60 start \
        -o "-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories=$data -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=60 -c shared_buffers=64MB" >/dev/null; then
      echo "postgresql://postgres@127.0.0.1:$port/postgres" > "$state/uri"
      echo "pgcluster: PostgreSQL running as $runas on 127.0.0.1:$port (data $data)"
      exit 0
    fi
  done
  echo "pgcluster: the server did not start:" >&2; cat "$data/server.log" >&2 || true
  exit 1
  ;;
stop)
  pick_user
  [ -f "$state/datadir" ] || { echo "pgcluster: nothing to stop in $state"; exit 0; }
  data=$(cat "$state/datadir")
  if [ -f "$data/db/postmaster.pid" ]; then
    as_server "$bin/pg_ctl" -D "$data/db" -m immediate -w -t 60 stop >/dev/null || true
  fi
  case $data in /tmp/plancompare-pg.*) rm -rf "$data" ;; esac
  rm -f "$state/datadir" "$state/uri"
  echo "pgcluster: stopped"
  ;;
*) echo "usage: pgcluster.sh start|stop STATE_DIR" >&2; exit 2 ;;
esac
