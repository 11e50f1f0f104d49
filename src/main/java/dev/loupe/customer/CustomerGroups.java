package dev.loupe.customer;

import dev.loupe.customer.internal.CustomerGroupRows;
import dev.loupe.platform.Ids;
import dev.loupe.platform.Input;
import dev.loupe.platform.Json;
import dev.loupe.platform.LoupeException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Customer groups (Medusa's customer groups): named sets of customers that promotions can be limited to. Names are
 * unique whatever their case; deleting a group keeps its customers. Bodies arrive as {@link Input} in the Admin API's
 * field names ({@code name}, {@code metadata}) and are checked here, so the back office and the Admin API refuse the
 * same things with the same messages.
 */
@Service
@Transactional
public class CustomerGroups {

	static final int MAX_NAME = 100;

	static final int MAX_CHANGE = 500;

	private static final Set<String> FIELDS = Set.of("name", "metadata");

	private final CustomerGroupRows rows;

	CustomerGroups(CustomerGroupRows rows) {
		this.rows = rows;
	}

	/** Creates a group; {@code duplicate_error} when another group has the name in any case. */
	public CustomerGroup create(Input body) {
		body.allow(FIELDS);
		String name = name(body);
		String metadata = metadata(body);
		String id = Ids.next("cusgroup");
		refuseTaken(name, null);
		try {
			rows.insert(id, name, metadata);
		}
		catch (DuplicateKeyException raced) {
			throw taken(name);
		}
		return get(id);
	}

	/** Renames a group and/or replaces its metadata (the fields present in the body). */
	public CustomerGroup update(String id, Input body) {
		body.allow(FIELDS);
		CustomerGroup current = get(id);
		String name = body.has("name") ? name(body) : current.name();
		boolean setMetadata = body.has("metadata");
		String metadata = setMetadata ? metadata(body) : null;
		refuseTaken(name, id);
		try {
			rows.update(id, name, metadata, setMetadata);
		}
		catch (DuplicateKeyException raced) {
			throw taken(name);
		}
		return get(id);
	}

	/** Deletes a group and its memberships; the customers stay. */
	public void delete(String id) {
		if (!Ids.hasPrefix(id, "cusgroup") || !rows.delete(id)) {
			throw LoupeException.notFound("Customer group", shown(id));
		}
	}

	/** A group with its member count. */
	@Transactional(readOnly = true)
	public Optional<CustomerGroup> find(String id) {
		return Ids.hasPrefix(id, "cusgroup") ? rows.find(id) : Optional.empty();
	}

	/** A group; {@code not_found} when there is none with this id. */
	@Transactional(readOnly = true)
	public CustomerGroup get(String id) {
		return find(id).orElseThrow(() -> LoupeException.notFound("Customer group", shown(id)));
	}

	/** A page of groups by name; {@code q} matches the name, case-insensitive. */
	@Transactional(readOnly = true)
	public List<CustomerGroup> list(String q, int limit, int offset) {
		return rows.list(like(q), limit, offset);
	}

	@Transactional(readOnly = true)
	public long count(String q) {
		return rows.count(like(q));
	}

	/**
	 * Adds and removes members in one step; every id must be a live customer ({@code invalid_data} naming the first
	 * one that is not), so a typo changes nothing.
	 */
	public CustomerGroup changeMembers(String groupId, List<String> add, List<String> remove) {
		get(groupId);
		Set<String> adding = new LinkedHashSet<>(add == null ? List.of() : add);
		Set<String> removing = new LinkedHashSet<>(remove == null ? List.of() : remove);
		if (adding.size() + removing.size() > MAX_CHANGE) {
			throw LoupeException.invalidData("Add or remove at most " + MAX_CHANGE + " customers at a time");
		}
		List<String> live = rows.liveCustomers(adding);
		for (String id : adding) {
			if (!live.contains(id)) {
				throw LoupeException.invalidData("Customer with id: " + shown(id) + " was not found");
			}
		}
		rows.add(groupId, adding);
		rows.remove(groupId, new ArrayList<>(removing));
		return get(groupId);
	}

	/** Adds the customer with this email; {@code invalid_data} when no customer has it. Returns the customer's id. */
	public String addByEmail(String groupId, String email) {
		String typed = email == null ? "" : email.strip();
		if (typed.isEmpty()) {
			throw LoupeException.invalidData("Enter the email of a customer");
		}
		String customerId = rows.customerWithEmail(typed.toLowerCase(Locale.ROOT))
			.orElseThrow(() -> LoupeException.invalidData("No customer has the email " + shown(typed)));
		changeMembers(groupId, List.of(customerId), List.of());
		return customerId;
	}

	/** A page of a group's live members, the latest to join first (address books not loaded). */
	@Transactional(readOnly = true)
	public List<Customer> members(String groupId, int limit, int offset) {
		return members(groupId, null, limit, offset);
	}

	/** As {@link #members(String, int, int)}, matching {@code q} against email, names and company. */
	@Transactional(readOnly = true)
	public List<Customer> members(String groupId, String q, int limit, int offset) {
		get(groupId);
		return rows.members(groupId, like(q), limit, offset);
	}

	/** The groups a customer belongs to, by name. */
	@Transactional(readOnly = true)
	public List<CustomerGroup> ofCustomer(String customerId) {
		return customerId == null ? List.of() : rows.ofCustomer(customerId);
	}

	/** The ids of the groups a customer belongs to (none for a guest: {@code null}), for promotion rules. */
	@Transactional(readOnly = true)
	public List<String> groupIdsOf(String customerId) {
		return customerId == null ? List.of() : rows.idsOfCustomer(customerId);
	}

	/** The group in the shape of Medusa's {@code AdminCustomerGroup}. */
	public static Map<String, Object> document(CustomerGroup g) {
		Map<String, Object> m = new java.util.LinkedHashMap<>();
		m.put("id", g.id());
		m.put("name", g.name());
		m.put("metadata", g.metadata());
		m.put("created_at", g.createdAt().toString());
		m.put("updated_at", g.updatedAt().toString());
		return m;
	}

	private void refuseTaken(String name, String exceptId) {
		rows.idNamed(name).filter(other -> !other.equals(exceptId)).ifPresent(other -> {
			throw taken(name);
		});
	}

	private static LoupeException taken(String name) {
		return LoupeException.duplicate("Customer group with name: " + name + ", already exists.");
	}

	private static String name(Input body) {
		String name = body.requiredText("name", MAX_NAME);
		if (name.isBlank()) {
			throw body.invalid("name", "must not be empty");
		}
		return name.strip();
	}

	private static String metadata(Input body) {
		Map<String, Object> metadata = body.metadata("metadata");
		String json = metadata == null || metadata.isEmpty() ? null : Json.write(metadata);
		if (json != null && json.length() > 10_000) {
			throw body.invalid("metadata", "must be at most 10000 characters as JSON");
		}
		return json;
	}

	private static String like(String q) {
		return q == null || q.isBlank() ? null
				: "%" + q.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
	}

	private static String shown(String id) {
		String s = id == null ? "" : id.length() > 80 ? id.substring(0, 80) + "…" : id;
		return s.replaceAll("[\\x00-\\x1f\\x7f\"\\\\<>]", "?");
	}
}
