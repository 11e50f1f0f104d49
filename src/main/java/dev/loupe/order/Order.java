package dev.loupe.order;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A placed order: what the shopper bought, at which prices, taxes and discounts, exactly as the checkout froze it,
 * and where it stands ({@code paymentStatus} and {@code fulfillmentStatus} in Medusa's wire values).
 */
public record Order(String id, long displayId, OrderStatus status, String paymentStatus, String fulfillmentStatus,
		String cartId, String regionId, String currencyCode, String salesChannelId, String customerId, String email,
		OrderAddress shippingAddress, OrderAddress billingAddress, List<OrderLine> items,
		List<OrderShippingMethod> shippingMethods, List<String> promotionCodes, OrderTotals totals,
		String paymentCollectionId, Map<String, Object> metadata, Instant createdAt, Instant updatedAt,
		Instant canceledAt) {

	/** The variants bought, one entry per line. */
	public List<String> variantIds() {
		return items.stream().map(OrderLine::variantId).toList();
	}
}
