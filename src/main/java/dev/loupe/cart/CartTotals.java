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
 * minor unit, and its discount (from the promotion calculator, in the same tax basis as the price) is taken off
 * before tax: the tax lines come from {@link TaxCalculation} on the discounted amount (each rounded once). A
 * tax-inclusive amount holds its tax, a tax-exclusive one gets it added. Shipping methods are totalled the same way
 * with quantity 1. Cart totals are sums of the rounded line totals, so they always match the lines shown:
 * {@code total = original_total − discount_total = subtotal − discount_subtotal + tax_total}.
 */
public record CartTotals(Currency currency, List<LineTotals> lines, List<LineTotals> shippingMethods,
		Money itemSubtotal, Money itemTaxTotal, Money itemTotal, Money originalItemSubtotal, Money originalItemTaxTotal,
		Money originalItemTotal, Money shippingSubtotal, Money shippingTaxTotal, Money shippingTotal,
		Money originalShippingSubtotal, Money originalShippingTaxTotal, Money originalShippingTotal,
		Money discountTotal, Money discountSubtotal, Money discountTaxTotal, Money subtotal, Money taxTotal,
		Money total, Money originalSubtotal, Money originalTaxTotal, Money originalTotal) {

	/** A line to total: its unit price, quantity, whether the price holds tax, the rates of its place, its discount. */
	public record PricedLine(String lineId, Money unitPrice, int quantity, boolean taxInclusive, List<TaxRate> rates,
			Money discount) {

		public PricedLine(String lineId, Money unitPrice, int quantity, boolean taxInclusive, List<TaxRate> rates) {
			this(lineId, unitPrice, quantity, taxInclusive, rates, null);
		}

		/** The line's amount before discounts: unit price × quantity, rounded. */
		public Money amount() {
			return Money.zero(unitPrice.currency()).plus(unitPrice.times(quantity)).rounded();
		}
	}

	/** A shipping method to total: its price, whether it holds tax, the rates of the destination, its discount. */
	public record PricedShipping(String methodId, Money amount, boolean taxInclusive, List<TaxRate> rates,
			Money discount) {
	}

	/** The totals of these lines in this currency, without shipping. */
	public static CartTotals calculate(Currency currency, List<PricedLine> lines) {
		return calculate(currency, lines, List.of());
	}

	/** The totals of these lines and shipping methods; every amount must be in {@code currency}. */
	public static CartTotals calculate(Currency currency, List<PricedLine> lines, List<PricedShipping> shipping) {
		List<LineTotals> lineTotals = new ArrayList<>(lines.size());
		for (PricedLine line : lines) {
			if (line.quantity() <= 0) {
				throw new IllegalArgumentException("A line's quantity must be positive: " + line.quantity());
			}
			if (line.unitPrice().isNegative()) {
				throw new IllegalArgumentException("A unit price must not be negative: " + line.unitPrice());
			}
			lineTotals.add(totals(line.lineId(), line.unitPrice(), line.quantity(), line.amount(), line.taxInclusive(),
					line.rates(), line.discount()));
		}
		List<LineTotals> shippingTotals = new ArrayList<>(shipping.size());
		for (PricedShipping method : shipping) {
			if (method.amount().isNegative()) {
				throw new IllegalArgumentException("A shipping price must not be negative: " + method.amount());
			}
			Money amount = method.amount().rounded();
			shippingTotals.add(totals(method.methodId(), amount, 1, amount, method.taxInclusive(), method.rates(),
					method.discount()));
		}
		Sum items = Sum.of(currency, lineTotals);
		Sum ship = Sum.of(currency, shippingTotals);
		return new CartTotals(currency, List.copyOf(lineTotals), List.copyOf(shippingTotals), items.subtotal,
				items.tax, items.total, items.subtotal, items.originalTax, items.originalTotal, ship.subtotal, ship.tax,
				ship.total, ship.subtotal, ship.originalTax, ship.originalTotal, items.discount.plus(ship.discount),
				items.discountSubtotal.plus(ship.discountSubtotal), items.discountTax.plus(ship.discountTax),
				items.subtotal.plus(ship.subtotal), items.tax.plus(ship.tax), items.total.plus(ship.total),
				items.subtotal.plus(ship.subtotal), items.originalTax.plus(ship.originalTax),
				items.originalTotal.plus(ship.originalTotal));
	}

	private static LineTotals totals(String id, Money unitPrice, int quantity, Money amount, boolean taxInclusive,
			List<TaxRate> rates, Money discount) {
		Money zero = Money.zero(amount.currency());
		Money off = discount == null ? zero : zero.plus(discount);
		if (off.isNegative() || !off.isRounded() || off.compareTo(amount) > 0) {
			throw new IllegalArgumentException("A discount must be rounded and between 0 and the amount " + amount
					+ ": " + off);
		}
		Money originalTax = TaxCalculation.total(amount, TaxCalculation.lines(amount, rates, taxInclusive));
		Money discounted = amount.minus(off);
		List<TaxLine> taxLines = TaxCalculation.lines(discounted, rates, taxInclusive);
		Money tax = TaxCalculation.total(discounted, taxLines);
		Money subtotal = taxInclusive ? amount.minus(originalTax) : amount;
		Money originalTotal = subtotal.plus(originalTax);
		Money discountTax = originalTax.minus(tax);
		Money discountSubtotal = taxInclusive ? off.minus(discountTax) : off;
		Money discountTotal = discountSubtotal.plus(discountTax);
		Money total = originalTotal.minus(discountTotal);
		return new LineTotals(id, unitPrice, quantity, taxInclusive, taxLines, subtotal, originalTax, originalTotal,
				subtotal, tax, discountTotal, total, discountSubtotal, discountTax);
	}

	/** Sums of rounded line totals. */
	private record Sum(Money subtotal, Money tax, Money total, Money originalTax, Money originalTotal, Money discount,
			Money discountSubtotal, Money discountTax) {

		static Sum of(Currency currency, List<LineTotals> lines) {
			Money zero = Money.zero(currency);
			Sum s = new Sum(zero, zero, zero, zero, zero, zero, zero, zero);
			for (LineTotals l : lines) {
				s = new Sum(s.subtotal.plus(l.subtotal()), s.tax.plus(l.taxTotal()), s.total.plus(l.total()),
						s.originalTax.plus(l.originalTaxTotal()), s.originalTotal.plus(l.originalTotal()),
						s.discount.plus(l.discountTotal()), s.discountSubtotal.plus(l.discountSubtotal()),
						s.discountTax.plus(l.discountTaxTotal()));
			}
			return s;
		}
	}
}
