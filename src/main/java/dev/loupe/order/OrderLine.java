package dev.loupe.order;

import dev.loupe.platform.Money;
import java.util.List;
import java.util.Map;

/** A line of a placed order ({@code ordli_…}): the draft's line, frozen. */
public record OrderLine(String id, String variantId, String productId, String title, String subtitle,
		String thumbnail, String productTitle, String productHandle, String variantTitle, String variantSku, int quantity,
		Money unitPrice, boolean taxInclusive, boolean requiresShipping, boolean discountable,
		List<OrderTaxLine> taxLines, List<OrderAdjustment> adjustments, OrderAmounts amounts,
		Map<String, Object> metadata) {
}
