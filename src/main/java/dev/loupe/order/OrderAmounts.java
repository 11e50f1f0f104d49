package dev.loupe.order;

import dev.loupe.platform.Money;
import java.util.List;

/** The amounts of one line or shipping method, rounded to the currency's minor unit. */
public record OrderAmounts(Money originalSubtotal, Money originalTaxTotal, Money originalTotal, Money subtotal,
		Money taxTotal, Money discountTotal, Money discountTaxTotal, Money total) {

	public List<Money> all() {
		return List.of(originalSubtotal, originalTaxTotal, originalTotal, subtotal, taxTotal, discountTotal,
				discountTaxTotal, total);
	}
}
