package dev.loupe.order;

import java.util.Locale;
import java.util.Set;

/**
 * How far the goods of an order have gone, in Medusa's wire values. Goods move forward only (fulfilled, shipped,
 * delivered); only an order whose goods have not left may be canceled.
 */
public enum FulfillmentStatus {

	NOT_FULFILLED, PARTIALLY_FULFILLED, FULFILLED, PARTIALLY_SHIPPED, SHIPPED, PARTIALLY_DELIVERED, DELIVERED, CANCELED;

	public String wire() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** The status of a wire value, or empty when there is none. */
	public static java.util.Optional<FulfillmentStatus> find(String wire) {
		for (FulfillmentStatus status : values()) {
			if (status.wire().equals(wire)) {
				return java.util.Optional.of(status);
			}
		}
		return java.util.Optional.empty();
	}

	public Set<FulfillmentStatus> next() {
		return switch (this) {
			case NOT_FULFILLED -> Set.of(PARTIALLY_FULFILLED, FULFILLED, PARTIALLY_SHIPPED, SHIPPED, CANCELED);
			case PARTIALLY_FULFILLED -> Set.of(FULFILLED, PARTIALLY_SHIPPED, SHIPPED, NOT_FULFILLED);
			case FULFILLED -> Set.of(PARTIALLY_SHIPPED, SHIPPED, PARTIALLY_FULFILLED, NOT_FULFILLED);
			case PARTIALLY_SHIPPED -> Set.of(SHIPPED, PARTIALLY_DELIVERED, DELIVERED);
			case SHIPPED -> Set.of(PARTIALLY_DELIVERED, DELIVERED);
			case PARTIALLY_DELIVERED -> Set.of(DELIVERED);
			case DELIVERED, CANCELED -> Set.of();
		};
	}

	public boolean canBecome(FulfillmentStatus to) {
		return next().contains(to);
	}

	/** True while nothing has left the warehouse, so the order may still be canceled. */
	public boolean cancelable() {
		return this == NOT_FULFILLED || this == CANCELED;
	}
}
