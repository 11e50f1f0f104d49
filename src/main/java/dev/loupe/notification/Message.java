package dev.loupe.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * A message as stored: what was (or will be) sent to whom, and where it stands. {@code status} is {@code outbox}
 * (kept for viewing, no provider), {@code pending} (to be sent or retried at {@code nextAttemptAt}), {@code sent} or
 * {@code failed}; {@code deliveryStatus} is what the provider reported afterwards ({@code delivered},
 * {@code bounced}, {@code complained}) or null.
 */
public record Message(String id, String channel, String recipient, String template, String subject, String bodyText,
		String status, Instant createdAt, Instant sentAt, String bodyHtml, String provider, String providerMessageId,
		int attempts, String lastError, Instant nextAttemptAt, String deliveryStatus) {

	static Message map(ResultSet rs, int row) throws SQLException {
		return new Message(rs.getString("id"), rs.getString("channel"), rs.getString("recipient"),
				rs.getString("template"), rs.getString("subject"), rs.getString("body_text"), rs.getString("status"),
				instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("sent_at")), rs.getString("body_html"),
				rs.getString("provider"), rs.getString("provider_message_id"), rs.getInt("attempts"),
				rs.getString("last_error"), instant(rs.getTimestamp("next_attempt_at")), rs.getString("delivery_status"));
	}

	private static Instant instant(Timestamp t) {
		return t == null ? null : t.toInstant();
	}
}
