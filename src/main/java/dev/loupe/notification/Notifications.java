package dev.loupe.notification;

import dev.loupe.platform.Ids;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The message outbox. With no provider configured (the default) messages stay in the outbox with status
 * {@code outbox}, where staff can read them; the providers issue adds delivery through SMTP and Resend.
 */
@Service
public class Notifications {

	private final JdbcClient jdbc;

	Notifications(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Queues an email in the current transaction; returns its id. */
	@Transactional
	public String email(String recipient, String template, String subject, String bodyText) {
		String id = Ids.next("msg");
		jdbc.sql("""
				insert into notification.message (id, recipient, template, subject, body_text)
				values (?, ?, ?, ?, ?)""")
			.params(id, recipient, template, subject, bodyText)
			.update();
		return id;
	}

	/** The latest messages to a recipient, newest first. */
	@Transactional(readOnly = true)
	public List<Message> to(String recipient, int limit) {
		return jdbc.sql("select * from notification.message where recipient = ? order by created_at desc, id desc limit ?")
			.params(recipient, limit)
			.query((rs, n) -> new Message(rs.getString("id"), rs.getString("channel"), rs.getString("recipient"),
					rs.getString("template"), rs.getString("subject"), rs.getString("body_text"), rs.getString("status"),
					rs.getTimestamp("created_at").toInstant(),
					rs.getTimestamp("sent_at") == null ? null : rs.getTimestamp("sent_at").toInstant()))
			.list();
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
			.query(Notifications::message)
			.list();
	}

	/** One message by id. */
	@Transactional(readOnly = true)
	public java.util.Optional<Message> find(String id) {
		return Ids.hasPrefix(id, "msg")
				? jdbc.sql("select * from notification.message where id = ?").param(id).query(Notifications::message).optional()
				: java.util.Optional.empty();
	}

	private static Message message(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new Message(rs.getString("id"), rs.getString("channel"), rs.getString("recipient"), rs.getString("template"),
				rs.getString("subject"), rs.getString("body_text"), rs.getString("status"),
				rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("sent_at") == null ? null : rs.getTimestamp("sent_at").toInstant());
	}
}
