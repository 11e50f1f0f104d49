package dev.loupe.notification.internal;

/** An email ready for the outbox: the template it came from, its subject, and both parts. */
public record RenderedEmail(String template, String subject, String text, String html) {
}
