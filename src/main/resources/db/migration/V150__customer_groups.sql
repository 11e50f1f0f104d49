-- customer groups: named sets of customers (wholesale, VIP, staff) that promotions can be limited to. New tables
-- only, so the migration is safe on a live database.
create table customer.customer_group (
    id         text primary key,
    name       text        not null,
    metadata   jsonb,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
);
-- Names are unique whatever their case ("VIP" and "vip" are one group to a merchant).
create unique index customer_group_name_idx on customer.customer_group (lower(name));

-- Deleting a group removes its memberships; the customers stay.
create table customer.customer_group_member (
    group_id    text        not null references customer.customer_group (id) on delete cascade,
    customer_id text        not null references customer.customer (id),
    created_at  timestamptz not null default now(),
    primary key (group_id, customer_id)
);
-- The groups of one customer (customer detail, the discount context of a cart).
create index customer_group_member_customer_idx on customer.customer_group_member (customer_id);
