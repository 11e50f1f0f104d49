-- market: store settings, regions and their countries, sales channels, publishable API keys.
create schema market;

create table market.store (
    id                    text primary key,
    name                  text        not null,
    default_currency_code text        not null,
    default_region_id     text,
    default_sales_channel_id text,
    metadata              jsonb,
    created_at            timestamptz not null default now(),
    updated_at            timestamptz not null default now()
);

create table market.store_currency (
    store_id      text    not null references market.store (id),
    currency_code text    not null,
    is_default    boolean not null default false,
    primary key (store_id, currency_code)
);

create table market.region (
    id               text primary key,
    name             text        not null,
    currency_code    text        not null,
    automatic_taxes  boolean     not null default true,
    is_tax_inclusive boolean     not null default false,
    metadata         jsonb,
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now(),
    deleted_at       timestamptz
);
create index region_live_idx on market.region (created_at) where deleted_at is null;

-- A country belongs to at most one region (as in Medusa).
create table market.region_country (
    iso_2        text primary key,
    iso_3        text not null,
    num_code     text not null,
    name         text not null,
    display_name text not null,
    region_id    text references market.region (id)
);
create index region_country_region_idx on market.region_country (region_id);

create table market.region_payment_provider (
    region_id   text not null references market.region (id),
    provider_id text not null,
    primary key (region_id, provider_id)
);

create table market.sales_channel (
    id          text primary key,
    name        text        not null,
    description text,
    is_disabled boolean     not null default false,
    metadata    jsonb,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now(),
    deleted_at  timestamptz
);

create table market.publishable_api_key (
    id         text primary key,
    token      text        not null unique,
    title      text        not null,
    created_by text,
    revoked_at timestamptz,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
);

create table market.publishable_api_key_sales_channel (
    publishable_key_id text not null references market.publishable_api_key (id),
    sales_channel_id   text not null references market.sales_channel (id),
    primary key (publishable_key_id, sales_channel_id)
);
