package dev.loupe.order;

import dev.loupe.platform.Money;
import java.math.BigDecimal;

/** A tax applied to a line or shipping method; the {@code id} is given when the order is placed. */
public record OrderTaxLine(String rateId, String code, String name, BigDecimal ratePercent, Money amount, String id) {

	/** A tax line of a draft, without an id yet. */
	public OrderTaxLine(String rateId, String code, String name, BigDecimal ratePercent, Money amount) {
		this(rateId, code, name, ratePercent, amount, null);
	}

	OrderTaxLine withId(String newId) {
		return new OrderTaxLine(rateId, code, name, ratePercent, amount, newId);
	}
}
