package dev.loupe.payment;

import dev.loupe.platform.Money;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An authorised payment: {@code amount} is what was authorised; captured and refunded amounts count only captures
 * and refunds that the provider confirmed.
 */
public record Payment(String id, String collectionId, String sessionId, String providerId, Money amount,
		Money capturedAmount, Money refundedAmount, Map<String, Object> data, List<Capture> captures,
		List<Refund> refunds, Instant capturedAt, Instant canceledAt, Instant createdAt, Instant updatedAt) {

	public Payment {
		captures = List.copyOf(captures);
		refunds = List.copyOf(refunds);
	}

	/** A capture the provider confirmed. */
	public record Capture(String id, Money amount, Instant createdAt) {
	}

	/** A refund the provider confirmed, with the reason and note staff gave. */
	public record Refund(String id, Money amount, String reason, String note, Instant createdAt) {
	}
}
