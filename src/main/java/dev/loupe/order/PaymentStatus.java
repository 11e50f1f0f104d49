package dev.loupe.order;

import java.util.Locale;
import java.util.Set;

/**
 * Where the money of an order stands, in Medusa's wire values. Money moves forward only: an authorisation may be
 * captured or canceled, a capture only refunded; refunded and canceled are final.
 */
public enum PaymentStatus {

	NOT_PAID, AWAITING, REQUIRES_ACTION, AUTHORIZED, PARTIALLY_AUTHORIZED, CAPTURED, PARTIALLY_CAPTURED,
	PARTIALLY_REFUNDED, REFUNDED, CANCELED;

	public String wire() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** The status of a wire value, or empty when there is none. */
	public static java.util.Optional<PaymentStatus> find(String wire) {
		for (PaymentStatus status : values()) {
			if (status.wire().equals(wire)) {
				return java.util.Optional.of(status);
			}
		}
		return java.util.Optional.empty();
	}

	public Set<PaymentStatus> next() {
		return switch (this) {
			case NOT_PAID -> Set.of(AWAITING, REQUIRES_ACTION, AUTHORIZED, PARTIALLY_AUTHORIZED, CAPTURED, CANCELED);
			case AWAITING -> Set.of(NOT_PAID, REQUIRES_ACTION, AUTHORIZED, PARTIALLY_AUTHORIZED, CAPTURED,
					PARTIALLY_CAPTURED, CANCELED);
			case REQUIRES_ACTION -> Set.of(NOT_PAID, AWAITING, AUTHORIZED, PARTIALLY_AUTHORIZED, CANCELED);
			case PARTIALLY_AUTHORIZED -> Set.of(AUTHORIZED, PARTIALLY_CAPTURED, CAPTURED, CANCELED);
			case AUTHORIZED -> Set.of(PARTIALLY_CAPTURED, CAPTURED, CANCELED);
			case PARTIALLY_CAPTURED -> Set.of(CAPTURED, PARTIALLY_REFUNDED, REFUNDED);
			case CAPTURED -> Set.of(PARTIALLY_REFUNDED, REFUNDED);
			case PARTIALLY_REFUNDED -> Set.of(REFUNDED);
			case REFUNDED, CANCELED -> Set.of();
		};
	}

	public boolean canBecome(PaymentStatus to) {
		return next().contains(to);
	}
}
