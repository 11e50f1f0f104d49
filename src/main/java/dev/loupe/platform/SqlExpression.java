package dev.loupe.platform;

import java.util.Map;

/**
 * A piece of SQL that one module writes about its own tables so that another module's query can embed it (ADR 018):
 * the catalogue filters and sorts product listings by a variant's price or stock without reading the pricing or
 * inventory tables itself, and without loading every product to filter in memory. {@code {id}} in the text stands
 * for the column holding the row's id (a variant id); the named parameters carry the owning module's prefix so they
 * never collide with the embedding query's.
 */
public record SqlExpression(String template, Map<String, Object> params) {

	public SqlExpression {
		if (!template.contains("{id}")) {
			throw new IllegalArgumentException("An SQL expression refers to the row by {id}");
		}
		params = Map.copyOf(params);
	}

	/** The SQL text about the row whose id is in this column. */
	public String on(String idColumn) {
		return "(" + template.replace("{id}", idColumn) + ")";
	}
}
