-- The back office's product list on a large catalogue (bench/backoffice.sh, 10,000 products). New indexes only, plain
-- CREATE INDEX for the reason given in V102 (create them CONCURRENTLY by hand first on a much larger live store).
-- Every live product newest first (V3's index covers published products only), and per status.
create index if not exists product_admin_created_idx
    on catalog.product (created_at desc, id desc) where deleted_at is null;
create index if not exists product_admin_status_created_idx
    on catalog.product (status, created_at desc, id desc) where deleted_at is null;
-- The list's search is a substring match (ILIKE '%…%') on the search text (title, subtitle, SKUs…) and the handle:
-- trigram indexes answer it without reading every product.
create index if not exists product_search_text_trgm_idx
    on catalog.product using gin (search_text gin_trgm_ops) where deleted_at is null;
create index if not exists product_handle_trgm_idx
    on catalog.product using gin (handle gin_trgm_ops) where deleted_at is null;
