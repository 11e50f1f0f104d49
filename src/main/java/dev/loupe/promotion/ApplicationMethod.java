package dev.loupe.promotion;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;

/**
 * How a promotion discounts: a percentage or a fixed amount, of the items (optionally only those its target rules
 * name), the whole order or the shipping methods; a fixed amount either per unit ({@code each}, up to
 * {@code maxQuantity} units per line) or once, spread {@code across} what it applies to.
 */
public record ApplicationMethod(String id, Type type, Target target, Allocation allocation, BigDecimal value,
		Currency currency, Integer maxQuantity, String description) {

	/** Percentage of, or fixed amount off. */
	public enum Type {
		PERCENTAGE, FIXED;

		public String code() {
			return name().toLowerCase(Locale.ROOT);
		}
	}

	/** What the discount applies to. */
	public enum Target {
		ITEMS, ORDER, SHIPPING_METHODS;

		public String code() {
			return name().toLowerCase(Locale.ROOT);
		}
	}

	/** Per unit, or once over everything it applies to. */
	public enum Allocation {
		EACH, ACROSS;

		public String code() {
			return name().toLowerCase(Locale.ROOT);
		}
	}
}
