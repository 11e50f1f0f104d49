#!/usr/bin/env bash
# Store API catalogue benchmark (issue: Catalogue). Builds Loupe, starts it on a fresh embedded database, generates a
# synthetic catalogue of N products x 3 variants, warms up, then runs wrk on loopback (30 s, 32 connections) for the
# listing, the detail and search. Usage: bench/catalog.sh [N=10000] [duration=30s]. Results: bench/results/.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-10000}
DURATION=${2:-30s}
PORT=${BENCH_PORT:-19500}
. bench/seeded-loupe.sh
out=bench/results/catalog-$N-$(date +%Y%m%d-%H%M%S).txt
region=$(curl -fs -H "$H" "http://127.0.0.1:$PORT/store/regions" | grep -oE '"id":"reg_[0-9A-Z]+"' | head -1 | cut -d'"' -f4)
product=$(curl -fs -H "$H" "http://127.0.0.1:$PORT/store/products?limit=1&offset=$((N / 2))&region_id=$region" | grep -oE '"id":"prod_[0-9A-Z]+"' | head -1 | cut -d'"' -f4)
list="http://127.0.0.1:$PORT/store/products?limit=20&region_id=$region"
detail="http://127.0.0.1:$PORT/store/products/$product?region_id=$region"
search="http://127.0.0.1:$PORT/store/products?limit=20&region_id=$region&q=sensor"
{
  echo "# Loupe catalogue benchmark, $N products x 3 variants, $(date -u +%FT%TZ), $(nproc) cores"
  echo "# list bytes: $(curl -fs -H "$H" "$list" | wc -c), detail bytes: $(curl -fs -H "$H" "$detail" | wc -c)"
  for url in "$list" "$detail" "$search"; do wrk -t2 -c32 -d10s -H "$H" "$url" >/dev/null; done  # warm-up
  for name in list detail search; do
    case $name in list) url=$list ;; detail) url=$detail ;; search) url=$search ;; esac
    echo "## $name: $url"
    wrk -t2 -c32 -d"$DURATION" --latency -H "$H" "$url"
  done
  pages=$(( N / 20 < 5000 ? N / 20 : 5000 ))
  echo "## list, random pages (cache misses): $list&offset=<random of $pages pages>"
  wrk -t2 -c32 -d"$DURATION" --latency -s bench/random-page.lua -H "$H" "$list" -- "$pages"
  echo "## list p50 at 16 connections"
  wrk -t2 -c16 -d10s --latency -H "$H" "$list" | grep -E "50%|99%|Requests/sec"
} | tee "$out"
echo "results in $out"
