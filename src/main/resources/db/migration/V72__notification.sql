-- notification: messages to customers and staff. Without an email provider they stay here (the built-in outbox),
-- readable in the back office; providers (SMTP, Resend) deliver them and record the outcome.
create schema notification;

create table notification.message (
    id          text primary key,
    channel     text        not null default 'email' check (channel in ('email')),
    recipient   text        not null,
    template    text        not null,
    subject     text        not null,
    body_text   text        not null,
    status      text        not null default 'outbox' check (status in ('outbox', 'pending', 'sent', 'failed')),
    attempts    int         not null default 0,
    last_error  text,
    created_at  timestamptz not null default now(),
    sent_at     timestamptz
);
create index message_created_idx on notification.message (created_at desc);
create index message_recipient_idx on notification.message (recipient, created_at desc);
