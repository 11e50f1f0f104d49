package dev.loupe.order;

import dev.loupe.platform.Money;
import java.util.List;
import java.util.Map;

/** A shipping method of the cart as the checkout froze it. */
public record OrderShippingDraft(String shippingOptionId, String name, Money amount, boolean taxInclusive,
		List<OrderTaxLine> taxLines, List<OrderAdjustment> adjustments, OrderAmounts amounts, Map<String, Object> data) {
}
