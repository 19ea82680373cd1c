#!/usr/bin/env bash
# Run the test suite against real PostgreSQL and Redis (Debian packages), started for this run
# only in a temporary folder, on loopback and free ports, and stopped afterwards.
# Usage: ops/test-services.sh [pytest arguments]
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}

install_missing() {
  local packages=()
  compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || packages+=(postgresql)
  command -v redis-server >/dev/null || packages+=(redis-server)
  if [ ${#packages[@]} -gt 0 ]; then
    if [ "$(id -u)" != 0 ]; then
      echo "Missing ${packages[*]}: install them (apt-get install ${packages[*]})" >&2
      exit 1
    fi
    echo "Installing ${packages[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq "${packages[@]}" >/dev/null
  fi
}

free_port() {
  "$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

install_missing
PG_BIN=$(dirname "$(ls -d /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n1)")
WORK=$(mktemp -d /tmp/pistoia2030-services.XXXXXX)
chmod 755 "$WORK"
PG_DATA="$WORK/postgres"
PG_PORT=$(free_port)
REDIS_PORT=$(free_port)

# PostgreSQL refuses to run as root: as root, run it as the postgres user.
if [ "$(id -u)" = 0 ]; then
  mkdir -p "$PG_DATA" && chown postgres:postgres "$PG_DATA"
  as_pg() { runuser -u postgres -- "$@"; }
else
  as_pg() { "$@"; }
fi

cleanup() {
  status=$?
  as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast stop >/dev/null 2>&1 || true
  if [ -f "$WORK/redis.pid" ]; then kill "$(cat "$WORK/redis.pid")" 2>/dev/null || true; fi
  rm -rf "$WORK"
  exit $status
}
trap cleanup EXIT INT TERM

echo "PostgreSQL on 127.0.0.1:$PG_PORT, Redis on 127.0.0.1:$REDIS_PORT (in $WORK)"
as_pg "$PG_BIN/initdb" -D "$PG_DATA" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_DATA/server.log" -w \
  -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PG_DATA -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
  start >/dev/null
redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --save "" --appendonly no \
  --daemonize yes --pidfile "$WORK/redis.pid" --logfile "$WORK/redis.log" --dir "$WORK"

export DATABASE_URL="postgres://postgres@127.0.0.1:$PG_PORT/pistoia2030"
export REDIS_URL="redis://127.0.0.1:$REDIS_PORT/0"
for _ in $(seq 50); do
  "$PY" - <<'PY' 2>/dev/null && break || sleep 0.2
import os, psycopg, redis
psycopg.connect(os.environ["DATABASE_URL"].rsplit("/", 1)[0] + "/postgres").close()
redis.Redis.from_url(os.environ["REDIS_URL"]).ping()
PY
done
"$PY" -c 'import os, psycopg
with psycopg.connect(os.environ["DATABASE_URL"].rsplit("/", 1)[0] + "/postgres", autocommit=True) as c:
    c.execute("CREATE DATABASE pistoia2030")'

"$PY" -m pytest "$@"
