package dev.loupe.catalog;

/**
 * A variant as a cart needs it: what to show on the line, whether it is shipped and discountable, and whether its
 * stock limits how many can be bought ({@code manageInventory} without {@code allowBackorder}); its collection and
 * categories (for promotions) and its weight in whole grams, rounded up (the variant's, else the product's; for shipping rates).
 */
public record SellableVariant(String id, String title, String sku, String barcode, String productId,
		String productTitle, String productSubtitle, String productHandle, String thumbnail, ProductKind kind,
		boolean discountable, boolean manageInventory, boolean allowBackorder, String collectionId,
		java.util.List<String> categoryIds, Integer weightGrams) {

	public boolean requiresShipping() {
		return kind.isShipped();
	}

	/** Whether stock caps the quantity a shopper can buy. */
	public boolean limitedByStock() {
		return manageInventory && !allowBackorder;
	}
}
