package dev.loupe.customer;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Customers and addresses in the shapes of Medusa's {@code StoreCustomer} and {@code StoreCustomerAddress}, shared by
 * the Store API (a customer's own record) and the Admin API (staff reading it).
 */
public final class CustomerDocuments {

	private CustomerDocuments() {
	}

	public static Map<String, Object> customer(Customer c) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("id", c.id());
		m.put("email", c.email());
		m.put("default_billing_address_id", c.defaultBillingAddressId());
		m.put("default_shipping_address_id", c.defaultShippingAddressId());
		m.put("company_name", c.companyName());
		m.put("first_name", c.firstName());
		m.put("last_name", c.lastName());
		m.put("phone", c.phone());
		m.put("has_account", c.hasAccount());
		m.put("metadata", c.metadata());
		m.put("addresses", c.addresses().stream().map(CustomerDocuments::address).toList());
		m.put("created_at", time(c.createdAt()));
		m.put("updated_at", time(c.updatedAt()));
		m.put("deleted_at", null);
		return m;
	}

	public static Map<String, Object> address(Address a) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("id", a.id());
		m.put("address_name", a.addressName());
		m.put("is_default_shipping", a.isDefaultShipping());
		m.put("is_default_billing", a.isDefaultBilling());
		m.put("customer_id", a.customerId());
		m.put("company", a.company());
		m.put("first_name", a.firstName());
		m.put("last_name", a.lastName());
		m.put("address_1", a.address1());
		m.put("address_2", a.address2());
		m.put("city", a.city());
		m.put("country_code", a.countryCode());
		m.put("province", a.province());
		m.put("postal_code", a.postalCode());
		m.put("phone", a.phone());
		m.put("metadata", a.metadata());
		m.put("created_at", time(a.createdAt()));
		m.put("updated_at", time(a.updatedAt()));
		return m;
	}

	private static String time(Instant instant) {
		return instant == null ? null : instant.toString();
	}
}
