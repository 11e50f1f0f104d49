package dev.loupe.identity;

/** An action on a part of the store; roles grant permissions ({@link StaffRole#can}). */
public enum Permission {
	/** Read products, categories, collections, prices and files. */
	CATALOG_READ,
	/** Create, change and delete products, variants, options, categories, collections, types and tags. */
	CATALOG_WRITE,
	/** Change prices and price lists. */
	PRICING_WRITE,
	/** Upload and delete files. */
	FILES_WRITE,
	/** Manage staff, API keys and settings. */
	SETTINGS_WRITE
}
