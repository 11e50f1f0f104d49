package dev.loupe.payment;

import dev.loupe.platform.ErrorType;
import dev.loupe.platform.LoupeException;

/**
 * A collection could not be authorised: the provider declined, failed, timed out or needs the shopper to act
 * ({@code requires_more}). Nothing was authorised; the session says why. The checkout answers it as Medusa's
 * {@code {type: "cart", error: {name, message, type: "payment_authorization_error"}}}; left uncaught it is a 422
 * {@code payment_authorization_error}.
 */
public class PaymentAuthorizationException extends LoupeException {

	private final String collectionId;
	private final String sessionId;
	private final PaymentSessionStatus sessionStatus;

	public PaymentAuthorizationException(String collectionId, String sessionId, PaymentSessionStatus sessionStatus,
			String message) {
		super(ErrorType.PAYMENT_AUTHORIZATION_ERROR, message);
		this.collectionId = collectionId;
		this.sessionId = sessionId;
		this.sessionStatus = sessionStatus;
	}

	public String collectionId() {
		return collectionId;
	}

	/** The session that was tried; null when the collection had no session to authorise. */
	public String sessionId() {
		return sessionId;
	}

	/** The session's status after the attempt: error, requires_more, or null when there was no session. */
	public PaymentSessionStatus sessionStatus() {
		return sessionStatus;
	}

	/** Medusa's error name for this failure. */
	public String errorName() {
		return "PaymentAuthorizationError";
	}
}
