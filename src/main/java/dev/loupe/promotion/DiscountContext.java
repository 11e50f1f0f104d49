package dev.loupe.promotion;

import java.util.Currency;
import java.util.List;
import java.util.Objects;

/**
 * Everything the calculation needs from a cart: its currency, lines and shipping methods, and its customer (may be
 * null; carried for the caller, as per-customer limits are checked by {@link Promotions}, not by the calculation) with
 * the ids of the customer groups it belongs to (none for a guest), which promotions limited to groups need.
 */
public record DiscountContext(Currency currency, List<DiscountLine> lines, List<DiscountShipping> shippingMethods,
		String customerId, List<String> customerGroupIds) {

	/** The context of a cart whose customer is in no group (or a guest). */
	public DiscountContext(Currency currency, List<DiscountLine> lines, List<DiscountShipping> shippingMethods,
			String customerId) {
		this(currency, lines, shippingMethods, customerId, List.of());
	}

	public DiscountContext {
		customerGroupIds = customerGroupIds == null ? List.of() : List.copyOf(customerGroupIds);
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
