package dev.loupe.notification;

import dev.loupe.notification.internal.EmailRenderer;
import dev.loupe.notification.internal.EmailVerification;
import dev.loupe.notification.internal.Outbox;
import dev.loupe.notification.internal.PasswordReset;
import dev.loupe.notification.internal.RenderedEmail;
import dev.loupe.notification.internal.StaffInvitation;
import dev.loupe.platform.Ids;
import java.time.Duration;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The message outbox. Messages are written in the caller's transaction; with a provider configured (SMTP, Resend)
 * a durable task delivers them after it commits, with retries. With none (the default) they stay in the outbox with
 * status {@code outbox}, where staff can read them.
 */
@Service
public class Notifications {

	private final JdbcClient jdbc;
	private final Outbox outbox;
	private final EmailRenderer renderer;
	private final dev.loupe.notification.internal.MailSettings settings;

	Notifications(JdbcClient jdbc, Outbox outbox, EmailRenderer renderer,
			dev.loupe.notification.internal.MailSettings settings) {
		this.jdbc = jdbc;
		this.outbox = outbox;
		this.renderer = renderer;
		this.settings = settings;
	}

	/** Which provider delivers email: {@code resend}, {@code smtp}, or {@code outbox} (kept, never sent). */
	public String mailProvider() {
		return settings.provider();
	}

	/** Queues a plain-text email in the current transaction; returns its id. */
	@Transactional
	public String email(String recipient, String template, String subject, String bodyText) {
		return outbox.queue(recipient, new RenderedEmail(template, subject, bodyText, null), null).orElseThrow();
	}

	/** Queues the password reset email with its link; returns its id. */
	@Transactional
	public String passwordReset(String recipient, String link, Duration validFor) {
		return outbox.queue(recipient, renderer.render(new PasswordReset(link, validFor)), null).orElseThrow();
	}

	/** Queues the email verification email with its link; returns its id. */
	@Transactional
	public String emailVerification(String recipient, String link, Duration validFor) {
		return outbox.queue(recipient, renderer.render(new EmailVerification(link, validFor)), null).orElseThrow();
	}

	/** Queues the invitation to the back office with its role and link; returns its id. */
	@Transactional
	public String staffInvitation(String recipient, String role, String link, Duration validFor) {
		return outbox.queue(recipient, renderer.render(new StaffInvitation(role, link, validFor)), null).orElseThrow();
	}

	/** The latest messages to a recipient, newest first. */
	@Transactional(readOnly = true)
	public List<Message> to(String recipient, int limit) {
		return jdbc.sql("select * from notification.message where recipient = ? order by created_at desc, id desc limit ?")
			.params(recipient, limit)
			.query(Message::map)
			.list();
	}

	/** One message by id. */
	@Transactional(readOnly = true)
	public java.util.Optional<Message> find(String id) {
		return Ids.hasPrefix(id, "msg")
				? jdbc.sql("select * from notification.message where id = ?").param(id).query(Message::map).optional()
				: java.util.Optional.empty();
	}

	/** A page of every message, newest first; {@code recipient} (when not blank) keeps those to addresses containing it. */
	@Transactional(readOnly = true)
	public List<Message> latest(String recipient, int limit, int offset) {
		String like = recipient == null || recipient.isBlank() ? null
				: "%" + recipient.strip().toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
					.replace("_", "\\_") + "%";
		return jdbc.sql("""
				select * from notification.message where (cast(? as text) is null or lower(recipient) like ?)
				order by created_at desc, id desc limit ? offset ?""")
			.params(like, like, limit, offset)
			.query(Message::map)
			.list();
	}
}
