package dev.loupe.backoffice.web;

import dev.loupe.audit.Actor;
import dev.loupe.audit.AuditLog;
import dev.loupe.identity.Permission;
import dev.loupe.platform.Input;
import dev.loupe.platform.LoupeException;
import dev.loupe.promotion.Promotion;
import dev.loupe.promotion.PromotionSetup;
import dev.loupe.promotion.PromotionStatus;
import dev.loupe.promotion.Promotions;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Promotions: the list with usage against limits, creating and editing code promotions (percentage or fixed, off the
 * order or the items, a minimum subtotal, limits, dates, combinable) through {@link PromotionSetup}, and switching one
 * off. Every change is audited; a refused form comes back with the reason and what was typed.
 */
@Controller
class PromotionsController {

	static final int PAGE_SIZE = 25;
	static final int MAX_PAGE = 400;

	private final Promotions promotions;
	private final PromotionSetup setup;
	private final AuditLog audit;
	private final TransactionTemplate tx;

	PromotionsController(Promotions promotions, PromotionSetup setup, AuditLog audit, TransactionTemplate tx) {
		this.promotions = promotions;
		this.setup = setup;
		this.audit = audit;
		this.tx = tx;
	}

	@GetMapping("/app/promotions")
	@Requires(Permission.PROMOTIONS_WRITE)
	String list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "1") int page,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		Staff staff = Staff.of(request);
		String query = q.strip();
		if (query.length() > 100 || query.indexOf('\0') >= 0) {
			throw LoupeException.invalidData("The search is too long.");
		}
		if (page < 1 || page > MAX_PAGE) {
			throw LoupeException.invalidData("Pages go from 1 to " + MAX_PAGE + "; search to narrow the list.");
		}
		String search = query.isEmpty() ? null : query;
		List<Promotion> found = promotions.list(search, List.of(), PAGE_SIZE + 1, (page - 1) * PAGE_SIZE);
		boolean more = found.size() > PAGE_SIZE;
		List<Promotion> shown = more ? found.subList(0, PAGE_SIZE) : found;
		String base = "/app/promotions?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8) + "&page=";
		model.addAttribute("frame", new Frame(staff, "Promotions", "promotions", Flash.take(request, response)));
		model.addAttribute("promotions", shown);
		model.addAttribute("q", query);
		model.addAttribute("total", promotions.count(search, List.of()));
		model.addAttribute("pager", new Pager(page, page > 1 ? base + (page - 1) : null,
				more && page < MAX_PAGE ? base + (page + 1) : null, (page - 1) * PAGE_SIZE + 1,
				(page - 1) * PAGE_SIZE + shown.size()));
		return "app/promotions";
	}

	@GetMapping("/app/promotions/new")
	@Requires(Permission.PROMOTIONS_WRITE)
	String newForm(HttpServletRequest request, HttpServletResponse response, Model model) {
		return form(request, response, model, null, PromotionForm.empty(), null);
	}

	@GetMapping("/app/promotions/{id}")
	@Requires(Permission.PROMOTIONS_WRITE)
	String edit(@PathVariable String id, HttpServletRequest request, HttpServletResponse response, Model model) {
		Promotion p = find(id);
		return form(request, response, model, p, PromotionForm.of(p), null);
	}

	@PostMapping("/app/promotions")
	@Requires(Permission.PROMOTIONS_WRITE)
	String create(@RequestParam Map<String, String> form, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		Staff staff = Staff.of(request);
		PromotionForm typed = PromotionForm.of(form);
		try {
			Map<String, Object> body = body(typed, null);
			String id = tx.execute(s -> {
				String created = setup.create(Input.of(body));
				record(staff, request, "promotion.created", created, typed);
				return created;
			});
			Flash.put(request, response, Flash.success("Promotion " + typed.code() + " created."));
			return "redirect:/app/promotions/" + id;
		}
		catch (LoupeException e) {
			response.setStatus(e.status());
			return form(request, response, model, null, typed, e.getMessage());
		}
	}

	@PostMapping("/app/promotions/{id}")
	@Requires(Permission.PROMOTIONS_WRITE)
	String update(@PathVariable String id, @RequestParam Map<String, String> form, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		Staff staff = Staff.of(request);
		Promotion current = find(id);
		PromotionForm typed = PromotionForm.of(form);
		try {
			Map<String, Object> body = body(typed, current);
			tx.executeWithoutResult(s -> {
				setup.update(current.id(), Input.of(body));
				record(staff, request, "promotion.updated", current.id(), typed);
			});
			Flash.put(request, response, Flash.success("Promotion " + typed.code() + " saved."));
			return "redirect:/app/promotions/" + current.id();
		}
		catch (LoupeException e) {
			response.setStatus(e.status());
			return form(request, response, model, current, typed, e.getMessage());
		}
	}

	@PostMapping("/app/promotions/{id}/deactivate")
	@Requires(Permission.PROMOTIONS_WRITE)
	String deactivate(@PathVariable String id, HttpServletRequest request, HttpServletResponse response) {
		Staff staff = Staff.of(request);
		Promotion current = find(id);
		if (current.status() != PromotionStatus.INACTIVE) {
			tx.executeWithoutResult(s -> {
				setup.deactivate(current.id());
				audit.record(Actor.staff(staff.user().id()), "promotion.deactivated", "promotion", current.id(),
						Map.of("code", current.name(), "from", request.getRemoteAddr()));
			});
		}
		Flash.put(request, response, Flash.success("Promotion " + current.name() + " is switched off; its code is "
				+ "refused from now on."));
		return "redirect:/app/promotions";
	}

	private String form(HttpServletRequest request, HttpServletResponse response, Model model, Promotion promotion,
			PromotionForm typed, String error) {
		Staff staff = Staff.of(request);
		Flash flash = error != null ? new Flash("error", error) : Flash.take(request, response);
		String title = promotion == null ? "New promotion" : "Promotion " + promotion.name();
		model.addAttribute("frame", new Frame(staff, title, "promotions", flash));
		model.addAttribute("promotion", promotion);
		model.addAttribute("form", typed);
		return "app/promotion";
	}

	/** The body {@link PromotionSetup} reads, from the typed form; input it cannot even parse is refused here. */
	private static Map<String, Object> body(PromotionForm f, Promotion current) {
		if (!f.type().equals("percentage") && !f.type().equals("fixed")) {
			throw LoupeException.invalidData("Choose a percentage or a fixed amount.");
		}
		if (!f.target().equals("order") && !f.target().equals("items")) {
			throw LoupeException.invalidData("Choose whether the discount is off the order or off the items.");
		}
		if (!List.of("draft", "active", "inactive").contains(f.status())) {
			throw LoupeException.invalidData("Choose a status.");
		}
		if (!f.currency().matches("[a-z]{3}")) {
			throw LoupeException.invalidData("Choose a currency.");
		}
		Map<String, Object> method = new HashMap<>();
		method.put("type", f.type());
		method.put("target_type", f.target());
		if (current == null || f.target().equals("order")) {
			method.put("allocation", "across");
		}
		method.put("value", number("value", f.value(), true));
		method.put("currency_code", f.type().equals("fixed") ? f.currency() : null);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("code", f.code());
		body.put("status", f.status());
		body.put("is_combinable", f.combinable());
		body.put("limit", whole("usage limit", f.limit()));
		body.put("limit_per_customer", whole("limit per customer", f.limitPerCustomer()));
		LocalDate starts = day("start date", f.startsOn());
		LocalDate ends = day("end date", f.endsOn());
		body.put("starts_at", starts == null ? null : starts.atStartOfDay(ZoneOffset.UTC).toInstant().toString());
		body.put("ends_at", ends == null ? null : ends.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toString());
		Object minimum = number("minimum subtotal", f.minimum(), false);
		body.put("minimum_subtotals", minimum == null ? List.of()
				: List.of(Map.of("currency_code", f.currency(), "amount", minimum)));
		body.put("application_method", method);
		return body;
	}

	private static Object number(String name, String text, boolean required) {
		if (text.isEmpty()) {
			if (required) {
				throw LoupeException.invalidData("Enter the " + name + ".");
			}
			return null;
		}
		if (!text.matches("[0-9]{1,9}(\\.[0-9]{1,4})?")) {
			throw LoupeException.invalidData("Enter the " + name + " as a number such as 10 or 4.50.");
		}
		return new java.math.BigDecimal(text);
	}

	private static Integer whole(String name, String text) {
		if (text.isEmpty()) {
			return null;
		}
		if (!text.matches("[0-9]{1,9}")) {
			throw LoupeException.invalidData("Enter the " + name + " as a whole number, or leave it empty for none.");
		}
		return Integer.valueOf(text);
	}

	private static LocalDate day(String name, String text) {
		if (text.isEmpty()) {
			return null;
		}
		try {
			return LocalDate.parse(text);
		}
		catch (DateTimeParseException e) {
			throw LoupeException.invalidData("Enter the " + name + " as a date (YYYY-MM-DD).");
		}
	}

	private void record(Staff staff, HttpServletRequest request, String action, String id, PromotionForm f) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("code", f.code());
		details.put("status", f.status());
		details.put("type", f.type());
		details.put("target", f.target());
		details.put("value", f.value());
		details.put("from", request.getRemoteAddr());
		audit.record(Actor.staff(staff.user().id()), action, "promotion", id, details);
	}

	private Promotion find(String id) {
		if (!id.matches("[A-Za-z0-9_]{1,100}")) {
			throw LoupeException.notFound("Promotion", "(malformed)");
		}
		return promotions.find(id);
	}
}
