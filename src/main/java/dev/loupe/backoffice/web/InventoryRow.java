package dev.loupe.backoffice.web;

/** One row of the inventory list: a variant at a stock location (or at none yet, all zero). */
public record InventoryRow(String productId, String product, String variantId, String variant, String sku,
		String location, int stocked, int reserved, int available, boolean low) {
}
