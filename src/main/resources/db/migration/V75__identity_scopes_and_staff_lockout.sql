-- identity: what each secret API key may do (existing keys keep full access), and a lockout for staff logins.
alter table identity.secret_api_key
    add column scopes text[] not null default array['CATALOG_READ', 'CATALOG_WRITE', 'PRICING_WRITE', 'FILES_WRITE', 'SETTINGS_WRITE'];
alter table identity.staff_user add column failed_logins int not null default 0;
alter table identity.staff_user add column locked_until timestamptz;
