package dev.loupe.fulfillment;

import java.util.List;

/**
 * A fulfilment left with the carrier; carries what a shipping confirmation needs (tracking may be null when staff
 * shipped without a number).
 */
public record ShipmentShipped(String fulfillmentId, String orderId, long displayId, String email,
		String trackingNumber, String trackingUrl, String carrier, List<FulfillmentItem> items) {
}
