package dev.loupe.adminapi.internal;

import dev.loupe.audit.AuditLog;
import dev.loupe.platform.Input;
import dev.loupe.platform.web.QueryParameters;
import dev.loupe.pricing.PriceList;
import dev.loupe.pricing.PriceLists;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Sales and price overrides: Medusa's {@code /admin/price-lists} routes. */
@RestController
class AdminPriceListRoutes {

	private final PriceLists priceLists;
	private final AdminPrices prices;
	private final AuditLog audit;
	private final AdminRequest requests;

	AdminPriceListRoutes(PriceLists priceLists, AdminPrices prices, AuditLog audit, AdminRequest requests) {
		this.priceLists = priceLists;
		this.prices = prices;
		this.audit = audit;
		this.requests = requests;
	}

	@GetMapping("/admin/price-lists")
	Map<String, Object> list(HttpServletRequest http) {
		QueryParameters query = new QueryParameters(http);
		int limit = query.limit(20);
		int offset = query.offset();
		return AdminJson.list("price_lists", priceLists.list(limit, offset).stream().map(AdminPriceListRoutes::json).toList(),
				priceLists.count(), offset, limit);
	}

	@GetMapping("/admin/price-lists/{id}")
	Map<String, Object> get(@PathVariable String id) {
		return Map.of("price_list", json(priceLists.find(id)));
	}

	@PostMapping("/admin/price-lists")
	@Transactional
	Map<String, Object> create(@RequestBody(required = false) byte[] raw, HttpServletRequest http) {
		Input body = requests.body(raw, http);
		String id = priceLists.create(body.without(Set.of("prices")), prices.ofPriceList(body.objects("prices", 10_000)));
		audit.record(AdminRequest.actor(http), "price_list.created", "price_list", id, null);
		return Map.of("price_list", json(priceLists.find(id)));
	}

	@PostMapping("/admin/price-lists/{id}")
	@Transactional
	Map<String, Object> update(@PathVariable String id, @RequestBody(required = false) byte[] raw, HttpServletRequest http) {
		Input body = requests.body(raw, http);
		priceLists.update(id, body);
		audit.record(AdminRequest.actor(http), "price_list.updated", "price_list", id,
				Map.of("fields", body.names().stream().sorted().toList()));
		return Map.of("price_list", json(priceLists.find(id)));
	}

	@DeleteMapping("/admin/price-lists/{id}")
	@Transactional
	Map<String, Object> delete(@PathVariable String id, HttpServletRequest http) {
		priceLists.delete(id);
		audit.record(AdminRequest.actor(http), "price_list.deleted", "price_list", id, null);
		return AdminJson.deleted(id, "price_list", null);
	}

	/** Medusa's batch: {@code {create: [price…], delete: [price id…]}}. */
	@PostMapping("/admin/price-lists/{id}/prices/batch")
	@Transactional
	Map<String, Object> batch(@PathVariable String id, @RequestBody(required = false) byte[] raw, HttpServletRequest http) {
		Input body = requests.body(raw, http).allow(Set.of("create", "update", "delete"));
		if (body.has("update")) {
			throw body.invalid("update", "is not supported: delete the price and create it anew");
		}
		List<String> remove = body.texts("delete", 10_000, 100);
		List<String> added = priceLists.changePrices(id, prices.ofPriceList(body.objects("create", 10_000)),
				remove == null ? List.of() : remove);
		audit.record(AdminRequest.actor(http), "price_list.prices_changed", "price_list", id,
				Map.of("created", added.size(), "deleted", remove == null ? 0 : remove.size()));
		PriceList list = priceLists.find(id);
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("created", list.prices().stream().filter(p -> added.contains(p.id())).map(AdminPrices::json).toList());
		answer.put("updated", List.of());
		answer.put("deleted", Map.of("ids", remove == null ? List.of() : remove, "object", "price", "deleted", true));
		return answer;
	}

	private static Map<String, Object> json(PriceList l) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("id", l.id());
		m.put("title", l.title());
		m.put("description", l.description());
		m.put("type", l.type());
		m.put("status", l.status());
		m.put("starts_at", time(l.startsAt()));
		m.put("ends_at", time(l.endsAt()));
		m.put("rules", Map.of());
		m.put("prices", l.prices().stream().map(AdminPrices::json).toList());
		m.put("created_at", time(l.createdAt()));
		m.put("updated_at", time(l.updatedAt()));
		m.put("deleted_at", null);
		return m;
	}

	private static String time(Instant instant) {
		return instant == null ? null : instant.toString();
	}
}
