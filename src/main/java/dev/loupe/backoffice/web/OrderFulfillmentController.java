package dev.loupe.backoffice.web;

import dev.loupe.audit.Actor;
import dev.loupe.audit.AuditLog;
import dev.loupe.fulfillment.Fulfillment;
import dev.loupe.fulfillment.Fulfillments;
import dev.loupe.fulfillment.ShippingLabels;
import dev.loupe.fulfillment.Tracking;
import dev.loupe.identity.Permission;
import dev.loupe.order.Order;
import dev.loupe.order.OrderLine;
import dev.loupe.order.Orders;
import dev.loupe.platform.LoupeException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The fulfilment actions of an order's page: create a fulfilment of chosen quantities at a stock location (the
 * form's idempotency key makes a double submit one fulfilment), buy its label (EasyPost), mark it shipped with a
 * carrier and tracking number typed in, delivered, or cancel it. Each needs {@link Permission#ORDERS_FULFILL}, is
 * audited when it changes something, and answers with the order page: a refusal (too many items, a fulfilment that
 * already left) is an error message there, never a server fault.
 */
@Controller
class OrderFulfillmentController {

	private static final int MAX_TEXT = 200;
	/** Public tracking pages of common carriers, for a number typed in without its address. */
	private static final Map<String, String> TRACKING_PAGES = Map.of(
			"usps", "https://tools.usps.com/go/TrackConfirmAction?tLabels=",
			"ups", "https://www.ups.com/track?tracknum=",
			"fedex", "https://www.fedex.com/fedextrack/?trknbr=",
			"dhl", "https://www.dhl.com/global-en/home/tracking/tracking-express.html?tracking-id=",
			"dhl express", "https://www.dhl.com/global-en/home/tracking/tracking-express.html?tracking-id=",
			"royal mail", "https://www.royalmail.com/track-your-item#/tracking-results/");

	private final Orders orders;
	private final Fulfillments fulfillments;
	private final ShippingLabels labels;
	private final AuditLog audit;
	private final TransactionTemplate tx;

	OrderFulfillmentController(Orders orders, Fulfillments fulfillments, ShippingLabels labels, AuditLog audit,
			TransactionTemplate tx) {
		this.orders = orders;
		this.fulfillments = fulfillments;
		this.labels = labels;
		this.audit = audit;
		this.tx = tx;
	}

	@PostMapping("/app/orders/{id}/fulfillments")
	@Requires(Permission.ORDERS_FULFILL)
	String create(@PathVariable String id, @RequestParam Map<String, String> form, HttpServletRequest request,
			HttpServletResponse response) {
		Staff staff = Staff.of(request);
		Order order = order(id);
		return act(order, request, response, () -> {
			String key = form.getOrDefault("idempotency_key", "");
			if (!key.matches("[A-Za-z0-9]{16,64}")) {
				throw LoupeException.invalidData("This form is incomplete; reload the page and try again.");
			}
			List<Fulfillments.Request> requested = new ArrayList<>();
			for (OrderLine line : order.items()) {
				String quantity = form.getOrDefault("quantity_" + line.id(), "").strip();
				if (quantity.isEmpty() || quantity.equals("0")) {
					continue;
				}
				if (!quantity.matches("[0-9]{1,6}")) {
					throw LoupeException.invalidData("Enter each quantity as a whole number from 0 to what is left.");
				}
				requested.add(new Fulfillments.Request(line.id(), Integer.parseInt(quantity)));
			}
			if (requested.isEmpty()) {
				throw LoupeException.invalidData("Choose at least one item to fulfil.");
			}
			String location = form.getOrDefault("location_id", "").strip();
			if (!location.isEmpty() && !location.matches("[A-Za-z0-9_]{1,100}")) {
				throw LoupeException.invalidData("Choose a stock location from the list.");
			}
			Fulfillment created = tx.execute(s -> {
				List<String> before = fulfillments.forOrder(order.id()).stream().map(Fulfillment::id).toList();
				Fulfillment f = fulfillments.create(order.id(), requested, location.isEmpty() ? null : location,
						"bo-fulfil-" + key, staff.actor());
				if (!before.contains(f.id())) {
					record(staff, request, "fulfillment.created", order, f, Map.of("items", units(f), "location_id",
							String.valueOf(f.locationId())));
				}
				return f;
			});
			return "Fulfilment created for " + units(created) + ".";
		});
	}

	@PostMapping("/app/orders/{id}/fulfillments/{fid}/label")
	@Requires(Permission.ORDERS_FULFILL)
	String buyLabel(@PathVariable String id, @PathVariable String fid, HttpServletRequest request,
			HttpServletResponse response) {
		Staff staff = Staff.of(request);
		Order order = order(id);
		Fulfillment f = fulfillment(order, fid);
		return act(order, request, response, () -> {
			if (f.hasLabel()) {
				return "This fulfilment already has a label.";
			}
			// A carrier call: outside any transaction; the purchase itself is recorded by ShippingLabels.
			Fulfillment labelled = labels.buy(f.id(), null);
			Tracking t = labelled.tracking();
			tx.executeWithoutResult(s -> record(staff, request, "fulfillment.label_bought", order, labelled,
					Map.of("tracking_number", t == null || t.number() == null ? "" : t.number())));
			return "Label bought" + (t == null || t.number() == null ? "." : ": tracking number " + t.number() + ".");
		});
	}

	@PostMapping("/app/orders/{id}/fulfillments/{fid}/ship")
	@Requires(Permission.ORDERS_FULFILL)
	String ship(@PathVariable String id, @PathVariable String fid, @RequestParam(defaultValue = "") String carrier,
			@RequestParam(name = "tracking_number", defaultValue = "") String trackingNumber,
			@RequestParam(name = "tracking_url", defaultValue = "") String trackingUrl, HttpServletRequest request,
			HttpServletResponse response) {
		Staff staff = Staff.of(request);
		Order order = order(id);
		Fulfillment f = fulfillment(order, fid);
		return act(order, request, response, () -> {
			String c = text("carrier", carrier);
			String number = text("tracking number", trackingNumber);
			String url = text("tracking link", trackingUrl);
			if (number != null && !number.matches("[A-Za-z0-9 -]{4,60}")) {
				throw LoupeException.invalidData("A tracking number has 4 to 60 letters, digits, spaces or dashes.");
			}
			if (url != null && !url.startsWith("https://") && !url.startsWith("http://")) {
				throw LoupeException.invalidData("The tracking link must be an http(s) address.");
			}
			if (url == null && number != null && c != null) {
				String page = TRACKING_PAGES.get(c.toLowerCase(Locale.ROOT));
				url = page == null ? null : page + URLEncoder.encode(number, StandardCharsets.UTF_8);
			}
			// A label's tracking is kept when nothing is typed in.
			Tracking tracking = c == null && number == null && url == null ? null : new Tracking(number, c, url);
			tx.executeWithoutResult(s -> {
				Fulfillment shipped = fulfillments.ship(f.id(), tracking, staff.actor());
				if (f.state() != shipped.state()) {
					record(staff, request, "fulfillment.shipped", order, shipped,
							Map.of("carrier", c == null ? "" : c, "tracking_number", number == null ? "" : number));
				}
			});
			return "Fulfilment marked shipped" + (number == null ? "." : " with tracking number " + number + ".");
		});
	}

	@PostMapping("/app/orders/{id}/fulfillments/{fid}/deliver")
	@Requires(Permission.ORDERS_FULFILL)
	String deliver(@PathVariable String id, @PathVariable String fid, HttpServletRequest request,
			HttpServletResponse response) {
		return move(id, fid, request, response, fulfillments::deliver, "fulfillment.delivered",
				"Fulfilment marked delivered.");
	}

	@PostMapping("/app/orders/{id}/fulfillments/{fid}/cancel")
	@Requires(Permission.ORDERS_FULFILL)
	String cancel(@PathVariable String id, @PathVariable String fid, HttpServletRequest request,
			HttpServletResponse response) {
		return move(id, fid, request, response, fulfillments::cancel, "fulfillment.canceled",
				"Fulfilment canceled; its items can be fulfilled again.");
	}

	/** Moves a fulfilment to its next state; audited only when the state changed (a repeat is a no-op). */
	private String move(String id, String fid, HttpServletRequest request, HttpServletResponse response,
			java.util.function.BiFunction<String, String, Fulfillment> transition, String action, String done) {
		Staff staff = Staff.of(request);
		Order order = order(id);
		Fulfillment f = fulfillment(order, fid);
		return act(order, request, response, () -> {
			tx.executeWithoutResult(s -> {
				Fulfillment moved = transition.apply(f.id(), staff.actor());
				if (f.state() != moved.state()) {
					record(staff, request, action, order, moved, Map.of());
				}
			});
			return done;
		});
	}

	/** Runs an action and answers with the order page and a message: what was done, or why it was refused. */
	private String act(Order order, HttpServletRequest request, HttpServletResponse response, Supplier<String> action) {
		try {
			Flash.put(request, response, Flash.success(action.get()));
		}
		catch (LoupeException e) {
			Flash.put(request, response, new Flash("error", e.getMessage()));
		}
		return "redirect:/app/orders/" + order.id() + "#fulfilment";
	}

	private Order order(String id) {
		return orders.find(id).orElseThrow(() -> LoupeException.notFound("Order", shown(id)));
	}

	/** The fulfilment of this order; another order's fulfilment is not found here. */
	private Fulfillment fulfillment(Order order, String fid) {
		return fulfillments.find(fid).filter(f -> f.orderId().equals(order.id()))
			.orElseThrow(() -> LoupeException.notFound("Fulfillment", shown(fid)));
	}

	private void record(Staff staff, HttpServletRequest request, String action, Order order, Fulfillment f,
			Map<String, Object> details) {
		Map<String, Object> all = new LinkedHashMap<>(details);
		all.put("fulfillment_id", f.id());
		all.put("from", request.getRemoteAddr());
		audit.record(Actor.staff(staff.user().id()), action, "order", order.id(), all);
	}

	private static String units(Fulfillment f) {
		int units = f.items().stream().mapToInt(i -> i.quantity()).sum();
		return units + (units == 1 ? " item" : " items");
	}

	/** A typed-in text: null when empty; refused when too long or with control characters. */
	private static String text(String name, String value) {
		String clean = value.strip();
		if (clean.length() > MAX_TEXT || clean.chars().anyMatch(c -> c < 0x20)) {
			throw LoupeException.invalidData("The " + name + " must be at most " + MAX_TEXT + " characters of text.");
		}
		return clean.isEmpty() ? null : clean;
	}

	private static String shown(String id) {
		return id.length() <= 60 && id.matches("[A-Za-z0-9_]+") ? id : "(malformed)";
	}
}
