package dev.loupe.order;

import java.util.Map;

/**
 * An address as frozen on an order (stored encrypted, like the cart's). The {@code id} is given when the order is
 * placed; drafts leave it out.
 */
public record OrderAddress(String firstName, String lastName, String phone, String company, String address1,
		String address2, String city, String countryCode, String province, String postalCode,
		Map<String, Object> metadata, String id) {

	/** An address of a draft, without an id yet. */
	public OrderAddress(String firstName, String lastName, String phone, String company, String address1,
			String address2, String city, String countryCode, String province, String postalCode,
			Map<String, Object> metadata) {
		this(firstName, lastName, phone, company, address1, address2, city, countryCode, province, postalCode, metadata,
				null);
	}

	OrderAddress withId(String newId) {
		return new OrderAddress(firstName, lastName, phone, company, address1, address2, city, countryCode, province,
				postalCode, metadata, newId);
	}
}
