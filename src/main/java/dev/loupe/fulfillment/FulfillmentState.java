package dev.loupe.fulfillment;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Where one fulfilment stands: created (picked and packed at a location), shipped (handed to the carrier), delivered;
 * a fulfilment that has not left may be canceled. Goods only move forward; delivered and canceled are final.
 */
public enum FulfillmentState {

	CREATED, SHIPPED, DELIVERED, CANCELED;

	public String wire() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Optional<FulfillmentState> find(String wire) {
		for (FulfillmentState s : values()) {
			if (s.wire().equals(wire)) {
				return Optional.of(s);
			}
		}
		return Optional.empty();
	}

	/** The states this one may become; created may go straight to delivered (handed over at the counter). */
	public Set<FulfillmentState> next() {
		return switch (this) {
			case CREATED -> Set.of(SHIPPED, DELIVERED, CANCELED);
			case SHIPPED -> Set.of(DELIVERED);
			case DELIVERED, CANCELED -> Set.of();
		};
	}

	public boolean canBecome(FulfillmentState to) {
		return next().contains(to);
	}

	/** Whether the goods have left the location (shipped or delivered). */
	public boolean left() {
		return this == SHIPPED || this == DELIVERED;
	}
}
