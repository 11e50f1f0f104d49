#!/usr/bin/env bash
# Back office order list benchmark (issue 8: "order list on 100,000 orders ≤ 100 ms p95"). Starts Loupe on a fresh
# embedded database (bench/seeded-loupe.sh, with a small catalogue), seeds N orders and 1.5 N carts straight into
# PostgreSQL with SQL (seconds, not a checkout per order), signs in to /app as the demo admin, then measures with wrk
# on loopback, one connection at a time, so the latency is the server's time per request: the first page, a status
# filter, an email search, a deep page, a date range and the dashboard. EXPLAIN ANALYZE of the list queries goes to
# the same file. Usage: bench/backoffice.sh [N=100000] [duration=20s]. Results: bench/results/backoffice-*.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
ORDERS=${1:-100000}
DURATION=${2:-20s}
N=${BENCH_PRODUCTS:-100}
PORT=${BENCH_PORT:-19510}
export LOUPE_EMBEDDED_DB_PORT=${BENCH_DB_PORT:-19532}
. bench/seeded-loupe.sh
export PGPASSWORD; PGPASSWORD=$(cat "$LOUPE_DATA_DIR/db-password")
sql() { psql -q -X -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$LOUPE_EMBEDDED_DB_PORT" -U loupe -d loupe "$@"; }
out=bench/results/backoffice-$ORDERS-$(date +%Y%m%d-%H%M%S).txt

seed_started=$(date +%s)
sql -v orders="$ORDERS" <<'SQL'
-- Orders over the last 180 days in the demo regions, with the spread of statuses a live store has.
insert into orders.sales_order (id, cart_id, status, payment_status, fulfillment_status, region_id, currency_code,
  sales_channel_id, customer_id, email, item_subtotal, item_tax_total, item_total, original_item_subtotal,
  original_item_tax_total, original_item_total, shipping_subtotal, shipping_tax_total, shipping_total,
  original_shipping_subtotal, original_shipping_tax_total, original_shipping_total, discount_total, discount_tax_total,
  subtotal, tax_total, total, original_subtotal, original_tax_total, original_total, created_at, updated_at)
select 'order_0BENCH' || lpad(g::text, 20, '0'), 'cart_0BENCH' || lpad(g::text, 20, '0'),
  case when g % 20 = 0 then 'canceled' when g % 3 = 0 then 'completed' else 'pending' end,
  case when g % 20 = 0 then 'canceled' when g % 7 = 0 then 'partially_refunded' when g % 3 = 0 then 'captured'
       else 'authorized' end,
  case when g % 20 = 0 then 'canceled' when g % 3 = 0 then 'delivered' when g % 5 = 0 then 'shipped'
       else 'not_fulfilled' end,
  r.id, r.currency_code, (select id from market.sales_channel order by created_at limit 1), null,
  'shopper' || (g % 40000) || '@example.com',
  t.amount, 0, t.amount, t.amount, 0, t.amount, 5, 0, 5, 5, 0, 5, 0, 0, t.amount + 5, 0, t.amount + 5, t.amount + 5, 0,
  t.amount + 5, now() - (g::double precision / :orders) * interval '180 days', now()
from generate_series(1, :orders) g
cross join lateral (select round((20 + (g * 7919 % 40000) / 100.0)::numeric, 2) as amount) t
cross join lateral (select id, currency_code from market.region where deleted_at is null
  order by id offset (g % (select count(*) from market.region where deleted_at is null)) limit 1) r;
-- Carts: two in three become orders, the others are abandoned with an item.
insert into cart.cart (id, region_id, currency_code, sales_channel_id, email, completed_at, created_at, updated_at)
select 'cart_0BENCH' || lpad(g::text, 20, '0'), (select id from market.region order by id limit 1), 'usd',
  (select id from market.sales_channel order by created_at limit 1), null,
  case when g <= :orders then now() - (g::double precision / :orders) * interval '180 days' end,
  now() - (g::double precision / (:orders * 1.5)) * interval '180 days',
  now() - (g::double precision / (:orders * 1.5)) * interval '180 days'
from generate_series(1, (:orders * 1.5)::int) g;
analyze orders.sales_order;
analyze cart.cart;
SQL
seed_seconds=$(( $(date +%s) - seed_started ))

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
from=$(date -u -d '-40 days' +%F); to=$(date -u -d '-30 days' +%F)
app="http://127.0.0.1:$PORT/app"
{
  echo "# Loupe back office benchmark, $ORDERS orders, $(( ORDERS * 3 / 2 )) carts (seeded in ${seed_seconds}s), $(date -u +%FT%TZ), $(nproc) cores"
  for path in "/orders" "/orders?status=canceled" "/orders?q=shopper123%40" "/orders?page=400" \
      "/orders?from=$from&to=$to&payment=captured" "?days=30" "?days=90"; do
    wrk -t1 -c1 -d5s -H "$C" "$app$path" >/dev/null  # warm-up
    echo "## $app$path"
    wrk -t1 -c1 -d"$DURATION" --latency -H "$C" "$app$path" | grep -E "Latency|50%|90%|99%|Requests/sec|Non-2xx"
  done
  echo "## 8 connections, first page"
  wrk -t2 -c8 -d"$DURATION" --latency -H "$C" "$app/orders" | grep -E "Latency|50%|90%|99%|Requests/sec|Non-2xx"
  echo "## query plans"
  sql <<'SQL'
explain (analyze, buffers, costs off) select id from orders.sales_order order by created_at desc, id desc limit 26 offset 0;
explain (analyze, buffers, costs off) select id from orders.sales_order where status = 'canceled' order by created_at desc, id desc limit 26;
explain (analyze, buffers, costs off) select id from orders.sales_order where lower(email) like 'shopper123@%' order by created_at desc, id desc limit 26;
explain (analyze, buffers, costs off) select id from orders.sales_order order by created_at desc, id desc limit 26 offset 9975;
explain (analyze, buffers, costs off) select (created_at at time zone 'UTC')::date, count(*), sum(total) from orders.sales_order
  where created_at >= now() - interval '90 days' and lower(currency_code) = 'usd' and status <> 'canceled' group by 1;
SQL
} | tee "$out"
echo "results in $out"
