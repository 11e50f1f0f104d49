-- inventory: stock locations and levels per variant; reservations and the movement ledger come with checkout.
create schema inventory;

create table inventory.stock_location (
    id         text primary key,
    name       text        not null,
    address    jsonb,
    metadata   jsonb,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    deleted_at timestamptz
);

create table inventory.inventory_level (
    variant_id         text        not null,
    location_id        text        not null references inventory.stock_location (id),
    stocked_quantity   int         not null default 0 check (stocked_quantity >= 0),
    reserved_quantity  int         not null default 0 check (reserved_quantity >= 0),
    incoming_quantity  int         not null default 0 check (incoming_quantity >= 0),
    low_stock_threshold int,
    updated_at         timestamptz not null default now(),
    primary key (variant_id, location_id),
    check (reserved_quantity <= stocked_quantity)
);
