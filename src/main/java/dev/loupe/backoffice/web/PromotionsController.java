package dev.loupe.backoffice.web;

import dev.loupe.audit.Actor;
import dev.loupe.audit.AuditLog;
import dev.loupe.catalog.CatalogAdmin;
import dev.loupe.customer.CustomerGroups;
import dev.loupe.identity.Permission;
import dev.loupe.platform.Input;
import dev.loupe.platform.LoupeException;
import dev.loupe.promotion.Promotion;
import dev.loupe.promotion.PromotionSetup;
import dev.loupe.promotion.PromotionStatus;
import dev.loupe.promotion.Promotions;
import dev.loupe.promotion.TargetRule;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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

	private final CatalogAdmin catalog;
	private final CustomerGroups groups;

	PromotionsController(Promotions promotions, PromotionSetup setup, AuditLog audit, TransactionTemplate tx,
			CatalogAdmin catalog, CustomerGroups groups) {
		this.catalog = catalog;
		this.groups = groups;
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
		return form(request, response, model, p, PromotionForm.of(p, targetHandles(p)), null);
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
			Flash.put(request, response, Flash.success(typed.automatic() ? "Automatic promotion created."
					: "Promotion " + typed.code() + " created."));
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
			Flash.put(request, response, Flash.success(typed.automatic() ? "Automatic promotion saved."
					: "Promotion " + typed.code() + " saved."));
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
		String title = promotion == null ? "New promotion"
				: promotion.automatic() ? "Automatic promotion" : "Promotion " + promotion.name();
		model.addAttribute("frame", new Frame(staff, title, "promotions", flash));
		model.addAttribute("promotion", promotion);
		model.addAttribute("form", typed);
		model.addAttribute("groups", groups.list(null, 200, 0));
		model.addAttribute("usage", promotion == null ? null : promotions.usage(promotion.id()));
		return "app/promotion";
	}

	/** The body {@link PromotionSetup} reads, from the typed form; input it cannot even parse is refused here. */
	private Map<String, Object> body(PromotionForm f, Promotion current) {
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
		method.put("target_rules", targetRules(f));
		if (!f.automatic() && f.code().isEmpty()) {
			throw LoupeException.invalidData("Enter the code shoppers type at checkout, or make the promotion automatic.");
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("code", f.automatic() ? null : f.code());
		body.put("is_automatic", f.automatic());
		body.put("rules", groupRules(f));
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

	/** The target rule of the form: the handles (or ids) typed, each resolved to a product, collection or category. */
	private List<Map<String, Object>> targetRules(PromotionForm f) {
		if (f.targetBy().isEmpty()) {
			if (!f.targetValues().isEmpty()) {
				throw LoupeException.invalidData("Choose whether the handles are of products, collections or categories.");
			}
			return List.of();
		}
		String noun = switch (f.targetBy()) {
			case "product" -> "product";
			case "collection" -> "collection";
			case "category" -> "category";
			default -> throw LoupeException.invalidData("Choose products, collections or categories.");
		};
		if (!f.target().equals("items")) {
			throw LoupeException.invalidData("A promotion for some products, collections or categories must be off the "
					+ "items, not the whole order.");
		}
		List<String> typed = Arrays.stream(f.targetValues().split("[,\\s]+"))
			.map(String::strip)
			.filter(s -> !s.isEmpty())
			.distinct()
			.toList();
		if (typed.isEmpty()) {
			throw LoupeException.invalidData("List the handles of the " + (noun.equals("category") ? "categories" : noun + "s")
					+ " the promotion is for.");
		}
		if (typed.size() > 100) {
			throw LoupeException.invalidData("A promotion can list at most 100 " + noun + " handles.");
		}
		Map<String, String> known = new HashMap<>();
		switch (noun) {
			case "product" -> catalog.productsByHandle(typed.stream().map(s -> s.toLowerCase(Locale.ROOT)).toList())
				.forEach(p -> known.put(p.handle(), p.id()));
			case "collection" -> catalog.collections().forEach(c -> {
				known.put(c.handle(), c.id());
				known.put(c.id(), c.id());
			});
			default -> catalog.categories().forEach(c -> {
				known.put(c.handle(), c.id());
				known.put(c.id(), c.id());
			});
		}
		List<String> ids = new ArrayList<>();
		for (String value : typed) {
			String id = known.getOrDefault(value.toLowerCase(Locale.ROOT), known.get(value));
			if (id == null) {
				throw LoupeException.invalidData("There is no " + noun + " with the handle " + value + ".");
			}
			if (!ids.contains(id)) {
				ids.add(id);
			}
		}
		String attribute = switch (noun) {
			case "product" -> TargetRule.PRODUCT;
			case "collection" -> TargetRule.COLLECTION;
			default -> TargetRule.CATEGORY;
		};
		return List.of(Map.of("attribute", attribute, "operator", "in", "values", ids));
	}

	/** The customer-group rule of the form: every ticked group must still exist. */
	private List<Map<String, Object>> groupRules(PromotionForm f) {
		if (f.groupIds().isEmpty()) {
			return List.of();
		}
		for (String id : f.groupIds()) {
			if (groups.find(id).isEmpty()) {
				throw LoupeException.invalidData("A customer group you ticked no longer exists; choose again.");
			}
		}
		return List.of(Map.of("attribute", Promotion.CUSTOMER_GROUPS, "operator", "in", "values", f.groupIds()));
	}

	/** The handles of a promotion's target rule values, for the form (an id whose record is gone is shown as is). */
	private List<String> targetHandles(Promotion p) {
		if (p.targetRules().isEmpty()) {
			return List.of();
		}
		TargetRule rule = p.targetRules().getFirst();
		Map<String, String> handles = new HashMap<>();
		switch (rule.attribute()) {
			case TargetRule.COLLECTION -> catalog.collections().forEach(c -> handles.put(c.id(), c.handle()));
			case TargetRule.CATEGORY -> catalog.categories().forEach(c -> handles.put(c.id(), c.handle()));
			default -> rule.values().forEach(id -> {
				try {
					handles.put(id, catalog.product(id).handle());
				}
				catch (LoupeException gone) {
					// Deleted since: the form shows the id, and saving it refuses it by name.
				}
			});
		}
		return rule.values().stream().map(id -> handles.getOrDefault(id, id)).toList();
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
		details.put("code", f.automatic() ? "" : f.code());
		details.put("automatic", f.automatic());
		details.put("target_by", f.targetBy());
		details.put("customer_groups", f.groupIds());
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
