package dev.loupe.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A product as shoppers see it. Relations not asked for are null (not loaded), which is different from empty.
 */
public record Product(String id, String title, String subtitle, String description, String handle, String status,
		ProductKind kind, boolean giftcard, boolean discountable, String thumbnail, BigDecimal weight, BigDecimal length,
		BigDecimal height, BigDecimal width, String originCountry, String hsCode, String midCode, String material,
		String externalId, String typeId, String collectionId, Map<String, Object> metadata, Instant createdAt,
		Instant updatedAt, Type type, Collection collection, List<Option> options, List<Image> images, List<Tag> tags,
		List<Variant> variants, List<Category> categories) {

	public record Type(String id, String value, Instant createdAt, Instant updatedAt) {
	}

	public record Tag(String id, String value, Instant createdAt, Instant updatedAt) {
	}

	public record Image(String id, String url, int rank) {
	}

	public record Option(String id, String title, String productId, List<OptionValue> values) {
	}

	public record OptionValue(String id, String value, String optionId, String optionTitle) {
	}

	public record Variant(String id, String title, String sku, String barcode, String ean, String upc,
			boolean allowBackorder, boolean manageInventory, BigDecimal weight, BigDecimal length, BigDecimal height,
			BigDecimal width, String originCountry, String hsCode, String midCode, String material, int rank,
			String productId, Map<String, Object> metadata, Instant createdAt, Instant updatedAt,
			List<OptionValue> options) {
	}
}
