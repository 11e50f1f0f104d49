package dev.loupe.fulfillment;

/**
 * One line of what is to be shipped: {@code weightGrams} is the weight of one unit (null when the catalogue does not
 * know it; it then counts as 0 g), and items that do not require shipping (digital goods) are ignored.
 */
public record ShippedItem(String variantId, int quantity, Integer weightGrams, boolean requiresShipping) {

	public ShippedItem {
		if (quantity < 1) {
			throw new IllegalArgumentException("A shipped item's quantity must be positive: " + quantity);
		}
		if (weightGrams != null && weightGrams < 0) {
			throw new IllegalArgumentException("A weight must not be negative: " + weightGrams);
		}
	}
}
