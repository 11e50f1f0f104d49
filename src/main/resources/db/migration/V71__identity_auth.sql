-- identity: email and password logins of customers and staff, sessions, password reset tokens.
create table identity.auth_identity (
    id                  text primary key,
    actor_type          text        not null check (actor_type in ('customer', 'user')),
    email               text        not null,
    password_hash       text        not null,
    -- The customer or staff user this login belongs to; null between registration and account creation.
    actor_id            text,
    failed_logins       int         not null default 0,
    locked_until        timestamptz,
    password_changed_at timestamptz not null default now(),
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now()
);
create unique index auth_identity_email_idx on identity.auth_identity (actor_type, email);
create index auth_identity_actor_idx on identity.auth_identity (actor_id) where actor_id is not null;

-- Server-side sessions: browser cookies (Store API) and staff token sessions (Admin API), revocable at once.
create table identity.session (
    id               text primary key,
    token_hash       bytea       not null unique,
    actor_type       text        not null check (actor_type in ('customer', 'user')),
    actor_id         text        not null,
    -- The login that opened it (customers); staff sessions name the staff user as actor.
    auth_identity_id text,
    email            text,
    created_at       timestamptz not null default now(),
    expires_at       timestamptz not null,
    last_seen_at     timestamptz not null default now(),
    revoked_at       timestamptz
);
create index session_identity_idx on identity.session (auth_identity_id) where revoked_at is null;

create table identity.password_reset (
    token_hash       bytea primary key,
    auth_identity_id text        not null references identity.auth_identity (id),
    created_at       timestamptz not null default now(),
    expires_at       timestamptz not null,
    used_at          timestamptz
);
create index password_reset_identity_idx on identity.password_reset (auth_identity_id);
