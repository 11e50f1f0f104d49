package dev.loupe.order;

import dev.loupe.platform.Ids;
import dev.loupe.platform.Money;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;

/**
 * The invariants of a draft and its freezing into an order with ids. A draft comes from the checkout, not from a
 * client, so a broken draft is a programming error ({@link IllegalArgumentException}), never a shopper's mistake.
 */
final class DraftRules {

	private DraftRules() {
	}

	/** The order the draft describes, with ids for its lines, methods, addresses, tax lines and adjustments. */
	static Order freeze(OrderDraft d) {
		require(d != null, "an order draft is required");
		require(Ids.hasPrefix(d.orderId(), "order"), "orderId must be made with Ids.next(\"order\"): " + d.orderId());
		require(present(d.cartId()) && d.cartId().length() <= 100, "cartId is required");
		require(present(d.regionId()), "regionId is required");
		require(present(d.salesChannelId()), "salesChannelId is required");
		require(d.items() != null && !d.items().isEmpty(), "an order needs at least one line");
		require(d.totals() != null, "totals are required");
		require(PaymentStatus.find(d.paymentStatus()).isPresent(), "unknown payment status: " + d.paymentStatus());
		Currency currency = Money.currency(d.currencyCode());
		d.totals().all().forEach(m -> same(currency, m, "totals"));
		List<OrderLine> lines = new ArrayList<>();
		for (OrderLineDraft l : d.items()) {
			require(l.quantity() > 0, "a line's quantity must be positive: " + l.quantity());
			require(present(l.title()), "a line needs a title");
			same(currency, l.unitPrice(), "unit price");
			require(!l.unitPrice().isNegative(), "a unit price must not be negative: " + l.unitPrice());
			require(l.amounts() != null, "a line needs its amounts");
			l.amounts().all().forEach(m -> same(currency, m, "line amounts"));
			lines.add(new OrderLine(Ids.next("ordli"), l.variantId(), l.productId(), l.title(), l.subtitle(),
					l.thumbnail(), l.productTitle(), l.productHandle(), l.variantTitle(), l.variantSku(), l.quantity(),
					l.unitPrice(), l.taxInclusive(), l.requiresShipping(), l.discountable(), taxLines(currency, l.taxLines()),
					adjustments(currency, l.adjustments()), l.amounts(), l.metadata()));
		}
		List<OrderShippingMethod> methods = new ArrayList<>();
		for (OrderShippingDraft s : d.shippingMethods() == null ? List.<OrderShippingDraft>of() : d.shippingMethods()) {
			require(present(s.name()), "a shipping method needs a name");
			same(currency, s.amount(), "shipping amount");
			require(!s.amount().isNegative(), "a shipping amount must not be negative: " + s.amount());
			require(s.amounts() != null, "a shipping method needs its amounts");
			s.amounts().all().forEach(m -> same(currency, m, "shipping amounts"));
			methods.add(new OrderShippingMethod(Ids.next("ordsm"), s.shippingOptionId(), s.name(), s.amount(),
					s.taxInclusive(), taxLines(currency, s.taxLines()), adjustments(currency, s.adjustments()), s.amounts(),
					s.data()));
		}
		return new Order(d.orderId(), 0, OrderStatus.PENDING, d.paymentStatus(), FulfillmentStatus.NOT_FULFILLED.wire(),
				d.cartId(), d.regionId(), d.currencyCode().toLowerCase(Locale.ROOT), d.salesChannelId(), d.customerId(),
				d.email(), address(d.shippingAddress()), address(d.billingAddress()), List.copyOf(lines),
				List.copyOf(methods), d.promotionCodes() == null ? List.of() : List.copyOf(d.promotionCodes()), d.totals(),
				d.paymentCollectionId(), d.metadata(), null, null, null);
	}

	private static List<OrderTaxLine> taxLines(Currency currency, List<OrderTaxLine> lines) {
		if (lines == null) {
			return List.of();
		}
		return lines.stream().map(t -> {
			same(currency, t.amount(), "tax line");
			return t.withId(Ids.next("ordtxl"));
		}).toList();
	}

	private static List<OrderAdjustment> adjustments(Currency currency, List<OrderAdjustment> adjustments) {
		if (adjustments == null) {
			return List.of();
		}
		return adjustments.stream().map(a -> {
			same(currency, a.amount(), "adjustment");
			return a.withId(Ids.next("ordadj"));
		}).toList();
	}

	private static OrderAddress address(OrderAddress a) {
		return a == null ? null : a.withId(Ids.next("ordaddr"));
	}

	private static void same(Currency currency, Money money, String what) {
		require(money != null, what + " must not be null");
		require(money.currency().equals(currency), what + " is in " + money.currencyCode() + ", the order in " + currency);
	}

	private static boolean present(String value) {
		return value != null && !value.isBlank();
	}

	private static void require(boolean condition, String message) {
		if (!condition) {
			throw new IllegalArgumentException("Invalid order draft: " + message);
		}
	}
}
