-- fulfillment: what left (or is to leave) a stock location for an order, with its tracking and shipping label.
-- New tables only, so the migration is safe on a live database. order_id, line_id and location_id name rows of other
-- schemas: no foreign keys across schemas, as elsewhere.

-- status: created (picked and packed) -> shipped -> delivered; created -> canceled. idempotency_key makes a retried
-- create return the first fulfilment. The label columns are written by the label purchase (EasyPost):
-- shipment_id once the carrier shipment exists, label_claimed_until while one process buys its label.
create table fulfillment.fulfillment (
    id                  text primary key,
    order_id            text        not null,
    location_id         text,
    status              text        not null check (status in ('created', 'shipped', 'delivered', 'canceled')),
    idempotency_key     text,
    provider_id         text,
    tracking_number     text,
    tracking_url        text,
    carrier             text,
    service             text,
    label_url           text,
    shipment_id         text,
    shipping_cost       numeric(20,6),
    shipping_currency   text,
    label_claimed_until timestamptz,
    created_by          text        not null,
    created_at          timestamptz not null default clock_timestamp(),
    updated_at          timestamptz not null default now(),
    shipped_at          timestamptz,
    delivered_at        timestamptz,
    canceled_at         timestamptz
);
-- The fulfilments of an order (order page, quantities left to fulfil).
create index fulfillment_order_idx on fulfillment.fulfillment (order_id, created_at);
-- A repeated create with the same key finds the first one.
create unique index fulfillment_idempotency_idx on fulfillment.fulfillment (order_id, idempotency_key)
    where idempotency_key is not null;
-- Tracking webhooks find the fulfilment by the carrier shipment or the tracking number.
create index fulfillment_shipment_idx on fulfillment.fulfillment (shipment_id) where shipment_id is not null;
create index fulfillment_tracking_idx on fulfillment.fulfillment (tracking_number) where tracking_number is not null;

-- How many of an order line a fulfilment holds.
create table fulfillment.fulfillment_item (
    fulfillment_id text not null references fulfillment.fulfillment (id),
    line_id        text not null,
    variant_id     text,
    quantity       int  not null check (quantity > 0),
    primary key (fulfillment_id, line_id)
);
