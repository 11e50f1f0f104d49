package dev.loupe.notification;

import java.time.Instant;

/** A message as stored: what was (or will be) sent to whom, and its delivery status. */
public record Message(String id, String channel, String recipient, String template, String subject, String bodyText,
		String status, Instant createdAt, Instant sentAt) {
}
