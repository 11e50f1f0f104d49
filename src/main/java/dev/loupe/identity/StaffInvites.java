package dev.loupe.identity;

import dev.loupe.identity.internal.Passwords;
import dev.loupe.notification.Notifications;
import dev.loupe.platform.Ids;
import dev.loupe.platform.LoupeException;
import dev.loupe.platform.PublicLinks;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff join by invitation: an admin names the email and role, the invitee gets a link (valid 7 days, single use,
 * stored as a digest) and chooses a password. Inviting the same email again replaces the open invitation.
 */
@Service
public class StaffInvites {

	static final Duration VALID_FOR = Duration.ofDays(7);
	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;
	private final StaffAccounts accounts;
	private final Notifications notifications;
	private final PublicLinks links;
	private final Clock clock;

	StaffInvites(JdbcClient jdbc, StaffAccounts accounts, Notifications notifications, PublicLinks links,
			Clock clock) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.notifications = notifications;
		this.links = links;
		this.clock = clock;
	}

	/** Invites an email with a role; the link goes out through the notification outbox. */
	@Transactional
	public StaffInvite invite(String email, StaffRole role, String invitedBy) {
		String normalized = Passwords.email(email);
		if (accounts.findByEmail(normalized).isPresent()) {
			throw LoupeException.duplicate("A staff user with this email already exists");
		}
		jdbc.sql("update identity.staff_invite set revoked_at = now() where lower(email) = ? and accepted_at is null and revoked_at is null")
			.param(normalized)
			.update();
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		String token = HexFormat.of().formatHex(bytes);
		String id = Ids.next("invite");
		Instant now = clock.instant();
		jdbc.sql("""
				insert into identity.staff_invite (id, email, role, token_hash, created_by, created_at, expires_at)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(id, normalized, role.code(), Sessions.digest(token), invitedBy, Timestamp.from(now),
					Timestamp.from(now.plus(VALID_FOR)))
			.update();
		notifications.staffInvitation(normalized, role.code(), links.base() + "/app/invite?token=" + token + "&email="
				+ java.net.URLEncoder.encode(normalized, StandardCharsets.UTF_8), VALID_FOR);
		return find(id);
	}

	/** Accepts an open invitation: creates the staff user with the invited role. */
	@Transactional
	public StaffUser accept(String token, String password, String firstName, String lastName) {
		if (token == null || !token.matches("[0-9a-f]{64}")) {
			throw LoupeException.unauthorized("The invitation is invalid or has expired");
		}
		StaffInvite invite = jdbc.sql("select * from identity.staff_invite where token_hash = ? for update")
			.param(Sessions.digest(token))
			.query(StaffInvites::map)
			.optional()
			.filter(i -> i.isOpen(clock.instant()))
			.orElseThrow(() -> LoupeException.unauthorized("The invitation is invalid or has expired"));
		StaffUser user = accounts.create(invite.email(), password, invite.role(), firstName, lastName);
		jdbc.sql("update identity.staff_invite set accepted_at = now() where id = ?").param(invite.id()).update();
		return user;
	}

	/** The open invitation a token belongs to, or empty (malformed, unknown, used, revoked or expired). */
	@Transactional(readOnly = true)
	public java.util.Optional<StaffInvite> findOpen(String token) {
		if (token == null || !token.matches("[0-9a-f]{64}")) {
			return java.util.Optional.empty();
		}
		return jdbc.sql("select * from identity.staff_invite where token_hash = ?")
			.param(Sessions.digest(token))
			.query(StaffInvites::map)
			.optional()
			.filter(i -> i.isOpen(clock.instant()));
	}

	/** An invitation by id, or empty. */
	@Transactional(readOnly = true)
	public java.util.Optional<StaffInvite> lookup(String id) {
		return jdbc.sql("select * from identity.staff_invite where id = ?").param(id).query(StaffInvites::map).optional();
	}

	@Transactional(readOnly = true)
	public List<StaffInvite> list() {
		return jdbc.sql("select * from identity.staff_invite order by created_at desc").query(StaffInvites::map).list();
	}

	@Transactional(readOnly = true)
	public StaffInvite find(String id) {
		return jdbc.sql("select * from identity.staff_invite where id = ?").param(id).query(StaffInvites::map).optional()
			.orElseThrow(() -> LoupeException.notFound("Invite", id));
	}

	@Transactional
	public void revoke(String id) {
		find(id);
		jdbc.sql("update identity.staff_invite set revoked_at = coalesce(revoked_at, now()) where id = ?").param(id).update();
	}

	private static StaffInvite map(ResultSet rs, int row) throws SQLException {
		return new StaffInvite(rs.getString("id"), rs.getString("email"),
				StaffRole.valueOf(rs.getString("role").toUpperCase(Locale.ROOT)), rs.getString("created_by"),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("expires_at").toInstant(),
				instant(rs, "accepted_at"), instant(rs, "revoked_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}
}
