package dev.loupe.order;

import dev.loupe.platform.Money;
import java.util.List;

/** Totals of the whole order, as Medusa names them on a cart/order. */
public record OrderTotals(Money itemSubtotal, Money itemTaxTotal, Money itemTotal, Money originalItemSubtotal,
		Money originalItemTaxTotal, Money originalItemTotal, Money shippingSubtotal, Money shippingTaxTotal,
		Money shippingTotal, Money originalShippingSubtotal, Money originalShippingTaxTotal, Money originalShippingTotal,
		Money discountTotal, Money discountTaxTotal, Money subtotal, Money taxTotal, Money total,
		Money originalSubtotal, Money originalTaxTotal, Money originalTotal) {

	/** Every total in declaration order (the order of the columns that store them). */
	public List<Money> all() {
		return List.of(itemSubtotal, itemTaxTotal, itemTotal, originalItemSubtotal, originalItemTaxTotal,
				originalItemTotal, shippingSubtotal, shippingTaxTotal, shippingTotal, originalShippingSubtotal,
				originalShippingTaxTotal, originalShippingTotal, discountTotal, discountTaxTotal, subtotal, taxTotal, total,
				originalSubtotal, originalTaxTotal, originalTotal);
	}
}
