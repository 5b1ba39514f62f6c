#!/usr/bin/env bash
# Installs (as root, when missing) and starts Debian's Redis on loopback for the tests of the
# RQ job runner. Prints the REDIS_URL to use; fails when Redis cannot be had, so a test run
# never skips those tests silently.
set -euo pipefail
port=${REDIS_PORT:-6379}
if ! command -v redis-server >/dev/null 2>&1; then
  if [ "$(id -u)" != 0 ]; then
    echo "Redis is missing: run 'sudo apt-get install redis-server'" >&2
    exit 1
  fi
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null
fi
if ! redis-cli -h 127.0.0.1 -p "$port" ping >/dev/null 2>&1; then
  # No init system in CI containers: start it ourselves, in memory only.
  redis-server --bind 127.0.0.1 --port "$port" --daemonize yes --save "" --appendonly no \
    --dir /tmp --logfile /tmp/fabriek-redis.log >&2
fi
for _ in $(seq 1 30); do
  redis-cli -h 127.0.0.1 -p "$port" ping >/dev/null 2>&1 && break
  sleep 0.2
done
redis-cli -h 127.0.0.1 -p "$port" ping >/dev/null
echo "redis://127.0.0.1:$port/0"
