#!/usr/bin/env bash
# Checkout benchmark (issue: Carts, checkout and orders). Builds Loupe, starts it on a fresh embedded database with a
# synthetic catalogue of N products (stock 0-199 per variant), then runs wrk with 16 shoppers (one per thread, as
# bench/checkout.lua keeps one shopper's state per thread), each going round create cart -> add 2 items -> address ->
# shipping -> payment session -> complete, for the given duration; then add-to-cart alone.
# Usage: bench/checkout.sh [N=10000] [duration=60s]. Results: bench/results/checkout-*.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-10000}
DURATION=${2:-60s}
PORT=${BENCH_PORT:-19520}
. bench/seeded-loupe.sh
out=bench/results/checkout-$N-$(date +%Y%m%d-%H%M%S).txt
base="http://127.0.0.1:$PORT"
region=$(curl -fs -H "$H" "$base/store/regions" | grep -oE '"id":"reg_[0-9A-Z]+","name":"United States"' | cut -d'"' -f4)
[ -n "$region" ] || region=$(curl -fs -H "$H" "$base/store/regions" | grep -oE '"id":"reg_[0-9A-Z]+"' | head -1 | cut -d'"' -f4)
# Variants with stock to spare (inventory_quantity >= 100), from a few pages of the catalogue.
variants=$(for offset in 0 500 1000 1500 2000; do
  curl -fs -H "$H" "$base/store/products?limit=100&offset=$offset&region_id=$region&fields=id,*variants,+variants.inventory_quantity"
  echo
done | python3 -c '
import json, sys
ids = [v["id"] for line in sys.stdin if line.strip() for p in json.loads(line)["products"]
       for v in p["variants"] if (v.get("inventory_quantity") or 0) >= 100]
print(",".join(ids[:400]))')
count=$(echo "$variants" | tr ',' '\n' | grep -c variant_ || true)
[ "$count" -ge 20 ] || { echo "only $count stocked variants found" >&2; exit 1; }
{
  echo "# Loupe checkout benchmark, $N products, $count variants with >= 100 in stock, $(date -u +%FT%TZ), $(nproc) cores"
  wrk -t16 -c16 -d10s -s bench/checkout.lua "$base" -- "$key" "$region" "$variants" >/dev/null  # warm-up
  echo "## checkout: 16 shoppers, $DURATION"
  wrk -t16 -c16 -d"$DURATION" -s bench/checkout.lua "$base" -- "$key" "$region" "$variants"
  echo "## add-to-cart: 16 connections, 30s"
  wrk -t16 -c16 -d30s --latency -s bench/add-to-cart.lua "$base" -- "$key" "$region" "$variants"
} | tee "$out"
echo "results in $out"
