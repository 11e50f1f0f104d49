package dev.loupe.fulfillment;

import java.time.Instant;
import java.util.Map;

/** A shipping profile ({@code sp_…}): {@code type} is {@code default}, {@code digital} or {@code custom}. */
public record ShippingProfile(String id, String name, String type, Map<String, Object> metadata, Instant createdAt,
		Instant updatedAt) {
}
