package dev.loupe.order;

import java.time.Instant;

/** A note staff wrote on an order, for each other (never shown to the customer). */
public record OrderNote(String id, String orderId, String author, String body, Instant createdAt) {
}
