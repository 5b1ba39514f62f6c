#!/usr/bin/env bash
# Installs (as root, when missing) and starts Debian's PostgreSQL on loopback, with a role
# and database for the test suite. Prints the DATABASE_URL to use.
set -euo pipefail
if ! command -v pg_ctlcluster >/dev/null 2>&1; then
  if [ "$(id -u)" != 0 ]; then
    echo "PostgreSQL is missing: run 'sudo apt-get install postgresql'" >&2
    exit 1
  fi
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
version=$(ls /etc/postgresql | sort -V | tail -n 1)
if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -q "^$version main$"; then
  pg_createcluster "$version" main >&2
fi
# Its "Cluster is already running." goes to stdout, where only the URL may appear.
pg_ctlcluster "$version" main start >/dev/null 2>&1 || true
for _ in $(seq 1 30); do
  pg_isready -q -h 127.0.0.1 && break
  sleep 0.5
done
run_sql() { su postgres -c "psql -q -v ON_ERROR_STOP=1 -d postgres -c \"$1\"" >&2; }
if ! su postgres -c "psql -tAc \"SELECT 1 FROM pg_roles WHERE rolname='fabriek'\" postgres" | grep -q 1; then
  run_sql "CREATE ROLE fabriek LOGIN CREATEDB PASSWORD 'fabriek'"
fi
# DROP DATABASE ... WITH (FORCE) after each test must also end an autovacuum worker that
# happens to be in that database; without this role that drop fails now and then.
if ! su postgres -c "psql -tAc \"SELECT pg_has_role('fabriek', 'pg_signal_backend', 'MEMBER')\" postgres" | grep -q t; then
  run_sql "GRANT pg_signal_backend TO fabriek"
fi
# The test role alone commits without waiting for the disk: a crash may lose the last
# test commits, never the cluster, and other users of the cluster keep their setting.
run_sql "ALTER ROLE fabriek SET synchronous_commit = off"
echo "postgresql://fabriek:fabriek@127.0.0.1:5432/fabriek_test"
