package dev.loupe.fulfillment;

import java.util.List;

/** Goods of an order were picked for shipping at a location (published in the creating transaction). */
public record FulfillmentCreated(String fulfillmentId, String orderId, long displayId, String email, String locationId,
		List<FulfillmentItem> items) {
}
