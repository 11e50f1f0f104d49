-- fulfillment: returns of shipped or delivered goods (ADR 019). New tables only. order_id, line_id, variant_id,
-- location_id and payment_id name rows of other schemas: no foreign keys across schemas, as elsewhere.
-- status: requested -> received -> closed; requested -> canceled. Receiving restocks (when a location is chosen) and
-- refunds (when refund_amount is set); refund_status follows the refund: none, pending (receive committed, refund not
-- yet answered: receiving again retries it with the same idempotency key), refunded.
create table fulfillment.order_return (
    id                  text primary key,
    order_id            text          not null,
    status              text          not null check (status in ('requested', 'received', 'closed', 'canceled')),
    reason              text          not null,
    note                text,
    location_id         text,
    refund_amount       numeric(20,6) check (refund_amount > 0),
    currency_code       text          not null,
    refund_status       text          not null default 'none' check (refund_status in ('none', 'pending', 'refunded')),
    payment_id          text,
    idempotency_key     text,
    created_by          text          not null,
    created_at          timestamptz   not null default clock_timestamp(),
    updated_at          timestamptz   not null default now(),
    received_at         timestamptz,
    refunded_at         timestamptz,
    closed_at           timestamptz,
    canceled_at         timestamptz
);
create index order_return_order_idx on fulfillment.order_return (order_id, created_at);
create unique index order_return_idempotency_idx on fulfillment.order_return (order_id, idempotency_key)
    where idempotency_key is not null;

create table fulfillment.order_return_item (
    return_id   text not null references fulfillment.order_return (id),
    line_id     text not null,
    variant_id  text,
    quantity    int  not null check (quantity > 0),
    primary key (return_id, line_id)
);
