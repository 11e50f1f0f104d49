/**
 * Shipping profiles, shipping options per region and the rate providers that price them ({@code manual_manual} flat
 * rates with free shipping over a threshold, {@code table-rate_table-rate} weight brackets). Knows nothing of carts:
 * callers describe what is shipped where as a {@link dev.loupe.fulfillment.ShippingContext}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "platform", "market" })
package dev.loupe.fulfillment;
