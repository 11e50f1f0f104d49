-- Webhooks name a provider's object (Stripe's PaymentIntent id, kept as data->>'id'): find its session by it.
-- Built concurrently (Flyway runs this statement outside a transaction), so writes to sessions are not blocked.
create index concurrently if not exists payment_session_provider_reference_idx
    on payment.payment_session (provider_id, (data ->> 'id'));
