#!/usr/bin/env bash
# Storefront page benchmark (issue 6). Builds Loupe, seeds N synthetic products into a fresh embedded database, starts
# it, reports each page's weight (HTML bytes raw and gzipped, requests, total transfer), then runs wrk on loopback at
# 16 connections for the home, a category, a product page and page 3 of all N products: the latency percentiles are the server's time to first
# byte plus loopback (pages are rendered into a buffer, so the first byte leaves with the last).
# Targets: p50 <= 15 ms and p99 <= 60 ms at 16 connections; product page >= 1,000 req/s.
# Anonymous catalogue pages are served from the rendered-page cache (ADR 017): the report says whether each URL was a
# hit after the warm-up, and the machine's load average before and after (the figures mean little on a busy machine).
# Usage: bench/storefront.sh [N=10000] [duration=30s]. Results: bench/results/storefront-*.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-10000}
DURATION=${2:-30s}
PORT=${BENCH_PORT:-19510}
. bench/seeded-loupe.sh
base="http://127.0.0.1:$PORT"
out=bench/results/storefront-$N-$(date +%Y%m%d-%H%M%S).txt
category=$(curl -fs -H "$H" "$base/store/product-categories?limit=1" | grep -oE '"handle":"[^"]+"' | head -1 | cut -d'"' -f4)
product=$(curl -fs -H "$H" "$base/store/products?limit=1&offset=$((N / 2))" | grep -oE '"handle":"[^"]+"' | head -1 | cut -d'"' -f4)
home="$base/"
listing="$base/categories/$category"
detail="$base/products/$product"
all="$base/search?page=3"

# Page weight: the HTML (raw and gzipped), and what a first visit downloads with it (stylesheet, scripts, images).
weight() {
  local url=$1 html gz assets total=0 requests=1
  html=$(curl -fs "$url" | wc -c)
  gz=$(curl -fs -H 'Accept-Encoding: gzip' "$url" | wc -c)
  total=$gz
  assets=$(curl -fs "$url" | grep -oE '(href|src)="/(assets|files|webjars)/[^"]+"' | cut -d'"' -f2 | sort -u)
  for a in $assets; do
    requests=$((requests + 1))
    total=$((total + $(curl -fs -H 'Accept-Encoding: gzip' "$base$a" | wc -c)))
  done
  echo "# $url: html ${html} B (gzip ${gz} B), requests ${requests}, total transfer ${total} B"
}

{
  echo "# Loupe storefront benchmark, $N products, $(date -u +%FT%TZ), $(nproc) cores"
  echo "# load before: $(uptime)"
  weight "$home"; weight "$listing"; weight "$detail"; weight "$all"
  for url in "$home" "$listing" "$detail" "$all"; do wrk -t2 -c16 -d10s "$url" >/dev/null; done  # warm-up
  for url in "$home" "$listing" "$detail" "$all"; do
    echo "# $url: $(curl -fs -o /dev/null -D - "$url" | tr -d '\r' | grep -i '^x-cache:' || echo 'X-Cache: (none)')"
  done
  for name in home category product all-products; do
    case $name in home) url=$home ;; category) url=$listing ;; product) url=$detail ;; all-products) url=$all ;; esac
    echo "## $name: $url (16 connections)"
    wrk -t2 -c16 -d"$DURATION" --latency "$url"
  done
  echo "## product, 32 connections (throughput)"
  wrk -t2 -c32 -d"$DURATION" --latency "$detail" | grep -E "50%|99%|Requests/sec"
  echo "## product, 16 connections, gzip accepted (as browsers ask)"
  wrk -t2 -c16 -d"$DURATION" --latency -H 'Accept-Encoding: gzip' "$detail" | grep -E "50%|99%|Requests/sec"
  echo "## category, uncached (a cart cookie makes the page personal: rendered each time, counts cached)"
  wrk -t2 -c16 -d"$DURATION" --latency -H 'Cookie: loupe_cart=cart_bench' "$listing" | grep -E "50%|99%|Requests/sec"
  echo "# load after: $(uptime)"
} | tee "$out"
echo "results in $out"
