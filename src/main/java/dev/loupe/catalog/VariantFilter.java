package dev.loupe.catalog;

import dev.loupe.platform.SqlExpression;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one variant of a listed product must offer, all together: for every option title one of the chosen values
 * (Colour Red or Blue, and Size M), a price within the range and stock to sell. The price is the pricing module's
 * {@link SqlExpression} for the shopper's region; "in stock" is the inventory module's expression, or a variant that
 * does not track inventory or allows back-orders. Empty options, null bounds and a null stock mean no condition.
 */
public record VariantFilter(Map<String, List<String>> options, SqlExpression price, BigDecimal minPrice,
		BigDecimal maxPrice, SqlExpression inStock) {

	public static final VariantFilter NONE = new VariantFilter(Map.of(), null, null, null, null);

	public VariantFilter {
		Map<String, List<String>> copy = new LinkedHashMap<>();
		options.forEach((title, values) -> {
			if (!values.isEmpty()) {
				copy.put(title, List.copyOf(values));
			}
		});
		options = java.util.Collections.unmodifiableMap(copy);
		if ((minPrice != null || maxPrice != null) && price == null) {
			throw new IllegalArgumentException("A price range needs the price expression");
		}
	}

	public boolean isEmpty() {
		return options.isEmpty() && minPrice == null && maxPrice == null && inStock == null;
	}

	/** The same conditions without the values chosen for one option title (for that option's own facet counts). */
	public VariantFilter without(String optionTitle) {
		Map<String, List<String>> rest = new LinkedHashMap<>(options);
		rest.remove(optionTitle);
		return new VariantFilter(rest, price, minPrice, maxPrice, inStock);
	}
}
