package dev.loupe.customer;

import dev.loupe.customer.internal.SealedAddresses;
import dev.loupe.platform.Ids;
import dev.loupe.platform.Input;
import dev.loupe.platform.Json;
import dev.loupe.platform.LoupeException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Customers and their address books, for the Store API now and the back office later: bodies arrive as
 * {@link Input} in the Store API's field names and are checked here, so every caller refuses the same things with the
 * same messages. Addresses are reached only through their customer, so that one customer can never read or change
 * another's (an address of someone else is "not found", exactly like one that does not exist). Writes to one
 * customer's address book are serialised by locking the customer row, so two defaults cannot race.
 */
@Service
@Transactional
public class Customers {

	/** A customer keeps at most this many addresses (the address book is decrypted whole to be filtered). */
	public static final int MAX_ADDRESSES = 100;

	private static final Set<String> PROFILE_FIELDS = Set.of("first_name", "last_name", "phone", "company_name",
			"metadata");
	private static final Set<String> ADDRESS_FIELDS = Set.of("address_name", "company", "first_name", "last_name",
			"address_1", "address_2", "city", "country_code", "province", "postal_code", "phone", "metadata",
			"is_default_shipping", "is_default_billing");
	private static final int MAX_TEXT = 200;
	private static final int MAX_METADATA = 10_000;
	private static final Pattern COUNTRY = Pattern.compile("[A-Za-z]{2}");
	private static final Pattern EMAIL_LOCAL = Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
	private static final Pattern DOMAIN_LABEL = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");

	private final JdbcClient jdbc;
	private final SealedAddresses addressBook;
	private final ApplicationEventPublisher events;

	Customers(JdbcClient jdbc, SealedAddresses addressBook, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.addressBook = addressBook;
		this.events = events;
	}

	// ---------------------------------------------------------------- profile

	/**
	 * Creates the account of a registration: the body's email must be the one the auth identity registered with
	 * ({@code verifiedEmail}, compared case-insensitively); an email that already has an account is a
	 * {@code duplicate_error}; a guest with this email (from earlier checkouts) becomes the account holder instead of
	 * a second customer. Publishes {@link CustomerRegistered} in the same transaction.
	 */
	public Customer register(String authIdentityId, String verifiedEmail, Input body) {
		if (authIdentityId == null || authIdentityId.isBlank()) {
			throw new IllegalArgumentException("A registration needs its auth identity");
		}
		body.allow(union(PROFILE_FIELDS, Set.of("email")));
		String email = email(body);
		if (verifiedEmail == null || !email.equals(verifiedEmail.strip().toLowerCase(Locale.ROOT))) {
			throw body.invalid("email", "must be the email the registration token was issued for");
		}
		Map<String, Object> profile = profile(body);
		List<SameEmail> sameEmail = jdbc.sql("""
				select id, has_account from customer.customer where lower(email) = ? and deleted_at is null
				order by created_at, id for update""")
			.param(email)
			.query((rs, n) -> new SameEmail(rs.getString("id"), rs.getBoolean("has_account")))
			.list();
		if (sameEmail.stream().anyMatch(SameEmail::hasAccount)) {
			throw duplicate(email);
		}
		String id;
		try {
			if (sameEmail.isEmpty()) {
				id = Ids.next("cus");
				jdbc.sql("insert into customer.customer (id, email, has_account) values (?, ?, true)")
					.params(id, email)
					.update();
			}
			else {
				id = sameEmail.getFirst().id();
				jdbc.sql("update customer.customer set email = ?, has_account = true, updated_at = now() where id = ?")
					.params(email, id)
					.update();
			}
		}
		catch (DuplicateKeyException raced) {
			throw duplicate(email);
		}
		setProfile(id, profile);
		events.publishEvent(new CustomerRegistered(id, authIdentityId, email));
		return find(id).orElseThrow();
	}

	private record SameEmail(String id, boolean hasAccount) {
	}

