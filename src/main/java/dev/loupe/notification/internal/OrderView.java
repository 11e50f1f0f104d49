package dev.loupe.notification.internal;

import dev.loupe.order.Order;
import dev.loupe.order.OrderAddress;
import dev.loupe.order.OrderLine;
import dev.loupe.order.OrderShippingMethod;
import dev.loupe.platform.Money;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** What an order email shows of an order: its lines and totals as the checkout froze them, and links back. */
public record OrderView(String id, long displayId, Instant placedAt, String customerName, String email,
		List<Line> lines, Money itemSubtotal, Money shipping, Money discount, Money tax, Money total,
		List<String> shippingAddress, String shippingMethod, String url) {

	/** A line: what, how many, at which unit price, and its amount before tax. */
	public record Line(String title, String variant, int quantity, Money unitPrice, Money total, String productUrl) {
	}

	public static OrderView of(Order order, String baseUrl) {
		List<Line> lines = order.items().stream().map(l -> line(l, baseUrl)).toList();
		OrderAddress a = order.shippingAddress();
		String name = a == null ? null : join(" ", a.firstName(), a.lastName());
		List<String> address = new ArrayList<>();
		if (a != null) {
			Stream.of(name, a.company(), a.address1(), a.address2(), join(" ", a.postalCode(), a.city()), a.province(),
					a.countryCode() == null ? null : a.countryCode().toUpperCase(java.util.Locale.ROOT))
				.filter(s -> s != null && !s.isBlank())
				.forEach(address::add);
		}
		String method = order.shippingMethods().stream().map(OrderShippingMethod::name).collect(Collectors.joining(", "));
		// A customer's order opens in their account; a guest's through the order lookup, pre-filled with its number
		// and email (the order id alone is not put in an email that may be forwarded).
		String url = order.customerId() != null
				? baseUrl + "/account/orders/" + URLEncoder.encode(order.id(), StandardCharsets.UTF_8)
				: baseUrl + "/order/lookup?number=" + order.displayId() + "&email="
						+ URLEncoder.encode(order.email() == null ? "" : order.email(), StandardCharsets.UTF_8);
		var t = order.totals();
		return new OrderView(order.id(), order.displayId(), order.createdAt(), name, order.email(), lines,
				t.itemSubtotal(), t.shippingSubtotal(), t.discountTotal(), t.taxTotal(), t.total(), List.copyOf(address),
				method, url);
	}

	/**
	 * The lines of one shipment: {@code quantities} by order line id; lines not named are left out, and each line's
	 * total is its unit price times the shipped quantity.
	 */
	public static List<Line> shipped(Order order, String baseUrl, java.util.Map<String, Integer> quantities) {
		List<Line> shipped = new ArrayList<>();
		for (OrderLine l : order.items()) {
			Integer quantity = quantities.get(l.id());
			if (quantity != null && quantity > 0) {
				Line whole = line(l, baseUrl);
				shipped.add(new Line(whole.title(), whole.variant(), quantity, l.unitPrice(), l.unitPrice().times(quantity),
						whole.productUrl()));
			}
		}
		return List.copyOf(shipped);
	}

	private static Line line(OrderLine l, String baseUrl) {
		String title = l.productTitle() != null ? l.productTitle() : l.title();
		String variant = Objects.equals(l.variantTitle(), title) ? null : l.variantTitle();
		String link = l.productHandle() == null ? null
				: baseUrl + "/products/" + URLEncoder.encode(l.productHandle(), StandardCharsets.UTF_8);
		Money total = l.amounts() == null ? l.unitPrice().times(l.quantity()) : l.amounts().subtotal();
		return new Line(title, variant, l.quantity(), l.unitPrice(), total, link);
	}

	private static String join(String separator, String... parts) {
		String joined = Stream.of(parts).filter(p -> p != null && !p.isBlank()).collect(Collectors.joining(separator));
		return joined.isEmpty() ? null : joined;
	}

	/** A greeting that uses the shopper's first name when there is one. */
	public String greeting() {
		return customerName == null ? "Hello," : "Hello " + customerName + ",";
	}

	public boolean hasDiscount() {
		return discount != null && !discount.isZero();
	}

	/** The order as plain text, for the text part of every order email. */
	public String text(Branding brand) {
		StringBuilder text = new StringBuilder();
		text.append("Order #").append(displayId).append(", placed ").append(brand.date(placedAt)).append("\n\n");
		for (Line l : lines) {
			text.append(l.quantity()).append(" × ").append(l.title());
			if (l.variant() != null) {
				text.append(" (").append(l.variant()).append(')');
			}
			text.append("  ").append(brand.money(l.total())).append('\n');
		}
		text.append("\nSubtotal: ").append(brand.money(itemSubtotal)).append('\n');
		if (!shippingMethod.isEmpty()) {
			text.append("Shipping (").append(shippingMethod).append("): ").append(brand.money(shipping)).append('\n');
		}
		if (hasDiscount()) {
			text.append("Discount: -").append(brand.money(discount)).append('\n');
		}
		text.append("Tax: ").append(brand.money(tax)).append('\n');
		text.append("Total: ").append(brand.money(total)).append('\n');
		if (!shippingAddress.isEmpty()) {
			text.append("\nShipping to:\n").append(String.join("\n", shippingAddress)).append('\n');
		}
		text.append("\nView your order: ").append(url).append('\n');
		return text.toString();
	}
}
