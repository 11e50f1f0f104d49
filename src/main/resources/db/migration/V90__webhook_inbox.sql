-- The webhook inbox: every verified delivery from a vendor, stored before it is acknowledged and processed later by
-- a durable task, in order per (source, object). New schema and table only: safe on a live database.
create schema if not exists webhook;

create table webhook.delivery (
    id              text        primary key,
    source          text        not null,
    event_id        text        not null,
    type            text        not null,
    object_id       text        not null,
    payload         text        not null,
    headers         jsonb       not null default '{}',
    status          text        not null default 'received'
        check (status in ('received', 'processing', 'processed', 'failed', 'dead')),
    attempts        integer     not null default 0 check (attempts >= 0),
    next_attempt_at timestamptz not null default now(),
    last_error      text,
    received_at     timestamptz not null default now(),
    processed_at    timestamptz,
    updated_at      timestamptz not null default now(),
    constraint delivery_event_unique unique (source, event_id)
);

-- The queue of one object, oldest first; and the sweeper's search for work that is due.
create index delivery_object_idx on webhook.delivery (source, object_id, received_at, id)
    where status in ('received', 'processing', 'failed');
create index delivery_due_idx on webhook.delivery (next_attempt_at)
    where status in ('received', 'processing', 'failed');
-- The back office's list, newest first.
create index delivery_received_idx on webhook.delivery (received_at desc, id desc);
