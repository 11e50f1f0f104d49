package dev.loupe.inventory;

import java.time.Instant;

/** Stock of one variant held at one location for a reference (the order being placed). */
public record Reservation(String id, String reference, String variantId, String locationId, int quantity,
		Instant createdAt) {
}
