package dev.loupe.adminapi.internal;

import dev.loupe.audit.AuditLog;
import dev.loupe.platform.Input;
import dev.loupe.platform.web.QueryParameters;
import dev.loupe.promotion.ApplicationMethod;
import dev.loupe.promotion.Promotion;
import dev.loupe.promotion.PromotionSetup;
import dev.loupe.promotion.Promotions;
import dev.loupe.promotion.TargetRule;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Promotion codes and automatic promotions: Medusa's {@code /admin/promotions} routes. */
@RestController
class AdminPromotionRoutes {

	private final Promotions promotions;
	private final PromotionSetup setup;
	private final AuditLog audit;
	private final AdminRequest requests;

	AdminPromotionRoutes(Promotions promotions, PromotionSetup setup, AuditLog audit, AdminRequest requests) {
		this.promotions = promotions;
		this.setup = setup;
		this.audit = audit;
		this.requests = requests;
	}

	@GetMapping("/admin/promotions")
	Map<String, Object> list(HttpServletRequest http) {
		QueryParameters query = new QueryParameters(http);
		int limit = query.limit(20);
		int offset = query.offset();
		String q = query.text("q");
		List<String> codes = query.list("code");
		return AdminJson.list("promotions", promotions.list(q, codes, limit, offset).stream()
			.map(AdminPromotionRoutes::json)
			.toList(), promotions.count(q, codes), offset, limit);
	}

	@GetMapping("/admin/promotions/{id}")
	Map<String, Object> get(@PathVariable String id) {
		return Map.of("promotion", json(promotions.find(id)));
	}

	@PostMapping("/admin/promotions")
	@Transactional
	Map<String, Object> create(@RequestBody(required = false) byte[] raw, HttpServletRequest http) {
		Input body = requests.body(raw, http);
		String id = setup.create(body);
		audit.record(AdminRequest.actor(http), "promotion.created", "promotion", id, null);
		return Map.of("promotion", json(promotions.find(id)));
	}

	@PostMapping("/admin/promotions/{id}")
	@Transactional
	Map<String, Object> update(@PathVariable String id, @RequestBody(required = false) byte[] raw, HttpServletRequest http) {
		Input body = requests.body(raw, http);
		setup.update(id, body);
		audit.record(AdminRequest.actor(http), "promotion.updated", "promotion", id,
				Map.of("fields", body.names().stream().sorted().toList()));
		return Map.of("promotion", json(promotions.find(id)));
	}

	@DeleteMapping("/admin/promotions/{id}")
	@Transactional
	Map<String, Object> delete(@PathVariable String id, HttpServletRequest http) {
		setup.delete(id);
		audit.record(AdminRequest.actor(http), "promotion.deleted", "promotion", id, null);
		return AdminJson.deleted(id, "promotion", null);
	}

	/** Medusa's {@code AdminPromotion}, with Loupe's validity window, stacking, per-customer limit and minimums. */
	private static Map<String, Object> json(Promotion p) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("id", p.id());
		m.put("code", p.code());
		m.put("type", "standard");
		m.put("is_automatic", p.automatic());
		m.put("is_tax_inclusive", p.taxInclusive());
		m.put("is_combinable", p.combinable());
		m.put("status", p.status().code());
		m.put("limit", p.limit());
		m.put("used", p.used());
		m.put("limit_per_customer", p.limitPerCustomer());
		m.put("starts_at", time(p.startsAt()));
		m.put("ends_at", time(p.endsAt()));
		m.put("minimum_subtotals", p.minimumSubtotals().stream()
			.map(min -> Map.of("currency_code", min.currencyCodeLower(), "amount", min.amount()))
			.toList());
		m.put("campaign_id", null);
		m.put("campaign", null);
		m.put("application_method", method(p));
		m.put("rules", p.customerGroupIds().isEmpty() ? List.of()
				: List.of(rule(new TargetRule(p.id() + "_groups", Promotion.CUSTOMER_GROUPS, "in", p.customerGroupIds()))));
		m.put("metadata", p.metadata());
		m.put("created_at", time(p.createdAt()));
		m.put("updated_at", time(p.updatedAt()));
		m.put("deleted_at", null);
		return m;
	}

	private static Map<String, Object> method(Promotion p) {
		ApplicationMethod am = p.method();
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("id", am.id());
		m.put("type", am.type().code());
		m.put("target_type", am.target().code());
		m.put("allocation", am.allocation().code());
		m.put("value", am.value());
		m.put("currency_code", am.currency() == null ? null : am.currency().getCurrencyCode().toLowerCase(Locale.ROOT));
		m.put("max_quantity", am.maxQuantity());
		m.put("description", am.description());
		m.put("apply_to_quantity", null);
		m.put("buy_rules_min_quantity", null);
		m.put("target_rules", p.targetRules().stream().map(AdminPromotionRoutes::rule).toList());
		m.put("buy_rules", List.of());
		return m;
	}

	private static Map<String, Object> rule(TargetRule r) {
		List<Map<String, Object>> values = new ArrayList<>();
		for (int i = 0; i < r.values().size(); i++) {
			// Values are not records of their own here; their id is stable for the rule and position.
			values.add(Map.of("id", r.id() + "_" + i, "value", r.values().get(i)));
		}
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("id", r.id());
		m.put("attribute", r.attribute());
		m.put("operator", r.operator());
		m.put("description", null);
		m.put("values", values);
		return m;
	}

	private static String time(Instant instant) {
		return instant == null ? null : instant.toString();
	}
}
