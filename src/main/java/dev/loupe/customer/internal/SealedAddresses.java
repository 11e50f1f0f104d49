package dev.loupe.customer.internal;

import dev.loupe.customer.Address;
import dev.loupe.platform.FieldCipher;
import dev.loupe.platform.Json;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The rows of {@code customer.address}: the personal fields are sealed together as one JSON document with
 * {@link FieldCipher}, bound to the address id, so that the database (and its backups) hold no readable address and a
 * sealed value copied to another row does not open. The default flags stay in plain columns, where unique indexes
 * keep one default of each kind per customer.
 */
@Repository
public class SealedAddresses {

	/** The sealed fields, in the Store API's names. */
	public static final List<String> FIELDS = List.of("address_name", "company", "first_name", "last_name", "address_1",
			"address_2", "city", "country_code", "province", "postal_code", "phone", "metadata");

	private final JdbcClient jdbc;
	private final FieldCipher cipher;

	SealedAddresses(JdbcClient jdbc, FieldCipher cipher) {
		this.jdbc = jdbc;
		this.cipher = cipher;
	}

	/** The live addresses of a customer, oldest first. */
	public List<Address> of(String customerId) {
		return jdbc.sql("""
				select id, customer_id, sealed, is_default_shipping, is_default_billing, created_at, updated_at
				from customer.address where customer_id = ? and deleted_at is null order by created_at, id""")
			.param(customerId)
			.query(this::address)
			.list();
	}

	/** A live address of this customer; empty when it does not exist or belongs to someone else. */
	public Optional<Address> find(String customerId, String addressId) {
		return jdbc.sql("""
				select id, customer_id, sealed, is_default_shipping, is_default_billing, created_at, updated_at
				from customer.address where id = ? and customer_id = ? and deleted_at is null""")
			.params(addressId, customerId)
			.query(this::address)
			.optional();
	}

	public int count(String customerId) {
		return jdbc.sql("select count(*) from customer.address where customer_id = ? and deleted_at is null")
			.param(customerId)
			.query(Integer.class)
			.single();
	}

	public void insert(String id, String customerId, Map<String, Object> fields, boolean defaultShipping,
			boolean defaultBilling) {
		jdbc.sql("""
				insert into customer.address (id, customer_id, sealed, is_default_shipping, is_default_billing)
				values (?, ?, ?, ?, ?)""")
			.params(id, customerId, seal(id, fields), defaultShipping, defaultBilling)
			.update();
	}

	public void update(String id, Map<String, Object> fields, boolean defaultShipping, boolean defaultBilling) {
		jdbc.sql("""
				update customer.address set sealed = ?, is_default_shipping = ?, is_default_billing = ?, updated_at = now()
				where id = ?""")
			.params(seal(id, fields), defaultShipping, defaultBilling, id)
			.update();
	}

	/** Takes the default flags given to {@code keptId} away from the customer's other addresses. */
	public void clearDefaults(String customerId, String keptId, boolean shipping, boolean billing) {
		if (shipping) {
			jdbc.sql("""
					update customer.address set is_default_shipping = false, updated_at = now()
					where customer_id = ? and id <> ? and is_default_shipping and deleted_at is null""")
				.params(customerId, keptId)
				.update();
		}
		if (billing) {
			jdbc.sql("""
					update customer.address set is_default_billing = false, updated_at = now()
					where customer_id = ? and id <> ? and is_default_billing and deleted_at is null""")
				.params(customerId, keptId)
				.update();
		}
	}

	/**
	 * Deletes an address. The row stays (with {@code deleted_at}) for anything that refers to it, but its personal
	 * data does not: the sealed document is replaced by an empty one.
	 */
	public void delete(String id) {
		jdbc.sql("""
				update customer.address set sealed = ?, is_default_shipping = false, is_default_billing = false,
				  deleted_at = now(), updated_at = now()
				where id = ?""")
			.params(cipher.encrypt("{}", id), id)
			.update();
	}

	/** The sealed fields of an address, by their Store API names (nulls included). */
	public static Map<String, Object> fields(Address a) {
		Map<String, Object> f = new LinkedHashMap<>();
		f.put("address_name", a.addressName());
		f.put("company", a.company());
		f.put("first_name", a.firstName());
		f.put("last_name", a.lastName());
		f.put("address_1", a.address1());
		f.put("address_2", a.address2());
		f.put("city", a.city());
		f.put("country_code", a.countryCode());
		f.put("province", a.province());
		f.put("postal_code", a.postalCode());
		f.put("phone", a.phone());
		f.put("metadata", a.metadata());
		return f;
	}

	private String seal(String id, Map<String, Object> fields) {
		Map<String, Object> document = new LinkedHashMap<>();
		for (String name : FIELDS) {
			document.put(name, fields.get(name));
		}
		return cipher.encrypt(Json.write(document), id);
	}

	@SuppressWarnings("unchecked")
	private Address address(ResultSet rs, int row) throws SQLException {
		String id = rs.getString("id");
		Map<String, Object> f = Json.map(cipher.decrypt(rs.getString("sealed"), id));
		return new Address(id, rs.getString("customer_id"), text(f, "address_name"), text(f, "company"),
				text(f, "first_name"), text(f, "last_name"), text(f, "address_1"), text(f, "address_2"), text(f, "city"),
				text(f, "country_code"), text(f, "province"), text(f, "postal_code"), text(f, "phone"),
				(Map<String, Object>) f.get("metadata"), rs.getBoolean("is_default_shipping"),
				rs.getBoolean("is_default_billing"), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
				rs.getObject("updated_at", OffsetDateTime.class).toInstant());
	}

	private static String text(Map<String, Object> fields, String name) {
		return (String) fields.get(name);
	}
}
