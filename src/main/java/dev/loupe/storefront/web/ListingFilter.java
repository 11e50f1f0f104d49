package dev.loupe.storefront.web;

import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The variant filters a shopper chose on a listing, read leniently from plain query parameters: {@code option=Colour:Red}
 * (repeatable), {@code min_price} and {@code max_price} in the region's currency, {@code in_stock=1}. What cannot be
 * read is ignored rather than refused (a price "abc" or below zero, an option without a value, more than
 * {@value #MAX_OPTIONS} option values); bounds given the wrong way round are swapped.
 */
record ListingFilter(Map<String, List<String>> options, BigDecimal minPrice, BigDecimal maxPrice, boolean inStock) {

	static final int MAX_OPTIONS = 20;
	static final int MAX_TEXT = 100;
	private static final BigDecimal MAX_PRICE = new BigDecimal("1000000000");

	ListingFilter {
		Map<String, List<String>> copy = new LinkedHashMap<>();
		options.forEach((k, v) -> copy.put(k, List.copyOf(v)));
		options = java.util.Collections.unmodifiableMap(copy);
	}

	static ListingFilter of(HttpServletRequest http) {
		Map<String, List<String>> options = new LinkedHashMap<>();
		String[] raw = http.getParameterValues("option");
		int kept = 0;
		if (raw != null) {
			for (String text : raw) {
				if (kept >= MAX_OPTIONS) {
					break;
				}
				int colon = text == null ? -1 : text.indexOf(':');
				if (colon <= 0) {
					continue;
				}
				String title = Formats.clean(text.substring(0, colon), MAX_TEXT);
				String value = Formats.clean(text.substring(colon + 1), MAX_TEXT);
				if (title.isEmpty() || value.isEmpty()) {
					continue;
				}
				List<String> values = options.computeIfAbsent(title, k -> new ArrayList<>());
				if (!values.contains(value)) {
					values.add(value);
					kept++;
				}
			}
		}
		BigDecimal min = price(CatalogPages.one(http, "min_price"));
		BigDecimal max = price(CatalogPages.one(http, "max_price"));
		if (min != null && max != null && min.compareTo(max) > 0) {
			BigDecimal swap = min;
			min = max;
			max = swap;
		}
		String stock = CatalogPages.one(http, "in_stock");
		return new ListingFilter(options, min, max, "1".equals(stock) || "true".equals(stock) || "on".equals(stock));
	}

	/** A non-negative amount with at most six decimals ("25", "25.5", "25,50"); anything else is no bound. */
	static BigDecimal price(String text) {
		if (text == null) {
			return null;
		}
		String s = text.strip().replace(',', '.');
		if (!s.matches("\\d{1,10}(\\.\\d{0,6})?")) {
			return null;
		}
		BigDecimal amount = new BigDecimal(s.endsWith(".") ? s + "0" : s);
		return amount.compareTo(MAX_PRICE) > 0 ? null : amount.stripTrailingZeros();
	}

	/** Keeps only the option titles that exist (an unknown title would empty the listing for nothing). */
	ListingFilter onlyTitles(java.util.Collection<String> known) {
		Map<String, List<String>> kept = new LinkedHashMap<>(options);
		kept.keySet().retainAll(known);
		return new ListingFilter(kept, minPrice, maxPrice, inStock);
	}

	boolean isEmpty() {
		return options.isEmpty() && minPrice == null && maxPrice == null && !inStock;
	}

	/** The filter as query parameters, in a stable order (so equal filters give equal URLs). */
	void addTo(Map<String, List<String>> params) {
		List<String> chosen = new ArrayList<>();
		options.forEach((title, values) -> values.forEach(v -> chosen.add(title + ":" + v)));
		if (!chosen.isEmpty()) {
			params.put("option", chosen);
		}
		if (minPrice != null) {
			params.put("min_price", List.of(minPrice.toPlainString()));
		}
		if (maxPrice != null) {
			params.put("max_price", List.of(maxPrice.toPlainString()));
		}
		if (inStock) {
			params.put("in_stock", List.of("1"));
		}
	}

	ListingFilter toggle(String title, String value) {
		Map<String, List<String>> next = new LinkedHashMap<>();
		options.forEach((k, v) -> next.put(k, new ArrayList<>(v)));
		List<String> values = next.computeIfAbsent(title, k -> new ArrayList<>());
		if (!values.remove(value)) {
			values.add(value);
		}
		if (values.isEmpty()) {
			next.remove(title);
		}
		return new ListingFilter(next, minPrice, maxPrice, inStock);
	}

	ListingFilter withoutPrice() {
		return new ListingFilter(options, null, null, inStock);
	}

	ListingFilter withInStock(boolean stock) {
		return new ListingFilter(options, minPrice, maxPrice, stock);
	}
}
