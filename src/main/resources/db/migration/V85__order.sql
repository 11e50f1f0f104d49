-- order: orders frozen at purchase, their lines, shipping methods and status history. New tables only.
-- The schema is named "orders" (and the order table "sales_order") because ORDER is a reserved word in SQL and would
-- need quoting in every statement.
create schema orders;

-- Medusa's display ids are small, human-friendly numbers that start high enough not to look like a first order.
create sequence orders.display_id_seq start with 1001;

-- shipping_address and billing_address are personal data, encrypted with platform.FieldCipher: a JSON object bound
-- to the order id + ":shipping" or ":billing". Every amount is frozen as the checkout computed it (numeric(20,6) in
-- currency_code, major units) so that an order reads the same forever, whatever prices, taxes and promotions become.
-- region_id, sales_channel_id, customer_id, cart_id and payment_collection_id name rows of other modules: no foreign
-- keys across schemas, as elsewhere.
create table orders.sales_order (
    id                           text primary key,
    display_id                   bigint        not null default nextval('orders.display_id_seq'),
    cart_id                      text          not null,
    status                       text          not null check (status in ('pending', 'completed', 'canceled', 'archived', 'requires_action')),
    payment_status               text          not null check (payment_status in ('not_paid', 'awaiting', 'authorized',
                                     'partially_authorized', 'captured', 'partially_captured', 'partially_refunded',
                                     'refunded', 'canceled', 'requires_action')),
    fulfillment_status           text          not null check (fulfillment_status in ('not_fulfilled', 'partially_fulfilled',
                                     'fulfilled', 'partially_shipped', 'shipped', 'partially_delivered', 'delivered', 'canceled')),
    region_id                    text          not null,
    currency_code                text          not null,
    sales_channel_id             text          not null,
    customer_id                  text,
    email                        text,
    shipping_address             text,
    billing_address              text,
    promotion_codes              jsonb         not null default '[]',
    payment_collection_id        text,
    item_subtotal                numeric(20,6) not null,
    item_tax_total               numeric(20,6) not null,
    item_total                   numeric(20,6) not null,
    original_item_subtotal       numeric(20,6) not null,
    original_item_tax_total      numeric(20,6) not null,
    original_item_total          numeric(20,6) not null,
    shipping_subtotal            numeric(20,6) not null,
    shipping_tax_total           numeric(20,6) not null,
    shipping_total               numeric(20,6) not null,
    original_shipping_subtotal   numeric(20,6) not null,
    original_shipping_tax_total  numeric(20,6) not null,
    original_shipping_total      numeric(20,6) not null,
    discount_total               numeric(20,6) not null,
    discount_tax_total           numeric(20,6) not null,
    subtotal                     numeric(20,6) not null,
    tax_total                    numeric(20,6) not null,
    total                        numeric(20,6) not null,
    original_subtotal            numeric(20,6) not null,
    original_tax_total           numeric(20,6) not null,
    original_total               numeric(20,6) not null,
    metadata                     jsonb,
    created_at                   timestamptz   not null default now(),
    updated_at                   timestamptz   not null default now(),
    canceled_at                  timestamptz
);
-- One order per cart: placing is idempotent (insert … on conflict (cart_id) do nothing, then read).
create unique index sales_order_cart_idx on orders.sales_order (cart_id);
create unique index sales_order_display_id_idx on orders.sales_order (display_id);
-- "My orders", newest first.
create index sales_order_customer_idx on orders.sales_order (customer_id, created_at desc, id desc) where customer_id is not null;
-- A guest's lookup by display id and email.
create index sales_order_email_idx on orders.sales_order (lower(email), display_id);

-- Lines frozen from the cart. Tax lines and adjustments are jsonb arrays on the line (amounts as exact decimal
-- strings in the order's currency): they are only ever read with their line, never queried on their own.
create table orders.line_item (
    id                  text primary key,
    order_id            text          not null references orders.sales_order (id),
    position            int           not null,
    variant_id          text,
    product_id          text,
    title               text          not null,
    subtitle            text,
    thumbnail           text,
    product_title       text,
    product_handle      text,
    variant_title       text,
    variant_sku         text,
    quantity            int           not null check (quantity > 0),
    unit_price          numeric(20,6) not null check (unit_price >= 0),
    is_tax_inclusive    boolean       not null,
    requires_shipping   boolean       not null,
    is_discountable     boolean       not null,
    tax_lines           jsonb         not null default '[]',
    adjustments         jsonb         not null default '[]',
    original_subtotal   numeric(20,6) not null,
    original_tax_total  numeric(20,6) not null,
    original_total      numeric(20,6) not null,
    subtotal            numeric(20,6) not null,
    tax_total           numeric(20,6) not null,
    discount_total      numeric(20,6) not null,
    discount_tax_total  numeric(20,6) not null,
    total               numeric(20,6) not null,
    metadata            jsonb
);
create unique index line_item_order_idx on orders.line_item (order_id, position);

create table orders.shipping_method (
    id                  text primary key,
    order_id            text          not null references orders.sales_order (id),
    position            int           not null,
    shipping_option_id  text,
    name                text          not null,
    amount              numeric(20,6) not null check (amount >= 0),
    is_tax_inclusive    boolean       not null,
    tax_lines           jsonb         not null default '[]',
    adjustments         jsonb         not null default '[]',
    original_subtotal   numeric(20,6) not null,
    original_tax_total  numeric(20,6) not null,
    original_total      numeric(20,6) not null,
    subtotal            numeric(20,6) not null,
    tax_total           numeric(20,6) not null,
    discount_total      numeric(20,6) not null,
    discount_tax_total  numeric(20,6) not null,
    total               numeric(20,6) not null,
    data                jsonb
);
create unique index shipping_method_order_idx on orders.shipping_method (order_id, position);

-- Every change of status, payment status and fulfilment status, including the first values when placed (from null).
create table orders.status_change (
    id         bigint generated always as identity primary key,
    order_id   text        not null references orders.sales_order (id),
    field      text        not null check (field in ('status', 'payment_status', 'fulfillment_status')),
    from_value text,
    to_value   text        not null,
    actor      text        not null,
    reason     text,
    at         timestamptz not null default now()
);
create index status_change_order_idx on orders.status_change (order_id, id);
