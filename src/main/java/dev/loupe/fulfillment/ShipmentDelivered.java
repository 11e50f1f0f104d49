package dev.loupe.fulfillment;

import java.time.Instant;
import java.util.List;

/** A fulfilment reached the shopper; carries what a delivery notification (and a later review request) needs. */
public record ShipmentDelivered(String fulfillmentId, String orderId, long displayId, String email,
		String trackingNumber, String trackingUrl, String carrier, List<FulfillmentItem> items, Instant deliveredAt) {
}
