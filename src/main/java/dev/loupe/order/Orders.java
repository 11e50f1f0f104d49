package dev.loupe.order;

import dev.loupe.order.internal.OrderRows;
import dev.loupe.platform.Ids;
import dev.loupe.platform.LoupeException;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Placed orders: placing (only the checkout does, from an {@link OrderDraft}), reading, and the changes of status
 * that the order's state machines allow ({@link OrderStatus}, {@link PaymentStatus}, {@link FulfillmentStatus}).
 * Every change locks the order row, is written to the order's history with who made it, and publishes a past-tense
 * event in the same transaction (the event publication registry is the outbox). An illegal change is
 * {@code not_allowed} naming both states; asking for the state an order is already in changes nothing.
 */
@Service
@Transactional
public class Orders {

	/** Who placed an order, in the history: the checkout, on the shopper's behalf. */
	public static final String CHECKOUT = "checkout";

	private static final int MAX_ACTOR = 200;
	private static final int MAX_REASON = 1000;

	private final OrderRows rows;
	private final ApplicationEventPublisher events;

	Orders(OrderRows rows, ApplicationEventPublisher events) {
		this.rows = rows;
		this.events = events;
	}

	/**
	 * Places the order in the caller's transaction (must run inside one: Propagation.MANDATORY). Idempotent per cart:
	 * if an order for draft.cartId() exists, returns it unchanged. Publishes OrderPlaced.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Order place(OrderDraft draft) {
		Order frozen = DraftRules.freeze(draft);
		if (!rows.insert(frozen)) {
			// This cart's order was placed before, or by a concurrent transaction, which has committed (the insert
			// waited for it), so it is visible now.
			return rows.findByCart(draft.cartId())
				.orElseThrow(() -> new IllegalStateException("The order of cart " + draft.cartId() + " vanished"));
		}
		for (int i = 0; i < frozen.items().size(); i++) {
			rows.insertLine(frozen.id(), i, frozen.items().get(i));
		}
		for (int i = 0; i < frozen.shippingMethods().size(); i++) {
			rows.insertShippingMethod(frozen.id(), i, frozen.shippingMethods().get(i));
		}
		rows.insertInitialChanges(frozen.id(), frozen.status().wire(), frozen.paymentStatus(),
				frozen.fulfillmentStatus(), CHECKOUT);
		Order placed = rows.find(frozen.id()).orElseThrow();
		events.publishEvent(new OrderPlaced(placed.id(), placed.displayId(), placed.cartId(), placed.customerId(),
				placed.email(), placed.currencyCode(), placed.totals().total().amount(), placed.variantIds(),
				placed.salesChannelId(),
				placed.items().stream().map(l -> new OrderPlaced.Line(l.id(), l.variantId(), l.quantity())).toList()));
		return placed;
	}

	/** An order by id; ids not shaped like an order id find nothing. */
	@Transactional(readOnly = true)
	public Optional<Order> find(String orderId) {
		return Ids.hasPrefix(orderId, "order") ? rows.find(orderId) : Optional.empty();
	}

	/** The order placed from a cart, if any. */
	@Transactional(readOnly = true)
	public Optional<Order> findByCart(String cartId) {
		return cartId == null || cartId.length() > 100 ? Optional.empty() : rows.findByCart(cartId);
	}

	/** Guest lookup: both must match (email case-insensitive); never reveals an order from the display id alone. */
	@Transactional(readOnly = true)
	public Optional<Order> findByDisplayId(long displayId, String email) {
		if (email == null || email.isBlank() || email.length() > 320) {
			return Optional.empty();
		}
		return rows.findByDisplayId(displayId, email.strip());
	}

	/**
	 * Gives a customer the orders placed as a guest with this email (case-insensitive) — only once the customer has
	 * proved the email is theirs. Recorded in each order's history; returns how many; a second call finds none.
	 */
	public int attachGuestOrders(String customerId, String email, String actor) {
		checkActor(actor, null);
		if (customerId == null || customerId.isBlank() || email == null || email.isBlank()) {
			return 0;
		}
		List<String> attached = rows.attachGuestOrders(customerId, email.strip());
		attached.forEach(id -> rows.insertChange(id, "customer_id", null, customerId, actor, "email verified"));
		return attached.size();
	}

	/** A customer's orders in every sales channel, newest first. */
	@Transactional(readOnly = true)
	public List<Order> forCustomer(String customerId, int limit, int offset) {
		return rows.forCustomer(customerId, null, page(limit, offset), offset);
	}

	/** A customer's orders placed through these sales channels (a publishable key's), newest first. */
	@Transactional(readOnly = true)
	public List<Order> forCustomer(String customerId, List<String> salesChannelIds, int limit, int offset) {
		return rows.forCustomer(customerId, List.copyOf(salesChannelIds), page(limit, offset), offset);
	}

	@Transactional(readOnly = true)
	public long countForCustomer(String customerId) {
		return rows.countForCustomer(customerId, null);
	}

	@Transactional(readOnly = true)
	public long countForCustomer(String customerId, List<String> salesChannelIds) {
		return rows.countForCustomer(customerId, List.copyOf(salesChannelIds));
	}

	/** The order's status changes, oldest first (the first three are its values when placed). */
	@Transactional(readOnly = true)
	public List<OrderChange> history(String orderId) {
		return rows.history(orderId);
	}

