package dev.loupe.backoffice.web;

import dev.loupe.audit.AuditEntry;
import dev.loupe.audit.AuditLog;
import dev.loupe.audit.Actor;
import dev.loupe.identity.Permission;
import dev.loupe.identity.StaffAccounts;
import dev.loupe.identity.StaffUser;
import dev.loupe.notification.Message;
import dev.loupe.notification.Notifications;
import dev.loupe.platform.LoupeException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Settings pages for admins: the audit log (filter by actor, action and dates) and the email outbox (every message
 * the store wrote, and one message in full). Reading a message is audited: it holds a customer's personal data.
 */
@Controller
class SettingsController {

	static final int PAGE_SIZE = 50;
	static final int MAX_PAGE = 200;

	private final AuditLog audit;
	private final Notifications notifications;
	private final StaffAccounts staffAccounts;
	private final TransactionTemplate tx;

	SettingsController(AuditLog audit, Notifications notifications, StaffAccounts staffAccounts, TransactionTemplate tx) {
		this.audit = audit;
		this.notifications = notifications;
		this.staffAccounts = staffAccounts;
		this.tx = tx;
	}

	@GetMapping("/app/settings")
	@Requires(Permission.SETTINGS_WRITE)
	String settings() {
		return "redirect:/app/settings/audit";
	}

	@GetMapping("/app/settings/audit")
	@Requires(Permission.SETTINGS_WRITE)
	String auditLog(@RequestParam(defaultValue = "") String actor, @RequestParam(defaultValue = "") String action,
			@RequestParam(defaultValue = "") String from, @RequestParam(defaultValue = "") String to,
			@RequestParam(defaultValue = "1") int page, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		Staff staff = Staff.of(request);
		requirePage(page);
		if (actor.length() > 100 || action.length() > 100 || actor.indexOf('\0') >= 0 || action.indexOf('\0') >= 0) {
			throw LoupeException.invalidData("The filter is too long.");
		}
		List<StaffUser> members = staffAccounts.list();
		List<AuditEntry> entries = audit.search(actor, action, date("from", from, 0), date("to", to, 1), PAGE_SIZE + 1,
				(page - 1) * PAGE_SIZE);
		boolean more = entries.size() > PAGE_SIZE;
		String query = "actor=" + enc(actor) + "&action=" + enc(action) + "&from=" + enc(from) + "&to=" + enc(to);
		model.addAttribute("frame", new Frame(staff, "Audit log", "audit", Flash.take(request, response)));
		model.addAttribute("entries", more ? entries.subList(0, PAGE_SIZE) : entries);
		model.addAttribute("names", members.stream().collect(Collectors.toMap(StaffUser::id, StaffUser::email, (a, b) -> a)));
		model.addAttribute("members", members);
		model.addAttribute("actor", actor);
		model.addAttribute("action", action);
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		model.addAttribute("pager", new Pager(page,
				page > 1 ? "/app/settings/audit?" + query + "&page=" + (page - 1) : null,
				more && page < MAX_PAGE ? "/app/settings/audit?" + query + "&page=" + (page + 1) : null,
				(page - 1) * PAGE_SIZE + 1, (page - 1) * PAGE_SIZE + Math.min(PAGE_SIZE, entries.size())));
		return "app/audit";
	}

	@GetMapping("/app/settings/outbox")
	@Requires(Permission.SETTINGS_WRITE)
	String outbox(@RequestParam(defaultValue = "") String recipient, @RequestParam(defaultValue = "1") int page,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		Staff staff = Staff.of(request);
		requirePage(page);
		if (recipient.length() > 320 || recipient.indexOf('\0') >= 0) {
			throw LoupeException.invalidData("The recipient filter is too long.");
		}
		List<Message> messages = notifications.latest(recipient, PAGE_SIZE + 1, (page - 1) * PAGE_SIZE);
		boolean more = messages.size() > PAGE_SIZE;
		String query = "recipient=" + enc(recipient);
		model.addAttribute("frame", new Frame(staff, "Email outbox", "outbox", Flash.take(request, response)));
		model.addAttribute("messages", more ? messages.subList(0, PAGE_SIZE) : messages);
		model.addAttribute("recipient", recipient);
		model.addAttribute("pager", new Pager(page,
				page > 1 ? "/app/settings/outbox?" + query + "&page=" + (page - 1) : null,
				more && page < MAX_PAGE ? "/app/settings/outbox?" + query + "&page=" + (page + 1) : null,
				(page - 1) * PAGE_SIZE + 1, (page - 1) * PAGE_SIZE + Math.min(PAGE_SIZE, messages.size())));
		return "app/outbox";
	}

	@GetMapping("/app/settings/outbox/{id}")
	@Requires(Permission.SETTINGS_WRITE)
	String message(@PathVariable String id, HttpServletRequest request, HttpServletResponse response, Model model) {
		Staff staff = Staff.of(request);
		Message message = notifications.find(id).orElseThrow(() -> LoupeException.notFound("Message",
				id.matches("[A-Za-z0-9_]{1,60}") ? id : "(malformed)"));
		tx.executeWithoutResult(s -> audit.record(Actor.staff(staff.user().id()), "message.viewed", "message",
				message.id(), Map.of("from", request.getRemoteAddr())));
		model.addAttribute("frame", new Frame(staff, message.subject(), "outbox", Flash.take(request, response)));
		model.addAttribute("message", message);
		return "app/message";
	}

	private static void requirePage(int page) {
		if (page < 1 || page > MAX_PAGE) {
			throw LoupeException.invalidData("Pages go from 1 to " + MAX_PAGE + "; narrow the filter instead.");
		}
	}

	private static Instant date(String name, String value, int plusDays) {
		if (value.isEmpty()) {
			return null;
		}
		try {
			return LocalDate.parse(value).plusDays(plusDays).atStartOfDay().toInstant(ZoneOffset.UTC);
		}
		catch (DateTimeException e) {
			throw LoupeException.invalidData("The " + name + " date must be written as 2026-01-31.");
		}
	}

	private static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
