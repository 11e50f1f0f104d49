-- customer: shoppers (with an account, or guests known by their email) and their address book. New tables only,
-- so the migration is safe on a live database.
create schema customer;

create table customer.customer (
    id           text primary key,
    email        text        not null,
    first_name   text,
    last_name    text,
    phone        text,
    company_name text,
    has_account  boolean     not null default false,
    metadata     jsonb,
    created_at   timestamptz not null default now(),
    updated_at   timestamptz not null default now(),
    deleted_at   timestamptz
);
-- One account per email; guests (carts and orders without an account) may share an email with each other.
create unique index customer_account_email_idx on customer.customer (lower(email))
    where has_account and deleted_at is null;
create index customer_email_idx on customer.customer (lower(email)) where deleted_at is null;

-- The address fields are personal data, encrypted at rest: "sealed" holds platform.FieldCipher's encryption of a JSON
-- object (address_name, company, first_name, last_name, address_1, address_2, city, country_code, province,
-- postal_code, phone, metadata) bound to the row id. Only what the database must enforce stays in plain columns.
create table customer.address (
    id                  text primary key,
    customer_id         text        not null references customer.customer (id),
    sealed              text        not null,
    is_default_shipping boolean     not null default false,
    is_default_billing  boolean     not null default false,
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now(),
    deleted_at          timestamptz
);
create index address_customer_idx on customer.address (customer_id, created_at) where deleted_at is null;
-- At most one default shipping and one default billing address per customer.
create unique index address_default_shipping_idx on customer.address (customer_id)
    where is_default_shipping and deleted_at is null;
create unique index address_default_billing_idx on customer.address (customer_id)
    where is_default_billing and deleted_at is null;
