package dev.loupe.order;

import dev.loupe.platform.Money;
import java.util.List;
import java.util.Map;

/** A shipping method of a placed order ({@code ordsm_…}): the draft's method, frozen. */
public record OrderShippingMethod(String id, String shippingOptionId, String name, Money amount, boolean taxInclusive,
		List<OrderTaxLine> taxLines, List<OrderAdjustment> adjustments, OrderAmounts amounts, Map<String, Object> data) {
}
