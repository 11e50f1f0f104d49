package dev.loupe.cart;

import dev.loupe.platform.Money;

/** What a promotion takes off one line or shipping method ({@code targetId}), in the target's tax basis. */
public record CartAdjustment(String id, String targetId, String promotionId, String code, Money amount,
		String description) {
}
