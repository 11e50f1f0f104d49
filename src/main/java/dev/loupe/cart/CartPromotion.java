package dev.loupe.cart;

import java.math.BigDecimal;

/**
 * A promotion applied to a cart (a code the shopper entered, or an automatic one), with how it discounts:
 * {@code type} {@code percentage} or {@code fixed}, its value and, for fixed amounts, the currency.
 */
public record CartPromotion(String promotionId, String code, boolean automatic, String type, BigDecimal value,
		String currencyCode) {
}
