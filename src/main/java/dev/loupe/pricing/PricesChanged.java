package dev.loupe.pricing;

import java.util.List;

/**
 * Prices or price lists changed. Published through the outbox in the transaction that made the change, so a cache
 * evicted by it never serves a price older than the committed one.
 *
 * @param variantIds the variants whose prices changed; empty means "many, unspecified" (a price list, a bulk import).
 */
public record PricesChanged(List<String> variantIds) {

	public PricesChanged {
		variantIds = List.copyOf(variantIds);
	}

	public static PricesChanged all() {
		return new PricesChanged(List.of());
	}

	public boolean affectsAll() {
		return variantIds.isEmpty();
	}
}
