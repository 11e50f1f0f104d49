package dev.loupe.webhook;

import dev.loupe.platform.ErrorType;
import dev.loupe.platform.LoupeException;

/** A delivery that fails verification (bad or missing signature, stale timestamp, unreadable body): answered 400. */
public class WebhookRejected extends LoupeException {

	public WebhookRejected(String message) {
		super(ErrorType.INVALID_DATA, message);
	}
}
