package dev.loupe.promotion;

import java.util.Currency;
import java.util.List;
import java.util.Objects;

/** Everything the calculation needs from a cart: its currency, lines, shipping methods and customer (may be null). */
public record DiscountContext(Currency currency, List<DiscountLine> lines, List<DiscountShipping> shippingMethods,
		String customerId) {

	public DiscountContext {
		Objects.requireNonNull(currency, "currency");
		lines = lines == null ? List.of() : List.copyOf(lines);
		shippingMethods = shippingMethods == null ? List.of() : List.copyOf(shippingMethods);
		for (DiscountLine line : lines) {
			if (!line.amount().currency().equals(currency)) {
				throw new IllegalArgumentException("Line " + line.lineId() + " is not in " + currency);
			}
		}
		for (DiscountShipping method : shippingMethods) {
			if (!method.amount().currency().equals(currency)) {
				throw new IllegalArgumentException("Shipping method " + method.shippingMethodId() + " is not in " + currency);
			}
		}
	}
}
