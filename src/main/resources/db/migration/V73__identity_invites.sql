-- identity: invitations of staff by email, accepted once before they expire.
create table identity.staff_invite (
    id          text primary key,
    email       text        not null,
    role        text        not null check (role in ('admin', 'associate', 'optician', 'lab', 'warehouse', 'buyer')),
    token_hash  bytea       not null unique,
    created_by  text,
    created_at  timestamptz not null default now(),
    expires_at  timestamptz not null,
    accepted_at timestamptz,
    revoked_at  timestamptz
);
create index staff_invite_email_idx on identity.staff_invite (lower(email));
