package dev.loupe.storefront.web;

import java.util.List;

/**
 * A product page with its selected variant: price, stock state and images of that variant, the option choices as
 * links to the other variants, and related products. {@code extension} names a partial the product's kind adds
 * below the buy box (the optical lens builder), null for none.
 */
public record ProductPage(Frame frame, List<Crumb> crumbs, String handle, String title, String subtitle,
		String description, List<String> images, List<OptionChoice> options, String variantId, String variantTitle,
		String sku, String price, String originalPrice, String stockLabel, String stockState, boolean canBuy,
		int maxQuantity, boolean digital, String kind, String extension, List<ProductCard> related, String notice,
		String material, String origin) {

	/** An option (colour, size) with its values; each value links to the variant it selects. */
	public record OptionChoice(String title, List<Value> values) {
	}

	public record Value(String label, String url, boolean selected, boolean available) {
	}
}
