package dev.loupe.catalog;

import java.util.List;

/** An option title found in a listing (Colour, Size) with how many matching products offer each of its values. */
public record OptionFacet(String title, List<Value> values) {

	public OptionFacet {
		values = List.copyOf(values);
	}

	public record Value(String value, long count) {
	}
}
