package dev.loupe.webhook;

import java.time.Instant;

/**
 * One delivery in the inbox: the vendor's event as received (its raw payload) and where its processing stands.
 * {@code status} is {@code received} (waiting), {@code processing}, {@code processed}, {@code failed} (waiting for a
 * retry at {@code nextAttemptAt}) or {@code dead} (failed {@code attempts} times; replay it once the cause is fixed).
 */
public record WebhookDelivery(String id, String source, String eventId, String type, String objectId, String status,
		int attempts, Instant nextAttemptAt, String lastError, String payload, Instant receivedAt,
		Instant processedAt, Instant updatedAt) {
}
