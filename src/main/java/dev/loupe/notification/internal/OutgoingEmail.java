package dev.loupe.notification.internal;

/** A message handed to a provider: its id is the idempotency key and the base of its Message-ID. */
public record OutgoingEmail(String id, String from, String to, String subject, String text, String html) {
}
