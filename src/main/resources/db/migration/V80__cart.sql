-- cart: shopping carts and their line items. New tables only, so the migration is safe on a live database.
create schema cart;

-- shipping_address and billing_address are personal data, encrypted at rest: platform.FieldCipher's encryption of a
-- JSON object (id, first_name, last_name, phone, company, address_1, address_2, city, country_code, province,
-- postal_code, metadata, created_at, updated_at) bound to the cart id + ":shipping" or ":billing".
-- region_id, sales_channel_id and customer_id name rows of other modules (market, customer): no foreign keys across
-- schemas, as elsewhere.
create table cart.cart (
    id               text primary key,
    region_id        text        not null,
    currency_code    text        not null,
    sales_channel_id text        not null,
    customer_id      text,
    email            text,
    shipping_address text,
    billing_address  text,
    metadata         jsonb,
    completed_at     timestamptz,
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now(),
    deleted_at       timestamptz
);
-- A customer's carts (transfer, "my open carts" later).
create index cart_customer_idx on cart.cart (customer_id, created_at) where deleted_at is null and customer_id is not null;

-- unit_price is the calculated price of the variant in the cart's region and currency, refreshed on every change of
-- the cart; the descriptive columns are a copy of the catalogue when the line was added (as Medusa keeps them), so
-- the cart reads without the catalogue.
create table cart.line_item (
    id               text primary key,
    cart_id          text          not null references cart.cart (id),
    variant_id       text          not null,
    product_id       text          not null,
    title            text          not null,
    subtitle         text,
    thumbnail        text,
    product_title    text          not null,
    product_handle   text,
    variant_title    text,
    variant_sku      text,
    quantity         int           not null check (quantity > 0 and quantity <= 10000),
    unit_price       numeric(20,6) not null check (unit_price >= 0),
    is_tax_inclusive boolean       not null,
    requires_shipping boolean      not null,
    is_discountable  boolean       not null,
    metadata         jsonb,
    created_at       timestamptz   not null default now(),
    updated_at       timestamptz   not null default now()
);
-- One line per variant in a cart (adding the same variant again adds to its quantity); also serves "the lines of a cart".
create unique index line_item_cart_variant_idx on cart.line_item (cart_id, variant_id);
