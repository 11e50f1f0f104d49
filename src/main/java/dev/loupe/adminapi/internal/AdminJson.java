package dev.loupe.adminapi.internal;

import dev.loupe.catalog.Category;
import dev.loupe.catalog.Collection;
import dev.loupe.catalog.Product;
import dev.loupe.pricing.VariantPrice;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Admin API documents, in the field names of Medusa's Admin API. Unlike the Store API, staff see every status,
 * every variant's stored prices and the sales channels of a product.
 */
final class AdminJson {

	private AdminJson() {
	}

	static Map<String, Object> product(Product p, List<String> salesChannels, Map<String, List<VariantPrice>> prices,
			String baseUrl) {
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
		m.put("weight", number(p.weight()));
		m.put("length", number(p.length()));
		m.put("height", number(p.height()));
		m.put("width", number(p.width()));
		m.put("origin_country", p.originCountry());
		m.put("hs_code", p.hsCode());
		m.put("mid_code", p.midCode());
		m.put("material", p.material());
		m.put("external_id", p.externalId());
		m.put("type_id", p.typeId());
		m.put("type", p.type() == null ? null : Map.of("id", p.type().id(), "value", p.type().value()));
		m.put("collection_id", p.collectionId());
		m.put("collection", p.collection() == null ? null : collection(p.collection()));
		m.put("categories", p.categories() == null ? List.of() : p.categories().stream().map(c -> category(c)).toList());
		m.put("tags", p.tags() == null ? List.of() : p.tags().stream().map(t -> Map.of("id", t.id(), "value", t.value())).toList());
		m.put("images", p.images() == null ? List.of() : p.images().stream().map(i -> {
			Map<String, Object> image = new LinkedHashMap<>();
			image.put("id", i.id());
			image.put("url", url(baseUrl, i.url()));
			image.put("rank", i.rank());
			return image;
		}).toList());
		m.put("options", p.options() == null ? List.of() : p.options().stream().map(o -> {
			Map<String, Object> option = new LinkedHashMap<>();
			option.put("id", o.id());
			option.put("title", o.title());
			option.put("product_id", o.productId());
			option.put("values", o.values().stream().map(v -> Map.of("id", v.id(), "value", v.value(), "option_id", v.optionId()))
				.toList());
			return option;
		}).toList());
		m.put("variants", p.variants() == null ? List.of() : p.variants().stream().map(v -> variant(v, prices)).toList());
		m.put("sales_channels", salesChannels.stream().map(id -> Map.of("id", id)).toList());
		m.put("metadata", p.metadata());
		m.put("created_at", time(p.createdAt()));
		m.put("updated_at", time(p.updatedAt()));
		m.put("deleted_at", null);
		return m;
	}

	private static Map<String, Object> variant(Product.Variant v, Map<String, List<VariantPrice>> prices) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("id", v.id());
		m.put("title", v.title());
		m.put("sku", v.sku());
		m.put("barcode", v.barcode());
		m.put("ean", v.ean());
		m.put("upc", v.upc());
		m.put("allow_backorder", v.allowBackorder());
		m.put("manage_inventory", v.manageInventory());
		m.put("weight", number(v.weight()));
		m.put("length", number(v.length()));
		m.put("height", number(v.height()));
		m.put("width", number(v.width()));
		m.put("origin_country", v.originCountry());
		m.put("hs_code", v.hsCode());
		m.put("mid_code", v.midCode());
		m.put("material", v.material());
		m.put("variant_rank", v.rank());
		m.put("product_id", v.productId());
		m.put("options", v.options() == null ? List.of() : v.options().stream().map(o -> Map.of("id", o.id(), "value", o.value(),
				"option_id", o.optionId(), "option", Map.of("id", o.optionId(), "title", o.optionTitle()))).toList());
		m.put("prices", prices.getOrDefault(v.id(), List.of()).stream().map(AdminPrices::json).toList());
		m.put("metadata", v.metadata());
		m.put("created_at", time(v.createdAt()));
		m.put("updated_at", time(v.updatedAt()));
		m.put("deleted_at", null);
		return m;
	}

	static Map<String, Object> collection(Collection c) {
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

	static Map<String, Object> category(Category c) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("id", c.id());
		m.put("name", c.name());
		m.put("description", c.description());
		m.put("handle", c.handle());
		m.put("is_active", c.active());
		m.put("is_internal", c.internal());
		m.put("rank", c.rank());
		m.put("parent_category_id", c.parentCategoryId());
		m.put("mpath", c.mpath());
		m.put("metadata", c.metadata());
		m.put("created_at", time(c.createdAt()));
		m.put("updated_at", time(c.updatedAt()));
		m.put("deleted_at", null);
		return m;
	}

	static Map<String, Object> deleted(String id, String object, Object parent) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("id", id);
		m.put("object", object);
		m.put("deleted", true);
		if (parent != null) {
			m.put("parent", parent);
		}
		return m;
	}

	static Map<String, Object> list(String name, List<?> items, long count, int offset, int limit) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put(name, items);
		m.put("count", count);
		m.put("offset", offset);
		m.put("limit", limit);
		return m;
	}

	private static BigDecimal number(BigDecimal value) {
		return value == null ? null : value.stripTrailingZeros();
	}

	private static String time(Instant instant) {
		return instant == null ? null : instant.toString();
	}

	private static String url(String baseUrl, String url) {
		return url != null && url.startsWith("/") ? baseUrl + url : url;
	}
}
