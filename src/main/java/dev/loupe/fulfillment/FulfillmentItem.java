package dev.loupe.fulfillment;

/** How many units of one order line a fulfilment holds ({@code variantId} null when the line has no variant). */
public record FulfillmentItem(String lineId, String variantId, int quantity) {

	public FulfillmentItem {
		if (quantity < 1) {
			throw new IllegalArgumentException("A fulfilled quantity must be positive: " + quantity);
		}
	}
}
