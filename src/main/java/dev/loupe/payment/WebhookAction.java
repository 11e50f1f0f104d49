package dev.loupe.payment;

import dev.loupe.platform.Money;

/**
 * What a provider's webhook call means, free of the provider: a session was authorised, captured or failed, or the
 * call is nothing Loupe acts on.
 *
 * @param sessionId the session the event is about (null for {@code NOT_SUPPORTED})
 * @param amount the amount the event is about, when it names one
 */
public record WebhookAction(Kind kind, String sessionId, Money amount) {

	public enum Kind {
		AUTHORIZED, CAPTURED, FAILED, NOT_SUPPORTED
	}

	public static WebhookAction notSupported() {
		return new WebhookAction(Kind.NOT_SUPPORTED, null, null);
	}
}
