package dev.loupe.fulfillment;

import dev.loupe.platform.Money;
import java.time.Instant;
import java.util.List;

/**
 * A return ({@code ret_…}) of some shipped quantities of an order's lines, with a reason, the stock location it is
 * restocked to (null: not restocked) and the amount refunded when it is received (null: no refund).
 * {@code refundStatus} is {@code none}, {@code pending} (received, the refund not yet confirmed) or {@code refunded}.
 */
public record OrderReturn(String id, String orderId, ReturnStatus status, String reason, String note,
		String locationId, Money refundAmount, String refundStatus, String paymentId, List<Item> items,
		String createdBy, Instant createdAt, Instant receivedAt, Instant refundedAt, Instant closedAt,
		Instant canceledAt) {

	public OrderReturn {
		items = List.copyOf(items);
	}

	/** A returned quantity of one order line. */
	public record Item(String lineId, String variantId, int quantity) {
	}

	public boolean restocks() {
		return locationId != null;
	}

	public boolean refunds() {
		return refundAmount != null;
	}
}
