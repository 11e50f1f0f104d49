package dev.loupe.identity;

/** An action on a part of the store; roles grant permissions ({@link StaffRole#can}). */
public enum Permission {
	/** Read products, categories, collections, prices and files. */
	CATALOG_READ,
	/** Create, change and delete products, variants, options, categories, collections, types and tags. */
	CATALOG_WRITE,
	/** Change prices and price lists. */
	PRICING_WRITE,
	/** Create, change and delete promotions and their codes. */
	PROMOTIONS_WRITE,
	/** Upload and delete files. */
	FILES_WRITE,
	/** Read customers and their address books (every read is audited). */
	CUSTOMERS_READ,
	/** Read orders with their customers' contact details and addresses (every read is audited). */
	ORDERS_READ,
	/** Capture, refund and cancel orders and add staff notes to them. */
	ORDERS_WRITE,
	/** Read the store's sales figures (no personal data). */
	REPORTS_READ,
	/** Fulfil orders: create fulfilments, buy labels, record shipments and deliveries. */
	ORDERS_FULFILL,
	/** Manage staff, API keys and settings. */
	SETTINGS_WRITE;

	/** The name in APIs and scopes: {@code catalog:read}. */
	public String code() {
		return name().toLowerCase(java.util.Locale.ROOT).replace('_', ':');
	}

	/** The permission of a code, or empty. */
	public static java.util.Optional<Permission> ofCode(String code) {
		for (Permission p : values()) {
			if (p.code().equals(code)) {
				return java.util.Optional.of(p);
			}
		}
		return java.util.Optional.empty();
	}
}