	/**
	 * A page of customers for staff, newest first; {@code q} matches the email, names and company, case-insensitive.
	 * Address books are not loaded in lists (empty).
	 */
	@Transactional(readOnly = true)
	public List<Customer> list(String q, int limit, int offset) {
		return jdbc.sql("""
				select id, email, first_name, last_name, phone, company_name, has_account, metadata, created_at, updated_at
				from customer.customer where deleted_at is null and (cast(? as text) is null
				  or concat_ws(' ', email, first_name, last_name, company_name) ilike ?)
				order by created_at desc, id desc limit ? offset ?""")
			.params(q, like(q), limit, offset)
			.query(Customers::customer)
			.list();
	}

	@Transactional(readOnly = true)
	public long count(String q) {
		return jdbc.sql("""
				select count(*) from customer.customer where deleted_at is null and (cast(? as text) is null
				  or concat_ws(' ', email, first_name, last_name, company_name) ilike ?)""")
			.params(q, like(q))
			.query(Long.class)
			.single();
	}

	private static String like(String q) {
		return q == null ? null : "%" + q.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
	}

	/** A live customer with their addresses. */
	@Transactional(readOnly = true)
	public Optional<Customer> find(String customerId) {
		if (!Ids.hasPrefix(customerId, "cus")) {
			return Optional.empty();
		}
		return jdbc.sql("""
				select id, email, first_name, last_name, phone, company_name, has_account, metadata, created_at, updated_at
				from customer.customer where id = ? and deleted_at is null""")
			.param(customerId)
			.query(Customers::customer)
			.optional()
			.map(c -> new Customer(c.id(), c.email(), c.firstName(), c.lastName(), c.phone(), c.companyName(),
					c.hasAccount(), c.metadata(), c.createdAt(), c.updatedAt(), addressBook.of(c.id())));
	}

	/**
	 * Updates the profile fields present in the body ({@code first_name}, {@code last_name}, {@code phone},
	 * {@code company_name}, {@code metadata}); {@code null} clears a field. The email is not changed here: it is the
	 * login, which the identity module owns.
	 */
	public Customer update(String customerId, Input body) {
		if (body.has("email")) {
			throw body.invalid("email", "cannot be changed here");
		}
		body.allow(PROFILE_FIELDS);
		Map<String, Object> profile = profile(body);
		lock(customerId);
		setProfile(customerId, profile);
		return find(customerId).orElseThrow();
	}

	// ---------------------------------------------------------------- addresses

	/** A page of the customer's addresses matching the filter, oldest first unless the filter orders otherwise. */
	@Transactional(readOnly = true)
	public AddressPage addresses(String customerId, AddressFilter filter, int limit, int offset) {
		require(customerId);
		Comparator<Address> order = switch (filter.order() == null ? "created_at" : filter.order()) {
			case "created_at" -> Comparator.comparing(Address::createdAt);
			case "-created_at" -> Comparator.comparing(Address::createdAt).reversed();
			case "updated_at" -> Comparator.comparing(Address::updatedAt);
			case "-updated_at" -> Comparator.comparing(Address::updatedAt).reversed();
			default -> throw LoupeException.invalidData("Invalid request: 'order' must be created_at or updated_at, with a "
					+ "leading - for descending");
		};
		List<Address> matching = addressBook.of(customerId).stream().filter(matches(filter)).sorted(order).toList();
		return new AddressPage(matching.stream().skip(offset).limit(limit).toList(), matching.size());
	}

	/** An address of this customer; {@code not_found} when it does not exist or is someone else's. */
	@Transactional(readOnly = true)
	public Address address(String customerId, String addressId) {
		return (Ids.hasPrefix(addressId, "cuaddr") ? addressBook.find(customerId, addressId) : Optional.<Address>empty())
			.orElseThrow(() -> LoupeException.notFound("Address", shown(addressId)));
	}

