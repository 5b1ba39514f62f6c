#!/usr/bin/env bash
# `make test`: every test on SQLite and, at the same time, every test that touches a
# database again on PostgreSQL (the solver's run once). Much of each run waits on solver
# time limits, the browser and the database server, so the PostgreSQL tests run as two
# halves beside the SQLite run, each half with a database name and a Redis database of its
# own: on two cores the three together take little longer than the SQLite run alone. The
# PostgreSQL runs' output follows the SQLite run's; the command fails when any run fails.
set -uo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
redis=$(bash .ci/redis.sh) || exit 1
pg=$(bash .ci/postgres.sh) || exit 1
# The browser, the fuzz of every route and the foundation's checks, then everything else.
FIRST_HALF=(tests/browser tests/security tests/foundation)
logs=()
pids=()
postgres_half() {  # name, redis database, pytest arguments...
  local log
  log=$(mktemp)
  logs+=("$log")
  TEST_REDIS_URL="${redis%/*}/$2" TEST_DATABASE_URL="${pg}_$1" \
    $PY -m pytest -q -p no:cacheprovider "${@:3}" >"$log" 2>&1 &
  pids+=($!)
}
postgres_half a 1 "${FIRST_HALF[@]}"
rest=()
for dir in tests/[a-z]*/; do
  case " ${FIRST_HALF[*]} tests/scheduler " in *" ${dir%/} "*) ;; *) rest+=("${dir%/}") ;; esac
done
postgres_half b 2 "${rest[@]}"
echo "== SQLite (PostgreSQL runs alongside in two halves; their output follows)"
TEST_REDIS_URL=$redis $PY -m pytest
sqlite=$?
postgres=0
for i in "${!pids[@]}"; do
  wait "${pids[$i]}" || postgres=1
  echo "== PostgreSQL, half $((i + 1))"
  cat "${logs[$i]}"
  rm -f "${logs[$i]}"
done
echo "SQLite run exit $sqlite, PostgreSQL runs exit $postgres"
[ "$sqlite" = 0 ] && [ "$postgres" = 0 ]
