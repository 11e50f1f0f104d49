package dev.loupe.cart;

import dev.loupe.platform.Money;
import java.time.Instant;
import java.util.Map;

/** The shipping method of a cart: the chosen option's name and its price for this cart. */
public record CartShippingMethod(String id, String optionId, String name, Money amount, boolean taxInclusive,
		Map<String, Object> data, Instant createdAt, Instant updatedAt) {
}
