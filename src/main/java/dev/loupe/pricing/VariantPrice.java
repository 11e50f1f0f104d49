package dev.loupe.pricing;

import dev.loupe.platform.Money;

/** A base price of a variant as stored: for its currency everywhere, or for one region when {@code regionId} is set. */
public record VariantPrice(String id, String variantId, Money amount, String regionId) {
}
