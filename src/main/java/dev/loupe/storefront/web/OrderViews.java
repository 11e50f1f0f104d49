package dev.loupe.storefront.web;

import dev.loupe.order.Order;
import dev.loupe.order.OrderAddress;
import dev.loupe.order.OrderLine;
import dev.loupe.order.OrderShippingMethod;
import dev.loupe.platform.Money;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Shows an order to its buyer. */
final class OrderViews {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
		.withZone(ZoneOffset.UTC);

	private OrderViews() {
	}

	static OrderPage page(Frame frame, Order order, boolean confirmation) {
		List<CartPage.Line> lines = new ArrayList<>();
		for (OrderLine l : order.items()) {
			lines.add(new CartPage.Line(l.id(), l.productTitle() != null ? l.productTitle() : l.title(), l.variantTitle(),
					l.productHandle() == null ? null : "/products/" + l.productHandle(), l.thumbnail(), l.quantity(),
					Formats.money(l.unitPrice()), Formats.money(l.unitPrice().times(l.quantity()).rounded()), l.quantity()));
		}
		var t = order.totals();
		// Amounts in the basis of the prices: with VAT where prices include it, before sales tax where it is added.
		boolean inclusive = order.items().stream().anyMatch(OrderLine::taxInclusive);
		Money items = inclusive ? t.originalItemTotal() : t.originalItemSubtotal();
		Money discount = inclusive ? t.discountTotal() : t.discountTotal().minus(t.discountTaxTotal());
		Money shipping = inclusive ? t.shippingTotal() : t.shippingSubtotal();
		return new OrderPage(frame, order.id(), order.displayId(), words(order.status().name()),
				words(order.paymentStatus()), words(order.fulfillmentStatus()), order.email(), DATE.format(order.createdAt()),
				lines, address(order.shippingAddress()),
				order.shippingMethods().stream().map(OrderShippingMethod::name).collect(Collectors.joining(", ")),
				Formats.money(items), discount.isZero() ? null : Formats.money(discount.negate()),
				Formats.money(shipping), inclusive ? "Includes VAT" : "Tax", Formats.money(t.taxTotal()), Formats.money(t.total()),
				order.promotionCodes(), confirmation);
	}

	static List<String> address(OrderAddress a) {
		if (a == null) {
			return List.of();
		}
		return Stream.of(join(a.firstName(), a.lastName()), a.company(), a.address1(), a.address2(),
				join(a.postalCode(), a.city()), join(a.province(), a.countryCode() == null ? null
						: a.countryCode().toUpperCase(Locale.ROOT)), a.phone())
			.filter(s -> s != null && !s.isBlank())
			.toList();
	}

	static String join(String a, String b) {
		return Stream.of(a, b).filter(s -> s != null && !s.isBlank()).collect(Collectors.joining(" "));
	}

	static String words(String code) {
		if (code == null) {
			return "";
		}
		String s = code.toLowerCase(Locale.ROOT).replace('_', ' ');
		return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
	}
}
