-- fulfillment: shipping profiles, shipping options with their prices, and the weight brackets of table-rate options.
-- New tables only, so the migration is safe on a live database. region_id names a row of market: no foreign keys
-- across schemas, as elsewhere.
create schema fulfillment;

-- type is Medusa's profile type: 'default' for goods that ship, 'digital' for goods that do not.
create table fulfillment.shipping_profile (
    id         text primary key,
    name       text        not null,
    type       text        not null check (type in ('default', 'digital', 'custom')),
    metadata   jsonb,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    deleted_at timestamptz
);
-- At most one live profile of each built-in type, so "the default profile" is well defined.
create unique index shipping_profile_builtin_type_idx on fulfillment.shipping_profile (type)
    where deleted_at is null and type in ('default', 'digital');
create unique index shipping_profile_name_idx on fulfillment.shipping_profile (lower(name)) where deleted_at is null;

-- country_codes narrows an option to some of its region's countries; null means all of them.
-- The type (label, description, code such as 'standard' or 'express') belongs to one option, as in Medusa.
create table fulfillment.shipping_option (
    id                  text primary key,
    region_id           text        not null,
    name                text        not null,
    shipping_profile_id text        not null references fulfillment.shipping_profile (id),
    provider_id         text        not null,
    price_type          text        not null check (price_type in ('flat', 'calculated')),
    country_codes       text[],
    type_id             text        not null,
    type_label          text        not null,
    type_description    text        not null default '',
    type_code           text        not null,
    data                jsonb,
    is_enabled          boolean     not null default true,
    metadata            jsonb,
    -- clock_timestamp, not now(): options created in one transaction (the demo's) keep their order of creation.
    created_at          timestamptz not null default clock_timestamp(),
    updated_at          timestamptz not null default now(),
    deleted_at          timestamptz
);
-- The hot query: the live options of a cart's region.
create index shipping_option_region_idx on fulfillment.shipping_option (region_id, created_at) where deleted_at is null;
-- Refusing to delete a profile still in use.
create index shipping_option_profile_idx on fulfillment.shipping_option (shipping_profile_id) where deleted_at is null;

-- A flat price of an option in one currency; free_over is the item subtotal at or above which shipping is free.
create table fulfillment.shipping_option_price (
    id                 text primary key,
    shipping_option_id text          not null references fulfillment.shipping_option (id),
    currency_code      text          not null,
    amount             numeric(20,6) not null check (amount >= 0),
    free_over          numeric(20,6) check (free_over >= 0),
    is_tax_inclusive   boolean       not null,
    unique (shipping_option_id, currency_code)
);

-- The brackets of a table-rate option: a cart whose shipped weight is at most up_to_grams pays amount (the smallest
-- such bracket wins); heavier than the largest bracket, the option is not offered.
create table fulfillment.rate_bracket (
    shipping_option_id text          not null references fulfillment.shipping_option (id),
    currency_code      text          not null,
    up_to_grams        bigint        not null check (up_to_grams > 0),
    amount             numeric(20,6) not null check (amount >= 0),
    is_tax_inclusive   boolean       not null,
    primary key (shipping_option_id, currency_code, up_to_grams)
);
