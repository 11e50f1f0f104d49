-- cart: shipping methods, promotion codes and the completion claim. New tables and a nullable column without a
-- default, so the migration is safe on a live database.

-- The shipping method a shopper chose: a copy of the option's name and price when it was chosen, re-priced on every
-- change of the cart (free-over thresholds follow the subtotal). One per cart: Loupe has one shipping profile per
-- cart for now.
create table cart.shipping_method (
    id                 text primary key,
    cart_id            text          not null references cart.cart (id),
    shipping_option_id text          not null,
    name               text          not null,
    amount             numeric(20,6) not null check (amount >= 0),
    is_tax_inclusive   boolean       not null,
    data               jsonb,
    created_at         timestamptz   not null default now(),
    updated_at         timestamptz   not null default now()
);
create unique index shipping_method_cart_idx on cart.shipping_method (cart_id);

-- The promotion codes a shopper applied, in the order applied (promotions stack in that order).
create table cart.promotion_code (
    cart_id      text        not null references cart.cart (id),
    promotion_id text        not null,
    code         text        not null,
    position     int         not null,
    created_at   timestamptz not null default now(),
    primary key (cart_id, promotion_id)
);

-- A completion in progress holds the cart until this time, so that concurrent completions of one cart wait for
-- the first one's order instead of placing a second; a crashed completion's claim expires.
alter table cart.cart add column completing_until timestamptz;
