package dev.loupe.backoffice.web;

import dev.loupe.audit.Actor;
import dev.loupe.audit.AuditLog;
import dev.loupe.identity.Permission;
import dev.loupe.market.Markets;
import dev.loupe.market.Region;
import dev.loupe.order.Order;
import dev.loupe.order.OrderChange;
import dev.loupe.order.OrderNote;
import dev.loupe.order.OrderNotes;
import dev.loupe.order.Orders;
import dev.loupe.payment.Payment;
import dev.loupe.payment.PaymentCollection;
import dev.loupe.payment.PaymentCollections;
import dev.loupe.platform.LoupeException;
import dev.loupe.platform.Money;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
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
 * One order: items, customer, addresses, payment, timeline and notes, and the staff actions on it — capture,
 * refund (full or partial, with a reason), cancel and add a note; the fulfilment panel's actions are in
 * {@link OrderFulfillmentController}. Each action is idempotent (the page's key, or the
 * order's state), needs {@link Permission#ORDERS_WRITE}, is audited, and is confirmed in a dialog first. A refused
 * action shows the order again with the reason and the refusal's status (4xx). Every view is audited too: the page
 * shows personal data.
 */
@Controller
class OrderController {

	static final Map<String, String> REFUND_REASONS = reasons();
	private static final int MAX_NOTE = 500;

	private final Orders orders;
	private final OrderNotes notes;
	private final PaymentCollections payments;
	private final Markets markets;
	private final AuditLog audit;
	private final TransactionTemplate tx;
	private final FulfillmentPanels fulfillmentPanels;

	OrderController(Orders orders, OrderNotes notes, PaymentCollections payments, Markets markets, AuditLog audit,
			TransactionTemplate tx, FulfillmentPanels fulfillmentPanels) {
		this.fulfillmentPanels = fulfillmentPanels;
		this.orders = orders;
		this.notes = notes;
		this.payments = payments;
		this.markets = markets;
		this.audit = audit;
		this.tx = tx;
	}

	@GetMapping("/app/orders/{id}")
	@Requires(Permission.ORDERS_READ)
	String show(@PathVariable String id, HttpServletRequest request, HttpServletResponse response, Model model) {
		Staff staff = Staff.of(request);
		Order order = orders.find(id).orElseThrow(() -> LoupeException.notFound("Order", shown(id)));
		tx.executeWithoutResult(s -> audit.record(Actor.staff(staff.user().id()), "order.viewed", "order", order.id(),
				Map.of("from", request.getRemoteAddr())));
		return page(staff, order, null, Flash.take(request, response), model);
	}

	@PostMapping("/app/orders/{id}/capture")
	@Requires(Permission.ORDERS_WRITE)
	String capture(@PathVariable String id, @RequestParam(name = "idempotency_key", defaultValue = "") String key,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		Staff staff = Staff.of(request);
		Order order = orders.find(id).orElseThrow(() -> LoupeException.notFound("Order", shown(id)));
		try {
			requireKey(key);
			Payment payment = livePayment(order);
			Money remaining = payment.amount().minus(payment.capturedAmount());
			if (!remaining.isPositive()) {
				throw LoupeException.notAllowed("The payment is already captured in full.");
			}
			Payment after = payments.capture(payment.id(), remaining, "bo-capture-" + key);
			if (after.capturedAmount().compareTo(payment.capturedAmount()) > 0) {
				record(staff, request, "order.payment_captured", order, Map.of("payment_id", payment.id(), "amount",
						remaining.amount().toPlainString(), "currency", remaining.currency().getCurrencyCode()));
			}
			Flash.put(request, response, Flash.success("Captured " + Format.money(remaining) + "."));
			return "redirect:/app/orders/" + order.id();
		}
		catch (LoupeException e) {
			response.setStatus(e.status());
			return page(staff, order, e.getMessage(), null, model);
		}
	}

	@PostMapping("/app/orders/{id}/refund")
	@Requires(Permission.ORDERS_WRITE)
	String refund(@PathVariable String id, @RequestParam(defaultValue = "") String amount,
			@RequestParam(defaultValue = "") String reason, @RequestParam(defaultValue = "") String note,
			@RequestParam(name = "idempotency_key", defaultValue = "") String key, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		Staff staff = Staff.of(request);
		Order order = orders.find(id).orElseThrow(() -> LoupeException.notFound("Order", shown(id)));
		try {
			requireKey(key);
			Payment payment = livePayment(order);
			Money refund = amount(amount, payment.amount().currency().getCurrencyCode());
			if (!REFUND_REASONS.containsKey(reason)) {
				throw LoupeException.invalidData("Choose a reason for the refund.");
			}
			String cleanNote = note.strip();
			if (cleanNote.length() > MAX_NOTE || cleanNote.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\r')) {
				throw LoupeException.invalidData("The note must be at most " + MAX_NOTE + " characters of text.");
			}
			Money refundable = payment.capturedAmount().minus(payment.refundedAmount());
			if (refund.compareTo(refundable) > 0) {
				throw LoupeException.invalidData("At most " + Format.money(refundable) + " can be refunded.");
			}
			Payment after = payments.refund(payment.id(), refund, reason, cleanNote.isEmpty() ? null : cleanNote,
					"bo-refund-" + key);
			if (after.refundedAmount().compareTo(payment.refundedAmount()) > 0) {
				record(staff, request, "order.refunded", order, Map.of("payment_id", payment.id(), "amount",
						refund.amount().toPlainString(), "currency", refund.currency().getCurrencyCode(), "reason", reason));
			}
			Flash.put(request, response, Flash.success("Refunded " + Format.money(refund) + "."));
			return "redirect:/app/orders/" + order.id();
		}
		catch (LoupeException e) {
			response.setStatus(e.status());
			return page(staff, order, e.getMessage(), null, model);
		}
	}

	@PostMapping("/app/orders/{id}/cancel")
	@Requires(Permission.ORDERS_WRITE)
	String cancel(@PathVariable String id, @RequestParam(defaultValue = "") String reason, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		Staff staff = Staff.of(request);
		Order order = orders.find(id).orElseThrow(() -> LoupeException.notFound("Order", shown(id)));
		try {
			String why = reason.strip();
			if (why.length() > MAX_NOTE || why.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\r')) {
				throw LoupeException.invalidData("The reason must be at most " + MAX_NOTE + " characters of text.");
			}
			boolean wasCanceled = order.status() == dev.loupe.order.OrderStatus.CANCELED;
			tx.executeWithoutResult(s -> {
				orders.cancel(order.id(), why.isEmpty() ? null : why, staff.actor());
				if (!wasCanceled) {
					audit.record(Actor.staff(staff.user().id()), "order.canceled", "order", order.id(),
							Map.of("reason", why, "from", request.getRemoteAddr()));
				}
			});
			Flash.put(request, response, Flash.success("Order #" + order.displayId() + " is canceled."));
			return "redirect:/app/orders/" + order.id();
		}
		catch (LoupeException e) {
			response.setStatus(e.status());
			return page(staff, order, e.getMessage(), null, model);
		}
	}

	@PostMapping("/app/orders/{id}/notes")
	@Requires(Permission.ORDERS_WRITE)
	String note(@PathVariable String id, @RequestParam(defaultValue = "") String body,
			@RequestParam(name = "idempotency_key", defaultValue = "") String key, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		Staff staff = Staff.of(request);
		Order order = orders.find(id).orElseThrow(() -> LoupeException.notFound("Order", shown(id)));
		try {
			requireKey(key);
			tx.executeWithoutResult(s -> {
				OrderNote written = notes.add(order.id(), staff.actor(), body, "bo-note-" + key);
				audit.record(Actor.staff(staff.user().id()), "order.note_added", "order", order.id(),
						Map.of("note_id", written.id(), "from", request.getRemoteAddr()));
			});
			Flash.put(request, response, Flash.success("Note added."));
			return "redirect:/app/orders/" + order.id() + "#notes";
		}
		catch (LoupeException e) {
			response.setStatus(e.status());
			return page(staff, order, e.getMessage(), null, model);
		}
	}

	private String page(Staff staff, Order current, String error, Flash flash, Model model) {
		Order order = orders.find(current.id()).orElse(current);
		PaymentCollection collection = order.paymentCollectionId() == null ? null
				: payments.find(order.paymentCollectionId()).orElse(null);
		String region = markets.region(order.regionId()).map(Region::name).orElse(order.regionId());
		FulfillmentPanel fulfilment = fulfillmentPanels.of(order, staff);
		OrderView view = new OrderView(order, region, collection, timeline(order, collection, fulfilment),
				StaffCookies.randomToken(), staff.can(Permission.ORDERS_WRITE), error);
		model.addAttribute("frame", new Frame(staff, "Order #" + order.displayId(), "orders",
				error == null ? flash : new Flash("error", error)));
		model.addAttribute("view", view);
		model.addAttribute("notes", notes.of(order.id()));
		model.addAttribute("reasons", REFUND_REASONS);
		model.addAttribute("fulfilment", fulfilment);
		return "app/order";
	}

	private List<OrderView.Event> timeline(Order order, PaymentCollection collection, FulfillmentPanel fulfilment) {
		List<OrderView.Event> events = new ArrayList<>();
		for (OrderChange change : orders.history(order.id())) {
			events.add(new OrderView.Event(change.at(), describe(change),
					change.reason() == null ? "" : change.reason(), change.actor(), Format.tone(change.to())));
		}
		if (collection != null) {
			for (Payment p : collection.payments()) {
				events.add(new OrderView.Event(p.createdAt(), "Payment of " + Format.money(p.amount()) + " authorised",
						p.providerId(), "", "info"));
				p.captures().forEach(c -> events.add(new OrderView.Event(c.createdAt(),
						"Captured " + Format.money(c.amount()), "", "", "success")));
				p.refunds().forEach(r -> events.add(new OrderView.Event(r.createdAt(),
						"Refunded " + Format.money(r.amount()),
						REFUND_REASONS.getOrDefault(r.reason(), Format.label(r.reason()))
								+ (r.note() == null ? "" : " · " + r.note()), "", "danger")));
			}
		}
		fulfilment.shipments().forEach(s -> events.addAll(FulfillmentPanels.timeline(s)));
		for (OrderNote note : notes.of(order.id())) {
			events.add(new OrderView.Event(note.createdAt(), "Note", note.body(), note.author(), "note"));
		}
		events.sort(Comparator.comparing(OrderView.Event::at).reversed());
		return events;
	}

	private static String describe(OrderChange change) {
		if (change.from() == null) {
			return switch (change.field()) {
				case "status" -> "Order placed";
				case "payment_status" -> "Payment " + Format.label(change.to()).toLowerCase(java.util.Locale.ROOT);
				case "fulfillment_status" -> "Fulfilment " + Format.label(change.to()).toLowerCase(java.util.Locale.ROOT);
				default -> Format.label(change.field()) + " set";
			};
		}
		String what = switch (change.field()) {
			case "status" -> "Status";
			case "payment_status" -> "Payment";
			case "fulfillment_status" -> "Fulfilment";
			case "customer_id" -> "Customer";
			default -> Format.label(change.field());
		};
		if (change.field().equals("customer_id")) {
			return "Linked to the customer's account";
		}
		return what + ": " + Format.label(change.from()).toLowerCase(java.util.Locale.ROOT) + " → "
				+ Format.label(change.to()).toLowerCase(java.util.Locale.ROOT);
	}

	private Payment livePayment(Order order) {
		if (order.paymentCollectionId() == null) {
			throw LoupeException.notAllowed("This order has no payment.");
		}
		return payments.find(order.paymentCollectionId())
			.flatMap(PaymentCollection::livePayment)
			.orElseThrow(() -> LoupeException.notAllowed("This order has no authorised payment."));
	}

	private void record(Staff staff, HttpServletRequest request, String action, Order order, Map<String, Object> details) {
		Map<String, Object> all = new LinkedHashMap<>(details);
		all.put("from", request.getRemoteAddr());
		tx.executeWithoutResult(s -> audit.record(Actor.staff(staff.user().id()), action, "order", order.id(), all));
	}

	static Money amount(String text, String currency) {
		String clean = text.strip().replace(",", "");
		int scale = Math.max(0, Money.currency(currency).getDefaultFractionDigits());
		if (!clean.matches("[0-9]{1,12}(\\.[0-9]{1," + Math.max(1, scale) + "})?")) {
			throw LoupeException.invalidData("Enter the amount as a number such as 12.50.");
		}
		BigDecimal value = new BigDecimal(clean);
		if (value.signum() <= 0 || value.scale() > scale) {
			throw LoupeException.invalidData("The amount must be more than zero.");
		}
		return Money.of(value, currency);
	}

	private static void requireKey(String key) {
		if (!key.matches("[A-Za-z0-9]{16,64}")) {
			throw LoupeException.invalidData("This form is incomplete; reload the page and try again.");
		}
	}

	private static String shown(String id) {
		return id.length() <= 60 && id.matches("[A-Za-z0-9_]+") ? id : "(malformed)";
	}

	private static Map<String, String> reasons() {
		Map<String, String> reasons = new LinkedHashMap<>();
		reasons.put("customer_request", "Customer request");
		reasons.put("returned", "Returned items");
		reasons.put("damaged", "Damaged or faulty");
		reasons.put("wrong_item", "Wrong item sent");
		reasons.put("goodwill", "Goodwill gesture");
		reasons.put("other", "Other");
		return reasons;
	}
}
