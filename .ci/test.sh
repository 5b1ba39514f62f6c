#!/usr/bin/env bash
# `make test`: every test on SQLite and, at the same time, every test that touches a
# database again on PostgreSQL (the solver's run once). Much of either run waits on solver
# time limits, the browser and the database server, so on two cores the two runs together
# take little longer than the longer one. The PostgreSQL run's output follows the SQLite
# run's; the command fails when either run fails.
set -uo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
redis=$(bash .ci/redis.sh) || exit 1
pg=$(bash .ci/postgres.sh) || exit 1
log=$(mktemp)
TEST_REDIS_URL="${redis%/*}/1" TEST_DATABASE_URL=$pg \
  $PY -m pytest -q -p no:cacheprovider --ignore=tests/scheduler >"$log" 2>&1 &
postgres_run=$!
echo "== SQLite (PostgreSQL runs alongside; its output follows)"
TEST_REDIS_URL=$redis $PY -m pytest
sqlite=$?
wait $postgres_run
postgres=$?
echo "== PostgreSQL"
cat "$log"
rm -f "$log"
echo "SQLite run exit $sqlite, PostgreSQL run exit $postgres"
[ "$sqlite" = 0 ] && [ "$postgres" = 0 ]
