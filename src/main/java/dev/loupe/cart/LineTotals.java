package dev.loupe.cart;

import dev.loupe.platform.Money;
import dev.loupe.tax.TaxLine;
import java.util.List;

/**
 * The totals of one line, rounded to the currency's minor unit: {@code originalTotal} is what the shopper pays for
 * the line before discounts (tax included), {@code subtotal} the amount without tax, {@code total} with it.
 */
public record LineTotals(String lineId, Money unitPrice, int quantity, boolean taxInclusive, List<TaxLine> taxLines,
		Money originalSubtotal, Money originalTaxTotal, Money originalTotal, Money subtotal, Money taxTotal,
		Money discountTotal, Money total) {
}
