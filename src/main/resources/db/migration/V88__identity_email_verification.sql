-- identity: proof that a customer controls their login's email. A nullable column without a default and a new table:
-- safe on a live database.
alter table identity.auth_identity add column email_verified_at timestamptz;

-- A verification link's token, stored as a digest (as password resets are), single-use, valid 24 hours.
create table identity.email_verification (
    token_hash       bytea primary key,
    auth_identity_id text        not null references identity.auth_identity (id),
    email            text        not null,
    created_at       timestamptz not null default now(),
    expires_at       timestamptz not null,
    used_at          timestamptz
);
create index email_verification_identity_idx on identity.email_verification (auth_identity_id, created_at);
