package dev.loupe.adminapi.internal;

import dev.loupe.audit.Actor;
import dev.loupe.audit.AuditLog;
import dev.loupe.fulfillment.Fulfillment;
import dev.loupe.fulfillment.FulfillmentItem;
import dev.loupe.fulfillment.Fulfillments;
import dev.loupe.fulfillment.ShippingLabels;
import dev.loupe.fulfillment.Tracking;
import dev.loupe.order.Order;
import dev.loupe.order.Orders;
import dev.loupe.platform.Input;
import dev.loupe.platform.LoupeException;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Fulfilments of an order, shaped like Medusa's {@code /admin/orders/{id}/fulfillments…}: create for chosen lines
 * and quantities at a location (idempotent with an {@code Idempotency-Key} header), ship with tracking, mark
 * delivered, cancel, and buy a label from EasyPost. Every change is audited; answers carry the fulfilment and the
 * order's fulfilment status.
 */
@RestController
class AdminFulfillmentRoutes {

	private static final int MAX_ITEMS = 1000;

	private final Fulfillments fulfillments;
	private final ShippingLabels labels;
	private final Orders orders;
	private final AuditLog audit;
	private final AdminRequest requests;
	private final TransactionTemplate transactions;

	AdminFulfillmentRoutes(Fulfillments fulfillments, ShippingLabels labels, Orders orders, AuditLog audit,
			AdminRequest requests, TransactionTemplate transactions) {
		this.fulfillments = fulfillments;
		this.labels = labels;
		this.orders = orders;
		this.audit = audit;
		this.requests = requests;
		this.transactions = transactions;
	}

	@GetMapping("/admin/orders/{id}/fulfillments")
	Map<String, Object> list(@PathVariable String id) {
		Order order = order(id);
		List<Map<String, Object>> all = fulfillments.forOrder(order.id()).stream().map(AdminFulfillmentRoutes::json)
			.toList();
		return AdminJson.list("fulfillments", all, all.size(), 0, all.size());
	}

	@PostMapping("/admin/orders/{id}/fulfillments")
	@Transactional
	Map<String, Object> create(@PathVariable String id, @RequestBody(required = false) byte[] raw,
			HttpServletRequest http) {
		Order order = order(id);
		Input body = requests.body(raw, http).allow(Set.of("items", "location_id", "metadata"));
		List<Input> items = body.objects("items", MAX_ITEMS);
		if (items == null || items.isEmpty()) {
			throw body.invalid("items", "must name at least one order line: [{\"id\": \"ordli_…\", \"quantity\": 1}]");
		}
		List<Fulfillments.Request> requested = new ArrayList<>();
		for (Input item : items) {
			item.allow(Set.of("id", "quantity"));
			if (item.raw("quantity") == null) {
				throw item.invalid("quantity", "is required");
			}
			requested.add(new Fulfillments.Request(item.requiredText("id", 100), item.integer("quantity", 1,
					1_000_000)));
		}
		String key = http.getHeader("Idempotency-Key");
		if (key != null && (key.isBlank() || key.length() > 200 || key.chars().anyMatch(c -> c < 0x20))) {
			throw LoupeException.invalidData("The Idempotency-Key header must be 1 to 200 printable characters");
		}
		Actor actor = AdminRequest.actor(http);
		Fulfillment f = fulfillments.create(order.id(), requested, body.text("location_id", 100), key, who(actor));
		audit.record(actor, "fulfillment.created", "order", order.id(), Map.of("fulfillment_id", f.id()));
		return answer(f);
	}

	@PostMapping("/admin/orders/{id}/fulfillments/{fid}/shipments")
	@Transactional
	Map<String, Object> ship(@PathVariable String id, @PathVariable String fid,
			@RequestBody(required = false) byte[] raw, HttpServletRequest http) {
		Fulfillment f = fulfillment(id, fid);
		Input body = requests.body(raw, http).allow(Set.of("tracking_number", "carrier", "tracking_url", "labels"));
		Tracking tracking = tracking(body);
		Actor actor = AdminRequest.actor(http);
		Fulfillment shipped = fulfillments.ship(f.id(), tracking, who(actor));
		audit.record(actor, "fulfillment.shipped", "order", f.orderId(), Map.of("fulfillment_id", f.id()));
		return answer(shipped);
	}

	@PostMapping("/admin/orders/{id}/fulfillments/{fid}/mark-as-delivered")
	@Transactional
	Map<String, Object> deliver(@PathVariable String id, @PathVariable String fid, HttpServletRequest http) {
		Fulfillment f = fulfillment(id, fid);
		Actor actor = AdminRequest.actor(http);
		Fulfillment delivered = fulfillments.deliver(f.id(), who(actor));
		audit.record(actor, "fulfillment.delivered", "order", f.orderId(), Map.of("fulfillment_id", f.id()));
		return answer(delivered);
	}

