package dev.loupe.adminapi.internal;

import dev.loupe.catalog.Category;
import dev.loupe.catalog.Collection;
import dev.loupe.catalog.Product;
import dev.loupe.catalog.ProductDocuments;
import dev.loupe.pricing.VariantPrice;
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
		Map<String, Object> m = ProductDocuments.product(p, baseUrl);
		m.put("type", p.type() == null ? null : Map.of("id", p.type().id(), "value", p.type().value()));
		m.put("collection", p.collection() == null ? null : collection(p.collection()));
		m.put("categories", p.categories() == null ? List.of() : p.categories().stream().map(c -> category(c)).toList());
		m.put("tags", p.tags() == null ? List.of() : p.tags().stream().map(t -> Map.of("id", t.id(), "value", t.value())).toList());
		m.put("images", p.images() == null ? List.of() : p.images().stream().map(i -> ProductDocuments.image(i, baseUrl)).toList());
		m.put("options", p.options() == null ? List.of() : p.options().stream().map(ProductDocuments::option).toList());
		m.put("variants", p.variants() == null ? List.of() : p.variants().stream().map(v -> variant(v, prices)).toList());
		m.put("sales_channels", salesChannels.stream().map(id -> Map.of("id", id)).toList());
		return m;
	}

	private static Map<String, Object> variant(Product.Variant v, Map<String, List<VariantPrice>> prices) {
		Map<String, Object> m = ProductDocuments.variant(v);
		m.put("prices", prices.getOrDefault(v.id(), List.of()).stream().map(AdminPrices::json).toList());
		return m;
	}

	static Map<String, Object> collection(Collection c) {
		return ProductDocuments.collection(c);
	}

	static Map<String, Object> category(Category c) {
		Map<String, Object> m = ProductDocuments.category(c);
		m.put("is_active", c.active());
		m.put("is_internal", c.internal());
		m.put("mpath", c.mpath());
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
}
