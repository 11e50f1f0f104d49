package dev.loupe.webhook;

import java.time.Instant;
import java.util.Map;

/** A webhook request as received: header names lower-cased, the body exactly as sent (signatures cover the bytes). */
public record WebhookRequest(Map<String, String> headers, byte[] body, Instant receivedAt) {

	public String header(String name) {
		return headers.get(name.toLowerCase(java.util.Locale.ROOT));
	}
}
