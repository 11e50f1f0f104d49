package dev.loupe.promotion;

import dev.loupe.platform.Money;
import java.util.Objects;

/** A shipping method of a cart and its amount before discounts, rounded to the minor unit. */
public record DiscountShipping(String shippingMethodId, Money amount) {

	public DiscountShipping {
		Objects.requireNonNull(shippingMethodId, "shippingMethodId");
		Objects.requireNonNull(amount, "amount");
		if (amount.isNegative() || !amount.isRounded()) {
			throw new IllegalArgumentException("A shipping amount must be rounded and not negative: " + amount);
		}
	}
}
