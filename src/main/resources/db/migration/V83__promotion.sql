-- promotion: promotion codes and automatic promotions, their target rules, minimum subtotals and usage.
create schema promotion;

-- One application method per promotion, kept in the same row (Medusa keeps it in its own table; nothing here needs
-- it apart). used counts the orders that used the promotion; recordUsage raises it with a conditional update, and
-- the check makes the database refuse a count over the limit as a last line of defence.
create table promotion.promotion (
    id                    text primary key,
    code                  text check (code ~ '^[A-Za-z0-9_-]{1,64}$'),
    is_automatic          boolean        not null,
    status                text           not null check (status in ('draft', 'active', 'inactive')),
    starts_at             timestamptz,
    ends_at               timestamptz,
    is_combinable         boolean        not null,
    is_tax_inclusive      boolean        not null,
    usage_limit           int check (usage_limit > 0),
    used                  int            not null default 0 check (used >= 0),
    limit_per_customer    int check (limit_per_customer > 0),
    method_id             text           not null,
    method_type           text           not null check (method_type in ('percentage', 'fixed')),
    target_type           text           not null check (target_type in ('items', 'order', 'shipping_methods')),
    allocation            text           not null check (allocation in ('each', 'across')),
    value                 numeric(20, 6) not null check (value > 0),
    currency_code         text,
    max_quantity          int check (max_quantity > 0),
    method_description    text,
    metadata              jsonb,
    created_at            timestamptz    not null default now(),
    updated_at            timestamptz    not null default now(),
    deleted_at            timestamptz,
    check (code is not null or is_automatic),
    check (method_type <> 'fixed' or currency_code is not null),
    check (method_type <> 'percentage' or value <= 100),
    check (starts_at is null or ends_at is null or ends_at > starts_at),
    check (usage_limit is null or used <= usage_limit)
);
-- Codes are unique case-insensitively among live promotions; also serves the look-up of the codes a shopper enters.
create unique index promotion_code_idx on promotion.promotion (lower(code)) where deleted_at is null and code is not null;
-- The automatic promotions, read on every cart calculation.
create index promotion_automatic_idx on promotion.promotion (created_at, id) where is_automatic and deleted_at is null;
-- The admin list, newest first.
create index promotion_created_idx on promotion.promotion (created_at desc, id desc) where deleted_at is null;

-- "Applies to items whose product is in X": all rules of a promotion must hold, any value of a rule will do.
create table promotion.target_rule (
    id           text primary key,
    promotion_id text   not null references promotion.promotion (id),
    attribute    text   not null check (attribute in ('items.product.id', 'items.product.collection_id',
                                                       'items.product.categories.id')),
    operator     text   not null check (operator in ('in', 'eq')),
    rule_values  text[] not null,
    position     int    not null
);
create index target_rule_promotion_idx on promotion.target_rule (promotion_id, position);

-- The discountable item subtotal a cart needs, per currency; a promotion with minimums applies only in their currencies.
create table promotion.minimum_subtotal (
    promotion_id  text           not null references promotion.promotion (id),
    currency_code text           not null,
    amount        numeric(20, 6) not null check (amount >= 0),
    primary key (promotion_id, currency_code)
);

-- One row per order that used a promotion; customer_key is "customer:<id>" or "email:<lower-case email>".
create table promotion.usage (
    promotion_id text        not null references promotion.promotion (id),
    order_id     text        not null,
    customer_key text,
    created_at   timestamptz not null default now(),
    primary key (promotion_id, order_id)
);
-- releaseUsage finds the usage of an order.
create index usage_order_idx on promotion.usage (order_id);
-- The per-customer limit counts a customer's uses of a promotion.
create index usage_customer_idx on promotion.usage (promotion_id, customer_key) where customer_key is not null;
