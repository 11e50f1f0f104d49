package dev.loupe.audit;

import java.time.Instant;
import java.util.Map;

/** One recorded action. */
public record AuditEntry(String id, Instant occurredAt, Actor actor, String action, String resourceType,
		String resourceId, String requestId, Map<String, Object> details) {
}
