package dev.loupe.cart.internal;

import dev.loupe.cart.CartAddress;
import java.time.Instant;
import java.util.Map;

/** A row of {@code cart.cart}, addresses opened. */
public record CartRow(String id, String regionId, String currencyCode, String salesChannelId, String customerId,
		String email, CartAddress shippingAddress, CartAddress billingAddress, Map<String, Object> metadata,
		Instant completedAt, Instant createdAt, Instant updatedAt) {
}