	/**
	 * Cancels a pending order (not when fulfilled/shipped); records the change; publishes OrderCanceled; idempotent
	 * (canceling a canceled order returns it). Its fulfilment status becomes canceled too; the payment is the
	 * payment module's to void or refund, which then reports it with {@link #setPaymentStatus}.
	 */
	public Order cancel(String orderId, String reason, String actor) {
		checkActor(actor, reason);
		Order order = locked(orderId);
		if (order.status() == OrderStatus.CANCELED) {
			return order;
		}
		if (!order.status().canBecome(OrderStatus.CANCELED)) {
			throw illegal(order, "status", order.status().wire(), OrderStatus.CANCELED.wire());
		}
		FulfillmentStatus fulfillment = FulfillmentStatus.find(order.fulfillmentStatus()).orElseThrow();
		if (!fulfillment.cancelable()) {
			throw LoupeException.notAllowed("Order " + order.id() + " cannot go from " + order.status().wire()
					+ " to canceled: its fulfillment status is " + fulfillment.wire());
		}
		change(order, "status", order.status().wire(), OrderStatus.CANCELED.wire(), actor, reason);
		if (fulfillment != FulfillmentStatus.CANCELED) {
			change(order, "fulfillment_status", fulfillment.wire(), FulfillmentStatus.CANCELED.wire(), actor, reason);
		}
		events.publishEvent(new OrderCanceled(order.id(), reason));
		return rows.find(order.id()).orElseThrow();
	}

	/** Marks a pending order completed (all of it delivered or otherwise settled); recorded in the history. */
	public Order complete(String orderId, String actor) {
		checkActor(actor, null);
		Order order = locked(orderId);
		if (order.status() == OrderStatus.COMPLETED) {
			return order;
		}
		if (!order.status().canBecome(OrderStatus.COMPLETED)) {
			throw illegal(order, "status", order.status().wire(), OrderStatus.COMPLETED.wire());
		}
		change(order, "status", order.status().wire(), OrderStatus.COMPLETED.wire(), actor, null);
		return rows.find(order.id()).orElseThrow();
	}

	/** Moves the payment status (Medusa's wire value) along {@link PaymentStatus}; recorded in the history. */
	public Order setPaymentStatus(String orderId, String paymentStatus, String actor) {
		checkActor(actor, null);
		PaymentStatus to = PaymentStatus.find(paymentStatus)
			.orElseThrow(() -> LoupeException.invalidData("Unknown payment status: " + paymentStatus));
		Order order = locked(orderId);
		PaymentStatus from = PaymentStatus.find(order.paymentStatus()).orElseThrow();
		if (from == to) {
			return order;
		}
		if (!from.canBecome(to)) {
			throw illegal(order, "payment status", from.wire(), to.wire());
		}
		change(order, "payment_status", from.wire(), to.wire(), actor, null);
		events.publishEvent(new OrderPaymentStatusChanged(order.id(), from.wire(), to.wire()));
		return rows.find(order.id()).orElseThrow();
	}

	/** Moves the fulfilment status (Medusa's wire value) along {@link FulfillmentStatus}; recorded in the history. */
	public Order setFulfillmentStatus(String orderId, String fulfillmentStatus, String actor) {
		checkActor(actor, null);
		FulfillmentStatus to = FulfillmentStatus.find(fulfillmentStatus)
			.orElseThrow(() -> LoupeException.invalidData("Unknown fulfillment status: " + fulfillmentStatus));
		Order order = locked(orderId);
		FulfillmentStatus from = FulfillmentStatus.find(order.fulfillmentStatus()).orElseThrow();
		if (from == to) {
			return order;
		}
		if (!from.canBecome(to)) {
			throw illegal(order, "fulfillment status", from.wire(), to.wire());
		}
		change(order, "fulfillment_status", from.wire(), to.wire(), actor, null);
		return rows.find(order.id()).orElseThrow();
	}

	// ---------------------------------------------------------------- rules

	private Order locked(String orderId) {
		if (!Ids.hasPrefix(orderId, "order")) {
			// Not echoed: a malformed id may be kilobytes long or hold control characters.
			throw LoupeException.notFound("Order", "(malformed)");
		}
		return rows.lock(orderId).orElseThrow(() -> LoupeException.notFound("Order", orderId));
	}

	private void change(Order order, String column, String from, String to, String actor, String reason) {
		rows.setStatus(order.id(), column, to);
		rows.insertChange(order.id(), column, from, to, actor, reason);
	}

	private static LoupeException illegal(Order order, String what, String from, String to) {
		return LoupeException.notAllowed("Order " + order.id() + " " + what + " cannot change from " + from + " to " + to);
	}

	private static void checkActor(String actor, String reason) {
		if (actor == null || actor.isBlank() || actor.length() > MAX_ACTOR) {
			throw LoupeException.invalidData("actor must be a text of 1 to " + MAX_ACTOR + " characters");
		}
		if (reason != null && reason.length() > MAX_REASON) {
			throw LoupeException.invalidData("reason must be at most " + MAX_REASON + " characters");
		}
	}

	private static int page(int limit, int offset) {
		if (limit < 0 || limit > 1000 || offset < 0) {
			throw LoupeException.invalidData("limit must be from 0 to 1000 and offset not negative");
		}
		return limit;
	}
}
