package dev.loupe.order;

import dev.loupe.platform.Money;
import java.time.Instant;

/** One row of the staff's order list: what identifies and classifies an order, without its lines or addresses. */
public record OrderSummary(String id, long displayId, Instant createdAt, String email, String customerId,
		OrderStatus status, String paymentStatus, String fulfillmentStatus, String regionId, Money total) {
}
