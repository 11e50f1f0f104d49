-- audit: who changed what, when, through which request. Rows are only ever inserted.
create schema audit;

create table audit.entry (
    id            text primary key,
    occurred_at   timestamptz not null default now(),
    actor_type    text        not null check (actor_type in ('staff', 'api_key', 'system')),
    actor_id      text        not null,
    action        text        not null,
    resource_type text        not null,
    resource_id   text,
    request_id    text,
    details       jsonb
);
create index entry_resource_idx on audit.entry (resource_type, resource_id, occurred_at desc);
create index entry_occurred_idx on audit.entry (occurred_at desc);
create index entry_actor_idx on audit.entry (actor_id, occurred_at desc);
