package dev.loupe.storefront.web;

import java.util.List;

/**
 * A listing's variant filters as the page shows them: option values to tick, the price range form (its hidden fields
 * keep the other filters), "in stock only", and the chosen filters as removable chips.
 */
public record FilterPanel(List<OptionGroup> options, String minPrice, String maxPrice, String currencySymbol,
		FacetLink inStock, List<FacetLink> chips, String clearUrl, String action, List<Hidden> keep) {

	/** One option title (Colour) and its values as toggling links. */
	public record OptionGroup(String title, List<FacetLink> values) {
	}

	/** A query parameter the price form carries along unchanged. */
	public record Hidden(String name, String value) {
	}

	public boolean active() {
		return !chips.isEmpty();
	}
}
