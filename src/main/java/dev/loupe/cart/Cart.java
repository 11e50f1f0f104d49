package dev.loupe.cart;

import dev.loupe.market.Region;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A cart with its region, lines and totals. A cart with {@code completedAt} can no longer change. */
public record Cart(String id, Region region, String currencyCode, String salesChannelId, String customerId,
		String email, CartAddress shippingAddress, CartAddress billingAddress, Map<String, Object> metadata,
		List<LineItem> items, CartTotals totals, Instant completedAt, Instant createdAt, Instant updatedAt) {

	public boolean isCompleted() {
		return completedAt != null;
	}
}
