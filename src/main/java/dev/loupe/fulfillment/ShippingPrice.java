package dev.loupe.fulfillment;

import dev.loupe.platform.Money;

/**
 * A flat price of an option in one currency; shipping is free when the item subtotal is at or above
 * {@code freeOver} (null: never free). {@code id} is null in a draft.
 */
public record ShippingPrice(String id, Money amount, Money freeOver, boolean taxInclusive) {

	/** A price for a draft. */
	public static ShippingPrice of(Money amount, Money freeOver, boolean taxInclusive) {
		return new ShippingPrice(null, amount, freeOver, taxInclusive);
	}
}
