-- The store-wide low-stock threshold as set in the back office (at most one row); without a row the configured
-- default (LOUPE_BACKOFFICE_LOW_STOCK_THRESHOLD) applies. A level's own low_stock_threshold still wins.
create table inventory.stock_settings (
    id                  boolean     primary key default true check (id),
    low_stock_threshold int         not null check (low_stock_threshold >= 0 and low_stock_threshold <= 1000000),
    updated_at          timestamptz not null default now()
);

-- The reservations list across the store (back office), newest first, paged. The table holds only open
-- reservations (released and fulfilled ones are deleted), so it stays small and the index is cheap to build.
create index reservation_created_idx on inventory.reservation (created_at desc, id desc);

alter table inventory.inventory_level
    add constraint inventory_level_low_stock_threshold_check check (low_stock_threshold is null or low_stock_threshold >= 0) not valid;
