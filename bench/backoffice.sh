#!/usr/bin/env bash
# Back office lists on a large store (issue 8: "order list on 100,000 orders and product list on 10,000 products answer
# in ≤ 100 ms p95 server time"). Starts Loupe on a fresh embedded database (bench/seeded-loupe.sh) seeded with
# `seed --products P --orders N` (synthetic catalogue, then N orders over the last year with lines, encrypted
# addresses, statuses and history, in JDBC batches), vacuums, signs in to /app as the demo admin, then measures each
# list with wrk on loopback at 16 connections (2 threads): order list page 1, a deep page (offset 9,975), search by
# email and by number, a status filter, product list page 1 and a product search. p50/p95/p99 come from
# percentiles.lua; then 10 s at one connection (BENCH_SERVER_DURATION), the server's time per request without queueing.
# EXPLAIN ANALYZE of the list queries and `uptime` go to the same file. BENCH_DATA=<dir> reuses a seeded directory
# (see seeded-loupe.sh); BENCH_CONNECTIONS changes the 16.
# Usage: bench/backoffice.sh [orders=100000] [duration=20s] [products=10000]. Results: bench/results/backoffice-*.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
ORDERS=${1:-100000}
DURATION=${2:-20s}
N=${3:-${BENCH_PRODUCTS:-10000}}
CONNECTIONS=${BENCH_CONNECTIONS:-16}
PORT=${BENCH_PORT:-19510}
export LOUPE_EMBEDDED_DB_PORT=${BENCH_DB_PORT:-19532}
SEED_ARGS="--orders $ORDERS"
. bench/seeded-loupe.sh
export PGPASSWORD; PGPASSWORD=$(cat "$LOUPE_DATA_DIR/db-password")
sql() { psql -q -X -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$LOUPE_EMBEDDED_DB_PORT" -U loupe -d loupe "$@"; }
out=bench/results/backoffice-$ORDERS-$(date +%Y%m%d-%H%M%S).txt
# Seeded rows are all new: let the visibility map and statistics catch up (autovacuum would, a minute later).
sql -c "vacuum analyze orders.sales_order" -c "vacuum analyze catalog.product"

# Sign in as the demo admin through the form, as a browser does.
jar=$(mktemp)
csrf=$(curl -fs -c "$jar" "http://127.0.0.1:$PORT/app/login" | grep -oE 'name="_csrf" value="[^"]+"' | cut -d'"' -f4)
curl -fs -b "$jar" -c "$jar" -o /dev/null -w '%{http_code}' \
  --data-urlencode "email=${LOUPE_DEMO_ADMIN_EMAIL:-admin@loupe.test}" \
  --data-urlencode "password=${LOUPE_DEMO_ADMIN_PASSWORD:-loupe-admin}" --data-urlencode "_csrf=$csrf" \
  "http://127.0.0.1:$PORT/app/login" | grep -q 302 || { echo "sign-in failed" >&2; exit 1; }
session=$(awk '$6 == "loupe_staff" { print $7 }' "$jar")
rm -f "$jar"
C="Cookie: loupe_staff=$session"
app="http://127.0.0.1:$PORT/app"
# A real shopper's email prefix and an order number from the middle of the history.
email=$(sql -tA -c "select email from orders.sales_order order by created_at desc offset 500 limit 1")
number=$(sql -tA -c "select display_id from orders.sales_order order by created_at desc offset $(( ORDERS / 2 )) limit 1")
{
  echo "# Loupe back office lists, $ORDERS orders and $N products (seeded in ${seed_seconds}s), $(date -u +%FT%TZ), $(nproc) cores"
  echo "# wrk -t2 -c$CONNECTIONS -d$DURATION after a 5 s warm-up per URL; uptime before: $(uptime)"
  grep -E "done in" "$data/seed.log" | sed 's/^/# seed: /'
  for path in "/orders" "/orders?page=400" "/orders?q=${email%%@*}%40" "/orders?q=%23$number" \
      "/orders?status=canceled" "/orders?fulfillment=awaiting&page=20" "/products" "/products?q=walnut" \
      "/products?status=published&page=200"; do
    code=$(curl -s -o /dev/null -w '%{http_code}' -H "$C" "$app$path")
    [ "$code" = 200 ] || { echo "$app$path answered $code" >&2; exit 1; }
    wrk -t2 -c"$CONNECTIONS" -d5s -H "$C" "$app$path" >/dev/null  # warm-up
    printf '%-48s ' "$path"
    wrk -t2 -c"$CONNECTIONS" -d"$DURATION" -s bench/percentiles.lua -H "$C" "$app$path" | tail -1
    # One connection: the server's time per request, without queueing behind the other connections.
    printf '%-48s ' "  1 connection"
    wrk -t1 -c1 -d"${BENCH_SERVER_DURATION:-10s}" -s bench/percentiles.lua -H "$C" "$app$path" | tail -1
  done
  echo "# uptime after: $(uptime)"
  echo "## query plans"
  sql <<SQL
explain (analyze, buffers, costs off) select o.id from (select id, created_at from orders.sales_order
  order by created_at desc, id desc limit 26 offset 9975) p join orders.sales_order o on o.id = p.id;
explain (analyze, buffers, costs off) select id from orders.sales_order where lower(email) like '${email%%@*}@%'
  order by created_at desc, id desc limit 26;
explain (analyze, buffers, costs off) select id from orders.sales_order where status = 'canceled'
  order by created_at desc, id desc limit 26;
explain (analyze, buffers, costs off) select p.id from catalog.product p where p.deleted_at is null
  order by p.created_at desc, p.id desc limit 26;
explain (analyze, buffers, costs off) select p.id from catalog.product p where p.deleted_at is null
  and (p.search_text ilike '%walnut%' or p.handle ilike '%walnut%') order by p.created_at desc, p.id desc limit 26;
explain (analyze, buffers, costs off) select count(*) from (select 1 from catalog.product p where p.deleted_at is null
  and (p.search_text ilike '%walnut%' or p.handle ilike '%walnut%') limit 10001) c;
SQL
} | tee "$out"
echo "results in $out"
