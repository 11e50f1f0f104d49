#!/usr/bin/env bash
# Login throughput (issue: identity): logins/s with the Argon2id parameters of ADR 006. Starts Loupe on a fresh
# embedded database, registers one customer login, then runs wrk against POST /auth/customer/emailpass.
# Usage: bench/login.sh [duration=15s] [connections=8]. Results: bench/results/login-*.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${1:-15s}
CONNECTIONS=${2:-8}
PORT=${BENCH_PORT:-19510}
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
[ -f target/loupe.jar ] || ./mvnw -q -DskipTests package
data=$(mktemp -d /tmp/loupe-bench.XXXXXX); chmod 755 "$data"
out=bench/results/login-$(date +%Y%m%d-%H%M%S).txt
mkdir -p bench/results
LOUPE_DATA_DIR="$data/data" LOUPE_LOG_FORMAT=json PORT=$PORT java -jar target/loupe.jar > "$data/app.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null || true; rm -rf "$data"' EXIT
for _ in $(seq 1 240); do curl -fs "http://127.0.0.1:$PORT/health" >/dev/null && break; sleep 0.25; done
curl -fs -H 'Content-Type: application/json' -d '{"email":"bench-login@example.com","password":"correct horse battery"}' \
  "http://127.0.0.1:$PORT/auth/customer/emailpass/register" >/dev/null
{
  echo "# Loupe login benchmark, Argon2id 19 MiB / 2 iterations / 1 lane, $(date -u +%FT%TZ), $(nproc) cores"
  wrk -t2 -c"$CONNECTIONS" -d5s -s bench/login.lua "http://127.0.0.1:$PORT/auth/customer/emailpass" >/dev/null  # warm-up
  wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -s bench/login.lua "http://127.0.0.1:$PORT/auth/customer/emailpass"
} | tee "$out"
echo "results in $out"
