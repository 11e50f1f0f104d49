-- orders: staff notes on an order (back office). New table only, so the migration is safe on a live database.
-- A note is written once per idempotency key (the form's), so a repeated submit does not add it twice.
create table orders.note (
    id              text primary key,
    order_id        text        not null references orders.sales_order (id),
    author          text        not null,
    body            text        not null check (length(body) between 1 and 4000),
    idempotency_key text        not null,
    created_at      timestamptz not null default now()
);
-- Idempotency, and the notes of an order.
create unique index note_order_key_idx on orders.note (order_id, idempotency_key);
