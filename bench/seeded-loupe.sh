# Sourced by the benchmark scripts (after cd to the repository and setting N and PORT): installs wrk if missing,
# builds the jar if missing, seeds N synthetic products into a fresh data directory, starts Loupe on PORT (stopped and
# removed on exit), waits for /health and sets key (the banner's publishable key) and H (its header).
# BENCH_DATA=/tmp/loupe-bench.X reuses a directory seeded before (kept on exit, not seeded again).
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
[ -f target/loupe.jar ] || ./mvnw -q -DskipTests package
keep=${BENCH_DATA:-}
if [ -n "$keep" ]; then data=$keep; else data=$(mktemp -d /tmp/loupe-bench.XXXXXX); chmod 755 "$data"; fi
mkdir -p bench/results
export LOUPE_DATA_DIR="$data/data" LOUPE_LOG_FORMAT=json PORT
seed_started=$(date +%s)
# SEED_ARGS: more for the seed command (backoffice.sh adds --orders N).
if [ -z "$keep" ]; then
  java -jar target/loupe.jar seed --products "$N" ${SEED_ARGS:-} > "$data/seed.log" 2>&1 \
    || { echo "seeding failed (Loupe needs JDK 25 as java or JAVA_HOME/bin on PATH):" >&2; head -3 "$data/seed.log" >&2; exit 1; }
fi
seed_seconds=$(( $(date +%s) - seed_started ))
java -XX:+UseParallelGC -jar target/loupe.jar > "$data/app.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null || true; [ -n "$keep" ] || rm -rf "$data"' EXIT
# Up to 5 minutes: a loaded machine starts Loupe slowly.
for _ in $(seq 1 1200); do curl -fs "http://127.0.0.1:$PORT/health" >/dev/null && break; sleep 0.25; done
curl -fs "http://127.0.0.1:$PORT/health" >/dev/null \
  || { echo "Loupe did not become healthy on port $PORT:" >&2; tail -5 "$data/app.log" | cut -c1-400 >&2; exit 1; }
key=""
for _ in $(seq 1 120); do key=$(grep -oE 'pk_[0-9a-f]{64}' "$data/app.log" | head -1 || true); [ -n "$key" ] && break; sleep 0.25; done
[ -n "$key" ] || { echo "no publishable key in the banner" >&2; exit 1; }
H="x-publishable-api-key: $key"
