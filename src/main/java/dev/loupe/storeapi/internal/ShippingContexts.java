package dev.loupe.storeapi.internal;

import dev.loupe.cart.Cart;
import dev.loupe.cart.CartAddress;
import dev.loupe.cart.LineItem;
import dev.loupe.cart.LineTotals;
import dev.loupe.catalog.ProductQueries;
import dev.loupe.fulfillment.ShippedItem;
import dev.loupe.fulfillment.ShippingContext;
import dev.loupe.platform.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * A cart as the fulfillment module sees it. The item subtotal that free-shipping thresholds compare with is the sum
 * of the lines' amounts as priced (unit price × quantity): VAT included where the prices include it, sales tax not
 * yet added where they exclude it, so a threshold does not move when the shopper's address adds US sales tax.
 * Weights come from the catalogue (grams, rounded up to a whole gram).
 */
@Component
class ShippingContexts {

	private final ProductQueries products;

	ShippingContexts(ProductQueries products) {
		this.products = products;
	}

	ShippingContext of(Cart cart) {
		Money subtotal = Money.zero(cart.totals().currency());
		for (LineTotals line : cart.totals().lines()) {
			subtotal = subtotal.plus(line.taxInclusive() ? line.originalTotal() : line.originalSubtotal());
		}
		Map<String, BigDecimal> weights = products.variantWeights(cart.items().stream()
			.filter(LineItem::requiresShipping).map(LineItem::variantId).toList());
		List<ShippedItem> items = cart.items().stream()
			.map(i -> new ShippedItem(i.variantId(), i.quantity(), grams(weights.get(i.variantId())), i.requiresShipping()))
			.toList();
		CartAddress to = cart.shippingAddress();
		return new ShippingContext(cart.region().id(), cart.currencyCode(), to == null ? null : to.countryCode(),
				to == null ? null : to.province(), to == null ? null : to.postalCode(), subtotal, items);
	}

	private static Integer grams(BigDecimal weight) {
		if (weight == null || weight.signum() < 0) {
			return null;
		}
		BigDecimal whole = weight.setScale(0, RoundingMode.CEILING);
		return whole.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0 ? Integer.MAX_VALUE : whole.intValueExact();
	}
}
