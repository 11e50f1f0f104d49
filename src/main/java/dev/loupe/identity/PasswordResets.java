package dev.loupe.identity;

import dev.loupe.notification.Notifications;
import dev.loupe.platform.LoupeException;
import dev.loupe.platform.PublicLinks;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Password resets for customers: a request answers the same way, at once, whether or not the account exists (the
 * lookup and the email happen after the answer); a reset token is random, single-use, valid 15 minutes, stored as a
 * digest, and using it ends every session of the account.
 */
@Service
public class PasswordResets implements DisposableBean {

	static final Duration VALID_FOR = Duration.ofMinutes(15);
	private static final Logger log = LoggerFactory.getLogger(PasswordResets.class);
	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;
	private final TransactionTemplate transactions;
	private final Notifications notifications;
	private final Logins logins;
	private final Sessions sessions;
	private final PublicLinks links;
	private final Clock clock;
	private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();

	PasswordResets(JdbcClient jdbc, TransactionTemplate transactions, Notifications notifications, Logins logins,
			Sessions sessions, PublicLinks links, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.notifications = notifications;
		this.logins = logins;
		this.sessions = sessions;
		this.links = links;
		this.clock = clock;
	}

	/** Starts a reset for an email; returns at once and never says whether the account exists. */
	public void request(String identifier) {
		if (identifier == null || identifier.length() > 254) {
			return;
		}
		String email = identifier.strip().toLowerCase(Locale.ROOT);
		background.submit(() -> {
			try {
				transactions.executeWithoutResult(status -> logins.identityOf(email).ifPresent(id -> send(id, email)));
			}
			catch (RuntimeException e) {
				log.error("Creating a password reset failed", e);
			}
		});
	}

	/** Sets a new password with a reset token; the token is used up and every session of the account ends. */
	public void reset(String token, String password) {
		transactions.executeWithoutResult(status -> {
			if (token == null || !token.matches("[0-9a-f]{64}")) {
				throw LoupeException.unauthorized("The reset link is invalid or has expired");
			}
			var row = jdbc.sql("""
					select auth_identity_id from identity.password_reset
					where token_hash = ? and used_at is null and expires_at > ? for update""")
				.params(Sessions.digest(token), Timestamp.from(clock.instant()))
				.query(String.class)
				.optional();
			if (row.isEmpty()) {
				throw LoupeException.unauthorized("The reset link is invalid or has expired");
			}
			logins.changePassword(row.get(), password);
			jdbc.sql("update identity.password_reset set used_at = now() where auth_identity_id = ? and used_at is null")
				.param(row.get())
				.update();
			logins.principal(row.get()).filter(Principal::registered).ifPresent(p -> sessions.revokeAll(p.actorId()));
		});
	}

	private void send(String authIdentityId, String email) {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		String token = HexFormat.of().formatHex(bytes);
		Instant expires = clock.instant().plus(VALID_FOR);
		jdbc.sql("insert into identity.password_reset (token_hash, auth_identity_id, expires_at) values (?, ?, ?)")
			.params(Sessions.digest(token), authIdentityId, Timestamp.from(expires))
			.update();
		String link = links.base() + "/account/reset-password?token=" + token + "&email="
				+ java.net.URLEncoder.encode(email, StandardCharsets.UTF_8);
		notifications.passwordReset(email, link, VALID_FOR);
	}

	@Override
	public void destroy() {
		background.close();
	}
}
