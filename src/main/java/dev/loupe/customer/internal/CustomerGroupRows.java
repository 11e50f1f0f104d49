package dev.loupe.customer.internal;

import dev.loupe.customer.Customer;
import dev.loupe.customer.CustomerGroup;
import dev.loupe.platform.Json;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of customer groups and their memberships (schema {@code customer}). */
@Repository
public class CustomerGroupRows {

	private static final String GROUP = """
			select g.id, g.name, g.metadata, g.created_at, g.updated_at,
			  (select count(*) from customer.customer_group_member m join customer.customer c on c.id = m.customer_id
			   where m.group_id = g.id and c.deleted_at is null) as members
			from customer.customer_group g""";

	private final JdbcClient jdbc;

	CustomerGroupRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<CustomerGroup> find(String id) {
		return jdbc.sql(GROUP + " where g.id = ?").param(id).query(CustomerGroupRows::group).optional();
	}

	public Optional<String> idNamed(String name) {
		return jdbc.sql("select id from customer.customer_group where lower(name) = lower(?)")
			.param(name)
			.query(String.class)
			.optional();
	}

	public List<CustomerGroup> list(String like, int limit, int offset) {
		return jdbc.sql(GROUP + " where (cast(? as text) is null or g.name ilike ?) order by lower(g.name), g.id limit ? offset ?")
			.params(like, like, limit, offset)
			.query(CustomerGroupRows::group)
			.list();
	}

	public long count(String like) {
		return jdbc.sql("select count(*) from customer.customer_group g where (cast(? as text) is null or g.name ilike ?)")
			.params(like, like)
			.query(Long.class)
			.single();
	}

	public void insert(String id, String name, String metadataJson) {
		jdbc.sql("insert into customer.customer_group (id, name, metadata) values (?, ?, ?::jsonb)")
			.params(id, name, metadataJson)
			.update();
	}

	public void update(String id, String name, String metadataJson, boolean setMetadata) {
		jdbc.sql("""
				update customer.customer_group set name = ?, metadata = case when ? then ?::jsonb else metadata end,
				  updated_at = now() where id = ?""")
			.params(name, setMetadata, metadataJson, id)
			.update();
	}

	public boolean delete(String id) {
		jdbc.sql("delete from customer.customer_group_member where group_id = ?").param(id).update();
		return jdbc.sql("delete from customer.customer_group where id = ?").param(id).update() > 0;
	}

	/** Adds the memberships not there yet; the number added. */
	public int add(String groupId, Collection<String> customerIds) {
		int added = 0;
		for (String customerId : customerIds) {
			added += jdbc.sql("""
					insert into customer.customer_group_member (group_id, customer_id) values (?, ?)
					on conflict do nothing""")
				.params(groupId, customerId)
				.update();
		}
		if (added > 0) {
			touch(groupId);
		}
		return added;
	}

	/** Removes these memberships; the number removed. */
	public int remove(String groupId, Collection<String> customerIds) {
		if (customerIds.isEmpty()) {
			return 0;
		}
		int removed = jdbc.sql("delete from customer.customer_group_member where group_id = ? and customer_id = any(?)")
			.params(groupId, customerIds.toArray(String[]::new))
			.update();
		if (removed > 0) {
			touch(groupId);
		}
		return removed;
	}

	private void touch(String groupId) {
		jdbc.sql("update customer.customer_group set updated_at = now() where id = ?").param(groupId).update();
	}

	/** Of these ids, those of live customers. */
	public List<String> liveCustomers(Collection<String> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("select id from customer.customer where id = any(?) and deleted_at is null")
			.param(ids.toArray(String[]::new))
			.query(String.class)
			.list();
	}

	/** The customer with this email (an account holder before guests with the same email). */
	public Optional<String> customerWithEmail(String email) {
		return jdbc.sql("""
				select id from customer.customer where lower(email) = lower(?) and deleted_at is null
				order by has_account desc, created_at limit 1""")
			.param(email)
			.query(String.class)
			.optional();
	}

	public List<CustomerGroup> ofCustomer(String customerId) {
		return jdbc.sql(GROUP + " join customer.customer_group_member mine on mine.group_id = g.id"
				+ " where mine.customer_id = ? order by lower(g.name), g.id")
			.param(customerId)
			.query(CustomerGroupRows::group)
			.list();
	}

	public List<String> idsOfCustomer(String customerId) {
		return jdbc.sql("select group_id from customer.customer_group_member where customer_id = ? order by group_id")
			.param(customerId)
			.query(String.class)
			.list();
	}

	/** A page of the live members, in the order they joined (newest first). */
	public List<Customer> members(String groupId, String like, int limit, int offset) {
		return jdbc.sql("""
				select c.id, c.email, c.first_name, c.last_name, c.phone, c.company_name, c.has_account, c.metadata,
				  c.created_at, c.updated_at
				from customer.customer_group_member m join customer.customer c on c.id = m.customer_id
				where m.group_id = ? and c.deleted_at is null and (cast(? as text) is null
				  or concat_ws(' ', c.email, c.first_name, c.last_name, c.company_name) ilike ?)
				order by m.created_at desc, c.id limit ? offset ?""")
			.params(groupId, like, like, limit, offset)
			.query((rs, n) -> new Customer(rs.getString("id"), rs.getString("email"), rs.getString("first_name"),
					rs.getString("last_name"), rs.getString("phone"), rs.getString("company_name"),
					rs.getBoolean("has_account"), Json.map(rs.getString("metadata")),
					rs.getObject("created_at", OffsetDateTime.class).toInstant(),
					rs.getObject("updated_at", OffsetDateTime.class).toInstant(), List.of()))
			.list();
	}

	private static CustomerGroup group(ResultSet rs, int row) throws SQLException {
		Map<String, Object> metadata = Json.map(rs.getString("metadata"));
		return new CustomerGroup(rs.getString("id"), rs.getString("name"), metadata, rs.getLong("members"),
				rs.getObject("created_at", OffsetDateTime.class).toInstant(),
				rs.getObject("updated_at", OffsetDateTime.class).toInstant());
	}
}
