#!/usr/bin/env bash
# Installs (if needed) and starts a PostgreSQL server on loopback for Concord's tests, and creates the test
# database. Prints the connection URL on its last line. Idempotent: safe to run when the server is already up.
set -euo pipefail

PORT="${CONCORD_PG_PORT:-5432}"
DB="${CONCORD_PG_DB:-concord_test}"
PASSWORD="${CONCORD_PG_PASSWORD:-concord}"

if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  if [ "$(id -u)" -ne 0 ]; then echo "postgres-up: PostgreSQL is not installed and this is not root" >&2; exit 1; fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq postgresql >/dev/null
fi

VERSION="$(ls /usr/lib/postgresql | sort -n | tail -1)"
if ! pg_lsclusters -h 2>/dev/null | awk '{print $1" "$2}' | grep -q "^${VERSION} main$"; then
  pg_createcluster "$VERSION" main --port "$PORT" >/dev/null
fi
if ! pg_lsclusters -h | awk -v v="$VERSION" '$1==v && $2=="main" {print $4}' | grep -q online; then
  pg_ctlcluster "$VERSION" main start
fi
CLUSTER_PORT="$(pg_lsclusters -h | awk -v v="$VERSION" '$1==v && $2=="main" {print $3}')"

for _ in $(seq 1 30); do
  if su postgres -c "pg_isready -q -p $CLUSTER_PORT"; then break; fi
  sleep 1
done

su postgres -c "psql -q -p $CLUSTER_PORT -c \"ALTER USER postgres PASSWORD '$PASSWORD'\"" >/dev/null
if ! su postgres -c "psql -p $CLUSTER_PORT -tAc \"SELECT 1 FROM pg_database WHERE datname='$DB'\"" | grep -q 1; then
  su postgres -c "createdb -p $CLUSTER_PORT $DB"
fi
echo "postgres://postgres:${PASSWORD}@127.0.0.1:${CLUSTER_PORT}/${DB}"
