package dev.loupe.payment;

import dev.loupe.platform.Money;
import java.time.Instant;
import java.util.Map;

/** A shopper's attempt to pay a collection with one provider; {@code data} is what the provider keeps with it. */
public record PaymentSession(String id, String collectionId, String providerId, Money amount,
		PaymentSessionStatus status, Map<String, Object> data, Map<String, Object> context, Instant authorizedAt,
		Instant createdAt, Instant updatedAt) {
}
