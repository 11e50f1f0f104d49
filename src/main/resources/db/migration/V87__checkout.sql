-- checkout: completions in progress. A row lives from the first step of a completion (reserving stock) to the
-- commit that places the order (which deletes it) or to the compensation of a failure. A row older than any
-- completion can take names a completion that was cut off (a crash, a kill): recovery undoes its steps.
create schema checkout;

create table checkout.attempt (
    cart_id               text primary key,
    order_id              text        not null,
    payment_collection_id text,
    step                  text        not null check (step in ('reserving', 'authorizing', 'placing')),
    started_at            timestamptz not null default now()
);
create index attempt_started_idx on checkout.attempt (started_at);
