-- notification: delivery of the outbox through a provider (SMTP, Resend) by a durable task per message. Nullable
-- columns without defaults and indexes on a table that only the outbox writes: safe on a live database.
alter table notification.message
    add column body_html           text,
    -- What makes a message unique ("order-confirmation:order_…"): a retried event queues it once.
    add column dedup_key           text,
    add column provider            text,
    add column provider_message_id text,
    add column next_attempt_at     timestamptz,
    -- What the provider reported after it accepted the message (Resend webhooks).
    add column delivery_status     text check (delivery_status in ('delivered', 'bounced', 'complained')),
    add column delivery_updated_at timestamptz;

create unique index message_dedup_key_idx on notification.message (dedup_key) where dedup_key is not null;
create index message_provider_message_idx on notification.message (provider_message_id)
    where provider_message_id is not null;
-- The metrics count the messages still to send and those given up.
create index message_undelivered_idx on notification.message (status) where status in ('pending', 'failed');
