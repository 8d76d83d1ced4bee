#!/usr/bin/env bash
# Throw-away PostgreSQL cluster for tests and local development.
#
#   scripts/postgres.sh start   install Debian's postgresql if needed, create the
#                               cluster (once) and start it; no-op if already up
#   scripts/postgres.sh stop    stop it and delete its directory
#   scripts/postgres.sh status  exit 0 if it answers, 1 otherwise
#   scripts/postgres.sh env     print the connection string for WORKORDERS_TEST_POSTGRES
#
# Settings: WORKORDERS_PG_DIR (default /tmp/workorders-pg; must be reachable by
# the postgres OS user) and WORKORDERS_PG_PORT (default 55432).
# The cluster uses trust auth and fsync=off: it is for tests only, never for data.
set -euo pipefail

PG_DIR=${WORKORDERS_PG_DIR:-/tmp/workorders-pg}
PG_PORT=${WORKORDERS_PG_PORT:-55432}
DATA=$PG_DIR/data
LOG=$PG_DIR/postgres.log

# Newest /usr/lib/postgresql/<version>/bin (Debian's layout; 15 on Debian 12).
pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

# Run a command as the postgres OS user (initdb and postgres refuse to run as root).
as_postgres() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

ready() { "$(pg_bin)/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT"; }

install_postgres() {
  if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    echo "postgres.sh: installing Debian package postgresql ..." >&2
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  fi
  # The package creates this user; make sure it exists either way.
  id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
}

start() {
  install_postgres
  local bin; bin=$(pg_bin)
  if ready; then echo "postgres.sh: already running on port $PG_PORT" >&2; return 0; fi

  # A directory without PG_VERSION is a half-made cluster (interrupted initdb): redo it.
  if [ ! -f "$DATA/PG_VERSION" ]; then
    rm -rf "$DATA"
    mkdir -p "$PG_DIR"
    chown postgres:postgres "$PG_DIR"
    chmod 700 "$PG_DIR"
    # C.UTF-8 gives proper case mapping for non-ASCII text; fall back to plain C.
    local locale=--no-locale
    locale -a 2>/dev/null | grep -qix 'c.utf-\?8' && locale=--locale=C.UTF-8
    as_postgres "$bin/initdb" -D "$DATA" --auth=trust --username=postgres \
      --encoding=UTF8 "$locale" >"$PG_DIR/initdb.log" 2>&1 \
      || { cat "$PG_DIR/initdb.log" >&2; exit 1; }
  fi

  as_postgres "$bin/pg_ctl" -D "$DATA" -l "$LOG" -w -t 60 -o "-p $PG_PORT -k /tmp \
-c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off \
-c full_page_writes=off -c max_connections=300" start >/dev/null \
    || { echo "postgres.sh: pg_ctl start failed; log follows" >&2; tail -n 30 "$LOG" >&2; exit 1; }

  for _ in $(seq 1 60); do
    if ready; then echo "postgres.sh: running on 127.0.0.1:$PG_PORT (data in $DATA)" >&2; return 0; fi
    sleep 0.5
  done
  echo "postgres.sh: server did not become ready; log follows" >&2
  tail -n 30 "$LOG" >&2
  exit 1
}

stop() {
  local bin; bin=$(pg_bin)
  if [ -n "$bin" ] && [ -f "$DATA/postmaster.pid" ]; then
    as_postgres "$bin/pg_ctl" -D "$DATA" -m fast -w stop >/dev/null || true
  fi
  rm -rf "$PG_DIR"
  echo "postgres.sh: stopped, $PG_DIR removed" >&2
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) if [ -n "$(pg_bin)" ] && ready; then echo running; else echo stopped; exit 1; fi ;;
  env) echo "Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Password=postgres;Include Error Detail=true" ;;
  *) echo "usage: $0 start|stop|status|env" >&2; exit 2 ;;
esac
