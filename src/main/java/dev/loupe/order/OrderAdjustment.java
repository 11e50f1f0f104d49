package dev.loupe.order;

import dev.loupe.platform.Money;

/** A discount a promotion gave a line or shipping method; the {@code id} is given when the order is placed. */
public record OrderAdjustment(String promotionId, String code, Money amount, String description, String id) {

	/** An adjustment of a draft, without an id yet. */
	public OrderAdjustment(String promotionId, String code, Money amount, String description) {
		this(promotionId, code, amount, description, null);
	}

	OrderAdjustment withId(String newId) {
		return new OrderAdjustment(promotionId, code, amount, description, newId);
	}
}
