package dev.loupe.backoffice.web;

import dev.loupe.audit.Actor;
import dev.loupe.audit.AuditLog;
import dev.loupe.identity.Permission;
import dev.loupe.platform.LoupeException;
import dev.loupe.webhook.WebhookDelivery;
import dev.loupe.webhook.WebhookFilter;
import dev.loupe.webhook.WebhookInbox;
import dev.loupe.webhook.WebhookPage;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The webhook inbox for admins: every delivery a vendor sent (newest first, filtered by status and source), one
 * delivery with its raw payload, and replaying it through {@link WebhookInbox#replay}. Payloads hold customers' data
 * (a Stripe charge's email, an address), so opening one is audited like an email; a replay is audited too.
 */
@Controller
class WebhooksController {

	static final int PAGE_SIZE = 50;
	static final int MAX_PAGE = 200;
	static final List<String> STATUSES = List.of("received", "processing", "processed", "failed", "dead");
	private static final JsonMapper PRETTY = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private final WebhookInbox inbox;
	private final AuditLog audit;
	private final TransactionTemplate tx;

	WebhooksController(WebhookInbox inbox, AuditLog audit, TransactionTemplate tx) {
		this.inbox = inbox;
		this.audit = audit;
		this.tx = tx;
	}

	@GetMapping("/app/settings/webhooks")
	@Requires(Permission.SETTINGS_WRITE)
	String list(@RequestParam(defaultValue = "") String status, @RequestParam(defaultValue = "") String source,
			@RequestParam(defaultValue = "1") int page, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		Staff staff = Staff.of(request);
		if (page < 1 || page > MAX_PAGE) {
			throw LoupeException.invalidData("Pages go from 1 to " + MAX_PAGE + "; filter the list instead.");
		}
		if (!status.isEmpty() && !STATUSES.contains(status)) {
			throw LoupeException.invalidData("Choose a status from the list.");
		}
		String src = source.strip();
		if (src.length() > 100 || src.indexOf('\0') >= 0) {
			throw LoupeException.invalidData("The source filter is too long.");
		}
		WebhookPage found = inbox.list(new WebhookFilter(src.isEmpty() ? null : src, status.isEmpty() ? null : status,
				null, null), PAGE_SIZE, (page - 1) * PAGE_SIZE);
		List<WebhookDelivery> shown = found.deliveries();
		boolean more = (long) (page - 1) * PAGE_SIZE + shown.size() < found.count();
		String base = "/app/settings/webhooks?status=" + enc(status) + "&source=" + enc(src) + "&page=";
		model.addAttribute("frame", new Frame(staff, "Webhook inbox", "webhooks", Flash.take(request, response)));
		model.addAttribute("deliveries", shown);
		model.addAttribute("total", found.count());
		model.addAttribute("status", status);
		model.addAttribute("source", src);
		model.addAttribute("statuses", STATUSES);
		model.addAttribute("pager", new Pager(page, page > 1 ? base + (page - 1) : null,
				more && page < MAX_PAGE ? base + (page + 1) : null, (page - 1) * PAGE_SIZE + 1,
				(page - 1) * PAGE_SIZE + shown.size()));
		return "app/webhooks";
	}

	@GetMapping("/app/settings/webhooks/{id}")
	@Requires(Permission.SETTINGS_WRITE)
	String delivery(@PathVariable String id, HttpServletRequest request, HttpServletResponse response, Model model) {
		Staff staff = Staff.of(request);
		WebhookDelivery delivery = find(id);
		tx.executeWithoutResult(s -> audit.record(Actor.staff(staff.user().id()), "webhook.viewed", "webhook",
				delivery.id(), Map.of("source", delivery.source(), "from", request.getRemoteAddr())));
		model.addAttribute("frame", new Frame(staff, delivery.type(), "webhooks", Flash.take(request, response)));
		model.addAttribute("delivery", delivery);
		model.addAttribute("payload", pretty(delivery.payload()));
		return "app/webhook";
	}

	@PostMapping("/app/settings/webhooks/{id}/replay")
	@Requires(Permission.SETTINGS_WRITE)
	String replay(@PathVariable String id, HttpServletRequest request, HttpServletResponse response) {
		Staff staff = Staff.of(request);
		WebhookDelivery delivery = find(id);
		try {
			tx.executeWithoutResult(s -> {
				WebhookDelivery replayed = inbox.replay(delivery.id());
				audit.record(Actor.staff(staff.user().id()), "webhook.replayed", "webhook", replayed.id(),
						Map.of("source", replayed.source(), "event_id", replayed.eventId(), "type", replayed.type(),
								"from", request.getRemoteAddr()));
			});
			Flash.put(request, response, Flash.success("Delivery " + delivery.eventId()
					+ " is queued again; it is processed within a few seconds."));
		}
		catch (LoupeException e) {
			Flash.put(request, response, new Flash("error", e.getMessage()));
		}
		return "redirect:/app/settings/webhooks/" + delivery.id();
	}

	private WebhookDelivery find(String id) {
		return inbox.find(id).orElseThrow(() -> LoupeException.notFound("Webhook delivery",
				id.matches("[A-Za-z0-9_]{1,60}") ? id : "(malformed)"));
	}

	/** The payload indented when it is JSON, as received otherwise; the template escapes it either way. */
	static String pretty(String payload) {
		if (payload == null) {
			return "";
		}
		try {
			JsonNode node = PRETTY.readTree(payload);
			return node == null || node.isMissingNode() ? payload : PRETTY.writeValueAsString(node);
		}
		catch (RuntimeException notJson) {
			return payload;
		}
	}

	private static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}
}
