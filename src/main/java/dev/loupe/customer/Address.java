package dev.loupe.customer;

import java.time.Instant;
import java.util.Map;

/**
 * An address in a customer's address book, decrypted. At most one address of a customer is the default for shipping,
 * and at most one for billing.
 *
 * @param countryCode ISO 3166-1 alpha-2, lowercase
 */
public record Address(String id, String customerId, String addressName, String company, String firstName,
		String lastName, String address1, String address2, String city, String countryCode, String province,
		String postalCode, String phone, Map<String, Object> metadata, boolean isDefaultShipping,
		boolean isDefaultBilling, Instant createdAt, Instant updatedAt) {
}
