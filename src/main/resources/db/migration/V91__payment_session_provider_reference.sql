-- Webhooks name a provider's object (Stripe's PaymentIntent id, kept as data->>'id'): find its session by it.
-- A plain build: sessions are few (one per checkout attempt) and the build takes the table's write lock only briefly.
-- CONCURRENTLY would hang here: Flyway holds its PostgreSQL lock in an open transaction, which a concurrent build
-- waits for.
create index if not exists payment_session_provider_reference_idx
    on payment.payment_session (provider_id, (data ->> 'id'));
