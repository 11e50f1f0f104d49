-- payment: payment collections (one per cart), their sessions with a provider, the payments authorised from a
-- session, captures and refunds, and the history of every state change. New tables only, so the migration is safe
-- on a live database. cart_id and order_id name rows of other modules: no foreign keys across schemas.
create schema payment;

-- authorizing_session_id / authorizing_since are the lease of an authorisation in flight: taken in a short
-- transaction before the provider is called (outside any transaction), cleared when its outcome is written. A lease
-- older than loupe.payment.authorizing-lease belongs to a process that died and may be taken over (ADR 009).
create table payment.payment_collection (
    id                     text primary key,
    cart_id                text          not null,
    currency_code          text          not null,
    amount                 numeric(20,6) not null check (amount >= 0),
    authorized_amount      numeric(20,6) not null default 0 check (authorized_amount >= 0),
    captured_amount        numeric(20,6) not null default 0 check (captured_amount >= 0),
    refunded_amount        numeric(20,6) not null default 0 check (refunded_amount >= 0),
    status                 text          not null check (status in ('not_paid', 'awaiting', 'authorized',
                               'partially_authorized', 'canceled', 'completed', 'failed')),
    order_id               text,
    authorizing_session_id text,
    authorizing_since      timestamptz,
    completed_at           timestamptz,
    created_at             timestamptz   not null default now(),
    updated_at             timestamptz   not null default now(),
    deleted_at             timestamptz
);
-- One collection per cart: forCart inserts with "on conflict do nothing" against this index, so concurrent
-- requests end up with the same collection. Also serves findByCart.
create unique index payment_collection_cart_idx on payment.payment_collection (cart_id) where deleted_at is null;
create index payment_collection_order_idx on payment.payment_collection (order_id) where order_id is not null;

create table payment.payment_session (
    id                    text primary key,
    payment_collection_id text          not null references payment.payment_collection (id),
    provider_id           text          not null,
    currency_code         text          not null,
    amount                numeric(20,6) not null check (amount >= 0),
    status                text          not null check (status in ('pending', 'requires_more', 'authorized', 'captured',
                              'error', 'canceled', 'pending_authorization')),
    data                  jsonb         not null default '{}',
    context               jsonb,
    authorized_at         timestamptz,
    created_at            timestamptz   not null default now(),
    updated_at            timestamptz   not null default now()
);
-- The sessions of a collection, read with every collection.
create index payment_session_collection_idx on payment.payment_session (payment_collection_id, created_at);

create table payment.payment (
    id                    text primary key,
    payment_collection_id text          not null references payment.payment_collection (id),
    payment_session_id    text          not null unique references payment.payment_session (id),
    provider_id           text          not null,
    currency_code         text          not null,
    amount                numeric(20,6) not null check (amount >= 0),
    captured_amount       numeric(20,6) not null default 0 check (captured_amount >= 0 and captured_amount <= amount),
    refunded_amount       numeric(20,6) not null default 0 check (refunded_amount >= 0 and refunded_amount <= captured_amount),
    data                  jsonb         not null default '{}',
    idempotency_key       text,
    captured_at           timestamptz,
    canceled_at           timestamptz,
    created_at            timestamptz   not null default now(),
    updated_at            timestamptz   not null default now()
);
-- At most one live payment per collection: the database's own guard against a double authorisation. Also serves
-- "the payments of a collection".
create unique index payment_live_idx on payment.payment (payment_collection_id) where canceled_at is null;
create index payment_collection_idx on payment.payment (payment_collection_id);

-- A capture or refund row is written as 'pending' before the provider is called, so that its amount counts against
-- the limit while the call is in flight; it becomes 'succeeded' or 'failed' afterwards.
create table payment.capture (
    id              text primary key,
    payment_id      text          not null references payment.payment (id),
    amount          numeric(20,6) not null check (amount > 0),
    status          text          not null check (status in ('pending', 'succeeded', 'failed')),
    idempotency_key text          not null,
    created_at      timestamptz   not null default now(),
    updated_at      timestamptz   not null default now()
);
-- Idempotency of captures, and the captures of a payment.
create unique index capture_payment_key_idx on payment.capture (payment_id, idempotency_key);

create table payment.refund (
    id              text primary key,
    payment_id      text          not null references payment.payment (id),
    amount          numeric(20,6) not null check (amount > 0),
    status          text          not null check (status in ('pending', 'succeeded', 'failed')),
    reason          text,
    note            text,
    idempotency_key text          not null,
    created_at      timestamptz   not null default now(),
    updated_at      timestamptz   not null default now()
);
create unique index refund_payment_key_idx on payment.refund (payment_id, idempotency_key);

-- Every state change of a collection, session, payment, capture or refund, for support and audits.
create table payment.history (
    id                    bigint generated always as identity primary key,
    payment_collection_id text        not null references payment.payment_collection (id),
    subject_id            text        not null,
    from_status           text,
    to_status             text        not null,
    note                  text,
    created_at            timestamptz not null default now()
);
create index history_collection_idx on payment.history (payment_collection_id, id);
