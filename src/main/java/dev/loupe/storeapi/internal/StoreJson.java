package dev.loupe.storeapi.internal;

import dev.loupe.catalog.Category;
import dev.loupe.catalog.Collection;
import dev.loupe.catalog.Product;
import dev.loupe.catalog.ProductDocuments;
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
		Map<String, Object> all = ProductDocuments.product(p, baseUrl);
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
			out.put("options", p.options().stream().map(ProductDocuments::option).toList());
		}
		if (p.tags() != null) {
			out.put("tags", p.tags().stream().map(t -> Map.of("id", t.id(), "value", t.value())).toList());
		}
		if (p.images() != null) {
			out.put("images", p.images().stream().map(i -> ProductDocuments.image(i, baseUrl)).toList());
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
		Map<String, Object> m = ProductDocuments.variant(v);
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

	/** A product option as {@code GET /store/product-options} shows it (Loupe's options belong to one product). */
	static Map<String, Object> productOption(Product.Option o) {
		Map<String, Object> m = new LinkedHashMap<>(ProductDocuments.option(o));
		m.put("is_exclusive", true);
		m.put("metadata", null);
		return m;
	}

	static Map<String, Object> collection(Collection c) {
		return ProductDocuments.collection(c);
	}

	/** A category; children are included when known (null children: not loaded, shown as an empty list). */
	static Map<String, Object> category(Category c, boolean withChildren) {
		Map<String, Object> m = ProductDocuments.category(c);
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
		return ProductDocuments.number(value);
	}

	private static String time(Instant instant) {
		return ProductDocuments.time(instant);
	}
}
