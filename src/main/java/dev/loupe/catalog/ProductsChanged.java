package dev.loupe.catalog;

import java.util.List;

/**
 * Products were created, updated or deleted (including their variants, options, images and category links).
 * Published through the outbox in the transaction that made the change; listeners (caches, search) must be idempotent.
 *
 * @param productIds the products touched; empty means "many, unspecified" (a bulk import): listeners treat it as all.
 */
public record ProductsChanged(List<String> productIds) {

	public ProductsChanged {
		productIds = List.copyOf(productIds);
	}

	/** A change too broad to list (bulk import, category tree reshuffle). */
	public static ProductsChanged all() {
		return new ProductsChanged(List.of());
	}

	public boolean affectsAll() {
		return productIds.isEmpty();
	}
}
