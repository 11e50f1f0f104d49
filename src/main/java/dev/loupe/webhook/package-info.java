/**
 * The inbound webhook inbox: {@code POST /webhooks/{source}} verifies the vendor's signature, stores the raw delivery
 * first, answers 2xx fast, de-duplicates by the vendor's event id, and processes deliveries asynchronously, in order
 * per object, with retries, a dead-letter state and replay. The modules that own a vendor integration (payment for
 * Stripe, fulfillment for EasyPost, notification for Resend) implement {@link dev.loupe.webhook.WebhookSource}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "platform")
package dev.loupe.webhook;
