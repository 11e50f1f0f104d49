package dev.loupe.webhook;

/** What the back office lists: any of the fields may be null (no filter). */
public record WebhookFilter(String source, String status, String type, String objectId) {
}
