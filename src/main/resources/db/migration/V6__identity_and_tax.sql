-- identity: staff users (customers and tokens come with the identity issue).
create schema identity;

create table identity.staff_user (
    id            text primary key,
    email         text        not null,
    first_name    text,
    last_name     text,
    role          text        not null check (role in ('admin', 'associate', 'optician', 'lab', 'warehouse', 'buyer')),
    password_hash text        not null,
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now(),
    deleted_at    timestamptz
);
create unique index staff_user_email_idx on identity.staff_user (lower(email)) where deleted_at is null;

-- tax: rates per region and country (and province).
create schema tax;

create table tax.tax_rate (
    id            text primary key,
    region_id     text           not null,
    country_code  text           not null,
    province_code text,
    name          text           not null,
    code          text           not null,
    rate          numeric(7, 4)  not null check (rate >= 0 and rate <= 100),
    is_default    boolean        not null default true,
    created_at    timestamptz    not null default now(),
    updated_at    timestamptz    not null default now(),
    deleted_at    timestamptz
);
create index tax_rate_country_idx on tax.tax_rate (country_code, province_code) where deleted_at is null;
