package dev.loupe.identity;

import dev.loupe.identity.internal.LoginThrottle;
import dev.loupe.identity.internal.Passwords;
import dev.loupe.platform.Ids;
import dev.loupe.platform.LoupeException;
import dev.loupe.platform.TooManyRequestsException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Email and password logins (Medusa's {@code emailpass} provider) for customers: registration, login with failure
 * limits and a lockout, the link from a login to the customer it belongs to, and password changes. Logins answer the
 * same "Invalid email or password" whether the email is unknown or the password wrong, after the same hashing work.
 */
@Service
public class Logins {

	/** Consecutive failures that lock an account, and for how long. */
	static final int LOCK_AFTER = 10;
	static final Duration LOCK_FOR = Duration.ofMinutes(15);
	private static final String INVALID = "Invalid email or password";

	private final JdbcClient jdbc;
	private final LoginThrottle throttle;
	private final Clock clock;

	Logins(JdbcClient jdbc, LoginThrottle throttle, Clock clock) {
		this.jdbc = jdbc;
		this.throttle = throttle;
		this.clock = clock;
	}

	private record Identity(String id, String email, String passwordHash, String actorId, int failedLogins,
			Instant lockedUntil) {
	}

	/**
	 * Registers a customer login and answers a registration principal (no customer yet). An email that already
	 * belongs to a customer account is a duplicate; a registration that was never completed can be taken over with
	 * the same password only.
	 */
	@Transactional
	public Principal register(String email, String password, String address) {
		String normalized = Passwords.email(email);
		Passwords.requireStrong(password, normalized);
		throttle.check(address, normalized);
		String hash = Passwords.hash(password);
		Optional<Identity> existing = find(normalized);
		if (existing.isPresent()) {
			Identity identity = existing.get();
			if (identity.actorId() == null && Passwords.matches(password, identity.passwordHash())) {
				return new Principal(Principal.ActorType.CUSTOMER, "", identity.id(), normalized);
			}
			throttle.failed(address, normalized);
			throw LoupeException.duplicate("Identity with email already exists");
		}
		String id = Ids.next("authid");
		jdbc.sql("insert into identity.auth_identity (id, actor_type, email, password_hash) values (?, 'customer', ?, ?)")
			.params(id, normalized, hash)
			.update();
		return new Principal(Principal.ActorType.CUSTOMER, "", id, normalized);
	}

	/** The principal of a correct email and password; 401 otherwise, 429 when over the failure limits or locked. */
	@Transactional(noRollbackFor = LoupeException.class)
	public Principal login(String email, String password, String address) {
		String normalized = email == null ? "" : email.strip().toLowerCase(java.util.Locale.ROOT);
		if (normalized.length() > 254 || password == null || password.length() > Passwords.MAX_LENGTH) {
			throw LoupeException.unauthorized(INVALID);
		}
		throttle.check(address, normalized);
		Optional<Identity> found = find(normalized);
		Instant now = clock.instant();
		if (found.isPresent() && found.get().lockedUntil() != null && found.get().lockedUntil().isAfter(now)) {
			Passwords.matches(password, null);
			throw new TooManyRequestsException("Too many failed logins; try again later",
					Duration.between(now, found.get().lockedUntil()).toSeconds());
		}
		boolean matches = Passwords.matches(password, found.map(Identity::passwordHash).orElse(null));
		if (!matches) {
			throttle.failed(address, normalized);
			found.ifPresent(this::recordFailure);
			throw LoupeException.unauthorized(INVALID);
		}
		Identity identity = found.get();
		throttle.succeeded(normalized);
		if (identity.failedLogins() > 0) {
			jdbc.sql("update identity.auth_identity set failed_logins = 0, locked_until = null where id = ?")
				.param(identity.id())
				.update();
		}
		return new Principal(Principal.ActorType.CUSTOMER, identity.actorId() == null ? "" : identity.actorId(),
				identity.id(), identity.email());
	}

	/** Links a login to the customer created with its registration token; a login is linked once. */
	@Transactional
	public void link(String authIdentityId, String customerId) {
		int updated = jdbc.sql("""
				update identity.auth_identity set actor_id = ?, updated_at = now()
				where id = ? and (actor_id is null or actor_id = ?)""")
			.params(customerId, authIdentityId, customerId)
			.update();
		if (updated == 0) {
			throw LoupeException.notAllowed("This registration was already used to create an account");
		}
	}

	/** The current principal of a login (after a link, the customer it now belongs to). */
	@Transactional(readOnly = true)
	public Optional<Principal> principal(String authIdentityId) {
		return jdbc.sql("select id, email, actor_id from identity.auth_identity where id = ?")
			.param(authIdentityId)
			.query((rs, n) -> new Principal(Principal.ActorType.CUSTOMER,
					rs.getString("actor_id") == null ? "" : rs.getString("actor_id"), rs.getString("id"), rs.getString("email")))
			.optional();
	}

	/** Sets a new password (after a reset); clears failures and the lock. */
	@Transactional
	public void changePassword(String authIdentityId, String password) {
		String email = jdbc.sql("select email from identity.auth_identity where id = ?").param(authIdentityId)
			.query(String.class).optional().orElseThrow(() -> LoupeException.notFound("Login", authIdentityId));
		Passwords.requireStrong(password, email);
		jdbc.sql("""
				update identity.auth_identity set password_hash = ?, failed_logins = 0, locked_until = null,
				  password_changed_at = ?, updated_at = now() where id = ?""")
			.params(Passwords.hash(password), Timestamp.from(clock.instant()), authIdentityId)
			.update();
	}

	/** The login of a customer email, if any. */
	@Transactional(readOnly = true)
	public Optional<String> identityOf(String email) {
		return find(email == null ? "" : email.strip().toLowerCase(java.util.Locale.ROOT)).map(Identity::id);
	}

	private void recordFailure(Identity identity) {
		int failures = identity.failedLogins() + 1;
		Instant lockedUntil = failures >= LOCK_AFTER ? clock.instant().plus(LOCK_FOR) : null;
		jdbc.sql("update identity.auth_identity set failed_logins = ?, locked_until = ?, updated_at = now() where id = ?")
			.params(failures >= LOCK_AFTER ? 0 : failures, lockedUntil == null ? null : Timestamp.from(lockedUntil),
					identity.id())
			.update();
	}

	private Optional<Identity> find(String email) {
		return jdbc.sql("""
				select id, email, password_hash, actor_id, failed_logins, locked_until from identity.auth_identity
				where actor_type = 'customer' and email = ?""")
			.param(email)
			.query((rs, n) -> new Identity(rs.getString("id"), rs.getString("email"), rs.getString("password_hash"),
					rs.getString("actor_id"), rs.getInt("failed_logins"),
					rs.getTimestamp("locked_until") == null ? null : rs.getTimestamp("locked_until").toInstant()))
			.optional();
	}
}
