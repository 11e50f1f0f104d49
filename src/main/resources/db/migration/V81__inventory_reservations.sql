-- inventory: reservations taken when a cart is completed, and the movement ledger of every change to a level.
-- New tables only, so the migration is safe on a live database.

-- A reservation holds stock of one variant at one location for a reference (the order being placed). The level's
-- reserved_quantity is the sum of its reservations; both change in one transaction, under the level's row lock.
create table inventory.reservation (
    id          text primary key,
    reference   text        not null,
    variant_id  text        not null,
    location_id text        not null references inventory.stock_location (id),
    quantity    int         not null check (quantity > 0),
    created_at  timestamptz not null default now(),
    foreign key (variant_id, location_id) references inventory.inventory_level (variant_id, location_id)
);
-- Release and "is this reference reserved" look reservations up by their reference.
create index reservation_reference_idx on inventory.reservation (reference);
-- The reservations view of a variant (back office).
create index reservation_variant_idx on inventory.reservation (variant_id);

-- The ledger: one row per change of a level, never updated or deleted. stocked_delta and reserved_delta are the
-- changes of the level's quantities; reference names the order or document that caused it.
create table inventory.movement (
    id            bigint generated always as identity primary key,
    variant_id    text        not null,
    location_id   text        not null,
    kind          text        not null check (kind in ('stock_set', 'adjusted', 'reserved', 'released', 'fulfilled', 'received')),
    stocked_delta int         not null,
    reserved_delta int        not null,
    reference     text,
    reason        text,
    actor         text,
    created_at    timestamptz not null default now()
);
create index movement_variant_idx on inventory.movement (variant_id, created_at);
create index movement_reference_idx on inventory.movement (reference) where reference is not null;
