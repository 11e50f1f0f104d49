package dev.loupe.inventory;

/**
 * A quantity of a variant an order needs. A variant that allows backorders takes what is in stock and is sold beyond
 * it; any other must be fully in stock.
 */
public record StockDemand(String variantId, int quantity, boolean allowBackorder) {

	public StockDemand {
		if (quantity <= 0) {
			throw new IllegalArgumentException("A demanded quantity must be positive: " + quantity);
		}
	}
}
