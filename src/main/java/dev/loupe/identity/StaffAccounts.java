package dev.loupe.identity;

import dev.loupe.identity.internal.Passwords;
import dev.loupe.platform.Ids;
import dev.loupe.platform.LoupeException;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff accounts. Passwords are hashed with Argon2id ({@link Passwords}: 19 MiB, 2 iterations, 1 lane, about 32 ms
 * on one core), so a stolen table is slow to attack.
 */
@Service
public class StaffAccounts {

	private final JdbcClient jdbc;

	StaffAccounts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Creates a staff user; emails are unique regardless of case. */
	@Transactional
	public StaffUser create(String email, String password, StaffRole role, String firstName, String lastName) {
		String normalized = Passwords.email(email);
		Passwords.requireStrong(password, normalized);
		if (findByEmail(normalized).isPresent()) {
			throw LoupeException.duplicate("A staff user with this email already exists");
		}
		String id = Ids.next("user");
		jdbc.sql("""
				insert into identity.staff_user (id, email, first_name, last_name, role, password_hash)
				values (?, ?, ?, ?, ?, ?)""")
			.params(id, normalized, firstName, lastName, role.code(), Passwords.hash(password))
			.update();
		return new StaffUser(id, normalized, firstName, lastName, role);
	}

	/** The user whose email and password match, or empty; takes as long for an unknown email as for a known one. */
	public Optional<StaffUser> authenticate(String email, String password) {
		if (email == null || password == null || password.length() > 128) {
			return Optional.empty();
		}
		var row = jdbc.sql("select id, password_hash from identity.staff_user where lower(email) = ? and deleted_at is null")
			.param(email.strip().toLowerCase(Locale.ROOT))
			.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2) })
			.optional();
		boolean matches = Passwords.matches(password, row.map(r -> r[1]).orElse(null));
		return matches ? find(row.get()[0]) : Optional.empty();
	}

	public Optional<StaffUser> find(String id) {
		return jdbc.sql("select * from identity.staff_user where id = ? and deleted_at is null")
			.param(id)
			.query((rs, n) -> new StaffUser(rs.getString("id"), rs.getString("email"), rs.getString("first_name"),
					rs.getString("last_name"), StaffRole.valueOf(rs.getString("role").toUpperCase(Locale.ROOT))))
			.optional();
	}

	public Optional<StaffUser> findByEmail(String email) {
		return jdbc.sql("select id from identity.staff_user where lower(email) = ? and deleted_at is null")
			.param(email.strip().toLowerCase(Locale.ROOT))
			.query(String.class)
			.optional()
			.flatMap(this::find);
	}

	/** Every member of staff, by email. */
	public java.util.List<StaffUser> list() {
		return jdbc.sql("select id from identity.staff_user where deleted_at is null order by email")
			.query(String.class)
			.list()
			.stream()
			.flatMap(id -> find(id).stream())
			.toList();
	}

	/** Changes a member of staff's name or role; the last admin cannot stop being one. */
	@Transactional
	public StaffUser update(String id, String firstName, String lastName, StaffRole role) {
		StaffUser user = find(id).orElseThrow(() -> LoupeException.notFound("User", id));
		if (role != null && role != StaffRole.ADMIN && user.role() == StaffRole.ADMIN && admins() <= 1) {
			throw LoupeException.notAllowed("The last admin cannot change role; make another admin first");
		}
		jdbc.sql("""
				update identity.staff_user set first_name = coalesce(?, first_name), last_name = coalesce(?, last_name),
				  role = coalesce(?, role), updated_at = now() where id = ?""")
			.params(firstName, lastName, role == null ? null : role.code(), id)
			.update();
		return find(id).orElseThrow();
	}

	/** Removes a member of staff; the caller ends their sessions. The last admin cannot be removed. */
	@Transactional
	public void remove(String id) {
		StaffUser user = find(id).orElseThrow(() -> LoupeException.notFound("User", id));
		if (user.role() == StaffRole.ADMIN && admins() <= 1) {
			throw LoupeException.notAllowed("The last admin cannot be removed");
		}
		jdbc.sql("update identity.staff_user set deleted_at = now(), updated_at = now() where id = ?").param(id).update();
	}

	/** When each member of staff last signed in (opened a session), by staff user id. */
	@Transactional(readOnly = true)
	public java.util.Map<String, java.time.Instant> lastSignIns() {
		java.util.Map<String, java.time.Instant> last = new java.util.HashMap<>();
		jdbc.sql("select actor_id, max(created_at) from identity.session where actor_type = 'user' group by actor_id")
			.query((rs, n) -> last.put(rs.getString(1), rs.getTimestamp(2).toInstant()))
			.list();
		return last;
	}

	private int admins() {
		return jdbc.sql("select count(*) from identity.staff_user where role = 'admin' and deleted_at is null")
			.query(Integer.class)
			.single();
	}

	/** When the login of this email is locked until, if it is. */
	Optional<java.time.Instant> lockedUntil(String email, java.time.Instant now) {
		return jdbc.sql("select locked_until from identity.staff_user where lower(email) = ? and deleted_at is null")
			.param(email.strip().toLowerCase(Locale.ROOT))
			.query((rs, n) -> rs.getTimestamp(1) == null ? null : rs.getTimestamp(1).toInstant())
			.optional()
			.filter(until -> until != null && until.isAfter(now));
	}

	/** Counts a failed login; after {@code lockAfter} in a row the login is locked until {@code lockUntil}. */
	@Transactional
	void recordFailure(String email, int lockAfter, java.time.Instant lockUntil) {
		jdbc.sql("""
				update identity.staff_user set
				  locked_until = case when failed_logins + 1 >= ? then ? else locked_until end,
				  failed_logins = case when failed_logins + 1 >= ? then 0 else failed_logins + 1 end
				where lower(email) = ? and deleted_at is null""")
			.params(lockAfter, java.sql.Timestamp.from(lockUntil), lockAfter, email.strip().toLowerCase(Locale.ROOT))
			.update();
	}

	@Transactional
	void clearFailures(String id) {
		jdbc.sql("update identity.staff_user set failed_logins = 0, locked_until = null where id = ? and failed_logins > 0")
			.param(id)
			.update();
	}
}
