package dev.loupe.fulfillment;

import dev.loupe.fulfillment.internal.FulfillmentRows;
import dev.loupe.fulfillment.internal.ReturnRows;
import dev.loupe.inventory.StockSetup;
import dev.loupe.order.Order;
import dev.loupe.order.OrderLine;
import dev.loupe.order.OrderStatus;
import dev.loupe.order.Orders;
import dev.loupe.payment.Payment;
import dev.loupe.payment.PaymentCollection;
import dev.loupe.payment.PaymentCollections;
import dev.loupe.platform.Ids;
import dev.loupe.platform.LoupeException;
import dev.loupe.platform.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Returns of shipped goods (ADR 019): created for chosen quantities of an order's lines — never more than its shipped
 * or delivered fulfilments hold minus what earlier returns (not canceled) take back — with a reason, an optional
 * stock location to restock to and an optional refund, never more than the returned lines' value nor than the
 * payment's captured amount minus what is refunded and what other open returns will refund. Receiving a return
 * restocks it (an inventory ledger movement with the reason {@code return}) and then refunds it through
 * {@link PaymentCollections#refund}, outside any transaction and with the return's id as idempotency key, so a
 * refund left pending by a failure is retried by receiving again. Every change runs under the order's fulfilment
 * lock; creating with an idempotency key twice gives the first return, and repeating a move already made changes
 * nothing.
 */
@Service
public class Returns {

	public static final Map<String, String> REASONS = reasons();
	private static final int MAX_TEXT = 500;
	private static final int MAX_KEY = 200;

	private final ReturnRows rows;
	private final FulfillmentRows fulfilments;
	private final Orders orders;
	private final PaymentCollections payments;
	private final StockSetup stock;
	private final TransactionTemplate tx;

	Returns(ReturnRows rows, FulfillmentRows fulfilments, Orders orders, PaymentCollections payments, StockSetup stock,
			TransactionTemplate tx) {
		this.rows = rows;
		this.fulfilments = fulfilments;
		this.orders = orders;
		this.payments = payments;
		this.stock = stock;
		this.tx = tx;
	}

	/** What to return: an order line and how many of it. */
	public record Request(String lineId, int quantity) {
	}

	/** The returns of an order, oldest first. */
	public List<OrderReturn> forOrder(String orderId) {
		return Ids.hasPrefix(orderId, "order") ? tx.execute(s -> rows.forOrder(orderId)) : List.of();
	}

	public Optional<OrderReturn> find(String returnId) {
		return Ids.hasPrefix(returnId, "ret") ? tx.execute(s -> rows.find(returnId)) : Optional.empty();
	}

	/** Per order line, how many may still be returned: shipped or delivered, minus open and done returns. */
	public Map<String, Integer> returnable(String orderId) {
		return tx.execute(s -> returnableNow(orderId));
	}

	/** The value of returned quantities: each line's total (after discounts, with tax) in proportion. */
	public static Money value(Order order, List<Request> items) {
		Money sum = Money.zero(order.currencyCode());
		for (Request r : items) {
			for (OrderLine line : order.items()) {
				if (line.id().equals(r.lineId()) && r.quantity() > 0) {
					sum = sum.plus(line.amounts().total()
						.times(BigDecimal.valueOf(r.quantity()).divide(BigDecimal.valueOf(line.quantity()), 12,
								RoundingMode.HALF_UP))
						.rounded());
				}
			}
		}
		return sum;
	}

	/**
	 * What may still be refunded for new returns: the live payment's captured minus refunded amount, minus the refunds
	 * that open returns will make; zero when the order has no captured payment.
	 */
	public Money refundable(Order order) {
		return tx.execute(s -> refundableNow(order, null));
	}

	/**
	 * Creates a requested return. {@code invalid_data}: no items, unknown or repeated lines, more than may be returned,
	 * an unknown reason or location, a refund more than the lines' value; {@code not_allowed}: a canceled order,
	 * nothing shipped, or a refund more than may be refunded.
	 */
	public OrderReturn create(String orderId, List<Request> requested, String reason, String note, String locationId,
			Money refund, String idempotencyKey, String actor) {
		text("idempotency_key", idempotencyKey, MAX_KEY);
		text("note", note, MAX_TEXT);
		if (actor == null || actor.isBlank()) {
			throw LoupeException.invalidData("actor is required");
		}
		return tx.execute(s -> {
			Order order = orders.find(orderId).orElseThrow(() -> LoupeException.notFound("Order", shown(orderId)));
			fulfilments.lockOrder(order.id());
			if (idempotencyKey != null) {
				Optional<OrderReturn> earlier = rows.byIdempotencyKey(order.id(), idempotencyKey);
				if (earlier.isPresent()) {
					return earlier.get();
				}
			}
			if (order.status() == OrderStatus.CANCELED) {
				throw LoupeException.notAllowed("Order #" + order.displayId() + " is canceled: nothing to return");
			}
			if (reason == null || !REASONS.containsKey(reason)) {
				throw LoupeException.invalidData("Choose a reason for the return");
			}
			Map<String, Integer> returnable = returnableNow(order.id());
			if (returnable.values().stream().allMatch(q -> q == 0)) {
				throw LoupeException.notAllowed("Nothing of order #" + order.displayId()
						+ " has been shipped or delivered and not returned yet");
			}
			if (requested == null || requested.isEmpty()) {
				throw LoupeException.invalidData("Choose at least one item to return");
			}
			Map<String, OrderLine> lines = new LinkedHashMap<>();
			order.items().forEach(l -> lines.put(l.id(), l));
			List<OrderReturn.Item> items = new ArrayList<>();
			Set<String> seen = new HashSet<>();
			for (Request r : requested) {
				OrderLine line = r.lineId() == null ? null : lines.get(r.lineId());
				if (line == null) {
					throw LoupeException.invalidData("Order #" + order.displayId() + " has no line " + shown(r.lineId()));
				}
				if (!seen.add(line.id())) {
					throw LoupeException.invalidData("Line " + line.title() + " is named twice");
				}
				int left = returnable.getOrDefault(line.id(), 0);
				if (r.quantity() < 1 || r.quantity() > left) {
					throw LoupeException.invalidData("Cannot return " + r.quantity() + " of " + line.title() + ": " + left
							+ " shipped and not returned yet");
				}
				items.add(new OrderReturn.Item(line.id(), line.variantId(), r.quantity()));
			}
			if (locationId != null && stock.locations().stream().noneMatch(l -> l.id().equals(locationId))) {
				throw LoupeException.invalidData("location_id " + shown(locationId) + " is not a stock location");
			}
			if (refund != null) {
				if (!refund.currency().getCurrencyCode().equalsIgnoreCase(order.currencyCode()) || !refund.isPositive()) {
					throw LoupeException.invalidData("The refund must be a positive amount in "
							+ order.currencyCode().toUpperCase(java.util.Locale.ROOT));
				}
				Money value = value(order, requested);
				if (refund.compareTo(value) > 0) {
					throw LoupeException.invalidData("The refund must not be more than the returned items' value ("
							+ value.amount().toPlainString() + ")");
				}
				Money refundable = refundableNow(order, null);
				if (refund.compareTo(refundable) > 0) {
					throw LoupeException.notAllowed("At most " + refundable.amount().toPlainString() + " "
							+ order.currencyCode().toUpperCase(java.util.Locale.ROOT)
							+ " can be refunded (captured minus refunded and open returns)");
				}
			}
			String id = Ids.next("ret");
			rows.insert(id, order.id(), reason, note == null || note.isBlank() ? null : note.strip(), locationId, refund,
					order.currencyCode(), idempotencyKey, actor, items);
			return rows.find(id).orElseThrow();
		});
	}

	/**
	 * Receives a requested return: restocks its items at its location, then refunds it. Receiving a received return
	 * only retries a pending refund; a closed or canceled one is {@code not_allowed}. The refund is checked again
	 * against what may be refunded now, before anything moves.
	 */
	public OrderReturn receive(String returnId, String actor) {
		OrderReturn received = tx.execute(s -> {
			OrderReturn r = locked(returnId);
			if (r.status() == ReturnStatus.RECEIVED) {
				return r;
			}
			refuseUnless(r, ReturnStatus.RECEIVED);
			Order order = orders.find(r.orderId()).orElseThrow();
			String paymentId = null;
			if (r.refunds()) {
				Payment payment = livePayment(order)
					.orElseThrow(() -> LoupeException.notAllowed("Order #" + order.displayId() + " has no captured payment to refund"));
				Money refundable = refundableNow(order, r.id());
				if (r.refundAmount().compareTo(refundable) > 0) {
					throw LoupeException.notAllowed("At most " + refundable.amount().toPlainString() + " "
							+ order.currencyCode().toUpperCase(java.util.Locale.ROOT) + " can be refunded now");
				}
				paymentId = payment.id();
			}
			if (r.restocks()) {
				for (OrderReturn.Item item : r.items()) {
					if (item.variantId() != null) {
						stock.adjust(item.variantId(), r.locationId(), item.quantity(), "return", actor);
					}
				}
			}
			rows.setStatus(r.id(), ReturnStatus.RECEIVED, r.refunds() ? "pending" : null, paymentId);
			return rows.find(r.id()).orElseThrow();
		});
		if ("pending".equals(received.refundStatus())) {
			payments.refund(received.paymentId(), received.refundAmount(), "returned", "Return " + received.id(),
					"return-" + received.id());
			tx.executeWithoutResult(s -> rows.setRefunded(received.id()));
		}
		return find(received.id()).orElseThrow();
	}

	/** Closes a received return (nothing more to do); closing a closed one changes nothing. */
	public OrderReturn close(String returnId, String actor) {
		return move(returnId, ReturnStatus.CLOSED);
	}

	/** Cancels a requested return (the goods never came back); canceling a canceled one changes nothing. */
	public OrderReturn cancel(String returnId, String actor) {
		return move(returnId, ReturnStatus.CANCELED);
	}

	private OrderReturn move(String returnId, ReturnStatus to) {
		return tx.execute(s -> {
			OrderReturn r = locked(returnId);
			if (r.status() == to) {
				return r;
			}
			refuseUnless(r, to);
			rows.setStatus(r.id(), to, null, null);
			return rows.find(r.id()).orElseThrow();
		});
	}

	// ---------------------------------------------------------------- rules

	private OrderReturn locked(String returnId) {
		OrderReturn r = (Ids.hasPrefix(returnId, "ret") ? rows.find(returnId) : Optional.<OrderReturn>empty())
			.orElseThrow(() -> LoupeException.notFound("Return", shown(returnId)));
		fulfilments.lockOrder(r.orderId());
		return rows.lock(r.id()).orElseThrow();
	}

	private static void refuseUnless(OrderReturn r, ReturnStatus to) {
		if (!r.status().canBecome(to)) {
			throw LoupeException.notAllowed("Return " + r.id() + " is " + r.status().wire() + " and cannot become "
					+ to.wire());
		}
	}

	private Map<String, Integer> returnableNow(String orderId) {
		Map<String, Integer> left = new HashMap<>();
		for (Fulfillment f : fulfilments.forOrder(orderId)) {
			if (f.state().left()) {
				f.items().forEach(i -> left.merge(i.lineId(), i.quantity(), Integer::sum));
			}
		}
		for (OrderReturn r : rows.forOrder(orderId)) {
			if (r.status() != ReturnStatus.CANCELED) {
				r.items().forEach(i -> left.merge(i.lineId(), -i.quantity(), Integer::sum));
			}
		}
		left.replaceAll((line, q) -> Math.max(0, q));
		return left;
	}

	private Money refundableNow(Order order, String exceptReturn) {
		Money left = livePayment(order).map(p -> p.capturedAmount().minus(p.refundedAmount()))
			.orElse(Money.zero(order.currencyCode()));
		for (OrderReturn r : rows.forOrder(order.id())) {
			if (r.refunds() && !r.id().equals(exceptReturn) && !"refunded".equals(r.refundStatus())
					&& r.status() != ReturnStatus.CANCELED) {
				left = left.minus(r.refundAmount());
			}
		}
		return left.isNegative() ? Money.zero(order.currencyCode()) : left;
	}

	private Optional<Payment> livePayment(Order order) {
		return order.paymentCollectionId() == null ? Optional.empty()
				: payments.find(order.paymentCollectionId()).flatMap(PaymentCollection::livePayment);
	}

	private static void text(String name, String value, int max) {
		if (value != null && (value.length() > max || value.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\r'))) {
			throw LoupeException.invalidData(name + " must be at most " + max + " characters of text");
		}
	}

	private static String shown(String id) {
		return id != null && id.length() <= 60 && id.matches("[A-Za-z0-9_]+") ? id : "(malformed)";
	}

	private static Map<String, String> reasons() {
		Map<String, String> reasons = new LinkedHashMap<>();
		reasons.put("damaged", "Damaged or faulty");
		reasons.put("wrong_item", "Wrong item sent");
		reasons.put("not_as_described", "Not as described");
		reasons.put("size_or_fit", "Size or fit");
		reasons.put("no_longer_needed", "No longer needed");
		reasons.put("other", "Other");
		return reasons;
	}
}
