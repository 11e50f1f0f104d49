/**
 * Payment collections (one per cart), payment sessions with a provider, payments authorised from a session, their
 * captures and refunds. Providers are Spring beans implementing {@link dev.loupe.payment.PaymentProvider}; the
 * manual provider {@code pp_system_default} is built in. Knows nothing of carts or orders beyond their ids: callers
 * pass the cart id and the amount to collect.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "platform", "webhook" })
package dev.loupe.payment;
