#!/usr/bin/env bash
# `make soak`: the fault, restart and load tests (pytest marker `soak`).
#
# They run against a private PostgreSQL cluster started here on a spare port, so the
# restart test can restart it without disturbing anyone else's database, and against
# Redis on 127.0.0.1:6379 (the restart test starts a Redis of its own as well).
set -euo pipefail
cd "$(dirname "$0")/../.."

PGBIN="${SOAK_PGBIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}"
PORT="${SOAK_PG_PORT:-55432}"
WORK="$(mktemp -d /tmp/summitry-soak.XXXXXX)"
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" = 0 ] && chown postgres "$WORK"
as_postgres "$PGBIN/initdb" -D "$WORK/pg" -A trust -U postgres >/dev/null
export SOAK_PGBIN="$PGBIN" SOAK_PGDATA="$WORK/pg"
export SOAK_PG_OPTS="-p $PORT -k $WORK -c listen_addresses=127.0.0.1 -c max_connections=200"
as_postgres "$PGBIN/pg_ctl" -D "$WORK/pg" -o "$SOAK_PG_OPTS" -l "$WORK/pg.log" -w start >/dev/null
cleanup() { as_postgres "$PGBIN/pg_ctl" -D "$WORK/pg" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$WORK"; }
trap cleanup EXIT

if ! redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; then
  redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no
  for _ in $(seq 30); do redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1 && break; sleep 1; done
fi
export DATABASE_URL="postgres://postgres@127.0.0.1:$PORT/summitry_soak"
export CELERY_BROKER_URL="${SOAK_BROKER_URL:-redis://127.0.0.1:6379/14}"
export SOAK_LOG_DIR="${SOAK_LOG_DIR:-artifacts/soak}"
mkdir -p "$SOAK_LOG_DIR"
.venv/bin/python -m pytest -m soak -p no:cacheprovider -s -q "${@:-tests/soak}"
