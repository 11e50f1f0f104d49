package dev.loupe.storefront.web;

import dev.loupe.cart.Cart;
import dev.loupe.cart.CartPromotion;
import dev.loupe.cart.Carts;
import dev.loupe.cart.LineItem;
import dev.loupe.fulfillment.ShippingOffer;
import dev.loupe.fulfillment.ShippingOptions;
import dev.loupe.platform.LoupeException;
import dev.loupe.platform.Money;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Shows a cart's lines and totals as the cart and checkout pages present them. */
@Component
class CartViews {

	private final Carts carts;
	private final ShippingOptions shipping;

	CartViews(Carts carts, ShippingOptions shipping) {
		this.carts = carts;
		this.shipping = shipping;
	}

	CartPage page(Frame frame, Visit visit, Cart cart, String error, String codeError) {
		if (cart == null) {
			return new CartPage(frame, List.of(), List.of(), null, null, null, null, null, null, error, codeError);
		}
		List<CartPage.Line> lines = lines(cart);
		List<String> codes = cart.promotions().stream().filter(p -> !p.automatic() && p.code() != null)
			.map(CartPromotion::code).distinct().toList();
		// Shown in the basis of the prices: with VAT where prices include it, before sales tax where tax is added.
		Money discount = cart.region().taxInclusive() ? cart.totals().discountTotal() : cart.totals().discountSubtotal();
		String shippingText;
		if (!cart.requiresShipping()) {
			shippingText = "Not needed";
		}
		else if (!cart.shippingMethods().isEmpty()) {
			Money amount = cart.region().taxInclusive() ? cart.totals().shippingTotal() : cart.totals().shippingSubtotal();
			shippingText = amount.isZero() ? "Free" : Formats.money(amount);
		}
		else {
			shippingText = estimate(visit, cart).map(m -> m.isZero() ? "Free" : "from " + Formats.money(m))
				.orElse("Calculated at checkout");
		}
		String tax;
		String taxLabel;
		if (cart.region().taxInclusive()) {
			taxLabel = "Includes VAT";
			tax = cart.shippingAddress() == null ? "Included" : Formats.money(cart.totals().taxTotal());
		}
		else {
			taxLabel = "Estimated tax";
			tax = cart.shippingAddress() == null ? "Calculated at checkout" : Formats.money(cart.totals().taxTotal());
		}
		return new CartPage(frame, lines, codes, Formats.money(itemsAmount(cart)),
				discount.isZero() ? null : Formats.money(discount.negate()), shippingText, tax, taxLabel,
				Formats.money(cart.totals().total()), error, codeError);
	}

	/** The items at their shelf prices (with VAT where prices include it), before discounts. */
	static Money itemsAmount(Cart cart) {
		Money sum = Money.zero(cart.totals().currency());
		for (LineItem item : cart.items()) {
			sum = sum.plus(item.unitPrice().times(item.quantity()).rounded());
		}
		return sum;
	}

	static List<CartPage.Line> lines(Cart cart) {
		List<CartPage.Line> lines = new ArrayList<>();
		for (LineItem item : cart.items()) {
			Money shown = item.unitPrice().times(item.quantity()).rounded();
			lines.add(new CartPage.Line(item.id(), item.productTitle() != null ? item.productTitle() : item.title(),
					item.variantTitle(), item.productHandle() == null ? null : "/products/" + item.productHandle()
							+ "?variant=" + item.variantId(),
					item.thumbnail(), item.quantity(), Formats.money(item.unitPrice()), Formats.money(shown),
					Carts.MAX_QUANTITY));
		}
		return lines;
	}

	/** The cheapest priced shipping option for the cart as it is, when any can be priced yet. */
	private Optional<Money> estimate(Visit visit, Cart cart) {
		try {
			return shipping.available(carts.shippingContext(visit.shopper(), cart.id())).stream()
				.filter(ShippingOffer::isPriced)
				.map(ShippingOffer::amount)
				.min(Comparator.naturalOrder());
		}
		catch (LoupeException | IllegalArgumentException notYet) {
			return Optional.empty();
		}
	}
}
