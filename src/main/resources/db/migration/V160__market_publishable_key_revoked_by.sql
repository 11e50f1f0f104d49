-- Who revoked a publishable key from the back office (a staff user id); the key stays listed as revoked.
-- Adding a nullable column without a default is a catalogue change only: safe on a live database.
alter table market.publishable_api_key add column revoked_by text;
