package dev.loupe.order;

import java.util.Locale;
import java.util.Set;

/** The life of an order; written in Medusa's lower-case wire values. */
public enum OrderStatus {

	PENDING, COMPLETED, CANCELED, ARCHIVED, REQUIRES_ACTION;

	/** Medusa's wire value ({@code requires_action}). */
	public String wire() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** The status of a wire value; unknown values throw {@link IllegalArgumentException}. */
	public static OrderStatus of(String wire) {
		for (OrderStatus status : values()) {
			if (status.wire().equals(wire)) {
				return status;
			}
		}
		throw new IllegalArgumentException("Unknown order status: " + wire);
	}

	/** The statuses this one may become: canceled and completed orders only go to the archive. */
	public Set<OrderStatus> next() {
		return switch (this) {
			case PENDING -> Set.of(COMPLETED, CANCELED, REQUIRES_ACTION, ARCHIVED);
			case REQUIRES_ACTION -> Set.of(PENDING, CANCELED);
			case COMPLETED, CANCELED -> Set.of(ARCHIVED);
			case ARCHIVED -> Set.of();
		};
	}

	public boolean canBecome(OrderStatus to) {
		return next().contains(to);
	}
}
