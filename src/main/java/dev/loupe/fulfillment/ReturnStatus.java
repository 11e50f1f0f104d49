package dev.loupe.fulfillment;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Where a return stands: requested (the shopper will send the goods back), received (the goods are back: restocked
 * and refunded as the return says), closed (done); a requested return may be canceled. Goods and money only move
 * forward: once received a return cannot be canceled, and closed and canceled are final.
 */
public enum ReturnStatus {

	REQUESTED, RECEIVED, CLOSED, CANCELED;

	public String wire() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Optional<ReturnStatus> find(String wire) {
		for (ReturnStatus s : values()) {
			if (s.wire().equals(wire)) {
				return Optional.of(s);
			}
		}
		return Optional.empty();
	}

	public Set<ReturnStatus> next() {
		return switch (this) {
			case REQUESTED -> Set.of(RECEIVED, CANCELED);
			case RECEIVED -> Set.of(CLOSED);
			case CLOSED, CANCELED -> Set.of();
		};
	}

	public boolean canBecome(ReturnStatus to) {
		return next().contains(to);
	}
}
