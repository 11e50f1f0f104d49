package dev.loupe.cart;

import dev.loupe.platform.Money;
import dev.loupe.tax.TaxLine;
import java.util.List;

/**
 * The totals of one line (or one shipping method, with quantity 1), rounded to the currency's minor unit, named as
 * Medusa names them: {@code original*} before discounts; {@code subtotal} the amount without tax before discounts;
 * {@code discountTotal} what the discounts take off including their tax ({@code discountSubtotal} without it);
 * {@code taxTotal} the tax after discounts; {@code total = subtotal − discountSubtotal + taxTotal}, what the shopper
 * pays for the line.
 */
public record LineTotals(String lineId, Money unitPrice, int quantity, boolean taxInclusive, List<TaxLine> taxLines,
		Money originalSubtotal, Money originalTaxTotal, Money originalTotal, Money subtotal, Money taxTotal,
		Money discountTotal, Money total, Money discountSubtotal, Money discountTaxTotal) {
}
