package dev.loupe.payment;

import dev.loupe.platform.LoupeException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Medusa's payment collection statuses and the moves between them: {@code not_paid} until a session exists,
 * {@code awaiting} while a session waits for authorisation, {@code authorized} once a payment exists,
 * {@code completed} when it is captured in full; {@code canceled} ends a collection that was not captured.
 * {@code partially_authorized} and {@code failed} exist for Medusa's wire format; Loupe never enters them.
 */
public enum PaymentCollectionStatus {

	NOT_PAID, AWAITING, AUTHORIZED, PARTIALLY_AUTHORIZED, CANCELED, COMPLETED, FAILED;

	/** The status as written on the wire and in the database. */
	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static PaymentCollectionStatus of(String code) {
		return Arrays.stream(values())
			.filter(s -> s.code().equals(code))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("Unknown payment collection status: " + code));
	}

	/** Whether a collection in this status may move to {@code next}. */
	public boolean canBecome(PaymentCollectionStatus next) {
		return successors().contains(next);
	}

	/** Refuses an illegal move with {@code not_allowed}, naming both statuses. */
	public void requireCanBecome(PaymentCollectionStatus next, String collectionId) {
		if (!canBecome(next)) {
			throw LoupeException.notAllowed("Payment collection " + collectionId + " is " + code() + " and cannot become "
					+ next.code());
		}
	}

	/** Whether the amount to collect may still change: nothing is authorised yet. */
	public boolean isOpen() {
		return this == NOT_PAID || this == AWAITING;
	}

	private Set<PaymentCollectionStatus> successors() {
		return switch (this) {
			// awaiting -> awaiting: a new session replaces the previous one
			// awaiting -> not_paid: its sessions were dropped because the currency changed
			case NOT_PAID, AWAITING -> EnumSet.of(NOT_PAID, AWAITING, AUTHORIZED, CANCELED);
			case AUTHORIZED, PARTIALLY_AUTHORIZED -> EnumSet.of(COMPLETED, CANCELED);
			case CANCELED, COMPLETED, FAILED -> EnumSet.noneOf(PaymentCollectionStatus.class);
		};
	}
}
