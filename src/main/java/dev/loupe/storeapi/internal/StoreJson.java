package dev.loupe.storeapi.internal;

import dev.loupe.catalog.Category;
import dev.loupe.catalog.Collection;
import dev.loupe.catalog.Product;
import dev.loupe.catalog.ProductRelations;
import dev.loupe.market.Country;
import dev.loupe.market.Region;
import dev.loupe.platform.Money;
import dev.loupe.pricing.CalculatedPrice;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.json.JsonMapper;

/** Maps the modules' read models to the Store API's JSON shapes (snake_case, amounts as plain decimal numbers). */
final class StoreJson {

	private static final JsonMapper MAPPER = JsonMapper.builder().enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();

	private StoreJson() {
	}

	static byte[] bytes(Object value) {
		return MAPPER.writeValueAsBytes(value);
	}

	static Map<String, Object> list(String name, List<?> items, long count, int offset, int limit) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put(name, items);
		body.put("count", count);
		body.put("offset", offset);
		body.put("limit", limit);
		return body;
	}

	/** A product with the selected fields; prices and stock are keyed by variant id. */
	static Map<String, Object> product(Product p, ProductFields fields, Map<String, CalculatedPrice> prices,
			Map<String, Integer> stock, String baseUrl) {
		Map<String, Object> all = new LinkedHashMap<>();
		all.put("id", p.id());
		all.put("title", p.title());
		all.put("subtitle", p.subtitle());
		all.put("description", p.description());
		all.put("handle", p.handle());
		all.put("is_giftcard", p.giftcard());
		all.put("discountable", p.discountable());
		all.put("thumbnail", url(baseUrl, p.thumbnail()));
		all.put("collection_id", p.collectionId());
		all.put("type_id", p.typeId());
		all.put("weight", number(p.weight()));
		all.put("length", number(p.length()));
		all.put("height", number(p.height()));
		all.put("width", number(p.width()));
		all.put("hs_code", p.hsCode());
		all.put("origin_country", p.originCountry());
		all.put("mid_code", p.midCode());
		all.put("material", p.material());
		all.put("created_at", time(p.createdAt()));
		all.put("updated_at", time(p.updatedAt()));
		all.put("status", p.status());
		all.put("external_id", p.externalId());
		all.put("metadata", p.metadata());
		all.put("deleted_at", null);
		all.put("kind", p.kind().code());
		Map<String, Object> out = new LinkedHashMap<>();
		for (String field : ProductFields.SCALARS) {
			if (fields.scalars().contains(field)) {
				out.put(field, all.get(field));
			}
		}
		if (fields.relations().contains(ProductRelations.TYPE)) {
			out.put("type", p.type() == null ? null : Map.of("id", p.type().id(), "value", p.type().value()));
		}
		if (fields.relations().contains(ProductRelations.COLLECTION)) {
			out.put("collection", p.collection() == null ? null : collection(p.collection()));
		}
		if (p.options() != null) {
			out.put("options", p.options().stream().map(StoreJson::option).toList());
		}
		if (p.tags() != null) {
			out.put("tags", p.tags().stream().map(t -> Map.of("id", t.id(), "value", t.value())).toList());
		}
		if (p.images() != null) {
			out.put("images", p.images().stream().map(i -> {
				Map<String, Object> m = new LinkedHashMap<>();
				m.put("id", i.id());
				m.put("url", url(baseUrl, i.url()));
				m.put("rank", i.rank());
				return m;
			}).toList());
		}
		if (p.categories() != null) {
			out.put("categories", p.categories().stream().map(c -> category(c, false)).toList());
		}
		if (p.variants() != null) {
			List<Map<String, Object>> variants = new ArrayList<>(p.variants().size());
			for (Product.Variant v : p.variants()) {
				variants.add(variant(v, fields, prices.get(v.id()), stock));
			}
			out.put("variants", variants);
		}
		return out;
	}

	private static Map<String, Object> variant(Product.Variant v, ProductFields fields, CalculatedPrice price,
			Map<String, Integer> stock) {
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
		m.put("options", v.options().stream().map(o -> {
			Map<String, Object> value = new LinkedHashMap<>();
			value.put("id", o.id());
			value.put("value", o.value());
			value.put("option_id", o.optionId());
			value.put("option", Map.of("id", o.optionId(), "title", o.optionTitle()));
			return value;
		}).toList());
		if (fields.inventoryQuantity()) {
			m.put("inventory_quantity", v.manageInventory() ? stock.getOrDefault(v.id(), 0) : null);
		}
		if (fields.calculatedPrice()) {
			m.put("calculated_price", price == null ? null : calculatedPrice(price));
		}
		return m;
	}

	static Map<String, Object> calculatedPrice(CalculatedPrice p) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("id", p.variantId());
		m.put("is_calculated_price_price_list", p.isFromPriceList());
		m.put("is_calculated_price_tax_inclusive", p.taxInclusive());
		m.put("calculated_amount", amount(p.calculated()));
		m.put("is_original_price_price_list", false);
		m.put("is_original_price_tax_inclusive", p.taxInclusive());
		m.put("original_amount", amount(p.original()));
		m.put("currency_code", p.calculated().currencyCodeLower());
		Map<String, Object> calculated = new LinkedHashMap<>();
		calculated.put("id", p.calculatedPriceId());
		calculated.put("price_list_id", p.priceListId());
		calculated.put("price_list_type", p.priceListType());
		calculated.put("min_quantity", null);
		calculated.put("max_quantity", null);
		m.put("calculated_price", calculated);
		Map<String, Object> original = new LinkedHashMap<>();
		original.put("id", p.originalPriceId());
		original.put("price_list_id", null);
		original.put("price_list_type", null);
		original.put("min_quantity", null);
		original.put("max_quantity", null);
		m.put("original_price", original);
		return m;
	}

	private static Map<String, Object> option(Product.Option o) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("id", o.id());
		m.put("title", o.title());
		m.put("product_id", o.productId());
		m.put("values", o.values().stream().map(v -> Map.of("id", v.id(), "value", v.value(), "option_id", v.optionId())).toList());
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

	/** A category; children are included when known (null children: not loaded, shown as an empty list). */
	static Map<String, Object> category(Category c, boolean withChildren) {
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
		if (withChildren) {
			m.put("category_children", c.children() == null ? List.of()
					: c.children().stream().map(child -> category(child, true)).toList());
		}
		return m;
	}

	static Map<String, Object> region(Region r) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("id", r.id());
		m.put("name", r.name());
		m.put("currency_code", r.currencyCode());
		m.put("automatic_taxes", r.automaticTaxes());
		m.put("is_tax_inclusive", r.taxInclusive());
		m.put("countries", r.countries().stream().map(c -> country(c, r.id())).toList());
		m.put("payment_providers", r.paymentProviders().stream().map(p -> Map.of("id", p, "is_enabled", true)).toList());
		m.put("metadata", r.metadata());
		m.put("created_at", time(r.createdAt()));
		m.put("updated_at", time(r.updatedAt()));
		m.put("deleted_at", null);
		return m;
	}

	private static Map<String, Object> country(Country c, String regionId) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("id", c.iso2());
		m.put("iso_2", c.iso2());
		m.put("iso_3", c.iso3());
		m.put("num_code", c.numCode());
		m.put("name", c.name());
		m.put("display_name", c.displayName());
		m.put("region_id", regionId);
		return m;
	}

	static Map<String, Object> named(String id, String value, Instant created, Instant updated) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("id", id);
		m.put("value", value);
		m.put("metadata", null);
		m.put("created_at", time(created));
		m.put("updated_at", time(updated));
		m.put("deleted_at", null);
		return m;
	}

	private static BigDecimal amount(Money money) {
		return number(money.amount());
	}

	private static BigDecimal number(BigDecimal value) {
		return value == null ? null : value.stripTrailingZeros();
	}

	private static String time(Instant instant) {
		return instant == null ? null : instant.toString();
	}

	/** Local files are stored as {@code /files/…} and shown absolute, as clients load them from another origin. */
	private static String url(String baseUrl, String url) {
		return url != null && url.startsWith("/") ? baseUrl + url : url;
	}
}
