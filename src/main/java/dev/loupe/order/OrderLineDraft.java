package dev.loupe.order;

import dev.loupe.platform.Money;
import java.util.List;
import java.util.Map;

/** A line of the cart as the checkout froze it: the catalogue's words, the price, its taxes, discounts and amounts. */
public record OrderLineDraft(String variantId, String productId, String title, String subtitle, String thumbnail,
		String productTitle, String productHandle, String variantTitle, String variantSku, int quantity, Money unitPrice,
		boolean taxInclusive, boolean requiresShipping, boolean discountable, List<OrderTaxLine> taxLines,
		List<OrderAdjustment> adjustments, OrderAmounts amounts, Map<String, Object> metadata) {
}
