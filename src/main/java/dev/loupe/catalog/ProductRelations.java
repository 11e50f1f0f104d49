package dev.loupe.catalog;

import java.util.EnumSet;
import java.util.Set;

/** Which relations of a product to load: only what the response will show. */
public enum ProductRelations {
	TYPE, COLLECTION, OPTIONS, IMAGES, TAGS, VARIANTS, CATEGORIES;

	public static Set<ProductRelations> none() {
		return EnumSet.noneOf(ProductRelations.class);
	}

	public static Set<ProductRelations> all() {
		return EnumSet.allOf(ProductRelations.class);
	}
}
