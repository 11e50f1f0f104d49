package dev.loupe.customer;

import java.time.Instant;
import java.util.Map;

/** A named set of customers (Medusa's customer group), with how many live customers belong to it. */
public record CustomerGroup(String id, String name, Map<String, Object> metadata, long memberCount, Instant createdAt,
		Instant updatedAt) {
}
