package dev.loupe.promotion;

import dev.loupe.platform.Money;
import java.util.List;
import java.util.Objects;

/**
 * A cart line as promotions see it: its product's id, collection and categories (for target rules), its quantity
 * and its amount before discounts, rounded to the minor unit, in the line's price basis (tax-inclusive or not: the
 * caller decides, and gets discounts in the same basis). Lines that are not discountable are never discounted and do
 * not count towards minimum subtotals.
 */
public record DiscountLine(String lineId, String productId, String collectionId, List<String> categoryIds,
		int quantity, Money amount, boolean discountable) {

	public DiscountLine {
		Objects.requireNonNull(lineId, "lineId");
		Objects.requireNonNull(amount, "amount");
		categoryIds = categoryIds == null ? List.of() : List.copyOf(categoryIds);
		if (quantity <= 0) {
			throw new IllegalArgumentException("A line's quantity must be positive: " + quantity);
		}
		if (amount.isNegative() || !amount.isRounded()) {
			throw new IllegalArgumentException("A line's amount must be rounded and not negative: " + amount);
		}
	}
}
