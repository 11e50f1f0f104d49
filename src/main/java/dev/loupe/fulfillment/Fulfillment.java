package dev.loupe.fulfillment;

import dev.loupe.platform.Money;
import java.time.Instant;
import java.util.List;

/**
 * A fulfilment ({@code ful_…}) of an order: some quantities of its lines leaving one stock location, with the
 * tracking and the shipping label once known. {@code labelCost} is what the label cost, when one was bought.
 */
public record Fulfillment(String id, String orderId, String locationId, FulfillmentState state,
		List<FulfillmentItem> items, Tracking tracking, String service, String labelUrl, String providerId,
		String shipmentId, Money labelCost, String createdBy, Instant createdAt, Instant shippedAt,
		Instant deliveredAt, Instant canceledAt) {

	public Fulfillment {
		items = List.copyOf(items);
	}

	public boolean hasLabel() {
		return labelUrl != null;
	}
}
