package dev.loupe.storeapi.internal;

import dev.loupe.catalog.ProductRelations;
import dev.loupe.platform.LoupeException;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The {@code fields} parameter of product routes, as Medusa reads it: {@code +f} adds to the default fields,
 * {@code -f} removes, {@code *relation} adds a relation with all its fields, and a bare list replaces the defaults.
 */
record ProductFields(Set<String> scalars, Set<ProductRelations> relations, boolean calculatedPrice,
		boolean inventoryQuantity) {

	static final List<String> SCALARS = List.of("id", "title", "subtitle", "description", "handle", "is_giftcard",
			"discountable", "thumbnail", "collection_id", "type_id", "weight", "length", "height", "width", "hs_code",
			"origin_country", "mid_code", "material", "created_at", "updated_at", "status", "external_id", "metadata",
			"deleted_at", "kind");
	private static final List<String> DEFAULT_SCALARS = SCALARS.subList(0, 20);
	private static final Set<ProductRelations> DEFAULT_RELATIONS = EnumSet.of(ProductRelations.TYPE,
			ProductRelations.COLLECTION, ProductRelations.OPTIONS, ProductRelations.TAGS, ProductRelations.IMAGES,
			ProductRelations.VARIANTS);

	/** Parses {@code fields}; {@code priced} says whether the request has a pricing context (region or currency). */
	static ProductFields parse(String fields, boolean priced) {
		Set<String> scalars = new LinkedHashSet<>(DEFAULT_SCALARS);
		Set<ProductRelations> relations = EnumSet.copyOf(DEFAULT_RELATIONS);
		boolean price = priced;
		boolean inventory = false;
		if (fields == null || fields.isBlank()) {
			return new ProductFields(scalars, relations, price, inventory);
		}
		String[] tokens = fields.split(",");
		boolean replace = false;
		for (String raw : tokens) {
			String t = raw.strip();
			if (!t.isEmpty() && "+-*".indexOf(t.charAt(0)) < 0) {
				replace = true;
			}
		}
		if (replace) {
			scalars.clear();
			scalars.add("id");
			relations.clear();
			price = false;
		}
		for (String raw : tokens) {
			String t = raw.strip();
			if (t.isEmpty()) {
				continue;
			}
			char op = t.charAt(0);
			String path = "+-*".indexOf(op) >= 0 ? t.substring(1) : t;
			boolean remove = op == '-';
			if (!path.matches("[a-z_]{1,40}(\\.[a-z_*]{1,40}){0,3}")) {
				throw invalid(t);
			}
			String head = path.contains(".") ? path.substring(0, path.indexOf('.')) : path;
			String rest = path.contains(".") ? path.substring(path.indexOf('.') + 1) : "";
			if (SCALARS.contains(head) && rest.isEmpty()) {
				if (remove) {
					scalars.remove(head);
				}
				else {
					scalars.add(head);
				}
				continue;
			}
			ProductRelations relation = relation(head).orElseThrow(() -> invalid(t));
			if (relation == ProductRelations.VARIANTS && rest.equals("calculated_price")) {
				if (!priced && !remove) {
					throw LoupeException.invalidData(
							"Missing required pricing context to calculate prices - currency_code or region_id");
				}
				price = !remove;
				if (!remove) {
					relations.add(relation);
				}
				continue;
			}
			if (relation == ProductRelations.VARIANTS && rest.equals("inventory_quantity")) {
				inventory = !remove;
				if (!remove) {
					relations.add(relation);
				}
				continue;
			}
			if (remove) {
				if (rest.isEmpty()) {
					relations.remove(relation);
				}
			}
			else {
				relations.add(relation);
			}
		}
		return new ProductFields(scalars, relations, price && relations.contains(ProductRelations.VARIANTS), inventory);
	}

	private static java.util.Optional<ProductRelations> relation(String name) {
		return switch (name) {
			case "type" -> java.util.Optional.of(ProductRelations.TYPE);
			case "collection" -> java.util.Optional.of(ProductRelations.COLLECTION);
			case "options" -> java.util.Optional.of(ProductRelations.OPTIONS);
			case "tags" -> java.util.Optional.of(ProductRelations.TAGS);
			case "images" -> java.util.Optional.of(ProductRelations.IMAGES);
			case "variants" -> java.util.Optional.of(ProductRelations.VARIANTS);
			case "categories" -> java.util.Optional.of(ProductRelations.CATEGORIES);
			default -> java.util.Optional.empty();
		};
	}

	private static LoupeException invalid(String token) {
		String shown = token.length() > 60 ? token.substring(0, 60) + "…" : token;
		return LoupeException.invalidData("Invalid 'fields': " + shown.toLowerCase(Locale.ROOT).replaceAll("[^\\x20-\\x7e…]", "?")
				+ " is not a field or relation of product");
	}
}
