package dev.loupe.fulfillment;

import dev.loupe.fulfillment.internal.FulfillmentRows;
import dev.loupe.inventory.Reservation;
import dev.loupe.inventory.Reservations;
import dev.loupe.order.FulfillmentStatus;
import dev.loupe.order.Order;
import dev.loupe.order.OrderLine;
import dev.loupe.order.OrderStatus;
import dev.loupe.order.Orders;
import dev.loupe.platform.Ids;
import dev.loupe.platform.LoupeException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Fulfilments of orders: created for chosen quantities of an order's lines at a stock location (never more than
 * ordered minus what earlier, not canceled, fulfilments hold), then shipped, delivered or canceled along
 * {@link FulfillmentState}. Every change of an order's fulfilments runs under a lock of that order, moves the order's
 * fulfilment status ({@link Orders#setFulfillmentStatus}) to what its fulfilments now add up to, and publishes a
 * past-tense event in the same transaction. Stock leaves the inventory when a fulfilment ships
 * ({@link Reservations#fulfil}), so canceling one that has not left gives nothing back.
 */
@Service
@Transactional
public class Fulfillments {

	private static final int MAX_KEY = 200;
	private static final int MAX_TEXT = 500;

	private final FulfillmentRows rows;
	private final Orders orders;
	private final Reservations reservations;
	private final ApplicationEventPublisher events;

	Fulfillments(FulfillmentRows rows, Orders orders, Reservations reservations, ApplicationEventPublisher events) {
		this.rows = rows;
		this.orders = orders;
		this.reservations = reservations;
		this.events = events;
	}

	/** What to fulfil: an order line and how many of it. */
	public record Request(String lineId, int quantity) {
	}

	/**
	 * Creates a fulfilment of these quantities at {@code locationId} (null: the location holding the order's
	 * reservations). With an idempotency key, a repeated call returns the first fulfilment unchanged.
	 * {@code invalid_data} for unknown lines or more than is left to fulfil; {@code not_allowed} for a canceled order.
	 */
	public Fulfillment create(String orderId, List<Request> requested, String locationId, String idempotencyKey,
			String actor) {
		checkText("idempotency_key", idempotencyKey, MAX_KEY);
		checkActor(actor);
		Order order = order(orderId);
		rows.lockOrder(order.id());
		if (idempotencyKey != null) {
			Optional<Fulfillment> earlier = rows.byIdempotencyKey(order.id(), idempotencyKey);
			if (earlier.isPresent()) {
				return earlier.get();
			}
		}
		if (order.status() == OrderStatus.CANCELED || order.status() == OrderStatus.ARCHIVED
				|| FulfillmentStatus.CANCELED.wire().equals(order.fulfillmentStatus())) {
			throw LoupeException.notAllowed("Order " + order.id() + " is " + order.status().wire()
					+ " and cannot be fulfilled");
		}
		if (requested == null || requested.isEmpty()) {
			throw LoupeException.invalidData("items must name at least one order line to fulfil");
		}
		if (requested.size() > order.items().size()) {
			throw LoupeException.invalidData("items name more lines than the order has");
		}
		Map<String, OrderLine> lines = new LinkedHashMap<>();
		order.items().forEach(l -> lines.put(l.id(), l));
		Map<String, Integer> taken = fulfilledSoFar(order.id());
		List<FulfillmentItem> items = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (Request r : requested) {
			OrderLine line = r.lineId() == null ? null : lines.get(r.lineId());
			if (line == null) {
				throw LoupeException.invalidData("Order " + order.id() + " has no line " + shown(r.lineId()));
			}
			if (!seen.add(line.id())) {
				throw LoupeException.invalidData("Line " + line.id() + " is named twice");
			}
			int left = line.quantity() - taken.getOrDefault(line.id(), 0);
			if (r.quantity() < 1 || r.quantity() > left) {
				throw LoupeException.invalidData("Cannot fulfil " + r.quantity() + " of line " + line.id() + ": "
						+ left + " of " + line.quantity() + " are left to fulfil");
			}
			items.add(new FulfillmentItem(line.id(), line.variantId(), r.quantity()));
		}
		String location = location(order.id(), locationId);
		String id = Ids.next("ful");
		rows.insert(id, order.id(), location, idempotencyKey, actor, items);
		settleOrderStatus(order.id(), actor);
		events.publishEvent(new FulfillmentCreated(id, order.id(), order.displayId(), order.email(), location, items));
		return rows.find(id).orElseThrow();
	}

	/**
	 * Ships a created fulfilment with its tracking (parts may be null; a bought label's are kept): its stock leaves
	 * the location. Shipping a shipped fulfilment changes nothing; a delivered or canceled one is {@code not_allowed}.
	 */
	public Fulfillment ship(String fulfillmentId, Tracking tracking, String actor) {
		checkActor(actor);
		if (tracking != null) {
			checkText("tracking_number", tracking.number(), MAX_TEXT);
			checkText("carrier", tracking.carrier(), MAX_TEXT);
			checkUrl(tracking.url());
		}
		Fulfillment f = locked(fulfillmentId);
		if (f.state() == FulfillmentState.SHIPPED) {
			return f;
		}
		refuseUnless(f, FulfillmentState.SHIPPED);
		if (tracking != null) {
			rows.setTracking(f.id(), tracking);
		}
		leave(f, actor);
		rows.setState(f.id(), FulfillmentState.SHIPPED);
		Order order = settleOrderStatus(f.orderId(), actor);
		Fulfillment shipped = rows.find(f.id()).orElseThrow();
		Tracking t = shipped.tracking() == null ? new Tracking(null, null, null) : shipped.tracking();
		events.publishEvent(new ShipmentShipped(f.id(), order.id(), order.displayId(), order.email(), t.number(),
				t.url(), t.carrier(), shipped.items()));
		return shipped;
	}

	/**
	 * Marks a fulfilment delivered (a created one ships on the way: its stock leaves the location). Idempotent;
	 * a canceled one is {@code not_allowed}.
	 */
	public Fulfillment deliver(String fulfillmentId, String actor) {
		checkActor(actor);
		Fulfillment f = locked(fulfillmentId);
		if (f.state() == FulfillmentState.DELIVERED) {
			return f;
		}
		refuseUnless(f, FulfillmentState.DELIVERED);
		if (f.state() == FulfillmentState.CREATED) {
			leave(f, actor);
		}
		rows.setState(f.id(), FulfillmentState.DELIVERED);
		Order order = settleOrderStatus(f.orderId(), actor);
		Fulfillment delivered = rows.find(f.id()).orElseThrow();
		Tracking t = delivered.tracking() == null ? new Tracking(null, null, null) : delivered.tracking();
		events.publishEvent(new ShipmentDelivered(f.id(), order.id(), order.displayId(), order.email(), t.number(),
				t.url(), t.carrier(), delivered.items(), delivered.deliveredAt()));
		return delivered;
	}

	/** Cancels a fulfilment that has not left; its quantities may be fulfilled again. Idempotent. */
	public Fulfillment cancel(String fulfillmentId, String actor) {
		checkActor(actor);
		Fulfillment f = locked(fulfillmentId);
		if (f.state() == FulfillmentState.CANCELED) {
			return f;
		}
		refuseUnless(f, FulfillmentState.CANCELED);
		if (f.hasLabel()) {
			throw LoupeException.notAllowed("Fulfillment " + f.id() + " has a bought label; void the label first");
		}
		rows.setState(f.id(), FulfillmentState.CANCELED);
		settleOrderStatus(f.orderId(), actor);
		events.publishEvent(new FulfillmentCanceled(f.id(), f.orderId()));
		return rows.find(f.id()).orElseThrow();
	}

	/** A fulfilment by id; malformed ids find nothing. */
	@Transactional(readOnly = true)
	public Optional<Fulfillment> find(String fulfillmentId) {
		return Ids.hasPrefix(fulfillmentId, "ful") ? rows.find(fulfillmentId) : Optional.empty();
	}

	/** The fulfilments of an order, oldest first. */
	@Transactional(readOnly = true)
	public List<Fulfillment> forOrder(String orderId) {
		return Ids.hasPrefix(orderId, "order") ? rows.forOrder(orderId) : List.of();
	}

	/** The fulfilment of a carrier shipment or tracking number (tracking webhooks). */
	@Transactional(readOnly = true)
	public Optional<Fulfillment> byShipment(String shipmentId, String trackingNumber) {
		return rows.idByShipmentOrTracking(shipmentId, trackingNumber).flatMap(rows::find);
	}

	// ---------------------------------------------------------------- rules

	private Order order(String orderId) {
		return orders.find(orderId).orElseThrow(() -> LoupeException.notFound("Order", shown(orderId)));
	}

	private Fulfillment locked(String fulfillmentId) {
		Fulfillment f = find(fulfillmentId)
			.orElseThrow(() -> LoupeException.notFound("Fulfillment", shown(fulfillmentId)));
		rows.lockOrder(f.orderId());
		return rows.lock(f.id()).orElseThrow();
	}

	private static void refuseUnless(Fulfillment f, FulfillmentState to) {
		if (!f.state().canBecome(to)) {
			throw LoupeException.notAllowed("Fulfillment " + f.id() + " cannot go from " + f.state().wire() + " to "
					+ to.wire());
		}
	}

	/** The fulfilment's goods leave its location's stock (reserved for the order first). */
	private void leave(Fulfillment f, String actor) {
		if (f.locationId() == null) {
			return;
		}
		for (FulfillmentItem item : f.items()) {
			if (item.variantId() != null) {
				reservations.fulfil(f.orderId(), item.variantId(), f.locationId(), item.quantity(), actor);
			}
		}
	}

	private String location(String orderId, String locationId) {
		if (locationId != null) {
			if (!reservations.locationExists(locationId)) {
				throw LoupeException.invalidData("location_id " + shown(locationId) + " is not a stock location");
			}
			return locationId;
		}
		// The location that holds most of the order's reservations: where its goods were promised from.
		Map<String, Integer> held = new HashMap<>();
		for (Reservation r : reservations.forReference(orderId)) {
			held.merge(r.locationId(), r.quantity(), Integer::sum);
		}
		return held.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
	}

	private Map<String, Integer> fulfilledSoFar(String orderId) {
		Map<String, Integer> taken = new HashMap<>();
		for (Fulfillment f : rows.forOrder(orderId)) {
			if (f.state() != FulfillmentState.CANCELED) {
				f.items().forEach(i -> taken.merge(i.lineId(), i.quantity(), Integer::sum));
			}
		}
		return taken;
	}

	/** Moves the order's fulfilment status to what its fulfilments add up to. */
	private Order settleOrderStatus(String orderId, String actor) {
		Order order = orders.find(orderId).orElseThrow();
		Map<String, Integer> fulfilled = new HashMap<>();
		Map<String, Integer> shipped = new HashMap<>();
		Map<String, Integer> delivered = new HashMap<>();
		for (Fulfillment f : rows.forOrder(orderId)) {
			for (FulfillmentItem i : f.items()) {
				if (f.state() != FulfillmentState.CANCELED) {
					fulfilled.merge(i.lineId(), i.quantity(), Integer::sum);
				}
				if (f.state().left()) {
					shipped.merge(i.lineId(), i.quantity(), Integer::sum);
				}
				if (f.state() == FulfillmentState.DELIVERED) {
					delivered.merge(i.lineId(), i.quantity(), Integer::sum);
				}
			}
		}
		FulfillmentStatus status = !delivered.isEmpty()
				? all(order, delivered) ? FulfillmentStatus.DELIVERED : FulfillmentStatus.PARTIALLY_DELIVERED
				: !shipped.isEmpty() ? all(order, shipped) ? FulfillmentStatus.SHIPPED : FulfillmentStatus.PARTIALLY_SHIPPED
				: !fulfilled.isEmpty() ? all(order, fulfilled) ? FulfillmentStatus.FULFILLED
						: FulfillmentStatus.PARTIALLY_FULFILLED
				: FulfillmentStatus.NOT_FULFILLED;
		return orders.setFulfillmentStatus(orderId, status.wire(), actor);
	}

	private static boolean all(Order order, Map<String, Integer> quantities) {
		return order.items().stream().allMatch(l -> quantities.getOrDefault(l.id(), 0) >= l.quantity());
	}

	private static void checkActor(String actor) {
		if (actor == null || actor.isBlank() || actor.length() > 200) {
			throw LoupeException.invalidData("actor must be a text of 1 to 200 characters");
		}
	}

	private static void checkText(String field, String value, int max) {
		if (value != null && (value.isBlank() || value.length() > max || value.chars().anyMatch(c -> c < 0x20))) {
			throw LoupeException.invalidData(field + " must be a text of 1 to " + max
					+ " characters without control characters");
		}
	}

	private static void checkUrl(String url) {
		checkText("tracking_url", url, 2000);
		if (url != null && !url.startsWith("https://") && !url.startsWith("http://")) {
			throw LoupeException.invalidData("tracking_url must be an http(s) address");
		}
	}

	static String shown(String id) {
		return ShippingOptions.shown(id);
	}
}
