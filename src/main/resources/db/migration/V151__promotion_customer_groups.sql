-- A promotion may be limited to customers in given groups (Medusa's rule customer.groups.id "in" [...]). A nullable
-- column without a default: adding it does not rewrite the table, so the migration is safe on a live database.
-- Null or empty: every shopper, guests included.
alter table promotion.promotion add column customer_group_ids text[];
