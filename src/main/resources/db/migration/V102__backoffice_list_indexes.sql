-- The back office's order list, dashboard and cart figures on a large store (bench/backoffice.sh). New indexes only.
-- Plain CREATE INDEX: Flyway holds its lock in an open transaction, which CREATE INDEX CONCURRENTLY would wait for
-- forever. Building them blocks writes to orders and carts for as long as the build takes (about a second per
-- 100,000 orders); on a much larger live store, create them CONCURRENTLY by hand first (same names) and this
-- migration skips them.
-- Newest orders first; the included columns let the sales figures per day be read from the index alone.
create index if not exists sales_order_created_idx
    on orders.sales_order (created_at desc, id desc) include (currency_code, status, total);
-- The list filtered by one status, newest first.
create index if not exists sales_order_status_created_idx
    on orders.sales_order (status, created_at desc, id desc);
create index if not exists sales_order_payment_created_idx
    on orders.sales_order (payment_status, created_at desc, id desc);
create index if not exists sales_order_fulfillment_created_idx
    on orders.sales_order (fulfillment_status, created_at desc, id desc);
-- Search by the start of an email.
create index if not exists sales_order_email_prefix_idx
    on orders.sales_order (lower(email) text_pattern_ops);
-- Carts created and completed in a period (conversion, abandoned carts).
create index if not exists cart_created_idx
    on cart.cart (created_at) include (completed_at, updated_at) where deleted_at is null;
