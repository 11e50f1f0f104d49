package dev.loupe.cart;

import java.time.Instant;
import java.util.Map;

/** A shipping or billing address of a cart (stored encrypted with the cart). */
public record CartAddress(String id, String firstName, String lastName, String phone, String company,
		String address1, String address2, String city, String countryCode, String province, String postalCode,
		Map<String, Object> metadata, Instant createdAt, Instant updatedAt) {
}
