package dev.loupe.catalog;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A product to import, with its options and variants. Types, tags, the collection and categories are referred to by
 * value or handle and must exist (categories, collections) or are created (types, tags).
 */
public record ProductDraft(String handle, String title, String subtitle, String description, ProductKind kind,
		boolean published, String thumbnail, List<String> images, String material, String originCountry,
		BigDecimal weight, Dimensions dimensions, String type, List<String> tags, String collectionHandle,
		List<String> categoryHandles, List<Option> options, List<Variant> variants, Map<String, Object> metadata) {

	/** The same draft with these image URLs, the first one as thumbnail. */
	public ProductDraft withImages(List<String> urls) {
		return new ProductDraft(handle, title, subtitle, description, kind, published, urls.isEmpty() ? null : urls.getFirst(),
				List.copyOf(urls), material, originCountry, weight, dimensions, type, tags, collectionHandle, categoryHandles,
				options, variants, metadata);
	}

	/** Length, width and height in millimetres. */
	public record Dimensions(BigDecimal length, BigDecimal width, BigDecimal height) {
	}

	/** An option such as "Colour" with its values in display order. */
	public record Option(String title, List<String> values) {
	}

	/** A variant: one value for each option, by option title. */
	public record Variant(String title, String sku, String barcode, Map<String, String> options,
			boolean manageInventory, boolean allowBackorder, BigDecimal weight) {
	}
}
