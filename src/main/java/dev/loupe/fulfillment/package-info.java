/**
 * Shipping profiles, shipping options per region and the rate providers that price them ({@code manual_manual} flat
 * rates with free shipping over a threshold, {@code table-rate_table-rate} weight brackets). Knows nothing of carts:
 * callers describe what is shipped where as a {@link dev.loupe.fulfillment.ShippingContext}. Also the fulfilments of
 * orders (created, shipped, delivered) with their tracking, EasyPost carrier rates, labels and tracking webhooks
 * (ADR 014).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "platform", "market", "order", "inventory",
		"catalog", "webhook", "notification", "payment" })
package dev.loupe.fulfillment;
