package dev.loupe.adminapi.internal;

import dev.loupe.audit.AuditLog;
import dev.loupe.platform.LoupeException;
import dev.loupe.platform.web.QueryParameters;
import dev.loupe.webhook.WebhookDelivery;
import dev.loupe.webhook.WebhookFilter;
import dev.loupe.webhook.WebhookInbox;
import dev.loupe.webhook.WebhookPage;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The webhook inbox for staff: {@code GET /admin/webhooks} (filters {@code source}, {@code status}, {@code type},
 * {@code object_id}), {@code GET /admin/webhooks/{id}} with the raw payload, and {@code POST
 * /admin/webhooks/{id}/replay}. Admins only (in no row of {@link AdminPermissions}); a replay is audited.
 */
@RestController
class AdminWebhookRoutes {

	private final WebhookInbox inbox;
	private final AuditLog audit;

	AdminWebhookRoutes(WebhookInbox inbox, AuditLog audit) {
		this.inbox = inbox;
		this.audit = audit;
	}

	@GetMapping("/admin/webhooks")
	Map<String, Object> list(HttpServletRequest http) {
		QueryParameters query = new QueryParameters(http);
		int limit = query.limit(20);
		int offset = query.offset();
		WebhookFilter filter = new WebhookFilter(filter(query, "source"), filter(query, "status"),
				filter(query, "type"), filter(query, "object_id"));
		WebhookPage page = inbox.list(filter, limit, offset);
		return AdminJson.list("webhooks", page.deliveries().stream().map(d -> delivery(d, false)).toList(),
				page.count(), offset, limit);
	}

	@GetMapping("/admin/webhooks/{id}")
	Map<String, Object> get(@PathVariable String id) {
		return Map.of("webhook", delivery(inbox.find(id)
			.orElseThrow(() -> LoupeException.notFound("Webhook delivery", shown(id))), true));
	}

	@PostMapping("/admin/webhooks/{id}/replay")
	@Transactional
	Map<String, Object> replay(@PathVariable String id, HttpServletRequest http) {
		WebhookDelivery replayed = inbox.replay(id);
		audit.record(AdminRequest.actor(http), "webhook.replayed", "webhook", replayed.id(),
				Map.of("source", replayed.source(), "event_id", replayed.eventId(), "type", replayed.type()));
		return Map.of("webhook", delivery(replayed, false));
	}

	private static String filter(QueryParameters query, String name) {
		String value = query.text(name);
		if (value != null && (value.length() > 200 || value.indexOf('\0') >= 0)) {
			throw LoupeException.invalidData(name + " must be at most 200 characters");
		}
		return value;
	}

	private static Map<String, Object> delivery(WebhookDelivery d, boolean withPayload) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("id", d.id());
		m.put("source", d.source());
		m.put("event_id", d.eventId());
		m.put("type", d.type());
		m.put("object_id", d.objectId());
		m.put("status", d.status());
		m.put("attempts", d.attempts());
		m.put("next_attempt_at", d.nextAttemptAt());
		m.put("last_error", d.lastError());
		m.put("received_at", d.receivedAt());
		m.put("processed_at", d.processedAt());
		m.put("updated_at", d.updatedAt());
		if (withPayload) {
			m.put("payload", d.payload());
		}
		return m;
	}

	private static String shown(String value) {
		String s = value.length() > 80 ? value.substring(0, 80) + "…" : value;
		return s.replaceAll("[\\x00-\\x1f\\x7f\"\\\\<>]", "?");
	}
}
