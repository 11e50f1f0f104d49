package dev.loupe.adminapi.internal;

import dev.loupe.audit.Actor;
import dev.loupe.audit.AuditLog;
import dev.loupe.fulfillment.OrderReturn;
import dev.loupe.fulfillment.Returns;
import dev.loupe.order.Order;
import dev.loupe.order.Orders;
import dev.loupe.platform.Input;
import dev.loupe.platform.LoupeException;
import dev.loupe.platform.Money;
import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Returns of an order (ADR 019): list, create for chosen lines and quantities with a reason, an optional restock
 * location and refund amount (idempotent with an {@code Idempotency-Key} header), and receive (restock and refund).
 * Reading needs {@code ORDERS_READ}, changes {@code ORDERS_WRITE}; every change is audited.
 */
@RestController
class AdminReturnRoutes {

	private static final int MAX_ITEMS = 1000;

	private final Returns returns;
	private final Orders orders;
	private final AuditLog audit;
	private final AdminRequest requests;

	AdminReturnRoutes(Returns returns, Orders orders, AuditLog audit, AdminRequest requests) {
		this.returns = returns;
		this.orders = orders;
		this.audit = audit;
		this.requests = requests;
	}

	@GetMapping("/admin/orders/{id}/returns")
	Map<String, Object> list(@PathVariable String id) {
		Order order = order(id);
		List<Map<String, Object>> all = returns.forOrder(order.id()).stream().map(AdminReturnRoutes::json).toList();
		return AdminJson.list("returns", all, all.size(), 0, all.size());
	}

	@PostMapping("/admin/orders/{id}/returns")
	Map<String, Object> create(@PathVariable String id, @RequestBody(required = false) byte[] raw,
			HttpServletRequest http) {
		Order order = order(id);
		Input body = requests.body(raw, http).allow(Set.of("items", "reason", "note", "location_id", "refund_amount"));
		List<Input> items = body.objects("items", MAX_ITEMS);
		if (items == null || items.isEmpty()) {
			throw body.invalid("items", "must name at least one order line: [{\"id\": \"ordli_…\", \"quantity\": 1}]");
		}
		List<Returns.Request> requested = new ArrayList<>();
		for (Input item : items) {
			item.allow(Set.of("id", "quantity"));
			if (item.raw("quantity") == null) {
				throw item.invalid("quantity", "is required");
			}
			requested.add(new Returns.Request(item.requiredText("id", 100), item.integer("quantity", 1, 1_000_000)));
		}
		BigDecimal amount = body.decimal("refund_amount");
		Money refund = null;
		if (amount != null) {
			int scale = Math.max(0, Money.currency(order.currencyCode()).getDefaultFractionDigits());
			if (amount.signum() <= 0 || amount.stripTrailingZeros().scale() > scale || amount.precision() > 20) {
				throw body.invalid("refund_amount", "must be a positive amount in the order's currency");
			}
			refund = Money.of(amount, order.currencyCode());
		}
		String key = http.getHeader("Idempotency-Key");
		if (key != null && (key.isBlank() || key.length() > 200 || key.chars().anyMatch(c -> c < 0x20))) {
			throw LoupeException.invalidData("The Idempotency-Key header must be 1 to 200 printable characters");
		}
		Actor actor = AdminRequest.actor(http);
		List<String> before = returns.forOrder(order.id()).stream().map(OrderReturn::id).toList();
		OrderReturn created = returns.create(order.id(), requested, body.requiredText("reason", 50),
				body.text("note", 500), body.text("location_id", 100), refund, key, who(actor));
		if (!before.contains(created.id())) {
			audit.record(actor, "order.return_created", "order", order.id(), Map.of("return_id", created.id()));
		}
		return Map.of("return", json(created));
	}

	@PostMapping("/admin/orders/{id}/returns/{rid}/receive")
	Map<String, Object> receive(@PathVariable String id, @PathVariable String rid, HttpServletRequest http) {
		Order order = order(id);
		OrderReturn before = returns.find(rid).filter(r -> r.orderId().equals(order.id()))
			.orElseThrow(() -> LoupeException.notFound("Return", shown(rid)));
		Actor actor = AdminRequest.actor(http);
		OrderReturn after = returns.receive(before.id(), who(actor));
		if (after.status() != before.status()) {
			audit.record(actor, "order.return_received", "order", order.id(), Map.of("return_id", after.id()));
		}
		return Map.of("return", json(after));
	}

	private Order order(String id) {
		return orders.find(id).orElseThrow(() -> LoupeException.notFound("Order", shown(id)));
	}

	private static String who(Actor actor) {
		return actor.type().name().toLowerCase(java.util.Locale.ROOT) + ":" + actor.id();
	}

	static Map<String, Object> json(OrderReturn r) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("id", r.id());
		m.put("order_id", r.orderId());
		m.put("status", r.status().wire());
		m.put("reason", r.reason());
		m.put("note", r.note());
		m.put("location_id", r.locationId());
		m.put("refund_amount", r.refundAmount() == null ? null : r.refundAmount().amount());
		m.put("refund_status", r.refundStatus());
		m.put("items", r.items().stream().map(i -> {
			Map<String, Object> item = new LinkedHashMap<>();
			item.put("line_item_id", i.lineId());
			item.put("variant_id", i.variantId());
			item.put("quantity", i.quantity());
			return item;
		}).toList());
		m.put("created_by", r.createdBy());
		m.put("created_at", time(r.createdAt()));
		m.put("received_at", time(r.receivedAt()));
		m.put("refunded_at", time(r.refundedAt()));
		m.put("closed_at", time(r.closedAt()));
		m.put("canceled_at", time(r.canceledAt()));
		return m;
	}

	private static String time(Instant instant) {
		return instant == null ? null : instant.toString();
	}

	private static String shown(String id) {
		return id.length() <= 60 && id.matches("[A-Za-z0-9_]+") ? id : "(malformed)";
	}
}
