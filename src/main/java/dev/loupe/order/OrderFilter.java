package dev.loupe.order;

import java.time.Instant;
import java.util.List;

/**
 * What the staff's order list shows: {@code q} matches a display id (all digits, with or without "#") or the start
 * of an email; {@code customerIds} adds the orders of these customers (found by name elsewhere) to what {@code q}
 * matches. Every other field, when not null, narrows the list; {@code from} is inclusive, {@code to} exclusive.
 * {@code fulfillmentStatus} may also be {@link #AWAITING_FULFILLMENT}.
 */
public record OrderFilter(String q, List<String> customerIds, String status, String paymentStatus,
		String fulfillmentStatus, String regionId, Instant from, Instant to) {

	/** The fulfilment "status" of orders still to be sent: not or only partly fulfilled (as the dashboard counts). */
	public static final String AWAITING_FULFILLMENT = "awaiting";

	public OrderFilter {
		customerIds = customerIds == null ? List.of() : List.copyOf(customerIds);
	}

	/** Every order. */
	public static OrderFilter all() {
		return new OrderFilter(null, List.of(), null, null, null, null, null, null);
	}
}
