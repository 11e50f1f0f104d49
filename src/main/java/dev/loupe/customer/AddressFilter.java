package dev.loupe.customer;

import java.util.List;

/**
 * Which addresses of a customer to list, as Medusa's Store API filters them: {@code q} searches the names, company,
 * street, city, postal code and phone (case-insensitive); the lists match exactly (country codes in any case).
 * Addresses are encrypted, so the filter runs on the decrypted address book, which is small.
 *
 * @param order {@code created_at} or {@code updated_at}, with a leading {@code -} for descending; null for oldest first
 */
public record AddressFilter(String q, List<String> cities, List<String> countryCodes, List<String> postalCodes,
		String order) {

	public static final AddressFilter NONE = new AddressFilter(null, List.of(), List.of(), List.of(), null);

	public AddressFilter {
		cities = List.copyOf(cities);
		countryCodes = List.copyOf(countryCodes);
		postalCodes = List.copyOf(postalCodes);
	}
}
