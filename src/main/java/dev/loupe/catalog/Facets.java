package dev.loupe.catalog;

import java.util.Map;

/** Counts of matching products per category, collection, type and tag id. */
public record Facets(Map<String, Long> categories, Map<String, Long> collections, Map<String, Long> types,
		Map<String, Long> tags) {
}
