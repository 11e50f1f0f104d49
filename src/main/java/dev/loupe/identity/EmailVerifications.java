package dev.loupe.identity;

import dev.loupe.notification.Notifications;
import dev.loupe.platform.LoupeException;
import dev.loupe.platform.PublicLinks;
import dev.loupe.platform.TooManyRequestsException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Email verification for customers: a link with a random, single-use token (stored as a digest, valid 24 hours) is
 * sent to the login's email at registration and on request; opening it marks the email verified and publishes
 * {@link CustomerEmailVerified}, on which orders placed as a guest with that email become the customer's. Only a
 * verified email gets them: registering with someone else's address reveals none of their orders.
 */
@Service
@Transactional
public class EmailVerifications {

	static final Duration VALID_FOR = Duration.ofHours(24);
	/** At most this many links per account per hour: each one is an email sent on the customer's behalf. */
	static final int PER_HOUR = 5;
	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;
	private final Notifications notifications;
	private final PublicLinks links;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	EmailVerifications(JdbcClient jdbc, Notifications notifications, PublicLinks links, ApplicationEventPublisher events,
			Clock clock) {
		this.jdbc = jdbc;
		this.notifications = notifications;
		this.links = links;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Sends a verification link to the email of this login; an email already verified gets none ({@code not_allowed}),
	 * more than {@value #PER_HOUR} requests in an hour are 429.
	 */
	public void request(String authIdentityId) {
		var login = jdbc.sql("select email, email_verified_at is not null from identity.auth_identity where id = ? for update")
			.param(authIdentityId)
			.query((rs, n) -> new Object[] { rs.getString(1), rs.getBoolean(2) })
			.optional()
			.orElseThrow(() -> LoupeException.unauthorized("Unauthorized"));
		if ((Boolean) login[1]) {
			throw LoupeException.notAllowed("The email " + login[0] + " is already verified");
		}
		int recent = jdbc.sql("""
				select count(*) from identity.email_verification where auth_identity_id = ? and created_at > ?""")
			.params(authIdentityId, Timestamp.from(clock.instant().minus(Duration.ofHours(1))))
			.query(Integer.class)
			.single();
		if (recent >= PER_HOUR) {
			throw new TooManyRequestsException("Too many verification emails; try again later", 600);
		}
		send(authIdentityId, ((String) login[0]).toLowerCase(Locale.ROOT));
	}

	/** Verifies the email of the token's login; an unknown, used or expired token is 401. */
	public CustomerEmailVerified verify(String token) {
		if (token == null || !token.matches("[0-9a-f]{64}")) {
			throw LoupeException.unauthorized("The verification link is invalid or has expired");
		}
		var row = jdbc.sql("""
				select v.auth_identity_id, v.email, a.actor_id from identity.email_verification v
				join identity.auth_identity a on a.id = v.auth_identity_id
				where v.token_hash = ? and v.used_at is null and v.expires_at > ? and lower(a.email) = v.email
				for update of v""")
			.params(Sessions.digest(token), Timestamp.from(clock.instant()))
			.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2), rs.getString(3) })
			.optional()
			.orElseThrow(() -> LoupeException.unauthorized("The verification link is invalid or has expired"));
		if (row[2] == null || row[2].isEmpty()) {
			throw LoupeException.unauthorized("The verification link is invalid or has expired");
		}
		jdbc.sql("update identity.email_verification set used_at = now() where token_hash = ?")
			.param(Sessions.digest(token))
			.update();
		jdbc.sql("update identity.auth_identity set email_verified_at = coalesce(email_verified_at, now()) where id = ?")
			.param(row[0])
			.update();
		CustomerEmailVerified verified = new CustomerEmailVerified(row[2], row[1]);
		events.publishEvent(verified);
		return verified;
	}

	void send(String authIdentityId, String email) {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		String token = HexFormat.of().formatHex(bytes);
		Instant expires = clock.instant().plus(VALID_FOR);
		jdbc.sql("""
				insert into identity.email_verification (token_hash, auth_identity_id, email, expires_at)
				values (?, ?, ?, ?)""")
			.params(Sessions.digest(token), authIdentityId, email, Timestamp.from(expires))
			.update();
		notifications.emailVerification(email, links.base() + "/account/verify-email?token=" + token, VALID_FOR);
	}
}
