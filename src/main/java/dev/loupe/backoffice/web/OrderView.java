package dev.loupe.backoffice.web;

import dev.loupe.order.Order;
import dev.loupe.order.OrderAddress;
import dev.loupe.payment.Payment;
import dev.loupe.payment.PaymentCollection;
import dev.loupe.platform.Money;
import java.time.Instant;
import java.util.List;

/**
 * An order as its page shows it: the order, its payment, a timeline of everything that happened to it (newest
 * first), what may still be captured and refunded, and the forms' idempotency key.
 */
public record OrderView(Order order, String regionName, PaymentCollection payment, List<Event> timeline,
		String idempotencyKey, boolean canWrite, String error) {

	/** One entry of the timeline. */
	public record Event(Instant at, String title, String detail, String actor, String kind) {
	}

	public Payment livePayment() {
		return payment == null ? null : payment.livePayment().orElse(null);
	}

	/** What is authorised and not yet captured. */
	public Money capturable() {
		Payment p = livePayment();
		return p == null ? null : p.amount().minus(p.capturedAmount());
	}

	/** What is captured and not yet refunded. */
	public Money refundable() {
		Payment p = livePayment();
		return p == null ? null : p.capturedAmount().minus(p.refundedAmount());
	}

	public boolean canCapture() {
		Money m = capturable();
		return canWrite && m != null && m.isPositive() && !"canceled".equals(order.status().wire());
	}

	public boolean canRefund() {
		Money m = refundable();
		return canWrite && m != null && m.isPositive();
	}

	public boolean canCancel() {
		return canWrite && order.status().canBecome(dev.loupe.order.OrderStatus.CANCELED)
				&& dev.loupe.order.FulfillmentStatus.find(order.fulfillmentStatus()).map(f -> f.cancelable()).orElse(false);
	}

	public String customerName() {
		OrderAddress a = order.shippingAddress() != null ? order.shippingAddress() : order.billingAddress();
		if (a == null) {
			return order.email();
		}
		String name = ((a.firstName() == null ? "" : a.firstName()) + " " + (a.lastName() == null ? "" : a.lastName())).strip();
		return name.isEmpty() ? order.email() : name;
	}

	/** The lines of an address, without empty ones. */
	public static List<String> lines(OrderAddress a) {
		if (a == null) {
			return List.of();
		}
		String name = ((a.firstName() == null ? "" : a.firstName()) + " " + (a.lastName() == null ? "" : a.lastName())).strip();
		String city = String.join(" ", java.util.stream.Stream.of(a.postalCode(), a.city())
			.filter(s -> s != null && !s.isBlank())
			.toList());
		if (a.province() != null && !a.province().isBlank()) {
			city = city.isEmpty() ? a.province() : city + ", " + a.province();
		}
		return java.util.stream.Stream.of(name, a.company(), a.address1(), a.address2(), city,
				a.countryCode() == null ? null : a.countryCode().toUpperCase(java.util.Locale.ROOT), a.phone())
			.filter(s -> s != null && !s.isBlank())
			.toList();
	}
}
