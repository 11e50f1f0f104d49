package dev.loupe.cart;

import dev.loupe.platform.Money;
import dev.loupe.tax.TaxCalculation;
import dev.loupe.tax.TaxLine;
import dev.loupe.tax.TaxRate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/**
 * The totals of a cart, free of the database. Per line the amount is {@code unit_price × quantity}, rounded to the
 * minor unit; its tax lines come from {@link TaxCalculation} (each rounded once); a tax-inclusive amount holds its
 * tax ({@code subtotal = amount − tax}), a tax-exclusive one gets it added ({@code subtotal = amount}); in both cases
 * {@code total = subtotal + tax}. Cart totals are sums of the rounded line totals, so they always match the lines
 * shown. Shipping, discounts and gift cards are zero until those features exist.
 */
public record CartTotals(Currency currency, List<LineTotals> lines, Money itemSubtotal, Money itemTaxTotal,
		Money itemTotal, Money originalItemSubtotal, Money originalItemTaxTotal, Money originalItemTotal,
		Money shippingSubtotal, Money shippingTaxTotal, Money shippingTotal, Money discountTotal,
		Money discountTaxTotal, Money subtotal, Money taxTotal, Money total, Money originalSubtotal,
		Money originalTaxTotal, Money originalTotal) {

	/** A line to total: its unit price, quantity, whether the price holds tax, and the tax rates of its place. */
	public record PricedLine(String lineId, Money unitPrice, int quantity, boolean taxInclusive, List<TaxRate> rates) {
	}

	/** The totals of these lines in this currency; every unit price must be in it. */
	public static CartTotals calculate(Currency currency, List<PricedLine> lines) {
		Money zero = Money.zero(currency);
		List<LineTotals> totals = new ArrayList<>(lines.size());
		Money subtotal = zero;
		Money tax = zero;
		Money total = zero;
		for (PricedLine line : lines) {
			if (line.quantity() <= 0) {
				throw new IllegalArgumentException("A line's quantity must be positive: " + line.quantity());
			}
			if (line.unitPrice().isNegative()) {
				throw new IllegalArgumentException("A unit price must not be negative: " + line.unitPrice());
			}
			Money amount = zero.plus(line.unitPrice().times(line.quantity())).rounded();
			List<TaxLine> taxLines = TaxCalculation.lines(amount, line.rates(), line.taxInclusive());
			Money lineTax = TaxCalculation.total(amount, taxLines);
			Money lineSubtotal = line.taxInclusive() ? amount.minus(lineTax) : amount;
			Money lineTotal = lineSubtotal.plus(lineTax);
			totals.add(new LineTotals(line.lineId(), line.unitPrice(), line.quantity(), line.taxInclusive(), taxLines,
					lineSubtotal, lineTax, lineTotal, lineSubtotal, lineTax, zero, lineTotal));
			subtotal = subtotal.plus(lineSubtotal);
			tax = tax.plus(lineTax);
			total = total.plus(lineTotal);
		}
		// No shipping methods, promotions or gift cards yet: their totals are zero.
		Money shipping = zero;
		Money discount = zero;
		return new CartTotals(currency, List.copyOf(totals), subtotal, tax, total, subtotal, tax, total, shipping, zero,
				shipping, discount, zero, subtotal.plus(shipping), tax, total.plus(shipping).minus(discount),
				subtotal.plus(shipping), tax, total.plus(shipping));
	}
}
