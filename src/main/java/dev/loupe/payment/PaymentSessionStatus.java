package dev.loupe.payment;

import dev.loupe.platform.LoupeException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Medusa's payment session statuses and the moves between them. A session is authorised from {@code pending} or
 * {@code requires_more} (the shopper finished a 3-D Secure step, say); {@code error} and {@code canceled} are final:
 * the shopper starts a new session instead. {@code captured} and {@code pending_authorization} exist for Medusa's
 * wire format; Loupe never enters them.
 */
public enum PaymentSessionStatus {

	PENDING, REQUIRES_MORE, AUTHORIZED, CAPTURED, ERROR, CANCELED, PENDING_AUTHORIZATION;

	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static PaymentSessionStatus of(String code) {
		return Arrays.stream(values())
			.filter(s -> s.code().equals(code))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("Unknown payment session status: " + code));
	}

	public boolean canBecome(PaymentSessionStatus next) {
		return successors().contains(next);
	}

	public void requireCanBecome(PaymentSessionStatus next, String sessionId) {
		if (!canBecome(next)) {
			throw LoupeException.notAllowed("Payment session " + sessionId + " is " + code() + " and cannot become "
					+ next.code());
		}
	}

	/** Whether the provider may be asked to authorise a session in this status. */
	public boolean isAuthorizable() {
		return this == PENDING || this == REQUIRES_MORE;
	}

	private Set<PaymentSessionStatus> successors() {
		return switch (this) {
			case PENDING, REQUIRES_MORE -> EnumSet.of(REQUIRES_MORE, AUTHORIZED, ERROR, CANCELED);
			// an authorised session is canceled when its payment is voided
			case AUTHORIZED -> EnumSet.of(CANCELED);
			case ERROR -> EnumSet.of(CANCELED);
			case CAPTURED, CANCELED, PENDING_AUTHORIZATION -> EnumSet.noneOf(PaymentSessionStatus.class);
		};
	}
}
