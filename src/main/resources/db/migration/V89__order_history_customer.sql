-- orders: the history also records when a guest order becomes a customer's (after they verify their email).
-- The new check is added NOT VALID and validated separately, so the table is not locked against writes meanwhile.
alter table orders.status_change drop constraint status_change_field_check;
alter table orders.status_change add constraint status_change_field_check
    check (field in ('status', 'payment_status', 'fulfillment_status', 'customer_id')) not valid;
alter table orders.status_change validate constraint status_change_field_check;
