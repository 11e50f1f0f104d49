package dev.loupe.order;

import java.math.BigDecimal;
import java.util.List;

/**
 * An order was placed (published in the placing transaction, so listeners run only if it commits). Carries what
 * stock, notification and analytics listeners need without reading the order back.
 */
public record OrderPlaced(String orderId, long displayId, String cartId, String customerId, String email,
		String currencyCode, BigDecimal total, List<String> variantIds, String salesChannelId, List<Line> lines) {

	/** A line bought: the variant and how many. */
	public record Line(String lineId, String variantId, int quantity) {
	}
}
