package dev.loupe.identity;

import dev.loupe.platform.Ids;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Server-side sessions: a random token (shown once, stored as a SHA-256 digest) for a browser cookie or behind a
 * staff access token. Revoking a session ends it at once, which a signed token alone cannot do.
 */
@Service
public class Sessions {

	private static final SecureRandom RANDOM = new SecureRandom();
	private static final Duration TOUCH_RESOLUTION = Duration.ofMinutes(1);

	private final JdbcClient jdbc;
	private final Clock clock;

	Sessions(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** An opened session: its id (for tokens) and its secret (for the cookie). */
	public record Opened(String id, String secret, Instant expiresAt) {
	}

	/** Opens a session for a registered principal. */
	@Transactional
	public Opened open(Principal principal, Duration lifetime) {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		String secret = HexFormat.of().formatHex(bytes);
		String id = Ids.next("sess");
		Instant expires = clock.instant().plus(lifetime);
		jdbc.sql("""
				insert into identity.session (id, token_hash, actor_type, actor_id, auth_identity_id, email, expires_at)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(id, digest(secret), principal.actorType().code(), principal.actorId(), principal.authIdentityId(),
					principal.email(), Timestamp.from(expires))
			.update();
		return new Opened(id, secret, expires);
	}

	/** The principal of a live session secret (from a cookie), or empty. */
	@Transactional
	public Optional<Principal> resolve(String secret) {
		if (secret == null || !secret.matches("[0-9a-f]{64}")) {
			return Optional.empty();
		}
		Instant now = clock.instant();
		return live(secret, now, Instant.EPOCH);
	}

	private Optional<Principal> live(String secret, Instant now, Instant seenSince) {
		return jdbc.sql("""
				select id, actor_type, actor_id, auth_identity_id, email, last_seen_at from identity.session
				where token_hash = ? and revoked_at is null and expires_at > ? and last_seen_at >= ?""")
			.params(digest(secret), Timestamp.from(now), Timestamp.from(seenSince))
			.query((rs, n) -> {
				if (rs.getTimestamp("last_seen_at").toInstant().isBefore(now.minus(TOUCH_RESOLUTION))) {
					touch(rs.getString("id"), now);
				}
				return new Principal(Principal.ActorType.valueOf(rs.getString("actor_type").toUpperCase(Locale.ROOT)),
						rs.getString("actor_id"), rs.getString("auth_identity_id"), rs.getString("email"), rs.getString("id"));
			})
			.optional();
	}

	/**
	 * The principal of a live session secret that was also used within {@code idleTimeout} (a back office cookie),
	 * or empty. Use ends the idle period again, to a resolution of a minute.
	 */
	@Transactional
	public Optional<Principal> resolve(String secret, Duration idleTimeout) {
		if (secret == null || !secret.matches("[0-9a-f]{64}")) {
			return Optional.empty();
		}
		Instant now = clock.instant();
		return live(secret, now, now.minus(idleTimeout));
	}

	/** Whether a session (by id, as in a staff token) is live. */
	@Transactional(readOnly = true)
	public boolean isLive(String sessionId) {
		return sessionId != null && jdbc.sql("""
				select count(*) from identity.session where id = ? and revoked_at is null and expires_at > ?""")
			.params(sessionId, Timestamp.from(clock.instant()))
			.query(Integer.class)
			.single() > 0;
	}

	/** Ends one session (by its secret or its id); ending it twice is harmless. */
	@Transactional
	public void revoke(String secretOrId) {
		if (secretOrId == null) {
			return;
		}
		jdbc.sql("update identity.session set revoked_at = coalesce(revoked_at, now()) where token_hash = ? or id = ?")
			.params(digest(secretOrId), secretOrId)
			.update();
	}

	/** Ends every session of an actor (after a password change or when staff leave). */
	@Transactional
	public void revokeAll(String actorId) {
		jdbc.sql("update identity.session set revoked_at = now() where actor_id = ? and revoked_at is null")
			.param(actorId)
			.update();
	}

	private void touch(String id, Instant now) {
		jdbc.sql("update identity.session set last_seen_at = ? where id = ?").params(Timestamp.from(now), id).update();
	}

	static byte[] digest(String secret) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