	@PostMapping("/admin/orders/{id}/fulfillments/{fid}/cancel")
	@Transactional
	Map<String, Object> cancel(@PathVariable String id, @PathVariable String fid, HttpServletRequest http) {
		Fulfillment f = fulfillment(id, fid);
		Actor actor = AdminRequest.actor(http);
		Fulfillment canceled = fulfillments.cancel(f.id(), who(actor));
		audit.record(actor, "fulfillment.canceled", "order", f.orderId(), Map.of("fulfillment_id", f.id()));
		return answer(canceled);
	}

	/** Buys the label outside any transaction (a carrier call), then records it. */
	@PostMapping("/admin/orders/{id}/fulfillments/{fid}/labels")
	Map<String, Object> buyLabel(@PathVariable String id, @PathVariable String fid,
			@RequestBody(required = false) byte[] raw, HttpServletRequest http) {
		Fulfillment f = fulfillment(id, fid);
		Input body = requests.body(raw, http).allow(Set.of("rate_id"));
		boolean had = f.hasLabel();
		Fulfillment labelled = labels.buy(f.id(), body.text("rate_id", 100));
		if (!had) {
			Actor actor = AdminRequest.actor(http);
			transactions.executeWithoutResult(tx -> audit.record(actor, "fulfillment.label_bought", "order",
					f.orderId(), Map.of("fulfillment_id", f.id(), "tracking_number",
							labelled.tracking() == null || labelled.tracking().number() == null ? ""
									: labelled.tracking().number())));
		}
		return answer(labelled);
	}

	// ---------------------------------------------------------------- reading

	private Order order(String id) {
		return orders.find(id).orElseThrow(() -> LoupeException.notFound("Order", shown(id)));
	}

	private Fulfillment fulfillment(String orderId, String fulfillmentId) {
		Order order = order(orderId);
		return fulfillments.find(fulfillmentId).filter(f -> f.orderId().equals(order.id()))
			.orElseThrow(() -> LoupeException.notFound("Fulfillment", shown(fulfillmentId)));
	}

	private static Tracking tracking(Input body) {
		String number = body.text("tracking_number", 200);
		String carrier = body.text("carrier", 100);
		String url = body.text("tracking_url", 2000);
		// Medusa sends labels: [{tracking_number, tracking_url, label_url}]; the first one is the parcel's.
		List<Input> medusa = body.objects("labels", 10);
		if (medusa != null && !medusa.isEmpty()) {
			Input first = medusa.getFirst().allow(Set.of("tracking_number", "tracking_url", "label_url"));
			number = number != null ? number : first.text("tracking_number", 200);
			url = url != null ? url : first.text("tracking_url", 2000);
		}
		return number == null && carrier == null && url == null ? null : new Tracking(number, carrier, url);
	}

	private static String who(Actor actor) {
		return actor.type().name().toLowerCase(Locale.ROOT) + ":" + actor.id();
	}

	static Map<String, Object> json(Fulfillment f) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("id", f.id());
		m.put("order_id", f.orderId());
		m.put("location_id", f.locationId());
		m.put("status", f.state().wire());
		m.put("provider_id", f.providerId());
		m.put("items", f.items().stream().map(AdminFulfillmentRoutes::json).toList());
		Tracking t = f.tracking();
		m.put("tracking_number", t == null ? null : t.number());
		m.put("carrier", t == null ? null : t.carrier());
		m.put("tracking_url", t == null ? null : t.url());
		m.put("service", f.service());
		m.put("label_url", f.labelUrl());
		m.put("labels", f.hasLabel() || (t != null && t.number() != null)
				? List.of(label(t, f.labelUrl())) : List.of());
		m.put("shipping_cost", f.labelCost() == null ? null
				: Map.of("amount", f.labelCost().amount(), "currency_code", f.labelCost().currencyCodeLower()));
		m.put("created_by", f.createdBy());
		m.put("created_at", time(f.createdAt()));
		m.put("shipped_at", time(f.shippedAt()));
		m.put("delivered_at", time(f.deliveredAt()));
		m.put("canceled_at", time(f.canceledAt()));
		return m;
	}

	private static Map<String, Object> label(Tracking t, String labelUrl) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("tracking_number", t == null ? null : t.number());
		m.put("tracking_url", t == null ? null : t.url());
		m.put("label_url", labelUrl);
		return m;
	}

	private static Map<String, Object> json(FulfillmentItem i) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("line_item_id", i.lineId());
		m.put("variant_id", i.variantId());
		m.put("quantity", i.quantity());
		return m;
	}

	private Map<String, Object> answer(Fulfillment f) {
		Order order = orders.find(f.orderId()).orElseThrow();
		return Map.of("fulfillment", json(f), "order", Map.of("id", order.id(), "fulfillment_status",
				order.fulfillmentStatus(), "status", order.status().wire()));
	}

	private static String time(Instant instant) {
		return instant == null ? null : instant.toString();
	}

	private static String shown(String id) {
		String s = id == null ? "" : id.length() > 80 ? id.substring(0, 80) + "…" : id;
		return s.replaceAll("[\\x00-\\x1f\\x7f\"\\\\<>']", "?");
	}
}
