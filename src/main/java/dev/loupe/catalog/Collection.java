package dev.loupe.catalog;

import java.time.Instant;
import java.util.Map;

/** A curated collection of products ("New season frames"). */
public record Collection(String id, String title, String handle, Map<String, Object> metadata, Instant createdAt,
		Instant updatedAt) {
}
