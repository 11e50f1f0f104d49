-- Listing order: (created_at, id) serves both directions of created_at with the id tie-break.
drop index if exists catalog.product_live_created_idx;
create index product_live_created_idx on catalog.product (created_at, id) where deleted_at is null and status = 'published';
create index product_live_updated_idx on catalog.product (updated_at, id) where deleted_at is null and status = 'published';
create index product_live_handle_idx on catalog.product (handle, id) where deleted_at is null and status = 'published';
-- Typo-tolerant search: trigram word similarity over the whole search text ("sensr" finds "sensor").
create index product_search_trgm_idx on catalog.product using gin (search_text gin_trgm_ops);
