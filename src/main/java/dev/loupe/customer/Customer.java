package dev.loupe.customer;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A customer with their addresses: an account holder ({@code hasAccount}) or a guest known only by the email of a
 * checkout. The email is stored lowercased, so that one person has one account whatever the case they type.
 */
public record Customer(String id, String email, String firstName, String lastName, String phone, String companyName,
		boolean hasAccount, Map<String, Object> metadata, Instant createdAt, Instant updatedAt, List<Address> addresses) {

	public Customer {
		addresses = List.copyOf(addresses);
	}

	/** The id of the default shipping address, or null when there is none. */
	public String defaultShippingAddressId() {
		return addresses.stream().filter(Address::isDefaultShipping).map(Address::id).findFirst().orElse(null);
	}

	/** The id of the default billing address, or null when there is none. */
	public String defaultBillingAddressId() {
		return addresses.stream().filter(Address::isDefaultBilling).map(Address::id).findFirst().orElse(null);
	}
}
