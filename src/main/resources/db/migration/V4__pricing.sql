-- pricing: a price per variant and currency (optionally per region), price lists for sales and overrides.
create schema pricing;

create table pricing.price_list (
    id          text primary key,
    title       text        not null,
    description text        not null default '',
    type        text        not null check (type in ('sale', 'override')),
    status      text        not null default 'draft' check (status in ('active', 'draft')),
    starts_at   timestamptz,
    ends_at     timestamptz,
    rules       jsonb,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now(),
    deleted_at  timestamptz
);

create table pricing.price (
    id            text primary key,
    variant_id    text           not null,
    currency_code text           not null,
    region_id     text,
    amount        numeric(20, 6) not null check (amount >= 0),
    min_quantity  int,
    max_quantity  int,
    price_list_id text references pricing.price_list (id),
    created_at    timestamptz    not null default now(),
    updated_at    timestamptz    not null default now(),
    deleted_at    timestamptz
);
create index price_variant_idx on pricing.price (variant_id, currency_code) where deleted_at is null;
create index price_price_list_idx on pricing.price (price_list_id) where deleted_at is null;
