package dev.loupe.pricing;

import java.time.Instant;

/** Where and when a price applies: a currency, optionally a region (for regional prices and tax display). */
public record PriceContext(String currencyCode, String regionId, boolean taxInclusive, Instant at) {
}
