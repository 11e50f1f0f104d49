package dev.loupe.pricing;

import dev.loupe.platform.Money;

/** A price of a variant: for its currency everywhere, or for one region when {@code regionId} is set. */
public record PriceDraft(String variantId, Money amount, String regionId) {

	public static PriceDraft of(String variantId, Money amount) {
		return new PriceDraft(variantId, amount, null);
	}
}
