package dev.loupe.market;

/** The store's name and how customers reach it; the support email and phone may be empty. */
public record StoreDetails(String id, String name, String defaultCurrencyCode, String supportEmail,
		String contactPhone) {
}
