package dev.loupe.checkout.internal;

import dev.loupe.cart.Cart;
import dev.loupe.cart.CartAddress;
import dev.loupe.cart.CartAdjustment;
import dev.loupe.cart.CartPromotion;
import dev.loupe.cart.CartShippingMethod;
import dev.loupe.cart.CartTotals;
import dev.loupe.cart.LineItem;
import dev.loupe.cart.LineTotals;
import dev.loupe.order.OrderAddress;
import dev.loupe.order.OrderAdjustment;
import dev.loupe.order.OrderAmounts;
import dev.loupe.order.OrderDraft;
import dev.loupe.order.OrderLineDraft;
import dev.loupe.order.OrderShippingDraft;
import dev.loupe.order.OrderTaxLine;
import dev.loupe.order.OrderTotals;
import dev.loupe.tax.TaxLine;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The order a cart becomes: every line, shipping method, tax line, adjustment and total frozen as the cart shows them. */
public final class OrderDrafts {

	private OrderDrafts() {
	}

	public static OrderDraft of(String orderId, Cart cart, String paymentCollectionId, String paymentStatus) {
		Map<String, LineTotals> lineTotals = new HashMap<>();
		cart.totals().lines().forEach(t -> lineTotals.put(t.lineId(), t));
		cart.totals().shippingMethods().forEach(t -> lineTotals.put(t.lineId(), t));
		List<OrderLineDraft> items = cart.items().stream().map(item -> line(cart, item, lineTotals.get(item.id()))).toList();
		List<OrderShippingDraft> shipping = cart.shippingMethods().stream()
			.map(m -> shipping(cart, m, lineTotals.get(m.id())))
			.toList();
		List<String> codes = cart.promotions().stream().map(CartPromotion::code).filter(c -> c != null).toList();
		return new OrderDraft(orderId, cart.id(), cart.region().id(), cart.currencyCode(), cart.salesChannelId(),
				cart.customerId(), cart.email(), address(cart.shippingAddress()), address(cart.billingAddress()), items,
				shipping, codes, totals(cart.totals()), paymentCollectionId, paymentStatus, cart.metadata());
	}

	private static OrderLineDraft line(Cart cart, LineItem i, LineTotals t) {
		return new OrderLineDraft(i.variantId(), i.productId(), i.title(), i.subtitle(), i.thumbnail(), i.productTitle(),
				i.productHandle(), i.variantTitle(), i.variantSku(), i.quantity(), i.unitPrice(), i.taxInclusive(),
				i.requiresShipping(), i.discountable(), taxLines(t.taxLines()), adjustments(cart.adjustmentsOf(i.id())),
				amounts(t), i.metadata());
	}

	private static OrderShippingDraft shipping(Cart cart, CartShippingMethod m, LineTotals t) {
		return new OrderShippingDraft(m.optionId(), m.name(), m.amount(), m.taxInclusive(), taxLines(t.taxLines()),
				adjustments(cart.adjustmentsOf(m.id())), amounts(t), m.data());
	}

	private static List<OrderTaxLine> taxLines(List<TaxLine> lines) {
		return lines.stream().map(l -> new OrderTaxLine(l.rateId(), l.code(), l.name(), l.ratePercent(), l.amount())).toList();
	}

	private static List<OrderAdjustment> adjustments(List<CartAdjustment> adjustments) {
		return adjustments.stream()
			.map(a -> new OrderAdjustment(a.promotionId(), a.code(), a.amount(), a.description()))
			.toList();
	}

	private static OrderAmounts amounts(LineTotals t) {
		return new OrderAmounts(t.originalSubtotal(), t.originalTaxTotal(), t.originalTotal(), t.subtotal(), t.taxTotal(),
				t.discountTotal(), t.discountTaxTotal(), t.total());
	}

	private static OrderTotals totals(CartTotals t) {
		return new OrderTotals(t.itemSubtotal(), t.itemTaxTotal(), t.itemTotal(), t.originalItemSubtotal(),
				t.originalItemTaxTotal(), t.originalItemTotal(), t.shippingSubtotal(), t.shippingTaxTotal(),
				t.shippingTotal(), t.originalShippingSubtotal(), t.originalShippingTaxTotal(), t.originalShippingTotal(),
				t.discountTotal(), t.discountTaxTotal(), t.subtotal(), t.taxTotal(), t.total(), t.originalSubtotal(),
				t.originalTaxTotal(), t.originalTotal());
	}

	private static OrderAddress address(CartAddress a) {
		return a == null ? null : new OrderAddress(a.firstName(), a.lastName(), a.phone(), a.company(), a.address1(),
				a.address2(), a.city(), a.countryCode(), a.province(), a.postalCode(), a.metadata());
	}
}
