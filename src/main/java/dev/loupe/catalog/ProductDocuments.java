package dev.loupe.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Catalogue records in the field names of Medusa's APIs, shared by the Store and Admin APIs so that both name and
 * format a field the same way: decimals without trailing zeros, ISO-8601 times, and local files ({@code /files/…})
 * made absolute with the installation's base URL, as clients load them from another origin.
 */
public final class ProductDocuments {

	private ProductDocuments() {
	}

	/** Every scalar field of a product; relations are left to the caller. */
	public static Map<String, Object> product(Product p, String baseUrl) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("id", p.id());
		m.put("title", p.title());
		m.put("subtitle", p.subtitle());
		m.put("description", p.description());
		m.put("handle", p.handle());
		m.put("status", p.status());
		m.put("kind", p.kind().code());
		m.put("is_giftcard", p.giftcard());
		m.put("discountable", p.discountable());
		m.put("thumbnail", url(baseUrl, p.thumbnail()));
		m.put("collection_id", p.collectionId());
		m.put("type_id", p.typeId());
		m.put("weight", number(p.weight()));
		m.put("length", number(p.length()));
		m.put("height", number(p.height()));
		m.put("width", number(p.width()));
		m.put("hs_code", p.hsCode());
		m.put("origin_country", p.originCountry());
		m.put("mid_code", p.midCode());
		m.put("material", p.material());
		m.put("external_id", p.externalId());
		m.put("metadata", p.metadata());
		m.put("created_at", time(p.createdAt()));
		m.put("updated_at", time(p.updatedAt()));
		m.put("deleted_at", null);
		return m;
	}

	/** A variant with its option values; prices and stock are left to the caller. */
	public static Map<String, Object> variant(Product.Variant v) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("id", v.id());
		m.put("title", v.title());
		m.put("sku", v.sku());
		m.put("barcode", v.barcode());
		m.put("ean", v.ean());
		m.put("upc", v.upc());
		m.put("allow_backorder", v.allowBackorder());
		m.put("manage_inventory", v.manageInventory());
		m.put("hs_code", v.hsCode());
		m.put("origin_country", v.originCountry());
		m.put("mid_code", v.midCode());
		m.put("material", v.material());
		m.put("weight", number(v.weight()));
		m.put("length", number(v.length()));
		m.put("height", number(v.height()));
		m.put("width", number(v.width()));
		m.put("variant_rank", v.rank());
		m.put("product_id", v.productId());
		m.put("metadata", v.metadata());
		m.put("created_at", time(v.createdAt()));
		m.put("updated_at", time(v.updatedAt()));
		m.put("deleted_at", null);
		m.put("options", v.options() == null ? List.of() : v.options().stream().map(o -> {
			Map<String, Object> value = new LinkedHashMap<>();
			value.put("id", o.id());
			value.put("value", o.value());
			value.put("option_id", o.optionId());
			value.put("option", Map.of("id", o.optionId(), "title", o.optionTitle()));
			return value;
		}).toList());
		return m;
	}

	public static Map<String, Object> option(Product.Option o) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("id", o.id());
		m.put("title", o.title());
		m.put("product_id", o.productId());
		m.put("values", o.values().stream().map(v -> Map.of("id", v.id(), "value", v.value(), "option_id", v.optionId()))
			.toList());
		return m;
	}

	public static Map<String, Object> image(Product.Image i, String baseUrl) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("id", i.id());
		m.put("url", url(baseUrl, i.url()));
		m.put("rank", i.rank());
		return m;
	}

	public static Map<String, Object> collection(Collection c) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("id", c.id());
		m.put("title", c.title());
		m.put("handle", c.handle());
		m.put("metadata", c.metadata());
		m.put("created_at", time(c.createdAt()));
		m.put("updated_at", time(c.updatedAt()));
		m.put("deleted_at", null);
		return m;
	}

	/** A category's own fields, without children or the staff-only flags. */
	public static Map<String, Object> category(Category c) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("id", c.id());
		m.put("name", c.name());
		m.put("description", c.description());
		m.put("handle", c.handle());
		m.put("rank", c.rank());
		m.put("parent_category_id", c.parentCategoryId());
		m.put("metadata", c.metadata());
		m.put("created_at", time(c.createdAt()));
		m.put("updated_at", time(c.updatedAt()));
		m.put("deleted_at", null);
		return m;
	}

	public static BigDecimal number(BigDecimal value) {
		return value == null ? null : value.stripTrailingZeros();
	}

	public static String time(Instant instant) {
		return instant == null ? null : instant.toString();
	}

	/** Local files are stored as {@code /files/…} and shown absolute. */
	public static String url(String baseUrl, String url) {
		return url != null && url.startsWith("/") ? baseUrl + url : url;
	}
}
