package dev.loupe.notification.internal;

import java.time.Duration;

/**
 * A provider did not accept a message. Permanent failures (an invalid address, a rejected request) are not retried;
 * transient ones (a server error, a timeout, a rate limit) are, no sooner than {@code retryAfter} when the provider
 * says so.
 */
public class DeliveryFailure extends Exception {

	private final boolean permanent;
	private final Duration retryAfter;

	public DeliveryFailure(String message, boolean permanent, Duration retryAfter, Throwable cause) {
		super(message, cause);
		this.permanent = permanent;
		this.retryAfter = retryAfter == null ? Duration.ZERO : retryAfter;
	}

	public boolean permanent() {
		return permanent;
	}

	public Duration retryAfter() {
		return retryAfter;
	}
}
