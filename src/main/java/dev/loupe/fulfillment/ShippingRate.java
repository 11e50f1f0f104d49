package dev.loupe.fulfillment;

import dev.loupe.platform.Money;

/** What a provider says an option costs for a context: a price, not yet (it needs more), or not at all. */
public sealed interface ShippingRate {

	/** The option costs {@code amount} for this context. */
	record Priced(Money amount, boolean taxInclusive) implements ShippingRate {

		public Priced {
			if (amount.isNegative()) {
				throw new IllegalArgumentException("A shipping price must not be negative: " + amount);
			}
		}
	}

	/** The option may ship, but cannot be priced yet, e.g. a carrier's rate needs the postal code. */
	record Pending(String reason) implements ShippingRate {
	}

	/**
	 * The option cannot ship this context, e.g. the parcel is heavier than its largest bracket; {@code temporary}
	 * when it may again shortly (a carrier's API did not answer), which a shopper is told.
	 */
	record Unavailable(String reason, boolean temporary) implements ShippingRate {

		public Unavailable(String reason) {
			this(reason, false);
		}
	}
}
