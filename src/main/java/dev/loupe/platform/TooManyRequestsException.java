package dev.loupe.platform;

/** A client is over a limit; the APIs answer 429 with {@code Retry-After}. */
public class TooManyRequestsException extends LoupeException {

	private final long retryAfterSeconds;

	public TooManyRequestsException(String message, long retryAfterSeconds) {
		super(ErrorType.TOO_MANY_REQUESTS, message);
		this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
	}

	public long retryAfterSeconds() {
		return retryAfterSeconds;
	}
}
