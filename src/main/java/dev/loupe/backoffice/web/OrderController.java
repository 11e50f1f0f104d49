package dev.loupe.backoffice.web;

import dev.loupe.audit.Actor;
import dev.loupe.audit.AuditLog;
import dev.loupe.fulfillment.OrderReturn;
import dev.loupe.fulfillment.Returns;
import dev.loupe.identity.Permission;
import dev.loupe.inventory.StockSetup;
import dev.loupe.notification.OrderEmails;
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
	private final Returns returns;
	private final StockSetup stockSetup;
	private final OrderEmails emails;

	OrderController(Orders orders, OrderNotes notes, PaymentCollections payments, Markets markets, AuditLog audit,
			TransactionTemplate tx, FulfillmentPanels fulfillmentPanels, Returns returns, StockSetup stockSetup,
			OrderEmails emails) {
		this.returns = returns;
		this.stockSetup = stockSetup;
		this.emails = emails;
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

	@PostMapping("/app/orders/{id}/resend-confirmation")
	@Requires(Permission.ORDERS_WRITE)
	String resendConfirmation(@PathVariable String id,
			@RequestParam(name = "idempotency_key", defaultValue = "") String key, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		Staff staff = Staff.of(request);
		Order order = orders.find(id).orElseThrow(() -> LoupeException.notFound("Order", shown(id)));
		try {
			requireKey(key);
			if (order.email() == null || order.email().isBlank()) {
				throw LoupeException.notAllowed("This order has no email address.");
			}
			tx.executeWithoutResult(s -> {
				// The page's key: a double click queues one email; the outbox holds it as it holds every email.
				emails.resendConfirmation(order.id(), "bo-" + key).ifPresent(messageId -> audit.record(
						Actor.staff(staff.user().id()), "order.confirmation_resent", "order", order.id(),
						Map.of("message_id", messageId, "from", request.getRemoteAddr())));
			});
			Flash.put(request, response, Flash.success("The order confirmation is on its way to " + order.email() + "."));
			return "redirect:/app/orders/" + order.id();
		}
		catch (LoupeException e) {
			response.setStatus(e.status());
			return page(staff, order, e.getMessage(), null, model);
		}
	}

	@PostMapping("/app/orders/{id}/returns")
	@Requires(Permission.ORDERS_WRITE)
	String createReturn(@PathVariable String id, @RequestParam Map<String, String> form, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		Staff staff = Staff.of(request);
		Order order = orders.find(id).orElseThrow(() -> LoupeException.notFound("Order", shown(id)));
		try {
			String key = form.getOrDefault("idempotency_key", "");
			requireKey(key);
			List<Returns.Request> items = new ArrayList<>();
			for (dev.loupe.order.OrderLine line : order.items()) {
				String quantity = form.getOrDefault("return_" + line.id(), "").strip();
				if (quantity.isEmpty() || quantity.equals("0")) {
					continue;
				}
				if (!quantity.matches("[0-9]{1,6}")) {
					throw LoupeException.invalidData("Enter each quantity as a whole number from 0 to what may be returned.");
				}
				items.add(new Returns.Request(line.id(), Integer.parseInt(quantity)));
			}
			String reason = form.getOrDefault("reason", "");
			String note = form.getOrDefault("note", "").strip();
			if (note.length() > MAX_NOTE || note.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\r')) {
				throw LoupeException.invalidData("The note must be at most " + MAX_NOTE + " characters of text.");
			}
			String location = form.getOrDefault("location_id", "").strip();
			if (!location.isEmpty() && !location.matches("[A-Za-z0-9_]{1,100}")) {
				throw LoupeException.invalidData("Choose a stock location from the list.");
			}
			Money refund = null;
			if ("on".equals(form.get("refund"))) {
				String amount = form.getOrDefault("refund_amount", "").strip();
				refund = amount.isEmpty() ? Returns.value(order, items) : amount(amount, order.currencyCode());
				if (!refund.isPositive()) {
					refund = null;
				}
			}
			Money refundAmount = refund;
			List<String> before = returns.forOrder(order.id()).stream().map(OrderReturn::id).toList();
			OrderReturn created = returns.create(order.id(), items, reason, note.isEmpty() ? null : note,
					location.isEmpty() ? null : location, refundAmount, "bo-return-" + key, staff.actor());
			if (!before.contains(created.id())) {
				Map<String, Object> details = new LinkedHashMap<>();
				details.put("return_id", created.id());
				details.put("items", created.items().stream().map(i -> i.lineId() + "×" + i.quantity()).toList());
				details.put("reason", created.reason());
				details.put("location_id", String.valueOf(created.locationId()));
				details.put("refund", created.refundAmount() == null ? "" : created.refundAmount().amount().toPlainString());
				record(staff, request, "order.return_created", order, details);
			}
			Flash.put(request, response, Flash.success("Return requested"
					+ (created.refunds() ? "; " + Format.money(created.refundAmount()) + " is refunded when it is received." : ".")));
			return "redirect:/app/orders/" + order.id() + "#returns";
		}
		catch (LoupeException e) {
			response.setStatus(e.status());
			return page(staff, order, e.getMessage(), null, model);
		}
	}

	@PostMapping("/app/orders/{id}/returns/{returnId}/receive")
	@Requires(Permission.ORDERS_WRITE)
	String receiveReturn(@PathVariable String id, @PathVariable String returnId, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		return moveReturn(id, returnId, "receive", request, response, model);
	}

	@PostMapping("/app/orders/{id}/returns/{returnId}/close")
	@Requires(Permission.ORDERS_WRITE)
	String closeReturn(@PathVariable String id, @PathVariable String returnId, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		return moveReturn(id, returnId, "close", request, response, model);
	}

	@PostMapping("/app/orders/{id}/returns/{returnId}/cancel")
	@Requires(Permission.ORDERS_WRITE)
	String cancelReturn(@PathVariable String id, @PathVariable String returnId, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		return moveReturn(id, returnId, "cancel", request, response, model);
	}

	private String moveReturn(String id, String returnId, String action, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		Staff staff = Staff.of(request);
		Order order = orders.find(id).orElseThrow(() -> LoupeException.notFound("Order", shown(id)));
		OrderReturn before = returns.find(returnId).filter(r -> r.orderId().equals(order.id()))
			.orElseThrow(() -> LoupeException.notFound("Return", shown(returnId)));
		try {
			OrderReturn after = switch (action) {
				case "receive" -> returns.receive(before.id(), staff.actor());
				case "close" -> returns.close(before.id(), staff.actor());
				default -> returns.cancel(before.id(), staff.actor());
			};
			if (after.status() != before.status()) {
				record(staff, request, "order.return_" + (action.equals("receive") ? "received" : action.equals("close")
						? "closed" : "canceled"), order, Map.of("return_id", after.id()));
			}
			if (after.refundedAt() != null && before.refundedAt() == null) {
				record(staff, request, "order.refunded", order, Map.of("return_id", after.id(), "amount",
						after.refundAmount().amount().toPlainString(), "currency",
						after.refundAmount().currency().getCurrencyCode(), "reason", "returned"));
			}
			String done = switch (action) {
				case "receive" -> "Return received" + (after.restocks() ? ", restocked" : "")
						+ (after.refundedAt() != null ? " and " + Format.money(after.refundAmount()) + " refunded" : "") + ".";
				case "close" -> "Return closed.";
				default -> "Return canceled.";
			};
			Flash.put(request, response, Flash.success(done));
			return "redirect:/app/orders/" + order.id() + "#returns";
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
		List<OrderReturn> orderReturns = returns.forOrder(order.id());
		OrderView view = new OrderView(order, region, collection, timeline(order, collection, fulfilment, orderReturns),
				StaffCookies.randomToken(), staff.can(Permission.ORDERS_WRITE), error);
		model.addAttribute("frame", new Frame(staff, "Order #" + order.displayId(), "orders",
				error == null ? flash : new Flash("error", error)));
		model.addAttribute("view", view);
		model.addAttribute("notes", notes.of(order.id()));
		model.addAttribute("reasons", REFUND_REASONS);
		model.addAttribute("fulfilment", fulfilment);
		model.addAttribute("returns", ReturnsPanel.of(order, orderReturns, returns.returnable(order.id()),
				stockSetup.locations(), returns.refundable(order), staff.can(Permission.ORDERS_WRITE)
						&& order.status() != dev.loupe.order.OrderStatus.CANCELED));
		return "app/order";
	}

	private List<OrderView.Event> timeline(Order order, PaymentCollection collection, FulfillmentPanel fulfilment,
			List<OrderReturn> orderReturns) {
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
		int n = 0;
		for (OrderReturn r : orderReturns) {
			String name = "Return " + (++n);
			int units = r.items().stream().mapToInt(OrderReturn.Item::quantity).sum();
			events.add(new OrderView.Event(r.createdAt(), name + " requested",
					units + (units == 1 ? " item · " : " items · ") + Returns.REASONS.getOrDefault(r.reason(), r.reason())
							+ (r.note() == null ? "" : " · " + r.note()), r.createdBy(), "info"));
			if (r.receivedAt() != null) {
				events.add(new OrderView.Event(r.receivedAt(), name + " received",
						r.restocks() ? "Restocked" : "Not restocked", "", "success"));
			}
			if (r.closedAt() != null) {
				events.add(new OrderView.Event(r.closedAt(), name + " closed", "", "", "info"));
			}
			if (r.canceledAt() != null) {
				events.add(new OrderView.Event(r.canceledAt(), name + " canceled", "", "", "danger"));
			}
		}
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
