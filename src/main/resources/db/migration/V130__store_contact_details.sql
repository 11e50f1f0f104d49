-- The store's support email and phone, edited in the back office's store settings.
alter table market.store add column support_email text, add column contact_phone text;