	/** Adds an address; marking it the default for shipping or billing takes that mark from the others. */
	public Address addAddress(String customerId, Input body) {
		body.allow(ADDRESS_FIELDS);
		Map<String, Object> fields = new LinkedHashMap<>();
		SealedAddresses.FIELDS.forEach(name -> fields.put(name, null));
		fields.putAll(addressChanges(body));
		boolean shipping = flag(body, "is_default_shipping", false);
		boolean billing = flag(body, "is_default_billing", false);
		lock(customerId);
		if (addressBook.count(customerId) >= MAX_ADDRESSES) {
			throw LoupeException.notAllowed("A customer can keep at most " + MAX_ADDRESSES + " addresses; delete one first");
		}
		String id = Ids.next("cuaddr");
		addressBook.clearDefaults(customerId, id, shipping, billing);
		addressBook.insert(id, customerId, fields, shipping, billing);
		return address(customerId, id);
	}

	/** Changes the fields present in the body; {@code null} clears a field. */
	public Address updateAddress(String customerId, String addressId, Input body) {
		body.allow(ADDRESS_FIELDS);
		Map<String, Object> changes = addressChanges(body);
		lock(customerId);
		Address current = address(customerId, addressId);
		Map<String, Object> fields = SealedAddresses.fields(current);
		fields.putAll(changes);
		boolean shipping = flag(body, "is_default_shipping", current.isDefaultShipping());
		boolean billing = flag(body, "is_default_billing", current.isDefaultBilling());
		addressBook.clearDefaults(customerId, addressId, shipping, billing);
		addressBook.update(addressId, fields, shipping, billing);
		return address(customerId, addressId);
	}

	/** Deletes an address of this customer; {@code not_found} when it does not exist or is someone else's. */
	public void deleteAddress(String customerId, String addressId) {
		lock(customerId);
		addressBook.delete(address(customerId, addressId).id());
	}

	// ---------------------------------------------------------------- checks

	private static String email(Input body) {
		String email = body.requiredText("email", 254).toLowerCase(Locale.ROOT);
		int at = email.lastIndexOf('@');
		boolean valid = at > 0 && at <= 64 && EMAIL_LOCAL.matcher(email.substring(0, at)).matches();
		String[] labels = at > 0 ? email.substring(at + 1).split("\\.", -1) : new String[0];
		// The top-level domain is not all digits ("name@10.0.0.1" is not an address a shop can write to).
		valid &= labels.length >= 2 && labels[labels.length - 1].length() >= 2
				&& labels[labels.length - 1].chars().anyMatch(Character::isLetter);
		for (String label : labels) {
			valid &= DOMAIN_LABEL.matcher(label).matches();
		}
		if (!valid) {
			throw body.invalid("email", "must be an email address such as name@example.com");
		}
		return email;
	}

	/** The profile fields present in the body, by column name. */
	private static Map<String, Object> profile(Input body) {
		Map<String, Object> set = new LinkedHashMap<>();
		for (String name : List.of("first_name", "last_name", "phone", "company_name")) {
			if (body.has(name)) {
				set.put(name, body.text(name, MAX_TEXT));
			}
		}
		if (body.has("metadata")) {
			set.put("metadata", metadata(body));
		}
		return set;
	}

	private void setProfile(String customerId, Map<String, Object> profile) {
		if (profile.isEmpty()) {
			return;
		}
		// Column names come from PROFILE_FIELDS, never from the request.
		StringBuilder sql = new StringBuilder("update customer.customer set updated_at = now()");
		List<Object> args = new ArrayList<>();
		profile.forEach((column, value) -> {
			sql.append(", ").append(column).append(column.equals("metadata") ? " = ?::jsonb" : " = ?");
			@SuppressWarnings("unchecked")
			Object arg = column.equals("metadata") ? Json.write((Map<String, Object>) value) : value;
			args.add(arg);
		});
		args.add(customerId);
		jdbc.sql(sql + " where id = ?").params(args).update();
	}

