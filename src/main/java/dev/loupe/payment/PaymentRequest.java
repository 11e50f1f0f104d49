package dev.loupe.payment;

import dev.loupe.platform.Money;
import java.util.Map;

/**
 * What a provider needs to start a payment: the new session's id (also the idempotency key of the call), its
 * collection, the amount, the data the storefront sent and the context (customer, addresses…).
 */
public record PaymentRequest(String sessionId, String collectionId, Money amount, Map<String, Object> data,
		Map<String, Object> context, String idempotencyKey) {

	public PaymentRequest {
		data = data == null ? Map.of() : Map.copyOf(data);
		context = context == null ? Map.of() : Map.copyOf(context);
	}
}
