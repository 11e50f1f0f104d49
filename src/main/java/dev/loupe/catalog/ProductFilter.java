package dev.loupe.catalog;

import java.util.List;

/**
 * What a product listing asks for; lists are "any of", empty lists mean no filter; {@code variants} is what one of
 * the product's variants must offer (options, price, stock).
 */
public record ProductFilter(List<String> salesChannelIds, List<String> ids, String handle, String query,
		List<String> categoryIds, List<String> collectionIds, List<String> tagIds, List<String> typeIds,
		VariantFilter variants) {

	public ProductFilter(List<String> salesChannelIds, List<String> ids, String handle, String query,
			List<String> categoryIds, List<String> collectionIds, List<String> tagIds, List<String> typeIds) {
		this(salesChannelIds, ids, handle, query, categoryIds, collectionIds, tagIds, typeIds, VariantFilter.NONE);
	}

	public ProductFilter {
		salesChannelIds = List.copyOf(salesChannelIds);
		ids = List.copyOf(ids);
		categoryIds = List.copyOf(categoryIds);
		collectionIds = List.copyOf(collectionIds);
		tagIds = List.copyOf(tagIds);
		typeIds = List.copyOf(typeIds);
		variants = variants == null ? VariantFilter.NONE : variants;
	}

	public ProductFilter withVariants(VariantFilter variants) {
		return new ProductFilter(salesChannelIds, ids, handle, query, categoryIds, collectionIds, tagIds, typeIds,
				variants);
	}
}