	/** The address fields present in the body, checked; country codes are stored lowercase. */
	private static Map<String, Object> addressChanges(Input body) {
		Map<String, Object> changes = new LinkedHashMap<>();
		for (String name : SealedAddresses.FIELDS) {
			if (!body.has(name)) {
				continue;
			}
			if (name.equals("metadata")) {
				changes.put(name, metadata(body));
				continue;
			}
			String value = body.text(name, MAX_TEXT);
			if (name.equals("country_code") && value != null) {
				if (!COUNTRY.matcher(value).matches()) {
					throw body.invalid(name, "must be a two-letter ISO 3166-1 country code such as us");
				}
				value = value.toLowerCase(Locale.ROOT);
			}
			changes.put(name, value);
		}
		return changes;
	}

	private static boolean flag(Input body, String name, boolean otherwise) {
		if (!body.has(name)) {
			return otherwise;
		}
		Boolean value = body.bool(name);
		if (value == null) {
			throw body.invalid(name, "must be true or false");
		}
		return value;
	}

	private static Map<String, Object> metadata(Input body) {
		Map<String, Object> metadata = body.metadata("metadata");
		String json = Json.write(metadata);
		if (json != null && json.length() > MAX_METADATA) {
			throw body.invalid("metadata", "must be at most " + MAX_METADATA + " characters as JSON");
		}
		return metadata == null || metadata.isEmpty() ? null : metadata;
	}

	private static Predicate<Address> matches(AddressFilter filter) {
		String q = filter.q() == null ? null : filter.q().toLowerCase(Locale.ROOT);
		Set<String> countries = new HashSet<>(filter.countryCodes().stream().map(c -> c.toLowerCase(Locale.ROOT)).toList());
		return a -> (q == null || Stream.of(a.addressName(), a.company(), a.firstName(), a.lastName(), a.address1(),
				a.address2(), a.city(), a.postalCode(), a.phone())
			.anyMatch(v -> v != null && v.toLowerCase(Locale.ROOT).contains(q)))
				&& (filter.cities().isEmpty() || filter.cities().contains(a.city()))
				&& (countries.isEmpty() || countries.contains(a.countryCode()))
				&& (filter.postalCodes().isEmpty() || filter.postalCodes().contains(a.postalCode()));
	}

	/** Locks the customer row for the rest of the transaction; {@code not_found} when there is no such customer. */
	private void lock(String customerId) {
		if (jdbc.sql("select id from customer.customer where id = ? and deleted_at is null for update")
			.param(customerId)
			.query(String.class)
			.optional()
			.isEmpty()) {
			throw LoupeException.notFound("Customer", shown(customerId));
		}
	}

	private void require(String customerId) {
		if (jdbc.sql("select count(*) from customer.customer where id = ? and deleted_at is null")
			.param(customerId)
			.query(Integer.class)
			.single() == 0) {
			throw LoupeException.notFound("Customer", shown(customerId));
		}
	}

	/** A customer row, without the addresses (loaded once the result set is closed). */
	private static Customer customer(ResultSet rs, int row) throws SQLException {
		return new Customer(rs.getString("id"), rs.getString("email"), rs.getString("first_name"), rs.getString("last_name"),
				rs.getString("phone"), rs.getString("company_name"), rs.getBoolean("has_account"),
				Json.map(rs.getString("metadata")), instant(rs, "created_at"), instant(rs, "updated_at"), List.of());
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, OffsetDateTime.class).toInstant();
	}

	private static LoupeException duplicate(String email) {
		return LoupeException.duplicate("Customer with email: " + email + ", already exists.");
	}

	/** An id as it may be echoed in a message: without control or markup characters, and short. */
	private static String shown(String id) {
		String s = id == null ? "" : id.length() > 80 ? id.substring(0, 80) + "…" : id;
		return s.replaceAll("[\\x00-\\x1f\\x7f\"\\\\<>]", "?");
	}

	private static Set<String> union(Set<String> a, Set<String> b) {
		Set<String> all = new HashSet<>(a);
		all.addAll(b);
		return all;
	}
}
