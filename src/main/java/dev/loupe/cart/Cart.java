package dev.loupe.cart;

import dev.loupe.market.Region;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A cart with its region, lines, shipping method, promotions and totals. A cart with {@code completedAt} can no
 * longer change. {@code adjustments} are the discounts on its lines and shipping methods, by target id.
 */
public record Cart(String id, Region region, String currencyCode, String salesChannelId, String customerId,
		String email, CartAddress shippingAddress, CartAddress billingAddress, Map<String, Object> metadata,
		List<LineItem> items, List<CartShippingMethod> shippingMethods, List<CartPromotion> promotions,
		List<CartAdjustment> adjustments, CartTotals totals, Instant completedAt, Instant createdAt,
		Instant updatedAt) {

	public boolean isCompleted() {
		return completedAt != null;
	}

	/** Whether any line needs shipping (a digital-only cart needs no shipping method). */
	public boolean requiresShipping() {
		return items.stream().anyMatch(LineItem::requiresShipping);
	}

	/** The adjustments of one line or shipping method. */
	public List<CartAdjustment> adjustmentsOf(String targetId) {
		return adjustments.stream().filter(a -> a.targetId().equals(targetId)).toList();
	}
}
