package dev.loupe.webhook;

/**
 * What the inbox needs to know of a verified delivery: the vendor's event id (de-duplication), the event type, the id
 * of the object it concerns (ordering: deliveries for one object are processed one at a time, oldest first), and the
 * raw JSON payload handed back to {@link WebhookSource#process}.
 */
public record WebhookEnvelope(String eventId, String type, String objectId, String payload) {
}
