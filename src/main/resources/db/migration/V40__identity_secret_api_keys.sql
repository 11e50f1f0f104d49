-- identity: secret API keys for integrations calling the Admin API. Only a SHA-256 of the token is stored: the
-- token has 256 random bits, so a fast hash is enough and lookups stay O(1) by index.
create table identity.secret_api_key (
    id           text primary key,
    title        text        not null,
    token_hash   bytea       not null unique,
    redacted     text        not null,
    created_by   text,
    last_used_at timestamptz,
    revoked_at   timestamptz,
    revoked_by   text,
    created_at   timestamptz not null default now(),
    updated_at   timestamptz not null default now()
);
