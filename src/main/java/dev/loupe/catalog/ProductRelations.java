package dev.loupe.catalog;

/** Which relations of a product to load: only what the response will show. */
public enum ProductRelations {
	TYPE, COLLECTION, OPTIONS, IMAGES, TAGS, VARIANTS, CATEGORIES
}
