package dev.loupe.cart;

import dev.loupe.platform.Money;
import java.time.Instant;
import java.util.Map;

/**
 * A line of a cart: one variant, its quantity and its unit price in the cart's currency (refreshed from the price
 * calculator on every change of the cart), with the catalogue's descriptions as they were when it was added.
 */
public record LineItem(String id, String cartId, String variantId, String productId, String title, String subtitle,
		String thumbnail, String productTitle, String productHandle, String variantTitle, String variantSku,
		int quantity, Money unitPrice, boolean taxInclusive, boolean requiresShipping, boolean discountable,
		Map<String, Object> metadata, Instant createdAt, Instant updatedAt) {

	/** The line re-priced at {@code at}. */
	public LineItem withPrice(Money unitPrice, boolean taxInclusive, Instant at) {
		return new LineItem(id, cartId, variantId, productId, title, subtitle, thumbnail, productTitle, productHandle,
				variantTitle, variantSku, quantity, unitPrice, taxInclusive, requiresShipping, discountable, metadata,
				createdAt, at);
	}
}
