package dev.loupe.catalog;

import java.util.List;

/** What a product listing asks for; lists are "any of", empty lists mean no filter. */
public record ProductFilter(List<String> salesChannelIds, List<String> ids, String handle, String query,
		List<String> categoryIds, List<String> collectionIds, List<String> tagIds, List<String> typeIds) {

	public ProductFilter {
		salesChannelIds = List.copyOf(salesChannelIds);
		ids = List.copyOf(ids);
		categoryIds = List.copyOf(categoryIds);
		collectionIds = List.copyOf(collectionIds);
		tagIds = List.copyOf(tagIds);
		typeIds = List.copyOf(typeIds);
	}
}
